"""Export the filtered register to XLSX (dates as dates) and CSV (UTF-8 with BOM for Excel)."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from sqlalchemy import Select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Initiative

HEADERS = ["STT", "Loại", "Tên sáng kiến, mô hình", "Đơn vị chủ trì", "Tác giả", "Ngày bắt đầu",
           "Trạng thái", "Phạm vi ảnh hưởng", "Tóm tắt", "Kết quả (chỉ số)", "Quyết định công nhận"]
WIDTHS = [6, 12, 50, 30, 30, 13, 18, 18, 60, 60, 40]
MAX_ROWS = 20_000


@dataclass(frozen=True)
class ExportRow:
    number: int
    kind: str
    title: str
    unit: str
    authors: str
    start_date: date | None
    status: str
    scope: str
    summary: str
    metrics: str
    recognitions: str


def _number(value: Decimal) -> str:
    """1.234,5 — the Vietnamese way, whole numbers without decimals."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _month(day: date | None) -> str:
    return day.strftime("%m/%Y") if day else ""


def export_rows(stmt: Select) -> list[ExportRow]:
    """Plain rows for the filtered statement (relations loaded once, not per row)."""
    stmt = stmt.options(selectinload(Initiative.metrics), selectinload(Initiative.recognitions)).limit(MAX_ROWS)
    rows = []
    for number, item in enumerate(db.session.scalars(stmt), start=1):
        metrics = "; ".join(
            f"{m.label}: {_number(m.value)} {m.unit}".rstrip()
            + (f" ({_month(m.period_start)}–{_month(m.period_end)})" if m.period_start or m.period_end else "")
            for m in item.metrics)
        recognitions = "; ".join(
            f"{r.scope.label}, QĐ {r.decision_number}"
            + (f" ngày {r.decision_date.strftime('%d/%m/%Y')}" if r.decision_date else "") + f" ({r.recognised_by})"
            for r in item.recognitions)
        rows.append(ExportRow(
            number=number, kind=item.kind.label, title=item.title, unit=item.owner_unit.name,
            authors=", ".join(p.full_name for p in item.authors), start_date=item.start_date,
            status=item.status.label, scope=item.scope.label if item.scope else "", summary=item.summary,
            metrics=metrics, recognitions=recognitions,
        ))
    return rows


def _safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _values(row: ExportRow) -> list[object]:
    return [_safe(v) for v in _raw_values(row)]


def _raw_values(row: ExportRow) -> list[object]:
    return [row.number, row.kind, row.title, row.unit, row.authors, row.start_date, row.status, row.scope,
            row.summary, row.metrics, row.recognitions]


def to_xlsx(rows: list[ExportRow]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sáng kiến, mô hình"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(_values(row))
        sheet.cell(row=sheet.max_row, column=6).number_format = "DD/MM/YYYY"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(rows: list[ExportRow]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for row in rows:
        values = _values(row)
        values[5] = row.start_date.strftime("%d/%m/%Y") if row.start_date else ""
        writer.writerow(values)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
