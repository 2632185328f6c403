"""Decisions (quyết định khen thưởng), their items, certificates and verification log."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.award import AwardType, SubjectType
from app.models.base import (
    Base, LabelledEnum, TZDateTime, created_at, enum_column, intpk, str_20, str_50, str_200, str_500, utcnow,
)
from app.models.org import OrgUnit

if TYPE_CHECKING:
    from app.models.campaign import Campaign
    from app.models.nomination import Nomination
    from app.models.user import User


class DecisionStatus(LabelledEnum):
    DRAFT = "draft", "Dự thảo"
    ISSUED = "issued", "Đã ban hành"


class AmendmentKind(LabelledEnum):
    """How a later decision corrects an issued one (an issued decision is never edited)."""

    AMENDS = "amends", "Sửa đổi, bổ sung"
    REVOKES = "revokes", "Hủy bỏ"


class Decision(Base):
    """A Quyết định; numbered from the issuer's register when issued, immutable afterwards."""

    __tablename__ = "decisions"
    __table_args__ = (
        UniqueConstraint("issuer_unit_id", "year", "number"),
        CheckConstraint("status = 'draft' OR (number IS NOT NULL AND year IS NOT NULL)", name="issued_numbered"),
        CheckConstraint("(amends_id IS NULL) = (amendment_kind IS NULL)", name="amendment_pair"),
    )

    id: Mapped[intpk]
    issuer_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="RESTRICT"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="RESTRICT"), index=True)
    # Printed lines, frozen on the decision: the body ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"),
    # the deciding authority and the signer as they appear on paper.
    issuer_lines: Mapped[list[str]] = mapped_column(JSON, default=list)
    authority: Mapped[str_500]
    signer_name: Mapped[str_200]
    signer_title: Mapped[str_200] = mapped_column(default="")
    signer_capacity: Mapped[list[str]] = mapped_column(JSON, default=list)
    place: Mapped[str_200] = mapped_column(default="Hà Nội")
    number: Mapped[int | None] = mapped_column(Integer)
    symbol: Mapped[str_50] = mapped_column(default="QĐ-UBND")
    year: Mapped[int | None] = mapped_column(Integer)
    decided_on: Mapped[date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(Text)
    legal_bases: Mapped[list[str]] = mapped_column(JSON, default=list)
    articles: Mapped[list[str]] = mapped_column(JSON, default=list)
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    list_title: Mapped[str_500] = mapped_column(default="")
    achievement: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[DecisionStatus] = mapped_column(enum_column(DecisionStatus), default=DecisionStatus.DRAFT,
                                                   index=True)
    amends_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id", ondelete="RESTRICT"), index=True)
    amendment_kind: Mapped[AmendmentKind | None] = mapped_column(enum_column(AmendmentKind))
    # Why a correcting decision amends or revokes, and on what legal ground (copied onto every
    # certificate it revokes or replaces); empty on ordinary decisions.
    correction_reason: Mapped[str] = mapped_column(Text, default="")
    correction_legal_ground: Mapped[str_500] = mapped_column(default="")
    issued_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    issuer_unit: Mapped[OrgUnit] = relationship()
    campaign: Mapped[Campaign | None] = relationship()
    amends: Mapped[Decision | None] = relationship(remote_side="Decision.id")
    items: Mapped[list[DecisionItem]] = relationship(
        back_populates="decision", cascade="all, delete-orphan", order_by="DecisionItem.position")
    issued_by: Mapped[User | None] = relationship(foreign_keys=[issued_by_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def is_issued(self) -> bool:
        return self.status is DecisionStatus.ISSUED

    @property
    def full_number(self) -> str:
        """"100/QĐ-UBND" once issued; "…/QĐ-UBND" while a draft."""
        return f"{self.number if self.number is not None else '…'}/{self.symbol}"

    def can_view(self, user: User) -> bool:
        from app.models.user import Role

        return user.has_role(Role.ADMIN, Role.SECRETARIAT, Role.VIEWER)

    def can_edit(self, user: User) -> bool:
        return not self.is_issued and _is_secretariat(user)

    def can_issue(self, user: User) -> bool:
        return not self.is_issued and _is_secretariat(user)

    def can_print(self, user: User) -> bool:
        return _is_secretariat(user)

    def can_correct(self, user: User) -> bool:
        """Issue a decision that amends or revokes this one (never a revocation itself)."""
        return self.is_issued and self.amendment_kind is not AmendmentKind.REVOKES and _is_secretariat(user)

    def __repr__(self) -> str:
        return f"<Decision {self.full_number} {self.year}>"


def _is_secretariat(user: User) -> bool:
    from app.models.user import Role

    return user.has_role(Role.ADMIN, Role.SECRETARIAT)


class DecisionItem(Base):
    """One approved nomination in a decision, with its printed wording frozen at issue."""

    __tablename__ = "decision_items"
    __table_args__ = (UniqueConstraint("decision_id", "nomination_id"),)

    id: Mapped[intpk]
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nominations.id", ondelete="RESTRICT"), index=True)
    award_type_id: Mapped[int] = mapped_column(ForeignKey("award_types.id", ondelete="RESTRICT"), index=True)
    subject_type: Mapped[SubjectType] = mapped_column(enum_column(SubjectType))
    position: Mapped[int] = mapped_column(Integer, default=0)
    group_label: Mapped[str_500] = mapped_column(default="")
    honorific: Mapped[str_20] = mapped_column(default="")
    printed_name: Mapped[str_500] = mapped_column(default="")
    printed_detail: Mapped[str] = mapped_column(Text, default="")

    decision: Mapped[Decision] = relationship(back_populates="items")
    nomination: Mapped[Nomination] = relationship()
    award_type: Mapped[AwardType] = relationship()
    certificate: Mapped[Certificate | None] = relationship(back_populates="item", uselist=False)


class Certificate(Base):
    """The printed Bằng khen/Giấy khen of one item: golden-book number and verification token."""

    __tablename__ = "certificates"
    __table_args__ = (
        UniqueConstraint("issuer_unit_id", "year", "golden_book_number"),
        CheckConstraint("(revoked_at IS NULL) OR (revocation_reason <> '' AND legal_ground <> '')",
                        name="revocation_grounds"),
    )

    id: Mapped[intpk]
    decision_item_id: Mapped[int] = mapped_column(ForeignKey("decision_items.id", ondelete="RESTRICT"),
                                                  unique=True)
    issuer_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    golden_book_number: Mapped[int] = mapped_column(Integer)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    revoked_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    revocation_reason: Mapped[str] = mapped_column(Text, default="")
    legal_ground: Mapped[str_500] = mapped_column(default="")
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]

    item: Mapped[DecisionItem] = relationship(back_populates="certificate")
    revoked_by: Mapped[User | None] = relationship()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def can_revoke(self, user: User) -> bool:
        return not self.is_revoked and _is_secretariat(user)


class VerificationLog(Base):
    """One look-up of /verify/<token>; the client address is kept only as a salted hash."""

    __tablename__ = "verification_logs"

    id: Mapped[intpk]
    token: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(TZDateTime(), default=utcnow, index=True)
    ip_hash: Mapped[str] = mapped_column(String(64), default="")
    found: Mapped[bool] = mapped_column(default=False)
