"""The browser harness works: log in through the real form and see the dashboard."""
import pytest

from app.models import Role
from tests.browser.conftest import login


@pytest.mark.browser
def test_login_shows_dashboard(page, live_server, make_user, db):
    make_user("thuky", roles={Role.SECRETARIAT}, password="matkhau123", full_name="Nguyễn Thị Thu Hà")
    db.session.commit()
    login(page, live_server, "thuky", "matkhau123")
    assert page.get_by_test_id("current-user").inner_text().strip().startswith("Nguyễn Thị Thu Hà")
    assert page.locator("h1").inner_text() == "Tổng quan"
