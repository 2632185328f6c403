"""Quotas per unit and award type: a live meter while nominating, enforced on submission.

The limit comes from the campaign (CampaignQuota) when one is set for the unit, else from
the award type's ratio rule (e.g. CSTĐ cơ sở ≤ 15 % of LĐTT) via the rule service. Going
over is refused or needs a written justification, as the award type's quota_policy says.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.extensions import db
from app.models import AwardType, Campaign, CampaignQuota, Nomination, NominationStatus, OrgUnit, QuotaPolicy
from app.models.nomination import INACTIVE, UNIT_EDITABLE
from app.services.eligibility import quota_usage
from app.services.errors import ServiceError
from app.services.ledger_facts import quota_unit, subtree_unit_ids

# Nominations that count against a quota: sent and still alive.
COUNTED = [s for s in NominationStatus if s not in INACTIVE and s not in UNIT_EDITABLE]


@dataclass(frozen=True)
class QuotaMeter:
    """Ready-to-display quota use of one unit for one award type in one campaign."""

    award_name: str
    unit_name: str
    sent: int  # nominations already sent and alive
    drafts: int  # drafts and returned dossiers not yet (re)sent
    limit: int
    source: str  # where the limit comes from
    policy: QuotaPolicy

    @property
    def over(self) -> bool:
        return self.sent > self.limit

    @property
    def remaining(self) -> int:
        return max(self.limit - self.sent, 0)

    @property
    def fill_percent(self) -> int:
        return 100 if self.limit == 0 else min(100, round(100 * self.sent / self.limit))

    @property
    def level(self) -> str:
        """Bootstrap colour of the bar."""
        if self.over:
            return "danger"
        return "warning" if self.limit and self.sent >= self.limit else "success"

    def as_dict(self) -> dict[str, object]:
        return {"award_name": self.award_name, "unit_name": self.unit_name, "sent": self.sent, "drafts": self.drafts,
                "limit": self.limit, "source": self.source, "policy": self.policy.label, "over": self.over,
                "remaining": self.remaining, "fill_percent": self.fill_percent, "level": self.level}


def _limit(campaign: Campaign, award: AwardType, unit: OrgUnit) -> tuple[int, str] | None:
    own = db.session.scalar(select(CampaignQuota).where(
        CampaignQuota.campaign_id == campaign.id, CampaignQuota.award_type_id == award.id,
        CampaignQuota.unit_id == unit.id))
    if own is not None:
        return own.max_count, "Chỉ tiêu của phong trào" + (f" ({own.note})" if own.note else "")
    usage = quota_usage(award, unit, campaign.period_end.year, on=campaign.period_end)
    if usage is None:
        return None
    return usage.limit, (f"Tối đa {usage.percent_label} số {usage.base_award_code} năm {usage.year} "
                         f"({usage.base_count}) — {usage.legal_basis}")


def quota_meter(*, campaign: Campaign, award_type: AwardType, unit: OrgUnit,
                counting: Nomination | None = None) -> QuotaMeter | None:
    """The meter for the quota unit of `unit`; `counting` is added to the sent count if it is
    not already counted (e.g. the nomination about to be submitted). None: no quota applies."""
    home = quota_unit(unit)
    found = _limit(campaign, award_type, home)
    if found is None:
        return None
    limit, source = found
    units = subtree_unit_ids(home.id)
    base = select(Nomination.status, func.count(Nomination.id)).where(
        Nomination.campaign_id == campaign.id, Nomination.award_type_id == award_type.id,
        Nomination.nominating_unit_id.in_(units))
    if counting is not None and counting.id is not None:
        base = base.where(Nomination.id != counting.id)
    counts = dict(db.session.execute(base.group_by(Nomination.status)).tuples().all())
    sent = sum(n for s, n in counts.items() if s in COUNTED) + (1 if counting is not None else 0)
    drafts = sum(n for s, n in counts.items() if s in UNIT_EDITABLE)
    return QuotaMeter(award_name=award_type.name, unit_name=home.short_name, sent=sent, drafts=drafts,
                      limit=limit, source=source, policy=award_type.quota_policy)


def check_quota(nomination: Nomination) -> None:
    """Refuse a submission over quota, or require the written justification the policy asks for."""
    meter = quota_meter(campaign=nomination.campaign, award_type=nomination.award_type,
                        unit=nomination.nominating_unit, counting=nomination)
    if meter is None or not meter.over:
        return
    head = (f"Vượt chỉ tiêu {meter.award_name} của {meter.unit_name}: {meter.sent} đề nghị trên tối đa "
            f"{meter.limit} ({meter.source}).")
    if meter.policy is QuotaPolicy.BLOCK:
        raise ServiceError(head + " Hình thức này không cho phép vượt chỉ tiêu.")
    if not nomination.quota_justification.strip():
        raise ServiceError(head + " Cần nhập giải trình vượt chỉ tiêu trước khi gửi.", "quota_justification")
