"""Figures for the dashboard, counted in SQL."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select

from app.extensions import db
from app.models import EmulationBlock, OrgUnit, Person, Role, User

VIEW_ROLES = (Role.ADMIN, Role.SECRETARIAT, Role.VIEWER, Role.UNIT_OFFICER)


@dataclass(frozen=True)
class Figure:
    label: str
    value: int
    endpoint: str | None = None


def count_overview(user: User, *, today: date | None = None) -> list[Figure]:
    """Headline counts of what exists today (current units, people, blocks, accounts)."""
    today = today or date.today()
    current = (OrgUnit.valid_from <= today) & or_(OrgUnit.valid_to.is_(None), OrgUnit.valid_to >= today)
    units = db.session.scalar(select(func.count()).select_from(OrgUnit).where(current)) or 0
    people = db.session.scalar(select(func.count()).select_from(Person)) or 0
    blocks = db.session.scalar(select(func.count()).select_from(EmulationBlock)) or 0
    figures = [
        Figure("Đơn vị đang hoạt động", units, "units.index" if user.has_role(*VIEW_ROLES) else None),
        Figure("Cá nhân", people, "people.index" if user.has_role(*VIEW_ROLES) else None),
        Figure("Khối, cụm thi đua", blocks, None),
    ]
    if user.is_admin:
        accounts = db.session.scalar(select(func.count()).select_from(User)) or 0
        figures.append(Figure("Tài khoản", accounts, "admin.users"))
    return figures
