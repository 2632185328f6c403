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
