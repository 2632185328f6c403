"""Initiative council scoring: a configurable sheet (default novelty 30 / applicability 30 /
effectiveness 40, unit scope from 50, city scope considered from 70) and reviewers' scores."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, Numeric, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, created_at, intpk, str_20, str_200, str_500
from app.models.initiative import Initiative
from app.models.user import Role, User


class InitiativeScoringSheet(Base):
    """Rule data: the criteria and the thresholds, with their basis and effective dates."""

    __tablename__ = "initiative_scoring_sheets"
    __table_args__ = (
        CheckConstraint("unit_threshold >= 0 AND city_threshold >= unit_threshold", name="thresholds"),
        CheckConstraint("effective_to IS NULL OR effective_to >= effective_from", name="effective_range"),
    )

    id: Mapped[intpk]
    name: Mapped[str_200]
    legal_basis: Mapped[str_500] = mapped_column(default="")
    unit_threshold: Mapped[Decimal] = mapped_column(Numeric(6, 2), default=Decimal(50))
    city_threshold: Mapped[Decimal] = mapped_column(Numeric(6, 2), default=Decimal(70))
    effective_from: Mapped[date] = mapped_column(Date, default=date(2000, 1, 1))
    effective_to: Mapped[date | None] = mapped_column(Date)
    is_default: Mapped[bool] = mapped_column(default=False)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    criteria: Mapped[list[InitiativeScoringCriterion]] = relationship(
        back_populates="sheet", cascade="all, delete-orphan", order_by="InitiativeScoringCriterion.position"
    )

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def max_total(self) -> Decimal:
        return sum((c.max_points for c in self.criteria), Decimal(0))

    @staticmethod
    def can_manage(user: User) -> bool:
        """The standing secretariat (and admins) configure the sheets."""
        return user.is_authenticated and user.has_role(Role.ADMIN, Role.SECRETARIAT)


class InitiativeScoringCriterion(Base):
    __tablename__ = "initiative_scoring_criteria"
    __table_args__ = (
        UniqueConstraint("sheet_id", "code"),
        CheckConstraint("max_points > 0", name="max_points"),
    )

    id: Mapped[intpk]
    sheet_id: Mapped[int] = mapped_column(ForeignKey("initiative_scoring_sheets.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str_20]
    title: Mapped[str_200]
    guidance: Mapped[str] = mapped_column(Text, default="")
    max_points: Mapped[Decimal] = mapped_column(Numeric(6, 2))

    sheet: Mapped[InitiativeScoringSheet] = relationship(back_populates="criteria")


class InitiativeReview(Base):
    """One council member's scoring of one initiative on one sheet."""

    __tablename__ = "initiative_reviews"
    __table_args__ = (UniqueConstraint("initiative_id", "reviewer_id"),)

    id: Mapped[intpk]
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id", ondelete="CASCADE"), index=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("initiative_scoring_sheets.id", ondelete="RESTRICT"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[created_at]
    updated_at: Mapped[datetime | None]
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    initiative: Mapped[Initiative] = relationship()
    sheet: Mapped[InitiativeScoringSheet] = relationship()
    reviewer: Mapped[User] = relationship()
    scores: Mapped[list[InitiativeReviewScore]] = relationship(
        back_populates="review", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def total(self) -> Decimal:
        return sum((s.points for s in self.scores), Decimal(0))


class InitiativeReviewScore(Base):
    __tablename__ = "initiative_review_scores"
    __table_args__ = (
        UniqueConstraint("review_id", "criterion_id"),
        CheckConstraint("points >= 0", name="points"),
    )

    id: Mapped[intpk]
    review_id: Mapped[int] = mapped_column(ForeignKey("initiative_reviews.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("initiative_scoring_criteria.id", ondelete="RESTRICT"))
    points: Mapped[Decimal] = mapped_column(Numeric(6, 2))

    review: Mapped[InitiativeReview] = relationship(back_populates="scores")
    criterion: Mapped[InitiativeScoringCriterion] = relationship()
