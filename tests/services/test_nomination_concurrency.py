"""Two people save the same dossier at once: the second gets a conflict, nothing is lost (PostgreSQL)."""
from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.extensions import db as _db
from app.models import Nomination, Role, User
from app.services.errors import ConflictError
from app.services.nominations import NominationData, update_nomination
from tests.conftest import postgres_url


def _data(n: Nomination, summary: str) -> NominationData:
    return NominationData(campaign=n.campaign, award_type=n.award_type, nominating_unit=n.nominating_unit,
                          person=n.person, memo_number=n.memo_number, memo_date=n.memo_date, summary=summary)


@pytest.mark.skipif(postgres_url() is None, reason="needs PostgreSQL (DATABASE_URL)")
def test_concurrent_edits_conflict_on_postgresql(db, make_nomination, make_user):
    n = make_nomination()
    user = make_user(roles={Role.SECRETARIAT})
    db.session.commit()
    with Session(_db.engine) as first, Session(_db.engine) as second:
        a, b = first.get(Nomination, n.id), second.get(Nomination, n.id)
        ua, ub = first.get(User, user.id), second.get(User, user.id)
        version = a.version_id
        _db.session.close()
        # Both loaded the same version; the first save wins.
        with first.no_autoflush:
            pass
        a.summary = "Bản của người thứ nhất"
        a.version_id  # noqa: B018 - loaded
        first.commit()
        b.summary = "Bản của người thứ hai"
        with pytest.raises(Exception) as err:  # StaleDataError: UPDATE … WHERE version_id = old matched nothing
            second.flush()
        assert "StaleDataError" in type(err.value).__name__
        second.rollback()
    fresh = db.session.get(Nomination, n.id)
    db.session.refresh(fresh)
    assert fresh.summary == "Bản của người thứ nhất" and fresh.version_id == version + 1
    with pytest.raises(ConflictError):
        update_nomination(fresh, _data(fresh, "Bản cũ"), by=db.session.get(User, user.id), expected_version=version)
