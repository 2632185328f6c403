"""Browser harness: a live server on the session `app` (same database) and a Playwright
`page` in headless Debian Chromium. Never run `playwright install`: we use /usr/bin/chromium.
The server thread and Playwright are module-scoped so they are gone before other modules run:
tests elsewhere fork processes (reports/parallel.py), and forking beside live threads can hang.

Tests build data with the usual builders, `db.session.commit()`, then drive `page`:

    @pytest.mark.browser
    def test_x(page, live_server, make_user, db):
        make_user("thuky", roles={Role.SECRETARIAT}, password="matkhau123"); db.session.commit()
        login(page, live_server, "thuky", "matkhau123")
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class LiveServer:
    def __init__(self, app) -> None:  # noqa: ANN001
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __call__(self, path: str = "/") -> str:
        return self.url + path


@pytest.fixture(scope="module")
def live_server(app) -> Iterator[LiveServer]:  # noqa: ANN001
    server = LiveServer(app)
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()
    server.thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser, db) -> Iterator:  # noqa: ANN001
    """A fresh browser context per test (no shared cookies), Vietnamese locale, phone-friendly width."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


def login(page, live_server: LiveServer, username: str, password: str) -> None:  # noqa: ANN001
    """Sign in through the real form and wait for the dashboard."""
    page.goto(live_server("/login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard")
