"""Campaigns (phong trào thi đua) and their criteria-sheet editor."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from app.extensions import db
from app.forms.campaigns import AdvanceForm, CampaignForm
from app.forms.common import put_error, select_choices
from app.forms.criteria import ActionForm, BonusCapForm, CriterionForm, SheetForm
from app.models import Campaign, CampaignStage, CriteriaSheet, Criterion, CriterionKind, OrgUnit, Role, SubjectType
from app.services import campaigns as service
from app.services import criteria as sheets
from app.services.errors import ConflictError, ServiceError
from app.views.access import ensure, roles_required

bp = Blueprint("campaigns", __name__, url_prefix="/campaigns")


def _unit_choices() -> list[tuple[int, str]]:
    rows = db.session.execute(select(OrgUnit.id, OrgUnit.short_name).where(OrgUnit.valid_to.is_(None))
                              .order_by(OrgUnit.short_name))
    return [(i, n) for i, n in rows]


def _form(campaign: Campaign | None = None) -> CampaignForm:
    form = CampaignForm(obj=campaign)
    choices = select_choices(_unit_choices())
    form.launching_unit_id.choices = choices
    form.participating_unit_ids.choices = choices
    if campaign is not None and request.method == "GET":
        form.participating_unit_ids.data = [u.id for u in campaign.participating_units]
        form.kind.data = campaign.kind.value
        form.version_id.data = str(campaign.version_id)
        for phase in campaign.phases:
            getattr(form, f"phase_{phase.stage.value}_start").data = phase.starts_on
            getattr(form, f"phase_{phase.stage.value}_end").data = phase.ends_on
    return form


def _input(form: CampaignForm) -> service.CampaignInput:
    from app.models import CampaignKind

    units = {u.id: u for u in db.session.scalars(select(OrgUnit).where(
        OrgUnit.id.in_([form.launching_unit_id.data, *(form.participating_unit_ids.data or [])])))}
    phases = [service.PhaseInput(s, getattr(form, f"phase_{s.value}_start").data,
                                 getattr(form, f"phase_{s.value}_end").data) for s in CampaignStage]
    return service.CampaignInput(
        code=form.code.data, name=form.name.data, kind=CampaignKind(form.kind.data),
        launching_unit=units[form.launching_unit_id.data], plan_number=form.plan_number.data or "",
        plan_date=form.plan_date.data, period_start=form.period_start.data, period_end=form.period_end.data,
        description=form.description.data or "",
        participating_units=[units[i] for i in form.participating_unit_ids.data or [] if i in units], phases=phases)


def _field_error(form, err: ServiceError) -> None:  # noqa: ANN001
    """A phase's error shows beside its start date (the phase has two fields)."""
    phase = err.field and err.field.startswith("phase_")
    put_error(form, f"{err.field}_start" if phase else err.field, err.message)


@bp.route("/")
@login_required
def index():
    q = request.args.get("q", "").strip()
    page = db.paginate(service.visible_campaigns(current_user, q=q), per_page=20)
    return render_template("campaigns/index.html", page=page, q=q,
                           can_create=current_user.has_role(Role.ADMIN, Role.SECRETARIAT))


