"""Form helpers for evidence uploads (several files per field).

The form checks only what it can cheaply and honestly: how many files and their extension.
The real checks (content sniffing, size) happen in `app.services.evidence.store_evidence`,
which the view calls with `evidence_uploads(form.field)`.
"""
from __future__ import annotations

from flask_wtf.file import MultipleFileField
from werkzeug.datastructures import FileStorage
from wtforms import Field
from wtforms.validators import StopValidation, ValidationError

from app.services.evidence import ACCEPT_ATTRIBUTE, ALLOWED_LABEL, ALLOWED_TYPES, EXTENSION_ALIASES


def evidence_uploads(field: Field) -> list[FileStorage]:
    """The files actually chosen (browsers send one empty part when none is)."""
    return [f for f in (field.data or []) if isinstance(f, FileStorage) and f.filename]


class EvidenceFiles:
    """Validator: at most `max_files` files, each with an accepted extension."""

    def __init__(self, *, max_files: int = 10, required: bool = False) -> None:
        self.max_files = max_files
        self.required = required
        self.field_flags = {"required": True} if required else {}

    def __call__(self, form, field: Field) -> None:  # noqa: ANN001
        files = evidence_uploads(field)
        if not files:
            if self.required:
                raise StopValidation("Vui lòng chọn ít nhất một tệp minh chứng.")
            return
        if len(files) > self.max_files:
            raise ValidationError(f"Chỉ được gửi tối đa {self.max_files} tệp mỗi lần.")
        for upload in files:
            ext = upload.filename.rsplit(".", 1)[-1].lower() if "." in upload.filename else ""
            if EXTENSION_ALIASES.get(ext, ext) not in ALLOWED_TYPES:
                raise ValidationError(
                    f"Tệp “{upload.filename}” có định dạng không được chấp nhận. Chỉ nhận {ALLOWED_LABEL}.")


def EvidenceFilesField(label: str = "Tệp minh chứng", *, max_files: int = 10, required: bool = False,
                       description: str = "") -> MultipleFileField:  # noqa: N802 - a field factory
    """A multiple-file field accepting our evidence types, validated by `EvidenceFiles`."""
    return MultipleFileField(
        label,
        validators=[EvidenceFiles(max_files=max_files, required=required)],
        description=description or f"{ALLOWED_LABEL}; mỗi tệp tối đa theo giới hạn hệ thống.",
        render_kw={"accept": ACCEPT_ATTRIBUTE, "multiple": True},
    )
