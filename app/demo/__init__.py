"""Demo data for `make run`: realistic, idempotent (a second run changes nothing).

Each feature owns one loader module; they run in the order below, each in the same
transaction, and each returns the lines it wants printed.
"""
from __future__ import annotations

from collections.abc import Callable

from app.demo import catalogue, decisions, foundation
from app.demo import initiatives
from app.demo import nominations
from app.demo import council
from app.extensions import db

DEMO_PASSWORD = "thidua2025"

LOADERS: list[Callable[[], list[str]]] = [
    foundation.load,
    catalogue.load,
    initiatives.load,  # after catalogue when it is registered (links the CCHC campaign)
    nominations.load,
    council.load,  # after nominations: scores and closes the CCHC council
    decisions.load,  # keep last: issues the council's approved set
]


def load_demo() -> list[str]:
    """Run every loader and commit once; on any error nothing is kept."""
    lines: list[str] = []
    try:
        for loader in LOADERS:
            lines.extend(loader())
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return lines
