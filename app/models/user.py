"""Users, their roles and their unit scope."""
from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from app.models.base import Base, LabelledEnum, created_at, enum_column, intpk, str_50, str_200, str_500
from app.models.org import OrgUnit


class Role(LabelledEnum):
    ADMIN = "admin", "Quản trị hệ thống"
    SECRETARIAT = "secretariat", "Thư ký, cơ quan thường trực"
    UNIT_OFFICER = "unit_officer", "Cán bộ đơn vị"
    COUNCIL_MEMBER = "council_member", "Thành viên Hội đồng"
    VIEWER = "viewer", "Người xem"


class User(UserMixin, Base):
    __tablename__ = "users"

    id: Mapped[intpk]
    username: Mapped[str_50] = mapped_column(unique=True)
    password_hash: Mapped[str_500]
    full_name: Mapped[str_200]
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id", ondelete="SET NULL"), index=True)
    is_active_account: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[created_at]
    last_login_at: Mapped[datetime | None]

    unit: Mapped[OrgUnit | None] = relationship()
    role_links: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    # Flask-Login reads is_active; deactivated accounts cannot log in.
    @property
    def is_active(self) -> bool:  # type: ignore[override]
        return self.is_active_account

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(link.role for link in self.role_links)

    def set_roles(self, roles: set[Role]) -> None:
        keep = [link for link in self.role_links if link.role in roles]
        have = {link.role for link in keep}
        self.role_links = keep + [UserRole(role=r) for r in roles if r not in have]

    def has_role(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles

    @property
    def sees_all_units(self) -> bool:
        """Admins, the secretariat and viewers work city-wide."""
        return self.has_role(Role.ADMIN, Role.SECRETARIAT, Role.VIEWER)

    def in_scope(self, unit: OrgUnit | None) -> bool:
        """True when the unit is the user's unit or one of its sub-units."""
        if unit is None:
            return False
        if self.sees_all_units:
            return True
        if self.unit_id is None:
            return False
        return unit.id == self.unit_id or any(a.id == self.unit_id for a in unit.ancestors())

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def __repr__(self) -> str:
        return f"<User {self.username}>"


class UserRole(Base):
    __tablename__ = "user_roles"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[intpk]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(enum_column(Role))

    user: Mapped[User] = relationship(back_populates="role_links")
