"""Public certificate verification: /verify/<token>, no login, rate-limited and logged."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from app.extensions import db, limiter
from app.services.verification import verify_token

bp = Blueprint("verify", __name__, url_prefix="/verify")


def _limit() -> str:
    return current_app.config["VERIFY_RATE_LIMIT"]


@bp.route("/<token>")
@limiter.limit(_limit)
def show(token: str):
    result = verify_token(token, ip=request.remote_addr)
    db.session.commit()  # the look-up is logged even when nothing is found
    if result is None:
        return render_template("verify/not_found.html"), 404
    return render_template("verify/show.html", result=result)
