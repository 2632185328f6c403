"""Decisions: drafting, issuing (numbers, certificates, ledger, awarded nominations), revoking.

An issued decision is immutable: a correction is a new decision that amends or revokes it.
"""
from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (
    AmendmentKind, AwardRecord, AwardType, Campaign, Certificate, Decision, DecisionItem, DecisionStatus, Nomination,
    NominationStatus, OrgUnit, RecordSource, SubjectType, User,
)
from app.models.base import utcnow
from app.services import decision_corrections as corrections
from app.services import decision_numbers
from app.services.audit import record_audit, snapshot
from app.services.decision_corrections import DEFAULT_LEGAL_GROUND, ItemRole  # noqa: F401  (re-exported for views)
from app.services.decision_documents import item_wording
from app.services.errors import ServiceError, check_version
from app.services.nomination_workflow import transition_nomination

DRAFT_FIELDS = ["issuer_unit_id", "campaign_id", "issuer_lines", "authority", "signer_name", "signer_title",
                "signer_capacity", "place", "symbol", "decided_on", "subject", "legal_bases", "articles",
                "recipients", "list_title", "achievement"]


def create_decision(*, issuer_unit: OrgUnit, by: User, campaign: Campaign | None = None,
                    **fields: Any) -> Decision:
    """A new draft; ``fields`` are DRAFT_FIELDS (lists for the multi-line ones)."""
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise TypeError(f"unknown decision fields: {sorted(unknown)}")
    _check_text(fields)
    decision = Decision(issuer_unit=issuer_unit, campaign=campaign, created_by=by, **fields)
    db.session.add(decision)
    record_audit("decision.create", by=by, obj=decision, summary=decision.subject[:200],
                 after=snapshot(decision, ["decided_on", "subject"]))
    return decision


def _check_text(fields: dict[str, Any]) -> None:
    for name, label in (("subject", "trích yếu"), ("signer_name", "người ký"), ("authority", "thẩm quyền")):
        if name in fields and not str(fields[name] or "").strip():
            raise ServiceError(f"Vui lòng nhập {label}.", name)


def update_decision(decision: Decision, *, by: User, version_id: int, **fields: Any) -> Decision:
    """Edit a draft; refused once issued or when someone else saved it meanwhile."""
    if decision.is_issued:
        raise ServiceError("Quyết định đã ban hành không thể sửa; hãy ban hành quyết định sửa đổi.")
    check_version(decision, version_id, "Quyết định vừa được người khác sửa. Vui lòng tải lại trang.")
    _check_text(fields)
    before = snapshot(decision, list(fields))
    for name, value in fields.items():
        if name not in DRAFT_FIELDS:
            raise TypeError(name)
        setattr(decision, name, value)
    db.session.flush()
    record_audit("decision.update", by=by, obj=decision, before=before, after=snapshot(decision, list(fields)))
    return decision


def approved_nominations(decision: Decision, award_type: AwardType | None = None) -> list[Nomination]:
    """APPROVED nominations of the decision's campaign not yet in any decision."""
    if decision.campaign_id is None or decision.amendment_kind is AmendmentKind.REVOKES:
        return []
    taken = select(DecisionItem.nomination_id)
    query = (select(Nomination)
             .where(Nomination.campaign_id == decision.campaign_id,
                    Nomination.status == NominationStatus.APPROVED,
                    Nomination.id.not_in(taken))
             .options(selectinload(Nomination.person), selectinload(Nomination.unit),
                      selectinload(Nomination.nominating_unit)))
    if award_type is not None:
        query = query.where(Nomination.award_type_id == award_type.id)
    return list(db.session.scalars(query))


