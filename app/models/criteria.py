"""Scoring criteria: a versioned sheet per campaign and subject type, as a tree."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Integer, Numeric, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.award import SubjectType
from app.models.base import Base, LabelledEnum, enum_column, intpk, str_20, str_500

if TYPE_CHECKING:
    from app.models.campaign import Campaign
    from app.models.user import User

POINTS = Numeric(6, 2)


class CriterionKind(LabelledEnum):
    SCORED = "scored", "Tiêu chí chấm điểm"
    BONUS = "bonus", "Điểm thưởng"
    PENALTY = "penalty", "Điểm trừ"
    KNOCKOUT = "knockout", "Điểm liệt (loại trực tiếp)"


class CriteriaSheet(Base):
    """One version of a campaign's criteria for collectives or individuals.

    Locked once scoring starts; a later change makes a new version and keeps this one,
    so the scores given under it stay explainable.
    """

    __tablename__ = "criteria_sheets"
    __table_args__ = (
        UniqueConstraint("campaign_id", "subject_type", "version"),
        CheckConstraint("bonus_cap >= 0", name="bonus_cap"),
    )

    id: Mapped[intpk]
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    subject_type: Mapped[SubjectType] = mapped_column(enum_column(SubjectType))
    version: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(default=True)
    bonus_cap: Mapped[Decimal] = mapped_column(POINTS, default=Decimal("0"))
    locked_at: Mapped[datetime | None]
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    campaign: Mapped[Campaign] = relationship(back_populates="criteria_sheets")
    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="sheet", cascade="all, delete-orphan", order_by="Criterion.position"
    )

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    @property
    def is_editable(self) -> bool:
        """Only the current, unlocked version; a version made after locking stays editable."""
        return self.is_current and not self.is_locked

    def can_edit(self, user: User) -> bool:
        return self.is_editable and self.campaign.can_manage(user)


class Criterion(Base):
    """A criterion or sub-criterion. A parent's maximum is the sum of its children's."""

    __tablename__ = "criteria"
    __table_args__ = (
        CheckConstraint("max_points >= 0", name="max_points"),
        CheckConstraint("penalty_points >= 0", name="penalty_points"),
    )

    id: Mapped[intpk]
    sheet_id: Mapped[int] = mapped_column(ForeignKey("criteria_sheets.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("criteria.id", ondelete="CASCADE"), index=True)
    kind: Mapped[CriterionKind] = mapped_column(enum_column(CriterionKind))
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str_20] = mapped_column(default="")
    title: Mapped[str_500]
    guidance: Mapped[str] = mapped_column(Text, default="")
    # SCORED/BONUS: the most a member may give. PENALTY: points deducted per occurrence.
    max_points: Mapped[Decimal] = mapped_column(POINTS, default=Decimal("0"))
    penalty_points: Mapped[Decimal] = mapped_column(POINTS, default=Decimal("0"))

    sheet: Mapped[CriteriaSheet] = relationship(back_populates="criteria")
    parent: Mapped[Criterion | None] = relationship(remote_side="Criterion.id", back_populates="children")
    children: Mapped[list[Criterion]] = relationship(back_populates="parent", order_by="Criterion.position")
