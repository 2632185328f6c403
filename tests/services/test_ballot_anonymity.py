"""The secret ballot is anonymous by construction: schema inspection and a full round."""
from decimal import Decimal

from sqlalchemy import inspect, select

from app.models import (
    Ballot, BallotBase, BallotChoice, BallotParticipation, NominationStatus, Role,
)
from app.services.ballot import PASSED, cast_ballots, close_round, open_round, record_written_opinions, tally_round
from app.services.errors import ServiceError

VOTER_COLUMNS = {"member_id", "user_id", "voter_id", "actor_id", "created_at", "at", "voted_at"}


def test_no_path_from_ballots_to_members(db):
    """A ballot's only link is its round item; the item's and the round's links are shared by every
    ballot on that item (nomination, round, council), so no join can tell two voters apart."""
    insp = inspect(db.engine)
    assert {c["name"] for c in insp.get_columns("ballots")} == {"id", "round_item_id", "choice", "is_written"}
    assert [(fk["constrained_columns"], fk["referred_table"]) for fk in insp.get_foreign_keys("ballots")] == \
        [(["round_item_id"], "ballot_round_items")]
    assert {fk["referred_table"] for fk in insp.get_foreign_keys("ballot_round_items")} == {"ballot_rounds", "nominations"}
    assert {fk["referred_table"] for fk in insp.get_foreign_keys("ballot_rounds")} == {"councils", "award_types"}
    for table in ("ballots", "ballot_round_items", "ballot_rounds"):
        assert not {c["name"] for c in insp.get_columns(table)} & VOTER_COLUMNS, table
    # Nothing points at a ballot (participation in particular): no path back from a member.
    for table in insp.get_table_names():
        assert all(fk["referred_table"] != "ballots" for fk in insp.get_foreign_keys(table)), table
    # Participation knows the member and the round, never an item or a ballot.
    part_cols = {c["name"] for c in insp.get_columns("ballot_participations")}
    assert part_cols == {"id", "round_id", "member_id", "is_present", "has_voted", "sent_written_opinion"}
    # Random text primary key, no integer sequence to order ballots by.
    assert [c["type"].python_type for c in insp.get_columns("ballots") if c["name"] == "id"] == [str]


def test_round_votes_once_and_counts(db, make_council, make_nomination, make_award_type):
    award = make_award_type("CSTD_TP_T", scope=__import__("app.models", fromlist=["SubjectScope"]).SubjectScope.BOTH,
                            requires_secret_ballot=True, ballot_threshold=Decimal("0.75"),
                            ballot_base=BallotBase.ALL_MEMBERS, quorum_ratio=Decimal("0.5"))
    council = make_council(size=4)
    n = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, award_type=award)
    sec = council.members[-1]
    rnd = open_round(council, award_type=award, nominations=[n],
                     present_member_ids={m.id for m in council.members[:3]}, by=sec.user)
    item = rnd.items[0]
    for m, choice in zip(council.members[:3], [BallotChoice.AGREE, BallotChoice.AGREE, BallotChoice.DISAGREE]):
        cast_ballots(rnd, member=m, choices={item.id: choice}, by=m.user)
    try:
        cast_ballots(rnd, member=council.members[0], choices={item.id: BallotChoice.AGREE}, by=council.members[0].user)
        raise AssertionError("voted twice")
    except ServiceError:
        pass
    record_written_opinions(rnd, member_ids={council.members[3].id}, counts={item.id: (1, 0)}, by=sec.user)
    before = set(db.session.scalars(select(Ballot.id)))
    close_round(rnd, by=sec.user)
    after = set(db.session.scalars(select(Ballot.id)))
    assert len(after) == 4 and not before & after  # resealed with fresh ids
    t = tally_round(rnd)[0]
    assert (t.agree, t.disagree, t.agree_written) == (3, 1, 1)
    assert t.result.outcome == PASSED  # 3/4 = 75 %
    parts = db.session.scalars(select(BallotParticipation)).all()
    assert sum(p.has_voted for p in parts) == 3 and sum(p.sent_written_opinion for p in parts) == 1
    from app.models import AuditEntry

    summaries = [a.summary for a in db.session.scalars(select(AuditEntry).where(AuditEntry.action == "ballot.voted"))]
    assert summaries and all(s.endswith("đã bỏ phiếu") and "Đồng ý" not in s for s in summaries)
    assert Role  # noqa: B018
