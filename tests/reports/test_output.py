"""The streaming ``render_*_to`` API: files, file objects, clean-up, and the merger itself."""
import io
import tempfile

import pdfplumber
import pytest
from pypdf import PdfReader

from reports import (render_certificates_to, render_commendation_list_to, render_decision_to,
                     samples)
from reports.pdfstream import PageNumbers, PdfConcatenator
from reports.render import CERT_CHUNK, html_to_pdf


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """Chunk files go under a directory of our own, so leftovers can be seen."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(work))
    return work


def _ours(directory):
    # WeasyPrint keeps a temporary folder of its own for @font-face fonts; ignore it.
    return [p for p in directory.iterdir() if p.name.startswith("thidua-pdf-")]


def test_certificates_to_path_merges_chunks_in_order_and_cleans_up(tmp_path, private_tmp):
    items = samples.certificates(CERT_CHUNK * 2 + 3)  # several chunks in the pool
    progress = []
    target = tmp_path / "batch.pdf"
    pages = render_certificates_to(target, items, workers=2,
                                   on_progress=lambda *a: progress.append(a))
    assert pages == len(items)
    with pdfplumber.open(target) as doc:
        texts = [p.extract_text() for p in doc.pages]
    assert len(texts) == len(items)
    for item, text in zip(items, texts):
        assert f"Số sổ vàng: {item.golden_book_number}" in text
    assert progress[-1] == (len(items), len(items)) and len(progress) >= 3
    assert _ours(private_tmp) == []  # chunk files and their directory are gone


def test_list_and_decision_to_file_objects_keep_numbering():
    annex = samples.commendation_list(60, 200, group_size=15)
    buf = io.BytesIO()
    pages = render_commendation_list_to(buf, annex, workers=2)
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as doc:
        assert len(doc.pages) == pages > 1
        assert f"Trang {pages}/{pages}" in doc.pages[-1].extract_text()
    buf = io.BytesIO()
    total = render_decision_to(buf, samples.decision(annex), workers=2)
    assert total > pages
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as doc:
        assert f"Trang 1/{pages}" in doc.pages[total - pages].extract_text()


def test_failed_render_leaves_no_file(tmp_path, private_tmp):
    target = tmp_path / "none.pdf"
    with pytest.raises(ValueError):
        render_certificates_to(target, ())
    bad = samples.certificates(2)
    bad = [bad[0], object()]  # not a certificate: the template fails mid-batch
    with pytest.raises(Exception):
        render_certificates_to(target, bad, workers=1)
    assert not target.exists()
    assert _ours(private_tmp) == []


def test_concatenator_output_is_a_valid_pdf_with_shared_objects_copied_once():
    chunk = html_to_pdf("<p>Một</p><p style='break-before: page'>Hai</p>", ("fonts", "list"))
    out = io.BytesIO()
    merger = PdfConcatenator(out)
    numbers = PageNumbers(4)
    assert merger.append(chunk, numbers) == 2
    assert merger.append(chunk, numbers) == 2
    merger.close()
    reader = PdfReader(io.BytesIO(out.getvalue()), strict=True)
    assert len(reader.pages) == 4
    texts = [p.extract_text() for p in reader.pages]
    assert [t.split()[0] for t in texts] == ["Một", "Hai", "Một", "Hai"]
    assert [t.split("Trang ")[1].strip() for t in texts] == ["1/4", "2/4", "3/4", "4/4"]
    assert reader.metadata.producer.startswith("WeasyPrint")
    # Both pages of a chunk point at one copy of its font, not one per page.
    fonts = [p["/Resources"]["/Font"] for p in reader.pages[:2]]
    shared = {k for k in fonts[0] if k != "/FTrangStamp"}
    assert shared and all(fonts[0].raw_get(k) == fonts[1].raw_get(k) for k in shared)
