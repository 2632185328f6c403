"""Login, logout, throttling, the next redirect and CSRF."""
import pytest

from app.models import AuditEntry, Role


def test_login_and_logout(client, make_user, db):
    make_user("thuky", roles={Role.SECRETARIAT}, password="thidua2025", full_name="Nguyễn Thị Thu Hà")
    db.session.commit()
    resp = client.post("/login", data={"username": "thuky", "password": "thidua2025"})
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/dashboard")
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Nguyễn Thị Thu Hà" in page
    assert db.session.query(AuditEntry).filter_by(action="user.login").count() == 1
    assert client.post("/logout").status_code == 302
    assert client.get("/dashboard").status_code == 302


def test_wrong_password_shows_vietnamese_error_and_keeps_username(client, make_user, db):
    make_user("thuky", password="thidua2025")
    db.session.commit()
    resp = client.post("/login", data={"username": "thuky", "password": "sai-mat-khau"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page
    assert 'value="thuky"' in page


def test_inactive_account_cannot_log_in(client, make_user, db):
    make_user("nghiviec", password="thidua2025", is_active=False)
    db.session.commit()
    resp = client.post("/login", data={"username": "nghiviec", "password": "thidua2025"})
    assert "không đúng" in resp.get_data(as_text=True)


def test_throttle_after_ten_failures(client, make_user, db):
    make_user("thuky", password="thidua2025")
    db.session.commit()
    for _ in range(10):
        assert client.post("/login", data={"username": "thuky", "password": "sai"}).status_code == 200
    resp = client.post("/login", data={"username": "thuky", "password": "thidua2025"})
    assert resp.status_code == 429
    assert "Bạn đã thử quá nhiều lần" in resp.get_data(as_text=True)


@pytest.mark.parametrize("target,expected", [
    ("/people", "/people"),
    ("https://evil.example/", "/dashboard"),
    ("//evil.example/x", "/dashboard"),
    ("/\\evil.example", "/dashboard"),
    ("javascript:alert(1)", "/dashboard"),
])
def test_next_redirect_stays_on_site(client, make_user, db, target, expected):
    make_user("thuky", password="thidua2025")
    db.session.commit()
    resp = client.post("/login", data={"username": "thuky", "password": "thidua2025", "next": target})
    assert resp.headers["Location"].endswith(expected)


def test_missing_csrf_token_is_refused(app, client, make_user, db):
    make_user("thuky", password="thidua2025")
    db.session.commit()
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        resp = client.post("/login", data={"username": "thuky", "password": "thidua2025"})
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert resp.status_code == 400
    assert "CSRF" in resp.get_data(as_text=True)


def test_overlong_username_is_refused(client, db):
    resp = client.post("/login", data={"username": "a" * 51, "password": "x"})
    assert "Tên đăng nhập tối đa 50 ký tự." in resp.get_data(as_text=True)


def test_session_cookie_is_httponly_and_samesite(client, make_user, db):
    make_user("thuky", password="thidua2025")
    db.session.commit()
    resp = client.post("/login", data={"username": "thuky", "password": "thidua2025"})
    cookie = resp.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
