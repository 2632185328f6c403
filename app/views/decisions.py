"""Decisions: draft, issue, print (with background jobs), export, revoke certificates."""
from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms.fields.choices import SelectChoice

from app.extensions import db
from app.forms.decisions import (CorrectionForm, DecisionForm, IssueForm, ItemWordingForm, PrintForm, RevokeForm,
                                 lines)
from app.models import (AmendmentKind, Campaign, Certificate, Decision, DecisionItem, OrgUnit, OrgUnitKind,
                        PrintJob, PrintJobStatus, PrintKind, Role)
from app.models.base import utcnow
from app.services import decision_corrections as corrections
from app.services import decisions as service
from app.jobs import pdf as pdf_jobs
from app.services import print_jobs
from app.services.decision_export import export_csv, export_xlsx
from app.services.errors import ServiceError
from app.views.access import ensure, roles_required
from app.views.errors import render_error

bp = Blueprint("decisions", __name__, url_prefix="/decisions")
READERS = (Role.SECRETARIAT, Role.VIEWER)
MULTILINE = ("issuer_lines", "legal_bases", "articles", "recipients", "signer_capacity")


def _load(decision_id: int) -> Decision:
    decision = db.session.scalar(select(Decision).where(Decision.id == decision_id).options(
        selectinload(Decision.items).selectinload(DecisionItem.certificate),
        selectinload(Decision.items).selectinload(DecisionItem.award_type)))
    if decision is None:
        abort(404)
    return decision


def _refuse_issued(decision: Decision):  # noqa: ANN202
    """An issued decision is immutable: every mutation answers 409 with the way forward."""
    if not decision.is_issued:
        return None
    return render_error(409, f"Quyết định số {decision.full_number} đã ban hành nên không thể sửa, thêm hay bớt "
                             "đối tượng. Muốn thay đổi, hãy lập quyết định sửa đổi, bổ sung hoặc thu hồi, hủy bỏ.")


@bp.route("/")
@roles_required(*READERS)
def index():
    query = select(Decision).order_by(Decision.decided_on.desc(), Decision.id.desc())
    pagination = db.paginate(query, per_page=25, error_out=False)
    return render_template("decisions/index.html", pagination=pagination,
                           can_create=current_user.has_role(Role.ADMIN, Role.SECRETARIAT))


def _fill_choices(form: DecisionForm) -> None:
    units = db.session.scalars(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.CITY_BODY,
                                                     OrgUnit.valid_to.is_(None)).order_by(OrgUnit.name))
    form.issuer_unit_id.choices = [SelectChoice(u.id, u.name) for u in units]
    campaigns = db.session.scalars(select(Campaign).order_by(Campaign.period_start.desc()))
    form.campaign_id.choices = [SelectChoice(0, "— Không gắn phong trào —")] + [
        SelectChoice(c.id, c.name) for c in campaigns]


def _fields(form: DecisionForm) -> dict:
    fields = {name: lines(getattr(form, name).data) for name in MULTILINE}
    fields.update(decided_on=form.decided_on.data, symbol=form.symbol.data.strip(),
                  authority=form.authority.data.strip(), subject=" ".join(lines(form.subject.data)),
                  signer_name=form.signer_name.data.strip(), list_title=(form.list_title.data or "").strip(),
                  achievement=" ".join(lines(form.achievement.data)))
    return fields


