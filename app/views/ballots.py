"""Secret ballot: the secretary opens and closes rounds; present members vote once."""
from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select

from app.extensions import db
from app.models import AwardType, BallotChoice, BallotRound, Council, Nomination, NominationStatus
from app.services.ballot import (
    cast_ballots, close_round, open_round, participation_of, passed_nomination_ids, record_written_opinions,
    tally_round, votable_items,
)
from app.services.council_reports import tally_minutes_data
from app.services.errors import ServiceError
from app.views.access import ensure

bp = Blueprint("ballots", __name__)


def _council(council_id: int) -> Council:
    council = db.get_or_404(Council, council_id)
    ensure(council.can_view(current_user))
    return council


def _candidates(council: Council) -> dict[AwardType, list[Nomination]]:
    passed = passed_nomination_ids(council)
    noms = db.session.scalars(select(Nomination).join(AwardType).where(
        Nomination.campaign_id == council.campaign_id, Nomination.status == NominationStatus.IN_SCORING,
        AwardType.requires_secret_ballot.is_(True)).order_by(Nomination.id))
    out: dict[AwardType, list[Nomination]] = {}
    for n in noms:
        if n.id not in passed:
            out.setdefault(n.award_type, []).append(n)
    return out


@bp.route("/councils/<int:council_id>/ballots")
@login_required
def index(council_id: int):
    council = _council(council_id)
    rounds = db.session.scalars(select(BallotRound).where(BallotRound.council_id == council.id)
                                .order_by(BallotRound.id.desc())).all()
    return render_template("ballots/index.html", council=council, rounds=rounds, candidates=_candidates(council),
                           form=FlaskForm(), can_manage=council.can_manage(current_user),
                           me=council.member_for(current_user))


@bp.route("/councils/<int:council_id>/ballots/open", methods=["POST"])
@login_required
def open_view(council_id: int):
    council = _council(council_id)
    ensure(council.can_manage(current_user))
    form = FlaskForm()
    if form.validate_on_submit():
        award = db.session.get(AwardType, request.form.get("award_type_id", 0, type=int))
        if award is None:
            flash("Hãy chọn hình thức khen thưởng.", "error")
            return redirect(url_for("ballots.index", council_id=council.id))
        ids = {int(x) for x in request.form.getlist("nomination_ids")}
        noms = list(db.session.scalars(select(Nomination).where(Nomination.id.in_(ids)))) if ids else []
        present = {int(x) for x in request.form.getlist("present")}
        try:
            rnd = open_round(council, award_type=award, nominations=noms, present_member_ids=present, by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("ballots.index", council_id=council.id))
        db.session.commit()
        flash(f"Đã mở vòng bỏ phiếu số {rnd.number}.", "success")
        return redirect(url_for("ballots.detail", round_id=rnd.id))
    return redirect(url_for("ballots.index", council_id=council.id))


def _round(round_id: int) -> BallotRound:
    rnd = db.get_or_404(BallotRound, round_id)
    ensure(rnd.council.can_view(current_user))
    return rnd


@bp.route("/ballot-rounds/<int:round_id>")
@login_required
def detail(round_id: int):
    rnd = _round(round_id)
    me = rnd.council.member_for(current_user)
    return render_template("ballots/detail.html", rnd=rnd, council=rnd.council, form=FlaskForm(),
                           tallies=tally_round(rnd) if not rnd.is_open else None,
                           items={i.id: i for i in rnd.items}, me=me,
                           my_part=participation_of(rnd, me) if me else None,
                           can_manage=rnd.council.can_manage(current_user))


@bp.route("/ballot-rounds/<int:round_id>/vote", methods=["GET", "POST"])
@login_required
def vote(round_id: int):
    rnd = _round(round_id)
    member = rnd.council.member_for(current_user)
    ensure(member is not None)
    part = participation_of(rnd, member)
    if not rnd.is_open or part is None or not part.is_present or part.has_voted:
        flash("Bạn không có phiếu để bỏ trong vòng này (đã bỏ phiếu, vắng mặt hoặc vòng đã kết thúc).", "warning")
        return redirect(url_for("ballots.detail", round_id=rnd.id))
    items = votable_items(rnd, member)
    form = FlaskForm()
    if form.validate_on_submit():
        choices = {}
        for item in items:
            raw = request.form.get(f"item{item.id}")
            if raw in (BallotChoice.AGREE.value, BallotChoice.DISAGREE.value):
                choices[item.id] = BallotChoice(raw)
        try:
            cast_ballots(rnd, member=member, choices=choices, by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            return render_template("ballots/vote.html", rnd=rnd, items=items, form=form, error=exc.message), 422
        db.session.commit()
        flash("Đã bỏ phiếu. Phiếu của bạn không gắn với tên bạn.", "success")
        return redirect(url_for("ballots.detail", round_id=rnd.id))
    return render_template("ballots/vote.html", rnd=rnd, items=items, form=form, error=None)


@bp.route("/ballot-rounds/<int:round_id>/written", methods=["POST"])
@login_required
def written(round_id: int):
    rnd = _round(round_id)
    ensure(rnd.council.can_manage(current_user))
    form = FlaskForm()
    if form.validate_on_submit():
        members = {int(x) for x in request.form.getlist("member_ids")}
        counts = {i.id: (request.form.get(f"agree{i.id}", 0, type=int), request.form.get(f"disagree{i.id}", 0, type=int))
                  for i in rnd.items}
        try:
            record_written_opinions(rnd, member_ids=members, counts=counts, by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("ballots.detail", round_id=rnd.id))
        db.session.commit()
        flash("Đã ghi nhận ý kiến bằng văn bản.", "success")
    return redirect(url_for("ballots.detail", round_id=rnd.id))


@bp.route("/ballot-rounds/<int:round_id>/close", methods=["POST"])
@login_required
def close(round_id: int):
    rnd = _round(round_id)
    ensure(rnd.council.can_manage(current_user))
    if FlaskForm().validate_on_submit():
        try:
            close_round(rnd, by=current_user)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("ballots.detail", round_id=rnd.id))
        db.session.commit()
        flash("Đã kiểm phiếu.", "success")
    return redirect(url_for("ballots.detail", round_id=rnd.id))


@bp.route("/ballot-rounds/<int:round_id>/tally.pdf")
@login_required
def tally_pdf(round_id: int):
    from reports.council import render_tally_minutes

    rnd = _round(round_id)
    ensure(rnd.council.can_manage(current_user))
    if rnd.is_open:
        abort(404)
    return Response(render_tally_minutes(tally_minutes_data(rnd)), mimetype="application/pdf",
                    headers={"Content-Disposition": f"inline; filename=bien-ban-kiem-phieu-{rnd.id}.pdf"})
