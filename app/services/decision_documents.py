"""Printed wording of decisions and the plain records reports/ renders from.

Everything here returns frozen dataclasses of primitives (reports.data), never ORM
objects; the wording of each item (name, position and unit) is frozen on the item when
the decision is issued, so a later rename never changes an issued document.
"""
from __future__ import annotations

from datetime import date

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import CertificateKind, Decision, DecisionItem, OrgUnit, SubjectType
from app.services.errors import ServiceError
from reports import (CertificateData, CommendationListData, DecisionData, ListGroup, ListRow, Signer)

CERTIFICATE_TITLES = {
    CertificateKind.BANG_KHEN: "BẰNG KHEN",
    CertificateKind.GIAY_KHEN: "GIẤY KHEN",
    CertificateKind.CHIEN_SI_THI_DUA: "CHIẾN SĨ THI ĐUA",
}


# --- Wording as of the decision date --------------------------------------------------

def _successor_on(unit: OrgUnit, day: date) -> OrgUnit | None:
    """The unit that carries on a unit closed before ``day`` (following merges and renames)."""
    seen: set[int] = set()
    node = unit
    while node.valid_to is not None and node.valid_to < day and node.id not in seen:
        seen.add(node.id)
        following = [s for s in node.successions if s.effective_on <= day]
        if not following:
            break
        node = max(following, key=lambda s: s.effective_on).successor
    return node if node is not unit else None


def unit_name_on(unit: OrgUnit, day: date) -> str:
    """A unit nested small → large (the city root omitted), with "(nay là …)" when it
    had been merged or renamed by ``day``."""
    chain = [unit, *unit.ancestors()]
    if len(chain) > 1:
        chain = chain[:-1]  # the root (UBND thành phố) is implied on every document
    parts: list[str] = []
    for node in chain:  # some units' names already carry their parent ("Phòng Nội vụ, UBND quận X")
        if not parts or not ", ".join(parts).endswith(node.name):
            parts.append(node.name)
    name = ", ".join(parts)
    successor = _successor_on(unit, day)
    if successor is not None:
        name += f" (nay là {successor.name})"
    return name


def item_wording(item: DecisionItem, day: date) -> tuple[str, str, str, str]:
    """(honorific, printed name, "Chức vụ, đơn vị", group label) of an item on ``day``."""
    nomination = item.nomination
    group = unit_name_on(nomination.nominating_unit, day)
    if nomination.subject_type is SubjectType.INDIVIDUAL and nomination.person is not None:
        person = nomination.person
        parts = [p for p in (person.position, unit_name_on(person.unit, day)) if p]
        return person.honorific, person.full_name, ", ".join(parts), group
    assert nomination.unit is not None
    return "", unit_name_on(nomination.unit, day), "", group


# --- Records for reports/ ------------------------------------------------------------

def load_decision(decision_id: int) -> Decision:
    """The decision with its items, award types and certificates in three queries."""
    decision = db.session.scalar(
        select(Decision).where(Decision.id == decision_id).options(
            selectinload(Decision.items).selectinload(DecisionItem.award_type),
            selectinload(Decision.items).selectinload(DecisionItem.certificate),
            selectinload(Decision.issuer_unit)))
    if decision is None:
        raise ServiceError("Không tìm thấy quyết định.")
    return decision


def _signer(decision: Decision) -> Signer:
    return Signer(capacity=tuple(decision.signer_capacity), name=decision.signer_name)


def _ordered(decision: Decision) -> list[DecisionItem]:
    """Items grouped by award type (catalogue order), then by their position."""
    return sorted(decision.items, key=lambda i: (i.award_type.position, i.award_type.code, i.position))


def list_data(decision: Decision) -> CommendationListData:
    """The annex: I. collectives, II. individuals, grouped by proposing unit."""
    several_awards = len({i.award_type_id for i in decision.items}) > 1
    sections: dict[SubjectType, list[ListGroup]] = {SubjectType.COLLECTIVE: [], SubjectType.INDIVIDUAL: []}
    for subject in sections:
        current: tuple[str, list[ListRow]] | None = None
        for item in _ordered(decision):
            if item.subject_type is not subject:
                continue
            label = f"{item.award_type.name}: {item.group_label}" if several_awards else item.group_label
            if current is None or current[0] != label:
                current = (label, [])
                sections[subject].append(current)  # type: ignore[arg-type]
            current[1].append(ListRow(name=item.printed_name, detail=item.printed_detail))
    groups = {k: tuple(ListGroup(unit=label, rows=tuple(rows)) for label, rows in v)  # type: ignore[misc]
              for k, v in sections.items()}
    return CommendationListData(
        title=decision.list_title or "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG",
        subtitle=decision.achievement,
        decision_number=decision.full_number,
        decision_date=decision.decided_on,
        collectives=groups[SubjectType.COLLECTIVE],
        individuals=groups[SubjectType.INDIVIDUAL],
        decided_by=decided_by(decision),
    )


def decided_by(decision: Decision) -> str:
    """"Chủ tịch UBND thành phố Hà Nội" from the authority line, in sentence case."""
    words = decision.authority.split()
    if not words:
        return ""
    text = " ".join(words).lower().replace("ủy ban nhân dân", "UBND")
    return text[0].upper() + text[1:].replace("hà nội", "Hà Nội")


def decision_data(decision: Decision, *, with_annex: bool = True) -> DecisionData:
    return DecisionData(
        number=decision.full_number,
        issued_on=decision.decided_on,
        subject=decision.subject,
        legal_bases=tuple(decision.legal_bases),
        articles=tuple(decision.articles),
        signer=_signer(decision),
        recipients=tuple(decision.recipients),
        issuer=tuple(decision.issuer_lines),
        authority=decision.authority,
        place=decision.place,
        annex=list_data(decision) if with_annex and decision.items else None,
    )


def verification_url(token: str, base_url: str | None = None) -> str:
    base = base_url if base_url is not None else current_app.config["PUBLIC_BASE_URL"]
    return f"{base.rstrip('/')}/verify/{token}"


def certificate_items(decision: Decision, *, base_url: str | None = None) -> tuple[CertificateData, ...]:
    """One record per certificate of an issued decision, in list order (revoked ones left out)."""
    if not decision.is_issued:
        raise ServiceError("Chỉ in được bằng khen, giấy khen của quyết định đã ban hành.")
    signer = _signer(decision)
    out = []
    for item in _ordered(decision):
        cert = item.certificate
        if cert is None or cert.is_revoked:
            continue
        kind = item.award_type.certificate_kind
        out.append(CertificateData(
            title=CERTIFICATE_TITLES.get(kind, item.award_type.name.upper()),  # type: ignore[arg-type]
            recipient_name=item.printed_name,
            detail=item.printed_detail,
            achievement=decision.achievement,
            decision_number=decision.full_number,
            decision_date=decision.decided_on,
            golden_book_number=f"{cert.golden_book_number:04d}/{cert.year}",
            signed_on=decision.decided_on,
            signer=signer,
            verification_url=verification_url(cert.token, base_url),
            honorific=item.honorific,
            issuer=(decision.authority,),
            place=decision.place,
        ))
    return tuple(out)
