"""Builders for decisions: a draft with approved nominations, optionally issued."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sqlalchemy import select

from app.models import (AwardType, Campaign, CertificateKind, Decision, NominationStatus, OrgUnit, OrgUnitKind, Role,
                        SubjectScope, User)
from app.services import decisions as service


@pytest.fixture()
def make_decision(db, make_unit, make_user, make_campaign, make_award_type, make_nomination, make_person):
    """A decision of "Ủy ban nhân dân thành phố Hà Nội" with `individuals` and `collectives`
    approved nominations of one campaign; `issued=True` issues it (number from the register
    unless `number=` is given). `names` name the individuals in order."""

    def _make(*, individuals: int = 2, collectives: int = 1, issued: bool = False, number: int | None = None,
              decided_on: date = date(2025, 12, 15), issuer: OrgUnit | None = None, by: User | None = None,
              campaign: Campaign | None = None, award_type: AwardType | None = None,
              names: list[str] | None = None, **fields: Any) -> Decision:
        issuer = issuer or _city(db, make_unit)
        by = by or make_user(roles={Role.SECRETARIAT}, full_name="Thư ký Hội đồng")
        campaign = campaign or make_campaign("Đẩy mạnh cải cách hành chính trên địa bàn TP Hà Nội giai đoạn "
                                             "2021-2025", launching_unit=issuer)
        award_type = award_type or make_award_type("BK_TP", "Bằng khen của Chủ tịch UBND Thành phố",
                                                   scope=SubjectScope.BOTH,
                                                   certificate_kind=CertificateKind.BANG_KHEN)
        district = make_unit("Ủy ban nhân dân quận Ba Đình", kind=OrgUnitKind.DISTRICT, parent=issuer)
        names = names or ["Nghiêm Thị Phương Chi", "Đặng Văn Ước", "Lương Thị Hường", "Trịnh Quốc Lộc"]
        for i in range(individuals):
            person = make_person(names[i % len(names)] + ("" if i < len(names) else f" {i}"), unit=district,
                                 position="Chuyên viên Bộ phận Một cửa")
            make_nomination(NominationStatus.APPROVED, campaign=campaign, award_type=award_type, person=person,
                            nominating_unit=district, secretariat=by)
        for i in range(collectives):
            unit = make_unit(f"Phòng Tư pháp số {i + 1}", kind=OrgUnitKind.SUB_UNIT, parent=district)
            make_nomination(NominationStatus.APPROVED, campaign=campaign, award_type=award_type, unit=unit,
                            nominating_unit=district, secretariat=by)
        decision = service.draft_from_defaults(issuer_unit=issuer, campaign=campaign, by=by,
                                               decided_on=decided_on, signer_name="Hà Minh Hải", **fields)
        service.add_nominations(decision, service.approved_nominations(decision), by=by)
        if issued:
            service.issue_decision(decision, by=by, number=number)
        db.session.flush()
        return decision

    return _make


def _city(db, make_unit) -> OrgUnit:  # noqa: ANN001
    city = db.session.scalar(select(OrgUnit).where(OrgUnit.code == "TP_HN"))
    return city or make_unit("Ủy ban nhân dân thành phố Hà Nội", kind=OrgUnitKind.CITY_BODY, code="TP_HN")
