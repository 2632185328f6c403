"""Importing award history from XLSX: a downloadable template; every row validated, errors by row
and column, and nothing imported unless the whole file is valid."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from app.extensions import db
from app.models import AwardType, OrgUnit, Person, RecordSource, User
from app.models.text import fold, nfc
from app.services.audit import record_audit
from app.services.errors import ServiceError
from app.services.ledger import add_award_record, check_award_record

COLUMNS = ["Đối tượng", "Họ và tên / Tên tập thể", "Mã đơn vị", "Năm", "Mã danh hiệu", "Số quyết định",
           "Ngày quyết định", "Cơ quan ban hành"]
REQUIRED = {"Đối tượng", "Họ và tên / Tên tập thể", "Mã đơn vị", "Năm", "Mã danh hiệu"}
SUBJECTS = {"cá nhân": "person", "ca nhan": "person", "tập thể": "unit", "tap the": "unit"}
MAX_ROWS = 5000


@dataclass(frozen=True)
class ImportError_:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Dòng {self.row}, cột “{self.column}”: {self.message}"


class ImportRefused(ServiceError):
    """The file was refused; `errors` lists every problem found."""

    def __init__(self, errors: list[ImportError_]) -> None:
        super().__init__(f"Tệp có {len(errors)} lỗi; chưa nhập dòng nào.", "file")
        self.errors = errors


def template_bytes() -> bytes:
    """The XLSX template with headers, one example row and a sheet listing award codes."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Quá trình khen thưởng"
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="8B1A1A")
    ws.append(["Cá nhân", "Nguyễn Văn A", "GIA_LAM", 2024, "CSTD_CS", "123/QĐ-UBND", "15/12/2024",
               "Chủ tịch UBND huyện Gia Lâm"])
    for i, width in enumerate([12, 32, 16, 8, 14, 18, 16, 36], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    codes = wb.create_sheet("Mã danh hiệu")
    codes.append(["Mã", "Tên", "Đối tượng"])
    for code, name, scope in db.session.execute(select(AwardType.code, AwardType.name, AwardType.subject_scope)
                                                .order_by(AwardType.position, AwardType.code)):
        codes.append([code, name, scope.label])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _text(value: object) -> str:
    return nfc(str(value).strip()) if value is not None else ""


def _date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = str(value).strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"“{raw}” không phải ngày hợp lệ (dd/mm/yyyy)")


@dataclass
class _Row:
    number: int
    award: AwardType
    year: int
    person: Person | None
    unit: OrgUnit | None
    decision_number: str
    decision_date: date | None
    issuer: str


def _parse(ws) -> tuple[list[_Row], list[ImportError_]]:  # noqa: ANN001
    rows = ws.iter_rows(values_only=True)
    header = [_text(h) for h in next(rows, [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return [], [ImportError_(1, c, "thiếu cột này trong dòng tiêu đề (hãy dùng tệp mẫu)") for c in missing]
    index = {name: header.index(name) for name in COLUMNS}
    awards = {a.code: a for a in db.session.scalars(select(AwardType))}
    units = {u.code: u for u in db.session.scalars(select(OrgUnit))}
    parsed, errors, seen = [], [], set()
    for number, values in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            errors.append(ImportError_(number, COLUMNS[0], f"tệp quá {MAX_ROWS} dòng"))
            break
        cell = {name: values[i] if i < len(values) else None for name, i in index.items()}
        if all(v in (None, "") for v in cell.values()):
            continue
        row_errors = [ImportError_(number, c, "không được để trống") for c in COLUMNS
                      if c in REQUIRED and _text(cell[c]) == ""]
        kind = SUBJECTS.get(_text(cell["Đối tượng"]).lower())
        if _text(cell["Đối tượng"]) and kind is None:
            row_errors.append(ImportError_(number, "Đối tượng", "chỉ nhận “Cá nhân” hoặc “Tập thể”"))
        year = None
        try:
            year = int(str(cell["Năm"]).strip()) if _text(cell["Năm"]) else None
        except ValueError:
            row_errors.append(ImportError_(number, "Năm", f"“{_text(cell['Năm'])}” không phải năm hợp lệ"))
        award = awards.get(_text(cell["Mã danh hiệu"]))
        if _text(cell["Mã danh hiệu"]) and award is None:
            row_errors.append(ImportError_(number, "Mã danh hiệu",
                                           f"không có mã “{_text(cell['Mã danh hiệu'])}” trong danh mục"))
        unit = units.get(_text(cell["Mã đơn vị"]))
        if _text(cell["Mã đơn vị"]) and unit is None:
            row_errors.append(ImportError_(number, "Mã đơn vị", f"không có đơn vị mã “{_text(cell['Mã đơn vị'])}”"))
        decision_date = None
        try:
            decision_date = _date(cell["Ngày quyết định"])
        except ValueError as exc:
            row_errors.append(ImportError_(number, "Ngày quyết định", str(exc)))
        person = None
        name = _text(cell["Họ và tên / Tên tập thể"])
        if kind == "person" and unit is not None and name:
            matches = list(db.session.scalars(select(Person).where(Person.unit_id == unit.id,
                                                                   Person.search_name == fold(name))))
            if len(matches) != 1:
                row_errors.append(ImportError_(number, "Họ và tên / Tên tập thể",
                                               f"không tìm thấy “{name}” trong đơn vị {unit.code}" if not matches
                                               else f"có {len(matches)} người tên “{name}” trong đơn vị {unit.code}"))
            else:
                person = matches[0]
        if not row_errors and award is not None and year is not None:
            key = (kind, (person or unit).id, award.code, year)
            try:
                if key in seen:
                    raise ServiceError("dòng trùng với một dòng trước trong tệp", "year")
                check_award_record(award, year, person=person, unit=unit if kind == "unit" else None)
                if decision_date is not None and decision_date.year < year:
                    raise ServiceError("ngày quyết định trước năm được khen", "decision_date")
            except ServiceError as err:
                column = {"year": "Năm", "award_type_id": "Mã danh hiệu",
                          "decision_date": "Ngày quyết định"}.get(err.field or "", "Đối tượng")
                row_errors.append(ImportError_(number, column, err.message))
            seen.add(key)
        if row_errors:
            errors.extend(row_errors)
        else:
            parsed.append(_Row(number, award, year, person, unit if kind == "unit" else None,
                               _text(cell["Số quyết định"]), decision_date, _text(cell["Cơ quan ban hành"])))
    return parsed, errors


def import_award_history(data: bytes, *, by: User, filename: str = "") -> int:
    """Validate the whole workbook, then add every row; raise ImportRefused listing all errors."""
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a non-XLSX file
        raise ServiceError("Tệp không phải bảng tính XLSX hợp lệ; hãy dùng tệp mẫu.", "file") from None
    try:
        rows, errors = _parse(wb.worksheets[0])
    finally:
        wb.close()
    if errors:
        raise ImportRefused(errors)
    if not rows:
        raise ServiceError("Tệp không có dòng dữ liệu nào.", "file")
    for row in rows:
        add_award_record(row.award, row.year, by=None, person=row.person, unit=row.unit,
                         decision_number=row.decision_number, decision_date=row.decision_date, issuer=row.issuer,
                         source=RecordSource.IMPORT)
    record_audit("ledger.imported", by=by, object_type="award_records", summary=f"{len(rows)} dòng từ {filename}"[:500])
    return len(rows)
