"""verify blueprint: public, no login."""
from __future__ import annotations

from tests.access import ROLES
from tests.access.decisions import decision

ROUTES = {
    "verify.show": [
        {"url_args": lambda f: {"token": decision(f, issued=True).items[0].certificate.token},
         "expect": {role: 200 for role in ROLES}},
        {"url_args": {"token": "khong-ton-tai"}, "expect": {role: 404 for role in ROLES}},
    ],
}
