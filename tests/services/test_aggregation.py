"""Aggregation methods against hand-computed examples, and the SQL per-member totals."""
from decimal import Decimal

import pytest

from app.models import AggregationMethod, CriterionKind, NominationStatus, SubjectType
from app.services import aggregation as agg
from app.services.aggregation import MemberTotal
from tests.builders.council import criteria_ids


def test_mean_median_trimmed_spread_by_hand():
    v = [70.0, 80.0, 90.0, 60.0, 100.0]
    assert agg.mean(v) == 80.0
    assert agg.median(v) == 80.0
    assert agg.median([1.0, 2.0, 3.0, 10.0]) == 2.5
    # ≥ 5 values: drop 100 and 60 → (70 + 80 + 90) / 3
    assert agg.trimmed_mean([60.0, 70.0, 80.0, 90.0, 100.0, 100.0]) == pytest.approx((70 + 80 + 90 + 100) / 4)
    assert agg.trimmed_mean(v) == 80.0
    assert agg.trimmed_mean([10.0, 20.0, 90.0, 95.0]) == pytest.approx(53.75)  # < 5: plain mean
    assert agg.spread([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]) == 2.0  # population std dev
    assert agg.spread([50.0]) == 0.0


def test_aggregate_dispatch():
    v = [10.0, 20.0, 30.0, 40.0, 100.0]
    assert agg.aggregate(AggregationMethod.MEAN, v) == 40.0
    assert agg.aggregate(AggregationMethod.MEDIAN, v) == 30.0
    assert agg.aggregate(AggregationMethod.TRIMMED_MEAN, v) == 30.0


def test_zscore_by_hand():
    # Member 1 is harsh (50, 60), member 2 lenient (80, 90): both rank B above A by the same margin.
    totals = [MemberTotal(1, 1, 0, 0, 0, False, 50.0), MemberTotal(2, 1, 0, 0, 0, False, 60.0),
              MemberTotal(1, 2, 0, 0, 0, False, 80.0), MemberTotal(2, 2, 0, 0, 0, False, 90.0)]
    out = agg.zscore_adjusted(totals, {1: "collective", 2: "collective"})
    # z: nomination 1 → (-1, -1), nomination 2 → (+1, +1); all totals: μ = 70, σ = sqrt(250) ≈ 15.811
    assert out[1] == pytest.approx(70 - 250 ** 0.5)
    assert out[2] == pytest.approx(70 + 250 ** 0.5)


def test_zscore_constant_member_gets_zero():
    totals = [MemberTotal(1, 1, 0, 0, 0, False, 70.0), MemberTotal(2, 1, 0, 0, 0, False, 70.0)]
    out = agg.zscore_adjusted(totals, {1: "individual", 2: "individual"})
    assert out == {1: 70.0, 2: 70.0}


def test_member_totals_in_sql_cap_penalty_floor_knockout(db, make_sheet, make_council, make_nomination, submit_scores,
                                                        make_unit):
    council = make_council(size=2)
    sheet = make_sheet(council.campaign, subject_type=SubjectType.COLLECTIVE, bonus_cap=5, criteria=[
        ("A", 40), ("B", 60), ("Thưởng 1", 4, CriterionKind.BONUS), ("Thưởng 2", 4, CriterionKind.BONUS),
        {"title": "Trễ hạn", "kind": CriterionKind.PENALTY, "penalty_points": 2},
        ("Liệt", 0, CriterionKind.KNOCKOUT)])
    c = criteria_ids(sheet)
    n1 = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, unit=make_unit("Xã A"))
    n2 = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, unit=make_unit("Xã B"),
                         award_type=n1.award_type)
    m1, m2 = council.members
    # 30 + 50 + min(4 + 4, 5) − 2×2 = 81
    submit_scores(m1, n1, {c["A"]: 30, c["B"]: 50, c["Thưởng 1"]: 4, c["Thưởng 2"]: 4, c["Trễ hạn"]: 2, c["Liệt"]: 0})
    # 1 + 0 − 5×2 → floored at 0, knocked out
    submit_scores(m1, n2, {c["A"]: 1, c["B"]: 0, c["Trễ hạn"]: 5, c["Liệt"]: 1})
    submit_scores(m2, n1, {c["A"]: 39.5, c["B"]: 59.25}, submitted=False)  # draft: not counted
    got = {(t.nomination_id, t.member_id): t for t in agg.member_totals(council)}
    assert set(got) == {(n1.id, m1.id), (n2.id, m1.id)}
    assert got[(n1.id, m1.id)].total == 81.0 and got[(n1.id, m1.id)].bonus == 5.0
    assert got[(n2.id, m1.id)].total == 0.0 and got[(n2.id, m1.id)].knocked_out
    assert not got[(n1.id, m1.id)].knocked_out
    assert Decimal(str(got[(n1.id, m1.id)].penalty)) == Decimal("4.0")
