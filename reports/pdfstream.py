"""Concatenate chunk PDFs straight into an output file, one chunk in memory at a time.

pypdf's ``PdfWriter`` keeps every appended page (and its reader) alive until
``write``, ~25 KB per page: 5,000 certificates cost the parent ~150 MB. Here
each chunk is parsed, its pages and everything they reference are written
out renumbered, and the chunk is dropped; only the output offsets (8 bytes an
object) and page numbers stay. "Trang x/y" is stamped in the same pass, so
the caller must know y (the pages of all stamped chunks) beforehand.

Scope: the PDFs WeasyPrint writes (no encryption, no outlines or forms worth
keeping); the catalogue keeps only ``/Lang``, the first chunk's ``/Info`` is
kept. Pages go in one flat ``/Pages`` node, which every reader accepts.
"""
from __future__ import annotations

import io
from array import array
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader
from pypdf.generic import (ArrayObject, DictionaryObject, IndirectObject, NameObject,
                           StreamObject)

# "Trang x/y" is pure ASCII, drawn with the PDF standard font Times-Roman (Times metrics,
# like the bundled Liberation Serif): milliseconds, where a WeasyPrint overlay cost seconds.
# Times-Roman advance widths (1/1000 em) of the characters the footer uses:
_WIDTHS = {"T": 611, "r": 333, "a": 444, "n": 500, "g": 500, " ": 250, "/": 278,
           **{d: 500 for d in "0123456789"}}
_MM = 72 / 25.4

_PAGES_ID = 1
_CATALOG_ID = 2


class PageNumbers:
    """"Trang x/y" for a run of ``total`` pages, counted across several chunks."""

    def __init__(self, total: int, *, size: float = 11, bottom_mm: float = 10) -> None:
        self.total, self.size, self.bottom_mm = total, size, bottom_mm
        self.done = 0

    def next_ops(self, mediabox: list) -> bytes:
        self.done += 1
        text = f"Trang {self.done}/{self.total}"
        width = sum(_WIDTHS[c] for c in text) * self.size / 1000
        left, bottom, right = (float(v) for v in mediabox[:3])
        x = left + (right - left - width) / 2
        y = bottom + self.bottom_mm * _MM
        # Q closes the q that wraps the page's own content: its graphics state cannot move us.
        return (f"Q\nq 0 g BT /FTrangStamp {self.size:g} Tf {x:.2f} {y:.2f} Td "
                f"({text}) Tj ET Q\n").encode("ascii")


