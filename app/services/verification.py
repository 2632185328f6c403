"""Public verification of a certificate by its token: minimal data, every look-up logged."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.models import AmendmentKind, Certificate, DecisionItem, VerificationLog
from app.services.decision_corrections import revoking_decision
from app.services.decision_documents import decided_by as decision_authority

#: Tokens are secrets.token_urlsafe(24): 32 URL-safe characters; anything longer is refused unread.
MAX_TOKEN_LENGTH = 64


@dataclass(frozen=True)
class VerificationResult:
    """What the public page shows, ready to display."""

    recipient: str
    award: str
    decision_number: str
    decision_date: date
    issuer: str
    golden_book_number: str
    is_revoked: bool
    revoked_on: date | None = None
    revocation_reason: str = ""
    legal_ground: str = ""
    #: "Quyết định số 101/QĐ-UBND ngày 20/12/2025" when a correcting decision revoked or replaced it.
    revoked_by_decision: str = ""
    #: Replaced by a new certificate (a correction of the wording), not withdrawn.
    is_replaced: bool = False


def hash_ip(address: str | None) -> str:
    """Salted SHA-256 of the client address: enough to spot abuse, not to identify anyone."""
    salt = current_app.config["SECRET_KEY"]
    return hashlib.sha256(f"{salt}:{address or ''}".encode()).hexdigest()


def verify_token(token: str, *, ip: str | None) -> VerificationResult | None:
    """Look the token up and log the attempt; None when no certificate has it."""
    certificate = None
    if 0 < len(token) <= MAX_TOKEN_LENGTH:
        certificate = db.session.scalar(
            select(Certificate).where(Certificate.token == token).options(
                joinedload(Certificate.item).joinedload(DecisionItem.decision),
                joinedload(Certificate.item).joinedload(DecisionItem.award_type)))
    db.session.add(VerificationLog(token=token[:MAX_TOKEN_LENGTH], ip_hash=hash_ip(ip),
                                   found=certificate is not None))
    db.session.flush()
    if certificate is None:
        return None
    item = certificate.item
    decision = item.decision
    name = f"{item.honorific} {item.printed_name}".strip()
    revoked_on = certificate.revoked_at.date() if certificate.revoked_at is not None else None
    by_decision = revoking_decision(certificate)
    return VerificationResult(
        recipient=name, award=item.award_type.name, decision_number=decision.full_number,
        decision_date=decision.decided_on, issuer=decision.authority,
        golden_book_number=f"{certificate.golden_book_number:04d}/{certificate.year}",
        is_revoked=certificate.is_revoked, revoked_on=revoked_on,
        revocation_reason=certificate.revocation_reason, legal_ground=certificate.legal_ground,
        revoked_by_decision=(f"Quyết định số {by_decision.full_number} ngày {by_decision.decided_on:%d/%m/%Y} "
                             f"của {decision_authority(by_decision)}") if by_decision is not None else "",
        is_replaced=by_decision is not None and by_decision.amendment_kind is AmendmentKind.AMENDS)
