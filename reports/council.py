"""Council documents and the nomination dossier: short, rendered in-process."""
from __future__ import annotations

from .data import NominationDossierData, ScoreSummaryData, TallyMinutesData
from .env import jinja
from .formatting import nfc
from .render import html_to_pdf

_SHEETS = ("fonts", "council")

#: Printed labels of ``EligibilityCheck.outcome``.
OUTCOME_LABELS = {"pass": "Đạt", "fail": "Không đạt", "needs_evidence": "Cần bổ sung minh chứng"}


def render_score_summary(data: ScoreSummaryData) -> bytes:
    """Bảng tổng hợp kết quả chấm điểm (A4 landscape)."""
    html = jinja.get_template("score_summary.html").render(
        d=nfc(data), widths=_score_widths(len(data.members)))
    return html_to_pdf(html, _SHEETS)


def _score_widths(members: int) -> list[str]:
    """Column widths (%): fixed columns; per-member columns share 34 %."""
    name, unit = (19, 15) if members else (36, 32)
    each = 34 / members if members else 0
    return [f"{w:.2f}" for w in (4, name, unit, *([each] * members), 8, 7, 5, 8)]


def render_tally_minutes(data: TallyMinutesData) -> bytes:
    """Biên bản kiểm phiếu of a secret ballot."""
    html = jinja.get_template("tally_minutes.html").render(d=nfc(data))
    return html_to_pdf(html, _SHEETS)


def render_nomination_dossier(data: NominationDossierData) -> bytes:
    """Printable hồ sơ đề nghị khen thưởng of one nominee."""
    html = jinja.get_template("dossier.html").render(d=nfc(data), outcomes=OUTCOME_LABELS)
    return html_to_pdf(html, _SHEETS)
