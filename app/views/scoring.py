"""A council member's scoring: the list with progress, the generated form, autosave, reopen."""
from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.extensions import db
from app.forms.council import ReasonForm, make_score_form
from app.models import Council, Nomination
from app.services.errors import ConflictError, ServiceError
from app.services.scoring import (
    ScoreValidationError, ensure_may_score, others_scores, outline_for, points_text, save_scores,
    score_inputs, scoring_list, sheet_for, submit_sheet,
)
from app.views.access import ensure
from app.views.template_helpers import vn_datetime

bp = Blueprint("scoring", __name__)


def _member(council_id: int):
    council = db.get_or_404(Council, council_id)
    member = council.member_for(current_user)
    ensure(member is not None)
    return council, member


def _nomination(council: Council, member, nomination_id: int) -> Nomination:
    nomination = db.get_or_404(Nomination, nomination_id)
    if nomination.campaign_id != council.campaign_id:
        abort(404)
    try:
        ensure_may_score(member, nomination)
    except ServiceError:
        sheet = sheet_for(member, nomination)
        if sheet is None or not sheet.is_submitted or sheet.is_excluded:
            abort(404)  # conflicted or not assigned: the nominee is not even shown
    return nomination


@bp.route("/councils/<int:council_id>/scoring")
@login_required
def index(council_id: int):
    council, member = _member(council_id)
    return render_template("scoring/index.html", council=council, listing=scoring_list(member))


def _context(council, member, nomination, form, sheet):
    inputs = score_inputs(outline_for(nomination))
    listing = scoring_list(member)
    ids = [r.nomination.id for r in listing.rows]
    nxt = ids[ids.index(nomination.id) + 1] if nomination.id in ids and ids.index(nomination.id) + 1 < len(ids) else None
    return dict(council=council, nomination=nomination, form=form, inputs=inputs, sheet=sheet,
                listing=listing, next_id=nxt, others=others_scores(sheet) if sheet else None,
                eligibility=_eligibility(nomination), locked=bool(sheet and sheet.is_submitted) or not council.is_open,
                can_reopen=bool(sheet and sheet.is_submitted and council.is_open and council.can_manage(current_user)),
                reason_form=ReasonForm())


def _eligibility(nomination: Nomination):
    """The rule results beside the sheet; best effort — a nominee without rules shows none."""
    try:
        from app.services.eligibility import evaluate_eligibility

        return evaluate_eligibility(nomination.award_type, person=nomination.person,
                                    unit=nomination.unit if nomination.person is None else None,
                                    year=nomination.considered_year, on=nomination.campaign.period_end)
    except ServiceError:
        return []


@bp.route("/councils/<int:council_id>/scoring/<int:nomination_id>", methods=["GET", "POST"])
@login_required
def sheet(council_id: int, nomination_id: int):
    council, member = _member(council_id)
    nomination = _nomination(council, member, nomination_id)
    existing = sheet_for(member, nomination)
    inputs = score_inputs(outline_for(nomination))
    Form = make_score_form(inputs)
    data = {"comment": existing.comment if existing else "", "version": existing.version_id if existing else ""}
    if existing:
        by_id = {s.criterion_id: s.value for s in existing.scores}
        data |= {i.name: points_text(by_id[i.node.id]) for i in inputs if i.node.id in by_id}
    form = Form(data=data) if request.method == "GET" else Form()
    if form.validate_on_submit():
        values = {i.name: getattr(form, i.name).data or "" for i in inputs}
        try:
            saved, _ = save_scores(member, nomination, values=values, comment=form.comment.data, by=current_user,
                                   version=int(form.version.data) if form.version.data else None)
            if request.form.get("action") == "submit":
                submit_sheet(saved, by=current_user)
        except ScoreValidationError as exc:
            db.session.rollback()
            for name, msg in exc.errors.items():
                getattr(form, name).errors = [msg]
            return render_template("scoring/sheet.html", **_context(council, member, nomination, form, existing)), 422
        except ServiceError as exc:
            db.session.rollback()
            form.comment.errors = [exc.message]
            return render_template("scoring/sheet.html", **_context(council, member, nomination, form, existing)), 422
        db.session.commit()
        if request.form.get("action") == "submit":
            flash("Đã nộp phiếu chấm.", "success")
            return redirect(url_for("scoring.index", council_id=council.id))
        flash("Đã lưu.", "success")
        return redirect(url_for("scoring.sheet", council_id=council.id, nomination_id=nomination.id))
    return render_template("scoring/sheet.html", **_context(council, member, nomination, form, existing))


@bp.route("/councils/<int:council_id>/scoring/<int:nomination_id>/autosave", methods=["POST"])
@login_required
def autosave(council_id: int, nomination_id: int):
    council, member = _member(council_id)
    nomination = _nomination(council, member, nomination_id)
    payload = request.get_json(silent=True) or {}
    values = {str(k): str(v) for k, v in (payload.get("values") or {}).items()}
    version = payload.get("version")
    try:
        saved, errors = save_scores(member, nomination, values=values, comment=payload.get("comment"),
                                    by=current_user, version=int(version) if version else None, partial=True)
    except ConflictError as exc:
        db.session.rollback()
        return jsonify(ok=False, message=exc.message), 409
    except ServiceError as exc:
        db.session.rollback()
        return jsonify(ok=False, message=exc.message), 422
    db.session.commit()
    return jsonify(ok=True, version=saved.version_id, errors=errors,
                   saved_at=vn_datetime(saved.updated_at)[-5:])
