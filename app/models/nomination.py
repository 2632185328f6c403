"""Nominations (đề nghị khen thưởng): the dossier, its workflow state, timeline and overrides."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON, CheckConstraint, Column, Date, Enum, ForeignKey, Index, Integer, Table, Text, UniqueConstraint, select, text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.award import AwardType, SubjectType
from app.models.base import Base, LabelledEnum, TZDateTime, created_at, enum_column, intpk, str_100, utcnow
from app.models.campaign import Campaign
from app.models.evidence import EvidenceFile
from app.models.history import ONE_SUBJECT, DisciplineMeasure
from app.models.initiative import Initiative
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

    @property
    def order(self) -> int:
        return list(NominationStatus).index(self)


# States where the nominating unit may still change the dossier.
UNIT_EDITABLE = frozenset({NominationStatus.DRAFT, NominationStatus.RETURNED})
# States visible to council members of the campaign's council.
COUNCIL_VISIBLE = frozenset({
    NominationStatus.IN_SCORING, NominationStatus.SCORED, NominationStatus.VOTED, NominationStatus.APPROVED,
    NominationStatus.REJECTED, NominationStatus.AWARDED,
})
# States that no longer count towards quotas or integrity checks.
INACTIVE = frozenset({NominationStatus.WITHDRAWN, NominationStatus.INELIGIBLE, NominationStatus.REJECTED})


nomination_evidence = Table(
    "nomination_evidence",
    Base.metadata,
    Column("nomination_id", ForeignKey("nominations.id", ondelete="CASCADE"), primary_key=True),
    Column("evidence_id", ForeignKey("evidence_files.id", ondelete="CASCADE"), primary_key=True),
)

nomination_initiatives = Table(
    "nomination_initiatives",
    Base.metadata,
    Column("nomination_id", ForeignKey("nominations.id", ondelete="CASCADE"), primary_key=True),
    Column("initiative_id", ForeignKey("initiatives.id", ondelete="RESTRICT"), primary_key=True, index=True),
)


class Nomination(Base):
    """One nominee (a person or a collective) proposed for one award type in one campaign.

    The achievement report is structured: `summary`, `results_by_year` ([{"year", "text"}]),
    linked initiatives, `declared_ratings` ({"2024": "htxsnv"}) for the years the rules need,
    and discipline (none, or measure + year).
    """

    __tablename__ = "nominations"
    __table_args__ = (
        CheckConstraint(ONE_SUBJECT, name="one_subject"),
        CheckConstraint(
            "(subject_type = 'individual' AND person_id IS NOT NULL)"
            " OR (subject_type = 'collective' AND unit_id IS NOT NULL)",
            name="subject_matches_type",
        ),
        CheckConstraint("(discipline_measure IS NULL) = (discipline_year IS NULL)", name="discipline_pair"),
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
    # The year the achievement is considered for (eligibility windows end there); NULL: the
    # campaign's last year.
    year: Mapped[int | None] = mapped_column(Integer)
    memo_number: Mapped[str_100] = mapped_column(default="")
    memo_date: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    results_by_year: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    declared_ratings: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    discipline_measure: Mapped[DisciplineMeasure | None] = mapped_column(enum_column(DisciplineMeasure))
    discipline_year: Mapped[int | None] = mapped_column(Integer)
    quota_justification: Mapped[str] = mapped_column(Text, default="")
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
        back_populates="nomination", cascade="all, delete-orphan", order_by="(NominationEvent.at, NominationEvent.id)"
    )
    initiatives: Mapped[list[Initiative]] = relationship(secondary=nomination_initiatives, order_by=Initiative.title)
    evidence: Mapped[list[EvidenceFile]] = relationship(secondary=nomination_evidence, order_by=EvidenceFile.id)
    overrides: Mapped[list[EligibilityOverride]] = relationship(
        back_populates="nomination", cascade="all, delete-orphan", order_by="EligibilityOverride.id"
    )

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def nominee_name(self) -> str:
        if self.person is not None:
            return self.person.full_name
        return self.unit.name if self.unit is not None else ""

    @property
    def considered_year(self) -> int:
        return self.year if self.year is not None else self.campaign.period_end.year

    @property
    def declared_rating_rows(self) -> list[tuple[str, str]]:
        """(year, rating label) of the ratings the dossier declares, oldest first."""
        from app.models.history import PerformanceRating

        return [(y, PerformanceRating(v).label) for y, v in sorted((self.declared_ratings or {}).items()) if v]

    @property
    def nominee_unit(self) -> OrgUnit | None:
        """The nominee's own unit: the person's, or the collective itself."""
        return self.person.unit if self.person is not None else self.unit

    # --- permission predicates (views and templates call the same ones) ---

    def _unit_officer_of(self, user: User) -> bool:
        from app.models.user import Role

        return user.has_role(Role.UNIT_OFFICER) and user.unit_id is not None and user.in_scope(self.nominating_unit)

    def _council_member_of(self, user: User) -> bool:
        from app.extensions import db
        from app.models.council import Council, CouncilMember

        if self.status not in COUNCIL_VISIBLE:
            return False
        found = db.session.scalar(
            select(CouncilMember.id).join(Council, CouncilMember.council_id == Council.id)
            .where(Council.campaign_id == self.campaign_id, CouncilMember.user_id == user.id).limit(1))
        return found is not None

    def can_view(self, user: User) -> bool:
        if not getattr(user, "is_authenticated", False):
            return False
        if user.sees_all_units:
            return True
        return self._unit_officer_of(user) or self._council_member_of(user)

    def can_edit(self, user: User) -> bool:
        """The unit edits drafts and returned dossiers; the secretariat may correct any open one."""
        from app.models.user import Role

        if user.has_role(Role.ADMIN, Role.SECRETARIAT):
            return self.status in UNIT_EDITABLE | {NominationStatus.SUBMITTED, NominationStatus.ACCEPTED}
        return self.status in UNIT_EDITABLE and self._unit_officer_of(user)

    def can_appraise(self, user: User) -> bool:
        from app.models.user import Role

        return user.has_role(Role.ADMIN, Role.SECRETARIAT)


def _named_enum(enum_cls: type[LabelledEnum], name: str) -> Enum:
    """enum_column() under another name (for a second column of the same enum in one table)."""
    column = enum_column(enum_cls)
    column.name = name
    return column


class NominationEvent(Base):
    """One step of a nomination's timeline: who moved it from which state to which, and why."""

    __tablename__ = "nomination_events"

    id: Mapped[intpk]
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nominations.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(TZDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Its own enum name: two CHECK constraints named after the same enum would clash on PostgreSQL.
    from_status: Mapped[NominationStatus | None] = mapped_column(_named_enum(NominationStatus, "from_nominationstatus"))
    to_status: Mapped[NominationStatus] = mapped_column(enum_column(NominationStatus))
    reason: Mapped[str] = mapped_column(Text, default="")

    nomination: Mapped[Nomination] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


class EligibilityOverride(Base):
    """The secretariat's written decision to replace one rule's computed outcome."""

    __tablename__ = "eligibility_overrides"
    __table_args__ = (UniqueConstraint("nomination_id", "rule_id"),)

    id: Mapped[intpk]
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nominations.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("eligibility_rules.id", ondelete="CASCADE"))
    outcome: Mapped[str] = mapped_column(Text)  # a RuleOutcome value (pass / fail / needs_evidence)
    reason: Mapped[str] = mapped_column(Text)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(TZDateTime(), default=utcnow)

    nomination: Mapped[Nomination] = relationship(back_populates="overrides")
    by: Mapped[User | None] = relationship()
