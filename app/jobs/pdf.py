"""Background print jobs: queueing and running them.

Like a view, a job is a unit of work and commits — here also after each progress step,
so the browser's progress bar can read it. The decisions (plan, cache, render) stay in
app/services/print_jobs.py. With REDIS_URL set, `rq worker --url $REDIS_URL thidua-pdf`
(`make worker`) imports this module and calls `run`; otherwise jobs run on one
in-process worker thread.
"""
from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from flask import Flask, current_app

from app.extensions import db
from app.models import PrintJob, PrintJobStatus
from app.models.base import utcnow
from app.services import decision_documents as documents
from app.services import print_jobs as service
from app.services.errors import ServiceError

QUEUE_NAME = "thidua-pdf"
log = logging.getLogger(__name__)
_app: Flask | None = None
_executor: ThreadPoolExecutor | None = None


def enqueue(job: PrintJob) -> str:
    """Start a committed QUEUED job on RQ (REDIS_URL) or the in-process worker thread."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    url = app.config.get("REDIS_URL")
    if url:
        try:
            from redis import Redis
            from rq import Queue

            Queue(QUEUE_NAME, connection=Redis.from_url(url)).enqueue(
                "app.jobs.pdf.run", job.id, job_timeout=3600, result_ttl=0)
            return "rq"
        except Exception:  # Redis down: print anyway, in this process
            log.exception("RQ unavailable; printing job %s in-process", job.id)
    _thread_pool().submit(_run_in_app, app, job.id)
    return "thread"


def run(job_id: int) -> None:
    """RQ entry point: build the app once per worker and render PrintJob ``job_id``."""
    global _app
    if _app is None:
        from app import create_app

        _app = create_app()
    _run_in_app(_app, job_id)


def run_print_job(job_id: int) -> None:
    """Render one queued job (needs an app context); any failure is recorded on the job."""
    job = db.session.get(PrintJob, job_id)
    if job is None or job.status is not PrintJobStatus.QUEUED:
        return
    job.status, job.started_at = PrintJobStatus.RUNNING, utcnow()
    db.session.commit()
    try:
        decision = documents.load_decision(job.decision_id)
        plan = service.plan_print(decision, job.kind, job.options)
        job.content_key, job.total = plan.key, plan.size
        path = service.cache_path(plan)
        if not path.exists():
            service.write_atomic(path, service.render_plan(plan, on_progress=_progress_writer(job)))
        service.finish_print_job(job, path)
        db.session.commit()
    except Exception as exc:  # the job records any failure; nothing partial is left on disk
        log.exception("print job %s failed", job_id)
        db.session.rollback()
        job = db.session.get(PrintJob, job_id)
        if job is not None:
            job.status, job.finished_at = PrintJobStatus.FAILED, utcnow()
            job.error = (exc.message if isinstance(exc, ServiceError) else
                         f"Lỗi khi tạo tệp PDF ({type(exc).__name__}). Vui lòng thử lại.")
            db.session.commit()


def _progress_writer(job: PrintJob):  # noqa: ANN202
    def on_progress(done: int, total: int) -> None:
        job.done, job.total = done, total
        db.session.commit()

    return on_progress


def _thread_pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="thidua-pdf")
    return _executor


def _run_in_app(app: Flask, job_id: int) -> None:
    with app.app_context():
        try:
            run_print_job(job_id)
        finally:
            db.session.remove()
