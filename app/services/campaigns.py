"""Campaigns: create, edit, advance through stages (audited), and who can see them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Campaign, CampaignKind, CampaignPhase, CampaignStage, OrgUnit, User
from app.models.campaign import campaign_units
from app.models.text import fold
from app.services.audit import record_audit, snapshot
from app.services.criteria import lock_sheets
from app.services.errors import ServiceError, check_version

FIELDS = ["code", "name", "kind", "launching_unit_id", "plan_number", "plan_date", "period_start", "period_end",
          "description", "stage"]


@dataclass(frozen=True)
class PhaseInput:
    stage: CampaignStage
    starts_on: date | None
    ends_on: date | None


@dataclass(frozen=True)
class CampaignInput:
    code: str
    name: str
    kind: CampaignKind
    launching_unit: OrgUnit
    plan_number: str
    plan_date: date | None
    period_start: date
    period_end: date
    description: str
    participating_units: list[OrgUnit]
    phases: list[PhaseInput]


def visible_campaigns(user: User, *, q: str = "") -> Select:
    """Campaigns the user may see: all for city-wide roles; otherwise those open to every
    unit or listing the user's unit or one of its ancestors."""
    stmt = select(Campaign).options(selectinload(Campaign.launching_unit), selectinload(Campaign.participating_units))
    if q:
        stmt = stmt.where(or_(Campaign.search_name.contains(fold(q)), Campaign.code.ilike(f"%{q}%")))
    if not user.sees_all_units:
        unit_ids = [user.unit.id, *(a.id for a in user.unit.ancestors())] if user.unit else []
        listed = exists().where(campaign_units.c.campaign_id == Campaign.id)
        mine = exists().where(campaign_units.c.campaign_id == Campaign.id, campaign_units.c.unit_id.in_(unit_ids))
        stmt = stmt.where(or_(~listed, mine))
    return stmt.order_by(Campaign.period_start.desc(), Campaign.code)


def _validate(data: CampaignInput, campaign: Campaign | None) -> None:
    clash = db.session.scalar(select(Campaign.id).where(Campaign.code == data.code.strip()))
    if clash is not None and (campaign is None or clash != campaign.id):
        raise ServiceError("Mã phong trào đã được dùng cho phong trào khác.", "code")
    if data.period_end < data.period_start:
        raise ServiceError("Ngày kết thúc phải sau ngày bắt đầu.", "period_end")
    for phase in data.phases:
        if phase.ends_on and phase.starts_on and phase.ends_on < phase.starts_on:
            raise ServiceError(f"Giai đoạn “{phase.stage.label}”: ngày kết thúc trước ngày bắt đầu.",
                               f"phase_{phase.stage.value}")
        if phase.ends_on and not phase.starts_on:
            raise ServiceError(f"Giai đoạn “{phase.stage.label}”: cần ngày bắt đầu.", f"phase_{phase.stage.value}")


def _apply(campaign: Campaign, data: CampaignInput) -> None:
    campaign.code, campaign.name, campaign.kind = data.code.strip(), data.name.strip(), data.kind
    campaign.launching_unit = data.launching_unit
    campaign.plan_number, campaign.plan_date = data.plan_number.strip(), data.plan_date
    campaign.period_start, campaign.period_end = data.period_start, data.period_end
    campaign.description = data.description.strip()
    campaign.participating_units = list(data.participating_units)
    existing = {p.stage: p for p in campaign.phases}
    for phase in data.phases:
        row = existing.get(phase.stage)
        if phase.starts_on is None:
            if row is not None:
                campaign.phases.remove(row)
            continue
        if row is None:
            campaign.phases.append(CampaignPhase(stage=phase.stage, starts_on=phase.starts_on, ends_on=phase.ends_on))
        else:
            row.starts_on, row.ends_on = phase.starts_on, phase.ends_on


def create_campaign(data: CampaignInput, *, by: User) -> Campaign:
    _validate(data, None)
    campaign = Campaign(stage=CampaignStage.REGISTRATION)
    _apply(campaign, data)
    db.session.add(campaign)
    db.session.flush()
    record_audit("campaign.created", by=by, obj=campaign, after=snapshot(campaign, FIELDS), summary=campaign.name)
    return campaign


def update_campaign(campaign: Campaign, data: CampaignInput, *, by: User, version_id: int | None = None) -> Campaign:
    check_version(campaign, version_id, "Phong trào vừa được người khác sửa; hãy tải lại trang và nhập lại thay đổi.")
    _validate(data, campaign)
    before = snapshot(campaign, FIELDS)
    _apply(campaign, data)
    db.session.flush()
    record_audit("campaign.updated", by=by, obj=campaign, before=before, after=snapshot(campaign, FIELDS),
                 summary=campaign.name)
    return campaign


def next_stage(campaign: Campaign) -> CampaignStage | None:
    stages = list(CampaignStage)
    i = campaign.stage.order
    return stages[i + 1] if i + 1 < len(stages) else None


def advance_stage(campaign: Campaign, *, by: User, to: CampaignStage, version_id: int | None = None) -> Campaign:
    """Move to the next stage (one step only); reaching scoring locks the criteria sheets."""
    check_version(campaign, version_id, "Phong trào vừa được người khác cập nhật; hãy tải lại trang.")
    expected = next_stage(campaign)
    if expected is None:
        raise ServiceError("Phong trào đã kết thúc.")
    if to is not expected:
        raise ServiceError(f"Chỉ chuyển được sang giai đoạn kế tiếp: “{expected.label}”.")
    before = campaign.stage
    campaign.stage = to
    db.session.flush()
    locked = lock_sheets(campaign, by=by) if to.order >= CampaignStage.SCORING.order else 0
    record_audit("campaign.stage", by=by, obj=campaign, before={"stage": before}, after={"stage": to},
                 summary=f"{campaign.code}: {before.label} → {to.label}" + (f"; khóa {locked} bảng tiêu chí" if locked else ""))
    return campaign
