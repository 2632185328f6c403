"""Renderers for the decision, its annex list and certificate batches."""
from __future__ import annotations

import io
import math
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path
from typing import BinaryIO, Union

from weasyprint import HTML

from . import env, listing
from .data import (CertificateData, CertificateOptions, CommendationListData,
                   DecisionData, ListGroup, ListRow, Signer)
from .formatting import nfc
from .parallel import (ChunkFile, ChunkStream, ProgressCallback, render_chunks,
                       resolve_workers)
from .pdfstream import PageNumbers, PdfConcatenator
from .qr import qr_png_data_uri

#: Where the ``render_*_to`` functions write: a path (removed again on error) or a binary file.
Target = Union[str, os.PathLike, BinaryIO]

#: Lists up to this many rows render in-process: the pool would not pay off.
SMALL_LIST_ROWS = 150
#: Rows per chunk at most; ~2 MB of worker memory per laid-out page.
LIST_CHUNK_ROWS = 500
#: Certificate batches up to this size render in-process.
SMALL_CERT_BATCH = 12
#: Certificates per chunk at most (measured best at ~50).
CERT_CHUNK = 50

_A3_ZOOM = 420 / 297  # A3 is A4 scaled by √2; this ratio makes it exactly 420 × 297 mm


def html_to_pdf(html: str, sheets: Iterable[str], *, zoom: float = 1.0) -> bytes:
    """Lay out ``html`` with the named bundled stylesheets and return PDF bytes."""
    document = HTML(string=html, url_fetcher=env.url_fetcher).render(
        font_config=env.font_config(),
        stylesheets=[env.stylesheet(name) for name in sheets])
    return document.write_pdf(zoom=zoom)


@contextmanager
def _output(target: Target) -> Iterator[BinaryIO]:
    if not isinstance(target, (str, os.PathLike)):
        yield target
        return
    path = Path(target)
    try:
        with path.open("wb") as f:
            yield f
    except BaseException:
        path.unlink(missing_ok=True)  # no half-written PDF left behind
        raise


def _workdir() -> tempfile.TemporaryDirectory:
    """Where workers leave their chunks until the merge reads (and deletes) them."""
    return tempfile.TemporaryDirectory(prefix="thidua-pdf-")


def _append_numbered(merger: PdfConcatenator, files: Sequence[ChunkFile]) -> None:
    numbers = PageNumbers(sum(pages for _, pages in files))
    for path, _ in files:
        merger.append(path, numbers)
        os.unlink(path)


def _to_bytes(render, *args, **kwargs) -> bytes:
    buf = io.BytesIO()
    render(buf, *args, **kwargs)
    return buf.getvalue()


# --- Danh sách -----------------------------------------------------------------------

def list_chunk_pdf(meta: dict, lines: Sequence[listing.Line], show_top: bool) -> bytes:
    """One contiguous piece of the list as PDF (runs in a worker or in-process)."""
    html = env.jinja.get_template("list.html").render(lines=lines, show_top=show_top, **meta)
    return html_to_pdf(html, ("fonts", "list"))


def _list_pdfs(data: CommendationListData, workers: int, directory: str,
               on_progress: ProgressCallback | None) -> ChunkStream:
    if sum(len(g.rows) for g in data.collectives + data.individuals) <= SMALL_LIST_ROWS:
        workers = 1
    args = _list_chunk_args(data, parts=workers)
    weights = [sum(1 for line in lines if line.kind == "r") for _, lines, _ in args]
    return render_chunks(list_chunk_pdf, args, directory=directory, workers=workers,
                         weights=weights, on_progress=on_progress)


def _list_chunk_args(data: CommendationListData, *, parts: int) -> list[tuple]:
    meta = {k: getattr(data, k) for k in
            ("title", "subtitle", "decision_number", "decision_date", "decided_by")}
    chunks = listing.chunk(listing.blocks(data), parts=parts, max_rows=LIST_CHUNK_ROWS)
    return [(meta, tuple(c), i == 0) for i, c in enumerate(chunks)]


def render_commendation_list_to(target: Target, data: CommendationListData, *,
                                workers: int | None = None,
                                on_progress: ProgressCallback | None = None) -> int:
    """Write the annex "DANH SÁCH …" to ``target``, "Trang x/y" stamped; returns pages."""
    data = nfc(data)
    with _output(target) as out, _workdir() as tmp:
        with closing(_list_pdfs(data, resolve_workers(workers), tmp, on_progress)) as chunks:
            files = list(chunks)  # y of "Trang x/y" is known only once all have arrived
        merger = PdfConcatenator(out)
        _append_numbered(merger, files)
        merger.close()
    return merger.pages


def render_commendation_list(data: CommendationListData, *, workers: int | None = None,
                             on_progress: ProgressCallback | None = None) -> bytes:
    """The annex "DANH SÁCH …" with "Trang x/y" stamped over the merged pages."""
    return _to_bytes(render_commendation_list_to, data, workers=workers,
                     on_progress=on_progress)


