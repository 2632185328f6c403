"""Register of initiatives: record with metrics and files, permissions, list, search, filters, exports."""
from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from app.demo.sample_files import tiny_pdf, tiny_png
from app.extensions import db as _db
from app.models import (
    EvidenceFile, InfluenceScope, Initiative, InitiativeKind, InitiativeStatus, OrgUnitKind, Role,
)
from app.services.evidence import evidence_path, upload_root

EXE = b"MZ\x90\x00\x03" + b"\x00" * 300


@pytest.fixture()
def district(make_unit):
    return make_unit("Ủy ban nhân dân huyện Gia Lâm", kind=OrgUnitKind.DISTRICT, short_name="Huyện Gia Lâm")


@pytest.fixture()
def officer(make_user, district):
    return make_user("gialam", roles={Role.UNIT_OFFICER}, unit=district)


def _form(unit_id: int, **extra):
    data = {
        "kind": "model", "title": "Ngày thứ Ba không viết, không giấy hẹn", "owner_unit_id": str(unit_id),
        "start_date": "2022-09-01", "summary": "Trả kết quả trong 2 giờ làm việc vào thứ Ba.",
        "novelty": "Không viết giấy hẹn", "application": "Một cửa huyện và 22 xã",
        "metrics-0-label": "Hồ sơ trả kết quả trong 2 giờ làm việc", "metrics-0-value": "20.000",
        "metrics-0-unit": "hồ sơ", "metrics-0-period_start": "09/2022", "metrics-0-period_end": "09/2023",
        "metrics-3-label": "Thủ tục cấp huyện", "metrics-3-value": "28", "metrics-3-unit": "thủ tục",
    }
    data.update(extra)
    return data


def _count(model) -> int:
    return _db.session.scalar(select(func.count()).select_from(model))


