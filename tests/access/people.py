"""people blueprint: readers as for units; admin, secretariat and unit officers (own units) edit."""
from tests.access import only

READERS = only("admin", "secretariat", "viewer", "unit_officer")
EDITORS = only("admin", "secretariat", "unit_officer")

ROUTES = {
    "people.index": {"expect": READERS},
    "people.detail": [
        {"url_args": lambda f: {"person_id": f.person().id}, "expect": READERS},
        {"url_args": lambda f: {"person_id": f.person(outside=True).id}, "expect": only("admin", "secretariat", "viewer")},
        {"url_args": {"person_id": 999999}, "expect": only("admin", "secretariat", "viewer", "unit_officer", ok=404)},
    ],
    "people.new": [{"expect": EDITORS}, {"method": "POST", "expect": EDITORS}],
    "people.edit": [
        {"url_args": lambda f: {"person_id": f.person().id}, "expect": EDITORS},
        {"url_args": lambda f: {"person_id": f.person(outside=True).id}, "expect": only("admin", "secretariat")},
        {"url_args": lambda f: {"person_id": f.person().id}, "method": "POST", "expect": EDITORS},
    ],
}
