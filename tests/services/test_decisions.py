"""Drafting, issuing and revoking decisions."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.models import (AuditEntry, AwardRecord, Certificate, DecisionStatus, NominationStatus, OrgUnitKind,
                        RecordSource, Role, UnitSuccession)
from app.services import decisions as service
from app.services.decision_documents import unit_name_on
from app.services.errors import ConflictError, ServiceError


def test_issue_numbers_from_the_register_and_awards(db, make_decision):
    first = make_decision(issued=True)
    second = make_decision(issued=True, issuer=first.issuer_unit)
    assert (first.number, first.year, first.full_number) == (1, 2025, "1/QĐ-UBND")
    assert second.number == 2 and second.status is DecisionStatus.ISSUED
    books = sorted(i.certificate.golden_book_number for d in (first, second) for i in d.items)
    assert books == list(range(1, 7))
    tokens = {i.certificate.token for d in (first, second) for i in d.items}
    assert len(tokens) == 6 and all(len(t) >= 32 for t in tokens)
    assert {i.nomination.status for i in first.items} == {NominationStatus.AWARDED}
    records = db.session.scalars(select(AwardRecord).where(AwardRecord.decision_number == "1/QĐ-UBND")).all()
    assert len(records) == 3 and {r.source for r in records} == {RecordSource.DECISION}
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "decision.issue")) == 2


def test_numbers_restart_each_year_and_clash_is_refused(db, make_decision):
    a = make_decision(issued=True, number=100)
    b = make_decision(issued=True, issuer=a.issuer_unit, decided_on=date(2026, 1, 5))
    assert (b.number, b.year) == (1, 2026)
    c = make_decision(issuer=a.issuer_unit)
    with pytest.raises(ServiceError) as error:
        service.issue_decision(c, by=c.created_by, number=100)
    assert error.value.field == "number" and "đã được dùng" in error.value.message
    assert c.status is DecisionStatus.DRAFT
    assert service.issue_decision(c, by=c.created_by).number == 101


def test_issued_decision_is_immutable(db, make_decision):
    decision = make_decision(issued=True)
    with pytest.raises(ServiceError):
        service.update_decision(decision, by=decision.created_by, version_id=decision.version_id, subject="Khác")
    with pytest.raises(ServiceError):
        service.issue_decision(decision, by=decision.created_by)
    with pytest.raises(ServiceError):
        service.remove_item(decision.items[0], by=decision.created_by)


def test_stale_version_is_a_conflict(db, make_decision):
    decision = make_decision()
    with pytest.raises(ConflictError):
        service.update_decision(decision, by=decision.created_by, version_id=decision.version_id - 1,
                                subject="Trích yếu mới")


def test_only_approved_nominations(db, make_decision, make_nomination):
    decision = make_decision(individuals=1, collectives=0)
    voted = make_nomination(NominationStatus.VOTED, campaign=decision.campaign)
    with pytest.raises(ServiceError, match="thông qua"):
        service.add_nominations(decision, [voted], by=decision.created_by)
    assert voted not in service.approved_nominations(decision)


def test_empty_decision_cannot_be_issued(db, make_decision):
    decision = make_decision(individuals=0, collectives=0)
    with pytest.raises(ServiceError, match="chưa có"):
        service.issue_decision(decision, by=decision.created_by)


def test_wording_is_frozen_and_grouped(db, make_decision):
    decision = make_decision(individuals=2, collectives=1, issued=True)
    collective, *people = decision.items
    assert collective.printed_name == "Phòng Tư pháp số 1, Ủy ban nhân dân quận Ba Đình"
    assert people[0].honorific == "Ông" and people[0].printed_name == "Nghiêm Thị Phương Chi"
    assert people[0].printed_detail == "Chuyên viên Bộ phận Một cửa, Ủy ban nhân dân quận Ba Đình"
    assert [i.position for i in decision.items] == [1, 2, 3]
    people[0].nomination.person.full_name = "Tên Đã Đổi"
    db.session.flush()
    assert people[0].printed_name == "Nghiêm Thị Phương Chi"


def test_merged_unit_printed_with_nay_la(db, make_unit):
    old = make_unit("Ủy ban nhân dân phường Cửa Nam", kind=OrgUnitKind.COMMUNE, valid_to=date(2025, 6, 30))
    new = make_unit("Ủy ban nhân dân phường Hoàn Kiếm", kind=OrgUnitKind.COMMUNE, valid_from=date(2025, 7, 1))
    db.session.add(UnitSuccession(predecessor=old, successor=new, effective_on=date(2025, 7, 1)))
    db.session.flush()
    assert unit_name_on(old, date(2025, 3, 1)) == "Ủy ban nhân dân phường Cửa Nam"
    assert unit_name_on(old, date(2025, 12, 15)) == ("Ủy ban nhân dân phường Cửa Nam "
                                                    "(nay là Ủy ban nhân dân phường Hoàn Kiếm)")


def test_revoke_needs_reason_and_ground(db, make_decision):
    decision = make_decision(issued=True)
    cert = decision.items[0].certificate
    with pytest.raises(ServiceError) as error:
        service.revoke_certificate(cert, by=decision.created_by, reason=" ", legal_ground="Chương VII")
    assert error.value.field == "reason"
    service.revoke_certificate(cert, by=decision.created_by, reason="Kê khai không trung thực",
                               legal_ground=service.DEFAULT_LEGAL_GROUND)
    assert cert.is_revoked and cert.revoked_by is decision.created_by
    with pytest.raises(ServiceError, match="đã bị thu hồi"):
        service.revoke_certificate(cert, by=decision.created_by, reason="x", legal_ground="y")
    assert db.session.scalar(select(func.count()).select_from(Certificate)
                             .where(Certificate.revoked_at.is_not(None))) == 1


def test_permissions(db, make_decision, make_user):
    decision = make_decision()
    viewer = make_user(roles={Role.VIEWER})
    secretary = make_user(roles={Role.SECRETARIAT})
    officer = make_user(roles={Role.UNIT_OFFICER})
    assert decision.can_view(viewer) and not decision.can_edit(viewer) and not decision.can_print(viewer)
    assert decision.can_issue(secretary) and decision.can_print(secretary)
    assert not decision.can_view(officer)


def test_unit_name_does_not_repeat_a_parent_already_in_the_name(db, make_unit):
    city = make_unit("Ủy ban nhân dân thành phố Hà Nội", kind=OrgUnitKind.CITY_BODY)
    district = make_unit("Ủy ban nhân dân huyện Ba Vì", kind=OrgUnitKind.DISTRICT, parent=city)
    office = make_unit("Phòng Nội vụ, Ủy ban nhân dân huyện Ba Vì", kind=OrgUnitKind.SUB_UNIT, parent=district)
    team = make_unit("Tổ Một cửa", kind=OrgUnitKind.SUB_UNIT, parent=office)
    assert unit_name_on(office, date(2025, 1, 1)) == "Phòng Nội vụ, Ủy ban nhân dân huyện Ba Vì"
    assert unit_name_on(team, date(2025, 1, 1)) == "Tổ Một cửa, Phòng Nội vụ, Ủy ban nhân dân huyện Ba Vì"
