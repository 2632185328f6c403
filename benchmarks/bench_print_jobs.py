"""App-path benchmark: build the demo decision's records from the DB, render via reports/,
cache; then a repeated request for the unchanged batch.

    .venv/bin/python benchmarks/bench_print_jobs.py   # on the demo database (`make demo`)

Targets (issue 6): decision + list + 108 certificates ≤ 5 s cold; a repeat ≤ 0.1 s.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from sqlalchemy import select  # noqa: E402

from app import create_app
from app.models import Decision, DecisionStatus, PrintKind
from app.services.decision_documents import load_decision
from app.services.print_jobs import ensure_pdf

KINDS = (PrintKind.DECISION, PrintKind.LIST, PrintKind.CERTIFICATES)


def main() -> None:
    cache = tempfile.mkdtemp(prefix="bench-pdf-")
    app = create_app({"PDF_CACHE_FOLDER": cache})
    with app.app_context():
        found = select(Decision.id).where(Decision.number == 100, Decision.status == DecisionStatus.ISSUED)
        decision_id = app.extensions["sqlalchemy"].session.scalar(found)
        if decision_id is None:
            raise SystemExit("Demo decision 100/QĐ-UBND not found: run `make demo` first.")
        try:
            started = time.perf_counter()
            for kind in KINDS:
                t0 = time.perf_counter()
                path = ensure_pdf(load_decision(decision_id), kind)
                print(f"cold  {kind.value:<13} {time.perf_counter() - t0:6.2f} s  {path.stat().st_size / 1024:7.0f} KB")
            print(f"cold  total         {time.perf_counter() - started:6.2f} s   (target ≤ 5 s)")
            for kind in KINDS:
                t0 = time.perf_counter()
                ensure_pdf(load_decision(decision_id), kind)
                print(f"warm  {kind.value:<13} {(time.perf_counter() - t0) * 1000:6.1f} ms (target ≤ 100 ms)")
        finally:
            shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
