"""Initiative council: configurable sheet (default 30/30/40, 50/70), scores, summary, recognition."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.models import InfluenceScope, InitiativeStatus, Role
from app.services.errors import ServiceError
from app.services.initiative_reviews import (
    record_recognition, record_review, refuse_recognition, review_summary, sheet_in_force,
)
from app.services.initiatives import submit_initiative


def _points(sheet, *values):  # noqa: ANN001
    return {c.id: Decimal(v) for c, v in zip(sheet.criteria, values)}


def test_default_sheet_is_rule_data(db):
    sheet = sheet_in_force()
    assert [(c.code, c.max_points) for c in sheet.criteria] == [
        ("novelty", 30), ("applicability", 30), ("effectiveness", 40)]
    assert (sheet.unit_threshold, sheet.city_threshold, sheet.max_total) == (50, 70, 100)
    assert sheet_in_force().id == sheet.id  # created once


def test_scores_are_bounded_and_summarised(db, make_user, make_initiative):
    initiative = make_initiative(status=InitiativeStatus.SUBMITTED)
    sheet = sheet_in_force()
    a = make_user(roles={Role.COUNCIL_MEMBER})
    b = make_user(roles={Role.COUNCIL_MEMBER})
    with pytest.raises(ServiceError, match="phải từ 0 đến 30"):
        record_review(initiative, reviewer=a, points=_points(sheet, 31, 10, 10))
    with pytest.raises(ServiceError, match="Vui lòng chấm điểm"):
        record_review(initiative, reviewer=a, points=_points(sheet, 20, 20))
    record_review(initiative, reviewer=a, points=_points(sheet, 25, 25, 30))
    record_review(initiative, reviewer=b, points=_points(sheet, 20, 20, 30))
    summary = review_summary(initiative)
    assert summary.review_count == 2 and summary.mean_total == Decimal("75.00")
    assert summary.suggested_scope is InfluenceScope.CITY
    record_review(initiative, reviewer=b, points=_points(sheet, 10, 10, 20))  # replaces b's sheet
    summary = review_summary(initiative)
    assert summary.review_count == 2 and summary.mean_total == Decimal("60.00")
    assert summary.suggested_scope is InfluenceScope.UNIT


def test_viewer_and_drafts_cannot_be_scored(db, make_user, make_initiative):
    sheet = sheet_in_force()
    with pytest.raises(ServiceError):
        record_review(make_initiative(), reviewer=make_user(roles={Role.COUNCIL_MEMBER}),
                      points=_points(sheet, 1, 1, 1))
    with pytest.raises(ServiceError):
        record_review(make_initiative(status=InitiativeStatus.SUBMITTED), reviewer=make_user(roles={Role.VIEWER}),
                      points=_points(sheet, 1, 1, 1))


def test_recognition_widens_scope_and_records_decision(db, make_user, make_initiative):
    secretary = make_user(roles={Role.SECRETARIAT})
    initiative = make_initiative(status=InitiativeStatus.SUBMITTED, start_date=date(2022, 9, 1))
    record_recognition(initiative, by=secretary, recognised_by="Hội đồng Sáng kiến huyện", decision_number="1/QĐ",
                       decision_date=date(2023, 1, 5), scope=InfluenceScope.CITY)
    record_recognition(initiative, by=secretary, recognised_by="Hội đồng Sáng kiến huyện", decision_number="2/QĐ",
                       decision_date=date(2023, 2, 5), scope=InfluenceScope.UNIT)
    assert initiative.status is InitiativeStatus.RECOGNISED and initiative.scope is InfluenceScope.CITY
    assert [r.decision_number for r in initiative.recognitions] == ["1/QĐ", "2/QĐ"]
    with pytest.raises(ServiceError, match="trước ngày bắt đầu"):
        record_recognition(initiative, by=secretary, recognised_by="X", decision_number="3/QĐ",
                           decision_date=date(2020, 1, 1), scope=InfluenceScope.UNIT)
    with pytest.raises(ServiceError):
        record_recognition(initiative, by=make_user(roles={Role.UNIT_OFFICER}), recognised_by="X",
                           decision_number="4/QĐ", decision_date=date(2024, 1, 1), scope=InfluenceScope.UNIT)


def test_refusal_then_resubmission(db, make_user, make_unit, make_initiative):
    unit = make_unit()
    officer = make_user(roles={Role.UNIT_OFFICER}, unit=unit)
    initiative = make_initiative(unit=unit)
    submit_initiative(initiative, by=officer)
    refuse_recognition(initiative, by=make_user(roles={Role.SECRETARIAT}), reason="Chưa có số liệu kết quả.")
    assert initiative.status is InitiativeStatus.NOT_RECOGNISED and initiative.can_edit(officer)
    submit_initiative(initiative, by=officer)
    assert initiative.status is InitiativeStatus.SUBMITTED
