"""XLSX import of a unit's nomination list: every row validated, all or nothing."""
from __future__ import annotations

from io import BytesIO
from typing import IO

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select

from app.extensions import db
from app.models import AwardType, Campaign, Gender, Nomination, OrgUnit, Person, User
from app.models.text import fold, nfc
from app.services.errors import ServiceError
from app.services.ledger_facts import subtree_unit_ids
from app.services.nominations import NewPerson, NominationData, create_nomination

HEADERS = ["Đối tượng (Cá nhân/Tập thể)", "Họ và tên / Tên tập thể", "Giới tính (Nam/Nữ)", "Năm sinh",
           "Chức vụ", "Mã đơn vị công tác", "Mã hình thức", "Năm xét", "Tóm tắt thành tích"]
MAX_ROWS = 2000


def import_template(awards: list[AwardType]) -> BytesIO:
    """The downloadable template: headers, one example row, the award codes on a second sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["Cá nhân", "Nguyễn Văn A", "Nam", 1980, "Chuyên viên", "", awards[0].code if awards else "BK_TP",
                  2025, "Hoàn thành xuất sắc nhiệm vụ cải cách hành chính…"])
    kinds = DataValidation(type="list", formula1='"Cá nhân,Tập thể"', allow_blank=False)
    sheet.add_data_validation(kinds)
    kinds.add(f"A2:A{MAX_ROWS}")
    codes = book.create_sheet("Mã hình thức")
    codes.append(["Mã", "Tên hình thức", "Đối tượng"])
    for award in awards:
        codes.append([award.code, award.name, award.subject_scope.label])
    for column, width in zip("ABCDEFGHI", (14, 32, 12, 10, 24, 18, 14, 10, 60)):
        sheet.column_dimensions[column].width = width
    out = BytesIO()
    book.save(out)
    out.seek(0)
    return out


def _text(value: object) -> str:
    return nfc(str(value)).strip() if value is not None else ""


def _parse_row(values: tuple, *, campaign: Campaign, unit: OrgUnit, awards: dict[str, AwardType],
               units: dict[str, OrgUnit]) -> NominationData:
    kind, name, gender, birth, position, unit_code, code, year, summary = (list(values) + [None] * 9)[:9]
    kind_f = fold(_text(kind))
    if kind_f not in ("ca nhan", "tap the"):
        raise ValueError("cột “Đối tượng” phải là “Cá nhân” hoặc “Tập thể”")
    name = _text(name)
    if not name:
        raise ValueError("thiếu họ tên / tên tập thể")
    award = awards.get(_text(code).upper())
    if award is None:
        raise ValueError(f"mã hình thức “{_text(code)}” không có trong danh mục")
    home = units.get(_text(unit_code).upper(), unit) if _text(unit_code) else unit
    if _text(unit_code) and _text(unit_code).upper() not in units:
        raise ValueError(f"mã đơn vị “{_text(unit_code)}” không thuộc đơn vị đề nghị")
    try:
        year_value = int(year) if year not in (None, "") else None
        birth_year = int(birth) if birth not in (None, "") else None
    except (TypeError, ValueError):
        raise ValueError("năm sinh / năm xét phải là số") from None
    data = NominationData(campaign=campaign, award_type=award, nominating_unit=unit, year=year_value,
                          summary=_text(summary))
    if kind_f == "tap the":
        collective = next((u for u in units.values() if fold(u.name) == fold(name) or fold(u.short_name) == fold(name)),
                          None)
        if collective is None:
            raise ValueError(f"không tìm thấy tập thể “{name}” trong đơn vị đề nghị")
        data.unit = collective
        return data
    gender_f = fold(_text(gender))
    if gender_f not in ("nam", "nu"):
        raise ValueError("giới tính phải là “Nam” hoặc “Nữ”")
    existing = db.session.scalar(select(Person).where(
        Person.search_name == fold(name), Person.unit_id == home.id,
        Person.birth_year == birth_year if birth_year else db.true()).limit(1))
    if existing is not None:
        data.person = existing
    else:
        data.new_person = NewPerson(full_name=name, gender=Gender.MALE if gender_f == "nam" else Gender.FEMALE,
                                    unit=home, birth_year=birth_year, position=_text(position))
    return data


def import_nominations(stream: IO[bytes], *, campaign: Campaign, nominating_unit: OrgUnit, by: User) -> list[Nomination]:
    """Create one draft per data row. Any bad row refuses the whole file, naming every bad row."""
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        raise ServiceError("Không đọc được tệp: cần tệp XLSX theo mẫu.", "file") from None
    rows = [(number, r) for number, r in enumerate(book.worksheets[0].iter_rows(min_row=2, values_only=True), start=2)
            if any(v not in (None, "") for v in r)]
    book.close()
    if not rows:
        raise ServiceError("Tệp không có dòng dữ liệu nào.", "file")
    if len(rows) > MAX_ROWS:
        raise ServiceError(f"Mỗi lần nhập tối đa {MAX_ROWS} dòng.", "file")
    awards = {a.code.upper(): a for a in db.session.scalars(select(AwardType).where(AwardType.is_active.is_(True)))}
    units = {u.code.upper(): u for u in db.session.scalars(
        select(OrgUnit).where(OrgUnit.id.in_(subtree_unit_ids(nominating_unit.id))))}
    problems, created = [], []
    # Services validate before they mutate, so a refused row adds nothing; the caller rolls the
    # session back when this raises, which undoes the rows created before it (all or nothing).
    for number, values in rows:
        try:
            data = _parse_row(values, campaign=campaign, unit=nominating_unit, awards=awards, units=units)
            created.append(create_nomination(data, by=by))
        except ValueError as exc:
            problems.append(f"Dòng {number}: {exc}.")
        except ServiceError as exc:
            problems.append(f"Dòng {number}: {exc.message}")
    if problems:
        raise ServiceError("Không nhập dòng nào. " + " ".join(problems), "file")
    return created
