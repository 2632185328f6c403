"""Small pure formatting helpers used by the templates (no arithmetic on data)."""
from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date
from typing import Any, TypeVar

T = TypeVar("T")


def long_date(d: date) -> str:
    """NĐ 30/2020 date: "ngày 05 tháng 02 năm 2025".

    A leading zero is written for days below 10 and for months 1 and 2 only
    (so "tháng 3", "tháng 12"), as the decree prescribes.
    """
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def place_date(place: str, d: date) -> str:
    """"Hà Nội, ngày 05 tháng 02 năm 2025"."""
    return f"{place}, {long_date(d)}"


def short_date(d: date) -> str:
    """"05/02/2025" (dd/mm/yyyy)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def number(value: float | int | None, digits: int = 2) -> str:
    """Vietnamese number format: "1.234,5"; trailing zeros dropped; ``None`` → "–"."""
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}" if digits else f"{value:,.0f}"
    if digits and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """Roman numeral for section numbers (1–39)."""
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def upper_vi(text: str) -> str:
    """Uppercase that keeps Vietnamese diacritics ("Phương" → "PHƯƠNG"), NFC."""
    return unicodedata.normalize("NFC", text.upper())


def nfc(value: T) -> T:
    """Return ``value`` with every string NFC-normalised, recursing into
    dataclasses, tuples and lists (dates, numbers and ``None`` pass through)."""
    return _nfc(value)


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _nfc(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(_nfc(v) for v in value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    return value
