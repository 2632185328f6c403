"""Stored sheet totals: always equal to the totals recomputed from the scores, after every
save, submit, reopen and criteria edit; and council results follow every change."""
import random
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from app.extensions import db
from app.models import CriterionKind, NominationStatus, ScoreSheet, SubjectType
from app.services import aggregation as agg
from app.services import criteria as criteria_service
from app.services.ranking import council_results
from app.services.scoring import reopen_sheet, save_scores, submit_sheet
from app.services.sheet_totals import EMPTY, SheetTotals, compute_totals, refresh_totals
from tests.builders.council import criteria_ids

D = Decimal


@pytest.fixture()
def board(db, make_council, make_sheet, make_nomination, make_unit, make_user, assign):
    """A council of 3, a collective sheet (bonus cap 5, penalty 2 per time, a knockout), two
    nominees every member scores."""
    council = make_council(size=3)
    sheet = make_sheet(council.campaign, subject_type=SubjectType.COLLECTIVE, bonus_cap=5, criteria=[
        ("A", 40), ("B", 60), ("Thưởng 1", 4, CriterionKind.BONUS), ("Thưởng 2", 4, CriterionKind.BONUS),
        {"title": "Trễ hạn", "kind": CriterionKind.PENALTY, "penalty_points": 2},
        ("Liệt", 0, CriterionKind.KNOCKOUT)])
    n1 = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, unit=make_unit("Xã A"))
    n2 = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, unit=make_unit("Xã B"),
                         award_type=n1.award_type)
    for m in council.members:
        for n in (n1, n2):
            assign(council, m, n)
    secretary = make_user(full_name="Thư ký")
    return council, sheet, criteria_ids(sheet), (n1, n2), secretary


def stored(sheet: ScoreSheet) -> SheetTotals | None:
    """The totals as the database holds them (not the ORM's copy)."""
    t = ScoreSheet.__table__.c
    row = db.session.execute(select(t.total_scored, t.total_bonus, t.total_penalty, t.total, t.knocked_out)
                             .where(t.id == sheet.id)).one()
    return None if row.total is None else SheetTotals(*row)


def recomputed(sheet: ScoreSheet) -> SheetTotals:
    return compute_totals([sheet.id]).get(sheet.id, EMPTY)


def by_hand(values: dict[str, float], cap: float = 5, penalty_points: float = 2) -> SheetTotals:
    """An independent reference for the formula (the board's criteria)."""
    scored = D(str(values.get("A", 0))) + D(str(values.get("B", 0)))
    bonus = min(D(str(values.get("Thưởng 1", 0))) + D(str(values.get("Thưởng 2", 0))), D(str(cap)))
    penalty = D(str(values.get("Trễ hạn", 0))) * D(str(penalty_points))
    return SheetTotals(scored, bonus, penalty, max(D(0), scored + bonus - penalty), values.get("Liệt", 0) > 0)


def save(member, nomination, c, values: dict[str, float | str], by) -> ScoreSheet:
    sheet, _ = save_scores(member, nomination, values={f"c{c[k]}": str(v) for k, v in values.items()},
                           comment=None, by=by)
    return sheet


def test_save_submit_reopen_keep_stored_totals_equal_to_recomputed(db, board):
    council, _, c, (n1, _), sec = board
    m = council.members[0]
    sheet = save(m, n1, c, {"A": 30, "Thưởng 1": 4}, m.user)  # a partial draft
    assert stored(sheet) == recomputed(sheet) == by_hand({"A": 30, "Thưởng 1": 4})
    version = sheet.version_id
    sheet = save(m, n1, c, {"A": "", "B": 50.25, "Thưởng 2": 3.5, "Trễ hạn": 2}, m.user)  # "" clears A
    assert stored(sheet) == recomputed(sheet) == by_hand({"B": 50.25, "Thưởng 1": 4, "Thưởng 2": 3.5, "Trễ hạn": 2})
    assert sheet.version_id == version + 1  # storing totals is not a second edit of the sheet
    assert sheet.total == D("51.2500") and not db.session.is_modified(sheet)  # the loaded object is in step

    sheet = save(m, n1, c, {"A": 30}, m.user)
    submit_sheet(sheet, by=m.user)  # the knockout and any empty criterion are stored as 0
    expected = by_hand({"A": 30, "B": 50.25, "Thưởng 1": 4, "Thưởng 2": 3.5, "Trễ hạn": 2})
    assert stored(sheet) == recomputed(sheet) == expected and expected.total == D("81.25")

    reopen_sheet(sheet, reason="Nhập nhầm điểm trừ", by=sec)
    assert stored(sheet) == recomputed(sheet) == expected
    sheet = save(m, n1, c, {"Trễ hạn": 50, "Liệt": 1}, m.user)  # floored at 0, knocked out
    assert stored(sheet) == recomputed(sheet)
    assert stored(sheet).total == 0 and stored(sheet).knocked_out


