"""Main navigation: each feature adds its entry; the menu shows what a user's roles allow."""
from __future__ import annotations

from dataclasses import dataclass

from app.models import Role, User


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: str
    roles: tuple[Role, ...] | None  # None: every signed-in user
    icon: str = ""


NAV_ITEMS: list[NavItem] = [
    NavItem("main.dashboard", "Tổng quan", None),
    NavItem("units.index", "Đơn vị", (Role.SECRETARIAT, Role.VIEWER, Role.UNIT_OFFICER)),  # foundation
    NavItem("people.index", "Cá nhân", (Role.SECRETARIAT, Role.VIEWER, Role.UNIT_OFFICER)),  # foundation
    NavItem("decisions.index", "Quyết định", (Role.SECRETARIAT, Role.VIEWER)),
    NavItem("campaigns.index", "Phong trào thi đua", None),
    NavItem("awards.index", "Danh hiệu, hình thức", None),
    NavItem("ledger.index", "Sổ khen thưởng", (Role.SECRETARIAT, Role.UNIT_OFFICER, Role.VIEWER)),
    NavItem("initiatives.index", "Sáng kiến, mô hình", None),
    NavItem("nominations.index", "Đề nghị khen thưởng", (Role.SECRETARIAT, Role.UNIT_OFFICER, Role.COUNCIL_MEMBER, Role.VIEWER)),
    NavItem("council.index", "Hội đồng", (Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.VIEWER)),
    NavItem("admin.users", "Tài khoản", ()),  # foundation: admin only
]


def nav_for(user: User) -> list[NavItem]:
    """The entries a user may open, in menu order."""
    return [
        item
        for item in NAV_ITEMS
        if item.roles is None or user.has_role(Role.ADMIN, *item.roles)
    ]
