"""Nominations: work lists, the dossier with timeline and eligibility, workflow actions."""
from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from app.extensions import db
from app.forms.common import put_error, select_choices
from app.forms.evidence import evidence_uploads
from app.forms.nominations import EvidenceForm, ImportForm, NominationForm, OverrideForm, TransitionForm
from app.models import AwardType, Campaign, EvidenceFile, Nomination, NominationStatus, OrgUnit, Role
from app.services.errors import ConflictError, ServiceError
from app.services.evidence import send_evidence, store_evidence_files
from app.services.nomination_eligibility import evaluate_nomination, override_rule
from app.services.nomination_export import export_work_list
from app.services.nomination_import import import_nominations, import_template
from app.services.nomination_integrity import integrity_flags
from app.services.nomination_prospects import (
    export_prospects, latest_ledger_year, next_year_prospects, paginate_rows,
)
from app.services.nomination_workflow import allowed_transitions, transition_nomination
from app.services.nominations import (
    create_nomination, list_counts, list_query, update_nomination, work_lists, attach_evidence,
)
from app.services.quotas import quota_meter
from app.views.access import ensure, roles_required
from app.views.nomination_forms import (
    award_choices, campaign_choices, fill_choices, load_form, read_form, units_for,
)

bp = Blueprint("nominations", __name__, url_prefix="/nominations")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WORKERS = (Role.SECRETARIAT, Role.UNIT_OFFICER)


def _load(nomination_id: int) -> Nomination:
    nomination = db.get_or_404(Nomination, nomination_id)
    ensure(nomination.can_view(current_user))
    return nomination


def _current_list():
    lists = work_lists(current_user)
    key = request.args.get("list", lists[0].key)
    return lists, next((wl for wl in lists if wl.key == key), lists[0])


@bp.route("/")
@roles_required(Role.SECRETARIAT, Role.UNIT_OFFICER, Role.COUNCIL_MEMBER, Role.VIEWER)
def index():
    lists, current = _current_list()
    q = request.args.get("q", "")
    campaign_id = request.args.get("campaign_id", type=int)
    query = list_query(current_user, current, q=q, campaign_id=campaign_id)
    page = db.paginate(query, per_page=25, error_out=False)
    return render_template("nominations/index.html", lists=lists, current=current, page=page, q=q,
                           counts=list_counts(current_user, lists), campaigns=campaign_choices(),
                           campaign_id=campaign_id)


@bp.route("/export.xlsx")
@roles_required(Role.SECRETARIAT, Role.UNIT_OFFICER, Role.COUNCIL_MEMBER, Role.VIEWER)
def export():
    _, current = _current_list()
    query = list_query(current_user, current, q=request.args.get("q", ""),
                       campaign_id=request.args.get("campaign_id", type=int))
    data = export_work_list(list(db.session.scalars(query)), title=current.label)
    return send_file(data, mimetype=XLSX, as_attachment=True, download_name=f"de-nghi-{current.key}.xlsx")


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*WORKERS)
def new():
    form = NominationForm()
    if request.method == "GET":
        # Prefilled from the "eligible next year" page: ?person_id=…&award_type_id=…
        form.nominating_unit_id.data = current_user.unit_id
        form.person_id.data = request.args.get("person_id", 0, type=int)
        form.award_type_id.data = request.args.get("award_type_id", type=int)
    fill_choices(form, current_user)
    if form.validate_on_submit():
        try:
            nomination = create_nomination(read_form(form), by=current_user)
        except ServiceError as error:
            db.session.rollback()
            put_error(form, error.field, error.message)
        else:
            db.session.commit()
            flash(f"Đã lập đề nghị cho {nomination.nominee_name}.", "success")
            return redirect(url_for("nominations.detail", nomination_id=nomination.id))
    return render_template("nominations/form.html", form=form, nomination=None), 200 if not form.errors else 422



@bp.route("/<int:nomination_id>")
@login_required
def detail(nomination_id: int):
    nomination = _load(nomination_id)
    return render_template(
        "nominations/detail.html", n=nomination, eligibility=evaluate_nomination(nomination),
        flags=integrity_flags(nomination), transitions=allowed_transitions(nomination, current_user),
        transition_form=TransitionForm(), override_form=OverrideForm(), evidence_form=EvidenceForm(),
        meter=quota_meter(campaign=nomination.campaign, award_type=nomination.award_type,
                          unit=nomination.nominating_unit))


