"""units blueprint: everyone but council members reads (unit officers within their units);
admin and the secretariat edit."""
from tests.access import only

READERS = only("admin", "secretariat", "viewer", "unit_officer")
EDITORS = only("admin", "secretariat")

ROUTES = {
    "units.index": {"expect": READERS},
    "units.detail": [
        {"url_args": lambda f: {"unit_id": f.unit().id}, "expect": READERS},
        {"url_args": lambda f: {"unit_id": f.unit(outside=True).id},  # another district's commune
         "expect": only("admin", "secretariat", "viewer")},
        {"url_args": {"unit_id": 999999}, "expect": only("admin", "secretariat", "viewer", "unit_officer", ok=404)},
    ],
    "units.new": [{"expect": EDITORS}, {"method": "POST", "expect": EDITORS}],
    "units.edit": [
        {"url_args": lambda f: {"unit_id": f.unit().id}, "expect": EDITORS},
        {"url_args": lambda f: {"unit_id": f.unit().id}, "method": "POST", "expect": EDITORS},
    ],
}
