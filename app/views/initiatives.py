"""Register of initiatives and models: list, export, record, edit, evidence, council review, recognition."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from app.extensions import db
from app.forms.common import put_error, select_choices
from app.forms.evidence import evidence_uploads
from app.forms.initiatives import (
    FilterForm, InitiativeForm, RecognitionForm, RefusalForm, make_review_form,
)
from app.models import (
    EvidenceFile, InfluenceScope, Initiative, InitiativeKind, InitiativeScoringSheet, InitiativeStatus, Role,
)
from app.services import initiative_export
from app.services.errors import ConflictError, ServiceError
from app.services.evidence import send_evidence, store_evidence_files
from app.services.initiative_reviews import (
    record_recognition, record_review, refuse_recognition, review_of, review_summary, sheet_in_force,
)
from app.services.initiatives import (
    InitiativeData, InitiativeFilters, MetricData, campaign_choices, create_initiative, detail_options,
    all_units, list_query, people_for, remove_evidence, submit_initiative, units_for, update_initiative,
)
from app.views.access import ensure

bp = Blueprint("initiatives", __name__, url_prefix="/initiatives")


def _load(initiative_id: int, *, options=None) -> Initiative:  # noqa: ANN001
    initiative = db.session.get(Initiative, initiative_id, options=options or [])
    if initiative is None:
        abort(404)
    ensure(initiative.can_view(current_user))
    return initiative


# --- list and exports -------------------------------------------------------------------

def _filters() -> tuple[FilterForm, InitiativeFilters]:
    form = FilterForm(request.args)
    sees_all = current_user.sees_all_units or current_user.has_role(Role.COUNCIL_MEMBER)
    units = all_units() if sees_all else units_for(current_user)
    form.unit_id.choices = select_choices([("", "Tất cả đơn vị")] + [(u.id, u.short_name) for u in units])
    if not form.validate():
        return form, InitiativeFilters(q=form.q.data or "")
    data = form.data
    return form, InitiativeFilters(
        q=data["q"] or "", unit_id=data["unit_id"] or None,
        kind=InitiativeKind(data["kind"]) if data["kind"] else None,
        scope=InfluenceScope(data["scope"]) if data["scope"] else None,
        year=data["year"], status=InitiativeStatus(data["status"]) if data["status"] else None,
    )


@bp.route("/")
@login_required
def index():
    form, filters = _filters()
    pagination = db.paginate(list_query(current_user, filters), per_page=current_app.config["PER_PAGE"],
                             error_out=False)
    return render_template("initiatives/index.html", form=form, pagination=pagination,
                           can_create=Initiative.can_create(current_user),
                           can_manage_sheets=InitiativeScoringSheet.can_manage(current_user))


def _export(kind: str) -> Response:
    _, filters = _filters()
    rows = initiative_export.export_rows(list_query(current_user, filters))
    if kind == "xlsx":
        body = initiative_export.to_xlsx(rows)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body, mimetype = initiative_export.to_csv(rows), "text/csv; charset=utf-8"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f"attachment; filename=sang-kien-mo-hinh.{kind}"
    return response


@bp.route("/export.xlsx")
@login_required
def export_xlsx():
    return _export("xlsx")


@bp.route("/export.csv")
@login_required
def export_csv():
    return _export("csv")


# --- record and edit ----------------------------------------------------------------------

def _prepare(form: InitiativeForm) -> None:
    units = units_for(current_user)
    form.owner_unit_id.choices = select_choices((u.id, u.name) for u in units)
    unit_ids = None if current_user.has_role(Role.ADMIN, Role.SECRETARIAT) else [u.id for u in units]
    form.author_ids.choices = select_choices((p.id, f"{p.full_name} — {p.unit.short_name}") for p in people_for(unit_ids))
    form.campaign_ids.choices = select_choices((c.id, c.name) for c in campaign_choices())


def _data(form: InitiativeForm) -> InitiativeData:
    metrics = [
        MetricData(label=m["label"].strip(), value=m["value"], unit=(m["unit"] or "").strip(),
                   period_start=m["period_start"], period_end=m["period_end"])
        for m in form.metrics.data if (m["label"] or "").strip() and m["value"] is not None
    ]
    return InitiativeData(
        kind=InitiativeKind(form.kind.data), title=form.title.data, owner_unit_id=form.owner_unit_id.data,
        start_date=form.start_date.data, summary=form.summary.data or "", novelty=form.novelty.data or "",
        application=form.application.data or "", author_ids=form.author_ids.data or [],
        campaign_ids=form.campaign_ids.data or [], metrics=metrics,
    )



@bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    ensure(Initiative.can_create(current_user))
    form = InitiativeForm()
    _prepare(form)
    if request.method == "GET" and current_user.unit_id:
        form.owner_unit_id.data = current_user.unit_id
    if form.validate_on_submit():
        try:
            files = store_evidence_files(evidence_uploads(form.evidence), by=current_user)
            initiative = create_initiative(_data(form), by=current_user, evidence=files)
            db.session.commit()
        except ServiceError as error:
            db.session.rollback()
            put_error(form, error.field, error.message)
        else:
            flash(f"Đã ghi nhận “{initiative.title}”.", "success")
            return redirect(url_for("initiatives.detail", initiative_id=initiative.id))
    status = 422 if request.method == "POST" else 200
    return render_template("initiatives/form.html", form=form, initiative=None), status


@bp.route("/<int:initiative_id>/edit", methods=["GET", "POST"])
@login_required
def edit(initiative_id: int):
    initiative = _load(initiative_id, options=detail_options())
    ensure(initiative.can_edit(current_user))
    if request.method == "GET":
        form = InitiativeForm(obj=initiative, version_id=initiative.version_id, evidence=[],
                              author_ids=[p.id for p in initiative.authors],
                              campaign_ids=[c.id for c in initiative.campaigns])
    else:
        form = InitiativeForm()
    _prepare(form)
    if form.validate_on_submit():
        try:
            files = store_evidence_files(evidence_uploads(form.evidence), by=current_user)
            version = int(form.version_id.data) if (form.version_id.data or "").isdigit() else None
            update_initiative(initiative, _data(form), by=current_user, version_id=version, evidence=files)
            db.session.commit()
        except ConflictError as error:
            db.session.rollback()
            form.form_errors.append(error.message)
            return render_template("initiatives/form.html", form=form, initiative=initiative), 409
        except ServiceError as error:
            db.session.rollback()
            put_error(form, error.field, error.message)
        else:
            flash("Đã lưu thay đổi.", "success")
            return redirect(url_for("initiatives.detail", initiative_id=initiative.id))
    status = 422 if request.method == "POST" else 200
    return render_template("initiatives/form.html", form=form, initiative=initiative), status


# --- view, submit, evidence -----------------------------------------------------------------

@bp.route("/<int:initiative_id>")
@login_required
def detail(initiative_id: int):
    initiative = _load(initiative_id, options=detail_options())
    summary = review_summary(initiative) if initiative.status is not InitiativeStatus.DRAFT else None
    return render_template("initiatives/detail.html", initiative=initiative, summary=summary,
                           recognition_form=RecognitionForm(formdata=None), refusal_form=RefusalForm(formdata=None))


@bp.route("/<int:initiative_id>/submit", methods=["POST"])
@login_required
def submit(initiative_id: int):
    initiative = _load(initiative_id)
    ensure(initiative.can_submit(current_user))
    try:
        submit_initiative(initiative, by=current_user)
        db.session.commit()
        flash("Đã gửi đề nghị công nhận.", "success")
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    return redirect(url_for("initiatives.detail", initiative_id=initiative_id))


def _linked_file(initiative: Initiative, evidence_id: int) -> EvidenceFile:
    evidence = db.get_or_404(EvidenceFile, evidence_id)
    if evidence not in initiative.evidence:
        abort(404)
    return evidence


@bp.route("/<int:initiative_id>/evidence/<int:evidence_id>")
@login_required
def download_evidence(initiative_id: int, evidence_id: int):
    initiative = _load(initiative_id)
    return send_evidence(_linked_file(initiative, evidence_id))


@bp.route("/<int:initiative_id>/evidence/<int:evidence_id>/remove", methods=["POST"])
@login_required
def remove_evidence_file(initiative_id: int, evidence_id: int):
    initiative = _load(initiative_id)
    ensure(initiative.can_edit(current_user))
    evidence = _linked_file(initiative, evidence_id)
    remove_evidence(initiative, evidence, by=current_user)
    db.session.commit()
    flash(f"Đã gỡ tệp “{evidence.original_name}”.", "success")
    return redirect(url_for("initiatives.detail", initiative_id=initiative_id))


# --- council: review, recognition -------------------------------------------------------------

@bp.route("/<int:initiative_id>/review", methods=["GET", "POST"])
@login_required
def review(initiative_id: int):
    initiative = _load(initiative_id)
    ensure(initiative.can_review(current_user))
    existing = review_of(initiative, current_user)
    sheet = existing.sheet if existing else sheet_in_force()
    form = make_review_form(sheet, formdata=request.form if request.method == "POST" else None)
    if request.method == "GET" and existing:
        form.comment.data = existing.comment
        for score in existing.scores:
            getattr(form, f"c_{score.criterion_id}").data = score.points
    if form.validate_on_submit():
        points = {c.id: getattr(form, f"c_{c.id}").data for c in sheet.criteria}
        try:
            record_review(initiative, reviewer=current_user, points=points, comment=form.comment.data or "")
            db.session.commit()
        except ServiceError as error:
            db.session.rollback()
            put_error(form, error.field, error.message)
        else:
            flash("Đã lưu phiếu chấm.", "success")
            return redirect(url_for("initiatives.detail", initiative_id=initiative_id))
    fields = [getattr(form, f"c_{c.id}") for c in sheet.criteria]
    status = 422 if request.method == "POST" else 200
    return render_template("initiatives/review.html", initiative=initiative, form=form, fields=fields,
                           sheet=sheet), status


@bp.route("/<int:initiative_id>/recognise", methods=["POST"])
@login_required
def recognise(initiative_id: int):
    initiative = _load(initiative_id, options=detail_options())
    ensure(initiative.can_recognise(current_user))
    form = RecognitionForm()
    if form.validate_on_submit():
        try:
            record_recognition(initiative, by=current_user, recognised_by=form.recognised_by.data,
                               decision_number=form.decision_number.data, decision_date=form.decision_date.data,
                               scope=InfluenceScope(form.scope.data))
            db.session.commit()
        except ServiceError as error:
            db.session.rollback()
            put_error(form, error.field, error.message)
        else:
            flash("Đã ghi nhận quyết định công nhận.", "success")
            return redirect(url_for("initiatives.detail", initiative_id=initiative_id))
    summary = review_summary(initiative) if initiative.status is not InitiativeStatus.DRAFT else None
    return render_template("initiatives/detail.html", initiative=initiative, summary=summary,
                           recognition_form=form, refusal_form=RefusalForm(formdata=None)), 422


@bp.route("/<int:initiative_id>/refuse", methods=["POST"])
@login_required
def refuse(initiative_id: int):
    initiative = _load(initiative_id, options=detail_options())
    ensure(initiative.can_recognise(current_user))
    form = RefusalForm()
    if form.validate_on_submit():
        try:
            refuse_recognition(initiative, by=current_user, reason=form.reason.data)
            db.session.commit()
        except ServiceError as error:
            db.session.rollback()
            flash(error.message, "error")
        else:
            flash("Đã ghi nhận không công nhận.", "success")
        return redirect(url_for("initiatives.detail", initiative_id=initiative_id))
    summary = review_summary(initiative)
    return render_template("initiatives/detail.html", initiative=initiative, summary=summary,
                           recognition_form=RecognitionForm(formdata=None), refusal_form=form), 422
