"""Who scores what: everyone everything, or N members per nomination with balanced load.

Conflicted members are never assigned. Removing an assignment never deletes a score: a
sheet that has any score is kept and marked excluded with the (mandatory) reason.
"""
from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import Assignment, AssignmentMode, Council, CouncilMember, Score, ScoreSheet, User
from app.services.audit import record_audit
from app.services.conflicts import conflict_map
from app.services.errors import ServiceError
from app.services.nominations_in_council import council_nomination_ids


def _existing(council: Council) -> set[tuple[int, int]]:
    return set(db.session.execute(select(Assignment.member_id, Assignment.nomination_id)
                                  .where(Assignment.council_id == council.id)).all())


def assign_all(council: Council, *, by: User | None) -> int:
    """Every member scores every nomination of the council (except their conflicts)."""
    conflicts, have = conflict_map(council), _existing(council)
    added = 0
    for nid in council_nomination_ids(council):
        for m in council.members:
            if (m.id, nid) not in conflicts and (m.id, nid) not in have:
                db.session.add(Assignment(council_id=council.id, member_id=m.id, nomination_id=nid))
                added += 1
    council.assignment_mode = AssignmentMode.ALL
    db.session.flush()
    record_audit("council.assigned", by=by, obj=council, summary=f"Phân công tất cả: thêm {added} lượt chấm")
    return added


def assign_balanced(council: Council, *, per_nomination: int, max_per_member: int | None,
                    by: User | None) -> int:
    """Give each nomination `per_nomination` non-conflicted members, least-loaded first
    (ties: member order), never above `max_per_member`; existing assignments are kept."""
    if per_nomination < 1 or per_nomination > len(council.members):
        raise ServiceError(f"Số thành viên chấm mỗi hồ sơ phải từ 1 đến {len(council.members)}.", "per_nomination")
    if max_per_member is not None and max_per_member < 1:
        raise ServiceError("Số hồ sơ tối đa mỗi thành viên phải lớn hơn 0.", "max_per_member")
    conflicts, have = conflict_map(council), _existing(council)
    load = {m.id: 0 for m in council.members}
    per_nom: dict[int, int] = {}
    for mid, nid in have:
        load[mid] = load.get(mid, 0) + 1
        per_nom[nid] = per_nom.get(nid, 0) + 1
    order = [m.id for m in council.members]
    new: list[Assignment] = []
    for nid in council_nomination_ids(council):
        need = per_nomination - per_nom.get(nid, 0)
        candidates = sorted((mid for mid in order if (mid, nid) not in conflicts and (mid, nid) not in have
                             and (max_per_member is None or load[mid] < max_per_member)),
                            key=lambda mid: (load[mid], order.index(mid)))
        if need > len(candidates):
            raise ServiceError("Không đủ thành viên không xung đột lợi ích và còn hạn mức để phân công "
                               f"hồ sơ số {nid}; hãy tăng số hồ sơ tối đa mỗi thành viên.", "max_per_member")
        for mid in candidates[:max(need, 0)]:
            new.append(Assignment(council_id=council.id, member_id=mid, nomination_id=nid))
            load[mid] += 1
    db.session.add_all(new)
    council.assignment_mode = AssignmentMode.BALANCED
    council.reviewers_per_nomination = per_nomination
    council.max_per_member = max_per_member
    db.session.flush()
    record_audit("council.assigned", by=by, obj=council,
                 summary=f"Phân công cân bằng {per_nomination}/hồ sơ, tối đa {max_per_member or '—'}: "
                         f"thêm {len(new)} lượt chấm")
    return len(new)


def remove_assignment(assignment: Assignment, *, reason: str, by: User | None) -> None:
    """Remove an assignment; a sheet with scores is kept, excluded, with the reason (audited)."""
    reason = (reason or "").strip()
    sheet = db.session.scalar(select(ScoreSheet).where(ScoreSheet.member_id == assignment.member_id,
                                                       ScoreSheet.nomination_id == assignment.nomination_id))
    scored = sheet is not None and db.session.scalar(
        select(func.count(Score.id)).where(Score.sheet_id == sheet.id)) > 0
    if scored and not reason:
        raise ServiceError("Thành viên đã chấm hồ sơ này: cần ghi lý do, phiếu chấm sẽ được giữ lại "
                           "và đánh dấu không tính.", "reason")
    if sheet is not None and scored:
        sheet.is_excluded = True
        sheet.excluded_reason = f"Bỏ phân công: {reason}"
    council = db.session.get(Council, assignment.council_id)
    council.change_counter += 1
    record_audit("council.unassigned", by=by, obj=assignment,
                 summary=f"Bỏ phân công {assignment.member.user.full_name} — hồ sơ {assignment.nomination_id}"
                         + (f" ({reason})" if reason else ""))
    db.session.delete(assignment)
    db.session.flush()


def member_load(council: Council) -> dict[int, int]:
    rows = db.session.execute(select(Assignment.member_id, func.count()).where(Assignment.council_id == council.id)
                              .group_by(Assignment.member_id)).all()
    return {m.id: 0 for m in council.members} | dict(rows)


def is_assigned(member: CouncilMember, nomination_id: int) -> bool:
    return db.session.scalar(select(Assignment.id).where(Assignment.member_id == member.id,
                                                         Assignment.nomination_id == nomination_id)) is not None
