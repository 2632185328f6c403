"""Stamp "Trang x/y" on merged pages.

Chunks rendered in different processes cannot know the total page count, so
the footer is added after the merge. The text is pure ASCII, so it is drawn
with the PDF standard font Times-Roman (Times metrics, like the bundled
Liberation Serif); this costs milliseconds, where a WeasyPrint overlay plus
``merge_page`` cost 0.6–9 s (research/pdf-performance.md §2.1).
"""
from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject,
                           NameObject)

# Times-Roman advance widths (1/1000 em) of the characters the footer uses.
_WIDTHS = {"T": 611, "r": 333, "a": 444, "n": 500, "g": 500, " ": 250, "/": 278,
           **{d: 500 for d in "0123456789"}}
_FONT_NAME = NameObject("/FTrangStamp")
_MM = 72 / 25.4


def _stream(writer: PdfWriter, data: bytes):
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def stamp_page_numbers(writer: PdfWriter, start: int = 0, *, size: float = 11,
                       bottom_mm: float = 10) -> None:
    """Write "Trang x/y" centred at the foot of pages ``start`` … end of ``writer``.

    x and y count only those pages, so a decision followed by its annex numbers
    the annex on its own.
    """
    pages = writer.pages[start:]
    total = len(pages)
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Times-Roman"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }))
    save = _stream(writer, b"q\n")
    for i, page in enumerate(pages, 1):
        text = f"Trang {i}/{total}"
        width = sum(_WIDTHS[c] for c in text) * size / 1000
        box = page.mediabox
        x = float(box.left) + (float(box.width) - width) / 2
        y = float(box.bottom) + bottom_mm * _MM
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else DictionaryObject()
        page[NameObject("/Resources")] = resources
        fonts = resources.get("/Font")
        if fonts is None:
            fonts = DictionaryObject()
            resources[NameObject("/Font")] = fonts
        fonts.get_object()[_FONT_NAME] = font
        # Wrap the original content in q/Q so its graphics state cannot move the stamp.
        ops = (f"Q\nq 0 g BT {_FONT_NAME} {size:g} Tf {x:.2f} {y:.2f} Td "
               f"({text}) Tj ET Q\n").encode("ascii")
        contents = page.get("/Contents")
        existing = []
        if contents is not None:
            obj = contents.get_object()
            existing = list(obj) if isinstance(obj, ArrayObject) else [page.raw_get("/Contents")]
        page[NameObject("/Contents")] = ArrayObject([save, *existing, _stream(writer, ops)])
