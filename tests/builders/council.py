"""Builders for councils, members, assignments and submitted score sheets."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.models import (
    Assignment, Campaign, Council, CouncilMember, CouncilRole, CriterionKind, Nomination, Role, Score, ScoreSheet,
    SheetStatus,
)
from app.models.base import utcnow


@pytest.fixture()
def make_council(db, make_campaign, make_user):
    """A council of `size` members (first chair, last secretary) for a campaign."""

    def _make(campaign: Campaign | None = None, *, size: int = 3, name: str = "Hội đồng thử",
              quorum_ratio: Decimal = Decimal("0.6667"), users: list | None = None) -> Council:
        council = Council(campaign=campaign or make_campaign(), name=name, quorum_ratio=quorum_ratio)
        db.session.add(council)
        users = users or [make_user(roles={Role.COUNCIL_MEMBER}, full_name=f"Thành viên {i + 1}")
                          for i in range(size)]
        for i, user in enumerate(users):
            role = CouncilRole.CHAIR if i == 0 else CouncilRole.SECRETARY if i == len(users) - 1 else CouncilRole.MEMBER
            council.members.append(CouncilMember(user=user, role=role))
        db.session.flush()
        return council

    return _make


@pytest.fixture()
def assign(db):
    def _assign(council: Council, member: CouncilMember, nomination: Nomination) -> Assignment:
        a = Assignment(council_id=council.id, member_id=member.id, nomination_id=nomination.id)
        db.session.add(a)
        db.session.flush()
        return a

    return _assign


@pytest.fixture()
def submit_scores(db):
    """A submitted sheet written directly: {criterion_id: value}; no service checks (for results tests)."""

    def _submit(member: CouncilMember, nomination: Nomination, values: dict[int, float | Decimal],
                *, submitted: bool = True) -> ScoreSheet:
        sheet = ScoreSheet(council_id=member.council_id, member=member, nomination=nomination,
                           status=SheetStatus.SUBMITTED if submitted else SheetStatus.DRAFT,
                           submitted_at=utcnow() if submitted else None)
        sheet.scores = [Score(criterion_id=cid, value=Decimal(str(v))) for cid, v in values.items()]
        db.session.add(sheet)
        db.session.flush()
        return sheet

    return _submit


def criteria_ids(sheet) -> dict[str, int]:
    """Criterion ids of a sheet by title."""
    return {c.title: c.id for c in sheet.criteria}


__all__ = ["criteria_ids", "CriterionKind"]
