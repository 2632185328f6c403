"""Stable content hashes, so the app can cache rendered PDFs by content."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date
from typing import Any

from .formatting import nfc

#: Bump when templates, CSS, fonts or layout code change the output.
RENDERER_VERSION = "2025.1"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"__type__": type(value).__name__, **fields}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return {"__date__": value.isoformat()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"content_key cannot hash {type(value).__name__}")


def content_key(*data: Any) -> str:
    """SHA-256 hex of the records' content and ``RENDERER_VERSION``.

    Pass every input of one render call (e.g. ``content_key(items, options)``);
    equal content (after NFC normalisation, as rendered) gives an equal key
    across processes and runs.
    """
    payload = json.dumps([RENDERER_VERSION, _plain(nfc(list(data)))], ensure_ascii=False,
                         sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