@bp.route("/<int:nomination_id>/edit", methods=["GET", "POST"])
@roles_required(*WORKERS)
def edit(nomination_id: int):
    nomination = _load(nomination_id)
    ensure(nomination.can_edit(current_user))
    form = NominationForm()
    if request.method == "GET":
        load_form(form, nomination)
    fill_choices(form, current_user, nomination)
    if form.validate_on_submit():
        try:
            expected = int(form.version_id.data or 0)
            update_nomination(nomination, read_form(form, nomination), by=current_user, expected_version=expected)
            db.session.commit()
        except ConflictError as error:
            db.session.rollback()
            theirs = db.session.get(Nomination, nomination_id)
            db.session.refresh(theirs)
            yours = {"summary": form.summary.data, "memo_number": form.memo_number.data,
                     "memo_date": form.memo_date.data, "results": form.results.data}
            form.version_id.data = str(theirs.version_id)  # saving again now overwrites knowingly
            stored = "\n".join(f"{r['year']}: {r['text']}" for r in theirs.results_by_year or [])
            differs = {"memo_number": (yours["memo_number"] or "").strip() != theirs.memo_number,
                       "memo_date": yours["memo_date"] != theirs.memo_date,
                       "summary": (yours["summary"] or "").strip() != theirs.summary,
                       "results": (yours["results"] or "").strip() != stored}
            return render_template("nominations/conflict.html", form=form, n=theirs, yours=yours, differs=differs,
                                   message=error.message), 409
        except ServiceError as error:
            db.session.rollback()
            put_error(form, error.field, error.message)
        else:
            flash("Đã lưu hồ sơ.", "success")
            return redirect(url_for("nominations.detail", nomination_id=nomination.id))
    return render_template("nominations/form.html", form=form, nomination=nomination), 200 if not form.errors else 422


@bp.route("/<int:nomination_id>/transition", methods=["POST"])
@login_required
def transition(nomination_id: int):
    nomination = _load(nomination_id)
    form = TransitionForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        target = NominationStatus(form.to_status.data)
    except ValueError:
        abort(400)
    try:
        transition_nomination(nomination, target, by=current_user, reason=form.reason.data or "")
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(url_for("nominations.detail", nomination_id=nomination_id)), 303
    db.session.commit()
    flash(f"Đề nghị chuyển sang “{target.label}”.", "success")
    return redirect(url_for("nominations.detail", nomination_id=nomination_id))


