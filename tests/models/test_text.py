"""Folding for search and the Vietnamese collation used to sort people and units."""
import pytest

from app.models.text import collation_key, fold, person_sort_key


def test_fold_ignores_diacritics_and_case():
    assert fold("Gia Lâm") == "gia lam"
    assert fold("  ĐỨC   Thắng ") == "duc thang"


@pytest.mark.parametrize("words", [
    ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô", "ơ",
     "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"],
    ["a", "à", "ả", "ã", "á", "ạ"],          # tones break ties in dictionary order
    ["an", "anh", "ăn", "ân"],               # letters before tones: "ăn" after every "an…"
    ["Đa", "Đà", "Đạ", "Đan"],
    ["Hà", "Hạ", "Hai", "Hải"],
    ["Ba", "Ba Vì", "Bà Rịa", "Bác"],         # syllable by syllable, tone within the syllable
])
def test_collation_key_orders_the_vietnamese_alphabet(words):
    assert sorted(reversed(words), key=collation_key) == words


def test_collation_is_case_and_normalisation_insensitive():
    import unicodedata
    assert collation_key("Ơn") == collation_key("ơn") == collation_key(unicodedata.normalize("NFD", "ơn"))


def test_people_sort_by_given_name_then_family_name():
    names = ["Trần Văn Bình", "Nguyễn Thị Ánh", "Lê Thị An", "Nguyễn Văn An", "Đỗ Đức Đạt", "Phạm Dũng"]
    ordered = sorted(names, key=person_sort_key)
    assert ordered == ["Lê Thị An", "Nguyễn Văn An", "Nguyễn Thị Ánh", "Trần Văn Bình", "Phạm Dũng", "Đỗ Đức Đạt"]


def test_keys_are_digits_only_so_databases_agree():
    assert person_sort_key("Nghiêm Thị Phương Chi").isdigit()
    assert person_sort_key("") == ""
