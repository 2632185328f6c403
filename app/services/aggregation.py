"""Aggregation of council scores.

Per member: each sheet's total = Σ scored + min(Σ bonus, bonus cap) − Σ (occurrences ×
penalty points), floored at 0; any knockout marks the nominee knocked out. The totals are
stored on the sheet (app/services/sheet_totals.py) and read here, one row per sheet; a
sheet without stored totals has them computed from its scores. Only submitted,
non-excluded sheets count.

Across members (Python, on the per-member totals), the campaign chooses:
* mean; * median; * trimmed mean — with ≥ 5 totals drop one highest and one lowest, then mean
  (fewer than 5: plain mean);
* z-score — each member's totals (per subject type) are standardised with that member's mean
  and population standard deviation (a member whose totals are all equal gets z = 0), the
  nominee's z-scores are averaged, and the average is mapped back to the raw scale with the
  mean and population standard deviation of all members' totals of that subject type:
  adjusted = μ_all + z̄ · σ_all, floored at 0.
The spread is the population standard deviation of a nominee's member totals.
"""
from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from operator import mul
from typing import NamedTuple

from sqlalchemy import Float, cast, false, select

from app.extensions import db
from app.models import AggregationMethod, Council, Nomination, ScoreSheet, SheetStatus
from app.services.sheet_totals import compute_totals

SCALE = 10_000  # totals have at most 4 decimals (see sheet_totals)


class MemberTotal(NamedTuple):  # a tuple: 75,000 of them are built per ranking
    nomination_id: int
    member_id: int
    scored: float
    bonus: float  # after the cap
    penalty: float
    knocked_out: bool
    total: float


def member_totals(council: Council, *, nomination_ids: Iterable[int] | None = None) -> list[MemberTotal]:
    """Per-member totals of the counted sheets: one indexed read of the stored totals, as plain
    tuples (no ORM objects); sheets without stored totals are computed in one GROUP BY."""
    t = ScoreSheet.__table__.c
    counted = [t.council_id == council.id, t.status == SheetStatus.SUBMITTED.value, t.is_excluded == false()]
    if nomination_ids is not None:
        counted.append(t.nomination_id.in_(list(nomination_ids)))
    rows = db.session.execute(select(
        t.nomination_id, t.member_id, cast(t.total_scored, Float), cast(t.total_bonus, Float),
        cast(t.total_penalty, Float), t.knocked_out, cast(t.total, Float)).where(*counted)).all()
    out = [MemberTotal(*row) for row in rows if row[6] is not None]
    if len(out) < len(rows):
        unstored = select(t.id).where(*counted, t.total.is_(None))
        owner = {sid: (nid, mid) for sid, nid, mid in db.session.execute(
            select(t.id, t.nomination_id, t.member_id).where(*counted, t.total.is_(None)))}
        computed = compute_totals(unstored)
        for sid, (nid, mid) in owner.items():
            c = computed.get(sid)
            out.append(MemberTotal(nid, mid, float(c.scored), float(c.bonus), float(c.penalty), c.knocked_out,
                                   float(c.total)) if c else MemberTotal(nid, mid, 0.0, 0.0, 0.0, False, 0.0))
    return out


def mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def trimmed_mean(values: Sequence[float]) -> float:
    """Drop one highest and one lowest when there are at least 5 values."""
    if len(values) < 5:
        return mean(values)
    return mean(sorted(values)[1:-1])


def pstdev(values: Sequence[float]) -> float:
    """Population standard deviation of totals, exactly: they have at most 4 decimals, so in
    units of 0.0001 they are integers and n²·variance = n·Σk² − (Σk)² is an exact integer.
    (statistics.pstdev, exact on the binary floats, agrees to the last bit or so but turns
    every value into a Fraction: too slow for 75,000 totals.)"""
    n = len(values)
    if n < 2:
        return 0.0
    ks = [round(v * SCALE) for v in values]
    s = sum(ks)
    return math.sqrt(n * sum(map(mul, ks, ks)) - s * s) / (n * SCALE)


def spread(values: Sequence[float]) -> float:
    """Population standard deviation (0 for a single value)."""
    return pstdev(values)


def zscore_adjusted(totals: Sequence[MemberTotal], subject_of: dict[int, str]) -> dict[int, float]:
    """Adjusted score per nomination by z-score normalisation (see module docstring)."""
    by_member: dict[tuple[int, str], list[float]] = {}
    by_subject: dict[str, list[float]] = {}
    for t in totals:
        key = (t.member_id, subject_of[t.nomination_id])
        by_member.setdefault(key, []).append(t.total)
        by_subject.setdefault(key[1], []).append(t.total)
    stats = {k: (mean(v), pstdev(v)) for k, v in by_member.items()}
    zs: dict[int, list[float]] = {}
    for t in totals:
        mu, sd = stats[(t.member_id, subject_of[t.nomination_id])]
        zs.setdefault(t.nomination_id, []).append((t.total - mu) / sd if sd > 0 else 0.0)
    overall = {st: (mean(v), pstdev(v)) for st, v in by_subject.items()}
    out = {}
    for nid, z in zs.items():
        mu_all, sd_all = overall[subject_of[nid]]
        out[nid] = max(0.0, mu_all + mean(z) * sd_all)
    return out


def aggregate(method: AggregationMethod, values: Sequence[float]) -> float:
    """Mean, median or trimmed mean of one nominee's totals (z-score needs every nominee)."""
    if method is AggregationMethod.MEDIAN:
        return median(values)
    if method is AggregationMethod.TRIMMED_MEAN:
        return trimmed_mean(values)
    return mean(values)


def subject_types(nomination_ids: Iterable[int]) -> dict[int, str]:
    ids = list(nomination_ids)
    return {nid: st.value for nid, st in db.session.execute(
        select(Nomination.id, Nomination.subject_type).where(Nomination.id.in_(ids)))} if ids else {}
