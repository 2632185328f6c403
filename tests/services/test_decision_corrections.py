"""Correcting decisions: amend (wording, additions) and revoke (whole or part), never editing the original."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.models import AmendmentKind, AuditEntry, AwardRecord, DecisionStatus, NominationStatus
from app.services import decision_corrections as corrections
from app.services import decisions as service
from app.services.errors import ServiceError
from app.services.verification import verify_token

GROUND = "Điều 84 và Chương VII Luật Thi đua, khen thưởng số 06/2022/QH15"


def _records(db, number: str) -> int:
    return db.session.scalar(select(func.count()).select_from(AwardRecord)
                             .where(AwardRecord.decision_number == number))


def test_partial_revocation_revokes_certificates_and_ledger_rows(db, app, make_decision):
    original = make_decision(issued=True, number=100)
    target = original.items[1]
    draft = corrections.create_correction(original, kind=AmendmentKind.REVOKES, by=original.created_by,
                                          items=[target], reason="Kê khai thành tích không trung thực",
                                          legal_ground=GROUND, decided_on=date(2026, 2, 3))
    assert draft.status is DecisionStatus.DRAFT and draft.amends is original and draft.number is None
    assert "một phần Quyết định số 100/QĐ-UBND" in draft.subject
    assert "Kê khai thành tích không trung thực" in draft.articles[0]
    assert f"Căn cứ {GROUND};" in draft.legal_bases
    assert [i.nomination_id for i in draft.items] == [target.nomination_id]
    assert target.certificate.is_revoked is False  # nothing happens before it is issued

    service.issue_decision(draft, by=original.created_by)
    assert draft.full_number == "1/QĐ-UBND" and draft.year == 2026  # numbered from the 2026 register
    assert target.certificate.is_revoked and "Kê khai" in target.certificate.revocation_reason
    assert target.certificate.legal_ground == GROUND and draft.items[0].certificate is None
    assert _records(db, "100/QĐ-UBND") == 2  # the revoked person's ledger row is gone, the others stay
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "award_record.revoke")) == 1
    assert original.status is DecisionStatus.ISSUED and len(original.items) == 3  # untouched
    with app.test_request_context():
        result = verify_token(target.certificate.token, ip="127.0.0.1")
    assert result.is_revoked and not result.is_replaced
    assert result.revoked_by_decision.startswith("Quyết định số 1/QĐ-UBND ngày 03/02/2026")
    assert corrections.corrections_of(original) == [draft]


def test_whole_revocation_and_nothing_left_to_revoke(db, make_decision):
    original = make_decision(issued=True)
    by = original.created_by
    draft = corrections.create_correction(original, kind=AmendmentKind.REVOKES, by=by, items=list(original.items),
                                          reason="Vi phạm", legal_ground=GROUND, decided_on=date(2025, 12, 20))
    assert draft.subject.startswith("Về việc thu hồi, hủy bỏ Quyết định số")
    service.issue_decision(draft, by=by)
    assert all(i.certificate.is_revoked for i in original.items)
    assert _records(db, original.full_number) == 0
    with pytest.raises(ServiceError) as error:  # nothing is left in force
        corrections.create_correction(original, kind=AmendmentKind.REVOKES, by=by, items=[original.items[0]],
                                      reason="Lần nữa", legal_ground=GROUND, decided_on=date(2025, 12, 21))
    assert "đã bị thu hồi trước đó" in error.value.message
    assert not draft.can_correct(by)  # a revocation is never corrected itself


def test_revocation_requires_reason_ground_items_and_issued_original(db, make_decision):
    issued = make_decision(issued=True)
    by = issued.created_by
    cases = [({"items": [], "reason": "x", "legal_ground": GROUND}, "items"),
             ({"items": [issued.items[0]], "reason": " ", "legal_ground": GROUND}, "reason"),
             ({"items": [issued.items[0]], "reason": "x", "legal_ground": ""}, "legal_ground")]
    for kwargs, field in cases:
        with pytest.raises(ServiceError) as error:
            corrections.create_correction(issued, kind=AmendmentKind.REVOKES, by=by, decided_on=date(2025, 12, 20),
                                          **kwargs)
        assert error.value.field == field
    draft = make_decision(issuer=issued.issuer_unit)
    with pytest.raises(ServiceError, match="đã ban hành"):
        corrections.create_correction(draft, kind=AmendmentKind.AMENDS, by=by, items=[], reason="",
                                      legal_ground=GROUND, decided_on=date(2025, 12, 20))
    corrections.create_correction(issued, kind=AmendmentKind.AMENDS, by=by, items=[], reason="",
                                  legal_ground=GROUND, decided_on=date(2025, 12, 20))
    with pytest.raises(ServiceError, match="đang soạn"):  # one pending correction at a time
        corrections.create_correction(issued, kind=AmendmentKind.REVOKES, by=by, items=[issued.items[0]],
                                      reason="x", legal_ground=GROUND, decided_on=date(2025, 12, 20))


def test_amendment_corrects_wording_replaces_certificate_and_adds(db, app, make_decision, make_person,
                                                                   make_nomination):
    original = make_decision(issued=True, number=100)
    by = original.created_by
    wrong = original.items[1]
    old_cert = wrong.certificate
    draft = corrections.create_correction(original, kind=AmendmentKind.AMENDS, by=by, items=[wrong],
                                          reason="Sai chính tả họ tên", legal_ground=GROUND,
                                          decided_on=date(2025, 12, 22))
    item = draft.items[0]
    corrections.correct_item_wording(item, by=by, honorific="Bà", printed_name="Nghiêm Thị Phương  Chi",
                                     printed_detail="Phó Trưởng Bộ phận Một cửa")
    extra = make_nomination(NominationStatus.APPROVED, campaign=original.campaign, award_type=wrong.award_type,
                            person=make_person("Tạ Thu Trang"), nominating_unit=wrong.nomination.nominating_unit,
                            secretariat=by)
    service.add_nominations(draft, [extra], by=by)
    roles = corrections.item_roles(draft)
    assert sorted(r.value for r in roles.values()) == ["corrected", "new"]

    service.issue_decision(draft, by=by)
    corrected = next(i for i in draft.items if i.nomination_id == wrong.nomination_id)
    added = next(i for i in draft.items if i.nomination_id == extra.id)
    assert corrected.printed_name == "Nghiêm Thị Phương Chi" and corrected.printed_detail.startswith("Phó")
    assert old_cert.is_revoked and "cấp lại" in old_cert.revocation_reason
    assert corrected.certificate is not None and not corrected.certificate.is_revoked
    assert corrected.certificate.golden_book_number > old_cert.golden_book_number
    assert added.certificate is not None and extra.status is NominationStatus.AWARDED
    assert _records(db, "100/QĐ-UBND") == 3 and _records(db, draft.full_number) == 1  # ledger kept, one added
    assert corrections.replaced_item_ids(original) == {wrong.id}
    with app.test_request_context():
        result = verify_token(old_cert.token, ip=None)
    assert result.is_replaced and draft.full_number in result.revoked_by_decision

    # Revoking later reaches the replacement certificate and the original ledger row.
    revocation = corrections.create_correction(original, kind=AmendmentKind.REVOKES, by=by, items=[wrong],
                                               reason="Vi phạm", legal_ground=GROUND, decided_on=date(2025, 12, 29))
    service.issue_decision(revocation, by=by)
    assert corrected.certificate.is_revoked and _records(db, "100/QĐ-UBND") == 2


def test_issued_decision_is_immutable_in_services(db, make_decision):
    decision = make_decision(issued=True)
    by = decision.created_by
    with pytest.raises(ServiceError, match="không thể sửa"):
        service.update_decision(decision, by=by, version_id=decision.version_id, subject="Khác")
    with pytest.raises(ServiceError, match="không thể bớt"):
        service.remove_item(decision.items[0], by=by)
    with pytest.raises(ServiceError, match="không thể thêm"):
        service.add_nominations(decision, [], by=by)
    with pytest.raises(ServiceError, match="đã được ban hành"):
        service.issue_decision(decision, by=by)
    with pytest.raises(ServiceError, match="không thể sửa"):
        corrections.correct_item_wording(decision.items[0], by=by, honorific="", printed_name="X",
                                         printed_detail="")
