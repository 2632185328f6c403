"""The secret ballot: opening a round, casting anonymous ballots, written opinions, tally.

See app/models/ballot.py for the anonymity design. Counting rules (rule data is copied onto
the round when it opens):
* quorum — members present ≥ quorum_ratio × all members (members_total); without it the
  round decides nothing (UNDECIDED) and a further round can be held;
* eligible voters on an item exclude members in conflict of interest with that nomination;
* base ALL_MEMBERS: agree (in person + written) / eligible members;
  base PRESENT: agree in person / eligible members present (written opinions are from absent
  members, so they are not part of this base); base VALID_BALLOTS: agree / all ballots cast
  on the item (in person + written);
* passed when agree ≥ threshold × base (exact rational arithmetic, no rounding); a base of
  0 decides nothing.
"""
from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import func, select

from app.extensions import db
from app.models import (
    AwardType, Ballot, BallotBase, BallotChoice, BallotParticipation, BallotRound, BallotRoundItem, Council,
    CouncilMember, Nomination, RoundStatus, User,
)
from app.models.base import utcnow
from app.services.audit import record_audit
from app.services.conflicts import conflict_map
from app.services.errors import ServiceError

PASSED, FAILED, UNDECIDED = "passed", "failed", "undecided"
OUTCOME_LABELS = {PASSED: "Đạt", FAILED: "Không đạt", UNDECIDED: "Chưa quyết định được"}


@dataclass(frozen=True)
class ThresholdResult:
    outcome: str
    agree: int
    base_count: int
    ratio: Fraction | None
    explanation: str

    @property
    def ratio_percent(self) -> float:
        return float(self.ratio * 100) if self.ratio is not None else 0.0

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self.outcome]


def evaluate_threshold(*, agree_present: int, agree_written: int, ballots_cast: int, eligible_total: int,
                       eligible_present: int, members_total: int, members_present: int, base: BallotBase,
                       threshold: Decimal, quorum_ratio: Decimal) -> ThresholdResult:
    """Pure arithmetic of one item's result (see module docstring)."""
    if Fraction(members_present) < Fraction(quorum_ratio) * members_total:
        return ThresholdResult(UNDECIDED, agree_present + agree_written, 0, None,
                               f"Không đủ số thành viên dự họp: {members_present}/{members_total} "
                               f"< {float(quorum_ratio) * 100:.2f}%".replace(".", ","))
    if base is BallotBase.ALL_MEMBERS:
        agree, count = agree_present + agree_written, eligible_total
    elif base is BallotBase.PRESENT:
        agree, count = agree_present, eligible_present
    else:
        agree, count = agree_present + agree_written, ballots_cast
    if count == 0:
        return ThresholdResult(UNDECIDED, agree, 0, None, "Không có phiếu để tính tỷ lệ.")
    ratio = Fraction(agree, count)
    ok = ratio >= Fraction(threshold)
    pct = f"{float(ratio) * 100:.2f}".replace(".", ",")
    need = f"{float(threshold) * 100:.2f}".replace(".", ",")
    return ThresholdResult(PASSED if ok else FAILED, agree, count, ratio,
                           f"{agree}/{count} ({base.label.lower()}) = {pct}% {'≥' if ok else '<'} {need}%")


def open_round(council: Council, *, award_type: AwardType, nominations: list[Nomination], present_member_ids: set[int],
               by: User) -> BallotRound:
    if not council.is_open:
        raise ServiceError("Hội đồng đã kết thúc.")
    if not award_type.requires_secret_ballot:
        raise ServiceError(f"{award_type.name} không phải bỏ phiếu kín.")
    if not nominations:
        raise ServiceError("Cần chọn ít nhất một hồ sơ để bỏ phiếu.", "nomination_ids")
    if any(n.award_type_id != award_type.id or n.campaign_id != council.campaign_id for n in nominations):
        raise ServiceError("Hồ sơ không thuộc hình thức khen thưởng hoặc đợt thi đua này.", "nomination_ids")
    if db.session.scalar(select(BallotRound.id).where(BallotRound.council_id == council.id,
                                                      BallotRound.award_type_id == award_type.id,
                                                      BallotRound.status == RoundStatus.OPEN)):
        raise ServiceError("Đang có một vòng bỏ phiếu mở cho hình thức này; hãy kiểm phiếu trước.")
    decided = passed_nomination_ids(council)
    if any(n.id in decided for n in nominations):
        raise ServiceError("Có hồ sơ đã đạt ở vòng trước.", "nomination_ids")
    member_ids = {m.id for m in council.members}
    if not present_member_ids <= member_ids:
        raise ServiceError("Danh sách có mặt có người không thuộc Hội đồng.", "present")
    number = (db.session.scalar(select(func.max(BallotRound.number)).where(
        BallotRound.council_id == council.id, BallotRound.award_type_id == award_type.id)) or 0) + 1
    rnd = BallotRound(council=council, award_type=award_type, number=number,
                      threshold=award_type.ballot_threshold or Decimal("0.5"),
                      base=award_type.ballot_base or BallotBase.ALL_MEMBERS,
                      quorum_ratio=award_type.quorum_ratio or council.quorum_ratio,
                      members_total=len(council.members))
    rnd.items = [BallotRoundItem(nomination_id=n.id) for n in nominations]
    rnd.participations = [BallotParticipation(member_id=m.id, is_present=m.id in present_member_ids)
                          for m in council.members]
    db.session.add(rnd)
    record_audit("ballot.round_opened", by=by, obj=rnd,
                 summary=f"Mở vòng {number} bỏ phiếu kín {award_type.name}: {len(nominations)} hồ sơ, "
                         f"{len(present_member_ids)}/{len(member_ids)} có mặt")
    return rnd


