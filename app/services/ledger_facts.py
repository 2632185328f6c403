"""Facts read from the award-history ledger, loaded in bulk for the rule service.

One call loads everything the rules need about a set of subjects (titles per year,
ratings, discipline, initiatives), so evaluating many rules costs a fixed number of queries.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (
    AwardRecord, AwardType, DisciplineMeasure, DisciplineRecord, InfluenceScope, Initiative, InitiativeAuthor,
    InitiativeStatus, OrgUnit, OrgUnitKind, PerformanceRating, Person, RatingRecord,
)


@dataclass(frozen=True)
class InitiativeFact:
    id: int
    title: str
    scope: InfluenceScope | None
    status: InitiativeStatus
    year: int | None  # year of the latest recognition (else of its start)


@dataclass(frozen=True)
class DisciplineFact:
    year: int
    measure: DisciplineMeasure
    person_name: str


@dataclass
class LedgerFacts:
    """What the ledger says about one person or one collective."""

    awards: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # award code → years
    ratings: dict[int, PerformanceRating] = field(default_factory=dict)
    discipline: list[DisciplineFact] = field(default_factory=list)
    initiatives: dict[int, InitiativeFact] = field(default_factory=dict)

    def years_of(self, award_code: str) -> set[int]:
        return self.awards.get(award_code, set())


def subtree_unit_ids(unit_id: int) -> list[int]:
    """The unit and all its sub-units (recursive CTE: one query whatever the depth)."""
    tree = select(OrgUnit.id).where(OrgUnit.id == unit_id).cte("tree", recursive=True)
    tree = tree.union_all(select(OrgUnit.id).where(OrgUnit.parent_id == tree.c.id))
    return list(db.session.scalars(select(tree.c.id)))


def quota_unit(unit: OrgUnit) -> OrgUnit:
    """The unit quotas are counted in: the nearest body above internal sections (phòng, tổ)."""
    node = unit
    while node.kind is OrgUnitKind.SUB_UNIT and node.parent is not None:
        node = node.parent
    return node


def _initiative_fact(item: Initiative) -> InitiativeFact:
    dated = [r.decision_date for r in item.recognitions if r.decision_date is not None]
    year = max(dated).year if dated else (item.start_date.year if item.start_date else None)
    return InitiativeFact(id=item.id, title=item.title, scope=item.scope, status=item.status, year=year)


def load_initiatives(ids: list[int]) -> list[InitiativeFact]:
    if not ids:
        return []
    rows = db.session.scalars(
        select(Initiative).where(Initiative.id.in_(ids)).options(selectinload(Initiative.recognitions)))
    return [_initiative_fact(i) for i in rows]


def people_facts(person_ids: list[int]) -> dict[int, LedgerFacts]:
    """Ledger facts for many people at once (four queries in all)."""
    facts = {pid: LedgerFacts() for pid in person_ids}
    if not person_ids:
        return facts
    for pid, code, year in db.session.execute(
        select(AwardRecord.person_id, AwardType.code, AwardRecord.year)
        .join(AwardType, AwardRecord.award_type_id == AwardType.id)
        .where(AwardRecord.person_id.in_(person_ids))
    ):
        facts[pid].awards[code].add(year)
    for pid, year, rating in db.session.execute(
        select(RatingRecord.person_id, RatingRecord.year, RatingRecord.rating)
        .where(RatingRecord.person_id.in_(person_ids))
    ):
        facts[pid].ratings[year] = rating
    for pid, year, measure, name in db.session.execute(
        select(DisciplineRecord.person_id, DisciplineRecord.year, DisciplineRecord.measure, Person.full_name)
        .join(Person, DisciplineRecord.person_id == Person.id)
        .where(DisciplineRecord.person_id.in_(person_ids))
    ):
        facts[pid].discipline.append(DisciplineFact(year, measure, name))
    rows = db.session.execute(
        select(InitiativeAuthor.person_id, Initiative)
        .join(Initiative, InitiativeAuthor.initiative_id == Initiative.id)
        .where(InitiativeAuthor.person_id.in_(person_ids))
        .options(selectinload(Initiative.recognitions))
    )
    for pid, item in rows:
        facts[pid].initiatives[item.id] = _initiative_fact(item)
    return facts


@dataclass
class UnitFacts(LedgerFacts):
    """A collective's own ledger plus its members' titles (for member-share rules)."""

    member_count: int = 0
    member_awards: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # "code:year" → ids

    def members_with(self, award_code: str, year: int) -> int:
        return len(self.member_awards.get(f"{award_code}:{year}", set()))


def unit_facts(unit: OrgUnit) -> UnitFacts:
    """Ledger facts for a collective: its own records, its members' discipline and titles."""
    facts = UnitFacts()
    unit_ids = subtree_unit_ids(unit.id)
    for code, year in db.session.execute(
        select(AwardType.code, AwardRecord.year).join(AwardType, AwardRecord.award_type_id == AwardType.id)
        .where(AwardRecord.unit_id == unit.id)
    ):
        facts.awards[code].add(year)
    for year, rating in db.session.execute(
        select(RatingRecord.year, RatingRecord.rating).where(RatingRecord.unit_id == unit.id)
    ):
        facts.ratings[year] = rating
    member_ids = select(Person.id).where(Person.unit_id.in_(unit_ids))
    facts.member_count = db.session.scalar(select(db.func.count()).select_from(member_ids.subquery())) or 0
    for year, measure, name in db.session.execute(
        select(DisciplineRecord.year, DisciplineRecord.measure, Person.full_name)
        .join(Person, DisciplineRecord.person_id == Person.id).where(Person.unit_id.in_(unit_ids))
    ):
        facts.discipline.append(DisciplineFact(year, measure, name))
    for pid, code, year in db.session.execute(
        select(AwardRecord.person_id, AwardType.code, AwardRecord.year)
        .join(AwardType, AwardRecord.award_type_id == AwardType.id)
        .where(AwardRecord.person_id.in_(member_ids))
    ):
        facts.member_awards[f"{code}:{year}"].add(pid)
    for item in db.session.scalars(
        select(Initiative).where(Initiative.owner_unit_id == unit.id).options(selectinload(Initiative.recognitions))
    ):
        facts.initiatives[item.id] = _initiative_fact(item)
    return facts


def count_holders(award_code: str, unit_ids: list[int], year: int) -> int:
    """People of these units holding the award in that year (one COUNT query)."""
    return db.session.scalar(
        select(db.func.count(AwardRecord.id))
        .join(AwardType, AwardRecord.award_type_id == AwardType.id)
        .join(Person, AwardRecord.person_id == Person.id)
        .where(AwardType.code == award_code, AwardRecord.year == year, Person.unit_id.in_(unit_ids))
    ) or 0
