"""Builders for campaigns, criteria sheets, award types with rules, and ledger records."""
from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.models import (
    AwardCategory, AwardLevel, AwardRecord, AwardType, Campaign, CampaignKind, CampaignStage, CriteriaSheet, Criterion,
    CriterionKind, DisciplineMeasure, DisciplineRecord, EligibilityRule, OrgUnit, PerformanceRating, Person,
    RatingRecord, SubjectScope, SubjectType,
)

_seq = itertools.count(1)


@pytest.fixture()
def make_campaign(db, make_unit):
    def _make(name: str = "Phong trào thi đua thử nghiệm", *, code: str | None = None,
              stage: CampaignStage = CampaignStage.REGISTRATION, kind: CampaignKind = CampaignKind.THEMATIC,
              launching_unit: OrgUnit | None = None, participating: list[OrgUnit] | None = None,
              period_start: date = date(2021, 1, 1), period_end: date = date(2025, 12, 31), **extra: Any) -> Campaign:
        campaign = Campaign(code=code or f"PT{next(_seq):04d}", name=name, kind=kind, stage=stage,
                            launching_unit=launching_unit or make_unit("Ủy ban nhân dân thành phố"),
                            period_start=period_start, period_end=period_end,
                            participating_units=participating or [], **extra)
        db.session.add(campaign)
        db.session.flush()
        return campaign

    return _make


@pytest.fixture()
def make_sheet(db, make_campaign):
    """A sheet; `criteria` is a list of (title, max) or (title, max, kind) or dicts with "children"."""

    def _add(sheet: CriteriaSheet, items: list, parent: Criterion | None) -> None:
        for pos, item in enumerate(items):
            if not isinstance(item, dict):
                title, points, *rest = item
                item = {"title": title, "max_points": points, "kind": rest[0] if rest else CriterionKind.SCORED}
            crit = Criterion(sheet=sheet, parent=parent, position=pos, title=item["title"],
                             kind=item.get("kind", CriterionKind.SCORED), code=item.get("code", ""),
                             max_points=Decimal(str(item.get("max_points", 0))),
                             penalty_points=Decimal(str(item.get("penalty_points", 0))))
            db.session.add(crit)
            _add(sheet, item.get("children", []), crit)

    def _make(campaign: Campaign | None = None, *, subject_type: SubjectType = SubjectType.COLLECTIVE,
              criteria: list | None = None, bonus_cap: Decimal | int = 10, version: int = 1,
              locked: bool = False) -> CriteriaSheet:
        from app.models.base import utcnow

        sheet = CriteriaSheet(campaign=campaign or make_campaign(), subject_type=subject_type, version=version,
                              bonus_cap=Decimal(str(bonus_cap)), locked_at=utcnow() if locked else None)
        db.session.add(sheet)
        _add(sheet, criteria if criteria is not None else [("Chỉ đạo, điều hành", 40), ("Kết quả", 60)], None)
        db.session.flush()
        return sheet

    return _make


@pytest.fixture()
def make_award_type(db):
    """An award type; `rules` are (kind, params) or (kind, params, effective_from, effective_to)."""

    def _make(code: str | None = None, name: str | None = None, *, scope: SubjectScope = SubjectScope.INDIVIDUAL,
              rules: list[tuple] | None = None, level: AwardLevel = AwardLevel.BASE,
              category: AwardCategory = AwardCategory.EMULATION_TITLE, **extra: Any) -> AwardType:
        code = code or f"AW{next(_seq):04d}"
        existing = db.session.query(AwardType).filter_by(code=code).one_or_none()
        if existing is not None:
            return existing
        award = AwardType(code=code, name=name or f"Danh hiệu {code}", category=category, subject_scope=scope,
                          level=level, deciding_authority=extra.pop("deciding_authority", "Thủ trưởng đơn vị"),
                          **extra)
        for pos, rule in enumerate(rules or []):
            kind, params, *dates = rule
            award.rules.append(EligibilityRule(
                kind=kind, params=params, position=pos, description=f"Quy định {kind.label}",
                legal_basis="Điều thử, Nghị định thử", effective_from=dates[0] if dates else date(2000, 1, 1),
                effective_to=dates[1] if len(dates) > 1 else None))
        db.session.add(award)
        db.session.flush()
        return award

    return _make


@pytest.fixture()
def make_award_record(db, make_award_type):
    def _make(award: AwardType | str, year: int, *, person: Person | None = None, unit: OrgUnit | None = None,
              **extra: Any) -> AwardRecord:
        if isinstance(award, str):
            award = make_award_type(award)
        record = AwardRecord(award_type=award, year=year, person=person, unit=unit if person is None else None,
                             decision_number=extra.pop("decision_number", f"{next(_seq)}/QĐ-UBND"), **extra)
        db.session.add(record)
        db.session.flush()
        return record

    return _make


@pytest.fixture()
def make_rating(db):
    def _make(year: int, rating: PerformanceRating = PerformanceRating.HTXSNV, *, person: Person | None = None,
              unit: OrgUnit | None = None) -> RatingRecord:
        record = RatingRecord(year=year, rating=rating, person=person, unit=unit if person is None else None)
        db.session.add(record)
        db.session.flush()
        return record

    return _make


@pytest.fixture()
def make_discipline(db):
    def _make(person: Person, year: int, measure: DisciplineMeasure = DisciplineMeasure.KHIEN_TRACH) -> DisciplineRecord:
        record = DisciplineRecord(person=person, year=year, measure=measure)
        db.session.add(record)
        db.session.flush()
        return record

    return _make

