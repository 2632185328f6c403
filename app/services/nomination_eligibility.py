"""Eligibility of a nomination: the rule service's results plus the secretariat's overrides.

The rules themselves are evaluated by app/services/eligibility.py; this module feeds it what
the dossier declares (ratings, discipline, linked initiatives) and applies written overrides.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.extensions import db
from app.models import DisciplineMeasure, EligibilityOverride, Nomination, PerformanceRating, Role, RuleKind, User
from app.models.base import utcnow
from app.services.audit import record_audit
from app.services.eligibility import EligibilityEvidence, RuleOutcome, RuleResult, evaluate_eligibility
from app.services.errors import ServiceError


@dataclass(frozen=True)
class RuleRow:
    """One rule as shown on the dossier: computed outcome, and the override if any."""

    result: RuleResult
    override: EligibilityOverride | None = None
    justification: str = ""  # the dossier's quota justification, for a quota rule over the limit

    @property
    def outcome(self) -> RuleOutcome:
        if self.override is not None:
            return RuleOutcome(self.override.outcome)
        if self.justification and self.result.kind is RuleKind.QUOTA_RATIO \
                and self.result.outcome is RuleOutcome.NEEDS_EVIDENCE:
            return RuleOutcome.PASS
        return self.result.outcome

    @property
    def badge(self) -> str:
        return {RuleOutcome.PASS: "success", RuleOutcome.FAIL: "danger"}.get(self.outcome, "warning")


@dataclass(frozen=True)
class NominationEligibility:
    rows: tuple[RuleRow, ...]
    error: str = ""  # the rule service refused to evaluate (e.g. award not for this subject)

    @property
    def eligible(self) -> bool:
        return not self.error and all(r.outcome is RuleOutcome.PASS for r in self.rows)

    @property
    def verdict(self) -> str:
        if self.error:
            return self.error
        if self.eligible:
            return "Đủ điều kiện theo các quy định đang có hiệu lực."
        if any(r.outcome is RuleOutcome.FAIL for r in self.rows):
            return "Không đủ điều kiện: có quy định không đạt."
        return "Cần bổ sung minh chứng trước khi kết luận."

    @property
    def level(self) -> str:
        """Bootstrap colour of the verdict: a failed rule is red, missing evidence amber."""
        if self.eligible:
            return "success"
        if self.error or any(r.outcome is RuleOutcome.FAIL for r in self.rows):
            return "danger"
        return "warning"

    @property
    def pending(self) -> tuple[RuleRow, ...]:
        return tuple(r for r in self.rows if r.outcome is not RuleOutcome.PASS)


def evidence_for(nomination: Nomination) -> EligibilityEvidence:
    """What the dossier declares beyond the ledger."""
    ratings = {int(y): PerformanceRating(v) for y, v in (nomination.declared_ratings or {}).items() if v}
    discipline: tuple[tuple[int, DisciplineMeasure], ...] = ()
    if nomination.discipline_measure is not None and nomination.discipline_year is not None:
        discipline = ((nomination.discipline_year, nomination.discipline_measure),)
    return EligibilityEvidence(declared_ratings=ratings, declared_discipline=discipline,
                               initiative_ids=tuple(i.id for i in nomination.initiatives))


def evaluate_nomination(nomination: Nomination) -> NominationEligibility:
    """Every rule in effect at the campaign's end, with the dossier's declarations and overrides."""
    try:
        results = evaluate_eligibility(nomination.award_type, person=nomination.person,
                                       unit=nomination.unit if nomination.person is None else None,
                                       year=nomination.considered_year, on=nomination.campaign.period_end,
                                       evidence=evidence_for(nomination))
    except ServiceError as exc:
        return NominationEligibility(rows=(), error=exc.message)
    overrides = {o.rule_id: o for o in nomination.overrides}
    justification = nomination.quota_justification.strip()
    return NominationEligibility(rows=tuple(
        RuleRow(result=r, override=overrides.get(r.rule_id), justification=justification) for r in results))


def ensure_eligible(nomination: Nomination) -> None:
    """Guard for "appraised: eligible": every rule passes (or was overridden in writing)."""
    report = evaluate_nomination(nomination)
    if report.eligible:
        return
    if report.error:
        raise ServiceError(report.error)
    items = "; ".join(f"{r.result.description} — {r.outcome.label.lower()} ({r.result.legal_basis})"
                      for r in report.pending)
    raise ServiceError(f"Chưa thể kết luận đủ điều kiện: {items}. Hãy kết luận “không đủ điều kiện” "
                       "kèm lý do, hoặc ghi ý kiến thẩm định thay đổi kết quả từng quy định.")


def override_rule(nomination: Nomination, *, rule_id: int, outcome: RuleOutcome | str | None, reason: str,
                  by: User) -> EligibilityOverride | None:
    """Replace (or, with outcome None, restore) one rule's computed result, with a written reason."""
    reason = (reason or "").strip()
    if not by.has_role(Role.ADMIN, Role.SECRETARIAT):
        raise ServiceError("Chỉ cơ quan thường trực được thay đổi kết quả thẩm định.")
    if rule_id not in {r.id for r in nomination.award_type.rules}:
        raise ServiceError("Quy định không thuộc hình thức khen thưởng của đề nghị này.", "rule_id")
    if not reason:
        raise ServiceError("Cần ghi rõ lý do thay đổi kết quả.", "reason")
    current = next((o for o in nomination.overrides if o.rule_id == rule_id), None)
    before = {"outcome": current.outcome, "reason": current.reason} if current else None
    if outcome is None:
        if current is None:
            raise ServiceError("Quy định này chưa có ý kiến thay đổi kết quả.")
        nomination.overrides.remove(current)
        result = None
    else:
        value = RuleOutcome(outcome).value
        if current is None:
            current = EligibilityOverride(rule_id=rule_id, outcome=value, reason=reason, by=by, at=utcnow())
            nomination.overrides.append(current)
        else:
            current.outcome, current.reason, current.by, current.at = value, reason, by, utcnow()
        result = current
    db.session.flush()
    record_audit("nomination.eligibility_override", by=by, obj=nomination,
                 summary=f"{nomination.nominee_name}: quy định #{rule_id} → "
                         f"{RuleOutcome(outcome).label if outcome else 'kết quả tính toán'} ({reason})",
                 before=before, after={"rule_id": rule_id, "outcome": outcome, "reason": reason})
    return result
