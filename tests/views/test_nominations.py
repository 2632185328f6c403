"""The nomination pages: the unit → secretariat journey, refusals, conflicts, import, export."""
from __future__ import annotations

import re
from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook

from app.extensions import db as _db
from app.models import Nomination, NominationStatus as S, Role, RuleKind


@pytest.fixture()
def world(db, make_unit, make_user, make_person, make_campaign, make_award_type, make_award_record):
    city = make_unit("Ủy ban nhân dân thành phố Hà Nội", short_name="UBND TP")
    gia_lam = make_unit("Ủy ban nhân dân huyện Gia Lâm", short_name="Huyện Gia Lâm", parent=city)
    hbt = make_unit("Ủy ban nhân dân quận Hai Bà Trưng", short_name="Quận Hai Bà Trưng", parent=city)
    make_award_type("CSTD_CS", "Chiến sĩ thi đua cơ sở")
    award = make_award_type("CSTD_TINH", "Chiến sĩ thi đua thành phố", rules=[
        (RuleKind.CONSECUTIVE_TITLE, {"award_code": "CSTD_CS", "years": 3})])
    person = make_person("Trần Thị Minh Thư", unit=gia_lam, birth_year=1985)
    for year in (2024, 2025):
        make_award_record("CSTD_CS", year, person=person)
    w = dict(city=city, gia_lam=gia_lam, hbt=hbt, award=award, person=person,
             campaign=make_campaign("Phong trào thi đua đẩy mạnh CCHC 2021–2025", launching_unit=city),
             officer=make_user("gialam", roles={Role.UNIT_OFFICER}, unit=gia_lam, full_name="Cán bộ Gia Lâm"),
             other=make_user("haibatrung", roles={Role.UNIT_OFFICER}, unit=hbt),
             sec=make_user("thuky", roles={Role.SECRETARIAT}, full_name="Nguyễn Thị Thu Hà"))
    db.session.commit()
    return w


def _post_transition(client, n_id, status, reason=""):
    return client.post(f"/nominations/{n_id}/transition", data={"to_status": status.value, "reason": reason})


def test_unit_nominates_secretariat_returns_unit_resubmits_timeline_shows_all(world, client, login_as):
    login_as(world["officer"])
    response = client.post("/nominations/new", data={
        "campaign_id": world["campaign"].id, "award_type_id": world["award"].id,
        "nominating_unit_id": world["gia_lam"].id, "subject_type": "individual", "person_id": world["person"].id,
        "year": 2025, "memo_number": "", "summary": "Chủ trì mô hình “Ngày thứ Ba không viết, không giấy hẹn”.",
        "results": "2024: 20.000 hồ sơ\n2025: 1.700 hồ sơ/tháng", "rating_2": "htxsnv"})
    assert response.status_code == 302
    n_id = int(response.headers["Location"].rsplit("/", 1)[-1])
    page = client.get(f"/nominations/{n_id}").get_data(as_text=True)
    assert "Chỉ có 2 năm liên tục" in page and "Điều thử, Nghị định thử" in page
    # Submitting without a memo number is refused with the reason.
    client.post(f"/nominations/{n_id}/transition", data={"to_status": "submitted"})
    assert "thiếu số tờ trình" in client.get(f"/nominations/{n_id}").get_data(as_text=True)
    n = _db.session.get(Nomination, n_id)
    form = {"version_id": n.version_id, "campaign_id": world["campaign"].id, "award_type_id": world["award"].id,
            "nominating_unit_id": world["gia_lam"].id, "subject_type": "individual", "person_id": world["person"].id,
            "year": 2025, "memo_number": "45/TTr-UBND", "memo_date": "2025-09-10", "summary": n.summary}
    _db.session.rollback()
    assert client.post(f"/nominations/{n_id}/edit", data=form).status_code == 302
    assert _post_transition(client, n_id, S.SUBMITTED).status_code == 302

    login_as(world["sec"])
    assert _post_transition(client, n_id, S.RETURNED, "Thiếu biên bản họp Hội đồng thi đua huyện").status_code == 302
    login_as(world["officer"])
    listing = client.get("/nominations/?list=returned").get_data(as_text=True)
    assert "Trần Thị Minh Thư" in listing
    assert _post_transition(client, n_id, S.SUBMITTED).status_code == 302
    login_as(world["sec"])
    _post_transition(client, n_id, S.ACCEPTED)
    _post_transition(client, n_id, S.APPRAISED)  # refused: eligibility fails
    assert _db.session.get(Nomination, n_id).status is S.ACCEPTED
    _db.session.rollback()
    _post_transition(client, n_id, S.INELIGIBLE, "Chưa đủ 3 năm liên tục CSTĐ cơ sở")
    page = client.get(f"/nominations/{n_id}").get_data(as_text=True)
    timeline = page[page.index('data-testid="timeline"'):]
    for text in ("Nháp", "Đã gửi", "Bị trả lại", "Thiếu biên bản họp Hội đồng thi đua huyện",
                 "Đã tiếp nhận, chờ thẩm định", "không đủ điều kiện", "Chưa đủ 3 năm liên tục"):
        assert text in timeline
    assert len(re.findall(r"<li class=\"border-start", timeline)) == 6


