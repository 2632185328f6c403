"""People: list with filters and pagination, a person's page, create and edit."""
from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db
from app.forms.common import put_error
from app.forms.people import PeopleFilterForm, PersonForm
from app.models import Gender, OrgUnit, Person, Role
from app.services import org
from app.services.errors import ServiceError
from app.services.people import CONFLICT_MESSAGE, PeopleFilter, create_person, people_query, update_person
from app.views.access import ensure, roles_required

bp = Blueprint("people", __name__, url_prefix="/people")
VIEWERS = (Role.SECRETARIAT, Role.VIEWER, Role.UNIT_OFFICER)
EDITORS = (Role.SECRETARIAT, Role.UNIT_OFFICER)


def _can_edit(person: Person | None = None) -> bool:
    """Admins and the secretariat edit everyone; unit officers the people of their units."""
    if not current_user.has_role(Role.ADMIN, *EDITORS):
        return False
    return person is None or current_user.in_scope(person.unit)


@bp.route("/")
@roles_required(*VIEWERS)
def index():
    form = PeopleFilterForm(request.args)
    form.unit.choices = [("", "Tất cả đơn vị")] + org.unit_choices(current_user)
    filters = PeopleFilter()
    if form.validate():
        filters = PeopleFilter(query=form.q.data or "", unit_id=form.unit.data or None,
                               gender=Gender(form.gender.data) if form.gender.data else None)
    page = db.paginate(people_query(current_user, filters), per_page=current_app.config["PER_PAGE"],
                       error_out=False)
    return render_template("people/index.html", form=form, page=page, can_edit=_can_edit())


@bp.route("/<int:person_id>")
@roles_required(*VIEWERS)
def detail(person_id: int):
    person = db.get_or_404(Person, person_id, options=[selectinload(Person.unit).selectinload(OrgUnit.parent)])
    ensure(current_user.in_scope(person.unit))
    return render_template("people/detail.html", person=person, can_edit=_can_edit(person))


def _form(person: Person | None) -> PersonForm:
    form = PersonForm(obj=person)
    choices = org.unit_choices(current_user)
    if person is not None and person.unit_id not in {c[0] for c in choices}:
        choices.append((person.unit_id, person.unit.short_name))  # a closed unit stays selectable
    form.unit_id.choices = [("", "— Chọn đơn vị —")] + choices
    if request.method == "GET" and person is not None:
        form.gender.data = person.gender.value
        form.version_id.data = str(person.version_id)
    return form


def _values(form: PersonForm) -> dict:
    return dict(full_name=form.full_name.data, gender=Gender(form.gender.data), birth_year=form.birth_year.data,
                position=form.position.data or "", unit=db.session.get(OrgUnit, form.unit_id.data))


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
def new():
    form = _form(None)
    if request.method == "GET":
        form.unit_id.data = request.args.get("unit", type=int)
    if form.validate_on_submit():
        try:
            person = create_person(**_values(form), by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            put_error(form, exc.field, exc.message)
        else:
            db.session.commit()
            flash(f"Đã thêm {person.full_name}.", "success")
            return redirect(url_for("people.detail", person_id=person.id))
    return render_template("people/form.html", form=form, person=None)


@bp.route("/<int:person_id>/edit", methods=["GET", "POST"])
@roles_required(*EDITORS)
def edit(person_id: int):
    person = db.get_or_404(Person, person_id)
    ensure(_can_edit(person))
    form = _form(person)
    if form.validate_on_submit():
        version = int(form.version_id.data) if (form.version_id.data or "").isdigit() else None
        try:
            update_person(person, **_values(form), version_id=version, by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            put_error(form, exc.field, exc.message)
        except StaleDataError:
            db.session.rollback()
            put_error(form, None, CONFLICT_MESSAGE)
        else:
            db.session.commit()
            flash(f"Đã lưu {person.full_name}.", "success")
            return redirect(url_for("people.detail", person_id=person.id))
    return render_template("people/form.html", form=form, person=person)