def votable_items(rnd: BallotRound, member: CouncilMember) -> list[BallotRoundItem]:
    """The items a member may vote on: all but their conflicts."""
    conflicts = conflict_map(rnd.council, member_ids={member.id})
    return [i for i in rnd.items if (member.id, i.nomination_id) not in conflicts]


def participation_of(rnd: BallotRound, member: CouncilMember) -> BallotParticipation | None:
    return next((p for p in rnd.participations if p.member_id == member.id), None)


def cast_ballots(rnd: BallotRound, *, member: CouncilMember, choices: dict[int, BallotChoice], by: User) -> None:
    """One vote per present member per round, on every item they may vote on, in one flush."""
    if not rnd.is_open:
        raise ServiceError("Vòng bỏ phiếu đã kết thúc.")
    part = participation_of(rnd, member)
    if part is None or not part.is_present:
        raise ServiceError("Chỉ thành viên có mặt mới bỏ phiếu trực tiếp.")
    if part.has_voted:
        raise ServiceError("Bạn đã bỏ phiếu ở vòng này.")
    items = votable_items(rnd, member)
    if set(choices) != {i.id for i in items}:
        raise ServiceError("Cần chọn Đồng ý hoặc Không đồng ý cho từng hồ sơ trên phiếu.", "choices")
    part.has_voted = True
    ballots = [Ballot(id=secrets.token_hex(16), round_item_id=i.id, choice=choices[i.id]) for i in items]
    random.SystemRandom().shuffle(ballots)
    db.session.add_all(ballots)
    db.session.flush()
    rnd.council.change_counter += 1
    # The audit entry says THAT the member voted, never how.
    record_audit("ballot.voted", by=by, object_type="ballot_rounds", object_id=rnd.id,
                 summary=f"{member.user.full_name} đã bỏ phiếu")


def record_written_opinions(rnd: BallotRound, *, member_ids: set[int], counts: dict[int, tuple[int, int]],
                            by: User) -> None:
    """Receipts per absent member, choices only as counts per item: {item_id: (agree, disagree)}."""
    if not rnd.is_open:
        raise ServiceError("Vòng bỏ phiếu đã kết thúc.")
    parts = {p.member_id: p for p in rnd.participations}
    for mid in member_ids:
        p = parts.get(mid)
        if p is None or p.is_present or p.sent_written_opinion:
            raise ServiceError("Chỉ ghi nhận ý kiến bằng văn bản của thành viên vắng mặt, mỗi người một lần.",
                               "member_ids")
    conflicts = conflict_map(rnd.council, member_ids=member_ids)
    items = {i.id: i for i in rnd.items}
    for item_id, (agree, disagree) in counts.items():
        if item_id not in items or agree < 0 or disagree < 0:
            raise ServiceError("Số phiếu không hợp lệ.", "counts")
        eligible = sum(1 for mid in member_ids if (mid, items[item_id].nomination_id) not in conflicts)
        if agree + disagree != eligible:
            raise ServiceError(f"Hồ sơ {items[item_id].nomination.nominee_name}: tổng ý kiến ({agree + disagree}) "
                               f"phải bằng số ý kiến nhận được ({eligible}).", "counts")
    ballots = []
    for item_id, (agree, disagree) in counts.items():
        ballots += [Ballot(id=secrets.token_hex(16), round_item_id=item_id, choice=BallotChoice.AGREE,
                           is_written=True) for _ in range(agree)]
        ballots += [Ballot(id=secrets.token_hex(16), round_item_id=item_id, choice=BallotChoice.DISAGREE,
                           is_written=True) for _ in range(disagree)]
    for mid in member_ids:
        parts[mid].sent_written_opinion = True
    db.session.add_all(ballots)
    rnd.council.change_counter += 1
    names = ", ".join(sorted(p.member.user.full_name for p in rnd.participations if p.member_id in member_ids))
    record_audit("ballot.written_opinions", by=by, object_type="ballot_rounds", object_id=rnd.id,
                 summary=f"Nhận ý kiến bằng văn bản của: {names}")


