"""Correcting decisions: an issued decision is never edited; a new decision amends or revokes it.

* "Sửa đổi, bổ sung" (AMENDS): corrects the printed wording of some items (each corrected item
  gets a new certificate, the old one is marked replaced) and may add approved nominations.
* "Thu hồi, hủy bỏ" (REVOKES): the whole decision or some items; their certificates are revoked
  with the reason and legal ground, and the award-history rows they created are removed, so a
  revoked award never counts towards a later title.

Both start as drafts linked to the original (``amends_id`` + ``amendment_kind``) and are numbered
from the register by ``decisions.issue_decision``, which calls ``apply_correction`` here.
"""
from __future__ import annotations

import secrets
from datetime import date
from enum import Enum

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (
    AmendmentKind, AwardRecord, Certificate, Decision, DecisionItem, DecisionStatus, RecordSource, User,
)
from app.models.base import utcnow
from app.services.audit import record_audit
from app.services.errors import ServiceError

DEFAULT_LEGAL_GROUND = "Chương VII Luật Thi đua, khen thưởng số 06/2022/QH15"
WORDING_FIELDS = ("honorific", "printed_name", "printed_detail")


class ItemRole(Enum):
    """What issuing a decision does to one of its items."""

    NEW = "new"              # an award: certificate, ledger row, nomination AWARDED
    CORRECTED = "corrected"  # new wording of an awarded item: the certificate is replaced
    REVOKED = "revoked"      # the award is withdrawn: certificates revoked, ledger row removed


def awarded_nomination_ids(decision: Decision, *, exclude_id: int | None = None) -> set[int]:
    """Nominations awarded by ``decision`` or by the issued decisions that amended it (transitively)."""
    ids = {i.nomination_id for i in decision.items}
    for child in corrections_of(decision):
        if child.id != exclude_id and child.is_issued and child.amendment_kind is AmendmentKind.AMENDS:
            ids |= awarded_nomination_ids(child, exclude_id=exclude_id)
    return ids


def item_roles(decision: Decision) -> dict[int, ItemRole]:
    """Item id → what issuing ``decision`` does to it."""
    if decision.amends is None:
        return {i.id: ItemRole.NEW for i in decision.items}
    if decision.amendment_kind is AmendmentKind.REVOKES:
        return {i.id: ItemRole.REVOKED for i in decision.items}
    awarded = awarded_nomination_ids(decision.amends, exclude_id=decision.id)
    return {i.id: ItemRole.CORRECTED if i.nomination_id in awarded else ItemRole.NEW for i in decision.items}


def replaced_item_ids(decision: Decision) -> set[int]:
    """Items of ``decision`` whose certificate was replaced by an issued amending decision."""
    amended = {i.nomination_id for d in corrections_of(decision)
               if d.is_issued and d.amendment_kind is AmendmentKind.AMENDS for i in d.items}
    return {i.id for i in decision.items
            if i.certificate is not None and i.certificate.is_revoked and i.nomination_id in amended}


def corrections_of(decision: Decision) -> list[Decision]:
    """Decisions (drafts included) that amend or revoke ``decision``, oldest first."""
    if decision.id is None:
        return []
    return list(db.session.scalars(select(Decision).where(Decision.amends_id == decision.id)
                                   .order_by(Decision.decided_on, Decision.id)))


def live_certificates(nomination_id: int) -> list[Certificate]:
    """Certificates of a nomination's award still in force (any issued decision)."""
    return list(db.session.scalars(
        select(Certificate).join(DecisionItem, Certificate.decision_item_id == DecisionItem.id)
        .join(Decision, DecisionItem.decision_id == Decision.id)
        .where(DecisionItem.nomination_id == nomination_id, Decision.status == DecisionStatus.ISSUED,
               Certificate.revoked_at.is_(None))
        .options(selectinload(Certificate.item))))


