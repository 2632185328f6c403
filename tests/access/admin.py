"""admin blueprint: accounts are for admins only."""
from tests.access import only

ADMIN = only("admin")

ROUTES = {
    "admin.users": {"expect": ADMIN},
    "admin.new_user": [{"expect": ADMIN}, {"method": "POST", "expect": ADMIN}],
    "admin.edit_user": [
        {"url_args": lambda f: {"user_id": f.user().id}, "expect": ADMIN},
        {"url_args": lambda f: {"user_id": f.user().id}, "method": "POST", "expect": ADMIN},
        {"url_args": {"user_id": 999999}, "expect": only("admin", ok=404)},
    ],
}