def test_criteria_edits_refresh_the_stored_totals(db, board):
    council, sheet, c, (n1, n2), _ = board
    m1, m2, _ = council.members
    a = submit_sheet(save(m1, n1, c, {"A": 20, "B": 30, "Thưởng 1": 4, "Thưởng 2": 4, "Trễ hạn": 3}, m1.user),
                     by=m1.user)
    b = save(m2, n2, c, {"A": 10, "Trễ hạn": 1}, m2.user)  # a draft is kept in step too
    admin = council.members[2].user
    penalty = next(x for x in sheet.criteria if x.title == "Trễ hạn")
    criteria_service.update_criterion(penalty, by=admin, title=penalty.title, code="", guidance="",
                                      max_points=penalty.max_points, penalty_points=D("1.5"))
    assert stored(a) == recomputed(a) == by_hand({"A": 20, "B": 30, "Thưởng 1": 4, "Thưởng 2": 4, "Trễ hạn": 3},
                                                  penalty_points=1.5)
    assert stored(b) == recomputed(b) == by_hand({"A": 10, "Trễ hạn": 1}, penalty_points=1.5)
    criteria_service.set_bonus_cap(sheet, by=admin, bonus_cap=D("7.5"))
    assert stored(a) == recomputed(a) and stored(a).bonus == D("7.5")
    assert {t.total for t in agg.member_totals(council)} == {float(stored(a).total)}


def test_results_follow_every_change(db, board):
    council, _, c, (n1, n2), sec = board
    m1, m2, m3 = council.members

    def row(n):
        return next(r for r in council_results(council).rows if r.nomination.id == n.id)

    assert row(n1).adjusted is None
    s1 = submit_sheet(save(m1, n1, c, {"A": 30, "B": 50}, m1.user), by=m1.user)
    assert row(n1).adjusted == 80.0 and row(n1).sheets == 1 and row(n1).computed_approve is None  # 1/3 sheets
    submit_sheet(save(m2, n1, c, {"A": 40, "B": 60}, m2.user), by=m2.user)
    assert row(n1).adjusted == 90.0 and row(n1).spread == 10.0
    reopen_sheet(s1, reason="Xem lại", by=sec)
    assert row(n1).adjusted == 100.0 and row(n1).sheets == 1
    submit_sheet(save(m1, n1, c, {"A": 0, "B": 20}, m1.user), by=m1.user)
    assert row(n1).adjusted == 60.0
    submit_sheet(save(m3, n1, c, {"A": 10, "B": 10, "Liệt": 1}, m3.user), by=m3.user)
    assert row(n1).knocked_out and row(n1).rank is None and row(n1).computed_approve is False
    submit_sheet(save(m1, n2, c, {"A": 1, "B": 1}, m1.user), by=m1.user)
    assert row(n2).rank == 1


def test_stored_and_unstored_sheets_aggregate_identically(db, board, submit_scores):
    """Random sheets through the service; then the same totals computed with nothing stored."""
    council, _, c, noms, _ = board
    rng = random.Random(5)
    for m in council.members:
        for n in noms:
            values = {"A": rng.randint(0, 4000) / 100, "B": rng.randint(0, 6000) / 100,
                      "Thưởng 1": rng.choice([0, 1.5, 4]), "Thưởng 2": rng.choice([0, 2.25, 4]),
                      "Trễ hạn": rng.choice([0, 0, 1, 3]), "Liệt": rng.choice([0] * 5 + [1])}
            sheet = submit_sheet(save(m, n, c, values, m.user), by=m.user)
            assert stored(sheet) == recomputed(sheet) == by_hand(values)
    with_stored = sorted(agg.member_totals(council), key=lambda t: (t.nomination_id, t.member_id))
    db.session.execute(update(ScoreSheet).values(total=None))
    db.session.expire_all()
    computed = sorted(agg.member_totals(council), key=lambda t: (t.nomination_id, t.member_id))
    assert with_stored == computed and len(computed) == 6


def test_unstored_sheets_count_and_refresh_stores_them(db, board, submit_scores):
    """Sheets written without the scoring service (imports, builders) have no stored totals yet."""
    council, _, c, (n1, n2), _ = board
    m1, m2, _ = council.members
    a = submit_scores(m1, n1, {c["A"]: 30, c["B"]: 50, c["Thưởng 1"]: 4, c["Thưởng 2"]: 4, c["Trễ hạn"]: 2})
    b = submit_scores(m2, n1, {})  # no score at all: total 0
    assert stored(a) is None and stored(b) is None
    got = {t.member_id: t.total for t in agg.member_totals(council)}
    assert got == {m1.id: 81.0, m2.id: 0.0}
    assert refresh_totals(select(ScoreSheet.id)) == 2
    assert stored(a) == by_hand({"A": 30, "B": 50, "Thưởng 1": 4, "Thưởng 2": 4, "Trễ hạn": 2})
    assert stored(b) == EMPTY
    assert {t.member_id: t.total for t in agg.member_totals(council)} == got


def test_pstdev_matches_statistics():
    import statistics

    rng = random.Random(3)
    for n in (2, 3, 15, 200):
        values = [rng.randint(0, 1_000_000) / 10_000 for _ in range(n)]
        assert agg.pstdev(values) == pytest.approx(statistics.pstdev(values), rel=1e-12, abs=1e-12)
    assert agg.pstdev([70.0, 70.0, 70.0]) == 0.0 and agg.pstdev([5.0]) == 0.0
