"""Org units: the tree with search, a unit's page, create and edit (admin, secretariat)."""
from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db
from app.forms.common import put_error
from app.forms.units import UnitForm
from app.models import OrgUnit, OrgUnitKind, Person, Role, UnitSuccession, User
from app.services import org
from app.services.errors import ServiceError
from app.views.access import ensure, roles_required

bp = Blueprint("units", __name__, url_prefix="/units")
VIEWERS = (Role.SECRETARIAT, Role.VIEWER, Role.UNIT_OFFICER)
EDITORS = (Role.SECRETARIAT,)


def _day(raw: str | None) -> date:
    if not raw:
        return date.today()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        abort(400)


@bp.route("/")
@roles_required(*VIEWERS)
def index():
    on = _day(request.args.get("on"))
    home = current_user.unit
    if not request.args.get("on") and not current_user.sees_all_units and home and home.valid_to and home.valid_to < on:
        on = home.valid_to  # a unit officer of a dissolved unit sees it on its last day
    query = request.args.get("q", "")[:200]
    tree = org.build_tree(current_user, on=on, query=query)
    return render_template("units/index.html", tree=tree, on=on, query=query,
                           reform_day=date(2025, 7, 1), can_edit=current_user.has_role(Role.ADMIN, *EDITORS))


@bp.route("/<int:unit_id>")
@roles_required(*VIEWERS)
def detail(unit_id: int):
    unit = db.get_or_404(OrgUnit, unit_id, options=[
        selectinload(OrgUnit.children), selectinload(OrgUnit.successions).selectinload(UnitSuccession.successor),
        selectinload(OrgUnit.predecessions).selectinload(UnitSuccession.predecessor)])
    ensure(current_user.in_scope(unit))
    people_count = db.session.scalar(select(db.func.count()).select_from(Person).where(Person.unit_id == unit.id))
    people = db.session.scalars(select(Person).where(Person.unit_id == unit.id)
                                .order_by(Person.sort_key).limit(10)).all()
    accounts = db.session.scalars(select(User).where(User.unit_id == unit.id).order_by(User.username)).all()
    return render_template("units/detail.html", unit=unit, people=people, people_count=people_count,
                           accounts=accounts if current_user.is_admin else [],
                           children=sorted(unit.children, key=lambda u: (u.valid_to is not None, u.short_name)),
                           can_edit=current_user.has_role(Role.ADMIN, *EDITORS))


def _fill_choices(form: UnitForm, unit: OrgUnit | None) -> None:
    choices = org.unit_choices(current_user)
    if unit is not None:
        banned = set(org.descendant_ids(unit.id))
        choices = [c for c in choices if c[0] not in banned]
        if unit.parent_id and unit.parent_id not in {c[0] for c in choices}:
            choices.append((unit.parent_id, unit.parent.short_name))  # a closed parent stays selectable
    form.parent_id.choices = [("", "— Không có (cấp cao nhất) —")] + choices


def _values(form: UnitForm) -> dict:
    parent = db.session.get(OrgUnit, form.parent_id.data) if form.parent_id.data else None
    return dict(code=form.code.data, kind=OrgUnitKind(form.kind.data), name=form.name.data,
                short_name=form.short_name.data, parent=parent, valid_from=form.valid_from.data,
                valid_to=form.valid_to.data)


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
def new():
    form = UnitForm()
    _fill_choices(form, None)
    if request.method == "GET":
        form.valid_from.data = date.today()
        form.parent_id.data = request.args.get("parent", type=int)
    if form.validate_on_submit():
        try:
            unit = org.create_unit(**_values(form), by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            put_error(form, exc.field, exc.message)
        else:
            db.session.commit()
            flash(f"Đã tạo đơn vị {unit.short_name}.", "success")
            return redirect(url_for("units.detail", unit_id=unit.id))
    return render_template("units/form.html", form=form, unit=None)


@bp.route("/<int:unit_id>/edit", methods=["GET", "POST"])
@roles_required(*EDITORS)
def edit(unit_id: int):
    unit = db.get_or_404(OrgUnit, unit_id)
    form = UnitForm(obj=unit)
    _fill_choices(form, unit)
    if request.method == "GET":
        form.kind.data = unit.kind.value
        form.version_id.data = str(unit.version_id)
    if form.validate_on_submit():
        version = int(form.version_id.data) if (form.version_id.data or "").isdigit() else None
        try:
            org.update_unit(unit, **_values(form), version_id=version, by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            put_error(form, exc.field, exc.message)
        except StaleDataError:
            db.session.rollback()
            put_error(form, None, org.CONFLICT_MESSAGE)
        else:
            db.session.commit()
            flash(f"Đã lưu đơn vị {unit.short_name}.", "success")
            return redirect(url_for("units.detail", unit_id=unit.id))
    return render_template("units/form.html", form=form, unit=unit)
