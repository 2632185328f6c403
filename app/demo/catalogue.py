"""Demo catalogue: award types with rules, the CCHC 2021–2025 campaign with both criteria sheets,
and award history 2019–2024 for the demo people. Idempotent: existing rows are found and kept."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.demo.catalogue_data import AWARDS, BALLOT, COLLECTIVE_SHEET, INDIVIDUAL_SHEET, RULES
from app.extensions import db
from app.models import (
    AwardRecord, AwardType, Campaign, CampaignKind, CampaignPhase, CampaignStage, CriteriaSheet, Criterion,
    CriterionKind, EligibilityRule, Gender, OrgUnit, OrgUnitKind, PerformanceRating, Person, RatingRecord,
    RecordSource, SubjectType,
)
from app.models.text import fold

CAMPAIGN_CODE = "CCHC-2021-2025"
HTXS, HTT = PerformanceRating.HTXSNV, PerformanceRating.HTTNV

# Units the history needs; found by code or name if the foundation loader already made them.
UNITS = [
    ("SO_QHKT", OrgUnitKind.DEPARTMENT, "Sở Quy hoạch - Kiến trúc thành phố Hà Nội", "Sở Quy hoạch - Kiến trúc"),
    ("XA_TAM_HIEP", OrgUnitKind.COMMUNE, "Ủy ban nhân dân xã Tam Hiệp", "Xã Tam Hiệp"),
    ("PHUONG_DUC_THANG", OrgUnitKind.COMMUNE, "Ủy ban nhân dân phường Đức Thắng", "Phường Đức Thắng"),
]
# name, gender, unit code, position, {award code: years}, {year: rating}
PEOPLE = [
    ("Nghiêm Thị Phương Chi", Gender.FEMALE, "XA_TAM_HIEP", "Công chức Văn phòng - Thống kê, bộ phận một cửa",
     {"LDTT": range(2019, 2025), "CSTD_CS": range(2019, 2025), "CSTD_TINH": [2021, 2024], "BK_TP": [2022]},
     {y: HTXS for y in range(2019, 2025)}),
    ("Vũ Đức Duy", Gender.MALE, "SO_QHKT", "Chuyên viên bộ phận một cửa",
     {"LDTT": range(2019, 2025), "CSTD_CS": [2023, 2024]}, {**{y: HTT for y in range(2019, 2023)}, 2023: HTXS, 2024: HTXS}),
    ("Nguyễn Mạnh Hoạt", Gender.MALE, "PHUONG_DUC_THANG", "Tổ trưởng tổ dân phố số 7",
     {"LDTT": range(2020, 2025), "CSTD_CS": [2022, 2023, 2024], "GIAY_KHEN": [2023]}, {y: HTXS for y in range(2020, 2025)}),
    ("Trần Thị Mai", Gender.FEMALE, "GIA_LAM", "Phó Chánh Văn phòng HĐND và UBND huyện",
     {"LDTT": range(2019, 2025), "CSTD_CS": [2024]}, {y: HTXS for y in range(2021, 2025)}),
    ("Lê Văn Hùng", Gender.MALE, "GIA_LAM", "Chuyên viên Phòng Nội vụ",
     {"LDTT": range(2019, 2025)}, {y: HTT for y in range(2019, 2025)}),
    ("Phạm Quốc Bảo", Gender.MALE, "GIA_LAM", "Chuyên viên bộ phận một cửa huyện",
     {"LDTT": range(2021, 2025)}, {y: HTT for y in range(2021, 2025)}),
]
COLLECTIVES = {  # unit code → {award code: years}
    "GIA_LAM": {"TTLDXS": [2022, 2023, 2024], "CO_TP": [2023]},
    "NAM_TU_LIEM": {"TTLDXS": [2023, 2024], "BK_TP": [2024]},
    "HAI_BA_TRUNG": {"TTLDXS": [2023, 2024]},
}


def _unit(code: str, name: str = "") -> OrgUnit | None:
    found = db.session.scalar(select(OrgUnit).where(OrgUnit.code == code))
    if found is None and name:
        found = db.session.scalar(select(OrgUnit).where(OrgUnit.search_name.contains(fold(name))).limit(1))
    return found


def _city() -> OrgUnit:
    city = _unit("UBND_TP") or db.session.scalar(select(OrgUnit).where(OrgUnit.parent_id.is_(None)).limit(1))
    assert city is not None, "the foundation loader must run first"
    return city


def _load_awards() -> dict[str, AwardType]:
    awards = {a.code: a for a in db.session.scalars(select(AwardType))}
    for pos, (code, name, cat, scope, level, authority, issuer, cert, ballot, cash, policy) in enumerate(AWARDS):
        if code in awards:
            continue
        award = AwardType(code=code, name=name, category=cat, subject_scope=scope, level=level, position=pos,
                          deciding_authority=authority, issuer_line=issuer, certificate_kind=cert,
                          requires_secret_ballot=ballot, cash_factor=Decimal(cash), quota_policy=policy)
        if code in BALLOT:
            threshold, base, quorum = BALLOT[code]
            award.ballot_threshold, award.ballot_base, award.quorum_ratio = Decimal(threshold), base, Decimal(quorum)
        for i, (kind, params, text, basis, start, end) in enumerate(RULES.get(code, [])):
            award.rules.append(EligibilityRule(kind=kind, params=params, description=text, legal_basis=basis,
                                               effective_from=start, effective_to=end, position=i))
        db.session.add(award)
        awards[code] = award
    db.session.flush()
    return awards


def _add_criteria(sheet: CriteriaSheet, items: list[dict], parent: Criterion | None) -> None:
    for pos, item in enumerate(items):
        crit = Criterion(parent=parent, position=pos, code=item["code"], title=item["title"],
                         kind=item.get("kind", CriterionKind.SCORED), guidance=item.get("guidance", ""),
                         max_points=Decimal(str(item.get("max_points", 0))) if "children" not in item else Decimal(0),
                         penalty_points=Decimal(str(item.get("penalty_points", 0))))
        sheet.criteria.append(crit)
        _add_criteria(sheet, item.get("children", []), crit)


def _load_campaign(city: OrgUnit) -> Campaign:
    campaign = db.session.scalar(select(Campaign).where(Campaign.code == CAMPAIGN_CODE))
    if campaign is not None:
        return campaign
    campaign = Campaign(
        code=CAMPAIGN_CODE, kind=CampaignKind.THEMATIC, launching_unit=city,
        name="Đẩy mạnh cải cách hành chính trên địa bàn thành phố Hà Nội giai đoạn 2021–2025",
        plan_number="45/KH-UBND", plan_date=date(2021, 2, 20), period_start=date(2021, 1, 1),
        period_end=date(2025, 12, 31), stage=CampaignStage.NOMINATION,
        description="Đẩy mạnh cải cách hành chính, nâng cao chỉ số PAR Index, SIPAS, PAPI, PCI; tổng kết năm 2025. "
                    "Kết quả: PAR Index 3/63, PCI 20/63, SIPAS 30/63, PAPI 12/63.")
    for stage, start, end in [
        (CampaignStage.REGISTRATION, date(2021, 3, 1), date(2021, 3, 31)),
        (CampaignStage.NOMINATION, date(2025, 9, 1), date(2025, 10, 15)),
        (CampaignStage.APPRAISAL, date(2025, 10, 16), date(2025, 11, 10)),
        (CampaignStage.SCORING, date(2025, 11, 11), date(2025, 11, 25)),
        (CampaignStage.VOTING, date(2025, 11, 26), date(2025, 11, 30)),
        (CampaignStage.DECIDED, date(2025, 12, 15), None),
        (CampaignStage.CLOSED, date(2025, 12, 31), None),
    ]:
        campaign.phases.append(CampaignPhase(stage=stage, starts_on=start, ends_on=end))
    for subject, items, cap in [(SubjectType.COLLECTIVE, COLLECTIVE_SHEET, 10), (SubjectType.INDIVIDUAL, INDIVIDUAL_SHEET, 5)]:
        sheet = CriteriaSheet(subject_type=subject, version=1, bonus_cap=Decimal(cap))
        campaign.criteria_sheets.append(sheet)
        _add_criteria(sheet, items, None)
    db.session.add(campaign)
    db.session.flush()
    return campaign


def _person(name: str, gender: Gender, unit: OrgUnit, position: str) -> Person:
    found = db.session.scalar(select(Person).where(Person.search_name == fold(name)).limit(1))
    if found is None:
        found = Person(full_name=name, gender=gender, unit=unit, position=position)
        db.session.add(found)
        db.session.flush()
    return found


def _record(award: AwardType, year: int, *, person: Person | None = None, unit: OrgUnit | None = None) -> bool:
    column = AwardRecord.person_id == person.id if person else AwardRecord.unit_id == unit.id
    if db.session.scalar(select(AwardRecord.id).where(column, AwardRecord.award_type_id == award.id,
                                                      AwardRecord.year == year)) is not None:
        return False
    decided = date(year, 12, 20) if award.level.value == "base" else date(year + 1, 3, 15)
    db.session.add(AwardRecord(award_type=award, year=year, person=person, unit=unit, source=RecordSource.IMPORT,
                               decision_number=f"{100 + year % 100 * 7}/QĐ-{'UBND' if award.level.value != 'base' else 'ĐV'}",
                               decision_date=decided, issuer=award.issuer_line or award.deciding_authority))
    return True


def load() -> list[str]:
    city = _city()
    awards = _load_awards()
    campaign = _load_campaign(city)
    for code, kind, name, short in UNITS:
        if _unit(code, short) is None:
            db.session.add(OrgUnit(code=code, kind=kind, name=name, short_name=short, parent=city))
    db.session.flush()
    added = 0
    for name, gender, unit_code, position, titles, ratings in PEOPLE:
        unit = _unit(unit_code, dict((u[0], u[3]) for u in UNITS).get(unit_code, "")) or city
        person = _person(name, gender, unit, position)
        for code, years in titles.items():
            added += sum(_record(awards[code], y, person=person) for y in years)
        for year, rating in ratings.items():
            if db.session.scalar(select(RatingRecord.id).where(RatingRecord.person_id == person.id,
                                                               RatingRecord.year == year)) is None:
                db.session.add(RatingRecord(person=person, year=year, rating=rating))
    for unit_code, titles in COLLECTIVES.items():
        unit = _unit(unit_code)
        if unit is None:
            continue
        for code, years in titles.items():
            added += sum(_record(awards[code], y, unit=unit) for y in years)
    db.session.flush()
    lines = [f"Danh mục: {len(awards)} danh hiệu, hình thức; phong trào {campaign.code} với 2 bảng tiêu chí."]
    if added:
        lines.append(f"Đã ghi {added} bản ghi quá trình khen thưởng 2019–2024.")
    return lines
