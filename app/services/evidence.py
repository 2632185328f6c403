"""Evidence files: sniff the real type, enforce the size limit, store safely, serve to the allowed.

Public API (reused by every feature that takes uploads):
- ``store_evidence(upload, *, by, description="", field="evidence") -> EvidenceFile``
- ``store_evidence_files(uploads, *, by, field="evidence") -> list[EvidenceFile]``
- ``evidence_path(evidence) -> Path``, ``send_evidence(evidence) -> Response``
- ``remove_orphan_files(*, older_than=...) -> int``, ``ALLOWED_TYPES``, ``ACCEPT_ATTRIBUTE``

Files live under ``UPLOAD_FOLDER/evidence/<2 hex>/<32 hex>.<ext>`` (outside ``static/``).
A file is written to a temporary name and moved into place; if the surrounding database
transaction does not commit, the session hook below deletes it again.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import secrets
import tempfile
import time
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import filetype
from flask import Response, abort, current_app, send_file
from sqlalchemy import event, select
from sqlalchemy.orm import Session
from werkzeug.datastructures import FileStorage

from app.extensions import db
from app.models import EvidenceFile, User
from app.models.text import nfc
from app.services.errors import ServiceError

CHUNK = 64 * 1024
IN_MEMORY_BYTES = 2 * 1024 * 1024
_PENDING_KEY = "thidua_new_evidence_files"
_STORED_NAME = re.compile(r"^[0-9a-f]{32}\.[a-z]{3,4}$")


@dataclass(frozen=True)
class FileType:
    extension: str
    mime: str
    label: str


ALLOWED_TYPES: dict[str, FileType] = {
    "pdf": FileType("pdf", "application/pdf", "PDF"),
    "png": FileType("png", "image/png", "PNG"),
    "jpg": FileType("jpg", "image/jpeg", "JPEG"),
    "webp": FileType("webp", "image/webp", "WEBP"),
    "docx": FileType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
    "xlsx": FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
}
EXTENSION_ALIASES = {"jpeg": "jpg"}
ACCEPT_ATTRIBUTE = ".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx"
ALLOWED_LABEL = "PDF, PNG, JPEG, WEBP, DOCX, XLSX"

# The main part each OOXML package must declare in [Content_Types].xml.
_OOXML_MAIN = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
_DESCRIBED = {
    "exe": "tệp thực thi", "elf": "tệp thực thi", "wasm": "tệp thực thi",
    "zip": "tệp nén ZIP", "rar": "tệp nén RAR", "7z": "tệp nén 7z", "gz": "tệp nén GZIP",
    "doc": "tài liệu Word cũ (DOC)", "xls": "bảng tính Excel cũ (XLS)",
}


def max_upload_bytes() -> int:
    return int(current_app.config["MAX_UPLOAD_MB"]) * 1024 * 1024


def upload_root() -> Path:
    return Path(current_app.config["UPLOAD_FOLDER"]) / "evidence"


def evidence_path(evidence: EvidenceFile) -> Path:
    """Where the bytes of an evidence file live; refuses names that could leave the folder."""
    if not _STORED_NAME.match(evidence.stored_name):
        raise ValueError(f"invalid stored name {evidence.stored_name!r}")
    return upload_root() / evidence.stored_name[:2] / evidence.stored_name


def _extension_of(filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return EXTENSION_ALIASES.get(ext, ext)


def _clean_name(filename: str | None) -> str:
    """The user's file name for display and download: NFC, no path, no control characters."""
    name = nfc(filename or "") or ""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:200] or "tep-dinh-kem"


def _sniff(path: Path) -> str | None:
    """The real type of the file's content, as one of our extensions or filetype's own."""
    kind = filetype.guess(str(path))
    if kind is None:
        return None
    if kind.extension in ("zip", "docx", "xlsx", "pptx"):
        return _ooxml_kind(path) or "zip"
    return EXTENSION_ALIASES.get(kind.extension, kind.extension)