class _Counting:
    """Write-through wrapper that knows the byte offset (the target need not seek)."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.pos = out, 0

    def write(self, data: bytes) -> int:
        self.out.write(data)
        self.pos += len(data)
        return len(data)


class PdfConcatenator:
    """Append PDFs (paths or bytes) page by page to ``out``; call ``close()`` to finish."""

    def __init__(self, out: BinaryIO) -> None:
        self._w = _Counting(out)
        self._offsets = array("q", [0, 0, 0])  # object 0 is the free head; 1, 2 come last
        self._kids: list[int] = []
        self._info: int | None = None
        self._lang = None
        self._stamp_font: int | None = None
        self._stamp_save: int | None = None
        self._w.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    @property
    def pages(self) -> int:
        return len(self._kids)

    def append(self, source: str | Path | bytes, numbers: PageNumbers | None = None) -> int:
        """Copy every page of ``source``; stamp them from ``numbers`` if given. Returns pages."""
        reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)
        ids: dict[int, int] = {}
        pending: list[int] = []

        def ref(obj: IndirectObject) -> int:
            new = ids.get(obj.idnum)
            if new is None:
                target = obj.get_object()
                if isinstance(target, DictionaryObject) and target.get("/Type") == "/Pages":
                    new = _PAGES_ID  # anything pointing at the old page tree gets ours
                else:
                    new = self._new_id()
                    pending.append(obj.idnum)
                ids[obj.idnum] = new
            return new

        root = reader.trailer["/Root"].get_object()
        if self._lang is None and "/Lang" in root:
            self._lang = root["/Lang"]
        if self._info is None and "/Info" in reader.trailer:
            self._info = ref(reader.trailer.raw_get("/Info"))
        stamped: dict[int, int] = {}  # source /Resources object -> our copy with the font
        pages = list(reader.pages)
        for page in pages:  # numbered up front: links from earlier pages must not copy them
            ids[page.indirect_reference.idnum] = self._new_id()
        for page in pages:
            page_id = ids[page.indirect_reference.idnum]
            copy = {k: v for k, v in page.items() if k != "/Parent"}
            if numbers is not None:
                self._stamp(copy, numbers, ref, stamped)
            self._begin(page_id)
            self._emit(copy, ref, parent=True)
            self._end()
            self._kids.append(page_id)
            self._flush(reader, ids, pending, ref)
        self._flush(reader, ids, pending, ref)
        return len(pages)

    def close(self) -> None:
        """Write the page tree, catalogue, cross-reference table and trailer."""
        self._begin(_PAGES_ID)
        kids = " ".join(f"{k} 0 R" for k in self._kids)
        self._w.write(f"<< /Type /Pages /Count {len(self._kids)} /Kids [{kids}] >>".encode())
        self._end()
        self._begin(_CATALOG_ID)
        self._w.write(b"<< /Type /Catalog /Pages 1 0 R")
        if self._lang is not None:
            self._w.write(b" /Lang ")
            self._lang.write_to_stream(self._w)
        self._w.write(b" >>")
        self._end()
        xref = self._w.pos
        lines = [f"xref\n0 {len(self._offsets)}\n0000000000 65535 f \n"]
        lines += [f"{off:010d} 00000 n \n" for off in self._offsets[1:]]
        info = f" /Info {self._info} 0 R" if self._info else ""
        lines.append(f"trailer\n<< /Size {len(self._offsets)} /Root 2 0 R{info} >>\n"
                     f"startxref\n{xref}\n%%EOF\n")
        self._w.write("".join(lines).encode())

    # --- internals -----------------------------------------------------------------

    def _new_id(self) -> int:
        self._offsets.append(0)
        return len(self._offsets) - 1

    def _begin(self, obj_id: int) -> None:
        self._offsets[obj_id] = self._w.pos
        self._w.write(f"{obj_id} 0 obj\n".encode())

    def _end(self) -> None:
        self._w.write(b"\nendobj\n")

    def _flush(self, reader: PdfReader, ids: dict[int, int], pending: list[int], ref) -> None:
        """Write the objects referenced so far, each once per chunk."""
        while pending:
            old = pending.pop()
            self._begin(ids[old])
            self._emit(reader.get_object(old), ref)
            self._end()

    def _raw(self, data: bytes) -> int:
        """A new stream object holding ``data`` uncompressed (it is tiny)."""
        obj_id = self._new_id()
        self._begin(obj_id)
        self._w.write(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data))
        self._end()
        return obj_id

    def _stamp(self, page: dict, numbers: PageNumbers, ref, stamped: dict[int, int]) -> None:
        """Wrap the page content in q/Q, add the footer and our font to the resources."""
        if self._stamp_font is None:
            self._stamp_font = self._new_id()
            self._begin(self._stamp_font)
            self._w.write(b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman "
                          b"/Encoding /WinAnsiEncoding >>")
            self._end()
            self._stamp_save = self._raw(b"q\n")
        ops = self._raw(numbers.next_ops(page["/MediaBox"].get_object()))
        contents = page.get("/Contents")
        existing: list = []
        if contents is not None:
            target = contents.get_object()
            existing = list(target) if isinstance(target, ArrayObject) else [contents]
        page["/Contents"] = [_Ref(self._stamp_save), *existing, _Ref(ops)]
        resources = page.get("/Resources")
        if not isinstance(resources, IndirectObject):
            page["/Resources"] = self._with_stamp_font(resources)
            return
        # WeasyPrint shares one resources dictionary among a chunk's pages: copy it once.
        new = stamped.get(resources.idnum)
        if new is None:
            new = stamped[resources.idnum] = self._new_id()
            self._begin(new)
            self._emit(self._with_stamp_font(resources), ref)
            self._end()
        page["/Resources"] = _Ref(new)

    def _with_stamp_font(self, resources) -> dict:
        """A copy of ``resources`` whose /Font also names our Times-Roman."""
        resources = dict(resources.get_object()) if resources is not None else {}
        fonts = resources.get("/Font")
        fonts = dict(fonts.get_object()) if fonts is not None else {}
        fonts["/FTrangStamp"] = _Ref(self._stamp_font)
        resources["/Font"] = fonts
        return resources

    def _emit(self, obj, ref, *, parent: bool = False) -> None:
        """Serialise ``obj`` with every reference renumbered through ``ref``."""
        w = self._w.write
        if isinstance(obj, _Ref):
            w(b"%d 0 R" % obj.new_id)
        elif isinstance(obj, IndirectObject):
            w(b"%d 0 R" % ref(obj))
        elif isinstance(obj, StreamObject):
            data = obj._data  # the encoded bytes, copied as they are
            self._emit_dict(obj, ref, skip="/Length", extra=b"/Length %d" % len(data))
            w(b"\nstream\n")
            w(data)
            w(b"\nendstream")
        elif isinstance(obj, dict):  # DictionaryObject, or our plain copies
            self._emit_dict(obj, ref, extra=b"/Parent 1 0 R" if parent else b"")
        elif isinstance(obj, list):
            w(b"[")
            for item in obj:
                self._emit(item, ref)
                w(b" ")
            w(b"]")
        else:
            obj.write_to_stream(self._w)

    def _emit_dict(self, obj: dict, ref, *, skip: str = "", extra: bytes = b"") -> None:
        w = self._w.write
        w(b"<<")
        for key, value in obj.items():
            if key == skip:
                continue
            NameObject(key).write_to_stream(self._w)
            w(b" ")
            self._emit(value, ref)
            w(b"\n")
        w(extra)
        w(b">>")


class _Ref:
    """A reference to an object already numbered in the output."""

    __slots__ = ("new_id",)

    def __init__(self, new_id: int) -> None:
        self.new_id = new_id
