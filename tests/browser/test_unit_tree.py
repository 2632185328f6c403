"""Browse the unit tree in a real browser: search without diacritics, open a unit, phone layout."""
from datetime import date

import pytest

from app.models import OrgUnitKind, Role
from tests.browser.conftest import login


@pytest.fixture()
def hanoi(make_unit, make_person, make_user, db):
    city = make_unit("Ủy ban nhân dân thành phố Hà Nội", short_name="UBND thành phố Hà Nội", kind=OrgUnitKind.CITY_BODY)
    gia_lam = make_unit("Ủy ban nhân dân huyện Gia Lâm", short_name="Huyện Gia Lâm", kind=OrgUnitKind.DISTRICT,
                        parent=city, valid_to=date(2099, 12, 31))
    for name in ("Bát Tràng", "Kim Lan", "Văn Đức"):
        make_unit(f"Ủy ban nhân dân xã {name}", short_name=f"Xã {name}", kind=OrgUnitKind.COMMUNE, parent=gia_lam)
    make_unit("Ủy ban nhân dân quận Hai Bà Trưng", short_name="Quận Hai Bà Trưng", kind=OrgUnitKind.DISTRICT,
              parent=city)
    make_person("Phạm Hồng Hải", unit=gia_lam, position="Phó Chánh Văn phòng HĐND và UBND huyện")
    make_user("thuky", roles={Role.SECRETARIAT}, password="matkhau123", full_name="Nguyễn Thị Thu Hà")
    db.session.commit()
    return gia_lam


@pytest.mark.browser
def test_search_the_tree_and_open_a_unit(page, live_server, hanoi):
    login(page, live_server, "thuky", "matkhau123")
    page.get_by_role("button", name="Danh mục").click()
    page.get_by_role("link", name="Đơn vị").first.click()
    page.wait_for_url("**/units/")
    assert page.get_by_test_id("unit-tree").is_visible()
    page.fill("input[name=q]", "gia lam")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_url("**q=gia+lam**")
    assert "Tìm thấy 1 đơn vị" in page.get_by_test_id("match-count").inner_text()
    assert "Quận Hai Bà Trưng" not in page.get_by_test_id("unit-tree").inner_text()
    page.locator(".tree-match", has_text="Huyện Gia Lâm").click()
    page.wait_for_url(f"**/units/{hanoi.id}")
    assert page.locator("h1").inner_text() == "Ủy ban nhân dân huyện Gia Lâm"
    assert "Xã Bát Tràng" in page.content() and "Phạm Hồng Hải" in page.content()


@pytest.mark.browser
def test_phone_layout_collapses_the_menu(page, live_server, hanoi):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, "thuky", "matkhau123")
    toggler = page.locator(".navbar-toggler")
    assert toggler.is_visible()
    toggler.click()
    page.get_by_role("button", name="Danh mục").click()
    page.get_by_role("link", name="Đơn vị").first.click()
    page.wait_for_url("**/units/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing overflows sideways
