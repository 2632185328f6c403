"""Server-side authorisation helpers used by every view."""
from __future__ import annotations

from functools import wraps
from typing import Callable, TypeVar

from flask import abort
from flask_login import current_user, login_required

from app.models import Role

F = TypeVar("F", bound=Callable)


def roles_required(*roles: Role) -> Callable[[F], F]:
    """Require login and one of the roles (admins pass every role check)."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.has_role(Role.ADMIN, *roles):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_roles = roles  # type: ignore[attr-defined]
        return login_required(wrapped)  # type: ignore[return-value]

    return decorator


def ensure(allowed: bool) -> None:
    """Abort with 403 unless a model predicate allowed the action."""
    if not allowed:
        abort(403)
