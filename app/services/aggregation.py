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

from sqlalchemy import and_, case, false, func, literal, select

from app.extensions import db
from app.models import (
    AggregationMethod, Council, CriteriaSheet, Criterion, CriterionKind, Nomination, Score, ScoreSheet, SheetStatus,
)


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
    """Per-member totals: the database sums every sheet's scores by kind in one GROUP BY over
    the scores (the criteria's kinds and penalty points are inlined, so the 900,000-row scan
    joins nothing); the cap and the floor are then applied to the one row per sheet."""
    crit = db.session.execute(
        select(Criterion.id, Criterion.kind, Criterion.penalty_points, CriteriaSheet.bonus_cap)
        .join(CriteriaSheet).where(CriteriaSheet.campaign_id == council.campaign_id)).all()
    ids = {k: [c.id for c in crit if c.kind is k] for k in CriterionKind}
    cap_of = {c.id: float(c.bonus_cap) for c in crit}
    value, cid = Score.value, Score.criterion_id

    def total_of(kind: CriterionKind):
        return func.coalesce(func.sum(case((cid.in_(ids[kind]), value), else_=0)), 0) if ids[kind] else literal(0)

    penalty = func.coalesce(func.sum(case(*[(cid == c.id, value * float(c.penalty_points))
                                            for c in crit if c.kind is CriterionKind.PENALTY], else_=0)), 0) \
        if ids[CriterionKind.PENALTY] else literal(0)
    knocked = func.max(case((and_(cid.in_(ids[CriterionKind.KNOCKOUT]), value > 0), 1), else_=0)) \
        if ids[CriterionKind.KNOCKOUT] else literal(0)
    sheets = select(ScoreSheet.id).where(ScoreSheet.council_id == council.id,
                                         ScoreSheet.status == SheetStatus.SUBMITTED, ScoreSheet.is_excluded == false())
    if nomination_ids is not None:
        sheets = sheets.where(ScoreSheet.nomination_id.in_(list(nomination_ids)))
    sums = select(Score.sheet_id, total_of(CriterionKind.SCORED), total_of(CriterionKind.BONUS), penalty, knocked,
                  func.min(cid)).where(Score.sheet_id.in_(sheets)).group_by(Score.sheet_id)
    owner = dict((sid, (nid, mid)) for sid, nid, mid in db.session.execute(
        select(ScoreSheet.id, ScoreSheet.nomination_id, ScoreSheet.member_id).where(ScoreSheet.id.in_(sheets))))
    out = []
    for sid, scored, bonus, pen, ko, any_cid in db.session.execute(sums):
        nid, mid = owner[sid]
        scored, pen = float(scored), float(pen)
        bonus = min(float(bonus), cap_of.get(any_cid, 0.0))
        out.append(MemberTotal(nid, mid, scored, bonus, pen, bool(ko), round(max(0.0, scored + bonus - pen), 4)))
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
