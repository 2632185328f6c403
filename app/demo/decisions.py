"""Demo decision 100/QĐ-UBND: the Chairman of UBND thành phố Hà Nội awards Bằng khen to the
collectives and individuals the council approved in the CCHC 2021–2025 campaign.

Runs after the council loader. Defensive: when the approved set is not there (yet), it
does nothing and says so. One certificate is revoked by a second decision (101/QĐ-UBND, a
partial revocation) so the verification page shows a revoked example citing it.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.extensions import db
from app.models import (AmendmentKind, AwardType, Campaign, Decision, Nomination, NominationStatus, OrgUnit, Role,
                        SubjectType, User, UserRole)
from app.services import decision_corrections as corrections
from app.services import decisions as service

NUMBER = 100
DECIDED_ON = date(2025, 12, 15)
REVOKED_ON = date(2025, 12, 29)  # a partial revocation, numbered next in the register (101)
AWARD_CODE = "BK_TP"
SIGNER = "Hà Minh Hải"  # a fictitious Chairman
REVOCATION = ("Phát hiện báo cáo thành tích kê khai không trung thực (số liệu hồ sơ giải quyết đúng hạn "
              "bị nâng lên so với thực tế), theo kết luận kiểm tra của Sở Nội vụ.",
              "Chương VII Luật Thi đua, khen thưởng số 06/2022/QH15")


def load() -> list[str]:
    city = db.session.scalar(select(OrgUnit).where(OrgUnit.code == "UBND_TP"))
    award = db.session.scalar(select(AwardType).where(AwardType.code == AWARD_CODE))
    if city is None or award is None:
        return ["Quyết định: chưa có đơn vị UBND_TP hoặc hình thức BK_TP — bỏ qua."]
    existing = db.session.scalar(select(Decision).where(Decision.issuer_unit_id == city.id,
                                                        Decision.year == DECIDED_ON.year,
                                                        Decision.number == NUMBER))
    if existing is not None:
        return [f"Quyết định {existing.full_number} ngày {existing.decided_on:%d/%m/%Y} đã có "
                f"({len(existing.items)} tập thể, cá nhân)."]
    campaign_id = db.session.scalar(
        select(Nomination.campaign_id).where(Nomination.award_type_id == award.id,
                                             Nomination.status == NominationStatus.APPROVED)
        .group_by(Nomination.campaign_id).order_by(func.count().desc()).limit(1))
    if campaign_id is None:
        return ["Quyết định: chưa có đề nghị Bằng khen nào được Hội đồng thông qua — bỏ qua."]
    campaign = db.session.get(Campaign, campaign_id)
    by = db.session.scalar(select(User).join(UserRole).where(UserRole.role == Role.SECRETARIAT)
                           .order_by(User.id).limit(1))
    decision = service.draft_from_defaults(issuer_unit=city, campaign=campaign, by=by, decided_on=DECIDED_ON,
                                           signer_name=SIGNER)
    nominations = service.approved_nominations(decision, award)
    service.add_nominations(decision, nominations, by=by)
    collectives = sum(1 for n in nominations if n.subject_type is SubjectType.COLLECTIVE)
    individuals = len(nominations) - collectives
    articles = list(decision.articles)
    articles[0] = articles[0].replace("cho các tập thể, cá nhân",
                                      f"cho {collectives} tập thể và {individuals} cá nhân", 1)
    decision.articles = articles
    service.issue_decision(decision, by=by, number=NUMBER)
    revoked = decision.items[-1]
    revocation = corrections.create_correction(decision, kind=AmendmentKind.REVOKES, by=by, items=[revoked],
                                               reason=REVOCATION[0], legal_ground=REVOCATION[1],
                                               decided_on=REVOKED_ON)
    service.issue_decision(revocation, by=by)
    return [f"Quyết định {decision.full_number} ngày {DECIDED_ON:%d/%m/%Y}: Bằng khen cho {collectives} tập thể "
            f"và {individuals} cá nhân; Quyết định {revocation.full_number} ngày {REVOKED_ON:%d/%m/%Y} thu hồi "
            f"mẫu: {revoked.printed_name}."]
