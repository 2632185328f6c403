"""Council management, results, exports and PDFs."""
from __future__ import annotations

import json
from decimal import Decimal

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.forms.common import put_error, select_choices
from app.forms.council import AssignForm, ConflictForm, CouncilForm, MemberForm, OverrideForm, ReasonForm
from app.models import (
    Assignment, Campaign, Council, CouncilMember, CouncilRole, Nomination, Role, ScoreSheet, User, UserRole,
)
from app.services import assignment as assign_svc
from app.services.conflicts import conflict_register, declare_conflict
from app.services.council import add_member, councils_for, create_council
from app.services.council_export import export_data, export_xlsx
from app.services.council_reports import score_summary_data, tie_notes
from app.services.errors import ServiceError
from app.services.finalisation import close_council, quota_holds, set_override
from app.services.ranking import council_results
from app.services.scoring import council_progress, reopen_sheet, sheet_ids
from app.views.access import ensure, roles_required

bp = Blueprint("council", __name__, url_prefix="/councils")


def _load(council_id: int) -> Council:
    council = db.get_or_404(Council, council_id)
    ensure(council.can_view(current_user))
    return council


@bp.route("/")
@roles_required(Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.VIEWER)
def index():
    return render_template("council/index.html", councils=councils_for(current_user),
                           can_create=current_user.has_role(Role.ADMIN, Role.SECRETARIAT))


