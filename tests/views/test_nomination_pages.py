"""Eligible-next-year page and export, campaign quota editor, and the work lists' query count."""
from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.extensions import db as _db
from app.models import AuditEntry, CampaignQuota, NominationStatus as S, OrgUnitKind, Role, RuleKind



@pytest.fixture()
def world(db, make_unit, make_user, make_person, make_campaign, make_award_type, make_award_record):
    city = make_unit("Ủy ban nhân dân thành phố Hà Nội", short_name="UBND TP", kind=OrgUnitKind.CITY_BODY)
    gia_lam = make_unit("Ủy ban nhân dân huyện Gia Lâm", short_name="Huyện Gia Lâm", parent=city,
                        kind=OrgUnitKind.DISTRICT)
    office = make_unit("Văn phòng HĐND và UBND huyện Gia Lâm", short_name="VP Gia Lâm", parent=gia_lam,
                       kind=OrgUnitKind.SUB_UNIT)
    hbt = make_unit("Ủy ban nhân dân quận Hai Bà Trưng", short_name="Quận Hai Bà Trưng", parent=city,
                    kind=OrgUnitKind.DISTRICT)
    make_award_type("CSTD_CS", "Chiến sĩ thi đua cơ sở")
    award = make_award_type("CSTD_TINH", "Chiến sĩ thi đua thành phố", rules=[
        (RuleKind.CONSECUTIVE_TITLE, {"award_code": "CSTD_CS", "years": 3})])
    near = make_person("Trần Thị Minh Thư", unit=office)
    far = make_person("Lê Văn Xa", unit=gia_lam)
    for year in (2023, 2024):
        make_award_record("CSTD_CS", year, person=near)
    make_award_record("CSTD_CS", 2024, person=far)
    w = dict(city=city, gia_lam=gia_lam, office=office, hbt=hbt, award=award, near=near, far=far,
             campaign=make_campaign("Phong trào thi đua đẩy mạnh CCHC 2021–2025", launching_unit=city),
             officer=make_user("gialam", roles={Role.UNIT_OFFICER}, unit=gia_lam),
             sec=make_user("thuky", roles={Role.SECRETARIAT}, full_name="Nguyễn Thị Thu Hà"))
    db.session.commit()
    return w


# --- who becomes eligible next year ---


def test_unit_officer_sees_own_people_with_what_is_missing_and_the_legal_basis(world, client, login_as):
    login_as(world["officer"])
    page = client.get("/nominations/eligible-next-year?year=2024&award_type_id=%d" % world["award"].id)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Ai có thể đủ điều kiện năm 2025?" in html
    assert "Trần Thị Minh Thư" in html and "VP Gia Lâm" in html  # a sub-unit's person
    assert "Lê Văn Xa" not in html  # one year of CSTĐ cơ sở: ruled out
    assert "Đạt Chiến sĩ thi đua cơ sở 2 năm liên tục (2023, 2024)" in html
    assert "Điều thử, Nghị định thử" in html
    assert f"/nominations/new?person_id={world['near'].id}&amp;award_type_id={world['award'].id}" in html
    assert client.get(f"/nominations/eligible-next-year?unit_id={world['hbt'].id}").status_code == 403


def test_secretariat_picks_a_unit_and_exports(world, client, login_as):
    login_as(world["sec"])
    assert "Chọn một đơn vị" in client.get("/nominations/eligible-next-year").get_data(as_text=True)
    response = client.get(f"/nominations/eligible-next-year.xlsx?unit_id={world['city'].id}&year=2024")
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.data)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    mine = [r for r in rows if r[4] == "Chiến sĩ thi đua thành phố"]
    assert [r[1] for r in mine] == ["Trần Thị Minh Thư"]
    assert mine[0][3] == 2025 and "2 năm liên tục" in mine[0][6] and mine[0][7] == "Điều thử, Nghị định thử"


def test_new_form_is_prefilled_from_the_prospect(world, client, login_as):
    login_as(world["officer"])
    html = client.get(f"/nominations/new?person_id={world['near'].id}&award_type_id={world['award'].id}") \
        .get_data(as_text=True)
    assert f'<option selected value="{world["near"].id}">' in html
    assert f'<option selected value="{world["award"].id}">' in html


# --- campaign quotas ---


def _quota_form(w, unit, max_count="2", note="Theo Kế hoạch 15/KH-UBND"):
    return {"award_type_id": w["award"].id, "unit_id": unit.id, "max_count": max_count, "note": note}


