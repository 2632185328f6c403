"""The reward council (Hội đồng TĐKT) of a campaign, its members, assignments and conflicts.

Scores live in app/models/scoring.py and the secret ballot in app/models/ballot.py.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, Numeric, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, LabelledEnum, created_at, enum_column, intpk, str_200, str_500
from app.models.campaign import Campaign
from app.models.user import Role, User

if TYPE_CHECKING:
    from app.models.nomination import Nomination


class CouncilRole(LabelledEnum):
    CHAIR = "chair", "Chủ tịch Hội đồng"
    VICE_CHAIR = "vice_chair", "Phó Chủ tịch Hội đồng"
    MEMBER = "member", "Ủy viên"
    SECRETARY = "secretary", "Thư ký Hội đồng"


class CouncilStatus(LabelledEnum):
    SCORING = "scoring", "Đang chấm điểm, bỏ phiếu"
    CLOSED = "closed", "Đã kết thúc, có kết quả"


class AssignmentMode(LabelledEnum):
    ALL = "all", "Mọi thành viên chấm mọi hồ sơ"
    BALANCED = "balanced", "Mỗi hồ sơ N thành viên, phân công tự động cân bằng"


class Council(Base):
    """A council session for one campaign; quorum is a share of all members."""

    __tablename__ = "councils"
    __table_args__ = (
        CheckConstraint("quorum_ratio > 0 AND quorum_ratio <= 1", name="quorum"),
        CheckConstraint("reviewers_per_nomination IS NULL OR reviewers_per_nomination > 0", name="reviewers"),
        CheckConstraint("max_per_member IS NULL OR max_per_member > 0", name="max_per_member"),
    )

    id: Mapped[intpk]
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    name: Mapped[str_200]
    quorum_ratio: Mapped[Decimal] = mapped_column(Numeric(5, 4), default=Decimal("0.6667"))
    status: Mapped[CouncilStatus] = mapped_column(enum_column(CouncilStatus), default=CouncilStatus.SCORING)
    assignment_mode: Mapped[AssignmentMode] = mapped_column(enum_column(AssignmentMode), default=AssignmentMode.ALL)
    reviewers_per_nomination: Mapped[int | None] = mapped_column(Integer)
    max_per_member: Mapped[int | None] = mapped_column(Integer)
    held_on: Mapped[date | None] = mapped_column(Date)
    venue: Mapped[str_500] = mapped_column(default="")
    closed_at: Mapped[datetime | None]
    # Bumped by every service that changes scores, ballots or decisions: results caches key on it.
    change_counter: Mapped[int] = mapped_column(Integer, default=0)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    campaign: Mapped[Campaign] = relationship()
    members: Mapped[list[CouncilMember]] = relationship(
        back_populates="council", cascade="all, delete-orphan", order_by="CouncilMember.id"
    )

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def is_open(self) -> bool:
        return self.status is CouncilStatus.SCORING

    @property
    def quorum_percent(self) -> float:
        return float(self.quorum_ratio) * 100

    def member_for(self, user: User) -> CouncilMember | None:
        return next((m for m in self.members if m.user_id == user.id), None)

    def can_view(self, user: User) -> bool:
        return user.has_role(Role.ADMIN, Role.SECRETARIAT, Role.VIEWER) or self.member_for(user) is not None

    def can_manage(self, user: User) -> bool:
        """Secretariat staff and the council's chair and secretary run the session."""
        if user.has_role(Role.ADMIN, Role.SECRETARIAT):
            return True
        member = self.member_for(user)
        return member is not None and member.role in (CouncilRole.CHAIR, CouncilRole.SECRETARY)

    def can_score(self, user: User) -> bool:
        return self.is_open and self.member_for(user) is not None


class CouncilMember(Base):
    __tablename__ = "council_members"
    __table_args__ = (UniqueConstraint("council_id", "user_id"),)

    id: Mapped[intpk]
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    role: Mapped[CouncilRole] = mapped_column(enum_column(CouncilRole), default=CouncilRole.MEMBER)

    council: Mapped[Council] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


class Assignment(Base):
    """A member is to score a nomination. Removing one never deletes a score (see scoring)."""

    __tablename__ = "council_assignments"
    __table_args__ = (UniqueConstraint("member_id", "nomination_id"),)

    id: Mapped[intpk]
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("council_members.id", ondelete="CASCADE"), index=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nominations.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[created_at]

    member: Mapped[CouncilMember] = relationship()
    nomination: Mapped[Nomination] = relationship()


class ConflictDeclaration(Base):
    """A conflict of interest declared by (or for) a member, with its reason; kept for the minutes."""

    __tablename__ = "conflict_declarations"
    __table_args__ = (UniqueConstraint("member_id", "nomination_id"),)

    id: Mapped[intpk]
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("council_members.id", ondelete="CASCADE"), index=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nominations.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    declared_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    declared_at: Mapped[created_at]

    member: Mapped[CouncilMember] = relationship()
    nomination: Mapped[Nomination] = relationship()


class Override(Base):
    """A manual final result that departs from the computed one; the reason is mandatory."""

    __tablename__ = "council_overrides"
    __table_args__ = (UniqueConstraint("council_id", "nomination_id"),)

    id: Mapped[intpk]
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"), index=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nominations.id", ondelete="CASCADE"), index=True)
    approve: Mapped[bool]
    reason: Mapped[str] = mapped_column(Text)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[created_at]