@bp.route("/<int:nomination_id>/override", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def override(nomination_id: int):
    nomination = _load(nomination_id)
    form = OverrideForm()
    if not form.validate_on_submit():
        flash("Cần ghi rõ lý do thay đổi kết quả.", "error")
        return redirect(url_for("nominations.detail", nomination_id=nomination_id))
    try:
        override_rule(nomination, rule_id=int(form.rule_id.data), outcome=form.outcome.data or None,
                      reason=form.reason.data, by=current_user)
    except (ServiceError, ValueError) as error:
        db.session.rollback()
        flash(getattr(error, "message", "Dữ liệu không hợp lệ."), "error")
        return redirect(url_for("nominations.detail", nomination_id=nomination_id))
    db.session.commit()
    flash("Đã ghi ý kiến thẩm định.", "success")
    return redirect(url_for("nominations.detail", nomination_id=nomination_id))


@bp.route("/<int:nomination_id>/evidence", methods=["POST"])
@roles_required(*WORKERS)
def upload_evidence(nomination_id: int):
    nomination = _load(nomination_id)
    ensure(nomination.can_edit(current_user))
    form = EvidenceForm()
    if form.validate_on_submit():
        try:
            attach_evidence(nomination, store_evidence_files(evidence_uploads(form.files), by=current_user),
                            by=current_user)
        except ServiceError as error:
            db.session.rollback()
            flash(error.message, "error")
        else:
            db.session.commit()
            flash("Đã thêm minh chứng.", "success")
    else:
        flash(" ".join(form.files.errors) or "Chưa chọn tệp.", "error")
    return redirect(url_for("nominations.detail", nomination_id=nomination_id))


@bp.route("/<int:nomination_id>/evidence/<int:evidence_id>")
@login_required
def evidence(nomination_id: int, evidence_id: int):
    nomination = _load(nomination_id)
    file = db.get_or_404(EvidenceFile, evidence_id)
    if file not in nomination.evidence:
        abort(404)
    return send_evidence(file)


@bp.route("/quota")
@roles_required(*WORKERS)
def quota():
    campaign = db.session.get(Campaign, request.args.get("campaign_id", type=int) or 0)
    award = db.session.get(AwardType, request.args.get("award_type_id", type=int) or 0)
    unit = db.session.get(OrgUnit, request.args.get("unit_id", type=int) or 0)
    if campaign is None or award is None or unit is None:
        return jsonify({"meter": None})
    ensure(current_user.in_scope(unit))
    meter = quota_meter(campaign=campaign, award_type=award, unit=unit)
    return jsonify({"meter": meter.as_dict() if meter else None})


@bp.route("/import", methods=["GET", "POST"])
@roles_required(*WORKERS)
def import_xlsx():
    form = ImportForm()
    form.campaign_id.choices = select_choices(campaign_choices())
    form.nominating_unit_id.choices = select_choices([(u.id, u.short_name) for u in units_for(current_user)])
    if request.method == "GET" and current_user.unit_id:
        form.nominating_unit_id.data = current_user.unit_id
    if form.validate_on_submit():
        campaign = db.get_or_404(Campaign, form.campaign_id.data)
        unit = db.get_or_404(OrgUnit, form.nominating_unit_id.data)
        ensure(current_user.in_scope(unit))
        try:
            created = import_nominations(form.file.data, campaign=campaign, nominating_unit=unit, by=current_user)
        except ServiceError as error:
            db.session.rollback()
            put_error(form, error.field, error.message)
        else:
            db.session.commit()
            flash(f"Đã nhập {len(created)} đề nghị (nháp).", "success")
            return redirect(url_for("nominations.index", list="all"))
    return render_template("nominations/import.html", form=form), 200 if not form.errors else 422


@bp.route("/import/template.xlsx")
@roles_required(*WORKERS)
def import_template_file():
    awards = list(db.session.scalars(select(AwardType).where(AwardType.is_active.is_(True))
                                     .order_by(AwardType.position, AwardType.code)))
    return send_file(import_template(awards), mimetype=XLSX, as_attachment=True,
                     download_name="mau-danh-sach-de-nghi.xlsx")


def _prospect_args():
    """(units to choose from, chosen unit or None, ledger year, award type id) from the query string."""
    units = units_for(current_user)
    unit_id = request.args.get("unit_id", type=int)
    if unit_id:
        chosen = db.get_or_404(OrgUnit, unit_id)
        ensure(current_user.sees_all_units or current_user.in_scope(chosen))
    else:  # unit officers start at their own unit; the secretariat picks one
        chosen = None if current_user.sees_all_units else current_user.unit
    year = request.args.get("year", type=int) or latest_ledger_year(date.today().year)
    return units, chosen, max(2000, min(year, 2100)), request.args.get("award_type_id", type=int)


@bp.route("/eligible-next-year")
@roles_required(*WORKERS)
def eligible_next_year():
    units, chosen, year, award_type_id = _prospect_args()
    rows = next_year_prospects(unit=chosen, year=year, award_type_id=award_type_id) if chosen else []
    return render_template("nominations/eligible_next_year.html", units=units, unit=chosen, year=year,
                           award_type_id=award_type_id, awards=award_choices(),
                           page=paginate_rows(rows, page=request.args.get("page", type=int)))


@bp.route("/eligible-next-year.xlsx")
@roles_required(*WORKERS)
def export_eligible_next_year():
    _, chosen, year, award_type_id = _prospect_args()
    if chosen is None:
        abort(404)
    rows = next_year_prospects(unit=chosen, year=year, award_type_id=award_type_id)
    return send_file(export_prospects(rows, unit_name=chosen.short_name, year=year), mimetype=XLSX,
                     as_attachment=True, download_name=f"du-dieu-kien-nam-{year + 1}.xlsx")
