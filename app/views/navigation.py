"""Main navigation: each feature adds its entry; the menu shows what a user's roles allow.

Work (campaigns → initiatives → nominations → council → decisions) stays on the bar;
reference data (units, people, the catalogue, the ledger, accounts) sits in one
"Danh mục" drop-down so the bar fits on one line on a laptop.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.models import Role, User

CATALOGUE = "Danh mục"


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: str
    roles: tuple[Role, ...] | None  # None: every signed-in user; (): admin only
    group: str | None = None


@dataclass(frozen=True)
class NavEntry:
    """What the template draws: a link, or a drop-down holding links."""

    label: str
    endpoint: str | None = None
    active: bool = False
    children: tuple[NavEntry, ...] = ()


NAV_ITEMS: list[NavItem] = [
    NavItem("main.dashboard", "Tổng quan", None),
    NavItem("campaigns.index", "Phong trào thi đua", None),
    NavItem("initiatives.index", "Sáng kiến, mô hình", None),
    NavItem("nominations.index", "Đề nghị khen thưởng", (Role.SECRETARIAT, Role.UNIT_OFFICER, Role.COUNCIL_MEMBER, Role.VIEWER)),
    NavItem("council.index", "Hội đồng", (Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.VIEWER)),
    NavItem("decisions.index", "Quyết định", (Role.SECRETARIAT, Role.VIEWER)),
    NavItem("units.index", "Đơn vị", (Role.SECRETARIAT, Role.VIEWER, Role.UNIT_OFFICER), CATALOGUE),
    NavItem("people.index", "Cá nhân", (Role.SECRETARIAT, Role.VIEWER, Role.UNIT_OFFICER), CATALOGUE),
    NavItem("awards.index", "Danh hiệu, hình thức", None, CATALOGUE),
    NavItem("ledger.index", "Sổ khen thưởng", (Role.SECRETARIAT, Role.UNIT_OFFICER, Role.VIEWER), CATALOGUE),
    NavItem("admin.users", "Tài khoản", (), CATALOGUE),
]


def _allowed(item: NavItem, user: User) -> bool:
    return item.roles is None or user.has_role(Role.ADMIN, *item.roles)


def _is_active(item: NavItem, endpoint: str | None) -> bool:
    """A link is active on every page of its blueprint."""
    return bool(endpoint) and endpoint.split(".")[0] == item.endpoint.split(".")[0]


def nav_for(user: User, endpoint: str | None = None) -> list[NavEntry]:
    """The entries a user may open, in menu order, with groups folded into drop-downs."""
    entries: list[NavEntry] = []
    groups: dict[str, list[NavEntry]] = {}
    for item in NAV_ITEMS:
        if not _allowed(item, user):
            continue
        entry = NavEntry(item.label, item.endpoint, _is_active(item, endpoint))
        if item.group is None:
            entries.append(entry)
            continue
        if item.group not in groups:
            groups[item.group] = []
            entries.append(NavEntry(item.group))  # placeholder, filled below
        groups[item.group].append(entry)
    return [
        NavEntry(e.label, None, any(c.active for c in groups[e.label]), tuple(groups[e.label]))
        if e.endpoint is None else e
        for e in entries
    ]
