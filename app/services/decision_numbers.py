"""Registers: decision numbers and golden-book numbers, per issuer and year.

Both are race-safe: the issuer's org-unit row is locked (SELECT … FOR UPDATE on
PostgreSQL; SQLite serialises writers anyway) before the highest number is read, and
a unique constraint backs it up, so two clerks issuing at once never share a number.
"""
from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import Certificate, Decision, OrgUnit
from app.services.errors import ServiceError


def lock_register(issuer_unit_id: int) -> None:
    """Hold the issuer's register until the transaction ends."""
    db.session.execute(select(OrgUnit.id).where(OrgUnit.id == issuer_unit_id).with_for_update())


def next_decision_number(*, issuer_unit_id: int, year: int) -> int:
    """The next free number in the issuer's decision register for the year."""
    highest = db.session.scalar(
        select(func.max(Decision.number)).where(Decision.issuer_unit_id == issuer_unit_id,
                                                Decision.year == year))
    return (highest or 0) + 1


def check_decision_number(*, issuer_unit_id: int, year: int, number: int, exclude_id: int | None = None) -> None:
    """Refuse a number already used by this issuer in this year."""
    if number < 1:
        raise ServiceError("Số quyết định phải là số nguyên dương.", "number")
    query = select(Decision.id).where(Decision.issuer_unit_id == issuer_unit_id, Decision.year == year,
                                      Decision.number == number)
    if exclude_id is not None:
        query = query.where(Decision.id != exclude_id)
    if db.session.scalar(query) is not None:
        raise ServiceError(f"Số {number} năm {year} đã được dùng cho một quyết định khác của cơ quan này.",
                           "number")


def next_golden_book_numbers(*, issuer_unit_id: int, year: int, count: int) -> list[int]:
    """``count`` consecutive free golden-book numbers (số sổ vàng) for the issuer and year."""
    highest = db.session.scalar(
        select(func.max(Certificate.golden_book_number)).where(Certificate.issuer_unit_id == issuer_unit_id,
                                                               Certificate.year == year))
    start = (highest or 0) + 1
    return list(range(start, start + count))
