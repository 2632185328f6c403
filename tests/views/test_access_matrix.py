"""Every route × every role → the expected status (expectations in tests/access/<blueprint>.py)."""
from __future__ import annotations

import pytest
from flask import url_for

from tests.access import LOGIN, ROLES, load_routes
from tests.access._factory import Factory

ROUTES = load_routes()
SKIPPED = {"static", "bootstrap.static"}
CASES = [(endpoint, i) for endpoint, cases in sorted(ROUTES.items()) for i in range(len(cases))]


def _endpoints(app) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint not in SKIPPED:
            found.setdefault(rule.endpoint, set()).update(rule.methods or ())
    return found


def test_every_route_has_an_entry(app):
    missing = sorted(set(_endpoints(app)) - set(ROUTES))
    assert not missing, (
        "Routes without an access-matrix entry (add them to tests/access/<blueprint>.py): " + ", ".join(missing))


def test_no_entry_without_a_route(app):
    stale = sorted(set(ROUTES) - set(_endpoints(app)))
    assert not stale, "Access-matrix entries for routes that do not exist: " + ", ".join(stale)


def _matches(expected, response) -> bool:
    if expected == LOGIN:
        return response.status_code == 302 and "/login" in response.headers.get("Location", "")
    if isinstance(expected, (set, frozenset, tuple, list)):
        return response.status_code in expected
    return response.status_code == expected


@pytest.mark.parametrize("endpoint,index", CASES, ids=[f"{e}#{i}" for e, i in CASES])
def test_access(app, db, endpoint, index):
    case = ROUTES[endpoint][index]
    expect = case["expect"]
    missing_roles = [r for r in ROLES if r not in expect]
    assert not missing_roles, f"{endpoint}: expect has no status for {missing_roles}"
    methods = _endpoints(app).get(endpoint, set())
    method = case.get("method") or ("GET" if "GET" in methods else "POST")
    assert method in methods, f"{endpoint} does not accept {method}"
    factory = Factory()
    failures = []
    for role in ROLES:
        args = case.get("url_args", {})
        args = args(factory) if callable(args) else dict(args)
        db.session.commit()
        with app.test_request_context():
            url = url_for(endpoint, **args)
        client = app.test_client()
        if role != "anonymous":
            with client.session_transaction() as session:
                session["_user_id"] = str(factory.users[role].id)
                session["_fresh"] = True
        response = client.open(url, method=method, data={} if method == "POST" else None)
        if not _matches(expect[role], response):
            failures.append(f"{role}: expected {expect[role]}, got {response.status_code} "
                            f"{response.headers.get('Location', '')}")
        db.session.rollback()
    assert not failures, f"{method} {endpoint}:\n  " + "\n  ".join(failures)