def add_nominations(decision: Decision, nominations: list[Nomination], *, by: User) -> list[DecisionItem]:
    """Add APPROVED nominations to a draft, grouped by proposing unit."""
    if decision.is_issued:
        raise ServiceError("Quyết định đã ban hành không thể thêm đối tượng.")
    if decision.amendment_kind is AmendmentKind.REVOKES:
        raise ServiceError("Quyết định thu hồi không thể thêm đối tượng được khen thưởng.")
    refused = [n.nominee_name for n in nominations if n.status is not NominationStatus.APPROVED]
    if refused:
        raise ServiceError("Chỉ thêm được đề nghị đã được Hội đồng thông qua: " + ", ".join(refused[:5]))
    present = {i.nomination_id for i in decision.items}
    items = []
    for nomination in nominations:
        if nomination.id in present:
            continue
        item = DecisionItem(nomination=nomination, award_type_id=nomination.award_type_id,
                            subject_type=nomination.subject_type)
        item.honorific, item.printed_name, item.printed_detail, item.group_label = item_wording(
            item, decision.decided_on)
        decision.items.append(item)
        items.append(item)
    _renumber(decision)
    db.session.flush()
    record_audit("decision.add_items", by=by, obj=decision, summary=f"Thêm {len(items)} đối tượng",
                 after={"nominations": [n.id for n in nominations]})
    return items


def remove_item(item: DecisionItem, *, by: User) -> None:
    decision = item.decision
    if decision.is_issued:
        raise ServiceError("Quyết định đã ban hành không thể bớt đối tượng.")
    decision.items.remove(item)
    _renumber(decision)
    db.session.flush()
    record_audit("decision.remove_item", by=by, obj=decision, summary=item.printed_name[:200])


def _renumber(decision: Decision) -> None:
    order = {SubjectType.COLLECTIVE: 0, SubjectType.INDIVIDUAL: 1}
    ranked = sorted(decision.items, key=lambda i: (order[i.subject_type], i.group_label, i.position or 10**6,
                                                   i.printed_name))
    for position, item in enumerate(ranked, start=1):
        item.position = position
    decision.items.sort(key=lambda i: i.position)  # as a reload would order them


def issue_decision(decision: Decision, *, by: User, number: int | None = None,
                   version_id: int | None = None) -> Decision:
    """Number the decision from the register, freeze its wording, create certificates,
    move its nominations to AWARDED and write the award ledger; a correcting decision
    also replaces or revokes the certificates and ledger rows of the decision it corrects."""
    if decision.is_issued:
        raise ServiceError("Quyết định này đã được ban hành.")
    check_version(decision, version_id, "Quyết định vừa được người khác sửa. Vui lòng tải lại trang.")
    if not decision.items:
        raise ServiceError("Quyết định chưa có tập thể, cá nhân nào được khen thưởng.")
    roles = corrections.item_roles(decision)
    new_items = [i for i in decision.items if roles[i.id] is ItemRole.NEW]
    if decision.amends is not None:
        corrections.check_correction(decision)
    stale = [i.printed_name for i in new_items if i.nomination.status is not NominationStatus.APPROVED]
    if stale:
        raise ServiceError("Có đề nghị không còn ở trạng thái được thông qua: " + ", ".join(stale[:5]))
    year = decision.decided_on.year
    _check_ledger(new_items, year)
    decision_numbers.lock_register(decision.issuer_unit_id)
    if number is None:
        number = decision_numbers.next_decision_number(issuer_unit_id=decision.issuer_unit_id, year=year)
    decision_numbers.check_decision_number(issuer_unit_id=decision.issuer_unit_id, year=year, number=number,
                                           exclude_id=decision.id)

    decision.number, decision.year = number, year
    decision.status = DecisionStatus.ISSUED
    decision.issued_at, decision.issued_by = utcnow(), by
    printed = [i for i in decision.items if roles[i.id] is not ItemRole.REVOKED]
    golden = dict(zip((i.id for i in printed), decision_numbers.next_golden_book_numbers(
        issuer_unit_id=decision.issuer_unit_id, year=year, count=len(printed))))
    for item in decision.items:
        if roles[item.id] is not ItemRole.NEW:  # wording was corrected by hand on the draft: keep it
            corrections.apply_correction(item, roles[item.id], by=by, golden_book_number=golden.get(item.id))
            continue
        item.honorific, item.printed_name, item.printed_detail, item.group_label = item_wording(
            item, decision.decided_on)
        item.certificate = Certificate(issuer_unit_id=decision.issuer_unit_id, year=year,
                                       golden_book_number=golden[item.id], token=secrets.token_urlsafe(24))
        _award(item, decision, by=by)
    db.session.flush()
    record_audit("decision.issue", by=by, obj=decision, summary=f"Ban hành {decision.full_number}",
                 after={"number": number, "year": year, "items": len(decision.items),
                        "amends_id": decision.amends_id,
                        "amendment_kind": decision.amendment_kind.value if decision.amendment_kind else None})
    return decision


