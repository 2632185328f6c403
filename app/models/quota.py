"""Quotas set for a campaign: at most N nominations of an award type from one unit."""
from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.award import AwardType
from app.models.base import Base, intpk
from app.models.campaign import Campaign
from app.models.org import OrgUnit


class CampaignQuota(Base):
    """A campaign-specific cap; it takes precedence over the ratio rules of the award type."""

    __tablename__ = "campaign_quotas"
    __table_args__ = (
        UniqueConstraint("campaign_id", "award_type_id", "unit_id"),
        CheckConstraint("max_count >= 0", name="max_count"),
    )

    id: Mapped[intpk]
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    award_type_id: Mapped[int] = mapped_column(ForeignKey("award_types.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"))
    max_count: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    campaign: Mapped[Campaign] = relationship()
    award_type: Mapped[AwardType] = relationship()
    unit: Mapped[OrgUnit] = relationship()

    __mapper_args__ = {"version_id_col": version_id}
