"""council blueprint."""
from tests.access import only
from tests.access.council_setup import council

STAFF = ("admin", "secretariat")
C = {"url_args": lambda f: {"council_id": council(f)["council"].id}}

ROUTES = {
    "council.index": {"expect": only("admin", "secretariat", "viewer", "council_member")},
    "council.create": {"expect": only(*STAFF)},
    "council.detail": {**C, "expect": only(*STAFF, "viewer", "council_member")},
    "council.add_member_view": {**C, "expect": only(*STAFF, ok=302)},
    "council.assign": {**C, "expect": only(*STAFF, ok=302)},
    "council.declare": {**C, "expect": only(*STAFF, "council_member", ok=302)},
    "council.results": {**C, "expect": only(*STAFF, "viewer")},
    "council.override": {**C, "expect": only(*STAFF, ok=302)},
    "council.close": {**C, "expect": only(*STAFF, ok=302)},
    "council.export_xlsx_view": {**C, "expect": only(*STAFF, "viewer")},
    "council.export_json_view": {**C, "expect": only(*STAFF, "viewer")},
    "council.score_summary_pdf": {**C, "expect": only(*STAFF, "viewer")},
    "council.assignments": {**C, "expect": only(*STAFF)},
    "council.remove_assignment": {"url_args": lambda f: {"council_id": council(f)["council"].id,
                                                         "assignment_id": _assignment(f).id},
                                  "expect": only(*STAFF)},
    "council.reopen_sheet_view": {**C, "expect": only(*STAFF, ok=404)},  # no sheet_id posted
}


def _assignment(f):
    from sqlalchemy import select

    from app.models import Assignment

    return f.db.session.scalar(select(Assignment).where(Assignment.council_id == council(f)["council"].id))
