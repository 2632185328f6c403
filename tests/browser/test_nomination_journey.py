"""Browser journey (issue 4): a unit nominates an individual for Chiến sĩ thi đua thành phố;
eligibility fails and cites the rule (only two consecutive years of CSTĐ cơ sở in the ledger);
the secretariat returns the dossier; the unit fixes it and resubmits; the timeline shows every step."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from app.models import Nomination, NominationStatus, OrgUnitKind, Role, RuleKind
from tests.browser.conftest import login

DETAIL = re.compile(r"/nominations/\d+$")
BASIS = "Điều 22 Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP"
REASON = "Thiếu biên bản họp Hội đồng thi đua, khen thưởng huyện"


@pytest.fixture()
def world(db, make_unit, make_user, make_person, make_campaign, make_award_type, make_award_record):
    city = make_unit("Ủy ban nhân dân thành phố Hà Nội", short_name="UBND TP", kind=OrgUnitKind.CITY_BODY)
    gia_lam = make_unit("Ủy ban nhân dân huyện Gia Lâm", short_name="Huyện Gia Lâm", parent=city,
                        kind=OrgUnitKind.DISTRICT)
    make_award_type("CSTD_CS", "Chiến sĩ thi đua cơ sở")
    award = make_award_type("CSTD_TINH", "Chiến sĩ thi đua thành phố", rules=[
        (RuleKind.CONSECUTIVE_TITLE, {"award_code": "CSTD_CS", "years": 3})])
    award.rules[0].description = "3 lần liên tục đạt Chiến sĩ thi đua cơ sở"
    award.rules[0].legal_basis = BASIS
    person = make_person("Trần Thị Minh Thư", unit=gia_lam, birth_year=1985, position="Chuyên viên bộ phận một cửa")
    for year in (2024, 2025):
        make_award_record("CSTD_CS", year, person=person)
    campaign = make_campaign("Phong trào thi đua đẩy mạnh CCHC 2021–2025", launching_unit=city)
    make_user("gialam", roles={Role.UNIT_OFFICER}, unit=gia_lam, full_name="Cán bộ TĐKT Gia Lâm",
              password="matkhau123")
    make_user("thuky", roles={Role.SECRETARIAT}, full_name="Nguyễn Thị Thu Hà", password="matkhau123")
    db.session.commit()
    return {"award": award, "person": person, "campaign": campaign, "unit": gia_lam}


def _logout(page) -> None:  # noqa: ANN001
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():  # the menu collapses on narrower screens
        toggler.click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/login**")


def _open_from_list(page, live_server, tab: str, name: str) -> None:  # noqa: ANN001
    page.goto(live_server("/nominations/"))
    page.get_by_test_id(f"list-{tab}").click()
    page.get_by_test_id("work-list").get_by_role("link", name=name).click()
    page.wait_for_url(DETAIL)


@pytest.mark.browser
def test_nominate_fail_return_fix_resubmit(page, live_server, world, db, tmp_path):
    name = world["person"].full_name
    # 1. The unit officer fills the real form.
    login(page, live_server, "gialam", "matkhau123")
    page.goto(live_server("/nominations/"))
    page.get_by_role("link", name="Lập đề nghị").click()
    page.select_option("select[name=campaign_id]", str(world["campaign"].id))
    page.select_option("select[name=award_type_id]", str(world["award"].id))
    page.check("input[name=subject_type][value=individual]")
    page.select_option("select[name=person_id]", str(world["person"].id))
    page.fill("input[name=year]", "2025")
    page.fill("input[name=memo_number]", "45/TTr-UBND")
    page.fill("input[name=memo_date]", "10/09/2025")
    page.fill("textarea[name=summary]", "Chủ trì mô hình “Ngày thứ Ba không viết, không giấy hẹn”.")
    page.fill("textarea[name=results]", "2024: Hơn 20.000 hồ sơ trả trong 2 giờ\n2025: 1.700 hồ sơ/tháng")
    page.select_option("select[name=rating_2]", "htxsnv")
    page.get_by_role("button", name="Lưu hồ sơ").click()
    page.wait_for_url(DETAIL)
    expect(page.get_by_test_id("status")).to_have_text("Nháp")

    # 2. Eligibility fails and cites the rule with its legal basis.
    panel = page.get_by_test_id("eligibility").inner_text()
    assert "Không đủ điều kiện" in panel
    assert "3 lần liên tục đạt Chiến sĩ thi đua cơ sở" in panel
    assert "Chỉ có 2 năm liên tục đạt Chiến sĩ thi đua cơ sở (2024, 2025); cần 3 năm." in panel
    assert BASIS in panel
    page.get_by_role("button", name="Gửi hồ sơ").click()
    page.wait_for_url(DETAIL)
    expect(page.get_by_test_id("status")).to_have_text("Đã gửi")
    _logout(page)

    # 3. The secretariat returns it with a reason.
    login(page, live_server, "thuky", "matkhau123")
    _open_from_list(page, live_server, "to_receive", name)
    page.get_by_label("Lý do: Trả lại hồ sơ").fill(REASON)
    page.get_by_role("button", name="Trả lại hồ sơ").click()
    page.wait_for_url(DETAIL)
    expect(page.get_by_test_id("status")).to_have_text("Bị trả lại")
    _logout(page)

    # 4. The unit finds it among returned dossiers, fixes it and resubmits.
    login(page, live_server, "gialam", "matkhau123")
    _open_from_list(page, live_server, "returned", name)
    assert REASON in page.get_by_test_id("timeline").inner_text()
    page.get_by_role("link", name="Sửa hồ sơ").click()
    page.fill("textarea[name=summary]", "Chủ trì mô hình “Ngày thứ Ba không viết, không giấy hẹn”. "
                                        "Đã bổ sung biên bản họp Hội đồng.")
    page.get_by_role("button", name="Lưu hồ sơ").click()
    page.wait_for_url(DETAIL)
    assert "Đã bổ sung biên bản họp Hội đồng." in page.get_by_test_id("summary").inner_text()
    page.get_by_role("button", name="Gửi lại hồ sơ đã sửa").click()
    page.wait_for_url(DETAIL)
    expect(page.get_by_test_id("status")).to_have_text("Đã gửi")

    # 5. The timeline shows every step, with who and why.
    steps = page.get_by_test_id("timeline").locator("li")
    texts = [steps.nth(i).inner_text() for i in range(steps.count())]
    assert len(texts) == 4
    assert "Nháp" in texts[0] and "Cán bộ TĐKT Gia Lâm" in texts[0]
    assert "Nháp → Đã gửi" in texts[1]
    assert "Đã gửi → Bị trả lại" in texts[2] and REASON in texts[2] and "Nguyễn Thị Thu Hà" in texts[2]
    assert "Bị trả lại → Đã gửi" in texts[3]
    page.screenshot(path=str(tmp_path / "dossier.png"), full_page=True)

    db.session.expire_all()
    nomination = db.session.query(Nomination).one()
    assert nomination.status is NominationStatus.SUBMITTED and len(nomination.events) == 4
