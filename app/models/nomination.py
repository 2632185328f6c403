"""Nominations (đề nghị khen thưởng): the dossier and its workflow state."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, Index, Integer, Table, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.award import AwardType, SubjectType
from app.models.base import Base, LabelledEnum, TZDateTime, created_at, enum_column, intpk, str_100, utcnow
from app.models.campaign import Campaign
from app.models.history import ONE_SUBJECT
from app.models.org import OrgUnit
from app.models.person import Person

if TYPE_CHECKING:
    from app.models.user import User


class NominationStatus(LabelledEnum):
    """Workflow states; the allowed transitions live in app/services/nomination_workflow.py."""

    DRAFT = "draft", "Nháp"
    SUBMITTED = "submitted", "Đã gửi"
    RETURNED = "returned", "Bị trả lại"
    ACCEPTED = "accepted", "Đã tiếp nhận, chờ thẩm định"
    APPRAISED = "appraised", "Đã thẩm định: đủ điều kiện"
    INELIGIBLE = "ineligible", "Đã thẩm định: không đủ điều kiện"
    IN_SCORING = "in_scoring", "Đang chấm điểm"
    SCORED = "scored", "Đã chấm điểm"
    VOTED = "voted", "Đã bỏ phiếu"
    APPROVED = "approved", "Được đề nghị khen thưởng"
    REJECTED = "rejected", "Không được khen thưởng"
    AWARDED = "awarded", "Đã có quyết định khen thưởng"
    WITHDRAWN = "withdrawn", "Đã rút"


nomination_evidence = Table(
    "nomination_evidence",
    Base.metadata,
    Column("nomination_id", ForeignKey("nominations.id", ondelete="CASCADE"), primary_key=True),
    Column("evidence_id", ForeignKey("evidence_files.id", ondelete="CASCADE"), primary_key=True),
)


class Nomination(Base):
    """One nominee (a person or a collective) proposed for one award type in one campaign."""

    __tablename__ = "nominations"
    __table_args__ = (
        CheckConstraint(ONE_SUBJECT, name="one_subject"),
        CheckConstraint(
            "(subject_type = 'individual' AND person_id IS NOT NULL)"
            " OR (subject_type = 'collective' AND unit_id IS NOT NULL)",
            name="subject_matches_type",
        ),
        # One nomination per nominee × campaign × award type (NULLs never collide, hence two indexes).
        Index("uq_nominations_person", "campaign_id", "award_type_id", "person_id", unique=True,
              sqlite_where=text("person_id IS NOT NULL"), postgresql_where=text("person_id IS NOT NULL")),
        Index("uq_nominations_unit", "campaign_id", "award_type_id", "unit_id", unique=True,
              sqlite_where=text("unit_id IS NOT NULL"), postgresql_where=text("unit_id IS NOT NULL")),
    )

    id: Mapped[intpk]
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="RESTRICT"), index=True)
    award_type_id: Mapped[int] = mapped_column(ForeignKey("award_types.id", ondelete="RESTRICT"), index=True)
    subject_type: Mapped[SubjectType] = mapped_column(enum_column(SubjectType))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id", ondelete="RESTRICT"), index=True)
    nominating_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="RESTRICT"), index=True)
    status: Mapped[NominationStatus] = mapped_column(
        enum_column(NominationStatus), default=NominationStatus.DRAFT, index=True
    )
    memo_number: Mapped[str_100] = mapped_column(default="")
    memo_date: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]
    updated_at: Mapped[datetime] = mapped_column(TZDateTime(), default=utcnow, onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    campaign: Mapped[Campaign] = relationship()
    award_type: Mapped[AwardType] = relationship()
    person: Mapped[Person | None] = relationship()
    unit: Mapped[OrgUnit | None] = relationship(foreign_keys=[unit_id])
    nominating_unit: Mapped[OrgUnit] = relationship(foreign_keys=[nominating_unit_id])
    created_by: Mapped[User | None] = relationship()
    events: Mapped[list[NominationEvent]] = relationship(
        back_populates="nomination", cascade="all, delete-orphan", order_by="NominationEvent.at"
    )

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def nominee_name(self) -> str:
        if self.person is not None:
            return self.person.full_name
        return self.unit.name if self.unit is not None else ""


class NominationEvent(Base):
    """One step of a nomination's timeline: who moved it from which state to which, and why."""

    __tablename__ = "nomination_events"

    id: Mapped[intpk]
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nominations.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(TZDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    from_status: Mapped[NominationStatus | None] = mapped_column(enum_column(NominationStatus))
    to_status: Mapped[NominationStatus] = mapped_column(enum_column(NominationStatus))
    reason: Mapped[str] = mapped_column(Text, default="")

    nomination: Mapped[Nomination] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()
