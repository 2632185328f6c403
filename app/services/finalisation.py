"""Closing a council: scores, thresholds and ballots become approved / rejected nominations.

Nothing is decided while a result is pending (a missing sheet, a ballot not yet held)
unless an override gives the outcome; every override needs a reason and is audited.
Statuses move only through the nomination workflow: IN_SCORING → SCORED → VOTED →
APPROVED / REJECTED.
"""
from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import Council, CouncilStatus, Nomination, NominationStatus, Override, User
from app.models.base import utcnow
from app.services.audit import record_audit
from app.services.errors import ServiceError
from app.services.nomination_workflow import transition_nomination
from app.services.ranking import council_results

S = NominationStatus


def set_override(council: Council, *, nomination: Nomination, approve: bool | None, reason: str,
                 by: User) -> Override | None:
    """Set (approve True/False) or clear (None) a manual outcome; a reason is always required."""
    reason = (reason or "").strip()
    if not council.is_open:
        raise ServiceError("Hội đồng đã kết thúc.")
    if not reason:
        raise ServiceError("Cần ghi lý do điều chỉnh kết quả.", "reason")
    if nomination.campaign_id != council.campaign_id:
        raise ServiceError("Hồ sơ không thuộc Hội đồng này.")
    current = db.session.scalar(select(Override).where(Override.council_id == council.id,
                                                       Override.nomination_id == nomination.id))
    before = {"approve": current.approve, "reason": current.reason} if current else None
    if current is not None:
        db.session.delete(current)
        db.session.flush()
    new = None
    if approve is not None:
        new = Override(council_id=council.id, nomination_id=nomination.id, approve=approve, reason=reason,
                       by_id=by.id)
        db.session.add(new)
    council.change_counter += 1
    record_audit("council.override", by=by, obj=nomination,
                 summary=f"{nomination.nominee_name}: "
                         f"{'đề nghị' if approve else 'không đề nghị' if approve is False else 'bỏ điều chỉnh'} — {reason}",
                 before=before, after={"approve": approve, "reason": reason})
    return new


def close_council(council: Council, *, by: User | None) -> dict[str, int]:
    """Decide every nomination and close; refused while any result is pending."""
    if not council.is_open:
        raise ServiceError("Hội đồng đã kết thúc.")
    results = council_results(council)
    pending = [r for r in results.rows if r.final_approve is None and r.nomination.status is S.IN_SCORING]
    if pending:
        names = ", ".join(r.nomination.nominee_name for r in pending[:5])
        raise ServiceError(f"Còn {len(pending)} hồ sơ chưa đủ dữ liệu để kết luận (ví dụ: {names}); "
                           "hãy hoàn tất chấm điểm, bỏ phiếu hoặc điều chỉnh có lý do.")
    counts = {"approved": 0, "rejected": 0}
    for r in results.rows:
        n = r.nomination
        if n.status is not S.IN_SCORING:
            continue
        why = "; ".join(r.explanation)
        transition_nomination(n, S.SCORED, by=by)
        transition_nomination(n, S.VOTED, by=by)
        if r.final_approve:
            transition_nomination(n, S.APPROVED, by=by, reason=why)
            counts["approved"] += 1
        else:
            transition_nomination(n, S.REJECTED, by=by, reason=why or "Không đạt")
            counts["rejected"] += 1
    council.status = CouncilStatus.CLOSED
    council.closed_at = utcnow()
    council.change_counter += 1
    record_audit("council.closed", by=by, obj=council,
                 summary=f"Kết thúc Hội đồng: {counts['approved']} đề nghị, {counts['rejected']} không đề nghị")
    return counts
