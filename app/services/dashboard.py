"""Figures for the dashboard, counted in SQL: the user's work first, then what exists."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select

from app.extensions import db
from app.models import (
    Campaign, CampaignStage, Decision, DecisionStatus, EmulationBlock, Initiative, OrgUnit, Person, Role, User,
)
from app.services.campaigns import visible_campaigns
from app.services.initiatives import visible_initiatives
from app.services.nominations import list_counts, work_lists

VIEW_ROLES = (Role.ADMIN, Role.SECRETARIAT, Role.VIEWER, Role.UNIT_OFFICER)
NOMINATION_ROLES = (Role.ADMIN, Role.SECRETARIAT, Role.VIEWER, Role.UNIT_OFFICER, Role.COUNCIL_MEMBER)


@dataclass(frozen=True)
class Figure:
    label: str
    value: int
    endpoint: str | None = None
    args: dict[str, str] = field(default_factory=dict)


def count_work(user: User) -> list[Figure]:
    """The user's nomination work lists ("Chờ tiếp nhận", "Bị trả lại"…), with their counts."""
    if not user.has_role(*NOMINATION_ROLES):
        return []
    lists = [wl for wl in work_lists(user) if wl.statuses]
    counts = list_counts(user, lists)
    return [Figure(wl.label, counts[wl.key], "nominations.index", {"list": wl.key}) for wl in lists]


def count_overview(user: User, *, today: date | None = None) -> list[Figure]:
    """Headline counts of what exists today and what the user may open."""
    today = today or date.today()
    current = (OrgUnit.valid_from <= today) & or_(OrgUnit.valid_to.is_(None), OrgUnit.valid_to >= today)
    units = db.session.scalar(select(func.count()).select_from(OrgUnit).where(current)) or 0
    people = db.session.scalar(select(func.count()).select_from(Person)) or 0
    blocks = db.session.scalar(select(func.count()).select_from(EmulationBlock)) or 0
    campaigns = db.session.scalar(select(func.count()).select_from(
        visible_campaigns(user).where(Campaign.stage != CampaignStage.CLOSED).subquery())) or 0
    initiatives = db.session.scalar(select(func.count()).select_from(
        visible_initiatives(user).with_only_columns(Initiative.id).subquery())) or 0
    figures = [
        Figure("Phong trào đang diễn ra", campaigns, "campaigns.index"),
        Figure("Sáng kiến, mô hình", initiatives, "initiatives.index"),
    ]
    if user.has_role(Role.ADMIN, Role.SECRETARIAT, Role.VIEWER):
        issued = db.session.scalar(select(func.count()).select_from(Decision)
                                   .where(Decision.status == DecisionStatus.ISSUED)) or 0
        figures.append(Figure("Quyết định đã ban hành", issued, "decisions.index"))
    figures += [
        Figure("Đơn vị đang hoạt động", units, "units.index" if user.has_role(*VIEW_ROLES) else None),
        Figure("Cá nhân", people, "people.index" if user.has_role(*VIEW_ROLES) else None),
        Figure("Khối, cụm thi đua", blocks, None),
    ]
    if user.is_admin:
        accounts = db.session.scalar(select(func.count()).select_from(User)) or 0
        figures.append(Figure("Tài khoản", accounts, "admin.users"))
    return figures