def _check_ledger(items: list[DecisionItem], year: int) -> None:
    """The same award cannot be recorded twice for a subject in one year."""
    clashes = []
    for item in items:
        n = item.nomination
        query = select(AwardRecord.id).where(AwardRecord.award_type_id == item.award_type_id,
                                             AwardRecord.year == year)
        query = query.where(AwardRecord.person_id == n.person_id if n.person_id is not None
                            else AwardRecord.unit_id == n.unit_id)
        if db.session.scalar(query) is not None:
            clashes.append(item.printed_name)
    if clashes:
        raise ServiceError(f"Đã có khen thưởng cùng hình thức năm {year} cho: " + ", ".join(clashes[:5]))


def _award(item: DecisionItem, decision: Decision, *, by: User) -> None:
    nomination = item.nomination
    transition_nomination(nomination, NominationStatus.AWARDED, by=by, reason=f"Quyết định {decision.full_number}")
    db.session.add(AwardRecord(person_id=nomination.person_id, unit_id=nomination.unit_id,
                               award_type_id=item.award_type_id, year=decision.year or decision.decided_on.year,
                               decision_number=decision.full_number, decision_date=decision.decided_on,
                               issuer=decision.authority, source=RecordSource.DECISION))


def revoke_certificate(certificate: Certificate, *, by: User, reason: str, legal_ground: str) -> Certificate:
    """Mark a certificate revoked; the public verification page then says so."""
    if certificate.is_revoked:
        raise ServiceError("Bằng khen, giấy khen này đã bị thu hồi.")
    if not reason.strip():
        raise ServiceError("Vui lòng nêu lý do thu hồi.", "reason")
    if not legal_ground.strip():
        raise ServiceError("Vui lòng nêu căn cứ pháp lý của việc thu hồi.", "legal_ground")
    certificate.revoked_at = utcnow()
    certificate.revocation_reason = reason.strip()
    certificate.legal_ground = legal_ground.strip()
    certificate.revoked_by = by
    db.session.flush()
    record_audit("certificate.revoke", by=by, obj=certificate, summary=certificate.item.printed_name[:200],
                 after={"reason": certificate.revocation_reason, "legal_ground": certificate.legal_ground})
    return certificate


def draft_from_defaults(*, issuer_unit: OrgUnit, campaign: Campaign | None, by: User, decided_on: date,
                        **overrides: Any) -> Decision:
    """A draft with the Hà Nội Chairman's usual wording (for the form's defaults and the demo)."""
    fields = {**default_fields(campaign), "decided_on": decided_on, **overrides}
    return create_decision(issuer_unit=issuer_unit, campaign=campaign, by=by, **fields)


def default_fields(campaign: Campaign | None) -> dict[str, Any]:
    name = f"phong trào thi đua “{campaign.name}”" if campaign is not None else "phong trào thi đua"
    return {
        "issuer_lines": ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"],
        "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
        "signer_capacity": ["CHỦ TỊCH"],
        "signer_title": "Chủ tịch",
        "symbol": "QĐ-UBND",
        "place": "Hà Nội",
        "subject": ("Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố cho các tập thể, "
                    f"cá nhân đã có thành tích xuất sắc trong {name}"),
        "legal_bases": [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
            "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 "
            "năm 2019;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
            "thi hành một số điều của Luật Thi đua, khen thưởng;",
            "Căn cứ Quyết định số 32/2024/QĐ-UBND ngày 17 tháng 5 năm 2024 của Ủy ban nhân dân Thành phố "
            "ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn thành phố Hà Nội;",
            "Xét đề nghị của Giám đốc Sở Nội vụ.",
        ],
        "articles": [
            f"Tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố cho các tập thể, cá nhân (có danh sách "
            f"kèm theo) đã có thành tích xuất sắc trong {name}.",
            "Tiền thưởng kèm theo Bằng khen thực hiện theo quy định của pháp luật về thi đua, khen thưởng.",
            "Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị "
            "có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        ],
        "recipients": ["Như Điều 3;", "Chủ tịch UBND Thành phố;", "Sở Nội vụ;", "Lưu: VT, SNV."],
        "list_title": ("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH "
                       "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"),
        "achievement": f"Đã có thành tích xuất sắc trong {name}",
    }
