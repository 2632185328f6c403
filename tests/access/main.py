"""main blueprint."""
from tests.access import signed_in

ROUTES = {
    "main.index": {"expect": {**signed_in(302), "anonymous": 302}},
    "main.dashboard": {"expect": signed_in(200)},
}
