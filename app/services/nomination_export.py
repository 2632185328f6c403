"""XLSX export of a work list."""
from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from app.models import Nomination

COLUMNS = ["STT", "Số đề nghị", "Đối tượng", "Họ và tên / Tên tập thể", "Năm sinh", "Chức vụ, đơn vị",
           "Hình thức đề nghị", "Đơn vị đề nghị", "Số tờ trình", "Ngày tờ trình", "Trạng thái", "Phong trào"]


def export_work_list(nominations: list[Nomination], *, title: str) -> BytesIO:
    """One sheet, one row per nomination, ready to open in Excel/LibreOffice."""
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for number, n in enumerate(nominations, start=1):
        person = n.person
        place = f"{person.position}, {person.unit.name}".strip(", ") if person else (n.unit.name if n.unit else "")
        sheet.append([number, n.id, n.subject_type.label, n.nominee_name, person.birth_year if person else None,
                      place, n.award_type.name, n.nominating_unit.short_name, n.memo_number,
                      n.memo_date.strftime("%d/%m/%Y") if n.memo_date else "", n.status.label, n.campaign.name])
    for column, width in zip("ABCDEFGHIJKL", (6, 10, 10, 32, 9, 40, 30, 22, 16, 12, 24, 40)):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    out = BytesIO()
    book.save(out)
    out.seek(0)
    return out