# --- Quyết định ----------------------------------------------------------------------

def render_decision_to(target: Target, data: DecisionData, *, workers: int | None = None,
                       on_progress: ProgressCallback | None = None) -> int:
    """Write the Quyết định and its annex (numbered on its own) to ``target``; returns pages."""
    data = nfc(data)
    with _output(target) as out, _workdir() as tmp:
        # Start the annex first: in the pool it lays out while this process does the decision.
        annex = (_list_pdfs(data.annex, resolve_workers(workers), tmp, on_progress)
                 if data.annex is not None else None)
        with closing(annex) if annex is not None else nullcontext():
            html = env.jinja.get_template("decision.html").render(d=data)
            merger = PdfConcatenator(out)
            merger.append(html_to_pdf(html, ("fonts", "decision")))
            files = list(annex or ())
        _append_numbered(merger, files)
        merger.close()
    return merger.pages


def render_decision(data: DecisionData, *, workers: int | None = None,
                    on_progress: ProgressCallback | None = None) -> bytes:
    """The Quyết định, followed by its annex (numbered on its own) when given."""
    return _to_bytes(render_decision_to, data, workers=workers, on_progress=on_progress)


# --- Bằng khen / Giấy khen -----------------------------------------------------------

def certificates_chunk_pdf(items: Sequence[CertificateData], options: CertificateOptions) -> bytes:
    """Certificates as one document, one per page (runs in a worker or in-process)."""
    zoom = _A3_ZOOM if options.paper == "A3" else 1.0
    html = env.jinja.get_template("certificates.html").render(
        items=items,
        qr=[qr_png_data_uri(c.verification_url) for c in items],
        title=items[0].title if items else "",
        # Offsets are given in real millimetres on the printed sheet.
        offset_x=f"{options.offset_x_mm / zoom:.3f}",
        offset_y=f"{options.offset_y_mm / zoom:.3f}",
        page_h=f"{210 if zoom == 1 else 297 / zoom:.3f}",
        draw_border=options.draw_border,
        uppercase_name=options.uppercase_name,
    )
    return html_to_pdf(html, ("fonts", "certificate"), zoom=zoom)


def render_certificates_to(target: Target, items: Sequence[CertificateData],
                           options: CertificateOptions = CertificateOptions(), *,
                           workers: int | None = None,
                           on_progress: ProgressCallback | None = None) -> int:
    """Write a batch of certificates to ``target``, one per page; returns pages.

    Chunks are merged as they arrive and deleted, so memory stays flat however
    large the batch: use this (with a path) for big batches.
    """
    items = nfc(tuple(items))
    if not items:
        raise ValueError("Không có bằng khen/giấy khen nào để in.")
    workers = 1 if len(items) <= SMALL_CERT_BATCH else resolve_workers(workers)
    parts = workers * max(1, math.ceil(len(items) / (CERT_CHUNK * workers)))
    size = math.ceil(len(items) / parts)
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    with _output(target) as out, _workdir() as tmp:
        with closing(render_chunks(certificates_chunk_pdf, [(c, options) for c in chunks],
                                   directory=tmp, workers=workers,
                                   weights=[len(c) for c in chunks],
                                   on_progress=on_progress)) as files:
            if len(chunks) == 1:  # WeasyPrint's own file is the answer
                path, pages = next(files)
                with open(path, "rb") as f:
                    shutil.copyfileobj(f, out)
                return pages
            merger = PdfConcatenator(out)
            for path, _ in files:
                merger.append(path)
                os.unlink(path)
            merger.close()
    return merger.pages


def render_certificates(items: Sequence[CertificateData],
                        options: CertificateOptions = CertificateOptions(), *,
                        workers: int | None = None,
                        on_progress: ProgressCallback | None = None) -> bytes:
    """A batch of certificates, one per landscape page, in item order."""
    return _to_bytes(render_certificates_to, items, options, workers=workers,
                     on_progress=on_progress)


# --- Warm-up -------------------------------------------------------------------------

def warm_up() -> None:
    """Load fonts and stylesheets and lay out one tiny page of each batch kind."""
    from datetime import date

    day = date(2025, 1, 1)
    demo = CommendationListData(
        title="DANH SÁCH", decision_number="1/QĐ-UBND", decision_date=day,
        individuals=(ListGroup("Ủy ban", (ListRow("Nguyễn Văn Ánh", "Chuyên viên"),)),))
    for args in _list_chunk_args(demo, parts=1):
        list_chunk_pdf(*args)
    cert = CertificateData(
        title="BẰNG KHEN", recipient_name="Nguyễn Văn Ánh", detail="Chuyên viên",
        achievement="Đã có thành tích", decision_number="1/QĐ-UBND", decision_date=day,
        golden_book_number="1", signed_on=day, signer=Signer(("CHỦ TỊCH",), "Trần Ánh"),
        verification_url="https://example.invalid/v/1", honorific="Ông")
    certificates_chunk_pdf((cert,), CertificateOptions())
