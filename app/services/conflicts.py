"""Conflicts of interest: computed from the org tree and declared by members.

Computed: the nominee's unit (a collective's unit, an individual's unit) is the member's own
unit, one of its parents or one of its sub-units; or the member is the nominee (same folded
full name in the same unit — users are not linked to people records). Declared: a member or
the secretary records a conflict with a reason. A conflicted member neither sees, scores nor
votes on that nomination; every conflict is listed for the minutes.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.extensions import db
from app.models import (
    Assignment, ConflictDeclaration, Council, CouncilMember, Nomination, OrgUnit, Person, ScoreSheet, User,
)
from app.models.text import fold
from app.services.audit import record_audit
from app.services.errors import ServiceError
from app.services.nominations_in_council import COUNCIL_STATUSES, in_council

Pair = tuple[int, int]  # (member_id, nomination_id)


@dataclass(frozen=True)
class ConflictRow:
    member_id: int
    member_name: str
    nomination_id: int
    nominee: str
    kind: str  # "Tự động" / "Tự khai"
    reason: str


def _unit_tree() -> tuple[dict[int, int | None], dict[int, list[int]]]:
    parent: dict[int, int | None] = dict(db.session.execute(select(OrgUnit.id, OrgUnit.parent_id)).all())
    children: dict[int, list[int]] = {}
    for uid, pid in parent.items():
        if pid is not None:
            children.setdefault(pid, []).append(uid)
    return parent, children


def _related_units(unit_id: int, parent: dict[int, int | None], children: dict[int, list[int]]) -> dict[int, str]:
    """unit_id itself, its parents and all its sub-units, each with the relation's wording."""
    related = {unit_id: "đơn vị của thành viên"}
    node = parent.get(unit_id)
    while node is not None and node not in related:
        related[node] = "đơn vị cấp trên của đơn vị thành viên"
        node = parent.get(node)
    stack = list(children.get(unit_id, []))
    while stack:
        node = stack.pop()
        if node not in related:
            related[node] = "đơn vị trực thuộc đơn vị của thành viên"
            stack.extend(children.get(node, []))
    return related


def conflict_map(council: Council, *, member_ids: set[int] | None = None) -> dict[Pair, list[str]]:
    """Every conflict (computed and declared) of the council, with reasons; a few queries in all."""
    members = [m for m in db.session.scalars(
        select(CouncilMember).where(CouncilMember.council_id == council.id)) if member_ids is None or m.id in member_ids]
    users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_([m.user_id for m in members])))}
    noms = db.session.execute(
        select(Nomination.id, Nomination.unit_id, Person.unit_id, Person.search_name)
        .outerjoin(Person, Person.id == Nomination.person_id)
        .where(*in_council(council))).all()
    out: dict[Pair, list[str]] = {}
    if any(users[m.user_id].unit_id for m in members):
        parent, children = _unit_tree()
        for m in members:
            user = users[m.user_id]
            if user.unit_id is None:
                continue
            related = _related_units(user.unit_id, parent, children)
            me = fold(user.full_name)
            for nid, unit_id, person_unit, person_name in noms:
                subject_unit = unit_id if unit_id is not None else person_unit
                if subject_unit in related:
                    out.setdefault((m.id, nid), []).append(f"Đối tượng thuộc {related[subject_unit]}")
                if person_name and person_name == me and person_unit == user.unit_id:
                    out.setdefault((m.id, nid), []).append("Thành viên là người được đề nghị")
    for d in db.session.scalars(select(ConflictDeclaration).where(ConflictDeclaration.council_id == council.id)):
        if member_ids is None or d.member_id in member_ids:
            out.setdefault((d.member_id, d.nomination_id), []).append(f"Tự khai: {d.reason}")
    return out


def is_conflicted(member: CouncilMember, nomination: Nomination) -> bool:
    return (member.id, nomination.id) in conflict_map(member.council, member_ids={member.id})


def conflict_register(council: Council) -> list[ConflictRow]:
    """Every conflict, for the results page and the minutes."""
    conflicts = conflict_map(council)
    if not conflicts:
        return []
    names = {m.id: m.user.full_name for m in council.members}
    noms = {n.id: n for n in db.session.scalars(select(Nomination).where(
        Nomination.id.in_({nid for _, nid in conflicts})))}
    rows = []
    for (mid, nid), reasons in sorted(conflicts.items()):
        for reason in reasons:
            declared = reason.startswith("Tự khai: ")
            rows.append(ConflictRow(mid, names.get(mid, ""), nid, noms[nid].nominee_name,
                                    "Tự khai" if declared else "Tự động",
                                    reason.removeprefix("Tự khai: ")))
    return rows


def declare_conflict(council: Council, *, member: CouncilMember, nomination: Nomination, reason: str,
                     by: User) -> ConflictDeclaration:
    """Record a declared conflict; the member's assignment goes and any sheet is excluded (kept)."""
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("Cần ghi rõ lý do xung đột lợi ích.", "reason")
    if member.council_id != council.id or not (
            nomination.campaign_id == council.campaign_id and nomination.status in COUNCIL_STATUSES):
        raise ServiceError("Thành viên hoặc hồ sơ không thuộc Hội đồng này.")
    if db.session.scalar(select(ConflictDeclaration.id).where(
            ConflictDeclaration.member_id == member.id, ConflictDeclaration.nomination_id == nomination.id)):
        raise ServiceError("Xung đột lợi ích này đã được ghi nhận.")
    decl = ConflictDeclaration(council_id=council.id, member_id=member.id, nomination_id=nomination.id,
                               reason=reason, declared_by_id=by.id)
    db.session.add(decl)
    for a in db.session.scalars(select(Assignment).where(
            Assignment.member_id == member.id, Assignment.nomination_id == nomination.id)):
        db.session.delete(a)
    sheet = db.session.scalar(select(ScoreSheet).where(
        ScoreSheet.member_id == member.id, ScoreSheet.nomination_id == nomination.id))
    if sheet is not None:
        sheet.is_excluded = True
        sheet.excluded_reason = f"Xung đột lợi ích: {reason}"
    council.change_counter += 1
    record_audit("council.conflict_declared", by=by, obj=decl,
                 summary=f"{member.user.full_name} — {nomination.nominee_name}: {reason}")
    return decl
