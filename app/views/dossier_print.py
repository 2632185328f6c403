"""The printable nomination dossier: /nominations/<id>/dossier.pdf, for whoever may view it."""
from __future__ import annotations

from io import BytesIO

from flask import Blueprint, send_file
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Nomination
from app.models.base import utcnow
from app.services.dossier_documents import nomination_dossier_data
from app.views.access import ensure
from reports import render_nomination_dossier

bp = Blueprint("dossier_print", __name__)


@bp.route("/nominations/<int:nomination_id>/dossier.pdf")
@login_required
def dossier(nomination_id: int):
    nomination = db.one_or_404(select(Nomination).where(Nomination.id == nomination_id).options(
        selectinload(Nomination.person), selectinload(Nomination.unit), selectinload(Nomination.nominating_unit),
        selectinload(Nomination.initiatives), selectinload(Nomination.overrides)))
    ensure(nomination.can_view(current_user))
    # A dossier is a few pages: rendering it in the request is fine (long lists go to workers).
    pdf = render_nomination_dossier(nomination_dossier_data(nomination, printed_on=utcnow().date()))
    return send_file(BytesIO(pdf), mimetype="application/pdf", download_name=f"ho-so-de-nghi-{nomination.id}.pdf",
                     max_age=0)
