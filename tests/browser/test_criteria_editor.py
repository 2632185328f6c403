"""Browser: the secretariat edits a criteria sheet and sees the total update; a locked sheet cannot be edited."""
import pytest

from app.models import Role
from tests.browser.conftest import login


@pytest.mark.browser
def test_secretariat_edits_sheet_and_total_updates(page, live_server, make_user, make_sheet, db):
    make_user("thuky", roles={Role.SECRETARIAT}, password="matkhau123")
    sheet = make_sheet(criteria=[("Chỉ đạo, điều hành CCHC", 12), ("Chính quyền số", 16)], bonus_cap=10)
    db.session.commit()
    login(page, live_server, "thuky", "matkhau123")
    page.goto(live_server(f"/campaigns/sheets/{sheet.id}"))
    assert page.get_by_test_id("total-max").inner_text() == "28"

    row = page.get_by_test_id("criterion-row").filter(has_text="Chính quyền số")
    row.get_by_role("button", name="Sửa").click()
    edit = page.locator(f"#edit-c{sheet.criteria[1].id}")
    edit.locator("input[name=max_points]").fill("20")
    assert page.locator("#total-preview").inner_text() == "Sau khi lưu: 32"
    edit.get_by_role("button", name="Lưu tiêu chí").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("total-max").inner_text() == "32"

    form = page.locator("form", has=page.get_by_role("button", name="Thêm tiêu chí"))
    form.locator("input[name=title]").fill("Sự hài lòng")
    form.locator("input[name=max_points]").fill("-5")
    form.get_by_role("button", name="Thêm tiêu chí").click()
    assert "Điểm không được âm." in form.inner_text()
    assert page.get_by_test_id("total-max").inner_text() == "32"
    form.locator("input[name=max_points]").fill("20")
    form.get_by_role("button", name="Thêm tiêu chí").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("total-max").inner_text() == "52"
    page.screenshot(path="/tmp/criteria-editor.png", full_page=True)


@pytest.mark.browser
def test_locked_sheet_offers_only_a_new_version(page, live_server, make_user, make_sheet, db):
    make_user("thuky", roles={Role.SECRETARIAT}, password="matkhau123")
    sheet = make_sheet(locked=True)
    db.session.commit()
    login(page, live_server, "thuky", "matkhau123")
    page.goto(live_server(f"/campaigns/sheets/{sheet.id}"))
    assert page.get_by_test_id("locked-badge").is_visible()
    assert page.get_by_role("button", name="Sửa").count() == 0
    assert page.get_by_role("button", name="Thêm tiêu chí").count() == 0
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Tạo phiên bản mới").click()
    page.wait_for_url("**/campaigns/sheets/*")
    assert "phiên bản 2" in page.locator("h1").inner_text()
    assert page.get_by_role("button", name="Sửa").count() == 2
