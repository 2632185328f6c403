"""The secret ballot (bỏ phiếu kín): rounds, anonymous ballots, separate participation.

Anonymity design — nobody, not even an administrator reading the database, can tell
how a member voted:

* `ballots` rows hold only (random UUID id, round_item_id, choice, is_written). No member
  id, no user id, no timestamp, no autoincrement id: the primary key is a random UUID, and
  on SQLite the table is WITHOUT ROWID, so neither key order nor a hidden rowid follows
  the order in which members voted. The only foreign key goes to `ballot_round_items`,
  whose foreign keys go to the round and the nomination — never to a member or a user.
* `ballot_participations` (round_id, member_id, unique) records THAT a member voted (or
  sent a written opinion, or was present) — the unique constraint is what stops a second
  vote. It is written in the same transaction as the member's ballots, which are inserted
  in one flush.
* Audit entries say "đã bỏ phiếu" without any choice.
* Written opinions of absent members: the secretary records per member only that an
  opinion was received; the choices are entered as aggregated counts per nomination
  (ballots with is_written = true), so no row ties a written choice to its author.
* Residual channel and its remedy: while a round is open, PostgreSQL keeps system columns
  (xmin, ctid) that reveal which transaction wrote a row. Closing a round therefore
  *reseals* the box: every ballot of the round is deleted and re-inserted, shuffled, with
  fresh UUIDs, in the one closing transaction — afterwards all ballots share one xmin and a
  random physical order. tests/services/test_ballot_anonymity.py inspects the schema to
  prove there is no column or foreign-key path from `ballots` to members or users.
"""
from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.award import AwardType, BallotBase
from app.models.base import Base, LabelledEnum, created_at, enum_column, intpk
from app.models.council import Council, CouncilMember
from app.models.nomination import Nomination


class RoundStatus(LabelledEnum):
    OPEN = "open", "Đang bỏ phiếu"
    CLOSED = "closed", "Đã kiểm phiếu"


class BallotChoice(LabelledEnum):
    AGREE = "agree", "Đồng ý"
    DISAGREE = "disagree", "Không đồng ý"


class BallotRound(Base):
    """One round for one award type; its rule data is copied when it opens, so a later
    change to the award type cannot move a result already counted."""

    __tablename__ = "ballot_rounds"
    __table_args__ = (
        UniqueConstraint("council_id", "award_type_id", "number"),
        CheckConstraint("threshold > 0 AND threshold <= 1", name="threshold"),
        CheckConstraint("quorum_ratio > 0 AND quorum_ratio <= 1", name="quorum"),
    )

    id: Mapped[intpk]
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id", ondelete="CASCADE"), index=True)
    award_type_id: Mapped[int] = mapped_column(ForeignKey("award_types.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[RoundStatus] = mapped_column(enum_column(RoundStatus), default=RoundStatus.OPEN)
    threshold: Mapped[Decimal] = mapped_column(Numeric(5, 4))
    base: Mapped[BallotBase] = mapped_column(enum_column(BallotBase))
    quorum_ratio: Mapped[Decimal] = mapped_column(Numeric(5, 4))
    members_total: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[created_at]
    closed_at: Mapped[datetime | None]

    council: Mapped[Council] = relationship()
    award_type: Mapped[AwardType] = relationship()
    items: Mapped[list[BallotRoundItem]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="BallotRoundItem.id"
    )
    participations: Mapped[list[BallotParticipation]] = relationship(
        back_populates="round", cascade="all, delete-orphan"
    )

    @property
    def is_open(self) -> bool:
        return self.status is RoundStatus.OPEN

    @property
    def threshold_percent(self) -> float:
        return float(self.threshold) * 100

    @property
    def quorum_percent(self) -> float:
        return float(self.quorum_ratio) * 100


class BallotRoundItem(Base):
    """A nomination on the ballot paper of a round."""

    __tablename__ = "ballot_round_items"
    __table_args__ = (UniqueConstraint("round_id", "nomination_id"),)

    id: Mapped[intpk]
    round_id: Mapped[int] = mapped_column(ForeignKey("ballot_rounds.id", ondelete="CASCADE"), index=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nominations.id", ondelete="CASCADE"), index=True)

    round: Mapped[BallotRound] = relationship(back_populates="items")
    nomination: Mapped[Nomination] = relationship()


def _random_id() -> str:
    return uuid.uuid4().hex


class Ballot(Base):
    """One anonymous choice on one nomination. Deliberately: no member, no time, random id."""

    __tablename__ = "ballots"
    __table_args__ = {"sqlite_with_rowid": False}

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_random_id)
    round_item_id: Mapped[int] = mapped_column(ForeignKey("ballot_round_items.id", ondelete="CASCADE"), index=True)
    choice: Mapped[BallotChoice] = mapped_column(enum_column(BallotChoice))
    is_written: Mapped[bool] = mapped_column(default=False)


class BallotParticipation(Base):
    """Attendance and participation of one member in one round (never the choice)."""

    __tablename__ = "ballot_participations"
    __table_args__ = (UniqueConstraint("round_id", "member_id"),)

    id: Mapped[intpk]
    round_id: Mapped[int] = mapped_column(ForeignKey("ballot_rounds.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("council_members.id", ondelete="CASCADE"), index=True)
    is_present: Mapped[bool] = mapped_column(default=False)
    has_voted: Mapped[bool] = mapped_column(default=False)
    sent_written_opinion: Mapped[bool] = mapped_column(default=False)

    round: Mapped[BallotRound] = relationship(back_populates="participations")
    member: Mapped[CouncilMember] = relationship()
