"""The annex list, rendered through the worker pool so chunk merging is covered."""
import io
import re

import pdfplumber
import pytest

from reports import render_commendation_list, samples
from reports.render import SMALL_LIST_ROWS

HEADER = ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Ghi chú"]


@pytest.fixture(scope="module")
def data():
    # Enough rows to leave the in-process path and be cut into two chunks.
    d = samples.commendation_list(60, 200, group_size=15)
    assert sum(len(g.rows) for g in d.collectives + d.individuals) > SMALL_LIST_ROWS
    return d


@pytest.fixture(scope="module")
def rendered(data):
    progress = []
    pdf = render_commendation_list(data, workers=2, on_progress=lambda *a: progress.append(a))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = [(p.extract_text(), p.extract_tables()) for p in doc.pages]
    return pages, progress


def _cells(row):
    return [" ".join((c or "").split()) for c in row]


def test_every_row_present_and_numbered_per_section(data, rendered):
    pages, _ = rendered
    sections: dict[str, list[tuple[int, str]]] = {}
    current = None
    for _, tables in pages:
        assert len(tables) == 1
        for row in tables[0][1:]:
            cells = _cells(row)
            if cells[0] in ("I", "II"):
                current = cells[1]
                sections[current] = []
            elif cells[0].isdigit():
                sections[current].append((int(cells[0]), cells[1]))
    assert list(sections) == ["TẬP THỂ", "CÁ NHÂN"]
    for label, groups in (("TẬP THỂ", data.collectives), ("CÁ NHÂN", data.individuals)):
        expected = [r.name for g in groups for r in g.rows]
        got = sections[label]
        assert [n for n, _ in got] == list(range(1, len(expected) + 1))
        assert [name for _, name in got] == expected


def test_header_repeats_on_every_page(rendered):
    pages, _ = rendered
    assert len(pages) > 10
    for _, tables in pages:
        assert _cells(tables[0][0]) == HEADER


def test_page_numbers_are_global_after_merge(rendered):
    pages, _ = rendered
    total = len(pages)
    for i, (text, _) in enumerate(pages, 1):
        assert re.findall(r"Trang \d+/\d+", text) == [f"Trang {i}/{total}"]


def test_title_diacritics_and_progress(data, rendered):
    pages, progress = rendered
    first = pages[0][0]
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN" in first
    assert "(Kèm theo Quyết định số 100/QĐ-UBND ngày 05 tháng 02 năm 2025" in first
    assert "Nghiêm Thị Phương Chi" in "\n".join(t for t, _ in pages)
    total = sum(len(g.rows) for g in data.collectives + data.individuals)
    assert len(progress) >= 2 and progress[-1] == (total, total)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_small_list_renders_in_process_with_same_numbering():
    pdf = render_commendation_list(samples.commendation_list(3, 4), workers=2)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = doc.pages[0].extract_text()
        assert len(doc.pages) == 1
    assert "Trang 1/1" in text and "I TẬP THỂ" in text and "II CÁ NHÂN" in text
