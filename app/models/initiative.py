"""The register of initiatives and models (sáng kiến, mô hình, giải pháp, đề án)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Column, Date, ForeignKey, Integer, Numeric, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, LabelledEnum, created_at, enum_column, intpk, str_50, str_100, str_200, str_500
from app.models.campaign import Campaign
from app.models.evidence import EvidenceFile
from app.models.org import OrgUnit
from app.models.person import Person
from app.models.text import fold

from app.models.user import Role

if TYPE_CHECKING:
    from app.models.user import User


class InitiativeKind(LabelledEnum):
    INITIATIVE = "initiative", "Sáng kiến"
    MODEL = "model", "Mô hình"
    SOLUTION = "solution", "Giải pháp"
    SCHEME = "scheme", "Đề án"


class InfluenceScope(LabelledEnum):
    """Phạm vi ảnh hưởng, narrowest first."""

    UNIT = "unit", "Cấp cơ sở"
    CITY = "city", "Cấp thành phố"
    NATIONAL = "national", "Toàn quốc"

    @property
    def rank(self) -> int:
        return list(InfluenceScope).index(self)


class InitiativeStatus(LabelledEnum):
    DRAFT = "draft", "Nháp"
    SUBMITTED = "submitted", "Đã gửi công nhận"
    RECOGNISED = "recognised", "Đã công nhận"
    NOT_RECOGNISED = "not_recognised", "Không công nhận"


initiative_campaigns = Table(
    "initiative_campaigns",
    Base.metadata,
    Column("initiative_id", ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True),
    Column("campaign_id", ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True),
)

initiative_evidence = Table(
    "initiative_evidence",
    Base.metadata,
    Column("initiative_id", ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True),
    Column("evidence_id", ForeignKey("evidence_files.id", ondelete="CASCADE"), primary_key=True),
)


class Initiative(Base):
    __tablename__ = "initiatives"

    id: Mapped[intpk]
    kind: Mapped[InitiativeKind] = mapped_column(enum_column(InitiativeKind))
    title: Mapped[str_500]
    search_text: Mapped[str] = mapped_column(Text, default="")
    owner_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="RESTRICT"), index=True)
    start_date: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    novelty: Mapped[str] = mapped_column(Text, default="")
    application: Mapped[str] = mapped_column(Text, default="")
    # The scope it has been recognised at (None until recognised).
    scope: Mapped[InfluenceScope | None] = mapped_column(enum_column(InfluenceScope))
    status: Mapped[InitiativeStatus] = mapped_column(enum_column(InitiativeStatus), default=InitiativeStatus.DRAFT)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]
    updated_at: Mapped[datetime | None]
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    owner_unit: Mapped[OrgUnit] = relationship()
    created_by: Mapped[User | None] = relationship()
    author_links: Mapped[list[InitiativeAuthor]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="InitiativeAuthor.position"
    )
    campaigns: Mapped[list[Campaign]] = relationship(secondary=initiative_campaigns)
    metrics: Mapped[list[InitiativeMetric]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="InitiativeMetric.position"
    )
    recognitions: Mapped[list[InitiativeRecognition]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan", order_by="InitiativeRecognition.decision_date"
    )
    evidence: Mapped[list[EvidenceFile]] = relationship(secondary=initiative_evidence)

    __mapper_args__ = {"version_id_col": version_id}

    def refresh_search_text(self) -> None:
        self.search_text = fold(f"{self.title} {self.summary}")

    # --- permissions (views and templates ask the same questions) -------------------------
    @staticmethod
    def can_create(user: User) -> bool:
        """The secretariat records any unit's initiative; a unit officer needs a unit."""
        if user.has_role(Role.ADMIN, Role.SECRETARIAT):
            return True
        return user.has_role(Role.UNIT_OFFICER) and user.unit_id is not None

    def can_view(self, user: User) -> bool:
        """Everyone city-wide (incl. council members) reads all; units read their subtree."""
        if user.sees_all_units or user.has_role(Role.COUNCIL_MEMBER):
            return True
        return user.has_role(Role.UNIT_OFFICER) and user.in_scope(self.owner_unit)

    def can_edit(self, user: User) -> bool:
        """Units edit their own until it is recognised; the secretariat edits everything."""
        if user.has_role(Role.ADMIN, Role.SECRETARIAT):
            return True
        return (user.has_role(Role.UNIT_OFFICER) and self.status is not InitiativeStatus.RECOGNISED
                and user.in_scope(self.owner_unit))

    def can_submit(self, user: User) -> bool:
        return (self.status in (InitiativeStatus.DRAFT, InitiativeStatus.NOT_RECOGNISED)
                and self.can_edit(user))

    def can_review(self, user: User) -> bool:
        """Council members (and the secretariat) score submitted initiatives."""
        return (self.status is InitiativeStatus.SUBMITTED
                and user.has_role(Role.ADMIN, Role.SECRETARIAT, Role.COUNCIL_MEMBER))

    def can_recognise(self, user: User) -> bool:
        """The secretariat records recognition (again later for a wider scope)."""
        return self.status is not InitiativeStatus.DRAFT and user.has_role(Role.ADMIN, Role.SECRETARIAT)

    @property
    def year(self) -> int | None:
        return self.start_date.year if self.start_date else None

    @property
    def authors(self) -> list[Person]:
        return [link.person for link in self.author_links]


class InitiativeAuthor(Base):
    __tablename__ = "initiative_authors"
    __table_args__ = (UniqueConstraint("initiative_id", "person_id"),)

    id: Mapped[intpk]
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    initiative: Mapped[Initiative] = relationship(back_populates="author_links")
    person: Mapped[Person] = relationship()


class InitiativeMetric(Base):
    """A measured result, e.g. "Hồ sơ trả kết quả trong 2 giờ làm việc", 20 000 hồ sơ, 09/2022–09/2023."""

    __tablename__ = "initiative_metrics"

    id: Mapped[intpk]
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str_500]
    value: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    unit: Mapped[str_50] = mapped_column(default="")
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)

    initiative: Mapped[Initiative] = relationship(back_populates="metrics")


class InitiativeRecognition(Base):
    """Recognition by an initiative council: scope, decision, and the score it reached."""

    __tablename__ = "initiative_recognitions"

    id: Mapped[intpk]
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id", ondelete="CASCADE"), index=True)
    recognised_by: Mapped[str_200]
    decision_number: Mapped[str_100] = mapped_column(default="")
    decision_date: Mapped[date | None] = mapped_column(Date)
    scope: Mapped[InfluenceScope] = mapped_column(enum_column(InfluenceScope))
    total_score: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))

    initiative: Mapped[Initiative] = relationship(back_populates="recognitions")
