"""Ledger: manual records, the XLSX template and the all-or-nothing import with errors by row and column."""
from __future__ import annotations

import io
import re

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.models import AwardRecord, Role, SubjectScope
from app.services.ledger_import import COLUMNS


def _xlsx(rows, header=COLUMNS) -> io.BytesIO:
    wb = Workbook()
    ws = wb.active
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


def _count(db) -> int:
    return db.session.scalar(select(func.count(AwardRecord.id)))


def _setup(make_unit, make_person, make_award_type, make_user, login_as):
    unit = make_unit("Huyện Gia Lâm", code="GIA_LAM")
    make_person("Trần Thị Mai", unit=unit)
    make_award_type("LDTT", "Lao động tiên tiến")
    make_award_type("TTLDXS", "Tập thể lao động xuất sắc", scope=SubjectScope.COLLECTIVE)
    return login_as(make_user(roles={Role.SECRETARIAT}))


def _post(client, data: io.BytesIO):
    return client.post("/ledger/import", data={"file": (data, "lich-su.xlsx")}, content_type="multipart/form-data")


def test_template_downloads_with_headers(db, client, make_unit, make_person, make_award_type, make_user, login_as):
    _setup(make_unit, make_person, make_award_type, make_user, login_as)
    response = client.get("/ledger/import/template.xlsx")
    wb = load_workbook(io.BytesIO(response.data))
    assert [c.value for c in wb.active[1]] == COLUMNS
    assert "LDTT" in [c.value for c in wb["Mã danh hiệu"]["A"]]


def test_valid_file_imports_every_row(db, client, make_unit, make_person, make_award_type, make_user, login_as):
    _setup(make_unit, make_person, make_award_type, make_user, login_as)
    response = _post(client, _xlsx([
        ["Cá nhân", "Trần Thị Mai", "GIA_LAM", 2023, "LDTT", "12/QĐ-UBND", "20/12/2023", "Chủ tịch UBND huyện"],
        ["Tập thể", "Huyện Gia Lâm", "GIA_LAM", 2024, "TTLDXS", "", "", ""],
    ]))
    assert response.status_code == 302
    assert _count(db) == 2


def test_missing_columns_refused(db, client, make_unit, make_person, make_award_type, make_user, login_as):
    _setup(make_unit, make_person, make_award_type, make_user, login_as)
    response = _post(client, _xlsx([["Cá nhân", "Trần Thị Mai", "GIA_LAM", 2023]], header=COLUMNS[:4]))
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Chưa nhập dòng nào" in body and "Mã danh hiệu" in body and "thiếu cột này" in body
    assert _count(db) == 0


def test_bad_rows_reported_by_row_and_column_nothing_saved(db, client, make_unit, make_person, make_award_type,
                                                          make_user, login_as):
    _setup(make_unit, make_person, make_award_type, make_user, login_as)
    response = _post(client, _xlsx([
        ["Cá nhân", "Trần Thị Mai", "GIA_LAM", 2023, "LDTT", "1/QĐ", "20/12/2023", ""],  # valid
        ["Cá nhân", "Trần Thị Mai", "GIA_LAM", 2022, "LDTT", "2/QĐ", "32/13/2022", ""],  # bad date
        ["Cá nhân", "Không Có Ai", "GIA_LAM", "năm ngoái", "XYZ", "", "", ""],
        ["Tập thể", "Huyện Gia Lâm", "GIA_LAM", 2024, "LDTT", "", "", ""],  # individual title for a collective
    ]))
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "“32/13/2022” không phải ngày hợp lệ (dd/mm/yyyy)" in body
    assert "“năm ngoái” không phải năm hợp lệ" in body and "không có mã “XYZ” trong danh mục" in body
    assert "Lao động tiên tiến không dành cho tập thể." in body
    assert re.search(r"<td>3</td><td>Ngày quyết định</td><td>“32/13/2022”", body)  # row and column given
    assert _count(db) == 0


def test_not_an_xlsx_refused(db, client, make_unit, make_person, make_award_type, make_user, login_as):
    _setup(make_unit, make_person, make_award_type, make_user, login_as)
    response = _post(client, io.BytesIO(b"not a workbook"))
    assert response.status_code == 422 and "không phải bảng tính XLSX hợp lệ" in response.get_data(as_text=True)


def test_manual_record_and_duplicate_refused(db, client, make_person, make_award_type, make_user, login_as):
    person = make_person("Vũ Đức Duy")
    award = make_award_type("CSTD_CS", "Chiến sĩ thi đua cơ sở")
    login_as(make_user(roles={Role.UNIT_OFFICER}, unit=person.unit))
    data = {"award_type_id": award.id, "year": 2024, "decision_number": "5/QĐ", "decision_date": "15/12/2024"}
    assert client.post(f"/ledger/people/{person.id}/awards", data=data).status_code == 302
    response = client.post(f"/ledger/people/{person.id}/awards", data=data)
    assert response.status_code == 422 and "đã có Chiến sĩ thi đua cơ sở năm 2024" in response.get_data(as_text=True)
    assert _count(db) == 1
    assert client.post(f"/ledger/people/{person.id}/ratings", data={"year": 2024, "rating": "htxsnv"}).status_code == 302
    assert "Hoàn thành xuất sắc nhiệm vụ" in client.get(f"/ledger/people/{person.id}").get_data(as_text=True)


def test_prospects_page(db, client, make_unit, make_person, make_award_type, make_award_record, make_user, login_as):
    from app.models import RuleKind

    unit = make_unit("Huyện Gia Lâm")
    person = make_person("Nguyễn Văn Gần", unit=unit)
    make_award_type("CSTD_CS", "Chiến sĩ thi đua cơ sở")
    make_award_type("CSTD_TINH", "Chiến sĩ thi đua thành phố",
                    rules=[(RuleKind.CONSECUTIVE_TITLE, {"award_code": "CSTD_CS", "years": 3})])
    for y in (2023, 2024):
        make_award_record("CSTD_CS", y, person=person)
    login_as(make_user(roles={Role.UNIT_OFFICER}, unit=unit))
    body = client.get("/ledger/prospects?year=2024").get_data(as_text=True)
    assert "Nguyễn Văn Gần" in body and "Chiến sĩ thi đua thành phố" in body