@bp.route("/new", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def new():
    form = _form()
    if form.validate_on_submit():
        try:
            campaign = service.create_campaign(_input(form), by=current_user)
            db.session.commit()
        except ServiceError as err:
            db.session.rollback()
            _field_error(form, err)
        else:
            flash("Đã tạo phong trào thi đua.", "success")
            return redirect(url_for("campaigns.detail", campaign_id=campaign.id))
    return render_template("campaigns/form.html", form=form, campaign=None, stages=list(CampaignStage)), \
        422 if form.errors or form.form_errors else 200


@bp.route("/<int:campaign_id>")
@login_required
def detail(campaign_id: int):
    campaign = db.get_or_404(Campaign, campaign_id)
    ensure(campaign.can_view(current_user))
    nxt = service.next_stage(campaign)
    advance = AdvanceForm(to=nxt.value if nxt else "", version_id=campaign.version_id)
    return render_template("campaigns/detail.html", campaign=campaign, next_stage=nxt, advance=advance,
                           sheets=sheets.sheets_of(campaign), sheet_form=SheetForm(bonus_cap="10"),
                           can_manage=campaign.can_manage(current_user), stages=list(CampaignStage))


@bp.route("/<int:campaign_id>/edit", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def edit(campaign_id: int):
    campaign = db.get_or_404(Campaign, campaign_id)
    form = _form(campaign)
    if form.validate_on_submit():
        try:
            service.update_campaign(campaign, _input(form), by=current_user,
                                    version_id=int(form.version_id.data or campaign.version_id))
            db.session.commit()
        except ServiceError as err:
            db.session.rollback()
            _field_error(form, err)
        else:
            flash("Đã lưu phong trào thi đua.", "success")
            return redirect(url_for("campaigns.detail", campaign_id=campaign.id))
    return render_template("campaigns/form.html", form=form, campaign=campaign, stages=list(CampaignStage)), \
        422 if form.errors or form.form_errors else 200


@bp.route("/<int:campaign_id>/advance", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def advance(campaign_id: int):
    campaign = db.get_or_404(Campaign, campaign_id)
    form = AdvanceForm()
    if not form.validate_on_submit() or form.to.data not in {s.value for s in CampaignStage}:
        flash("Yêu cầu chuyển giai đoạn không hợp lệ.", "error")
        return redirect(url_for("campaigns.detail", campaign_id=campaign.id))
    try:
        service.advance_stage(campaign, by=current_user, to=CampaignStage(form.to.data),
                              version_id=int(form.version_id.data) if form.version_id.data else None)
        db.session.commit()
    except ServiceError as err:
        db.session.rollback()
        flash(err.message, "error")
    else:
        flash(f"Đã chuyển sang giai đoạn “{campaign.stage.label}”.", "success")
    return redirect(url_for("campaigns.detail", campaign_id=campaign_id))


# ---- criteria sheets -------------------------------------------------------------------------

@bp.route("/<int:campaign_id>/sheets", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def create_sheet(campaign_id: int):
    campaign = db.get_or_404(Campaign, campaign_id)
    form = SheetForm()
    if not form.validate_on_submit():
        flash(" ".join(e for errs in form.errors.values() for e in errs), "error")
        return redirect(url_for("campaigns.detail", campaign_id=campaign.id))
    try:
        sheet = sheets.create_sheet(campaign, subject_type=SubjectType(form.subject_type.data),
                                    bonus_cap=form.bonus_cap.data, by=current_user)
        db.session.commit()
    except ServiceError as err:
        db.session.rollback()
        flash(err.message, "error")
        return redirect(url_for("campaigns.detail", campaign_id=campaign.id))
    flash("Đã tạo bảng tiêu chí.", "success")
    return redirect(url_for("campaigns.sheet", sheet_id=sheet.id))


def _render_sheet(sheet: CriteriaSheet, *, failed: CriterionForm | BonusCapForm | None = None,
                  failed_key: str = "", status: int = 200):
    outline = sheets.sheet_outline(sheet)
    editable = sheet.can_edit(current_user)
    rows = []
    for node in outline.flat():
        form = failed if failed_key == f"c{node.id}" else CriterionForm(
            formdata=None, kind=node.kind.value, code=node.code, title=node.title, guidance=node.guidance,
            max_points=node.max_points, penalty_points=node.penalty_points)
        rows.append((node, form))
    add_form = failed if failed_key == "new" else CriterionForm(formdata=None)
    cap_form = failed if failed_key == "cap" else BonusCapForm(formdata=None, bonus_cap=sheet.bonus_cap)
    return render_template("campaigns/sheet.html", sheet=sheet, campaign=sheet.campaign, outline=outline, rows=rows,
                           add_form=add_form, cap_form=cap_form, action=ActionForm(), editable=editable,
                           failed_key=failed_key, can_manage=sheet.campaign.can_manage(current_user),
                           kinds=list(CriterionKind)), status


@bp.route("/sheets/<int:sheet_id>")
@login_required
def sheet(sheet_id: int):
    sheet = db.get_or_404(CriteriaSheet, sheet_id)
    ensure(sheet.campaign.can_view(current_user))
    return _render_sheet(sheet)


def _guard(sheet: CriteriaSheet) -> None:
    ensure(sheet.campaign.can_manage(current_user))


def _run(sheet: CriteriaSheet, form, key: str, action, success: str):  # noqa: ANN001
    if form.validate_on_submit():
        try:
            action()
            db.session.commit()
        except ServiceError as err:
            db.session.rollback()
            db.session.refresh(sheet)
            if isinstance(err, ConflictError) or not err.field or not hasattr(form, err.field):
                form.form_errors.append(err.message)
            else:
                getattr(form, err.field).errors = [*getattr(form, err.field).errors, err.message]
        else:
            flash(success, "success")
            return redirect(url_for("campaigns.sheet", sheet_id=sheet.id) + (f"#{key}" if key else ""))
    return _render_sheet(sheet, failed=form, failed_key=key, status=422)


@bp.route("/sheets/<int:sheet_id>/criteria", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def add_criterion(sheet_id: int):
    sheet = db.get_or_404(CriteriaSheet, sheet_id)
    _guard(sheet)
    form = CriterionForm()
    parent = db.session.get(Criterion, int(form.parent_id.data)) if (form.parent_id.data or "").isdigit() else None
    return _run(sheet, form, "new", lambda: sheets.add_criterion(
        sheet, by=current_user, title=form.title.data or "", kind=CriterionKind(form.kind.data), parent=parent,
        code=form.code.data or "", guidance=form.guidance.data or "", max_points=form.max_points.data or sheets.ZERO,
        penalty_points=form.penalty_points.data or sheets.ZERO), "Đã thêm tiêu chí.")


@bp.route("/criteria/<int:criterion_id>", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def update_criterion(criterion_id: int):
    criterion = db.get_or_404(Criterion, criterion_id)
    _guard(criterion.sheet)
    form = CriterionForm()
    form.kind.data = criterion.kind.value
    form.is_parent = bool(criterion.children)
    max_points = criterion.max_points if criterion.children else None
    return _run(criterion.sheet, form, f"c{criterion.id}", lambda: sheets.update_criterion(
        criterion, by=current_user, title=form.title.data or "", code=form.code.data or "",
        guidance=form.guidance.data or "", max_points=max_points if max_points is not None else (
            form.max_points.data or sheets.ZERO), penalty_points=form.penalty_points.data or sheets.ZERO),
        "Đã lưu tiêu chí.")


@bp.route("/criteria/<int:criterion_id>/remove", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def remove_criterion(criterion_id: int):
    criterion = db.get_or_404(Criterion, criterion_id)
    sheet = criterion.sheet
    _guard(sheet)
    return _run(sheet, ActionForm(), "", lambda: sheets.remove_criterion(criterion, by=current_user),
                "Đã xóa tiêu chí.")


@bp.route("/criteria/<int:criterion_id>/move", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def move_criterion(criterion_id: int):
    criterion = db.get_or_404(Criterion, criterion_id)
    _guard(criterion.sheet)
    offset = -1 if request.form.get("direction") == "up" else 1
    return _run(criterion.sheet, ActionForm(), f"c{criterion.id}",
                lambda: sheets.move_criterion(criterion, by=current_user, offset=offset), "Đã đổi thứ tự.")


@bp.route("/sheets/<int:sheet_id>/bonus-cap", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def bonus_cap(sheet_id: int):
    sheet = db.get_or_404(CriteriaSheet, sheet_id)
    _guard(sheet)
    form = BonusCapForm()
    return _run(sheet, form, "cap", lambda: sheets.set_bonus_cap(sheet, by=current_user, bonus_cap=form.bonus_cap.data),
                "Đã lưu mức trần điểm thưởng.")


@bp.route("/sheets/<int:sheet_id>/new-version", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def new_version(sheet_id: int):
    sheet = db.get_or_404(CriteriaSheet, sheet_id)
    _guard(sheet)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        copy = sheets.new_sheet_version(sheet, by=current_user)
        db.session.commit()
    except ServiceError as err:
        db.session.rollback()
        flash(err.message, "error")
        return redirect(url_for("campaigns.sheet", sheet_id=sheet.id))
    flash(f"Đã tạo phiên bản {copy.version}; phiên bản {sheet.version} được giữ lại cho các điểm đã chấm.", "success")
    return redirect(url_for("campaigns.sheet", sheet_id=copy.id))
