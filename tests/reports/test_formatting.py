import unicodedata
from dataclasses import dataclass
from datetime import date

import pytest

from reports.data import ListGroup, ListRow
from reports.formatting import long_date, nfc, number, place_date, roman, short_date, upper_vi


@pytest.mark.parametrize(("day", "expected"), [
    (date(2025, 2, 5), "ngày 05 tháng 02 năm 2025"),
    (date(2025, 1, 15), "ngày 15 tháng 01 năm 2025"),
    (date(2025, 3, 9), "ngày 09 tháng 3 năm 2025"),
    (date(2024, 12, 25), "ngày 25 tháng 12 năm 2024"),
    (date(2024, 10, 10), "ngày 10 tháng 10 năm 2024"),
])
def test_long_date_leading_zeros_follow_nd30(day, expected):
    assert long_date(day) == expected


def test_place_date_and_short_date():
    assert place_date("Hà Nội", date(2025, 2, 5)) == "Hà Nội, ngày 05 tháng 02 năm 2025"
    assert short_date(date(2025, 2, 5)) == "05/02/2025"


def test_number_uses_vietnamese_separators():
    assert number(1234.5) == "1.234,5"
    assert number(90) == "90"
    assert number(87.25) == "87,25"
    assert number(None) == "–"


def test_roman_and_uppercase_keep_diacritics():
    assert [roman(n) for n in (1, 2, 4, 9, 14)] == ["I", "II", "IV", "IX", "XIV"]
    assert upper_vi("Nghiêm Thị Phương Chi") == "NGHIÊM THỊ PHƯƠNG CHI"
    assert upper_vi("đặng ước") == "ĐẶNG ƯỚC"


def test_nfc_normalises_nested_dataclasses():
    decomposed = unicodedata.normalize("NFD", "Nghiêm Thị Phương Chi")
    assert decomposed != "Nghiêm Thị Phương Chi"
    group = ListGroup(unicodedata.normalize("NFD", "Ủy ban"), (ListRow(decomposed, "x"),))
    out = nfc(group)
    assert out.rows[0].name == "Nghiêm Thị Phương Chi"
    assert out.unit == "Ủy ban"
    assert out.rows[0].detail == "x"


def test_nfc_leaves_non_text_alone():
    @dataclass(frozen=True)
    class Rec:
        when: date
        count: int
        maybe: str | None

    rec = Rec(date(2025, 1, 1), 3, None)
    assert nfc(rec) == rec
