"""Preconditions of workflow transitions that depend on the dossier, quotas and eligibility."""
from __future__ import annotations

from app.models import Nomination, NominationStatus, User
from app.services.errors import ServiceError


def _complete_dossier(nomination: Nomination) -> None:
    missing = []
    if not nomination.memo_number.strip():
        missing.append("số tờ trình")
    if nomination.memo_date is None:
        missing.append("ngày tờ trình")
    if not nomination.summary.strip():
        missing.append("tóm tắt thành tích")
    if missing:
        raise ServiceError("Hồ sơ chưa đủ để gửi: thiếu " + ", ".join(missing) + ".")


def check_guards(nomination: Nomination, to_status: NominationStatus, *, by: User | None) -> None:
    """Raise ServiceError when the nomination may not enter `to_status` yet."""
    if to_status is NominationStatus.SUBMITTED:
        _complete_dossier(nomination)
        from app.services.quotas import check_quota

        check_quota(nomination)
    elif to_status is NominationStatus.APPRAISED:
        from app.services.nomination_eligibility import ensure_eligible

        ensure_eligible(nomination)