def create_correction(original: Decision, *, kind: AmendmentKind, by: User, items: list[DecisionItem],
                      reason: str, legal_ground: str, decided_on: date) -> Decision:
    """A draft that amends or revokes ``original`` (the whole of it when a revocation lists
    every item still in force), with the affected items' wording copied for editing."""
    reason, legal_ground = (reason or "").strip(), (legal_ground or "").strip()
    if not original.is_issued:
        raise ServiceError("Chỉ sửa đổi hoặc thu hồi được quyết định đã ban hành; dự thảo thì sửa trực tiếp.")
    if original.amendment_kind is AmendmentKind.REVOKES:
        raise ServiceError("Không thể sửa đổi, thu hồi một quyết định thu hồi; hãy lập quyết định mới.")
    pending = [d for d in corrections_of(original) if not d.is_issued]
    if pending:
        raise ServiceError(f"Đã có dự thảo {pending[0].amendment_kind.label.lower()} quyết định này đang soạn; "
                           "hãy hoàn thành hoặc sửa dự thảo đó.")
    if any(i.decision_id != original.id for i in items):
        raise ServiceError("Có đối tượng không thuộc quyết định này.", "items")
    gone = [i.printed_name for i in items if not live_certificates(i.nomination_id)]
    if gone:
        raise ServiceError("Khen thưởng đã bị thu hồi trước đó: " + ", ".join(gone[:5]), "items")
    if kind is AmendmentKind.REVOKES:
        if not items:
            raise ServiceError("Vui lòng chọn ít nhất một tập thể, cá nhân bị thu hồi.", "items")
        if not reason:
            raise ServiceError("Vui lòng nêu lý do thu hồi, hủy bỏ.", "reason")
    if not legal_ground:
        raise ServiceError("Vui lòng nêu căn cứ pháp lý.", "legal_ground")
    if decided_on < original.decided_on:
        raise ServiceError("Ngày ký không được trước ngày của quyết định được sửa đổi, thu hồi.", "decided_on")

    live = [i for i in original.items if live_certificates(i.nomination_id)]
    whole = kind is AmendmentKind.REVOKES and len(items) == len(live)
    decision = Decision(
        issuer_unit_id=original.issuer_unit_id, campaign_id=original.campaign_id,
        issuer_lines=list(original.issuer_lines), authority=original.authority,
        signer_name=original.signer_name, signer_title=original.signer_title,
        signer_capacity=list(original.signer_capacity), place=original.place, symbol=original.symbol,
        decided_on=decided_on, recipients=list(original.recipients), achievement=original.achievement,
        amends=original, amendment_kind=kind, correction_reason=reason, correction_legal_ground=legal_ground,
        created_by=by, **_wording(original, kind, reason, legal_ground, count=len(items), whole=whole))
    db.session.add(decision)
    for position, source in enumerate(sorted(items, key=lambda i: i.position), start=1):
        decision.items.append(DecisionItem(
            nomination_id=source.nomination_id, award_type_id=source.award_type_id,
            subject_type=source.subject_type, position=position, group_label=source.group_label,
            **{name: getattr(source, name) for name in WORDING_FIELDS}))
    db.session.flush()
    record_audit(f"decision.{kind.value}", by=by, obj=decision,
                 summary=f"{kind.label} Quyết định số {original.full_number}",
                 after={"amends_id": original.id, "items": [i.nomination_id for i in items],
                        "reason": reason, "legal_ground": legal_ground})
    return decision


