"""Builders for nominations with a consistent timeline."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from app.models import (
    AwardType, Campaign, Nomination, NominationStatus, OrgUnit, Person, Role, SubjectScope, SubjectType, User,
)
from app.services.nomination_workflow import replay_history


@pytest.fixture()
def make_nomination(db, make_campaign, make_award_type, make_person, make_unit, make_user):
    """A nomination in `status`, its timeline replayed draft → … → status (no guards run).

    Defaults: a new campaign, a BK_TP-like award type for both subjects, an individual
    nominee of the nominating unit. Pass `unit=` (and no person) for a collective."""

    def _make(status: NominationStatus = NominationStatus.DRAFT, *, campaign: Campaign | None = None,
              award_type: AwardType | str | None = None, person: Person | None = None,
              unit: OrgUnit | None = None, nominating_unit: OrgUnit | None = None, by: User | None = None,
              secretariat: User | None = None, reasons: dict[NominationStatus, str] | None = None,
              **extra: Any) -> Nomination:
        if isinstance(award_type, str):
            award_type = make_award_type(award_type, scope=SubjectScope.BOTH)
        award_type = award_type or make_award_type("BK_TEST", "Bằng khen thử nghiệm", scope=SubjectScope.BOTH)
        nominating_unit = nominating_unit or (person.unit if person else unit.parent or unit if unit else None) \
            or make_unit("Ủy ban nhân dân huyện Thử")
        if person is None and unit is None:
            person = make_person(unit=nominating_unit)
        nomination = Nomination(
            campaign=campaign or make_campaign(), award_type=award_type,
            subject_type=SubjectType.INDIVIDUAL if person is not None else SubjectType.COLLECTIVE,
            person=person, unit=unit if person is None else None, nominating_unit=nominating_unit,
            memo_number=extra.pop("memo_number", "15/TTr-UBND"), memo_date=extra.pop("memo_date", date(2025, 10, 1)),
            summary=extra.pop("summary", "Hoàn thành xuất sắc nhiệm vụ cải cách hành chính."),
            created_by=by, **extra)
        db.session.add(nomination)
        sec = secretariat
        if sec is None and status not in (NominationStatus.DRAFT, NominationStatus.SUBMITTED,
                                          NominationStatus.WITHDRAWN):
            sec = make_user(roles={Role.SECRETARIAT}, full_name="Thư ký thử")
        replay_history(nomination, status, unit_user=by, secretariat_user=sec, reasons=reasons,
                       start_at=datetime(2025, 10, 1, 8, tzinfo=timezone.utc), step=timedelta(days=2))
        db.session.flush()
        return nomination

    return _make
