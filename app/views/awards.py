"""The award catalogue: titles and forms with their eligibility rules (viewable by all, edited by the secretariat)."""
from __future__ import annotations

import json

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from app.extensions import db
from app.forms.awards import AwardTypeForm, RuleForm
from app.forms.common import put_error
from app.forms.criteria import ActionForm
from app.models import (
    AwardCategory, AwardLevel, AwardType, BallotBase, CertificateKind, EligibilityRule, QuotaPolicy, Role, RuleKind,
    SubjectScope,
)
from app.services import awards as service
from app.services.errors import ServiceError
from app.views.access import roles_required

bp = Blueprint("awards", __name__, url_prefix="/awards")


def _can_edit() -> bool:
    return current_user.has_role(Role.ADMIN, Role.SECRETARIAT)


def _values(form: AwardTypeForm) -> dict:
    return {
        "code": form.code.data.strip(), "name": form.name.data.strip(), "category": AwardCategory(form.category.data),
        "subject_scope": SubjectScope(form.subject_scope.data), "level": AwardLevel(form.level.data),
        "deciding_authority": form.deciding_authority.data.strip(), "issuer_line": (form.issuer_line.data or "").strip(),
        "certificate_kind": CertificateKind(form.certificate_kind.data) if form.certificate_kind.data else None,
        "requires_secret_ballot": form.requires_secret_ballot.data, "ballot_threshold": form.ballot_threshold.data,
        "ballot_base": BallotBase(form.ballot_base.data) if form.ballot_base.data else None,
        "quorum_ratio": form.quorum_ratio.data, "cash_factor": form.cash_factor.data, "min_score": form.min_score.data,
        "quota_policy": QuotaPolicy(form.quota_policy.data), "position": form.position.data or 0,
        "is_active": form.is_active.data, "description": form.description.data or "",
    }


@bp.route("/")
@login_required
def index():
    return render_template("awards/index.html", awards=service.catalogue(), can_edit=_can_edit())


@bp.route("/<int:award_id>")
@login_required
def detail(award_id: int):
    award = db.get_or_404(AwardType, award_id)
    return render_template("awards/detail.html", award=award, can_edit=_can_edit(), rule_form=RuleForm(formdata=None),
                           action=ActionForm(), kinds=list(RuleKind))


def _edit(award: AwardType | None):
    form = AwardTypeForm(obj=award)
    if award is not None and not form.is_submitted():
        for name in ("category", "subject_scope", "level", "certificate_kind", "ballot_base", "quota_policy"):
            value = getattr(award, name)
            getattr(form, name).data = value.value if value is not None else ""
        form.version_id.data = str(award.version_id)
    if form.validate_on_submit():
        try:
            saved = service.save_award_type(award, _values(form), by=current_user,
                                            version_id=int(form.version_id.data) if form.version_id.data else None)
            db.session.commit()
        except ServiceError as err:
            db.session.rollback()
            put_error(form, err.field, err.message)
        else:
            flash("Đã lưu danh hiệu, hình thức khen thưởng.", "success")
            return redirect(url_for("awards.detail", award_id=saved.id))
    status = 422 if form.errors or form.form_errors else 200
    return render_template("awards/form.html", form=form, award=award), status


@bp.route("/new", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def new():
    return _edit(None)


@bp.route("/<int:award_id>/edit", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def edit(award_id: int):
    return _edit(db.get_or_404(AwardType, award_id))


def _save_rule(award: AwardType, rule: EligibilityRule | None):
    form = RuleForm(obj=rule)
    if rule is not None and not form.is_submitted():
        form.kind.data = rule.kind.value
        form.params.data = json.dumps(rule.params, ensure_ascii=False)
    if form.validate_on_submit():
        try:
            service.save_rule(award, rule, by=current_user, kind=RuleKind(form.kind.data), params=form.params.parsed,
                              description=form.description.data, legal_basis=form.legal_basis.data,
                              effective_from=form.effective_from.data, effective_to=form.effective_to.data)
            db.session.commit()
        except ServiceError as err:
            db.session.rollback()
            put_error(form, err.field, err.message)
        else:
            flash("Đã lưu quy định xét tặng.", "success")
            return redirect(url_for("awards.detail", award_id=award.id))
    status = 422 if form.errors or form.form_errors else 200
    return render_template("awards/rule.html", form=form, award=award, rule=rule, kinds=list(RuleKind)), status


@bp.route("/<int:award_id>/rules/new", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def new_rule(award_id: int):
    return _save_rule(db.get_or_404(AwardType, award_id), None)


@bp.route("/rules/<int:rule_id>/edit", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def edit_rule(rule_id: int):
    rule = db.get_or_404(EligibilityRule, rule_id)
    return _save_rule(rule.award_type, rule)


@bp.route("/rules/<int:rule_id>/remove", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def remove_rule(rule_id: int):
    rule = db.get_or_404(EligibilityRule, rule_id)
    award_id = rule.award_type_id
    if ActionForm().validate_on_submit():
        service.remove_rule(rule, by=current_user)
        db.session.commit()
        flash("Đã xóa quy định.", "success")
    return redirect(url_for("awards.detail", award_id=award_id))