def _wording(original: Decision, kind: AmendmentKind, reason: str, legal_ground: str, *, count: int,
             whole: bool) -> dict:
    """Trích yếu, căn cứ, điều và tiêu đề danh sách of the correcting decision (editable later)."""
    ref = f"Quyết định số {original.full_number} ngày {original.decided_on:%d/%m/%Y}"
    bases = list(original.legal_bases)
    ground = f"Căn cứ {legal_ground};"
    at = len(bases) - 1 if bases and bases[-1].startswith("Xét") else len(bases)
    bases.insert(at, ground)
    execution = original.articles[-1] if original.articles else ""
    if kind is AmendmentKind.REVOKES:
        what = ref if whole else f"một phần {ref}"
        first = (f"Hủy bỏ {ref} và thu hồi Bằng khen, giấy khen, tiền thưởng đã tặng" if whole else
                 f"Hủy bỏ một phần {ref}: thu hồi Bằng khen, giấy khen, tiền thưởng đã tặng cho {count} "
                 "tập thể, cá nhân có tên trong danh sách kèm theo")
        articles = [f"{first}. Lý do: {reason.rstrip('.')}.",
                    "Các tập thể, cá nhân có tên tại Điều 1 có trách nhiệm nộp lại hiện vật và tiền thưởng "
                    "đã nhận theo quy định của pháp luật về thi đua, khen thưởng.", execution]
        return {"subject": f"Về việc thu hồi, hủy bỏ {what}", "legal_bases": bases,
                "articles": [a for a in articles if a],
                "list_title": "DANH SÁCH TẬP THỂ, CÁ NHÂN BỊ THU HỒI KHEN THƯỞNG"}
    because = f" Lý do: {reason.rstrip('.')}." if reason else ""
    articles = [f"Sửa đổi, bổ sung danh sách kèm theo {ref} như danh sách kèm theo Quyết định này.{because}",
                f"Các nội dung khác của {ref} giữ nguyên hiệu lực.", execution]
    return {"subject": f"Về việc sửa đổi, bổ sung {ref}", "legal_bases": bases,
            "articles": [a for a in articles if a],
            "list_title": "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC SỬA ĐỔI, BỔ SUNG"}


def correct_item_wording(item: DecisionItem, *, by: User, honorific: str, printed_name: str,
                         printed_detail: str) -> DecisionItem:
    """Change how a corrected item will be printed (only on a draft that amends)."""
    decision = item.decision
    if decision.is_issued:
        raise ServiceError("Quyết định đã ban hành không thể sửa; hãy lập quyết định sửa đổi, bổ sung.")
    if decision.amendment_kind is not AmendmentKind.AMENDS:
        raise ServiceError("Chỉ quyết định sửa đổi, bổ sung mới sửa được cách ghi tên, chức vụ, đơn vị.")
    if not (printed_name or "").strip():
        raise ServiceError("Vui lòng nhập họ và tên hoặc tên tập thể.", "printed_name")
    before = {name: getattr(item, name) for name in WORDING_FIELDS}
    item.honorific, item.printed_name = honorific.strip(), " ".join(printed_name.split())
    item.printed_detail = " ".join((printed_detail or "").split())
    db.session.flush()
    record_audit("decision.correct_item", by=by, obj=decision, summary=item.printed_name[:200], before=before,
                 after={name: getattr(item, name) for name in WORDING_FIELDS})
    return item


def check_correction(decision: Decision) -> None:
    """Preconditions of issuing a correcting decision (before anything is numbered)."""
    original = decision.amends
    assert original is not None
    if not original.is_issued:
        raise ServiceError("Quyết định được sửa đổi, thu hồi chưa ban hành.")
    if decision.amendment_kind is AmendmentKind.REVOKES and not decision.correction_reason.strip():
        raise ServiceError("Quyết định thu hồi phải nêu lý do.")
    if not decision.correction_legal_ground.strip():
        raise ServiceError("Quyết định sửa đổi, thu hồi phải nêu căn cứ pháp lý.")
    roles = item_roles(decision)
    gone = [i.printed_name for i in decision.items
            if roles[i.id] is not ItemRole.NEW and not live_certificates(i.nomination_id)]
    if gone:
        raise ServiceError("Khen thưởng đã bị thu hồi trước đó: " + ", ".join(gone[:5]))


