"""Account administration: list, create, edit; errors in Vietnamese; nothing saved on failure."""
from sqlalchemy import select

from app.extensions import db as _db
from app.models import AuditEntry, OrgUnitKind, Role, User


def test_admin_creates_a_unit_officer(client, login_as, make_user, make_unit, db):
    unit = make_unit("Huyện Gia Lâm", kind=OrgUnitKind.DISTRICT)
    c = login_as(make_user("quantri", roles={Role.ADMIN}))
    resp = c.post("/admin/users/new", data={"username": "GiaLam2", "full_name": "Cán bộ mới", "roles": ["unit_officer"],
                                            "unit_id": unit.id, "is_active": "y", "password": "matkhau-moi"})
    assert resp.status_code == 302
    user = db.session.scalar(select(User).where(User.username == "gialam2"))
    assert user.roles == {Role.UNIT_OFFICER} and user.unit_id == unit.id and user.check_password("matkhau-moi")
    assert "gialam2" in c.get("/admin/users").get_data(as_text=True)


def test_bad_input_changes_nothing(client, login_as, make_user, db):
    make_user("trung", roles={Role.VIEWER})
    c = login_as(make_user("quantri", roles={Role.ADMIN}))
    before = db.session.scalar(select(_db.func.count()).select_from(User))
    cases = [
        ({"username": "trung", "full_name": "A", "roles": ["viewer"], "password": "12345678"}, "Tên đăng nhập đã tồn tại."),
        ({"username": "moi", "full_name": "A", "roles": ["unit_officer"], "password": "12345678"},
         "Cán bộ đơn vị phải gắn với một đơn vị."),
        ({"username": "moi", "full_name": "A", "roles": ["viewer"], "password": "123"}, "Mật khẩu phải có từ 8 đến 200 ký tự."),
        ({"username": "có dấu", "full_name": "A", "roles": ["viewer"], "password": "12345678"}, "chữ không dấu"),
        ({"username": "moi", "full_name": "Giữ nguyên", "roles": ["emperor"], "password": "12345678"}, "Lựa chọn không hợp lệ."),
        ({"username": "moi", "full_name": "A", "password": "12345678"}, "Chọn ít nhất một vai trò."),
        ({"username": "x" * 51, "full_name": "A", "roles": ["viewer"], "password": "12345678"}, "tối đa 50 ký tự"),
    ]
    for data, message in cases:
        page = c.post("/admin/users/new", data=data).get_data(as_text=True)
        assert message in page, message
    assert 'value="Giữ nguyên"' in c.post("/admin/users/new", data=cases[4][0]).get_data(as_text=True)
    assert db.session.scalar(select(_db.func.count()).select_from(User)) == before
    assert db.session.scalar(select(AuditEntry.id).where(AuditEntry.action == "user.create")) is None


def test_admin_cannot_lock_themselves_out(client, login_as, make_user, db):
    admin = make_user("quantri", roles={Role.ADMIN})
    c = login_as(admin)
    page = c.post(f"/admin/users/{admin.id}/edit", data={"full_name": "Q", "roles": ["viewer"],
                                                         "is_active": "y"}).get_data(as_text=True)
    assert "Bạn không thể tự gỡ quyền quản trị" in page
    db.session.expire_all()
    assert db.session.get(User, admin.id).is_admin


def test_edit_user_changes_roles_and_password(client, login_as, make_user, db):
    other = make_user("thuky", roles={Role.VIEWER})
    c = login_as(make_user("quantri", roles={Role.ADMIN}))
    assert c.get(f"/admin/users/{other.id}/edit").status_code == 200
    resp = c.post(f"/admin/users/{other.id}/edit", data={"full_name": "Thư ký", "roles": ["secretariat"],
                                                         "password": "matkhau-thu-ky"})
    assert resp.status_code == 302
    db.session.expire_all()
    user = db.session.get(User, other.id)
    assert user.roles == {Role.SECRETARIAT} and not user.is_active_account and user.check_password("matkhau-thu-ky")


def test_users_cli_creates_an_account(runner, make_unit, db):
    make_unit("Huyện Gia Lâm", code="GIA_LAM")
    db.session.commit()
    result = runner.invoke(args=["users", "create", "canbo", "--full-name", "Cán bộ", "--role", "unit_officer",
                                 "--unit", "GIA_LAM", "--password", "matkhau123"])
    assert result.exit_code == 0, result.output
    assert "Đã tạo tài khoản canbo." in result.output
    bad = runner.invoke(args=["users", "create", "canbo", "--full-name", "X", "--role", "viewer", "--password", "matkhau123"])
    assert bad.exit_code != 0 and "Tên đăng nhập đã tồn tại." in bad.output
