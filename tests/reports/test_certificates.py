import io

import pdfplumber
import pypdfium2
import pytest
from pyzbar.pyzbar import decode

from reports import CertificateOptions, render_certificates, samples
from reports.render import SMALL_CERT_BATCH

A4_LANDSCAPE = (842, 595)
A3_LANDSCAPE = (1191, 842)
MM = 72 / 25.4


def _pages(pdf):
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [(p.extract_text(), (round(p.width), round(p.height)),
                 [(img["x0"], img["top"]) for img in p.images]) for p in doc.pages]


@pytest.fixture(scope="module")
def items():
    return samples.certificates(SMALL_CERT_BATCH + 14)


@pytest.fixture(scope="module")
def pooled(items):
    progress = []
    pdf = render_certificates(items, workers=2, on_progress=lambda *a: progress.append(a))
    return pdf, progress


def test_one_certificate_per_landscape_page_in_order(items, pooled):
    pdf, progress = pooled
    pages = _pages(pdf)
    assert len(pages) == len(items)
    assert {size for _, size, _ in pages} == {A4_LANDSCAPE}
    for item, (text, _, images) in zip(items, pages):
        assert f"Số sổ vàng: {item.golden_book_number}" in text
        assert len(images) == 1  # the QR code
    assert progress[-1] == (len(items), len(items))


def test_certificate_text_keeps_diacritics(pooled):
    first = _pages(pooled[0])[0][0]
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "TẶNG", "BẰNG KHEN",
                     "Bà NGHIÊM THỊ PHƯƠNG CHI", "Đã có thành tích xuất sắc",
                     "Quyết định số 100/QĐ-UBND ngày 05/02/2025", "Số sổ vàng: 0001/2025",
                     "Hà Nội, ngày 05 tháng 02 năm 2025", "KT. CHỦ TỊCH", "Hà Minh Hải"):
        assert expected in first


def test_qr_decodes_to_the_verification_url(items, pooled):
    doc = pypdfium2.PdfDocument(pooled[0])
    try:
        image = doc[0].render(scale=200 / 72).to_pil()
    finally:
        doc.close()
    assert [d.data.decode() for d in decode(image)] == [items[0].verification_url]


def test_a3_offsets_and_borderless_option(items):
    few = items[:2]
    plain = _pages(render_certificates(few))
    shifted = _pages(render_certificates(
        few, CertificateOptions(paper="A3", offset_x_mm=5, offset_y_mm=-3, draw_border=False)))
    assert len(shifted) == 2 and {s for _, s, _ in shifted} == {A3_LANDSCAPE}
    # Same layout scaled by 420/297, then moved by the offsets in real millimetres.
    (x4, y4), (x3, y3) = plain[0][2][0], shifted[0][2][0]
    scale = 420 / 297
    assert x3 == pytest.approx(x4 * scale + 5 * MM, abs=0.5)
    assert y3 == pytest.approx(y4 * scale - 3 * MM, abs=0.5)


def test_empty_batch_is_an_error():
    with pytest.raises(ValueError):
        render_certificates(())
