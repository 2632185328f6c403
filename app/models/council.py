"""The reward council (Hội đồng TĐKT) of a campaign and its members."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Numeric, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, LabelledEnum, enum_column, intpk, str_200
from app.models.campaign import Campaign
from app.models.user import User


class CouncilRole(LabelledEnum):
    CHAIR = "chair", "Chủ tịch Hội đồng"
    VICE_CHAIR = "vice_chair", "Phó Chủ tịch Hội đồng"
    MEMBER = "member", "Ủy viên"
    SECRETARY = "secretary", "Thư ký Hội đồng"


class Council(Base):
    """A council session for one campaign; quorum is a share of all members."""

    __tablename__ = "councils"
    __table_args__ = (CheckConstraint("quorum_ratio > 0 AND quorum_ratio <= 1", name="quorum"),)

    id: Mapped[intpk]
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    name: Mapped[str_200]
    quorum_ratio: Mapped[Decimal] = mapped_column(Numeric(5, 4), default=Decimal("0.6667"))

    campaign: Mapped[Campaign] = relationship()
    members: Mapped[list[CouncilMember]] = relationship(
        back_populates="council", cascade="all, delete-orphan", order_by="CouncilMember.id"
    )


class CouncilMember(Base):
    __tablename__ = "council_members"
    __table_args__ = (UniqueConstraint("council_id", "user_id"),)

    id: Mapped[intpk]
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    role: Mapped[CouncilRole] = mapped_column(enum_column(CouncilRole), default=CouncilRole.MEMBER)

    council: Mapped[Council] = relationship(back_populates="members")
    user: Mapped[User] = relationship()
