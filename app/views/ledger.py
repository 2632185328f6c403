"""The award-history ledger: browse, record, import from XLSX; and who becomes eligible next year."""
from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from app.extensions import db
from app.forms.common import select_choices
from app.forms.criteria import ActionForm
from app.forms.ledger import AwardRecordForm, DisciplineForm, ImportForm, RatingForm
from app.models import (
    AwardRecord, AwardType, DisciplineMeasure, OrgUnit, PerformanceRating, Person, Role, SubjectType,
)
from app.services import ledger as service
from app.services.eligibility import eligible_next_year
from app.services.errors import ServiceError
from app.services.ledger_import import ImportRefused, import_award_history, template_bytes
from app.views.access import ensure, roles_required

bp = Blueprint("ledger", __name__, url_prefix="/ledger")
EDITORS = (Role.SECRETARIAT, Role.UNIT_OFFICER)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _can_record(unit: OrgUnit) -> bool:
    return current_user.has_role(Role.ADMIN, Role.SECRETARIAT) or (
        current_user.has_role(Role.UNIT_OFFICER) and current_user.in_scope(unit))


def _award_choices(subject: SubjectType) -> list:
    awards = db.session.scalars(select(AwardType).where(AwardType.is_active.is_(True))
                                .order_by(AwardType.position, AwardType.code))
    return select_choices([(a.id, a.name) for a in awards if a.subject_scope.admits(subject)])


@bp.route("/")
@roles_required(Role.SECRETARIAT, Role.UNIT_OFFICER, Role.VIEWER)
def index():
    year = request.args.get("year", type=int)
    code = request.args.get("award", "")
    q = request.args.get("q", "").strip()
    page = db.paginate(service.records_query(current_user, year=year, award_code=code, q=q), per_page=30)
    awards = db.session.execute(select(AwardType.code, AwardType.name).order_by(AwardType.position)).all()
    return render_template("ledger/index.html", page=page, year=year, award=code, q=q, awards=awards,
                           can_import=current_user.has_role(Role.ADMIN, Role.SECRETARIAT))


def _subject_page(person: Person | None, unit: OrgUnit | None, forms: dict | None = None, status: int = 200):
    home = person.unit if person is not None else unit
    ensure(current_user.sees_all_units or current_user.in_scope(home))
    subject = SubjectType.INDIVIDUAL if person is not None else SubjectType.COLLECTIVE
    forms = forms or {}
    award_form = forms.get("award") or AwardRecordForm(formdata=None)
    award_form.award_type_id.choices = _award_choices(subject)
    history = service.person_history(person) if person is not None else service.unit_history(unit)
    return render_template("ledger/subject.html", person=person, unit=unit, history=history, award_form=award_form,
                           rating_form=forms.get("rating") or RatingForm(formdata=None),
                           discipline_form=forms.get("discipline") or DisciplineForm(formdata=None),
                           action=ActionForm(), can_record=_can_record(home)), status


@bp.route("/people/<int:person_id>")
@login_required
def person(person_id: int):
    return _subject_page(db.get_or_404(Person, person_id), None)


@bp.route("/units/<int:unit_id>")
@login_required
def unit(unit_id: int):
    return _subject_page(None, db.get_or_404(OrgUnit, unit_id))


def _subject(kind: str, subject_id: int) -> tuple[Person | None, OrgUnit | None]:
    if kind == "people":
        return db.get_or_404(Person, subject_id), None
    return None, db.get_or_404(OrgUnit, subject_id)


def _back(person: Person | None, unit: OrgUnit | None) -> str:
    return url_for("ledger.person", person_id=person.id) if person else url_for("ledger.unit", unit_id=unit.id)


def _record(kind: str, subject_id: int, name: str, form, action, message: str):  # noqa: ANN001
    person, unit = _subject(kind, subject_id)
    ensure(_can_record(person.unit if person else unit))
    if name == "award":
        form.award_type_id.choices = _award_choices(SubjectType.INDIVIDUAL if person else SubjectType.COLLECTIVE)
    if form.validate_on_submit():
        try:
            action(person, unit)
            db.session.commit()
        except ServiceError as err:
            db.session.rollback()
            field = getattr(form, err.field, None) if err.field else None
            (field.errors if field is not None else form.form_errors).append(err.message)
        else:
            flash(message, "success")
            return redirect(_back(person, unit))
    return _subject_page(person, unit, {name: form}, 422)


