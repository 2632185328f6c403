"""Printing decisions, lists and certificates: content-keyed cache, in-request or background.

A print request builds the plain records (decision_documents), hashes them with
``reports.content_key`` and looks for ``<PDF_CACHE_FOLDER>/<kind>-<key>.pdf``: while
nothing changed the same file is served again at once. Small jobs render in the request;
big ones (> 50 certificates, > 200 list rows) become a PrintJob that app/jobs/pdf.py runs
on the RQ queue "thidua-pdf" when REDIS_URL is set, or on an in-process worker thread
otherwise. Files are written to a temporary name and renamed, so a failed job leaves no
partial file.
"""
from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import current_app
from sqlalchemy import select

from app.extensions import db
from app.models import Decision, PrintJob, PrintJobStatus, PrintKind, User
from app.models.base import utcnow
from app.services import decision_documents as documents
from app.services.errors import ServiceError
from reports import (CertificateOptions, content_key, render_certificates, render_commendation_list,
                     render_decision)

#: Above these sizes a print runs in the background with a progress bar.
SMALL_CERTIFICATES = 50
SMALL_LIST_ROWS = 200
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintPlan:
    """What to render: the records, their content key and their size (rows or certificates)."""

    kind: PrintKind
    key: str
    size: int
    data: Any
    options: CertificateOptions | None = None

    @property
    def is_small(self) -> bool:
        limit = SMALL_CERTIFICATES if self.kind is PrintKind.CERTIFICATES else SMALL_LIST_ROWS
        return self.size <= limit


def certificate_options(raw: dict[str, Any] | None) -> CertificateOptions:
    raw = raw or {}
    return CertificateOptions(paper=raw.get("paper", "A4"), offset_x_mm=float(raw.get("offset_x_mm", 0)),
                              offset_y_mm=float(raw.get("offset_y_mm", 0)),
                              draw_border=bool(raw.get("draw_border", True)))


def plan_print(decision: Decision, kind: PrintKind, options: dict[str, Any] | None = None) -> PrintPlan:
    """Build the records for ``kind`` from the database and key them by content."""
    if kind is PrintKind.CERTIFICATES:
        items = documents.certificate_items(decision)
        if not items:
            raise ServiceError("Quyết định không có bằng khen, giấy khen nào còn hiệu lực để in.")
        opts = certificate_options(options)
        return PrintPlan(kind, content_key(kind.value, items, opts), len(items), items, opts)
    if not decision.items:
        raise ServiceError("Quyết định chưa có tập thể, cá nhân nào.")
    data = documents.list_data(decision) if kind is PrintKind.LIST else documents.decision_data(decision)
    return PrintPlan(kind, content_key(kind.value, data), len(decision.items), data)


def cache_path(plan_or_job: PrintPlan | PrintJob) -> Path:
    kind = plan_or_job.kind.value
    key = plan_or_job.key if isinstance(plan_or_job, PrintPlan) else plan_or_job.content_key
    return Path(current_app.config["PDF_CACHE_FOLDER"]) / f"{kind}-{key}.pdf"


def render_plan(plan: PrintPlan, on_progress=None) -> bytes:  # noqa: ANN001
    if plan.kind is PrintKind.CERTIFICATES:
        return render_certificates(plan.data, plan.options or CertificateOptions(), on_progress=on_progress)
    if plan.kind is PrintKind.LIST:
        return render_commendation_list(plan.data, on_progress=on_progress)
    return render_decision(plan.data, on_progress=on_progress)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: readers never see half a PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ensure_pdf(decision: Decision, kind: PrintKind, options: dict[str, Any] | None = None) -> Path:
    """The PDF for ``kind``, from the cache or rendered now (CLI, benchmarks, small jobs)."""
    plan = plan_print(decision, kind, options)
    path = cache_path(plan)
    if not path.exists():
        write_atomic(path, render_plan(plan))
    return path


def request_print(decision: Decision, kind: PrintKind, *, by: User,
                  options: dict[str, Any] | None = None) -> PrintJob:
    """A job for the request: DONE at once when cached or small, else QUEUED.

    The caller commits, then calls ``enqueue(job)`` for a QUEUED job.
    """
    if not decision.can_print(by):
        raise ServiceError("Bạn không có quyền in quyết định này.")
    plan = plan_print(decision, kind, options)
    path = cache_path(plan)
    pending = db.session.scalar(
        select(PrintJob).where(PrintJob.decision_id == decision.id, PrintJob.kind == kind,
                               PrintJob.content_key == plan.key,
                               PrintJob.status.in_([PrintJobStatus.QUEUED, PrintJobStatus.RUNNING]))
        .order_by(PrintJob.id.desc()).limit(1))
    if pending is not None and not path.exists():
        return pending
    job = PrintJob(kind=kind, decision=decision, options=options or {}, content_key=plan.key,
                   total=plan.size, created_by=by)
    db.session.add(job)
    if not path.exists() and plan.is_small:
        write_atomic(path, render_plan(plan))
    if path.exists():
        finish_print_job(job, path)
    db.session.flush()
    return job


def finish_print_job(job: PrintJob, path: Path) -> None:
    job.status, job.file_path, job.done, job.error = PrintJobStatus.DONE, str(path), job.total, ""
    job.finished_at = utcnow()


def retry_print_job(job: PrintJob, *, by: User) -> PrintJob:
    if job.status is not PrintJobStatus.FAILED:
        raise ServiceError("Chỉ chạy lại được lệnh in bị lỗi.")
    if not job.decision.can_print(by):
        raise ServiceError("Bạn không có quyền in quyết định này.")
    job.status, job.error, job.done, job.started_at, job.finished_at = PrintJobStatus.QUEUED, "", 0, None, None
    db.session.flush()
    return job
