"""The demo nominations: counts per state for the council demo, idempotence."""
from __future__ import annotations

from sqlalchemy import func, select

from app.demo import foundation, nominations
from app.models import Nomination, NominationStatus as S, SubjectScope, SubjectType


def test_demo_leaves_85_collectives_and_35_individuals_in_scoring(db, make_campaign, make_award_type):
    foundation.load()
    make_campaign("Phong trào thi đua đẩy mạnh cải cách hành chính giai đoạn 2021-2025", code="CCHC_2021_2025")
    for code in ("BK_TP", "CSTD_TINH", "CSTD_CS"):
        make_award_type(code, scope=SubjectScope.BOTH)
    nominations.load()
    counts = dict(db.session.execute(select(Nomination.subject_type, func.count()).where(
        Nomination.status == S.IN_SCORING).group_by(Nomination.subject_type)).tuples().all())
    assert counts == {SubjectType.COLLECTIVE: 85, SubjectType.INDIVIDUAL: 35}
    total = db.session.scalar(select(func.count(Nomination.id)))
    assert total >= 130
    states = set(db.session.scalars(select(Nomination.status).distinct()))
    assert {S.DRAFT, S.SUBMITTED, S.RETURNED, S.ACCEPTED, S.APPRAISED, S.INELIGIBLE, S.WITHDRAWN} <= states
    nominations.load()
    assert db.session.scalar(select(func.count(Nomination.id))) == total
