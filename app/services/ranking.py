"""Results of a council: aggregates, ranks, thresholds, ballots — recomputed on every call.

Ranking groups: award type × subject type × emulation block (of the nominee's unit or its
nearest ancestor, in the campaign's final year). Knocked-out nominees are ineligible and
unranked. TIE_BREAK is the documented, deterministic order printed on the results page.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from sqlalchemy import func, select
from sqlalchemy.orm import defer, joinedload

from app.extensions import db
from app.models import (
    AggregationMethod, Assignment, BlockMembership, Council, EmulationBlock, Nomination, OrgUnit, Override, Person,
)
from app.models.text import fold
from app.services import aggregation as agg
from app.services.ballot import FAILED, PASSED, latest_outcomes
from app.services.nominations_in_council import council_nominations_query

TIE_BREAK = (
    "1. Điểm tổng hợp (theo phương pháp của đợt) cao hơn",
    "2. Điểm trung bình cộng thô cao hơn",
    "3. Trung vị cao hơn",
    "4. Độ lệch chuẩn nhỏ hơn (các thành viên thống nhất hơn)",
    "5. Nhiều phiếu chấm hơn",
    "6. Tên đối tượng theo thứ tự chữ cái (không dấu)",
    "7. Mã hồ sơ nhỏ hơn (nộp sớm hơn)",
)


@dataclass
class NominationResult:
    nomination: Nomination
    block: str
    member_totals: dict[int, float]
    expected_sheets: int
    raw_mean: float | None = None
    median: float | None = None
    adjusted: float | None = None
    spread: float | None = None
    knocked_out: bool = False
    min_score: float | None = None
    meets_threshold: bool | None = None
    rank: int | None = None
    group_size: int = 0
    ballot: str = ""
    ballot_passed: bool | None = None
    computed_approve: bool | None = None
    override: Override | None = None
    explanation: list[str] = field(default_factory=list)

    @property
    def sheets(self) -> int:
        return len(self.member_totals)

    @property
    def final_approve(self) -> bool | None:
        return self.override.approve if self.override is not None else self.computed_approve

    @property
    def final_label(self) -> str:
        return {True: "Đề nghị khen thưởng", False: "Không đề nghị", None: "Chưa đủ dữ liệu"}[self.final_approve]

    @property
    def group_key(self) -> tuple[str, str, str]:
        n = self.nomination
        return (n.award_type.code, n.subject_type.value, self.block)


@dataclass
class CouncilResults:
    council: Council
    method: AggregationMethod
    rows: list[NominationResult]
    tie_break: tuple[str, ...] = TIE_BREAK

    @property
    def ordered_rows(self) -> list[NominationResult]:
        """Grouped, ranked first, then unranked (knocked out or not yet scored)."""
        return sorted(self.rows, key=lambda r: (r.group_key, r.rank is None, r.rank or 0, r.nomination.id))

    def counts(self) -> dict[str, int]:
        return {"approved": sum(r.final_approve is True for r in self.rows),
                "rejected": sum(r.final_approve is False for r in self.rows),
                "pending": sum(r.final_approve is None for r in self.rows)}


def _blocks(year: int) -> tuple[dict[int, str], dict[int, int | None]]:
    names = dict(db.session.execute(select(BlockMembership.unit_id, EmulationBlock.name)
                                    .join(EmulationBlock).where(BlockMembership.year == year)).all())
    parents = dict(db.session.execute(select(OrgUnit.id, OrgUnit.parent_id)).all()) if names else {}
    return names, parents


def _block_of(unit_id: int | None, names: dict[int, str], parents: dict[int, int | None]) -> str:
    seen = set()
    while unit_id is not None and unit_id not in seen:
        if unit_id in names:
            return names[unit_id]
        seen.add(unit_id)
        unit_id = parents.get(unit_id)
    return "Không thuộc khối"


def _n(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def council_results(council: Council) -> CouncilResults:
    method = council.campaign.aggregation
    noms = db.session.scalars(council_nominations_query(council).options(
        joinedload(Nomination.unit), joinedload(Nomination.person).joinedload(Person.unit),
        joinedload(Nomination.award_type),
        # Never shown with results; decoding their JSON was a tenth of the ranking time.
        defer(Nomination.results_by_year), defer(Nomination.declared_ratings)).order_by(Nomination.id)).unique().all()
    totals = agg.member_totals(council)
    expected: dict[int, int] = dict(db.session.execute(
        select(Assignment.nomination_id, func.count()).where(Assignment.council_id == council.id)
        .group_by(Assignment.nomination_id)).all())
    names, parents = _blocks(council.campaign.period_end.year)
    overrides = {o.nomination_id: o for o in db.session.scalars(select(Override).where(Override.council_id == council.id))}
    ballots = latest_outcomes(council)
    by_nom: dict[int, dict[int, float]] = {}
    knocked: set[int] = set()
    for nid, mid, _, _, _, knocked_out, total in totals:  # 75,000 tuples: unpacked, not attribute reads
        by_nom.setdefault(nid, {})[mid] = total
        if knocked_out:
            knocked.add(nid)
    adjusted_z = agg.zscore_adjusted(totals, {n.id: n.subject_type.value for n in noms}) \
        if method is AggregationMethod.ZSCORE else {}
    rows = []
    for n in noms:
        unit_id = n.unit_id if n.unit_id is not None else n.person.unit_id
        r = NominationResult(n, _block_of(unit_id, names, parents), by_nom.get(n.id, {}), expected.get(n.id, 0),
                             override=overrides.get(n.id))
        values = list(r.member_totals.values())
        if values:
            r.raw_mean, r.median, r.spread = agg.mean(values), agg.median(values), agg.spread(values)
            r.adjusted = adjusted_z[n.id] if method is AggregationMethod.ZSCORE else agg.aggregate(method, values)
            r.explanation.append(f"{len(values)}/{r.expected_sheets} phiếu chấm; {method.label.lower()}: "
                                 f"{_n(r.adjusted)} (trung bình thô {_n(r.raw_mean)}, độ lệch chuẩn {_n(r.spread)})")
        r.knocked_out = n.id in knocked
        if r.knocked_out:
            r.explanation.append("Có thành viên ghi nhận điểm liệt: không đủ điều kiện, không xếp hạng")
        if n.award_type.min_score is not None:
            r.min_score = float(n.award_type.min_score)
            if r.adjusted is not None:
                r.meets_threshold = r.adjusted >= r.min_score
                r.explanation.append(f"Ngưỡng điểm {n.award_type.code}: {_n(r.min_score)} — "
                                     + ("đạt" if r.meets_threshold else "không đạt"))
        elif r.adjusted is not None:
            r.meets_threshold = True
        if n.id in ballots:
            rnd, tally = ballots[n.id]
            r.ballot_passed = {PASSED: True, FAILED: False}.get(tally.result.outcome)
            r.ballot = f"Vòng {rnd.number}: {tally.result.label}"
            r.explanation.append(f"Bỏ phiếu kín vòng {rnd.number}: {tally.result.explanation}")
        rows.append(r)
    _rank(rows)
    for r in rows:
        _decide(r)
    return CouncilResults(council, method, rows)


def sort_key(r: NominationResult) -> tuple:
    """The tie-break chain TIE_BREAK, as a sort key (ascending)."""
    return _score_key(r) + (fold(r.nomination.nominee_name), r.nomination.id)


def _score_key(r: NominationResult) -> tuple:
    return (-(r.adjusted or 0.0), -(r.raw_mean or 0.0), -(r.median or 0.0), r.spread or 0.0, -r.sheets)


def _sorted(members: list[NominationResult]) -> list[NominationResult]:
    """Sorted by sort_key, folding names only where the scores tie (folding every name is slow)."""
    keyed = sorted(((_score_key(r), r) for r in members), key=lambda kr: (kr[0], kr[1].nomination.id))
    out: list[NominationResult] = []
    for _, run in groupby(keyed, key=itemgetter(0)):
        tied = [r for _, r in run]
        out.extend(tied if len(tied) == 1 else sorted(tied, key=sort_key))
    return out


def _rank(rows: list[NominationResult]) -> None:
    groups: dict[tuple, list[NominationResult]] = {}
    for r in rows:
        if r.adjusted is not None and not r.knocked_out:
            groups.setdefault(r.group_key, []).append(r)
    for members in groups.values():
        for pos, r in enumerate(_sorted(members), 1):
            r.rank, r.group_size = pos, len(members)
            r.explanation.append(f"Xếp hạng {pos}/{len(members)} trong nhóm {r.nomination.award_type.code} · "
                                 f"{r.nomination.subject_type.label} · {r.block}")


def _decide(r: NominationResult) -> None:
    needs_ballot = r.nomination.award_type.requires_secret_ballot
    if r.knocked_out:
        r.computed_approve = False
    elif r.adjusted is None or r.sheets < r.expected_sheets:
        r.computed_approve = None
    elif not r.meets_threshold:
        r.computed_approve = False
    elif needs_ballot:
        r.computed_approve = r.ballot_passed if r.ballot_passed is not None else None
    else:
        r.computed_approve = True
    if r.override is not None:
        r.explanation.append(f"Điều chỉnh thủ công: {'đề nghị' if r.override.approve else 'không đề nghị'} — "
                             f"{r.override.reason}")
