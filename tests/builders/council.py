"""Builders for councils, members, assignments and submitted score sheets."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.models import (
    Assignment, Campaign, Council, CouncilMember, CouncilRole, CriterionKind, Nomination, NominationStatus, Role, Score,
    ScoreSheet, SheetStatus, SubjectType,
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


@pytest.fixture()
def council_session(db, make_council, make_sheet, make_nomination, make_unit, make_user):
    """An open council of 3 members (usernames tv1…tv3, password matkhau123) on an individual sheet
    (A ≤ 60, B ≤ 40, bonus ≤ 5 capped at 3, penalty 1 per occurrence, knockout), 2 nominations
    IN_SCORING in a unit of their own, every member assigned to both. Returns a dict."""
    from app.services.assignment import assign_all

    users = [make_user(f"tv{i}", roles={Role.COUNCIL_MEMBER}, full_name=f"Thành viên {i}") for i in (1, 2, 3)]
    council = make_council(users=users)
    sheet = make_sheet(council.campaign, subject_type=SubjectType.INDIVIDUAL, bonus_cap=3, criteria=[
        ("A", 60), ("B", 40), ("Thưởng", 5, CriterionKind.BONUS),
        {"title": "Trễ hạn", "kind": CriterionKind.PENALTY, "penalty_points": 1}, ("Liệt", 0, CriterionKind.KNOCKOUT)])
    home = make_unit("Ủy ban nhân dân xã Hạ Mỗ")
    n1 = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, nominating_unit=home,
                         person=None, unit=None)
    n2 = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, award_type=n1.award_type,
                         nominating_unit=home)
    assign_all(council, by=None)
    ids = criteria_ids(sheet)
    return {"council": council, "members": council.members, "noms": [n1, n2], "sheet": sheet, "c": ids,
            "f": {title: f"c{cid}" for title, cid in ids.items()}}


def criteria_ids(sheet) -> dict[str, int]:
    """Criterion ids of a sheet by title."""
    return {c.title: c.id for c in sheet.criteria}


__all__ = ["criteria_ids", "CriterionKind"]
