"""The council demo: 77 collectives + 31 individuals approved by threshold, an open second session
where hoidong1 still has sheets to score and an open CSTĐ ballot; a second run changes nothing."""
from __future__ import annotations

from sqlalchemy import func, select

from app.demo import catalogue, council, foundation, nominations
from app.models import BallotRound, Council, Nomination, NominationStatus as S, ScoreSheet, SheetStatus, SubjectType
from app.services.scoring import scoring_list


def test_council_demo_outcomes_and_open_session(db):
    foundation.load()
    catalogue.load()
    nominations.load()
    council.load()
    approved = dict(db.session.execute(select(Nomination.subject_type, func.count()).where(
        Nomination.status == S.APPROVED).group_by(Nomination.subject_type)).tuples().all())
    assert approved == {SubjectType.COLLECTIVE: 77, SubjectType.INDIVIDUAL: 31}
    assert db.session.scalar(select(func.count()).where(Nomination.status == S.REJECTED)) == 12
    first, second = db.session.scalars(select(Council).order_by(Council.id)).all()
    assert not first.is_open and second.is_open and len(second.members) == 9
    hoidong1 = second.members[0]
    listing = scoring_list(hoidong1)
    assert 0 < listing.submitted < listing.total
    assert db.session.scalar(select(BallotRound).where(BallotRound.council_id == second.id)).is_open
    sheets = db.session.scalar(select(func.count(ScoreSheet.id)))
    council.load()
    assert db.session.scalar(select(func.count(ScoreSheet.id))) == sheets
    assert db.session.scalar(select(func.count(ScoreSheet.id)).where(
        ScoreSheet.council_id == second.id, ScoreSheet.member_id == hoidong1.id,
        ScoreSheet.status == SheetStatus.DRAFT)) == 1