def apply_correction(item: DecisionItem, role: ItemRole, *, by: User, golden_book_number: int | None) -> None:
    """Issue-time effect of one CORRECTED or REVOKED item of a just-numbered decision."""
    decision = item.decision
    ref = f"Quyết định số {decision.full_number} ngày {decision.decided_on:%d/%m/%Y}"
    if role is ItemRole.CORRECTED:
        assert golden_book_number is not None
        for old in live_certificates(item.nomination_id):
            _revoke(old, by=by, reason=f"Đã được cấp lại theo {ref} (sửa đổi, bổ sung).",
                    legal_ground=decision.correction_legal_ground)
        item.certificate = Certificate(issuer_unit_id=decision.issuer_unit_id, year=decision.year,
                                       golden_book_number=golden_book_number, token=secrets.token_urlsafe(24))
        return
    for old in live_certificates(item.nomination_id):
        _revoke(old, by=by, reason=decision.correction_reason.strip(),
                legal_ground=decision.correction_legal_ground)
    _remove_ledger_rows(item, by=by, ref=ref)


def _revoke(certificate: Certificate, *, by: User, reason: str, legal_ground: str) -> None:
    certificate.revoked_at, certificate.revoked_by = utcnow(), by
    certificate.revocation_reason, certificate.legal_ground = reason, legal_ground
    db.session.flush()
    record_audit("certificate.revoke", by=by, obj=certificate, summary=certificate.item.printed_name[:200],
                 after={"reason": reason, "legal_ground": legal_ground})


def _remove_ledger_rows(item: DecisionItem, *, by: User, ref: str) -> None:
    """Delete the award-history rows the revoked award wrote (source DECISION), audited with
    their content: the ledger feeds eligibility, and a revoked award must not count."""
    nomination = item.nomination
    awarding = _awarding_decisions(item.nomination_id)
    if not awarding:
        return
    # Numbers restart each year, so a row is matched on its decision's number and date together.
    issued_by = or_(*(and_(AwardRecord.decision_number == d.full_number, AwardRecord.decision_date == d.decided_on)
                      for d in awarding))
    subject = (AwardRecord.person_id == nomination.person_id if nomination.person_id is not None
               else AwardRecord.unit_id == nomination.unit_id)
    condition = (AwardRecord.source == RecordSource.DECISION, AwardRecord.award_type_id == item.award_type_id,
                 issued_by, subject)
    rows = db.session.scalars(select(AwardRecord).where(*condition)).all()
    if not rows:
        return
    before = [{"id": r.id, "person_id": r.person_id, "unit_id": r.unit_id, "award_type_id": r.award_type_id,
               "year": r.year, "decision_number": r.decision_number} for r in rows]
    db.session.execute(delete(AwardRecord).where(AwardRecord.id.in_([r["id"] for r in before])),
                       execution_options={"synchronize_session": "fetch"})
    record_audit("award_record.revoke", by=by, object_type="award_record", object_id=before[0]["id"],
                 summary=f"{item.printed_name[:150]}: xóa khỏi quá trình khen thưởng theo {ref}",
                 before={"rows": before})


def _awarding_decisions(nomination_id: int) -> list[Decision]:
    return list(db.session.scalars(
        select(Decision).join(DecisionItem).where(DecisionItem.nomination_id == nomination_id,
                                                  Decision.status == DecisionStatus.ISSUED)))


def revoking_decision(certificate: Certificate) -> Decision | None:
    """The issued correcting decision that revoked or replaced this certificate, if any."""
    if not certificate.is_revoked:
        return None
    own = certificate.item.decision
    candidates = db.session.scalars(
        select(Decision).join(DecisionItem)
        .where(DecisionItem.nomination_id == certificate.item.nomination_id, Decision.amends_id.is_not(None),
               Decision.status == DecisionStatus.ISSUED, Decision.id != own.id)
        .order_by(Decision.issued_at, Decision.id)).all()
    after = [d for d in candidates if own.issued_at is None or d.issued_at is None or d.issued_at >= own.issued_at]
    return after[0] if after else None
