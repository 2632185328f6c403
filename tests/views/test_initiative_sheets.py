"""Configuring the initiative scoring sheet: edit in place, new version once used, refusals, access."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.extensions import db as _db
from app.models import (
    AuditEntry, InitiativeReview, InitiativeReviewScore, InitiativeScoringCriterion, InitiativeScoringSheet,
    InitiativeStatus, Role,
)
from app.services.initiative_reviews import create_default_sheet


@pytest.fixture()
def secretariat(make_user):
    return make_user("vanphong", roles={Role.SECRETARIAT})


@pytest.fixture()
def sheet(db):
    return create_default_sheet()


def _post_data(sheet: InitiativeScoringSheet, **extra) -> dict[str, str]:
    data = {
        "name": "Phiếu chấm 2024", "legal_basis": "Quyết định số 12/QĐ-HĐSK",
        "unit_threshold": "55", "city_threshold": "75,5",
        "effective_from": "2024-01-01", "effective_to": "", "save": "Lưu phiếu chấm",
    }
    for i, c in enumerate(sheet.criteria):
        data[f"criteria-{i}-criterion_id"] = str(c.id)
        data[f"criteria-{i}-title"] = c.title
        data[f"criteria-{i}-max_points"] = str(c.max_points)
    data.update(extra)
    return data


def _count(model) -> int:
    return _db.session.scalar(select(func.count()).select_from(model))


def _review(db, sheet, make_initiative, make_user) -> InitiativeReview:
    reviewer = make_user("hoidong", roles={Role.COUNCIL_MEMBER})
    initiative = make_initiative(status=InitiativeStatus.SUBMITTED)
    review = InitiativeReview(initiative_id=initiative.id, sheet=sheet, reviewer_id=reviewer.id,
                              scores=[InitiativeReviewScore(criterion=c, points=Decimal(20)) for c in sheet.criteria])
    db.session.add(review)
    db.session.flush()
    return review


def test_index_lists_sheets_and_initiatives_list_links_to_it(login_as, secretariat, sheet):
    client = login_as(secretariat)
    page = client.get("/initiatives/sheets/").get_data(as_text=True)
    assert sheet.name in page and "Tính mới, sáng tạo (30)" in page and "Đang và sắp có hiệu lực" in page
    assert "/initiatives/sheets/" in client.get("/initiatives/").get_data(as_text=True)


def test_create_default_when_none(login_as, secretariat, db):
    client = login_as(secretariat)
    assert "Tạo phiếu mặc định" in client.get("/initiatives/sheets/").get_data(as_text=True)
    assert client.post("/initiatives/sheets/default").status_code == 302
    assert _count(InitiativeScoringSheet) == 1
    client.post("/initiatives/sheets/default")
    assert _count(InitiativeScoringSheet) == 1


def test_edit_in_place_when_no_review(login_as, secretariat, sheet, db):
    client = login_as(secretariat)
    page = client.get(f"/initiatives/sheets/{sheet.id}/edit").get_data(as_text=True)
    assert 'data-testid="sheet-total">100<' in page and "sheet-used" not in page
    data = _post_data(sheet, **{"criteria-0-max_points": "25", "criteria-2-remove": "y",
                                "criteria-3-title": "Tính bền vững", "criteria-3-max_points": "45"})
    response = client.post(f"/initiatives/sheets/{sheet.id}/edit", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    assert _count(InitiativeScoringSheet) == 1
    saved = db.session.get(InitiativeScoringSheet, sheet.id)
    assert (saved.name, saved.unit_threshold, saved.city_threshold) == ("Phiếu chấm 2024", Decimal(55), Decimal("75.5"))
    assert saved.effective_from == date(2024, 1, 1) and saved.effective_to is None
    assert [(c.title, c.max_points) for c in saved.criteria] == [
        ("Tính mới, sáng tạo", Decimal(25)), ("Khả năng áp dụng, nhân rộng", Decimal(30)),
        ("Tính bền vững", Decimal(45))]
    assert saved.max_total == Decimal(100)
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "initiative_sheet.update")).one()
    assert entry.object_id == sheet.id and entry.before["unit_threshold"] == "50.00"


def test_new_version_when_reviews_exist(login_as, secretariat, sheet, db, make_initiative, make_user):
    review = _review(db, sheet, make_initiative, make_user)
    old_criteria = [(c.id, c.title, c.max_points) for c in sheet.criteria]
    client = login_as(secretariat)
    page = client.get(f"/initiatives/sheets/{sheet.id}/edit").get_data(as_text=True)
    assert 'data-testid="sheet-used"' in page
    day = date.today() + timedelta(days=10)
    data = _post_data(sheet, effective_from=day.isoformat(), **{"criteria-2-max_points": "50"})
    response = client.post(f"/initiatives/sheets/{sheet.id}/edit", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    old = db.session.get(InitiativeScoringSheet, sheet.id)
    assert old.effective_to == day - timedelta(days=1)
    assert [(c.id, c.title, c.max_points) for c in old.criteria] == old_criteria
    assert (old.name, old.unit_threshold) == ("Phiếu chấm điểm sáng kiến (mặc định)", Decimal(50))
    new = db.session.scalars(select(InitiativeScoringSheet).where(InitiativeScoringSheet.id != sheet.id)).one()
    assert new.is_default and new.effective_from == day and new.effective_to is None
    assert [c.max_points for c in new.criteria] == [Decimal(30), Decimal(30), Decimal(50)]
    assert [c.code for c in new.criteria] == ["novelty", "applicability", "effectiveness"]
    assert db.session.get(InitiativeReview, review.id).sheet_id == sheet.id
    actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {"initiative_sheet.supersede", "initiative_sheet.create"} <= actions


def test_new_version_must_start_after_the_old_one(login_as, secretariat, sheet, db, make_initiative, make_user):
    _review(db, sheet, make_initiative, make_user)
    client = login_as(secretariat)
    response = client.post(f"/initiatives/sheets/{sheet.id}/edit", data=_post_data(sheet, effective_from="1999-01-01"))
    assert response.status_code == 422 and "phải sau ngày 01/01/2000" in response.get_data(as_text=True)
    assert _count(InitiativeScoringSheet) == 1


@pytest.mark.parametrize("extra,message", [
    ({"criteria-1-max_points": "-5"}, "Điểm tối đa phải lớn hơn 0"),
    ({"criteria-1-max_points": "ba mươi"}, "Giá trị phải là một số"),
    ({"unit_threshold": "80", "city_threshold": "70"}, "phải lớn hơn hoặc bằng ngưỡng cấp cơ sở"),
    ({"unit_threshold": "-1"}, "Ngưỡng không được âm."),
    ({"unit_threshold": "năm mươi"}, "Giá trị phải là một số"),
    ({"city_threshold": "150"}, "không được vượt tổng điểm tối đa"),
    ({"effective_from": "31/12/2024"}, "Ngày không hợp lệ."),
    ({"name": ""}, "Vui lòng nhập tên phiếu chấm."),
    ({"criteria-0-remove": "y", "criteria-1-remove": "y", "criteria-2-remove": "y"}, "ít nhất một tiêu chí"),
])
def test_bad_input_refused_nothing_saved(login_as, secretariat, sheet, db, extra, message):
    client = login_as(secretariat)
    data = _post_data(sheet, **extra)
    response = client.post(f"/initiatives/sheets/{sheet.id}/edit", data=data)
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and message in body
    for value in extra.values():
        if value not in ("", "y"):
            assert f'value="{value}"' in body  # the user's input is kept
    db.session.expire_all()
    saved = db.session.get(InitiativeScoringSheet, sheet.id)
    assert (saved.name, saved.unit_threshold, saved.city_threshold) == (
        "Phiếu chấm điểm sáng kiến (mặc định)", Decimal(50), Decimal(70))
    assert [c.max_points for c in saved.criteria] == [Decimal(30), Decimal(30), Decimal(40)]
    assert _count(AuditEntry) == 0 and _count(InitiativeScoringCriterion) == 3


def test_add_row_redraws_with_server_total(login_as, secretariat, sheet, db):
    client = login_as(secretariat)
    data = _post_data(sheet, **{"criteria-0-max_points": "20", "add_row": "+ Thêm tiêu chí"})
    del data["save"]
    response = client.post(f"/initiatives/sheets/{sheet.id}/edit", data=data)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and 'name="criteria-3-title"' in body
    assert 'data-testid="sheet-total">90<' in body
    db.session.expire_all()
    assert db.session.get(InitiativeScoringSheet, sheet.id).criteria[0].max_points == Decimal(30)


def test_unit_officer_and_council_member_refused(login_as, make_user, make_unit, sheet):
    officer = make_user("donvi", roles={Role.UNIT_OFFICER}, unit=make_unit("Sở Nội vụ"))
    client = login_as(officer)
    assert client.get("/initiatives/sheets/").status_code == 403
    assert client.post(f"/initiatives/sheets/{sheet.id}/edit", data=_post_data(sheet)).status_code == 403
    assert "/initiatives/sheets/" not in client.get("/initiatives/").get_data(as_text=True)


def test_a_stale_edit_is_refused_and_keeps_the_input(login_as, secretariat, sheet, db):
    client = login_as(secretariat)
    stale = str(sheet.version_id)
    first = client.post(f"/initiatives/sheets/{sheet.id}/edit", data=_post_data(sheet, version_id=stale))
    assert first.status_code == 302
    response = client.post(f"/initiatives/sheets/{sheet.id}/edit",
                           data=_post_data(sheet, version_id=stale, name="Bản sửa muộn"))
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "vừa được người khác sửa" in html and "Bản sửa muộn" in html
    db.session.expire_all()
    assert db.session.get(InitiativeScoringSheet, sheet.id).name == "Phiếu chấm 2024"
