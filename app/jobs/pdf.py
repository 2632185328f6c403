"""RQ entry point for print jobs: `rq worker --url $REDIS_URL thidua-pdf` imports this module.

The worker builds the app once (configuration from the environment, as for `flask run`)
and renders each job inside an app context.
"""
from __future__ import annotations

from flask import Flask

_app: Flask | None = None


def _get_app() -> Flask:
    global _app
    if _app is None:
        from app import create_app

        _app = create_app()
    return _app


def run(job_id: int) -> None:
    """Render PrintJob ``job_id``; failures are recorded on the job, never raised to RQ."""
    from app.extensions import db
    from app.services.print_jobs import run_print_job

    with _get_app().app_context():
        try:
            run_print_job(job_id)
        finally:
            db.session.remove()
