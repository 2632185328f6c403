"""initiative_sheets blueprint: the scoring sheets are configured by the secretariat and admins only."""
from __future__ import annotations

from app.services.initiative_reviews import create_default_sheet
from tests.access import only


def _sheet(f):  # noqa: ANN001, ANN202
    return {"sheet_id": create_default_sheet().id}


ROUTES = {
    "initiative_sheets.index": {"expect": only("secretariat", "admin")},
    # No data: none exists yet, so the default is created and the user is sent to edit it.
    "initiative_sheets.create_default": {"expect": only("secretariat", "admin", ok=302)},
    "initiative_sheets.edit": [
        {"url_args": _sheet, "expect": only("secretariat", "admin")},
        {"url_args": _sheet, "method": "POST", "expect": only("secretariat", "admin", ok=422)},
        {"url_args": {"sheet_id": 987654}, "expect": only("secretariat", "admin", ok=404)},
    ],
}
