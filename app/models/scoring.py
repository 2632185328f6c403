"""Score sheets: one per council member × nomination, one score per leaf criterion.

A sheet is DRAFT while the member types (autosave writes here), SUBMITTED once sent
(locked; only the secretary can reopen it, with an audited reason). Only submitted,
non-excluded sheets count in the results. A sheet is never deleted when an assignment
changes: it is excluded, with a reason, so no score disappears silently.

Each sheet also stores its totals (criteria sum, capped bonus, penalties, total, knockout),
derived from its scores by app/services/sheet_totals.py whenever the scoring service saves,
submits or reopens it, so ranking reads one row per sheet instead of one per score. NULL
totals mean "not computed" (a sheet written by other means); aggregation then computes them.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, Numeric, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, LabelledEnum, TZDateTime, enum_column, intpk, utcnow
from app.models.council import CouncilMember
from app.models.criteria import Criterion
from app.models.nomination import Nomination


TOTAL = Numeric(10, 4)  # sums of 2-decimal values; penalties multiply two of them


class SheetStatus(LabelledEnum):
    DRAFT = "draft", "Đang chấm"
    SUBMITTED = "submitted", "Đã nộp"


class ScoreSheet(Base):
    __tablename__ = "score_sheets"
    __table_args__ = (
        UniqueConstraint("member_id", "nomination_id"),
        CheckConstraint("status <> 'submitted' OR submitted_at IS NOT NULL", name="submitted_at"),
        # Ranking reads the counted sheets of a council: the index covers that whole read.
        Index("ix_score_sheets_council_totals", "council_id", "status", "is_excluded", "nomination_id",
              "member_id", "total", "knocked_out"),
    )

    id: Mapped[intpk]
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("council_members.id", ondelete="CASCADE"), index=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nominations.id", ondelete="CASCADE"), index=True)
    status: Mapped[SheetStatus] = mapped_column(enum_column(SheetStatus), default=SheetStatus.DRAFT, index=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(TZDateTime(), default=utcnow, onupdate=utcnow)
    is_excluded: Mapped[bool] = mapped_column(default=False)
    excluded_reason: Mapped[str] = mapped_column(Text, default="")
    version_id: Mapped[int] = mapped_column(Integer, default=1)
    # Derived from the scores (see the module docstring); never typed, never edited by hand.
    total_scored: Mapped[Decimal | None] = mapped_column(TOTAL)
    total_bonus: Mapped[Decimal | None] = mapped_column(TOTAL)  # after the sheet's bonus cap
    total_penalty: Mapped[Decimal | None] = mapped_column(TOTAL)
    total: Mapped[Decimal | None] = mapped_column(TOTAL)  # scored + bonus − penalty, floored at 0
    knocked_out: Mapped[bool | None]

    member: Mapped[CouncilMember] = relationship()
    nomination: Mapped[Nomination] = relationship()
    scores: Mapped[list[Score]] = relationship(back_populates="sheet", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def is_submitted(self) -> bool:
        return self.status is SheetStatus.SUBMITTED


class Score(Base):
    """Points for SCORED/BONUS criteria; occurrences for PENALTY; 0/1 for KNOCKOUT."""

    __tablename__ = "scores"
    __table_args__ = (
        UniqueConstraint("sheet_id", "criterion_id"),
        CheckConstraint("value >= 0", name="value"),
    )

    id: Mapped[intpk]
    sheet_id: Mapped[int] = mapped_column(ForeignKey("score_sheets.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criteria.id", ondelete="RESTRICT"), index=True)
    value: Mapped[Decimal] = mapped_column(Numeric(6, 2))

    sheet: Mapped[ScoreSheet] = relationship(back_populates="scores")
    criterion: Mapped[Criterion] = relationship()
