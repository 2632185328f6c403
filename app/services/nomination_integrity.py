"""Integrity flags on a dossier: possible duplicate nominees and reused achievements."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import aliased, selectinload

from app.extensions import db
from app.models import Campaign, Nomination, Person
from app.models.nomination import INACTIVE, nomination_initiatives


@dataclass(frozen=True)
class IntegrityFlag:
    kind: str  # "duplicate" | "initiative_reused"
    message: str
    other_id: int


def possible_duplicates(nomination: Nomination) -> list[Nomination]:
    """Other nominations in the same campaign of the same person — the same record, or another
    record with the same folded name, birth year and unit (e.g. entered twice by two units)."""
    if nomination.person is None:
        return []
    person = nomination.person
    other = aliased(Person)
    query = (select(Nomination).join(other, Nomination.person_id == other.id)
             .where(Nomination.campaign_id == nomination.campaign_id, Nomination.id != nomination.id,
                    Nomination.status.not_in(INACTIVE))
             .options(selectinload(Nomination.nominating_unit), selectinload(Nomination.award_type)))
    same_record = other.id == person.id
    same_looking = (other.search_name == person.search_name) & (other.unit_id == person.unit_id)
    if person.birth_year is not None:
        same_looking &= other.birth_year == person.birth_year
    return list(db.session.scalars(query.where(same_record | same_looking).order_by(Nomination.id)))


def reused_initiatives(nomination: Nomination) -> list[tuple[str, Nomination]]:
    """(initiative title, other nomination) for each linked initiative also used by another live
    nomination whose campaign overlaps this one's period — one achievement, one reward."""
    ids = [i.id for i in nomination.initiatives]
    if not ids:
        return []
    this = nomination.campaign
    link = nomination_initiatives
    rows = db.session.execute(
        select(link.c.initiative_id, Nomination)
        .join(Nomination, Nomination.id == link.c.nomination_id)
        .join(Campaign, Campaign.id == Nomination.campaign_id)
        .where(link.c.initiative_id.in_(ids), Nomination.id != nomination.id, Nomination.status.not_in(INACTIVE),
               Campaign.period_start <= this.period_end, Campaign.period_end >= this.period_start)
        .options(selectinload(Nomination.award_type), selectinload(Nomination.nominating_unit))
        .order_by(Nomination.id)).tuples().all()
    titles = {i.id: i.title for i in nomination.initiatives}
    return [(titles[iid], other) for iid, other in rows]


def integrity_flags(nomination: Nomination) -> list[IntegrityFlag]:
    """Ready-to-display warnings for the dossier page and the appraisal."""
    flags = []
    for other in possible_duplicates(nomination):
        same = other.person_id == nomination.person_id
        what = "cùng người" if same else "có thể trùng người (cùng họ tên, năm sinh, đơn vị)"
        flags.append(IntegrityFlag("duplicate", (
            f"Đề nghị số {other.id} ({other.award_type.name}, do {other.nominating_unit.short_name} đề nghị) "
            f"{what}."), other.id))
    for title, other in reused_initiatives(nomination):
        flags.append(IntegrityFlag("initiative_reused", (
            f"Sáng kiến “{title}” đã được dùng cho đề nghị số {other.id} ({other.award_type.name}, "
            f"{other.nominee_name}) trong cùng thời kỳ — một thành tích chỉ được khen một lần."), other.id))
    return flags
