"""dossier_print blueprint: the printable dossier follows the nomination's can_view."""
from __future__ import annotations

from app.models import Nomination, NominationStatus, SubjectType
from tests.access import only
from tests.access.decisions import decision


def _nomination(f, *, outside: bool) -> Nomination:  # noqa: ANN001
    d = decision(f)  # reuses its campaign and award type
    nomination = d.items[0].nomination
    if outside:
        nomination.nominating_unit = f.other_unit
    nomination.status = NominationStatus.SUBMITTED
    assert nomination.subject_type is SubjectType.INDIVIDUAL
    f.db.session.flush()
    return nomination


ROUTES = {
    "dossier_print.dossier": [
        {"url_args": lambda f: {"nomination_id": _nomination(f, outside=False).id},
         "expect": only("viewer", "secretariat", "admin", "unit_officer")},
        {"url_args": lambda f: {"nomination_id": _nomination(f, outside=True).id},
         "expect": only("viewer", "secretariat", "admin")},
    ],
}
