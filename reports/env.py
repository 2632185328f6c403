"""Jinja environment, the locked-down URL fetcher and per-process WeasyPrint state."""
from __future__ import annotations

import base64
import binascii
import mimetypes
import os
from pathlib import Path
from urllib.parse import unquote

import jinja2
from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import formatting

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"

#: Scheme under which templates and CSS reference bundled files: ``reports:fonts/x.ttf``.
STATIC_SCHEME = "reports:"


class ForbiddenURLError(ValueError):
    """Raised for any URL outside ``reports/static`` (file://, http(s)://, ../ …)."""


def static_path(url: str) -> Path:
    """Map a ``reports:`` URL to a file under ``STATIC_DIR``, or raise ForbiddenURLError."""
    if not url.startswith(STATIC_SCHEME):
        raise ForbiddenURLError(f"Chỉ được tải tệp trong reports/static: {url!r}")
    relative = unquote(url[len(STATIC_SCHEME):].split("?", 1)[0].split("#", 1)[0])
    root = STATIC_DIR.resolve()
    path = (root / relative.lstrip("/")).resolve()
    # resolve() folds "../" and symlinks, so containment is checked on the real path.
    if not path.is_relative_to(root) or not path.is_file():
        raise ForbiddenURLError(f"Tệp không nằm trong reports/static: {url!r}")
    return path


class StaticOnlyFetcher(URLFetcher):
    """WeasyPrint fetcher serving only ``reports:`` files and inline ``data:`` URIs.

    ``file://`` and every network scheme raise; with ``fail_on_errors`` the
    refusal aborts rendering instead of silently dropping the resource.
    """

    def __init__(self) -> None:
        super().__init__(fail_on_errors=True, allow_redirects=False)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return _data_uri(url)
        path = static_path(url)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".ttf":
            mime = "font/ttf"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})


def _data_uri(url: str) -> URLFetcherResponse:
    header, sep, payload = url[5:].partition(",")
    if not sep:
        raise ForbiddenURLError("data: URI không hợp lệ")
    mime = header.split(";", 1)[0] or "text/plain"
    try:
        body = base64.b64decode(payload) if header.endswith(";base64") else unquote(payload).encode()
    except binascii.Error as exc:
        raise ForbiddenURLError("data: URI không hợp lệ") from exc
    return URLFetcherResponse(url, body, {"Content-Type": mime})


url_fetcher = StaticOnlyFetcher()


def _make_jinja() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        long_date=formatting.long_date,
        place_date=formatting.place_date,
        short_date=formatting.short_date,
        number=formatting.number,
        roman=formatting.roman,
        upper_vi=formatting.upper_vi,
    )
    return env


jinja = _make_jinja()


class _ProcessState:
    """FontConfiguration and parsed stylesheets, built once per process.

    Sharing one FontConfiguration avoids a Pango font map per document; the
    pid check rebuilds them in forked workers instead of reusing the parent's.
    """

    def __init__(self) -> None:
        self.pid = -1
        self.font_config: FontConfiguration | None = None
        self.sheets: dict[str, CSS] = {}

    def ensure(self) -> None:
        if self.pid != os.getpid():
            self.pid = os.getpid()
            self.font_config = FontConfiguration()
            self.sheets = {}


_state = _ProcessState()


def font_config() -> FontConfiguration:
    """The process-wide FontConfiguration."""
    _state.ensure()
    assert _state.font_config is not None
    return _state.font_config


def stylesheet(name: str) -> CSS:
    """Parsed ``static/css/<name>.css`` (with fonts), cached per process."""
    _state.ensure()
    sheet = _state.sheets.get(name)
    if sheet is None:
        url = f"{STATIC_SCHEME}css/{name}.css"
        sheet = CSS(string=static_path(url).read_text("utf-8"), base_url=url,
                    url_fetcher=url_fetcher, font_config=font_config())
        _state.sheets[name] = sheet
    return sheet
