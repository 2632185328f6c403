"""ballots blueprint."""
from tests.access import only
from tests.access.council_setup import council, open_round

STAFF = ("admin", "secretariat")
C = {"url_args": lambda f: {"council_id": council(f)["council"].id}}
R = {"url_args": lambda f: {"round_id": open_round(f).id}}

ROUTES = {
    "ballots.index": {**C, "expect": only(*STAFF, "viewer", "council_member")},
    "ballots.open_view": {**C, "expect": only(*STAFF, ok=302)},
    "ballots.detail": {**R, "expect": only(*STAFF, "viewer", "council_member")},
    "ballots.vote": {**R, "expect": only("council_member")},
    "ballots.written": {**R, "expect": only(*STAFF, ok=302)},
    "ballots.close": {**R, "expect": only(*STAFF, ok=302)},
    "ballots.tally_pdf": {**R, "expect": only(*STAFF, ok=404)},  # open round: no minutes yet
}