@bp.route("/<any(people, units):kind>/<int:subject_id>/awards", methods=["POST"])
@roles_required(*EDITORS)
def add_award(kind: str, subject_id: int):
    form = AwardRecordForm()
    return _record(kind, subject_id, "award", form, lambda p, u: service.add_award_record(
        db.session.get(AwardType, form.award_type_id.data), form.year.data, by=current_user, person=p, unit=u,
        decision_number=form.decision_number.data or "", decision_date=form.decision_date.data,
        issuer=form.issuer.data or ""), "Đã ghi vào sổ khen thưởng.")


@bp.route("/<any(people, units):kind>/<int:subject_id>/ratings", methods=["POST"])
@roles_required(*EDITORS)
def set_rating(kind: str, subject_id: int):
    form = RatingForm()
    return _record(kind, subject_id, "rating", form, lambda p, u: service.set_rating(
        form.year.data, PerformanceRating(form.rating.data), by=current_user, person=p, unit=u),
        "Đã ghi mức độ hoàn thành nhiệm vụ.")


@bp.route("/people/<int:subject_id>/discipline", methods=["POST"])
@roles_required(*EDITORS)
def add_discipline(subject_id: int):
    form = DisciplineForm()
    return _record("people", subject_id, "discipline", form, lambda p, u: service.add_discipline(
        p, form.year.data, DisciplineMeasure(form.measure.data), by=current_user, decided_on=form.decided_on.data,
        note=form.note.data or ""), "Đã ghi kỷ luật.")


@bp.route("/records/<int:record_id>/remove", methods=["POST"])
@roles_required(*EDITORS)
def remove_award(record_id: int):
    record = db.get_or_404(AwardRecord, record_id)
    person, unit = record.person, record.unit
    ensure(_can_record(person.unit if person else unit))
    if ActionForm().validate_on_submit():
        service.remove_award_record(record, by=current_user)
        db.session.commit()
        flash("Đã xóa bản ghi khỏi sổ.", "success")
    return redirect(_back(person, unit))


@bp.route("/import", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def import_xlsx():
    form = ImportForm()
    errors: list = []
    if form.validate_on_submit():
        upload = form.file.data
        try:
            count = import_award_history(upload.read(), by=current_user, filename=upload.filename or "")
            db.session.commit()
        except ImportRefused as err:
            db.session.rollback()
            errors = err.errors
            form.file.errors = [*form.file.errors, err.message]
        except ServiceError as err:
            db.session.rollback()
            form.file.errors = [*form.file.errors, err.message]
        else:
            flash(f"Đã nhập {count} dòng vào sổ khen thưởng.", "success")
            return redirect(url_for("ledger.index"))
    status = 422 if form.errors or errors else 200
    return render_template("ledger/import.html", form=form, errors=errors), status


@bp.route("/import/template.xlsx")
@roles_required(Role.SECRETARIAT)
def import_template():
    return Response(template_bytes(), mimetype=XLSX,
                    headers={"Content-Disposition": "attachment; filename=mau-qua-trinh-khen-thuong.xlsx"})


@bp.route("/prospects")
@roles_required(Role.SECRETARIAT, Role.UNIT_OFFICER)
def prospects():
    units = [current_user.unit] if not current_user.sees_all_units and current_user.unit else list(
        db.session.scalars(select(OrgUnit).where(OrgUnit.parent_id.is_(None)).order_by(OrgUnit.short_name)))
    unit_id = request.args.get("unit", type=int)
    chosen = db.session.get(OrgUnit, unit_id) if unit_id else (units[0] if units else None)
    if chosen is not None:
        ensure(current_user.sees_all_units or current_user.in_scope(chosen))
    year = request.args.get("year", type=int) or date.today().year
    rows = eligible_next_year(chosen, year) if chosen is not None else []
    return render_template("ledger/prospects.html", rows=rows, unit=chosen, year=year, units=units)
