"""Setting a campaign's quotas (CampaignQuota) and showing each quota's use.

The live meter on the nomination form uses app/services/quotas.py; this module is the
secretariat's editor and the per-unit usage table (one grouped query, no query per row).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from app.extensions import db
from app.models import AwardType, Campaign, CampaignQuota, Nomination, OrgUnit, OrgUnitKind, Role, User
from app.models.nomination import UNIT_EDITABLE
from app.models.text import nfc
from app.services.audit import record_audit, snapshot
from app.services.errors import ServiceError, check_version
from app.services.quotas import COUNTED

FIELDS = ["campaign_id", "award_type_id", "unit_id", "max_count", "note"]


@dataclass(frozen=True)
class QuotaUse:
    """One quota row, ready to display."""

    quota: CampaignQuota
    sent: int
    drafts: int

    @property
    def over(self) -> bool:
        return self.sent > self.quota.max_count

    @property
    def remaining(self) -> int:
        return max(self.quota.max_count - self.sent, 0)

    @property
    def fill_percent(self) -> int:
        limit = self.quota.max_count
        return (100 if self.sent else 0) if limit == 0 else min(100, round(100 * self.sent / limit))

    @property
    def level(self) -> str:
        if self.over:
            return "danger"
        return "warning" if self.sent >= self.quota.max_count else "success"


def _check(*, campaign: Campaign, award_type: AwardType, unit: OrgUnit, max_count: int, by: User,
           current: CampaignQuota | None = None) -> None:
    if not by.has_role(Role.ADMIN, Role.SECRETARIAT):
        raise ServiceError("Chỉ cơ quan thường trực được đặt chỉ tiêu.")
    if max_count < 0:
        raise ServiceError("Số đề nghị tối đa phải từ 0 trở lên.", "max_count")
    if not award_type.is_active:
        raise ServiceError(f"{award_type.name} đã ngừng sử dụng.", "award_type_id")
    if unit.valid_to is not None:
        raise ServiceError(f"{unit.short_name} không còn hoạt động.", "unit_id")
    if unit.kind is OrgUnitKind.SUB_UNIT:
        # Quotas are counted at the nearest body above phòng/tổ (ledger_facts.quota_unit).
        raise ServiceError("Chỉ tiêu đặt cho cơ quan, đơn vị; phòng, tổ trực thuộc dùng chung chỉ tiêu "
                           "của đơn vị cấp trên.", "unit_id")
    clash = db.session.scalar(select(CampaignQuota.id).where(
        CampaignQuota.campaign_id == campaign.id, CampaignQuota.award_type_id == award_type.id,
        CampaignQuota.unit_id == unit.id, CampaignQuota.id != (current.id if current else -1)))
    if clash is not None:
        raise ServiceError(f"{unit.short_name} đã có chỉ tiêu {award_type.name} trong phong trào này; "
                           "hãy sửa chỉ tiêu đó.", "unit_id")


def _summary(quota: CampaignQuota) -> str:
    return f"{quota.unit.short_name} — {quota.award_type.name}: tối đa {quota.max_count}"


def create_quota(*, campaign: Campaign, award_type: AwardType, unit: OrgUnit, max_count: int, note: str,
                 by: User) -> CampaignQuota:
    _check(campaign=campaign, award_type=award_type, unit=unit, max_count=max_count, by=by)
    quota = CampaignQuota(campaign=campaign, award_type=award_type, unit=unit, max_count=max_count,
                          note=nfc(note or "").strip())
    db.session.add(quota)
    db.session.flush()
    record_audit("quota.create", by=by, obj=quota, summary=f"Đặt chỉ tiêu {_summary(quota)}",
                 after=snapshot(quota, FIELDS))
    return quota


def update_quota(quota: CampaignQuota, *, award_type: AwardType, unit: OrgUnit, max_count: int, note: str,
                 by: User, version_id: int | None = None) -> CampaignQuota:
    check_version(quota, version_id, "Chỉ tiêu này vừa được người khác sửa sau khi bạn mở trang. "
                                     "Hãy tải lại trang để xem giá trị mới rồi nhập lại thay đổi.")
    _check(campaign=quota.campaign, award_type=award_type, unit=unit, max_count=max_count, by=by, current=quota)
    before = snapshot(quota, FIELDS)
    quota.award_type, quota.unit, quota.max_count, quota.note = award_type, unit, max_count, nfc(note or "").strip()
    db.session.flush()
    record_audit("quota.update", by=by, obj=quota, summary=f"Sửa chỉ tiêu {_summary(quota)}",
                 before=before, after=snapshot(quota, FIELDS))
    return quota


def delete_quota(quota: CampaignQuota, *, by: User) -> None:
    if not by.has_role(Role.ADMIN, Role.SECRETARIAT):
        raise ServiceError("Chỉ cơ quan thường trực được xoá chỉ tiêu.")
    before, summary, quota_id = snapshot(quota, FIELDS), _summary(quota), quota.id
    db.session.delete(quota)
    db.session.flush()
    record_audit("quota.delete", by=by, object_type="CampaignQuota", object_id=quota_id,
                 summary=f"Xoá chỉ tiêu {summary}", before=before)


def _subtrees(unit_ids: set[int]) -> dict[int, set[int]]:
    """Each unit's id with all its descendants' (one query over the unit tree)."""
    children: dict[int, list[int]] = defaultdict(list)
    for child, parent in db.session.execute(select(OrgUnit.id, OrgUnit.parent_id)).tuples():
        if parent is not None:
            children[parent].append(child)
    out = {}
    for root in unit_ids:
        seen, stack = {root}, [root]
        while stack:
            for child in children[stack.pop()]:
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        out[root] = seen
    return out


def quota_uses(campaign: Campaign, quotas: list[CampaignQuota]) -> list[QuotaUse]:
    """Sent (alive) and draft nominations against each quota, counting the unit's sub-units too."""
    counts = db.session.execute(
        select(Nomination.award_type_id, Nomination.nominating_unit_id, Nomination.status, func.count(Nomination.id))
        .where(Nomination.campaign_id == campaign.id)
        .group_by(Nomination.award_type_id, Nomination.nominating_unit_id, Nomination.status)).tuples().all()
    trees = _subtrees({q.unit_id for q in quotas})
    out = []
    for quota in quotas:
        tree = trees[quota.unit_id]
        mine = [(s, n) for award, unit, s, n in counts if award == quota.award_type_id and unit in tree]
        out.append(QuotaUse(quota=quota, sent=sum(n for s, n in mine if s in COUNTED),
                            drafts=sum(n for s, n in mine if s in UNIT_EDITABLE)))
    return out
