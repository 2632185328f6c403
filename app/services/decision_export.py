"""The decision's list as XLSX (openpyxl) and CSV (UTF-8 with BOM, for Excel)."""
from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from app.models import Decision
from app.services.decision_documents import list_data
from reports import CommendationListData

HEADER = ["Phần", "Nhóm (đơn vị đề nghị)", "STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Ghi chú"]


def list_rows(data: CommendationListData) -> list[list[str | int]]:
    """Rows as printed: numbered from 1 in each section (I. Tập thể, II. Cá nhân)."""
    rows: list[list[str | int]] = []
    for section, groups in (("I. TẬP THỂ", data.collectives), ("II. CÁ NHÂN", data.individuals)):
        n = 0
        for group in groups:
            for row in group.rows:
                n += 1
                rows.append([section, group.unit, n, row.name, row.detail, row.note])
    return rows


def export_csv(decision: Decision) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(list_rows(list_data(decision)))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_xlsx(decision: Decision) -> bytes:
    data = list_data(decision)
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append([data.title])
    sheet.append([f"(Kèm theo Quyết định số {data.decision_number} ngày "
                  f"{data.decision_date:%d/%m/%Y} của {data.decided_by})"])
    sheet.append(HEADER)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True)
    for row in list_rows(data):
        sheet.append(row)
    for column, width in zip("ABCDEF", (12, 40, 6, 36, 60, 14)):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A4"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