def test_other_units_dossiers_and_forbidden_transitions_are_refused(world, client, login_as, make_nomination):
    n = make_nomination(S.SUBMITTED, nominating_unit=world["gia_lam"], person=world["person"],
                        campaign=world["campaign"], award_type=world["award"], secretariat=world["sec"])
    _db.session.commit()
    login_as(world["other"])
    assert client.get(f"/nominations/{n.id}").status_code == 403
    assert client.get(f"/nominations/{n.id}/edit").status_code == 403
    assert _post_transition(client, n.id, S.WITHDRAWN, "x").status_code == 403
    assert "Trần Thị Minh Thư" not in client.get("/nominations/?list=all").get_data(as_text=True)
    login_as(world["officer"])
    response = _post_transition(client, n.id, S.ACCEPTED)
    assert response.status_code in (302, 303)
    assert "không có quyền" in client.get(f"/nominations/{n.id}").get_data(as_text=True)
    login_as(world["sec"])
    _post_transition(client, n.id, S.APPROVED)
    assert "Không thể chuyển đề nghị từ trạng thái" in client.get(f"/nominations/{n.id}").get_data(as_text=True)
    assert _db.session.get(Nomination, n.id).status is S.SUBMITTED


def test_stale_edit_shows_the_conflict_page_and_keeps_the_input(world, client, login_as, make_nomination):
    n = make_nomination(nominating_unit=world["gia_lam"], person=world["person"], campaign=world["campaign"],
                        award_type=world["award"])
    _db.session.commit()
    stale = n.version_id
    n.summary = "Bản của người thứ nhất"
    _db.session.commit()
    login_as(world["officer"])
    response = client.post(f"/nominations/{n.id}/edit", data={
        "version_id": stale, "campaign_id": world["campaign"].id, "award_type_id": world["award"].id,
        "nominating_unit_id": world["gia_lam"].id, "subject_type": "individual", "person_id": world["person"].id,
        "summary": "Bản của người thứ hai"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Bản của người thứ nhất" in page and "Bản của người thứ hai" in page
    _db.session.expire_all()
    assert _db.session.get(Nomination, n.id).summary == "Bản của người thứ nhất"


def test_export_and_template_are_xlsx(world, client, login_as, make_nomination):
    make_nomination(S.SUBMITTED, nominating_unit=world["gia_lam"], person=world["person"], campaign=world["campaign"],
                    award_type=world["award"], secretariat=world["sec"])
    _db.session.commit()
    login_as(world["sec"])
    sheet = load_workbook(BytesIO(client.get("/nominations/export.xlsx?list=to_receive").data)).active
    assert sheet["D2"].value == "Trần Thị Minh Thư"
    assert client.get("/nominations/import/template.xlsx").data[:2] == b"PK"


def test_import_page_names_the_bad_row(world, client, login_as):
    book = Workbook()
    book.active.append(["h"] * 9)
    book.active.append(["Cá nhân", "Lê Thị Thu Hằng", "Nữ", 1985, "", "", "CSTD_TINH", 2025, ""])
    book.active.append(["Cá nhân", "", "Nam", 1985, "", "", "CSTD_TINH", 2025, ""])
    data = BytesIO()
    book.save(data)
    data.seek(0)
    login_as(world["officer"])
    response = client.post("/nominations/import", data={
        "campaign_id": world["campaign"].id, "nominating_unit_id": world["gia_lam"].id,
        "file": (data, "danh-sach.xlsx")}, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Dòng 3: thiếu họ tên" in response.get_data(as_text=True)
    assert _db.session.query(Nomination).count() == 0