def close_round(rnd: BallotRound, *, by: User) -> None:
    """Count and seal: ballots are rewritten shuffled with fresh ids (see the model docstring)."""
    if not rnd.is_open:
        raise ServiceError("Vòng bỏ phiếu đã kết thúc.")
    item_ids = [i.id for i in rnd.items]
    kept = [(b.round_item_id, b.choice, b.is_written)
            for b in db.session.scalars(select(Ballot).where(Ballot.round_item_id.in_(item_ids)))]
    db.session.execute(Ballot.__table__.delete().where(Ballot.round_item_id.in_(item_ids)))
    random.SystemRandom().shuffle(kept)
    if kept:
        db.session.execute(Ballot.__table__.insert(), [
            {"id": secrets.token_hex(16), "round_item_id": i, "choice": c.value, "is_written": w} for i, c, w in kept])
    rnd.status = RoundStatus.CLOSED
    rnd.closed_at = utcnow()
    rnd.council.change_counter += 1
    record_audit("ballot.round_closed", by=by, obj=rnd, summary=f"Kiểm phiếu vòng {rnd.number}")


@dataclass(frozen=True)
class ItemTally:
    item_id: int
    nomination_id: int
    agree_present: int
    disagree_present: int
    agree_written: int
    disagree_written: int
    result: ThresholdResult

    @property
    def agree(self) -> int:
        return self.agree_present + self.agree_written

    @property
    def disagree(self) -> int:
        return self.disagree_present + self.disagree_written


def tally_round(rnd: BallotRound) -> list[ItemTally]:
    counts: dict[tuple[int, str, bool], int] = {
        (i, c, w): n for i, c, w, n in db.session.execute(
            select(Ballot.round_item_id, Ballot.choice, Ballot.is_written, func.count())
            .where(Ballot.round_item_id.in_([i.id for i in rnd.items]))
            .group_by(Ballot.round_item_id, Ballot.choice, Ballot.is_written))}
    present = {p.member_id for p in rnd.participations if p.is_present}
    conflicts = conflict_map(rnd.council)
    out = []
    for item in rnd.items:
        blocked = {mid for mid, nid in conflicts if nid == item.nomination_id}
        g = lambda c, w: counts.get((item.id, c, w), 0)  # noqa: E731
        ap, dp = g(BallotChoice.AGREE, False), g(BallotChoice.DISAGREE, False)
        aw, dw = g(BallotChoice.AGREE, True), g(BallotChoice.DISAGREE, True)
        res = evaluate_threshold(agree_present=ap, agree_written=aw, ballots_cast=ap + dp + aw + dw,
                                 eligible_total=rnd.members_total - len(blocked),
                                 eligible_present=len(present - blocked), members_total=rnd.members_total,
                                 members_present=len(present), base=rnd.base, threshold=rnd.threshold,
                                 quorum_ratio=rnd.quorum_ratio)
        out.append(ItemTally(item.id, item.nomination_id, ap, dp, aw, dw, res))
    return out


def latest_outcomes(council: Council) -> dict[int, tuple[BallotRound, ItemTally]]:
    """For each nomination, its tally in the latest closed round it appeared in."""
    out: dict[int, tuple[BallotRound, ItemTally]] = {}
    rounds = db.session.scalars(select(BallotRound).where(BallotRound.council_id == council.id,
                                                          BallotRound.status == RoundStatus.CLOSED)
                                .order_by(BallotRound.number))
    for rnd in rounds:
        for t in tally_round(rnd):
            out[t.nomination_id] = (rnd, t)
    return out


def passed_nomination_ids(council: Council) -> set[int]:
    return {nid for nid, (_, t) in latest_outcomes(council).items() if t.result.outcome == PASSED}