def test_secretariat_sets_edits_and_deletes_a_quota_with_audit_and_usage(world, client, login_as, make_nomination):
    login_as(world["sec"])
    url = f"/quotas/new?campaign_id={world['campaign'].id}"
    assert client.post(url, data=_quota_form(world, world["gia_lam"])).status_code == 302
    quota = _db.session.scalar(select(CampaignQuota))
    assert (quota.max_count, quota.unit_id) == (2, world["gia_lam"].id)
    # Usage counts sent dossiers of the unit and its sub-units; drafts apart; withdrawn not at all.
    for status, person in ((S.SUBMITTED, world["near"]), (S.ACCEPTED, world["far"])):
        make_nomination(status, campaign=world["campaign"], award_type=world["award"], person=person,
                        nominating_unit=person.unit)
    make_nomination(S.DRAFT, campaign=world["campaign"], award_type=world["award"], nominating_unit=world["office"])
    make_nomination(S.WITHDRAWN, campaign=world["campaign"], award_type=world["award"],
                    nominating_unit=world["gia_lam"])
    _db.session.commit()
    html = client.get(f"/quotas/?campaign_id={world['campaign'].id}").get_data(as_text=True)
    assert "Đã gửi 2/2" in html and "còn 0" in html and "Theo Kế hoạch 15/KH-UBND" in html
    assert client.post(f"/quotas/{quota.id}/edit", data=_quota_form(world, world["gia_lam"], "1")).status_code == 302
    assert "vượt chỉ tiêu" in client.get(f"/quotas/?campaign_id={world['campaign'].id}").get_data(as_text=True)
    assert client.post(f"/quotas/{quota.id}/delete").status_code == 302
    assert _db.session.scalar(select(CampaignQuota)) is None
    actions = list(_db.session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("quota.%"))
                                       .order_by(AuditEntry.id)))
    assert actions == ["quota.create", "quota.update", "quota.delete"]


@pytest.mark.parametrize(("unit_key", "max_count", "message"), [
    ("gia_lam", "-1", "Số đề nghị tối đa phải từ 0 đến 10.000."),
    ("gia_lam", "", "Nhập số đề nghị tối đa"),
    ("office", "3", "phòng, tổ trực thuộc dùng chung chỉ tiêu"),
    ("hbt", "3", "Quận Hai Bà Trưng đã có chỉ tiêu Chiến sĩ thi đua thành phố"),
])
def test_invalid_quotas_are_refused_beside_the_field(world, client, login_as, unit_key, max_count, message):
    _db.session.add(CampaignQuota(campaign_id=world["campaign"].id, award_type_id=world["award"].id,
                                  unit_id=world["hbt"].id, max_count=5))
    _db.session.commit()
    login_as(world["sec"])
    response = client.post(f"/quotas/new?campaign_id={world['campaign'].id}",
                           data=_quota_form(world, world[unit_key], max_count, note="Ghi chú giữ lại"))
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and message in html and "Ghi chú giữ lại" in html
    assert len(list(_db.session.scalars(select(CampaignQuota)))) == 1


# --- work lists: pagination and a pinned query count ---


def _page_queries(client, count_queries, url):
    with count_queries() as counter:
        response = client.get(url)
    assert response.status_code == 200
    return counter["n"], response.get_data(as_text=True)


def test_work_lists_paginate_with_a_query_count_independent_of_the_rows(world, client, login_as, make_nomination, count_queries,
                                                                        make_person, make_unit):
    def add(n, start=0):
        for i in range(start, start + n):
            unit = make_unit(f"Xã Thử {i}", parent=world["gia_lam"], kind=OrgUnitKind.COMMUNE)
            make_nomination(S.SUBMITTED, campaign=world["campaign"], award_type=world["award"],
                            person=make_person(f"Người thử {i}", unit=unit), nominating_unit=unit)
        _db.session.commit()

    views = ((world["sec"], "/nominations/?list=to_receive"), (world["officer"], "/nominations/?list=sent"))
    add(3)
    few = {}
    for user, url in views:
        login_as(user)
        few[url], _ = _page_queries(client, count_queries, url)
    add(30, start=3)
    for user, url in views:
        login_as(user)
        many, html = _page_queries(client, count_queries, url)
        assert many == few[url], f"{url}: {few[url]} queries for 3 rows, {many} for a full page"
        assert many <= 15
        assert "Trang 1/2" in html and html.count('data-testid="work-row"') == 25
    second = client.get("/nominations/?list=sent&page=2").get_data(as_text=True)
    assert second.count('data-testid="work-row"') == 8


def test_a_stale_quota_edit_is_refused_and_keeps_the_input(world, client, login_as):
    quota = CampaignQuota(campaign_id=world["campaign"].id, award_type_id=world["award"].id,
                          unit_id=world["gia_lam"].id, max_count=5)
    _db.session.add(quota)
    _db.session.commit()
    login_as(world["sec"])
    stale = str(quota.version_id)
    # Someone else saves first.
    assert client.post(f"/quotas/{quota.id}/edit", data={**_quota_form(world, world["gia_lam"], "4"),
                                                         "version_id": stale}).status_code == 302
    response = client.post(f"/quotas/{quota.id}/edit", data={**_quota_form(world, world["gia_lam"], "9"),
                                                             "version_id": stale})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "vừa được người khác sửa" in html and 'value="9"' in html
    _db.session.expire_all()
    assert _db.session.get(CampaignQuota, quota.id).max_count == 4
