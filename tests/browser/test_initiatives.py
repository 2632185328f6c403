"""Browser journey: a unit officer records an initiative with metrics and a PDF, then finds it
by typing its title without diacritics; disguised and oversized files are refused."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.demo.sample_files import tiny_pdf
from app.models import EvidenceFile, Initiative, OrgUnitKind, Role
from tests.browser.conftest import login

TITLE = "Ngày thứ Ba không viết, không giấy hẹn"


@pytest.fixture()
def officer(db, make_unit, make_user):
    unit = make_unit("Ủy ban nhân dân huyện Gia Lâm", kind=OrgUnitKind.DISTRICT, short_name="Huyện Gia Lâm")
    make_user("gialam", roles={Role.UNIT_OFFICER}, unit=unit, password="matkhau123")
    db.session.commit()
    return unit


def _fill(page, live_server, file_path) -> None:  # noqa: ANN001
    page.goto(live_server("/initiatives/new"))
    page.fill("input[name=title]", TITLE)
    page.select_option("select[name=kind]", "model")
    page.fill("textarea[name=summary]", "Trả kết quả trong 2 giờ làm việc vào thứ Ba hằng tuần.")
    page.fill("input[name='metrics-0-label']", "Hồ sơ trả kết quả trong 2 giờ làm việc")
    page.fill("input[name='metrics-0-value']", "20.000")
    page.fill("input[name='metrics-0-unit']", "hồ sơ")
    page.fill("input[name='metrics-0-period_start']", "09/2022")
    page.fill("input[name='metrics-0-period_end']", "09/2023")
    page.click("#add-metric")
    page.fill("input[name='metrics-1-label']", "Thủ tục cấp huyện")
    page.fill("input[name='metrics-1-value']", "28")
    page.set_input_files("input[name=evidence]", str(file_path))
    page.click("button[type=submit]:has-text('Lưu')")


@pytest.mark.browser
def test_officer_records_and_finds_initiative(page, live_server, officer, db, tmp_path):
    pdf = tmp_path / "Báo cáo kết quả.pdf"
    pdf.write_bytes(tiny_pdf(["Bao cao ket qua"]))
    login(page, live_server, "gialam", "matkhau123")
    _fill(page, live_server, pdf)
    page.wait_for_url("**/initiatives/*")
    assert page.locator("h1").inner_text() == TITLE
    metrics = page.get_by_test_id("metrics").inner_text()
    assert "20.000" in metrics and "Thủ tục cấp huyện" in metrics
    assert "Báo cáo kết quả.pdf" in page.get_by_test_id("evidence").inner_text()
    page.screenshot(path=str(tmp_path / "detail.png"), full_page=True)

    page.goto(live_server("/initiatives/"))
    page.fill("input[name=q]", "ngay thu ba khong viet")
    page.click("button:has-text('Lọc')")
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url("**/initiatives/*")
    with page.expect_download() as download:
        page.get_by_role("link", name="Báo cáo kết quả.pdf").click()
    assert download.value.suggested_filename == "Báo cáo kết quả.pdf"


@pytest.mark.browser
@pytest.mark.parametrize("name,data,message", [
    ("quyet-dinh.pdf", b"MZ\x90\x00\x03" + b"\x00" * 500,
     "Tệp “quyet-dinh.pdf” không phải là PDF thật (nội dung là tệp thực thi)."),
    ("lon.pdf", tiny_pdf(["x"]) + b"%" * (1024 * 1024 + 1), "Tệp “lon.pdf” vượt quá giới hạn 1 MB."),
])
def test_bad_files_are_refused_in_the_browser(page, live_server, officer, db, tmp_path, app, monkeypatch,
                                              name, data, message):
    monkeypatch.setitem(app.config, "MAX_UPLOAD_MB", 1)
    bad = tmp_path / name
    bad.write_bytes(data)
    login(page, live_server, "gialam", "matkhau123")
    _fill(page, live_server, bad)
    error = page.locator(".invalid-feedback", has_text=message)
    error.wait_for()
    assert page.input_value("input[name=title]") == TITLE
    assert page.input_value("input[name='metrics-0-value']") == "20.000"
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Initiative.id))) == 0
    assert db.session.scalar(select(func.count(EvidenceFile.id))) == 0