def test_officer_records_initiative_with_metrics_and_pdf(login_as, officer, district, db):
    client = login_as(officer)
    data = _form(district.id, evidence=[(io.BytesIO(tiny_pdf(["QD"])), "Quyết định áp dụng.pdf")])
    response = client.post("/initiatives/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)
    initiative = db.session.scalars(select(Initiative)).one()
    assert initiative.status is InitiativeStatus.DRAFT and initiative.owner_unit_id == district.id
    assert [(m.label, m.value, m.unit) for m in initiative.metrics] == [
        ("Hồ sơ trả kết quả trong 2 giờ làm việc", Decimal("20000.00"), "hồ sơ"),
        ("Thủ tục cấp huyện", Decimal("28.00"), "thủ tục")]
    assert initiative.metrics[0].period_start == date(2022, 9, 1)
    assert initiative.metrics[0].period_end == date(2023, 9, 1)
    (evidence,) = initiative.evidence
    assert evidence.original_name == "Quyết định áp dụng.pdf" and evidence_path(evidence).exists()
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "20.000" in page and "09/2022 – 09/2023" in page
    download = client.get(f"/initiatives/{initiative.id}/evidence/{evidence.id}")
    assert download.status_code == 200 and download.data.startswith(b"%PDF")
    download.close()


@pytest.mark.parametrize("upload,message", [
    ((EXE, "quyet-dinh.pdf"), "Tệp “quyet-dinh.pdf” không phải là PDF thật (nội dung là tệp thực thi)."),
    ((tiny_pdf(["x"]) + b"%" * (1024 * 1024 + 10), "lon.pdf"), "Tệp “lon.pdf” vượt quá giới hạn 1 MB."),
])
def test_bad_files_are_refused_and_nothing_saved(app, login_as, officer, district, db, monkeypatch,
                                                 upload, message):
    monkeypatch.setitem(app.config, "MAX_UPLOAD_MB", 1)
    client = login_as(officer)
    root = upload_root()
    before = {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()
    # Encoded in memory: the test client would otherwise spool a large body to an unclosed temp file.
    fields = MultiDict(_form(district.id))
    fields.add("evidence", FileStorage(io.BytesIO(upload[0]), filename=upload[1]))
    boundary, body = encode_multipart(fields)
    response = client.post("/initiatives/new", data=body, content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert "Ngày thứ Ba không viết, không giấy hẹn" in page  # the user's input is kept
    assert _count(Initiative) == 0 and _count(EvidenceFile) == 0
    assert ({p for p in root.rglob("*") if p.is_file()} if root.exists() else set()) == before


def test_metric_without_value_is_explained(login_as, officer, district, db):
    client = login_as(officer)
    response = client.post("/initiatives/new", data=_form(district.id, **{"metrics-3-value": ""}))
    assert response.status_code == 422
    assert "Vui lòng nhập giá trị." in response.get_data(as_text=True)
    assert _count(Initiative) == 0


def test_officer_cannot_record_for_another_unit(login_as, officer, make_unit, db):
    other = make_unit("Ủy ban nhân dân quận Nam Từ Liêm")
    client = login_as(officer)
    response = client.post("/initiatives/new", data=_form(other.id))
    assert response.status_code == 422 and _count(Initiative) == 0


def test_other_units_initiative_and_file_are_forbidden(login_as, officer, make_unit, make_initiative,
                                                       make_evidence, db):
    evidence = make_evidence()
    foreign = make_initiative(unit=make_unit("Quận khác"), evidence=[evidence])
    client = login_as(officer)
    assert client.get(f"/initiatives/{foreign.id}").status_code == 403
    assert client.get(f"/initiatives/{foreign.id}/evidence/{evidence.id}").status_code == 403
    assert client.get(f"/initiatives/{foreign.id}/edit").status_code == 403
    assert foreign.title not in client.get("/initiatives/").get_data(as_text=True)


def test_unknown_ids_and_unlinked_files_are_404(login_as, make_user, make_initiative, make_evidence, db):
    secretary = make_user(roles={Role.SECRETARIAT})
    initiative = make_initiative()
    loose = make_evidence()
    client = login_as(secretary)
    assert client.get("/initiatives/999999").status_code == 404
    assert client.get(f"/initiatives/{initiative.id}/evidence/999999").status_code == 404
    assert client.get(f"/initiatives/{initiative.id}/evidence/{loose.id}").status_code == 404


def test_recognised_initiative_is_read_only_for_the_unit(login_as, officer, district, make_initiative, db):
    done = make_initiative(unit=district, recognised=[(InfluenceScope.UNIT, "12/QĐ-UBND", date(2023, 3, 1))])
    client = login_as(officer)
    assert client.get(f"/initiatives/{done.id}").status_code == 200
    assert client.get(f"/initiatives/{done.id}/edit").status_code == 403
    assert client.post(f"/initiatives/{done.id}/edit", data=_form(district.id)).status_code == 403


def test_stale_edit_is_refused_with_conflict(login_as, officer, district, make_initiative, db):
    initiative = make_initiative(unit=district)
    stale = initiative.version_id
    initiative.title = "Đã sửa bởi người khác"
    db.session.commit()
    client = login_as(officer)
    response = client.post(f"/initiatives/{initiative.id}/edit", data=_form(district.id, version_id=str(stale)))
    assert response.status_code == 409
    assert "người khác cập nhật" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Initiative, initiative.id).title == "Đã sửa bởi người khác"


def test_edit_keeps_files_and_adds_new(login_as, officer, district, make_initiative, make_evidence, db):
    initiative = make_initiative(unit=district, evidence=[make_evidence("cu.pdf")])
    client = login_as(officer)
    assert "cu.pdf" in client.get(f"/initiatives/{initiative.id}/edit").get_data(as_text=True)
    data = _form(district.id, version_id=str(initiative.version_id),
                 evidence=[(io.BytesIO(tiny_png()), "anh.png")])
    response = client.post(f"/initiatives/{initiative.id}/edit", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    db.session.expire_all()
    assert sorted(f.original_name for f in db.session.get(Initiative, initiative.id).evidence) == ["anh.png", "cu.pdf"]


def test_search_ignores_diacritics_and_filters_combine(login_as, make_user, make_unit, make_initiative, db):
    gia_lam = make_unit("Huyện Gia Lâm")
    commune = make_unit("Xã Bát Tràng", parent=gia_lam)
    hbt = make_unit("Quận Hai Bà Trưng")
    make_initiative("Ngày thứ Ba không viết, không giấy hẹn", unit=commune, start_date=date(2022, 9, 1))
    make_initiative("Ngày thứ Tư tốc ký", unit=hbt, kind=InitiativeKind.MODEL, start_date=date(2021, 5, 1),
                    recognised=[(InfluenceScope.CITY, "5/QĐ", date(2022, 1, 5))])
    make_initiative("Một hồ sơ - Ba kết quả", unit=hbt, kind=InitiativeKind.SOLUTION, start_date=date(2022, 2, 1))
    client = login_as(make_user(roles={Role.VIEWER}))

    def titles(query: str) -> str:
        return client.get("/initiatives/" + query).get_data(as_text=True)

    assert "Ngày thứ Ba không viết" in titles("?q=khong+giay+hen")
    assert "Ngày thứ Tư" not in titles("?q=khong+giay+hen")
    assert "Ngày thứ Tư tốc ký" in titles("?q=TOC KY")
    page = titles(f"?unit_id={gia_lam.id}")  # a unit includes its sub-units
    assert "Ngày thứ Ba" in page and "Ngày thứ Tư" not in page
    page = titles("?scope=city")
    assert "Ngày thứ Tư" in page and "Một hồ sơ" not in page
    page = titles("?year=2022&kind=solution")
    assert "Một hồ sơ - Ba kết quả" in page and "Ngày thứ Ba" not in page
    page = titles("?status=recognised")
    assert "Ngày thứ Tư" in page and "Ngày thứ Ba" not in page
    assert "Năm không hợp lệ." in titles("?year=12")


def test_list_paginates(login_as, make_user, make_unit, make_initiative, db):
    unit = make_unit("Huyện Gia Lâm")
    for i in range(30):
        make_initiative(f"Mô hình số {i:02d}", unit=unit)
    client = login_as(make_user(roles={Role.SECRETARIAT}))
    first = client.get("/initiatives/").get_data(as_text=True)
    second = client.get("/initiatives/?page=2").get_data(as_text=True)
    assert "Trang 1/2" in first and "Trang 2/2" in second
    assert first.count("/initiatives/") > 25


def test_exports_contain_the_filtered_rows(login_as, make_user, make_unit, make_person, make_initiative, db):
    unit = make_unit("Ủy ban nhân dân huyện Gia Lâm")
    author = make_person("Phạm Hồng Hải", unit=unit)
    make_initiative("Ngày thứ Ba không viết, không giấy hẹn", unit=unit, authors=[author],
                    start_date=date(2022, 9, 1), metrics=[("Hồ sơ trả kết quả trong 2 giờ", 20000, "hồ sơ")],
                    recognised=[(InfluenceScope.CITY, "1234/QĐ-UBND", date(2023, 10, 2))])
    make_initiative("=HYPERLINK(\"x\")", unit=unit)
    make_initiative("Mô hình khác", unit=make_unit("Quận khác"))
    client = login_as(make_user(roles={Role.SECRETARIAT}))

    xlsx = client.get(f"/initiatives/export.xlsx?unit_id={unit.id}&q=giay+hen")
    assert xlsx.status_code == 200 and xlsx.headers["Content-Disposition"].endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("STT", "Loại", "Tên sáng kiến, mô hình", "Đơn vị chủ trì")
    assert len(rows) == 2
    assert rows[1][2] == "Ngày thứ Ba không viết, không giấy hẹn" and rows[1][4] == "Phạm Hồng Hải"
    assert rows[1][5].date() == date(2022, 9, 1) and sheet.cell(row=2, column=6).number_format == "DD/MM/YYYY"
    assert rows[1][7] == "Cấp thành phố" and "20.000 hồ sơ" in rows[1][9] and "1234/QĐ-UBND" in rows[1][10]

    raw = client.get(f"/initiatives/export.csv?unit_id={unit.id}").data
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 3 and rows[0][2] == "Tên sáng kiến, mô hình"
    assert {r[2] for r in rows[1:]} == {"Ngày thứ Ba không viết, không giấy hẹn", "'=HYPERLINK(\"x\")"}
    assert "01/09/2022" in {r[5] for r in rows[1:]}



def test_list_page_query_count_is_pinned(login_as, make_user, make_unit, make_person, make_initiative, db,
                                        count_queries):
    units = [make_unit(f"Đơn vị {i}") for i in range(5)]
    for i in range(40):
        unit = units[i % 5]
        make_initiative(f"Sáng kiến {i}", unit=unit, authors=[make_person(f"Tác giả {i}", unit=unit)],
                        metrics=[("Chỉ số", i, "hồ sơ")])
    client = login_as(make_user(roles={Role.SECRETARIAT}))
    with count_queries() as small:
        assert client.get("/initiatives/?per_page=5").status_code == 200
    with count_queries() as queries:
        assert client.get("/initiatives/?page=2").status_code == 200
    # user + roles, filter units, count, page, owner units, author links, people: independent of page size
    assert queries["n"] == small["n"] <= 9


def test_council_scores_and_secretariat_recognises(login_as, make_user, district, make_initiative, db):
    from app.services.initiative_reviews import sheet_in_force

    initiative = make_initiative(unit=district, status=InitiativeStatus.SUBMITTED)
    sheet = sheet_in_force()
    member = make_user(roles={Role.COUNCIL_MEMBER})
    client = login_as(member)
    fields = {f"c_{c.id}": v for c, v in zip(sheet.criteria, ["25", "22,5", "31"])}
    bad = client.post(f"/initiatives/{initiative.id}/review", data={**fields, f"c_{sheet.criteria[0].id}": "45"})
    assert bad.status_code == 422 and "Điểm phải từ 0 đến 30." in bad.get_data(as_text=True)
    assert client.post(f"/initiatives/{initiative.id}/review", data=fields).status_code == 302
    page = client.get(f"/initiatives/{initiative.id}").get_data(as_text=True)
    assert "78,5" in page and "đề xuất xét cấp thành phố" in page

    client = login_as(make_user(roles={Role.SECRETARIAT}))
    response = client.post(f"/initiatives/{initiative.id}/recognise", data={
        "recognised_by": "Hội đồng Sáng kiến thành phố", "decision_number": "4512/QĐ-UBND",
        "decision_date": "2023-11-20", "scope": "city"})
    assert response.status_code == 302
    db.session.expire_all()
    done = db.session.get(Initiative, initiative.id)
    assert done.status is InitiativeStatus.RECOGNISED and done.scope is InfluenceScope.CITY
    assert done.recognitions[0].total_score == Decimal("78.50")