@bp.route("/new", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def create():
    form = CouncilForm()
    form.campaign_id.choices = select_choices((c.id, c.name) for c in db.session.scalars(select(Campaign).order_by(Campaign.id)))
    if form.validate_on_submit():
        try:
            council = create_council(campaign=db.get_or_404(Campaign, form.campaign_id.data), name=form.name.data,
                                     quorum_ratio=Decimal(form.quorum_percent.data) / 100, by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            put_error(form, exc.field or "name", exc.message)
            return render_template("council/create.html", form=form), 422
        db.session.commit()
        flash("Đã thành lập Hội đồng.", "success")
        return redirect(url_for("council.detail", council_id=council.id))
    return render_template("council/create.html", form=form)


def _member_form(council: Council) -> MemberForm:
    form = MemberForm()
    taken = {m.user_id for m in council.members}
    users = db.session.scalars(select(User).join(UserRole).where(
        UserRole.role.in_([Role.COUNCIL_MEMBER, Role.SECRETARIAT])).order_by(User.username)).unique()
    form.user_id.choices = select_choices((u.id, f"{u.full_name} ({u.username})") for u in users if u.id not in taken)
    return form


def _conflict_form(council: Council) -> ConflictForm:
    form = ConflictForm()
    members = council.members if council.can_manage(current_user) else [council.member_for(current_user)]
    form.member_id.choices = select_choices((m.id, m.user.full_name) for m in members if m is not None)
    return form


@bp.route("/<int:council_id>")
@login_required
def detail(council_id: int):
    council = _load(council_id)
    done, total = council_progress(council)
    return render_template("council/detail.html", council=council, done=done, total=total,
                           load=assign_svc.member_load(council), conflicts=conflict_register(council),
                           member_form=_member_form(council), assign_form=AssignForm(),
                           conflict_form=_conflict_form(council), can_manage=council.can_manage(current_user),
                           me=council.member_for(current_user))


@bp.route("/<int:council_id>/members", methods=["POST"])
@login_required
def add_member_view(council_id: int):
    council = _load(council_id)
    ensure(council.can_manage(current_user))
    form = _member_form(council)
    if form.validate_on_submit():
        try:
            add_member(council, user=db.get_or_404(User, form.user_id.data), role=CouncilRole(form.role.data),
                       by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("council.detail", council_id=council.id))
        db.session.commit()
        flash("Đã thêm thành viên.", "success")
    else:
        flash("Hãy chọn tài khoản và vai trò.", "error")
    return redirect(url_for("council.detail", council_id=council.id))


@bp.route("/<int:council_id>/assign", methods=["POST"])
@login_required
def assign(council_id: int):
    council = _load(council_id)
    ensure(council.can_manage(current_user))
    form = AssignForm()
    if form.validate_on_submit():
        try:
            if form.mode.data == "balanced":
                added = assign_svc.assign_balanced(council, per_nomination=form.per_nomination.data or 0,
                                                   max_per_member=form.max_per_member.data, by=current_user)
            else:
                added = assign_svc.assign_all(council, by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("council.detail", council_id=council.id))
        db.session.commit()
        flash(f"Đã phân công thêm {added} lượt chấm.", "success")
    else:
        flash("Thông tin phân công chưa hợp lệ.", "error")
    return redirect(url_for("council.detail", council_id=council.id))


@bp.route("/<int:council_id>/conflicts", methods=["POST"])
@login_required
def declare(council_id: int):
    council = _load(council_id)
    ensure(council.can_manage(current_user) or council.member_for(current_user) is not None)
    form = _conflict_form(council)
    if form.validate_on_submit():
        member = db.get_or_404(CouncilMember, form.member_id.data)
        ensure(member.council_id == council.id)
        nomination = db.session.get(Nomination, form.nomination_id.data)
        try:
            if nomination is None:
                raise ServiceError("Không tìm thấy hồ sơ.", "nomination_id")
            declare_conflict(council, member=member, nomination=nomination, reason=form.reason.data,
                             by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("council.detail", council_id=council.id))
        db.session.commit()
        flash("Đã ghi nhận xung đột lợi ích.", "success")
    else:
        flash("Cần chọn thành viên, mã hồ sơ và ghi lý do.", "error")
    return redirect(url_for("council.detail", council_id=council.id))


def _may_see_results(council: Council) -> bool:
    return council.can_manage(current_user) or current_user.has_role(Role.VIEWER) or \
        (council.member_for(current_user) is not None and not council.is_open)


@bp.route("/<int:council_id>/results")
@login_required
def results(council_id: int):
    council = _load(council_id)
    ensure(_may_see_results(council))
    results = council_results(council)
    can_manage = council.can_manage(current_user)
    return render_template("council/results.html", council=council, results=results, members=council.members,
                           conflicts=conflict_register(council), override_form=OverrideForm(), can_manage=can_manage,
                           ties=tie_notes(results), holds=quota_holds(results) if council.is_open else {},
                           reopenable=_reopenable(council) if can_manage and council.is_open else {},
                           reason_form=ReasonForm())


def _reopenable(council: Council) -> dict[int, list[tuple[int, str]]]:
    """{nomination id: [(sheet id, "TV2 name"), …]} of submitted sheets the secretary may reopen."""
    label = {m.id: f"TV{i} {m.user.full_name}" for i, m in enumerate(council.members, 1)}
    out: dict[int, list[tuple[int, str]]] = {}
    for (nid, mid), (sid, submitted) in sorted(sheet_ids(council).items()):
        if submitted:
            out.setdefault(nid, []).append((sid, label.get(mid, "")))
    return out


@bp.route("/<int:council_id>/reopen-sheet", methods=["POST"])
@login_required
def reopen_sheet_view(council_id: int):
    """Reopen one member's submitted sheet (from the results page or the sheet itself); audited."""
    council = _load(council_id)
    ensure(council.can_manage(current_user))
    form = ReasonForm()
    sheet = db.session.get(ScoreSheet, request.form.get("sheet_id", 0, type=int))
    if sheet is None or sheet.council_id != council.id:
        abort(404)
    if form.validate_on_submit():
        try:
            reopen_sheet(sheet, reason=form.reason.data, by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(f"Đã mở lại phiếu chấm của {sheet.member.user.full_name} — {sheet.nomination.nominee_name}.",
                  "success")
    else:
        flash("Cần ghi lý do mở lại phiếu chấm.", "error")
    if request.form.get("back") == "sheet" and council.member_for(current_user) is sheet.member:
        return redirect(url_for("scoring.sheet", council_id=council.id, nomination_id=sheet.nomination_id))
    return redirect(url_for("council.results", council_id=council.id, _anchor=f"n{sheet.nomination_id}"))


@bp.route("/<int:council_id>/assignments")
@login_required
def assignments(council_id: int):
    """Who scores what, with each sheet's state; the way to remove one assignment."""
    council = _load(council_id)
    ensure(council.can_manage(current_user))
    page = db.paginate(select(Assignment).where(Assignment.council_id == council.id)
                       .options(joinedload(Assignment.member).joinedload(CouncilMember.user),
                                joinedload(Assignment.nomination))
                       .order_by(Assignment.nomination_id, Assignment.member_id), per_page=50)
    sheets = sheet_ids(council)
    return render_template("council/assignments.html", council=council, page=page, sheets=sheets)


@bp.route("/<int:council_id>/assignments/<int:assignment_id>/remove", methods=["GET", "POST"])
@login_required
def remove_assignment(council_id: int, assignment_id: int):
    council = _load(council_id)
    ensure(council.can_manage(current_user))
    item = db.get_or_404(Assignment, assignment_id)
    if item.council_id != council.id:
        abort(404)
    sheet = db.session.scalar(select(ScoreSheet).where(ScoreSheet.member_id == item.member_id,
                                                       ScoreSheet.nomination_id == item.nomination_id))
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            assign_svc.remove_assignment(item, reason=form.reason.data, by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            form.reason.errors = [exc.message]
            return render_template("council/remove_assignment.html", council=council, item=item, sheet=sheet,
                                   form=form), 422
        db.session.commit()
        flash("Đã bỏ phân công" + ("; phiếu chấm được giữ lại và đánh dấu không tính." if sheet else "."), "success")
        return redirect(url_for("council.assignments", council_id=council.id))
    return render_template("council/remove_assignment.html", council=council, item=item, sheet=sheet, form=form), \
        422 if form.is_submitted() else 200


@bp.route("/<int:council_id>/override", methods=["POST"])
@login_required
def override(council_id: int):
    council = _load(council_id)
    ensure(council.can_manage(current_user))
    form = OverrideForm()
    if form.validate_on_submit():
        nomination = db.get_or_404(Nomination, int(form.nomination_id.data))
        approve = {"approve": True, "reject": False}.get(form.decision.data)
        try:
            set_override(council, nomination=nomination, approve=approve, reason=form.reason.data, by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("council.results", council_id=council.id))
        db.session.commit()
        flash("Đã ghi nhận điều chỉnh kết quả.", "success")
    else:
        flash("Cần ghi rõ lý do điều chỉnh.", "error")
    return redirect(url_for("council.results", council_id=council.id))


@bp.route("/<int:council_id>/close", methods=["POST"])
@login_required
def close(council_id: int):
    council = _load(council_id)
    ensure(council.can_manage(current_user))
    try:
        counts = close_council(council, by=current_user)
    except ServiceError as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return redirect(url_for("council.results", council_id=council.id))
    db.session.commit()
    flash(f"Đã kết thúc Hội đồng: {counts['approved']} đề nghị khen thưởng, {counts['rejected']} không đề nghị.",
          "success")
    return redirect(url_for("council.results", council_id=council.id))


@bp.route("/<int:council_id>/export.xlsx")
@login_required
def export_xlsx_view(council_id: int):
    council = _load(council_id)
    ensure(_may_see_results(council))
    return Response(export_xlsx(council),
                    mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f"attachment; filename=hoi-dong-{council.id}.xlsx"})


@bp.route("/<int:council_id>/export.json")
@login_required
def export_json_view(council_id: int):
    council = _load(council_id)
    ensure(_may_see_results(council))
    return Response(json.dumps(export_data(council), ensure_ascii=False, indent=1), mimetype="application/json",
                    headers={"Content-Disposition": f"attachment; filename=hoi-dong-{council.id}.json"})


@bp.route("/<int:council_id>/score-summary.pdf")
@login_required
def score_summary_pdf(council_id: int):
    from reports.council import render_score_summary

    council = _load(council_id)
    ensure(_may_see_results(council))
    return Response(render_score_summary(score_summary_data(council)), mimetype="application/pdf",
                    headers={"Content-Disposition": f"inline; filename=tong-hop-diem-{council.id}.pdf"})
