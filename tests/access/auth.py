"""auth blueprint."""
from tests.access import LOGIN, SIGNED_IN

ROUTES = {
    # Signed-in users are sent on to the dashboard.
    "auth.login": {"expect": {"anonymous": 200, **{r: 302 for r in SIGNED_IN}}},
    "auth.logout": {"method": "POST", "expect": {"anonymous": LOGIN, **{r: 302 for r in SIGNED_IN}}},
}
