"""The workflow service: allowed transitions, roles, reasons, guards and the timeline."""
from __future__ import annotations

import pytest

from app.models import AuditEntry, NominationStatus as S, Role
from app.services.errors import ServiceError
from app.services.nomination_workflow import TRANSITIONS, allowed_transitions, transition_nomination


@pytest.fixture()
def people(make_unit, make_user):
    district = make_unit("Ủy ban nhân dân huyện Gia Lâm", short_name="Gia Lâm")
    other = make_unit("Ủy ban nhân dân quận Hai Bà Trưng", short_name="Hai Bà Trưng")
    return {
        "district": district,
        "other": other,
        "officer": make_user("gialam", roles={Role.UNIT_OFFICER}, unit=district),
        "stranger": make_user("hbt", roles={Role.UNIT_OFFICER}, unit=other),
        "secretariat": make_user("thuky", roles={Role.SECRETARIAT}),
        "viewer": make_user("xem", roles={Role.VIEWER}),
    }


def test_full_path_to_awarded_keeps_every_step(db, make_nomination, people):
    n = make_nomination(nominating_unit=people["district"], by=people["officer"])
    sec = people["secretariat"]
    transition_nomination(n, S.SUBMITTED, by=people["officer"])
    transition_nomination(n, S.RETURNED, by=sec, reason="Thiếu biên bản họp Hội đồng cơ sở")
    transition_nomination(n, S.SUBMITTED, by=people["officer"])
    transition_nomination(n, S.ACCEPTED, by=sec)
    transition_nomination(n, S.APPRAISED, by=sec)
    transition_nomination(n, S.IN_SCORING, by=sec)
    transition_nomination(n, S.SCORED, by=None)
    transition_nomination(n, S.VOTED, by=None)
    transition_nomination(n, S.APPROVED, by=None)
    transition_nomination(n, S.AWARDED, by=None)
    db.session.flush()
    steps = [(e.from_status, e.to_status) for e in n.events]
    assert steps == [(None, S.DRAFT), (S.DRAFT, S.SUBMITTED), (S.SUBMITTED, S.RETURNED), (S.RETURNED, S.SUBMITTED),
                     (S.SUBMITTED, S.ACCEPTED), (S.ACCEPTED, S.APPRAISED), (S.APPRAISED, S.IN_SCORING),
                     (S.IN_SCORING, S.SCORED), (S.SCORED, S.VOTED), (S.VOTED, S.APPROVED), (S.APPROVED, S.AWARDED)]
    assert n.events[2].reason == "Thiếu biên bản họp Hội đồng cơ sở"
    assert n.events[2].actor == sec
    audits = db.session.query(AuditEntry).filter_by(action="nomination.transition", object_id=n.id).count()
    assert audits == 10


@pytest.mark.parametrize("source,target", [
    (S.DRAFT, S.ACCEPTED), (S.DRAFT, S.APPROVED), (S.SUBMITTED, S.APPRAISED), (S.ACCEPTED, S.WITHDRAWN),
    (S.IN_SCORING, S.APPROVED), (S.AWARDED, S.DRAFT), (S.WITHDRAWN, S.SUBMITTED), (S.REJECTED, S.AWARDED),
])
def test_forbidden_transitions_are_refused_with_a_clear_message(db, make_nomination, people, source, target):
    n = make_nomination(source, nominating_unit=people["district"], by=people["officer"])
    events = len(n.events)
    with pytest.raises(ServiceError) as err:
        transition_nomination(n, target, by=people["secretariat"])
    assert f"từ trạng thái “{source.label}” sang “{target.label}”" in err.value.message
    assert n.status is source and len(n.events) == events


def test_unit_officer_cannot_act_for_the_secretariat_or_another_unit(db, make_nomination, people):
    n = make_nomination(S.SUBMITTED, nominating_unit=people["district"], by=people["officer"])
    with pytest.raises(ServiceError, match="không có quyền"):
        transition_nomination(n, S.ACCEPTED, by=people["officer"])
    draft = make_nomination(nominating_unit=people["district"], by=people["officer"])
    with pytest.raises(ServiceError, match="không có quyền"):
        transition_nomination(draft, S.SUBMITTED, by=people["stranger"])
    with pytest.raises(ServiceError, match="không có quyền"):
        transition_nomination(draft, S.SUBMITTED, by=people["viewer"])
    with pytest.raises(ServiceError, match="không có quyền"):
        transition_nomination(draft, S.SUBMITTED, by=None)


def test_return_needs_a_written_reason(db, make_nomination, people):
    n = make_nomination(S.SUBMITTED, nominating_unit=people["district"])
    with pytest.raises(ServiceError) as err:
        transition_nomination(n, S.RETURNED, by=people["secretariat"], reason="   ")
    assert err.value.field == "reason"
    assert n.status is S.SUBMITTED


def test_withdrawal_only_before_acceptance(db, make_nomination, people):
    for status in (S.DRAFT, S.SUBMITTED, S.RETURNED):
        n = make_nomination(status, nominating_unit=people["district"], by=people["officer"])
        transition_nomination(n, S.WITHDRAWN, by=people["officer"], reason="Đơn vị rút để bổ sung năm sau")
        assert n.status is S.WITHDRAWN
    accepted = make_nomination(S.ACCEPTED, nominating_unit=people["district"])
    with pytest.raises(ServiceError):
        transition_nomination(accepted, S.WITHDRAWN, by=people["officer"], reason="muộn")


def test_submission_needs_memo_and_summary(db, make_nomination, people):
    n = make_nomination(nominating_unit=people["district"], memo_number="", memo_date=None, summary="")
    with pytest.raises(ServiceError, match="thiếu số tờ trình, ngày tờ trình, tóm tắt thành tích"):
        transition_nomination(n, S.SUBMITTED, by=people["officer"])
    assert n.status is S.DRAFT


def test_allowed_transitions_by_role(db, make_nomination, people):
    n = make_nomination(S.SUBMITTED, nominating_unit=people["district"])
    assert {t.target for t in allowed_transitions(n, people["secretariat"])} == {S.RETURNED, S.ACCEPTED}
    assert {t.target for t in allowed_transitions(n, people["officer"])} == {S.WITHDRAWN}
    assert allowed_transitions(n, people["stranger"]) == []
    assert allowed_transitions(n, people["viewer"]) == []


def test_builder_replays_a_consistent_timeline(db, make_nomination):
    n = make_nomination(S.IN_SCORING)
    assert [e.to_status for e in n.events] == [S.DRAFT, S.SUBMITTED, S.ACCEPTED, S.APPRAISED, S.IN_SCORING]
    assert all(t.source is not t.target for t in TRANSITIONS)
    r = make_nomination(S.RETURNED)
    assert r.events[-1].reason
