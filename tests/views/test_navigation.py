"""The menu by role: work on the bar, reference data in the Danh mục drop-down."""
from app.models import Role
from app.views.navigation import nav_for


def _labels(entries):
    return [(e.label, [c.label for c in e.children]) for e in entries]


def test_unit_officer_menu(make_user, make_unit):
    user = make_user(roles={Role.UNIT_OFFICER}, unit=make_unit())
    assert _labels(nav_for(user, "units.index")) == [
        ("Tổng quan", []), ("Phong trào thi đua", []), ("Sáng kiến, mô hình", []), ("Đề nghị khen thưởng", []),
        ("Danh mục", ["Đơn vị", "Cá nhân", "Danh hiệu, hình thức", "Sổ khen thưởng"]),
    ]


def test_admin_sees_accounts_and_active_group(make_user):
    entries = nav_for(make_user(roles={Role.ADMIN}), "admin.edit_user")
    catalogue = entries[-1]
    assert catalogue.label == "Danh mục" and catalogue.active
    assert [c.label for c in catalogue.children if c.active] == ["Tài khoản"]
    assert not any(e.active for e in entries[:-1])


def test_council_member_menu_has_no_catalogue_admin(make_user):
    labels = _labels(nav_for(make_user(roles={Role.COUNCIL_MEMBER}), None))
    assert ("Hội đồng", []) in labels
    assert ("Danh mục", ["Danh hiệu, hình thức"]) in labels


def test_menu_renders_dropdown(client, login_as, make_user, db):
    login_as(make_user(roles={Role.SECRETARIAT}))
    page = client.get("/dashboard").get_data(as_text=True)
    assert 'class="nav-link dropdown-toggle' in page and "Danh mục" in page
