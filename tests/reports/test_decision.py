import io
import unicodedata
from dataclasses import replace

import pdfplumber
import pytest

from reports import render_decision, samples


@pytest.fixture(scope="module")
def pages():
    annex = samples.commendation_list(20, 12)
    data = samples.decision(annex)
    # Decomposed (NFD) input, as pasted from some editors, must print as NFC.
    data = replace(data, signer=replace(data.signer, name=unicodedata.normalize("NFD", "Hà Minh Hải")))
    pdf = render_decision(data)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [(p.extract_text(), p.width, p.height) for p in doc.pages]


def test_decision_layout_text(pages):
    first = pages[0][0]
    for expected in ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Số: 100/QĐ-UBND",
                     "Hà Nội, ngày 05 tháng 02 năm 2025", "QUYẾT ĐỊNH",
                     "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Căn cứ Luật Thi đua, khen thưởng",
                     "QUYẾT ĐỊNH:", "Điều 1."):
        assert expected in first
    text = "\n".join(t for t, *_ in pages)
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and "Nơi nhận:" in text
    assert "Hà Minh Hải" in text  # NFC again although given decomposed
    assert all((round(w), round(h)) == (595, 842) for _, w, h in pages)


def test_annex_follows_with_its_own_page_numbers(pages):
    annex_start = next(i for i, (t, *_) in enumerate(pages) if t.startswith("DANH SÁCH"))
    assert annex_start >= 1
    assert "Nghiêm Thị Phương Chi" in "\n".join(t for t, *_ in pages[annex_start:])
    annex = pages[annex_start:]
    for i, (text, *_) in enumerate(annex, 1):
        assert f"Trang {i}/{len(annex)}" in text
    assert not any("Trang " in t for t, *_ in pages[:annex_start])


def test_decision_pages_numbered_from_page_two(pages):
    annex_start = next(i for i, (t, *_) in enumerate(pages) if t.startswith("DANH SÁCH"))
    assert annex_start >= 2, "sample decision should span two pages"
    assert pages[0][0].split("\n", 1)[0] == "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert pages[1][0].split("\n", 1)[0].strip() == "2"
