"""Campaign quotas: the secretariat sets caps per unit × award type and sees their use."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.forms.common import put_error, select_choices
from app.forms.quotas import QuotaForm
from app.models import AwardType, Campaign, CampaignQuota, OrgUnit, OrgUnitKind, Role
from app.services.campaign_quotas import create_quota, delete_quota, quota_uses, update_quota
from app.services.errors import ServiceError
from app.views.access import roles_required
from app.views.nomination_forms import award_choices, campaign_choices

bp = Blueprint("quotas", __name__, url_prefix="/quotas")


def _campaign() -> Campaign | None:
    campaign_id = request.args.get("campaign_id", type=int)
    if campaign_id:
        return db.get_or_404(Campaign, campaign_id)
    return db.session.scalar(select(Campaign).order_by(Campaign.period_end.desc(), Campaign.id.desc()).limit(1))


def _fill(form: QuotaForm) -> None:
    form.award_type_id.choices = select_choices([(0, "— chọn —")] + award_choices())
    units = db.session.scalars(select(OrgUnit).where(OrgUnit.valid_to.is_(None), OrgUnit.kind != OrgUnitKind.SUB_UNIT)
                               .order_by(OrgUnit.short_name))
    form.unit_id.choices = select_choices([(0, "— chọn —")] + [(u.id, u.short_name) for u in units])



def _picked(form: QuotaForm) -> tuple[AwardType | None, OrgUnit | None]:
    award = db.session.get(AwardType, form.award_type_id.data) if form.award_type_id.data else None
    unit = db.session.get(OrgUnit, form.unit_id.data) if form.unit_id.data else None
    if award is None:
        form.award_type_id.errors = list(form.award_type_id.errors) + ["Chọn danh hiệu, hình thức."]
    if unit is None:
        form.unit_id.errors = list(form.unit_id.errors) + ["Chọn cơ quan, đơn vị."]
    return award, unit


@bp.route("/")
@roles_required(Role.SECRETARIAT, Role.VIEWER)
def index():
    campaign = _campaign()
    page = None
    if campaign is not None:
        query = (select(CampaignQuota).join(CampaignQuota.unit).join(CampaignQuota.award_type)
                 .where(CampaignQuota.campaign_id == campaign.id)
                 .options(joinedload(CampaignQuota.unit), joinedload(CampaignQuota.award_type))
                 .order_by(OrgUnit.short_name, AwardType.position, AwardType.code))
        page = db.paginate(query, per_page=50, error_out=False)
    uses = quota_uses(campaign, list(page.items)) if page is not None else []
    return render_template("quotas/index.html", campaign=campaign, campaigns=campaign_choices(), page=page, uses=uses)


@bp.route("/new", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def new():
    campaign = _campaign()
    if campaign is None:
        flash("Chưa có phong trào thi đua nào.", "error")
        return redirect(url_for("quotas.index"))
    form = QuotaForm()
    _fill(form)
    if form.validate_on_submit():
        award, unit = _picked(form)
        if award is not None and unit is not None:
            try:
                create_quota(campaign=campaign, award_type=award, unit=unit, max_count=form.max_count.data,
                             note=form.note.data or "", by=current_user)
            except ServiceError as error:
                db.session.rollback()
                put_error(form, error.field, error.message)
            else:
                db.session.commit()
                flash(f"Đã đặt chỉ tiêu {award.name} cho {unit.short_name}.", "success")
                return redirect(url_for("quotas.index", campaign_id=campaign.id))
    status = 422 if form.errors or form.form_errors else 200
    return render_template("quotas/form.html", form=form, campaign=campaign, quota=None), status


@bp.route("/<int:quota_id>/edit", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def edit(quota_id: int):
    quota = db.get_or_404(CampaignQuota, quota_id)
    form = QuotaForm(obj=quota)
    _fill(form)
    if not form.is_submitted():
        form.version_id.data = str(quota.version_id)
    if form.validate_on_submit():
        award, unit = _picked(form)
        raw = str(form.version_id.data or "")
        version = int(raw) if raw.isdigit() else None
        if award is not None and unit is not None:
            try:
                update_quota(quota, award_type=award, unit=unit, max_count=form.max_count.data,
                             note=form.note.data or "", by=current_user, version_id=version)
            except ServiceError as error:
                db.session.rollback()
                put_error(form, error.field, error.message)
            else:
                db.session.commit()
                flash("Đã lưu chỉ tiêu.", "success")
                return redirect(url_for("quotas.index", campaign_id=quota.campaign_id))
    status = 422 if form.errors or form.form_errors else 200
    return render_template("quotas/form.html", form=form, campaign=quota.campaign, quota=quota), status


@bp.route("/<int:quota_id>/delete", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def delete(quota_id: int):
    quota = db.get_or_404(CampaignQuota, quota_id)
    campaign_id = quota.campaign_id
    try:
        delete_quota(quota, by=current_user)
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        flash("Đã xoá chỉ tiêu.", "success")
    return redirect(url_for("quotas.index", campaign_id=campaign_id))
