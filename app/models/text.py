"""Text folding for search that ignores Vietnamese diacritics and case."""
import unicodedata


def fold(value: str | None) -> str:
    """Lower-case, strip diacritics and map đ→d: "Gia Lâm" → "gia lam"."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def nfc(value: str | None) -> str | None:
    """Normalise user text to NFC and trim it; None stays None."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value).strip()


# Vietnamese alphabetical order (with f j w z for foreign names); digits come first.
_ALPHABET = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
             "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
_RANK = {ch: 20 + i for i, ch in enumerate(_ALPHABET)} | {str(d): 10 + d for d in range(10)}
# Letter-forming marks (breve, circumflex, horn) versus tone marks, in dictionary order:
# ngang, huyền, hỏi, ngã, sắc, nặng.
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_WORD, _END = "01", "00"


def _letter(ch: str) -> tuple[str, int]:
    """The Vietnamese base letter (ă, â, ơ… kept) and the tone rank of one character."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    tone = 0
    base = ""
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        elif part in _LETTER_MARKS or unicodedata.category(part) != "Mn":
            base += part
    return unicodedata.normalize("NFC", base), tone


def collation_key(text: str | None) -> str:
    """A digits-only key whose plain string order is Vietnamese dictionary order, syllable by
    syllable: letters by the Vietnamese alphabet (a < ă < â < b … d < đ), then the tone breaks
    ties within the syllable (a à ả ã á ạ). Digits only, so every database collation agrees."""
    words: list[str] = []
    for word in unicodedata.normalize("NFC", text or "").split():
        letters, tones = [], []
        for ch in word:
            base, tone = _letter(ch)
            rank = _RANK.get(base)
            if rank is None:
                continue  # punctuation and symbols do not sort
            letters.append(str(rank))
            tones.append(str(tone))
        if letters:
            words.append("".join(letters) + _END + "".join(tones))
    return _WORD.join(words)


def person_sort_key(full_name: str | None) -> str:
    """Vietnamese people sort by given name (the last word), then the rest in order."""
    words = (full_name or "").split()
    if not words:
        return ""
    return collation_key(" ".join([words[-1], *words[:-1]]))
