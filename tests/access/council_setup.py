"""Shared objects for the council, scoring and ballots access entries (not a blueprint module)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.models import (
    Assignment, AwardCategory, AwardLevel, AwardType, BallotBase, Campaign, CampaignKind, CampaignStage, Council,
    CouncilMember, CouncilRole, CriteriaSheet, Criterion, CriterionKind, Nomination, NominationStatus, ScoreSheet,
    SheetStatus, SubjectScope, SubjectType,
)
from app.models.base import utcnow

ROUTES: dict = {}


def council(f):
    def build():
        s = f.db.session
        campaign = Campaign(code="ACC_CC", name="Phong trào thử", kind=CampaignKind.THEMATIC, launching_unit=f.city,
                            period_start=date(2021, 1, 1), period_end=date(2025, 12, 31), stage=CampaignStage.SCORING)
        sheet = CriteriaSheet(campaign=campaign, subject_type=SubjectType.INDIVIDUAL, bonus_cap=Decimal(5))
        sheet.criteria = [Criterion(kind=CriterionKind.SCORED, title="Kết quả", max_points=Decimal(100))]
        award = AwardType(code="ACC_CSTD", name="Chiến sĩ thi đua thử", category=AwardCategory.EMULATION_TITLE,
                          subject_scope=SubjectScope.INDIVIDUAL, level=AwardLevel.CITY, deciding_authority="Chủ tịch",
                          requires_secret_ballot=True, ballot_threshold=Decimal("0.9"),
                          ballot_base=BallotBase.ALL_MEMBERS)
        nom = Nomination(campaign=campaign, award_type=award, subject_type=SubjectType.INDIVIDUAL,
                         person=f.person(outside=True), nominating_unit=f.other_unit,
                         status=NominationStatus.IN_SCORING)
        c = Council(campaign=campaign, name="Hội đồng thử")
        c.members = [CouncilMember(user=f.users["council_member"], role=CouncilRole.MEMBER)]
        s.add_all([campaign, sheet, award, nom, c])
        s.flush()
        member = c.members[0]
        s.add(Assignment(council_id=c.id, member_id=member.id, nomination_id=nom.id))
        sheet_row = ScoreSheet(council_id=c.id, member=member, nomination=nom, status=SheetStatus.SUBMITTED,
                               submitted_at=utcnow())
        s.add(sheet_row)
        s.flush()
        return {"council": c, "nomination": nom, "award": award, "member": member, "sheet": sheet_row}

    return f.cache("council", build)


def open_round(f):
    def build():
        from app.services.ballot import open_round as svc_open

        objs = council(f)
        return svc_open(objs["council"], award_type=objs["award"], nominations=[objs["nomination"]],
                        present_member_ids={objs["member"].id}, by=f.users["admin"])

    return f.cache("round", build)