def _ooxml_kind(path: Path) -> str | None:
    """docx/xlsx when the ZIP declares the matching main part in [Content_Types].xml."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > 1024 * 1024:  # a real one is a few kB; refuse zip bombs
                return None
            content_types = archive.read(info).decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return None
    for ext, main in _OOXML_MAIN.items():
        if main in content_types:
            return ext
    return None


def _describe(kind: str | None) -> str:
    if kind is None:
        return "không nhận dạng được"
    if kind in ALLOWED_TYPES:
        return f"tệp {ALLOWED_TYPES[kind].label}"
    return _DESCRIBED.get(kind, f"tệp {kind.upper()}")


def _copy_limited(upload: FileStorage, target, limit: int, name: str, field: str) -> tuple[int, str]:
    """Stream the upload into target, counting (Content-Length is not trusted); size and SHA-256."""
    digest, size = hashlib.sha256(), 0
    while chunk := upload.stream.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise ServiceError(
                f"Tệp “{name}” vượt quá giới hạn {current_app.config['MAX_UPLOAD_MB']} MB.", field)
        digest.update(chunk)
        target.write(chunk)
    return size, digest.hexdigest()


def store_evidence(upload: FileStorage, *, by: User | None, description: str = "",
                   field: str = "evidence") -> EvidenceFile:
    """Check and store one uploaded file; returns the flushed EvidenceFile (not linked yet).

    Raises ServiceError (Vietnamese, on `field`) for a missing, empty, too large, unsupported
    or disguised file; nothing is left on disk or in the session when it does."""
    name = _clean_name(upload.filename if upload else None)
    if upload is None or not upload.filename:
        raise ServiceError("Chưa chọn tệp.", field)
    declared = _extension_of(name)
    if declared not in ALLOWED_TYPES:
        raise ServiceError(f"Tệp “{name}” có định dạng không được chấp nhận. Chỉ nhận {ALLOWED_LABEL}.", field)
    root = upload_root()
    stored_name = f"{secrets.token_hex(16)}.{declared}"
    final = root / stored_name[:2] / stored_name
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".upload-", dir=root)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            size, sha256 = _copy_limited(upload, out, max_upload_bytes(), name, field)
        if size == 0:
            raise ServiceError(f"Tệp “{name}” rỗng.", field)
        actual = _sniff(tmp)
        if actual != declared:
            expected = ALLOWED_TYPES[declared].label
            raise ServiceError(
                f"Tệp “{name}” không phải là {expected} thật (nội dung là {_describe(actual)}).", field)
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    _remember_new_file(final)
    evidence = EvidenceFile(
        stored_name=stored_name, original_name=name, mime_type=ALLOWED_TYPES[declared].mime,
        size_bytes=size, sha256=sha256, description=(nfc(description) or "")[:500],
        uploaded_by_id=by.id if by is not None else None,
    )
    db.session.add(evidence)
    db.session.flush()
    return evidence


def store_evidence_files(uploads: list[FileStorage], *, by: User | None,
                         field: str = "evidence") -> list[EvidenceFile]:
    """Store several uploads; every refused file is reported in one ServiceError (joined)."""
    stored, problems = [], []
    for upload in uploads:
        if upload is None or not upload.filename:
            continue
        try:
            stored.append(store_evidence(upload, by=by, field=field))
        except ServiceError as error:
            problems.append(error.message)
    if problems:
        raise ServiceError(" ".join(problems), field)
    return stored


def send_evidence(evidence: EvidenceFile) -> Response:
    """Download response: attachment, original (Vietnamese) name via RFC 5987, no sniffing."""
    path = evidence_path(evidence)
    if not path.is_file():
        abort(404)
    # Small files are answered from memory, so no handle outlives a client that never closes.
    source = io.BytesIO(path.read_bytes()) if evidence.size_bytes <= IN_MEMORY_BYTES else path
    response = send_file(source, mimetype=evidence.mime_type, as_attachment=True,
                         download_name=evidence.original_name, max_age=0, etag=evidence.sha256)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def verify_evidence(evidence: EvidenceFile) -> bool:
    """True when the stored bytes still hash to the recorded SHA-256."""
    path = evidence_path(evidence)
    if not path.is_file():
        return False
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest() == evidence.sha256


def remove_orphan_files(*, older_than: timedelta = timedelta(hours=1)) -> int:
    """Delete stored files no EvidenceFile row names (e.g. after a crash); returns how many.

    Young files are kept: they may belong to a request whose transaction is still open."""
    root = upload_root()
    if not root.is_dir():
        return 0
    known = set(db.session.scalars(select(EvidenceFile.stored_name)))
    cutoff = time.time() - older_than.total_seconds()
    removed = 0
    for path in root.glob("*/*"):
        if path.is_file() and path.name not in known and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    for path in root.glob(".upload-*"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


# --- keep the disk in step with the transaction ------------------------------------------
# New files are remembered on the session; a commit forgets them (they are now owned by rows),
# the end of any other root transaction (rollback, close) deletes them.

def _remember_new_file(path: Path) -> None:
    db.session.info.setdefault(_PENDING_KEY, []).append(str(path))


@event.listens_for(Session, "after_commit")
def _forget_committed_files(session: Session) -> None:
    session.info.pop(_PENDING_KEY, None)


@event.listens_for(Session, "after_transaction_end")
def _delete_uncommitted_files(session: Session, transaction) -> None:  # noqa: ANN001
    if transaction.parent is not None or transaction.nested:
        return
    for name in session.info.pop(_PENDING_KEY, []):
        Path(name).unlink(missing_ok=True)
