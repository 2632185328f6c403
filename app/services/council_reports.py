"""Plain data for the council PDFs (reports/): the score summary and the tally minutes."""
from __future__ import annotations

from datetime import date

from reports.data import ScoreRow, ScoreSummaryData, Signer, TallyMinutesData, TallyRow

from app.models import BallotRound, Council, CouncilRole
from app.services.ballot import PASSED, tally_round
from app.services.ranking import council_results


def _signers(council: Council) -> tuple[Signer, ...]:
    out = []
    for role, cap in ((CouncilRole.SECRETARY, "THƯ KÝ HỘI ĐỒNG"), (CouncilRole.CHAIR, "CHỦ TỊCH HỘI ĐỒNG")):
        m = next((m for m in council.members if m.role is role), None)
        if m is not None:
            out.append(Signer((cap,), m.user.full_name))
    return tuple(out)


def _unit(n) -> str:  # noqa: ANN001
    unit = n.nominee_unit
    return unit.short_name if unit is not None else ""


def score_summary_data(council: Council) -> ScoreSummaryData:
    results = council_results(council)
    members = [m for m in council.members]
    rows = tuple(ScoreRow(
        nominee=r.nomination.nominee_name, unit=_unit(r.nomination),
        member_totals=tuple(r.member_totals.get(m.id) for m in members),
        aggregate=round(r.adjusted or 0.0, 2), spread=round(r.spread or 0.0, 2), rank=r.rank or 0,
        result=r.final_label) for r in sorted(results.rows, key=lambda r: (r.group_key, r.rank or 10**9)))
    return ScoreSummaryData(council=council.name, title=f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM — {council.campaign.name}",
                            held_on=council.held_on or date.today(), aggregation=results.method.label,
                            members=tuple(m.user.full_name for m in members), rows=rows, signers=_signers(council),
                            tie_break="; ".join(results.tie_break))


def tally_minutes_data(rnd: BallotRound) -> TallyMinutesData:
    council = rnd.council
    tallies = tally_round(rnd)
    by_item = {i.id: i for i in rnd.items}
    present = sum(p.is_present for p in rnd.participations)
    written = sum(p.sent_written_opinion for p in rnd.participations)
    voted = sum(p.has_voted for p in rnd.participations)
    rows = tuple(TallyRow(nominee=by_item[t.item_id].nomination.nominee_name, unit=_unit(by_item[t.item_id].nomination),
                          agree=t.agree, disagree=t.disagree, ratio_percent=round(t.result.ratio_percent, 2),
                          passed=t.result.outcome == PASSED) for t in tallies)
    passed = sum(r.passed for r in rows)
    return TallyMinutesData(
        council=council.name, subject=f"Bỏ phiếu kín đề nghị {rnd.award_type.name} — vòng {rnd.number}",
        held_on=council.held_on or (rnd.opened_at.date()), venue=council.venue or "Hà Nội",
        members_total=rnd.members_total, members_present=present, members_absent=rnd.members_total - present,
        absent_with_written_opinion=written, ballots_issued=present + written, ballots_received=voted + written,
        ballots_valid=voted + written, ballots_invalid=0, threshold_percent=float(rnd.threshold) * 100,
        base=rnd.base.label, rows=rows, committee=_signers(council),
        conclusion=f"{passed}/{len(rows)} trường hợp đạt tỷ lệ phiếu đồng ý theo quy định.")


def tie_notes(results) -> dict[int, str]:  # noqa: ANN001 — a ranking.CouncilResults
    """{nomination id: how its tie with the row ranked just above was broken}, naming the step of
    the documented chain (ranking.TIE_BREAK) that decided, for the results page and the minutes."""
    from app.services.ranking import TIE_BREAK, sort_key

    ranked: dict[tuple, list] = {}
    for r in results.rows:
        if r.rank is not None:
            ranked.setdefault(r.group_key, []).append(r)
    notes: dict[int, str] = {}
    for rows in ranked.values():
        rows.sort(key=lambda r: r.rank)
        for above, below in zip(rows, rows[1:]):
            ka, kb = sort_key(above), sort_key(below)
            if round(ka[0], 4) != round(kb[0], 4):
                continue
            step = next(i for i, (a, b) in enumerate(zip(ka, kb)) if a != b)
            notes[below.nomination.id] = (f"Bằng điểm tổng hợp với #{above.nomination.id} "
                                          f"{above.nomination.nominee_name}; xếp sau theo tiêu chí "
                                          f"{TIE_BREAK[step]}")
            notes.setdefault(above.nomination.id, f"Bằng điểm tổng hợp với #{below.nomination.id} "
                                                  f"{below.nomination.nominee_name}; xếp trên theo tiêu chí "
                                                  f"{TIE_BREAK[step]}")
    return notes
