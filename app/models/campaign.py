"""Emulation campaigns (phong trào thi đua) and their phases."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, Integer, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.models.base import Base, LabelledEnum, enum_column, intpk, str_50, str_100, str_500
from app.models.org import OrgUnit
from app.models.text import fold

if TYPE_CHECKING:
    from app.models.criteria import CriteriaSheet
    from app.models.user import User


class CampaignKind(LabelledEnum):
    REGULAR = "regular", "Thường xuyên (hằng năm)"
    THEMATIC = "thematic", "Theo chuyên đề, đợt"


class CampaignStage(LabelledEnum):
    """Where a campaign stands; phases are passed through in this order."""

    REGISTRATION = "registration", "Đăng ký thi đua"
    NOMINATION = "nomination", "Đề nghị khen thưởng"
    APPRAISAL = "appraisal", "Thẩm định"
    SCORING = "scoring", "Chấm điểm"
    VOTING = "voting", "Bỏ phiếu"
    DECIDED = "decided", "Đã quyết định"
    CLOSED = "closed", "Đã kết thúc"

    @property
    def order(self) -> int:
        return list(CampaignStage).index(self)


class AggregationMethod(LabelledEnum):
    """How council members' totals are combined (chosen per campaign)."""

    MEAN = "mean", "Trung bình cộng"
    MEDIAN = "median", "Trung vị"
    TRIMMED_MEAN = "trimmed_mean", "Trung bình cắt (bỏ cao nhất, thấp nhất khi ≥ 5 thành viên)"
    ZSCORE = "zscore", "Chuẩn hoá z-score, quy đổi về thang điểm gốc"


campaign_units = Table(
    "campaign_units",
    Base.metadata,
    Column("campaign_id", ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("org_units.id", ondelete="CASCADE"), primary_key=True),
)


class Campaign(Base):
    """A campaign; open to every unit unless participating units are listed."""

    __tablename__ = "campaigns"
    __table_args__ = (CheckConstraint("period_end >= period_start", name="period"),)

    id: Mapped[intpk]
    code: Mapped[str_50] = mapped_column(unique=True)
    name: Mapped[str_500]
    search_name: Mapped[str_500] = mapped_column(default="", index=True)
    kind: Mapped[CampaignKind] = mapped_column(enum_column(CampaignKind))
    launching_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="RESTRICT"), index=True)
    plan_number: Mapped[str_100] = mapped_column(default="")
    plan_date: Mapped[date | None] = mapped_column(Date)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[CampaignStage] = mapped_column(enum_column(CampaignStage), default=CampaignStage.REGISTRATION)
    aggregation: Mapped[AggregationMethod] = mapped_column(
        enum_column(AggregationMethod), default=AggregationMethod.MEAN
    )
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    launching_unit: Mapped[OrgUnit] = relationship()
    phases: Mapped[list[CampaignPhase]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by="CampaignPhase.starts_on"
    )
    participating_units: Mapped[list[OrgUnit]] = relationship(secondary=campaign_units)
    criteria_sheets: Mapped[list[CriteriaSheet]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version_id}

    @validates("name")
    def _refresh_search(self, key: str, value: str) -> str:
        self.search_name = fold(value)
        return value

    @property
    def is_open_to_all(self) -> bool:
        return not self.participating_units

    @property
    def scoring_started(self) -> bool:
        return self.stage.order >= CampaignStage.SCORING.order

    def can_view(self, user: User) -> bool:
        """City-wide roles see every campaign; others those open to all or to their unit or an ancestor."""
        if user.sees_all_units or self.is_open_to_all:
            return True
        if user.unit is None:
            return False
        mine = {user.unit.id, *(a.id for a in user.unit.ancestors())}
        return any(u.id in mine for u in self.participating_units)

    def can_manage(self, user: User) -> bool:
        """Create, edit, advance stages and edit criteria: the secretariat (and admins)."""
        from app.models.user import Role

        return user.has_role(Role.ADMIN, Role.SECRETARIAT)


class CampaignPhase(Base):
    """The planned dates of one stage of a campaign."""

    __tablename__ = "campaign_phases"
    __table_args__ = (
        UniqueConstraint("campaign_id", "stage"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="dates"),
    )

    id: Mapped[intpk]
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    stage: Mapped[CampaignStage] = mapped_column(enum_column(CampaignStage))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    campaign: Mapped[Campaign] = relationship(back_populates="phases")
