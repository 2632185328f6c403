"""Campaign pages and the criteria editor: create, visibility, stages, bad points, locking, versions."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from app.models import AuditEntry, Campaign, CampaignStage, CriteriaSheet, Criterion, CriterionKind, Role, SubjectType
from app.services.criteria import sheet_outline


def _secretariat(make_user, login_as):
    return login_as(make_user(roles={Role.SECRETARIAT}))


def test_create_campaign_with_phases(db, client, make_user, make_unit, login_as):
    city = make_unit("Ủy ban nhân dân thành phố Hà Nội")
    _secretariat(make_user, login_as)
    response = client.post("/campaigns/new", data={
        "code": "CCHC-2125", "name": "Đẩy mạnh cải cách hành chính 2021–2025", "kind": "thematic",
        "launching_unit_id": city.id, "plan_number": "45/KH-UBND", "plan_date": "20/02/2021",
        "period_start": "01/01/2021", "period_end": "31/12/2025", "description": "",
        "phase_registration_start": "01/03/2021", "phase_registration_end": "31/03/2021",
    })
    assert response.status_code == 302
    campaign = db.session.scalar(select(Campaign))
    assert campaign.code == "CCHC-2125" and [p.stage for p in campaign.phases] == [CampaignStage.REGISTRATION]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "45/KH-UBND" in page and "20/02/2021" in page


def test_bad_dates_refused_and_kept(db, client, make_user, make_unit, login_as):
    city = make_unit()
    _secretariat(make_user, login_as)
    response = client.post("/campaigns/new", data={
        "code": "X", "name": "Phong trào", "kind": "regular", "launching_unit_id": city.id,
        "period_start": "31/02/2024", "period_end": "01/01/2024"})
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "Ngày “31/02/2024” không hợp lệ" in body and 'value="31/02/2024"' in body
    assert db.session.scalar(select(func.count(Campaign.id))) == 0


def test_unit_officer_sees_only_open_campaigns(db, client, make_user, make_unit, make_campaign, login_as):
    district = make_unit("Huyện Gia Lâm")
    commune = make_unit("Xã Đa Tốn", parent=district)
    other = make_unit("Quận Khác")
    make_campaign("Mở cho mọi đơn vị")
    make_campaign("Cho Gia Lâm", participating=[district])
    hidden = make_campaign("Chỉ quận khác", participating=[other])
    login_as(make_user(roles={Role.UNIT_OFFICER}, unit=commune))
    body = client.get("/campaigns/").get_data(as_text=True)
    assert "Mở cho mọi đơn vị" in body and "Cho Gia Lâm" in body and "Chỉ quận khác" not in body
    assert client.get(f"/campaigns/{hidden.id}").status_code == 403


def test_advance_to_scoring_locks_sheets_and_is_audited(db, client, make_user, make_sheet, make_campaign, login_as):
    campaign = make_campaign(stage=CampaignStage.APPRAISAL)
    sheet = make_sheet(campaign)
    _secretariat(make_user, login_as)
    response = client.post(f"/campaigns/{campaign.id}/advance", data={"to": "scoring"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(CriteriaSheet, sheet.id).is_locked
    assert db.session.get(Campaign, campaign.id).stage is CampaignStage.SCORING
    actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {"campaign.stage", "criteria.locked"} <= actions
    # Skipping a stage is refused.
    client.post(f"/campaigns/{campaign.id}/advance", data={"to": "closed"})
    assert db.session.get(Campaign, campaign.id).stage is CampaignStage.SCORING


def _criteria_count(db) -> int:
    return db.session.scalar(select(func.count(Criterion.id)))


def test_add_and_edit_criteria_updates_total(db, client, make_user, make_sheet, login_as):
    sheet = make_sheet()
    _secretariat(make_user, login_as)
    response = client.post(f"/campaigns/sheets/{sheet.id}/criteria", data={
        "kind": "scored", "title": "Chính quyền số", "code": "7", "max_points": "16", "guidance": ""})
    assert response.status_code == 302
    first = db.session.scalar(select(Criterion).where(Criterion.title == "Chỉ đạo, điều hành"))
    client.post(f"/campaigns/criteria/{first.id}", data={"title": "Chỉ đạo, điều hành", "code": "1",
                                                         "max_points": "12,5", "guidance": "Kế hoạch đúng hạn"})
    body = client.get(f"/campaigns/sheets/{sheet.id}").get_data(as_text=True)
    assert 'data-testid="total-max" id="total-max">88,5<' in body


def test_sub_criteria_sum_into_parent(db, make_sheet):
    sheet = make_sheet(criteria=[{"title": "Cải cách TTHC", "children": [
        {"title": "Công khai TTHC", "max_points": 6}, {"title": "Hồ sơ đúng hạn", "max_points": 12}]},
        ("Thưởng", 4, CriterionKind.BONUS)], bonus_cap=10)
    outline = sheet_outline(sheet)
    assert outline.total_max == Decimal("18") and outline.scored[0].max_points == Decimal("18")
    assert [n.title for n in outline.leaves] == ["Công khai TTHC", "Hồ sơ đúng hạn"]
    assert outline.grand_max == Decimal("22")


def test_bad_points_refused_with_vietnamese_message(db, client, make_user, make_sheet, login_as):
    sheet = make_sheet(bonus_cap=10)
    _secretariat(make_user, login_as)
    before = _criteria_count(db)
    cases = [
        ({"kind": "scored", "title": "Âm", "max_points": "-3"}, "Điểm không được âm."),
        ({"kind": "scored", "title": "Chữ", "max_points": "mười"}, "“mười” không phải là số điểm"),
        ({"kind": "bonus", "title": "Thưởng lớn", "max_points": "12"},
         "Điểm thưởng tối đa của mục (12) vượt mức trần điểm thưởng của bảng (10)."),
    ]
    for data, message in cases:
        response = client.post(f"/campaigns/sheets/{sheet.id}/criteria", data=data)
        body = response.get_data(as_text=True)
        assert response.status_code == 422, data
        assert message in body, data
        assert f'value="{data["max_points"]}"' in body  # the user's input is kept
    assert _criteria_count(db) == before


def test_lowering_bonus_cap_below_an_item_is_refused(db, client, make_user, make_sheet, login_as):
    sheet = make_sheet(criteria=[("Mô hình cấp thành phố", 6, CriterionKind.BONUS)], bonus_cap=10)
    _secretariat(make_user, login_as)
    response = client.post(f"/campaigns/sheets/{sheet.id}/bonus-cap", data={"bonus_cap": "5"})
    assert response.status_code == 422 and "mức trần không thể thấp hơn" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(CriteriaSheet, sheet.id).bonus_cap == Decimal("10")


def test_locked_sheet_cannot_be_edited_but_can_be_versioned(db, client, make_user, make_sheet, login_as):
    sheet = make_sheet(locked=True)
    crit = sheet.criteria[0]
    _secretariat(make_user, login_as)
    body = client.get(f"/campaigns/sheets/{sheet.id}").get_data(as_text=True)
    assert "Tạo phiên bản mới" in body and "Lưu tiêu chí" not in body
    response = client.post(f"/campaigns/criteria/{crit.id}", data={"title": "Đổi", "max_points": "1"})
    assert response.status_code == 422 and "Bảng tiêu chí đã khóa" in response.get_data(as_text=True)
    response = client.post(f"/campaigns/criteria/{crit.id}/remove")
    assert response.status_code == 422
    db.session.expire_all()
    assert db.session.get(Criterion, crit.id).title == "Chỉ đạo, điều hành"
    response = client.post(f"/campaigns/sheets/{sheet.id}/new-version")
    assert response.status_code == 302
    db.session.expire_all()
    versions = list(db.session.scalars(select(CriteriaSheet).order_by(CriteriaSheet.version)))
    assert [(s.version, s.is_current, s.is_locked) for s in versions] == [(1, False, True), (2, True, False)]
    assert [c.title for c in versions[1].criteria] == [c.title for c in versions[0].criteria]


def test_move_and_remove(db, client, make_user, make_sheet, login_as):
    sheet = make_sheet(criteria=[("A", 1), ("B", 2), ("C", 3)], subject_type=SubjectType.INDIVIDUAL)
    c = {x.title: x for x in sheet.criteria}
    _secretariat(make_user, login_as)
    client.post(f"/campaigns/criteria/{c['C'].id}/move", data={"direction": "up"})
    client.post(f"/campaigns/criteria/{c['A'].id}/remove")
    db.session.expire_all()
    assert [n.title for n in sheet_outline(db.session.get(CriteriaSheet, sheet.id)).scored] == ["C", "B"]


def test_unit_officer_cannot_edit(db, client, make_user, make_sheet, login_as):
    sheet = make_sheet()
    login_as(make_user(roles={Role.UNIT_OFFICER}))
    assert client.post(f"/campaigns/sheets/{sheet.id}/criteria", data={"title": "x", "max_points": "1"}).status_code == 403
