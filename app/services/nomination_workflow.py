"""The nomination workflow: one entry point, one table of allowed transitions.

Every change of `Nomination.status` goes through `transition_nomination` — the unit's
submissions, the secretariat's appraisal, the council's scoring and votes, and the
decision that awards. Each transition is kept on the nomination's timeline
(NominationEvent: who, when, from, to, why) and in the audit log.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.extensions import db
from app.models import Nomination, NominationEvent, NominationStatus, Role, User
from app.models.base import utcnow
from app.services.audit import record_audit
from app.services.errors import ServiceError

S = NominationStatus
UNIT = frozenset({Role.UNIT_OFFICER})
SECRETARIAT = frozenset({Role.SECRETARIAT})
COUNCIL = frozenset({Role.SECRETARIAT, Role.COUNCIL_MEMBER})


@dataclass(frozen=True)
class Transition:
    """An allowed move. `roles` may perform it (admins always may); unit officers only for
    dossiers of their unit and its sub-units, council members only in their council's
    campaigns. `system`: may also run without a user (by=None), e.g. when a decision is issued."""

    source: NominationStatus
    target: NominationStatus
    label: str
    roles: frozenset[Role]
    needs_reason: bool = False
    system: bool = False
    style: str = "primary"


TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.DRAFT, S.SUBMITTED, "Gửi hồ sơ", UNIT),
    Transition(S.RETURNED, S.SUBMITTED, "Gửi lại hồ sơ đã sửa", UNIT),
    Transition(S.DRAFT, S.WITHDRAWN, "Rút đề nghị", UNIT, needs_reason=True, style="outline-danger"),
    Transition(S.SUBMITTED, S.WITHDRAWN, "Rút đề nghị", UNIT, needs_reason=True, style="outline-danger"),
    Transition(S.RETURNED, S.WITHDRAWN, "Rút đề nghị", UNIT, needs_reason=True, style="outline-danger"),
    Transition(S.SUBMITTED, S.RETURNED, "Trả lại hồ sơ", SECRETARIAT, needs_reason=True, style="warning"),
    Transition(S.SUBMITTED, S.ACCEPTED, "Tiếp nhận hồ sơ", SECRETARIAT),
    Transition(S.ACCEPTED, S.RETURNED, "Trả lại hồ sơ", SECRETARIAT, needs_reason=True, style="warning"),
    Transition(S.ACCEPTED, S.APPRAISED, "Thẩm định: đủ điều kiện", SECRETARIAT, style="success"),
    Transition(S.ACCEPTED, S.INELIGIBLE, "Thẩm định: không đủ điều kiện", SECRETARIAT, needs_reason=True,
               style="danger"),
    Transition(S.INELIGIBLE, S.ACCEPTED, "Mở lại thẩm định", SECRETARIAT, needs_reason=True, style="secondary"),
    Transition(S.APPRAISED, S.ACCEPTED, "Mở lại thẩm định", SECRETARIAT, needs_reason=True, style="secondary"),
    Transition(S.APPRAISED, S.IN_SCORING, "Đưa ra Hội đồng chấm điểm", SECRETARIAT, system=True),
    Transition(S.IN_SCORING, S.SCORED, "Kết thúc chấm điểm", COUNCIL, system=True),
    Transition(S.SCORED, S.IN_SCORING, "Mở lại chấm điểm", COUNCIL, needs_reason=True, system=True,
               style="secondary"),
    Transition(S.SCORED, S.VOTED, "Ghi nhận kết quả bỏ phiếu", COUNCIL, system=True),
    Transition(S.VOTED, S.APPROVED, "Hội đồng đề nghị khen thưởng", COUNCIL, system=True, style="success"),
    Transition(S.VOTED, S.REJECTED, "Hội đồng không đề nghị", COUNCIL, needs_reason=True, system=True,
               style="danger"),
    Transition(S.APPROVED, S.AWARDED, "Đã có quyết định khen thưởng", SECRETARIAT, system=True, style="success"),
)
_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}

def find_transition(source: NominationStatus, target: NominationStatus) -> Transition | None:
    return _BY_PAIR.get((source, target))


def _may(transition: Transition, nomination: Nomination, user: User | None) -> bool:
    if user is None:
        return transition.system
    if user.has_role(Role.ADMIN):
        return True
    if user.has_role(Role.SECRETARIAT) and Role.SECRETARIAT in transition.roles:
        return True
    if user.has_role(Role.UNIT_OFFICER) and Role.UNIT_OFFICER in transition.roles:
        if user.unit_id is not None and user.in_scope(nomination.nominating_unit):
            return True
    if user.has_role(Role.COUNCIL_MEMBER) and Role.COUNCIL_MEMBER in transition.roles:
        return nomination.can_view(user)
    return False


def allowed_transitions(nomination: Nomination, user: User | None) -> list[Transition]:
    """The moves this user may offer on this nomination now (for buttons and work lists)."""
    return [t for t in TRANSITIONS if t.source is nomination.status and _may(t, nomination, user)]


def transition_nomination(nomination: Nomination, to_status: NominationStatus, *, by: User | None,
                          reason: str = "", at: datetime | None = None) -> NominationEvent:
    """Move a nomination to `to_status` after checking the table, the role and the guards.

    Raises ServiceError (field "reason" when a written reason is missing) and changes
    nothing when the move is refused; otherwise appends a timeline event and an audit entry.
    """
    to_status = NominationStatus(to_status)
    reason = (reason or "").strip()
    current = nomination.status
    transition = find_transition(current, to_status)
    if transition is None:
        raise ServiceError(
            f"Không thể chuyển đề nghị từ trạng thái “{current.label}” sang “{to_status.label}”.")
    if not _may(transition, nomination, by):
        raise ServiceError(f"Bạn không có quyền “{transition.label.lower()}” đối với đề nghị này.")
    if transition.needs_reason and not reason:
        raise ServiceError(f"Cần ghi rõ lý do để “{transition.label.lower()}”.", "reason")
    # Dossier completeness, quota and eligibility checks live with the services that own them.
    from app.services.nomination_guards import check_guards

    check_guards(nomination, to_status, by=by)

    event = NominationEvent(nomination=nomination, at=at or utcnow(), actor=by, from_status=current,
                            to_status=to_status, reason=reason)
    nomination.status = to_status
    db.session.add(event)
    record_audit("nomination.transition", by=by, obj=nomination,
                 summary=f"{nomination.nominee_name}: {current.label} → {to_status.label}"
                         + (f" ({reason})" if reason else ""),
                 before={"status": current}, after={"status": to_status, "reason": reason})
    return event


def record_creation(nomination: Nomination, *, by: User | None, at: datetime | None = None,
                    note: str = "Lập hồ sơ đề nghị") -> NominationEvent:
    """The first timeline event of a new nomination (from nothing to its initial state)."""
    if nomination.status is None:
        nomination.status = NominationStatus.DRAFT
    event = NominationEvent(nomination=nomination, at=at or utcnow(), actor=by, from_status=None,
                            to_status=nomination.status, reason=note)
    db.session.add(event)
    return event


# The canonical route from a draft to each state (what a builder or the demo replays).
_PATHS: dict[NominationStatus, tuple[NominationStatus, ...]] = {
    S.DRAFT: (),
    S.SUBMITTED: (S.SUBMITTED,),
    S.RETURNED: (S.SUBMITTED, S.RETURNED),
    S.WITHDRAWN: (S.SUBMITTED, S.WITHDRAWN),
    S.ACCEPTED: (S.SUBMITTED, S.ACCEPTED),
    S.APPRAISED: (S.SUBMITTED, S.ACCEPTED, S.APPRAISED),
    S.INELIGIBLE: (S.SUBMITTED, S.ACCEPTED, S.INELIGIBLE),
    S.IN_SCORING: (S.SUBMITTED, S.ACCEPTED, S.APPRAISED, S.IN_SCORING),
    S.SCORED: (S.SUBMITTED, S.ACCEPTED, S.APPRAISED, S.IN_SCORING, S.SCORED),
    S.VOTED: (S.SUBMITTED, S.ACCEPTED, S.APPRAISED, S.IN_SCORING, S.SCORED, S.VOTED),
    S.APPROVED: (S.SUBMITTED, S.ACCEPTED, S.APPRAISED, S.IN_SCORING, S.SCORED, S.VOTED, S.APPROVED),
    S.REJECTED: (S.SUBMITTED, S.ACCEPTED, S.APPRAISED, S.IN_SCORING, S.SCORED, S.VOTED, S.REJECTED),
    S.AWARDED: (S.SUBMITTED, S.ACCEPTED, S.APPRAISED, S.IN_SCORING, S.SCORED, S.VOTED, S.APPROVED, S.AWARDED),
}
_DEFAULT_REASONS = {
    S.RETURNED: "Hồ sơ thiếu biên bản họp Hội đồng thi đua cấp cơ sở; đề nghị bổ sung.",
    S.WITHDRAWN: "Đơn vị rút đề nghị.",
    S.INELIGIBLE: "Không đáp ứng tiêu chuẩn theo quy định.",
    S.REJECTED: "Không đạt tỷ lệ phiếu đồng ý theo quy định.",
}


def replay_history(nomination: Nomination, status: NominationStatus, *, unit_user: User | None,
                   secretariat_user: User | None, start_at: datetime, step: timedelta = timedelta(days=3),
                   reasons: dict[NominationStatus, str] | None = None) -> None:
    """Give a freshly created draft the canonical timeline up to `status`, without guards.

    Only for demo data and test builders, which build states the guards would need a whole
    ledger to reach; the timeline looks exactly as if the workflow had been walked."""
    reasons = {**_DEFAULT_REASONS, **(reasons or {})}
    at = start_at
    record_creation(nomination, by=unit_user, at=at)
    previous = nomination.status
    for target in _PATHS[NominationStatus(status)]:
        at += step
        actor = unit_user if target in (S.SUBMITTED, S.WITHDRAWN) else secretariat_user
        db.session.add(NominationEvent(nomination=nomination, at=at, actor=actor, from_status=previous,
                                       to_status=target, reason=reasons.get(target, "")))
        previous = target
    nomination.status = previous
