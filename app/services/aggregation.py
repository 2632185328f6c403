"""Aggregation of council scores.

Per member (SQL, one GROUP BY over all scores): total = Σ scored + min(Σ bonus, bonus cap)
− Σ (occurrences × penalty points), floored at 0; any knockout marks the nominee knocked out.
Only submitted, non-excluded sheets count.

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
from dataclasses import dataclass

from sqlalchemy import Float, and_, case, cast, false, func, select

from app.extensions import db
from app.models import AggregationMethod, Council, CriteriaSheet, Criterion, Nomination, Score, ScoreSheet, SheetStatus


@dataclass(frozen=True)
class MemberTotal:
    nomination_id: int
    member_id: int
    scored: float
    bonus: float  # after the cap
    penalty: float
    knocked_out: bool
    total: float


def member_totals(council: Council, *, nomination_ids: Iterable[int] | None = None) -> list[MemberTotal]:
    """Per-member totals, computed by the database."""
    kind = Criterion.kind
    value = cast(Score.value, Float)
    inner = (
        select(
            ScoreSheet.nomination_id.label("nid"), ScoreSheet.member_id.label("mid"),
            func.sum(case((kind == "scored", value), else_=0.0)).label("scored"),
            func.sum(case((kind == "bonus", value), else_=0.0)).label("bonus"),
            func.max(cast(CriteriaSheet.bonus_cap, Float)).label("cap"),
            func.sum(case((kind == "penalty", value * cast(Criterion.penalty_points, Float)), else_=0.0)).label("pen"),
            func.max(case((and_(kind == "knockout", Score.value > 0), 1), else_=0)).label("ko"),
        )
        .join(Score, Score.sheet_id == ScoreSheet.id)
        .join(Criterion, Criterion.id == Score.criterion_id)
        .join(CriteriaSheet, CriteriaSheet.id == Criterion.sheet_id)
        .where(ScoreSheet.council_id == council.id, ScoreSheet.status == SheetStatus.SUBMITTED,
               ScoreSheet.is_excluded == false())
        .group_by(ScoreSheet.nomination_id, ScoreSheet.member_id)
    )
    if nomination_ids is not None:
        inner = inner.where(ScoreSheet.nomination_id.in_(list(nomination_ids)))
    sub = inner.subquery()
    capped = case((sub.c.bonus > sub.c.cap, sub.c.cap), else_=sub.c.bonus)
    raw = sub.c.scored + capped - sub.c.pen
    stmt = select(sub.c.nid, sub.c.mid, sub.c.scored, capped, sub.c.pen, sub.c.ko,
                  case((raw < 0, 0.0), else_=raw))
    return [MemberTotal(nid, mid, float(s), float(b), float(p), bool(k), round(float(t), 4))
            for nid, mid, s, b, p, k, t in db.session.execute(stmt)]


def mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def trimmed_mean(values: Sequence[float]) -> float:
    """Drop one highest and one lowest when there are at least 5 values."""
    if len(values) < 5:
        return mean(values)
    return mean(sorted(values)[1:-1])


def spread(values: Sequence[float]) -> float:
    """Population standard deviation (0 for a single value)."""
    return statistics.pstdev(values) if len(values) > 1 else 0.0


def zscore_adjusted(totals: Sequence[MemberTotal], subject_of: dict[int, str]) -> dict[int, float]:
    """Adjusted score per nomination by z-score normalisation (see module docstring)."""
    by_member: dict[tuple[int, str], list[float]] = {}
    by_subject: dict[str, list[float]] = {}
    for t in totals:
        key = (t.member_id, subject_of[t.nomination_id])
        by_member.setdefault(key, []).append(t.total)
        by_subject.setdefault(key[1], []).append(t.total)
    stats = {k: (mean(v), statistics.pstdev(v)) for k, v in by_member.items()}
    zs: dict[int, list[float]] = {}
    for t in totals:
        mu, sd = stats[(t.member_id, subject_of[t.nomination_id])]
        zs.setdefault(t.nomination_id, []).append((t.total - mu) / sd if sd > 0 else 0.0)
    out = {}
    for nid, z in zs.items():
        values = by_subject[subject_of[nid]]
        mu_all, sd_all = mean(values), statistics.pstdev(values)
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
