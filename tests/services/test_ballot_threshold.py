"""Threshold arithmetic of the secret ballot, parametrised over base and quorum."""
from decimal import Decimal

import pytest

from app.models import BallotBase
from app.services.ballot import FAILED, PASSED, UNDECIDED, evaluate_threshold

B = BallotBase


@pytest.mark.parametrize(("base", "agree_present", "agree_written", "cast", "threshold", "expected", "count"), [
    # 9 members, 7 present (6 agree), 2 absent wrote in (both agree), 9 ballots in all.
    (B.ALL_MEMBERS, 6, 2, 9, "0.9", FAILED, 9),    # 8/9 = 88.9 % < 90 %
    (B.ALL_MEMBERS, 7, 2, 9, "0.9", PASSED, 9),    # 9/9
    (B.PRESENT, 6, 2, 9, "0.8", PASSED, 7),        # 6/7 = 85.7 % ≥ 80 % (written not in this base)
    (B.PRESENT, 5, 2, 9, "0.8", FAILED, 7),        # 5/7 = 71.4 %
    (B.VALID_BALLOTS, 6, 2, 9, "0.8889", PASSED, 9),  # 8/9 = 0.88888… ≥ 0.8889? no → see below
    (B.VALID_BALLOTS, 4, 0, 8, "0.5", PASSED, 8),  # 4/8 = 50 % exactly: ≥ passes
    (B.VALID_BALLOTS, 3, 0, 8, "0.5", FAILED, 8),
])
def test_threshold_by_base(base, agree_present, agree_written, cast, threshold, expected, count):
    res = evaluate_threshold(agree_present=agree_present, agree_written=agree_written, ballots_cast=cast,
                             eligible_total=9, eligible_present=7, members_total=9, members_present=7,
                             base=base, threshold=Decimal(threshold), quorum_ratio=Decimal("0.6667"))
    if threshold == "0.8889":  # exact rationals: 8/9 < 0.8889
        expected = FAILED
    assert res.outcome == expected
    assert res.base_count == count


@pytest.mark.parametrize(("present", "quorum", "expected"), [
    (6, "0.6667", UNDECIDED),  # 6 < 0.6667 × 9 = 6.0003
    (7, "0.6667", PASSED),
    (5, "0.5", PASSED),        # 5 ≥ 4.5
    (4, "0.5", UNDECIDED),
    (9, "1", PASSED),
    (8, "1", UNDECIDED),
])
def test_quorum(present, quorum, expected):
    res = evaluate_threshold(agree_present=present, agree_written=0, ballots_cast=present, eligible_total=9,
                             eligible_present=present, members_total=9, members_present=present,
                             base=B.PRESENT, threshold=Decimal("0.5"), quorum_ratio=Decimal(quorum))
    assert res.outcome == expected


def test_no_ballots_is_undecided():
    res = evaluate_threshold(agree_present=0, agree_written=0, ballots_cast=0, eligible_total=9, eligible_present=9,
                             members_total=9, members_present=9, base=B.VALID_BALLOTS, threshold=Decimal("0.5"),
                             quorum_ratio=Decimal("0.5"))
    assert res.outcome == UNDECIDED


def test_explanation_is_vietnamese():
    res = evaluate_threshold(agree_present=8, agree_written=0, ballots_cast=9, eligible_total=9, eligible_present=9,
                             members_total=9, members_present=9, base=B.ALL_MEMBERS, threshold=Decimal("0.9"),
                             quorum_ratio=Decimal("0.6667"))
    assert res.explanation == "8/9 (tổng số thành viên hội đồng) = 88,89% < 90,00%"
