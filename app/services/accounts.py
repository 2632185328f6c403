"""Accounts: authentication and user administration."""
from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import OrgUnit, Role, User
from app.models.base import utcnow
from app.models.text import nfc
from app.services.audit import record_audit, snapshot
from app.services.errors import ServiceError

USER_FIELDS = ["username", "full_name", "unit_id", "is_active_account", "roles"]


def authenticate_user(username: str, password: str) -> User | None:
    """The active user with these credentials, or None (same answer for every failure)."""
    user = db.session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or not user.check_password(password) or not user.is_active:
        return None
    user.last_login_at = utcnow()
    record_audit("user.login", by=user, obj=user, summary=f"Đăng nhập: {user.username}")
    return user


def create_user(
    *,
    username: str,
    full_name: str,
    password: str,
    roles: set[Role],
    unit: OrgUnit | None,
    by: User | None,
    is_active: bool = True,
) -> User:
    """Create an account; usernames are unique and stored in lower case."""
    username = username.strip().lower()
    if not username:
        raise ServiceError("Vui lòng nhập tên đăng nhập.", "username")
    if db.session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ServiceError("Tên đăng nhập đã tồn tại.", "username")
    if len(password) < 8:
        raise ServiceError("Mật khẩu phải có ít nhất 8 ký tự.", "password")
    if Role.UNIT_OFFICER in roles and unit is None:
        raise ServiceError("Cán bộ đơn vị phải gắn với một đơn vị.", "unit_id")
    user = User(username=username, full_name=nfc(full_name) or username, unit=unit, is_active_account=is_active)
    user.set_password(password)
    user.set_roles(roles)
    db.session.add(user)
    record_audit("user.create", by=by, obj=user, after=snapshot(user, USER_FIELDS), summary=f"Tạo tài khoản {username}")
    return user


def update_user(
    user: User,
    *,
    full_name: str,
    roles: set[Role],
    unit: OrgUnit | None,
    is_active: bool,
    password: str | None,
    by: User,
) -> User:
    """Change an account; an admin cannot remove their own admin role or deactivate themselves."""
    if user.id == by.id and (Role.ADMIN not in roles or not is_active):
        raise ServiceError("Bạn không thể tự gỡ quyền quản trị hoặc khoá tài khoản của chính mình.", "roles")
    if Role.UNIT_OFFICER in roles and unit is None:
        raise ServiceError("Cán bộ đơn vị phải gắn với một đơn vị.", "unit_id")
    if password and len(password) < 8:
        raise ServiceError("Mật khẩu phải có ít nhất 8 ký tự.", "password")
    before = snapshot(user, USER_FIELDS)
    user.full_name = nfc(full_name) or user.full_name
    user.set_roles(roles)
    user.unit = unit
    user.is_active_account = is_active
    if password:
        user.set_password(password)
    db.session.flush()
    record_audit("user.update", by=by, obj=user, before=before, after=snapshot(user, USER_FIELDS),
                 summary=f"Sửa tài khoản {user.username}" + (" (đổi mật khẩu)" if password else ""))
    return user
