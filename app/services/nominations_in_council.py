"""Which nominations a council deals with: its campaign's, from scoring onwards."""
from __future__ import annotations

from sqlalchemy import Select, select

from app.extensions import db
from app.models import Council, Nomination, NominationStatus

COUNCIL_STATUSES = (NominationStatus.IN_SCORING, NominationStatus.SCORED, NominationStatus.VOTED,
                    NominationStatus.APPROVED, NominationStatus.REJECTED, NominationStatus.AWARDED)


def in_council(council: Council) -> tuple:
    """WHERE clauses selecting the council's nominations (filter, don't ship thousands of ids)."""
    return (Nomination.campaign_id == council.campaign_id, Nomination.status.in_(COUNCIL_STATUSES))


def council_nominations_query(council: Council) -> Select:
    return select(Nomination).where(*in_council(council))


def council_nomination_ids(council: Council) -> list[int]:
    return list(db.session.scalars(select(Nomination.id).where(*in_council(council))))
