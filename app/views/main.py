"""Dashboard."""
from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required

from app.services.dashboard import count_overview, count_work

bp = Blueprint("main", __name__)


@bp.route("/")
def index():
    return redirect(url_for("main.dashboard"))


@bp.route("/dashboard")
@login_required
def dashboard():
    return render_template("main/dashboard.html", work=count_work(current_user),
                           figures=count_overview(current_user))
