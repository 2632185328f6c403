"""Login and logout."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from app.extensions import db, limiter
from app.forms.auth import LoginForm
from app.models import User
from app.services.accounts import authenticate_user

bp = Blueprint("auth", __name__)


def load_user(user_id: str) -> User | None:
    if not user_id.isdigit():
        return None
    return db.session.get(User, int(user_id))


def safe_next(target: str | None) -> str:
    """A same-site path to go to after login; anything else goes to the dashboard."""
    fallback = url_for("main.dashboard")
    if not target:
        return fallback
    target = target.replace("\\", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target


def _login_failed(response) -> bool:  # noqa: ANN001
    """Only failed attempts (the form is shown again) count towards the limit."""
    return response.status_code == 200 and request.method == "POST"


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_FAILURE_LIMIT"], methods=["POST"], deduct_when=_login_failed)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = authenticate_user(form.username.data, form.password.data)
        if user is None:
            db.session.rollback()
            form.password.errors.append("Tên đăng nhập hoặc mật khẩu không đúng.")
        else:
            db.session.commit()
            login_user(user, remember=form.remember.data)
            flash(f"Xin chào {user.full_name}.", "success")
            return redirect(safe_next(form.next.data))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    flash("Bạn đã đăng xuất.", "info")
    return redirect(url_for("auth.login"))