@bp.route("/new", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def create():
    form = DecisionForm()
    _fill_choices(form)
    if request.method == "GET":
        campaign = db.session.get(Campaign, request.args.get("campaign_id", type=int) or 0)
        for name, value in service.default_fields(campaign).items():
            if name in form:
                form[name].data = "\n".join(value) if isinstance(value, list) else value
        form.campaign_id.data = campaign.id if campaign else 0
    if form.validate_on_submit():
        try:
            issuer = db.get_or_404(OrgUnit, form.issuer_unit_id.data)
            campaign = db.session.get(Campaign, form.campaign_id.data) if form.campaign_id.data else None
            decision = service.create_decision(issuer_unit=issuer, campaign=campaign, by=current_user,
                                               **_fields(form))
        except ServiceError as error:
            db.session.rollback()
            _field_error(form, error)
        else:
            db.session.commit()
            flash("Đã tạo dự thảo quyết định.", "success")
            return redirect(url_for("decisions.detail", decision_id=decision.id))
    return render_template("decisions/form.html", form=form, decision=None), 422 if form.errors else 200


@bp.route("/<int:decision_id>/edit", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def edit(decision_id: int):
    decision = _load(decision_id)
    if (refused := _refuse_issued(decision)) is not None:
        return refused
    ensure(decision.can_edit(current_user))
    form = DecisionForm(obj=decision if request.method == "GET" else None)
    _fill_choices(form)
    if request.method == "GET":
        for name in MULTILINE:
            form[name].data = "\n".join(getattr(decision, name))
        form.campaign_id.data = decision.campaign_id or 0
    if form.validate_on_submit():
        try:
            fields = _fields(form)
            fields.update(issuer_unit_id=form.issuer_unit_id.data, campaign_id=form.campaign_id.data or None)
            service.update_decision(decision, by=current_user, version_id=int(form.version_id.data or 0),
                                    **fields)
        except ServiceError as error:
            db.session.rollback()
            _field_error(form, error)
        else:
            db.session.commit()
            flash("Đã lưu dự thảo.", "success")
            return redirect(url_for("decisions.detail", decision_id=decision.id))
    return render_template("decisions/form.html", form=form, decision=decision), 422 if form.errors else 200


def _field_error(form, error: ServiceError) -> None:  # noqa: ANN001
    if error.field and error.field in form:
        form[error.field].errors = [*form[error.field].errors, error.message]
    else:
        flash(error.message, "error")


def _flash_form_errors(form) -> None:  # noqa: ANN001
    """Actions posted from the decision page have no page of their own: their errors are flashed."""
    flash(" ".join(e for errors in form.errors.values() for e in errors), "error")


@bp.route("/<int:decision_id>")
@roles_required(*READERS)
def detail(decision_id: int):
    decision = _load(decision_id)
    candidates = service.approved_nominations(decision) if decision.can_edit(current_user) else []
    issue_form = IssueForm(version_id=decision.version_id)
    roles = {k: v.value for k, v in corrections.item_roles(decision).items()} if decision.amends else {}
    return render_template("decisions/detail.html", decision=decision, candidates=candidates,
                           issue_form=issue_form, print_form=PrintForm(), kinds=list(PrintKind),
                           revoke_form=RevokeForm(formdata=None, legal_ground=service.DEFAULT_LEGAL_GROUND),
                           corrections=corrections.corrections_of(decision), roles=roles,
                           replaced=corrections.replaced_item_ids(decision) if decision.is_issued else set(),
                           wording_form=ItemWordingForm(formdata=None),
                           prints_certificates=decision.is_issued
                           and decision.amendment_kind is not AmendmentKind.REVOKES)


@bp.route("/<int:decision_id>/items", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def add_items(decision_id: int):
    decision = _load(decision_id)
    if (refused := _refuse_issued(decision)) is not None:
        return refused
    ensure(decision.can_edit(current_user))
    try:
        added = service.add_nominations(decision, service.approved_nominations(decision), by=current_user)
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        flash(f"Đã thêm {len(added)} tập thể, cá nhân vào quyết định.", "success")
    return redirect(url_for("decisions.detail", decision_id=decision_id))


@bp.route("/<int:decision_id>/items/<int:item_id>/delete", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def remove_item(decision_id: int, item_id: int):
    decision = _load(decision_id)
    if (refused := _refuse_issued(decision)) is not None:
        return refused
    ensure(decision.can_edit(current_user))
    item = next((i for i in decision.items if i.id == item_id), None) or abort(404)
    service.remove_item(item, by=current_user)
    db.session.commit()
    flash("Đã bỏ khỏi quyết định.", "success")
    return redirect(url_for("decisions.detail", decision_id=decision_id))


@bp.route("/<int:decision_id>/issue", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def issue(decision_id: int):
    decision = _load(decision_id)
    if (refused := _refuse_issued(decision)) is not None:
        return refused
    ensure(decision.can_issue(current_user))
    form = IssueForm()
    if form.validate_on_submit():
        try:
            service.issue_decision(decision, by=current_user, number=form.number.data,
                                   version_id=int(form.version_id.data) if form.version_id.data else None)
        except ServiceError as error:
            db.session.rollback()
            flash(error.message, "error")
        else:
            db.session.commit()
            flash(f"Đã ban hành Quyết định số {decision.full_number}.", "success")
    else:
        _flash_form_errors(form)
    return redirect(url_for("decisions.detail", decision_id=decision_id))


@bp.route("/<int:decision_id>/print/<kind>", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def print_pdf(decision_id: int, kind: str):
    decision = _load(decision_id)
    ensure(decision.can_print(current_user))
    try:
        print_kind = PrintKind(kind)
    except ValueError:
        abort(404)
    form = PrintForm()
    if not form.validate_on_submit():
        _flash_form_errors(form)
        return redirect(url_for("decisions.detail", decision_id=decision_id))
    options = {"paper": form.paper.data or "A4", "offset_x_mm": float(form.offset_x_mm.data or 0),
               "offset_y_mm": float(form.offset_y_mm.data or 0)} if print_kind is PrintKind.CERTIFICATES else {}
    try:
        job = print_jobs.request_print(decision, print_kind, by=current_user, options=options)
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(url_for("decisions.detail", decision_id=decision_id))
    db.session.commit()
    if job.status is PrintJobStatus.DONE:
        return redirect(url_for("decisions.download", job_id=job.id))
    if job.started_at is None and job.status is PrintJobStatus.QUEUED:
        pdf_jobs.enqueue(job)
    return redirect(url_for("decisions.job", job_id=job.id))


def _load_job(job_id: int) -> PrintJob:
    job = db.get_or_404(PrintJob, job_id)
    ensure(job.decision.can_print(current_user))
    return job


@bp.route("/print-jobs/<int:job_id>")
@roles_required(Role.SECRETARIAT)
def job(job_id: int):
    return render_template("decisions/job.html", job=_load_job(job_id))


@bp.route("/print-jobs/<int:job_id>/progress")
@roles_required(Role.SECRETARIAT)
def progress(job_id: int):
    job = _load_job(job_id)
    return jsonify(status=job.status.value, label=job.status.label, done=job.done, total=job.total,
                   percent=job.percent, error=job.error,
                   download_url=url_for("decisions.download", job_id=job.id)
                   if job.status is PrintJobStatus.DONE else None)


@bp.route("/print-jobs/<int:job_id>/download")
@roles_required(Role.SECRETARIAT)
def download(job_id: int):
    job = _load_job(job_id)
    if job.status is not PrintJobStatus.DONE:
        return redirect(url_for("decisions.job", job_id=job.id))
    path = print_jobs.cache_path(job)
    if not path.exists():  # the cache was cleared: print again
        flash("Tệp PDF không còn trong bộ nhớ đệm; vui lòng in lại.", "warning")
        return redirect(url_for("decisions.detail", decision_id=job.decision_id))
    return send_file(path, mimetype="application/pdf", download_name=job.filename, max_age=0)


@bp.route("/print-jobs/<int:job_id>/retry", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def retry(job_id: int):
    job = _load_job(job_id)
    try:
        print_jobs.retry_print_job(job, by=current_user)
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        pdf_jobs.enqueue(job)
    return redirect(url_for("decisions.job", job_id=job.id))


@bp.route("/<int:decision_id>/export.<fmt>")
@roles_required(*READERS)
def export(decision_id: int, fmt: str):
    decision = _load(decision_id)
    ensure(decision.can_view(current_user))
    name = f"danh-sach-QD-{decision.number or 'du-thao'}-{decision.year or ''}"
    if fmt == "csv":
        return _attachment(export_csv(decision), "text/csv; charset=utf-8", f"{name}.csv")
    if fmt == "xlsx":
        return _attachment(export_xlsx(decision),
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f"{name}.xlsx")
    abort(404)


def _attachment(data: bytes, mimetype: str, filename: str):  # noqa: ANN202
    from io import BytesIO

    return send_file(BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=filename)


@bp.route("/certificates/<int:certificate_id>/revoke", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def revoke(certificate_id: int):
    certificate = db.get_or_404(Certificate, certificate_id)
    ensure(certificate.can_revoke(current_user))
    form = RevokeForm()
    decision_id = certificate.item.decision_id
    if form.validate_on_submit():
        try:
            service.revoke_certificate(certificate, by=current_user, reason=form.reason.data,
                                       legal_ground=form.legal_ground.data)
        except ServiceError as error:
            db.session.rollback()
            flash(error.message, "error")
        else:
            db.session.commit()
            flash(f"Đã thu hồi bằng khen của {certificate.item.printed_name}.", "success")
    else:
        _flash_form_errors(form)
    return redirect(url_for("decisions.detail", decision_id=decision_id) + "#certificates")


@bp.route("/<int:decision_id>/correct", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def correct(decision_id: int):
    """Draft a decision that amends or revokes this issued one."""
    original = _load(decision_id)
    if not original.is_issued:
        return render_error(409, "Dự thảo chưa ban hành: hãy sửa trực tiếp dự thảo thay vì lập quyết định sửa đổi.")
    ensure(original.can_correct(current_user))
    live = [i for i in original.items if i.certificate is None or not i.certificate.is_revoked]
    form = CorrectionForm()
    form.item_ids.choices = [SelectChoice(i.id, i.printed_name) for i in live]
    if request.method == "GET":
        form.kind.data = request.args.get("kind", "amends")
        form.decided_on.data = max(utcnow().date(), original.decided_on)
        form.legal_ground.data = service.DEFAULT_LEGAL_GROUND
    if form.validate_on_submit():
        chosen = set(form.item_ids.data or [])
        try:
            draft = corrections.create_correction(
                original, kind=AmendmentKind(form.kind.data), by=current_user,
                items=[i for i in live if i.id in chosen], reason=form.reason.data or "",
                legal_ground=form.legal_ground.data, decided_on=form.decided_on.data)
        except ServiceError as error:
            db.session.rollback()
            _field_error(form, error)
        else:
            db.session.commit()
            flash(f"Đã tạo dự thảo {draft.amendment_kind.label.lower()} Quyết định số {original.full_number}.",
                  "success")
            return redirect(url_for("decisions.detail", decision_id=draft.id))
    return (render_template("decisions/correct.html", original=original, form=form, live=live,
                            chosen=set(form.item_ids.data or [])), 422 if form.errors else 200)


@bp.route("/<int:decision_id>/items/<int:item_id>/wording", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def item_wording(decision_id: int, item_id: int):
    """Correct how one item of an amending draft is printed."""
    decision = _load(decision_id)
    if (refused := _refuse_issued(decision)) is not None:
        return refused
    ensure(decision.can_edit(current_user))
    item = next((i for i in decision.items if i.id == item_id), None) or abort(404)
    form = ItemWordingForm()
    if form.validate_on_submit():
        try:
            corrections.correct_item_wording(item, by=current_user, honorific=form.honorific.data or "",
                                             printed_name=form.printed_name.data,
                                             printed_detail=form.printed_detail.data or "")
        except ServiceError as error:
            db.session.rollback()
            flash(error.message, "error")
        else:
            db.session.commit()
            flash(f"Đã sửa cách ghi: {item.printed_name}.", "success")
    else:
        _flash_form_errors(form)
    return redirect(url_for("decisions.detail", decision_id=decision_id) + "#certificates")
