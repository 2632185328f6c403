"""Access-matrix expectations, one module per blueprint (see README.md here).

Each module defines ``ROUTES: dict[str, Case | list[Case]]``; this package loads them all
and offers the helpers below to write the ``expect`` dictionaries briefly.
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import Any

ROLES = ("anonymous", "viewer", "council_member", "unit_officer", "secretariat", "admin")
SIGNED_IN = ROLES[1:]
LOGIN = "login"  # expected: 302 redirect to the login page


def signed_in(status: Any = 200, *, anonymous: Any = LOGIN) -> dict[str, Any]:
    """Every signed-in role gets `status`; anonymous users are sent to the login page."""
    return {"anonymous": anonymous, **{role: status for role in SIGNED_IN}}


def only(*roles: str, ok: Any = 200, denied: Any = 403, anonymous: Any = LOGIN) -> dict[str, Any]:
    """The listed roles get `ok`, other signed-in roles `denied` (403)."""
    unknown = set(roles) - set(SIGNED_IN)
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")
    return {"anonymous": anonymous, **{r: ok if r in roles else denied for r in SIGNED_IN}}


def load_routes() -> dict[str, list[dict[str, Any]]]:
    """Every blueprint module's ROUTES, as endpoint → list of cases."""
    routes: dict[str, list[dict[str, Any]]] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for endpoint, cases in module.ROUTES.items():
            if endpoint in routes:
                raise ValueError(f"{endpoint} is listed twice (again in tests/access/{info.name}.py)")
            routes[endpoint] = cases if isinstance(cases, list) else [cases]
    return routes
