"""Account administration (admin only): list, create, edit users."""
from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.forms.common import put_error
from app.forms.users import UserEditForm, UserForm
from app.models import OrgUnit, Role, User
from app.services import org
from app.services.accounts import create_user, update_user
from app.services.errors import ServiceError
from app.views.access import roles_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/users")
@roles_required()
def users():
    query = request.args.get("q", "")[:100].strip()
    stmt = select(User).options(selectinload(User.unit)).order_by(User.username)
    if query:
        needle = f"%{query.lower()}%"
        stmt = stmt.where(or_(User.username.like(needle), User.full_name.ilike(f"%{query}%")))
    page = db.paginate(stmt, per_page=current_app.config["PER_PAGE"], error_out=False)
    return render_template("admin/users.html", page=page, query=query)


def _prepare(form: UserForm, user: User | None) -> None:
    form.unit_id.choices = [("", "— Không gắn đơn vị —")] + org.unit_choices(current_user)
    if request.method == "GET" and user is not None:
        form.roles.data = [r.value for r in user.roles]
        form.unit_id.data = user.unit_id
        form.is_active.data = user.is_active_account


def _values(form: UserForm) -> dict:
    unit = db.session.get(OrgUnit, form.unit_id.data) if form.unit_id.data else None
    return dict(full_name=form.full_name.data, roles={Role(r) for r in form.roles.data}, unit=unit,
                is_active=bool(form.is_active.data))


@bp.route("/users/new", methods=["GET", "POST"])
@roles_required()
def new_user():
    form = UserForm()
    _prepare(form, None)
    if form.validate_on_submit():
        try:
            user = create_user(username=form.username.data, password=form.password.data, by=current_user,
                               **_values(form))
        except ServiceError as exc:
            db.session.rollback()
            put_error(form, exc.field, exc.message)
        else:
            db.session.commit()
            flash(f"Đã tạo tài khoản {user.username}.", "success")
            return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, user=None)


@bp.route("/users/<int:user_id>/edit", methods=["GET", "POST"])
@roles_required()
def edit_user(user_id: int):
    user = db.get_or_404(User, user_id)
    form = UserEditForm(obj=user)
    _prepare(form, user)
    if form.validate_on_submit():
        try:
            update_user(user, password=form.password.data or None, by=current_user, **_values(form))
        except ServiceError as exc:
            db.session.rollback()
            put_error(form, exc.field, exc.message)
        else:
            db.session.commit()
            flash(f"Đã lưu tài khoản {user.username}.", "success")
            return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, user=user)
