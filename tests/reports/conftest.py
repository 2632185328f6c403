"""Helpers for the PDF tests: they need no app fixture, only the reports package."""
from __future__ import annotations

import io

import pdfplumber
import pytest


def pdf_pages_text(pdf: bytes) -> list[str]:
    """Extracted text of every page."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [(float(p.width), float(p.height)) for p in doc.pages]


@pytest.fixture(scope="session")
def text_of():
    return pdf_pages_text
