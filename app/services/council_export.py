"""Exports of a council's results: every member's raw score per criterion, aggregates,
ranks and ballot results — as XLSX (openpyxl) and as JSON with the same content."""
from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from app.extensions import db
from app.models import Council, Criterion, Score, ScoreSheet, SheetStatus
from app.services.ballot import latest_outcomes
from app.services.ranking import council_results


def _r(x: float | None) -> float | None:
    return round(x, 2) if x is not None else None


def export_data(council: Council) -> dict[str, Any]:
    results = council_results(council)
    members = {m.id: m.user.full_name for m in council.members}
    crit = {cid: (code, title) for cid, code, title in db.session.execute(select(Criterion.id, Criterion.code,
                                                                                 Criterion.title))}
    raw = db.session.execute(
        select(ScoreSheet.nomination_id, ScoreSheet.member_id, Score.criterion_id, Score.value)
        .join(Score).where(ScoreSheet.council_id == council.id, ScoreSheet.status == SheetStatus.SUBMITTED,
                           ScoreSheet.is_excluded.is_(False))
        .order_by(ScoreSheet.nomination_id, ScoreSheet.member_id, Score.criterion_id)).all()
    ballots = latest_outcomes(council)
    return {
        "council": council.name, "campaign": council.campaign.name, "aggregation": results.method.label,
        "tie_break": list(results.tie_break),
        "members": [{"id": mid, "name": name} for mid, name in members.items()],
        "results": [{
            "nomination_id": r.nomination.id, "nominee": r.nomination.nominee_name,
            "award_type": r.nomination.award_type.code, "subject_type": r.nomination.subject_type.value,
            "block": r.block, "member_totals": {members[m]: _r(t) for m, t in r.member_totals.items()},
            "raw_mean": _r(r.raw_mean), "median": _r(r.median), "adjusted": _r(r.adjusted), "spread": _r(r.spread),
            "knocked_out": r.knocked_out, "rank": r.rank, "group_size": r.group_size,
            "ballot": ({"round": ballots[r.nomination.id][0].number,
                        "agree": ballots[r.nomination.id][1].agree, "disagree": ballots[r.nomination.id][1].disagree,
                        "outcome": ballots[r.nomination.id][1].result.outcome}
                       if r.nomination.id in ballots else None),
            "result": r.final_label, "explanation": r.explanation,
        } for r in results.rows],
        "scores": [{"nomination_id": nid, "member": members.get(mid, ""), "criterion_code": crit[cid][0],
                    "criterion": crit[cid][1], "value": float(v)} for nid, mid, cid, v in raw],
    }


def export_xlsx(council: Council) -> bytes:
    data = export_data(council)
    wb = Workbook()
    ws = wb.active
    ws.title = "Kết quả"
    names = [m["name"] for m in data["members"]]
    head = ["Mã hồ sơ", "Đối tượng", "Hình thức", "Loại", "Khối", *names, "TB thô", "Trung vị",
            "Điểm tổng hợp", "Độ lệch chuẩn", "Điểm liệt", "Hạng", "Bỏ phiếu", "Kết quả"]
    ws.append(head)
    for r in data["results"]:
        b = r["ballot"]
        ws.append([r["nomination_id"], r["nominee"], r["award_type"], r["subject_type"], r["block"],
                   *[r["member_totals"].get(n) for n in names], r["raw_mean"], r["median"], r["adjusted"],
                   r["spread"], "Có" if r["knocked_out"] else "", r["rank"],
                   f"{b['agree']}/{b['agree'] + b['disagree']} ({b['outcome']})" if b else "", r["result"]])
    ws2 = wb.create_sheet("Điểm chi tiết")
    ws2.append(["Mã hồ sơ", "Thành viên", "Mã tiêu chí", "Tiêu chí", "Điểm"])
    for s in data["scores"]:
        ws2.append([s["nomination_id"], s["member"], s["criterion_code"], s["criterion"], s["value"]])
    ws3 = wb.create_sheet("Thứ tự ưu tiên")
    for line in [data["aggregation"], *data["tie_break"]]:
        ws3.append([line])
    for sheet in wb.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
