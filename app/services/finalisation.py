"""Closing a council: scores, thresholds and ballots become approved / rejected nominations.

Nothing is decided while a result is pending (a missing sheet, a ballot not yet held)
unless an override gives the outcome; every override needs a reason and is audited.
Statuses move only through the nomination workflow: IN_SCORING → SCORED → VOTED →
APPROVED / REJECTED.

Quotas (app/services/quotas.py): within each quota unit × award type, nominations the
council would approve are taken in rank order up to the quota's limit; beyond it a
nomination is approved only when the award type's policy allows going over (JUSTIFY) and
the unit wrote a justification (or an override gave a reason); otherwise it is not
approved, with the quota as the reason. An override never lifts a BLOCK quota.
"""
from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import Council, CouncilStatus, Nomination, NominationStatus, Override, QuotaPolicy, User
from app.models.base import utcnow
from app.services.audit import record_audit
from app.services.errors import ServiceError
from app.services.nomination_workflow import transition_nomination
from app.services.ledger_facts import quota_unit
from app.services.quotas import quota_meter
from app.services.ranking import CouncilResults, council_results, sort_key

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


def quota_holds(results: CouncilResults) -> dict[int, str]:
    """{nomination id: reason} for nominations the quota keeps from approval (see module docstring)."""
    groups: dict[tuple[int, int], list] = {}
    for r in results.rows:
        if r.final_approve is True and r.nomination.status is S.IN_SCORING:
            n = r.nomination
            groups.setdefault((n.award_type_id, quota_unit(n.nominating_unit).id), []).append(r)
    holds: dict[int, str] = {}
    for rows in groups.values():
        n0 = rows[0].nomination
        meter = quota_meter(campaign=n0.campaign, award_type=n0.award_type, unit=n0.nominating_unit)
        if meter is None:
            continue
        rows.sort(key=sort_key)
        for pos, r in enumerate(rows, 1):
            if pos <= meter.limit:
                continue
            n = r.nomination
            justified = n.quota_justification.strip() or (r.override.reason if r.override is not None else "")
            if meter.policy is QuotaPolicy.JUSTIFY and justified:
                continue
            holds[n.id] = (f"Vượt chỉ tiêu {meter.award_name} của {meter.unit_name}: xếp thứ {pos} trong đơn vị, "
                           f"tối đa {meter.limit} ({meter.source})"
                           + ("; hình thức này không cho phép vượt chỉ tiêu" if meter.policy is QuotaPolicy.BLOCK
                              else "; đơn vị không có giải trình vượt chỉ tiêu"))
    return holds


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
    holds = quota_holds(results)
    counts = {"approved": 0, "rejected": 0}
    for r in results.rows:
        n = r.nomination
        if n.status is not S.IN_SCORING:
            continue
        why = "; ".join(r.explanation + ([holds[n.id]] if n.id in holds else []))
        transition_nomination(n, S.SCORED, by=by)
        transition_nomination(n, S.VOTED, by=by)
        if r.final_approve and n.id not in holds:
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
