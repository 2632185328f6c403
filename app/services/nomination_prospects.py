"""“Who of my people becomes eligible for what next year?” — ready-to-display rows and XLSX.

Built on the rule service's `eligible_next_year` (app/services/eligibility.py): one row per
person × award type that no ledger fact rules out, split into the rules already met and the
ones still missing, each with its legal basis.
"""
from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from flask_sqlalchemy.pagination import Pagination
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from sqlalchemy import func, select

from app.extensions import db
from app.models import AwardRecord, AwardType, OrgUnit
from app.services.eligibility import RuleOutcome, RuleResult, eligible_next_year


@dataclass(frozen=True)
class ProspectRule:
    description: str
    explanation: str
    legal_basis: str
    outcome_label: str
    badge: str  # Bootstrap colour


@dataclass(frozen=True)
class ProspectRow:
    """One person × one award type they may reach next year."""

    person_id: int
    full_name: str
    unit_name: str
    award_type_id: int | None
    award_name: str
    met: tuple[ProspectRule, ...]
    missing: tuple[ProspectRule, ...]

    @property
    def ready(self) -> bool:
        """Nothing missing: the ledger alone already satisfies every rule."""
        return not self.missing


def _rule(result: RuleResult) -> ProspectRule:
    badge = {RuleOutcome.PASS: "success", RuleOutcome.FAIL: "danger"}.get(result.outcome, "warning")
    return ProspectRule(description=result.description, explanation=result.explanation,
                        legal_basis=result.legal_basis, outcome_label=result.outcome.label, badge=badge)


def latest_ledger_year(today: int) -> int:
    """The last year the award-history ledger holds (not after `today`): the default base year."""
    found = db.session.scalar(select(func.max(AwardRecord.year)).where(AwardRecord.year <= today))
    return found or today


def next_year_prospects(*, unit: OrgUnit, year: int, award_type_id: int | None = None) -> list[ProspectRow]:
    """Rows for the people of `unit` and its sub-units, ledger up to `year`, awards of `year + 1`."""
    ids = dict(db.session.execute(select(AwardType.code, AwardType.id)).tuples().all())
    rows = []
    for person in eligible_next_year(unit, year):
        for prospect in person.prospects:
            award_id = ids.get(prospect.award_code)
            if award_type_id and award_id != award_type_id:
                continue
            rows.append(ProspectRow(
                person_id=person.person_id, full_name=person.full_name, unit_name=person.unit_name,
                award_type_id=award_id, award_name=prospect.award_name,
                met=tuple(_rule(r) for r in prospect.results if r.passed),
                missing=tuple(_rule(r) for r in prospect.results if not r.passed)))
    return rows


class ListPagination(Pagination):
    """Flask-SQLAlchemy's Pagination over a computed list (the rows are not a query)."""

    def _query_items(self) -> list:
        rows = self._query_args["rows"]
        return rows[self._query_offset:self._query_offset + self.per_page]

    def _query_count(self) -> int:
        return len(self._query_args["rows"])


def paginate_rows(rows: list, *, page: int | None, per_page: int = 25) -> Pagination:
    return ListPagination(page=page, per_page=per_page, error_out=False, rows=rows)


COLUMNS = ["STT", "Họ và tên", "Đơn vị", "Có thể đạt năm", "Danh hiệu, hình thức", "Quy định đã đạt",
           "Còn thiếu", "Căn cứ"]


def _lines(rules: tuple[ProspectRule, ...]) -> str:
    return "\n".join(f"{r.description}: {r.explanation}" for r in rules)


def export_prospects(rows: list[ProspectRow], *, unit_name: str, year: int) -> BytesIO:
    """One sheet, one row per person × award type, wrapped text, legal bases in their own column."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"Năm {year + 1}"
    sheet.append([f"Cá nhân có thể đủ điều kiện năm {year + 1} — {unit_name} (sổ khen thưởng đến năm {year})"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(COLUMNS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for number, row in enumerate(rows, start=1):
        bases = "\n".join(dict.fromkeys(r.legal_basis for r in row.met + row.missing if r.legal_basis))
        sheet.append([number, row.full_name, row.unit_name, year + 1, row.award_name, _lines(row.met),
                      _lines(row.missing) or "Không (đủ theo sổ khen thưởng)", bases])
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDEFGH", (6, 28, 24, 10, 30, 60, 60, 40)):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    out = BytesIO()
    book.save(out)
    out.seek(0)
    return out
