"""QR codes for certificate verification, drawn as one small PNG each.

A PNG (or a single SVG path) costs ~10–20 ms per certificate; one <rect> per
module was measured 6–8× slower (research/pdf-performance.md, F6).
"""
from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=4096)
def qr_png_data_uri(url: str) -> str:
    """PNG data URI of ``url`` (error level M, no quiet zone: the page is white)."""
    return segno.make(url, error="m").png_data_uri(scale=4, border=0)
