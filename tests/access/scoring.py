"""scoring blueprint: only the council's own members score."""
from tests.access import only
from tests.access.council_setup import council

ROUTES = {
    "scoring.index": {"url_args": lambda f: {"council_id": council(f)["council"].id},
                      "expect": only("council_member")},
    "scoring.sheet": {"url_args": lambda f: {"council_id": council(f)["council"].id,
                                             "nomination_id": council(f)["nomination"].id},
                      "expect": only("council_member")},
    "scoring.autosave": {"url_args": lambda f: {"council_id": council(f)["council"].id,
                                                "nomination_id": council(f)["nomination"].id},
                         "expect": only("council_member", ok=422)},  # the sheet is submitted: locked
}
