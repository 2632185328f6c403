"""The rule service: every rule kind, effective dates, evidence, quotas, next-year prospects."""
from __future__ import annotations

from datetime import date

import pytest

from app.models import (
    DisciplineMeasure, InfluenceScope, Initiative, InitiativeAuthor, InitiativeKind, InitiativeStatus,
    PerformanceRating, QuotaPolicy, RuleKind, SubjectScope,
)
from app.services.eligibility import (
    EligibilityEvidence, RuleOutcome, eligible_next_year, evaluate_eligibility, is_eligible, quota_usage,
)
from app.services.errors import ServiceError

ON = date(2025, 3, 1)


@pytest.fixture()
def cstd_tp(make_award_type):
    make_award_type("CSTD_CS", "Chiến sĩ thi đua cơ sở")
    return make_award_type("CSTD_TINH", "Chiến sĩ thi đua thành phố", rules=[
        (RuleKind.CONSECUTIVE_TITLE, {"award_code": "CSTD_CS", "years": 3})])


def _one(results):
    assert len(results) == 1
    return results[0]


def test_two_consecutive_years_fail_citing_the_rule(db, make_person, cstd_tp, make_award_record):
    person = make_person("Trần Văn Hai")
    for year in (2021, 2023, 2024):
        make_award_record("CSTD_CS", year, person=person)
    result = _one(evaluate_eligibility(cstd_tp, person=person, year=2024, on=ON))
    assert result.outcome is RuleOutcome.FAIL
    assert result.explanation == "Chỉ có 2 năm liên tục đạt Chiến sĩ thi đua cơ sở (2023, 2024); cần 3 năm."
    assert result.legal_basis and result.outcome.label == "Không đạt"


def test_three_consecutive_years_pass(db, make_person, cstd_tp, make_award_record):
    person = make_person()
    for year in (2022, 2023, 2024):
        make_award_record("CSTD_CS", year, person=person)
    assert is_eligible(evaluate_eligibility(cstd_tp, person=person, year=2024, on=ON))


def test_missing_current_year_needs_evidence(db, make_person, cstd_tp, make_award_record):
    person = make_person()
    for year in (2023, 2024):
        make_award_record("CSTD_CS", year, person=person)
    result = _one(evaluate_eligibility(cstd_tp, person=person, year=2025, on=ON))
    assert result.outcome is RuleOutcome.NEEDS_EVIDENCE
    assert "chưa có năm 2025" in result.explanation


def test_only_rules_in_effect_apply(db, make_person, make_award_type):
    award = make_award_type("LDTT", rules=[
        (RuleKind.PERFORMANCE_RATING, {"min_rating": "htnv"}, date(2018, 1, 1), date(2023, 12, 31)),
        (RuleKind.PERFORMANCE_RATING, {"min_rating": "httnv"}, date(2024, 1, 1), None),
    ])
    results = evaluate_eligibility(award, person=make_person(), year=2024, on=date(2024, 6, 1))
    assert [r.rule_id for r in results] == [award.rules[1].id]
    assert evaluate_eligibility(award, person=make_person(), year=2022, on=date(2023, 1, 1))[0].rule_id == award.rules[0].id


def test_rating_from_ledger_and_declared(db, make_person, make_award_type, make_rating):
    award = make_award_type(rules=[(RuleKind.PERFORMANCE_RATING, {"min_rating": "htxsnv", "years": 2})])
    person = make_person()
    make_rating(2023, PerformanceRating.HTXSNV, person=person)
    assert _one(evaluate_eligibility(award, person=person, year=2024, on=ON)).outcome is RuleOutcome.NEEDS_EVIDENCE
    declared = EligibilityEvidence(declared_ratings={2024: PerformanceRating.HTXSNV})
    result = _one(evaluate_eligibility(award, person=person, year=2024, on=ON, evidence=declared))
    assert result.outcome is RuleOutcome.PASS and "kê khai" in result.explanation
    make_rating(2024, PerformanceRating.HTTNV, person=person)
    result = _one(evaluate_eligibility(award, person=person, year=2024, on=ON))
    assert result.outcome is RuleOutcome.FAIL and "2024: hoàn thành tốt nhiệm vụ" in result.explanation


def test_discipline_blocks_person_and_collective(db, make_person, make_unit, make_award_type, make_discipline):
    unit = make_unit("Phòng Một cửa")
    person = make_person("Lê Thị Ba", unit=unit)
    rule = (RuleKind.NO_DISCIPLINE, {"min_measure": "canh_cao", "within_years": 1})
    award = make_award_type(rules=[rule])
    team = make_award_type(scope=SubjectScope.COLLECTIVE, rules=[rule])
    make_discipline(person, 2024, DisciplineMeasure.KHIEN_TRACH)
    assert _one(evaluate_eligibility(award, person=person, year=2024, on=ON)).passed
    make_discipline(person, 2024, DisciplineMeasure.CANH_CAO)
    assert _one(evaluate_eligibility(award, person=person, year=2024, on=ON)).outcome is RuleOutcome.FAIL
    result = _one(evaluate_eligibility(team, unit=unit, year=2024, on=ON))
    assert result.outcome is RuleOutcome.FAIL and "Lê Thị Ba" in result.explanation
    declared = EligibilityEvidence(declared_discipline=((2024, DisciplineMeasure.CACH_CHUC),))
    assert not _one(evaluate_eligibility(award, person=make_person(), year=2024, on=ON, evidence=declared)).passed


def _initiative(db, unit, *, scope, status=InitiativeStatus.RECOGNISED, author=None, start=date(2023, 5, 1)):
    item = Initiative(kind=InitiativeKind.INITIATIVE, title=f"Sáng kiến {scope}", owner_unit=unit, scope=scope,
                      status=status, start_date=start)
    if author is not None:
        item.author_links.append(InitiativeAuthor(person=author))
    db.session.add(item)
    db.session.flush()
    return item


def test_initiative_scope(db, make_person, make_unit, make_award_type):
    award = make_award_type(rules=[(RuleKind.INITIATIVE_SCOPE, {"min_scope": "city", "count": 1, "within_years": 3})])
    unit = make_unit()
    person = make_person(unit=unit)
    _initiative(db, unit, scope=InfluenceScope.UNIT, author=person)
    assert _one(evaluate_eligibility(award, person=person, year=2024, on=ON)).outcome is RuleOutcome.FAIL
    pending = _initiative(db, unit, scope=None, status=InitiativeStatus.SUBMITTED)
    evidence = EligibilityEvidence(initiative_ids=(pending.id,))
    assert _one(evaluate_eligibility(award, person=person, year=2024, on=ON, evidence=evidence)).outcome \
        is RuleOutcome.NEEDS_EVIDENCE
    _initiative(db, unit, scope=InfluenceScope.NATIONAL, author=person)
    assert _one(evaluate_eligibility(award, person=person, year=2024, on=ON)).passed
    team = make_award_type(scope=SubjectScope.COLLECTIVE, rules=[(RuleKind.INITIATIVE_SCOPE, {"min_scope": "city"})])
    assert _one(evaluate_eligibility(team, unit=unit, year=2024, on=ON)).passed


def test_prior_award(db, make_person, make_award_type, make_award_record):
    award = make_award_type(rules=[(RuleKind.PRIOR_AWARD, {"award_code": "BK_TP", "within_years": 5})])
    person = make_person()
    make_award_record("BK_TP", 2018, person=person)
    assert _one(evaluate_eligibility(award, person=person, year=2024, on=ON)).outcome is RuleOutcome.FAIL
    make_award_record("BK_TP", 2022, person=person)
    assert _one(evaluate_eligibility(award, person=person, year=2024, on=ON)).passed


def test_member_share(db, make_unit, make_person, make_award_type, make_award_record):
    unit = make_unit()
    people = [make_person(unit=unit) for _ in range(4)]
    team = make_award_type(scope=SubjectScope.COLLECTIVE, rules=[
        (RuleKind.MEMBER_SHARE, {"award_code": "LDTT", "min_ratio": 0.5, "strict": True})])
    for p in people[:2]:
        make_award_record("LDTT", 2024, person=p)
    result = _one(evaluate_eligibility(team, unit=unit, year=2024, on=ON))
    assert result.outcome is RuleOutcome.FAIL and "2/4 thành viên (50,0 %)" in result.explanation
    make_award_record("LDTT", 2024, person=people[2])
    assert _one(evaluate_eligibility(team, unit=unit, year=2024, on=ON)).passed


def test_quota_usage_and_rule(db, make_unit, make_person, make_award_type, make_award_record):
    unit = make_unit()
    people = [make_person(unit=unit) for _ in range(10)]
    cs = make_award_type("CSTD_CS", rules=[(RuleKind.QUOTA_RATIO, {"base_award_code": "LDTT", "max_ratio": 0.15})],
                         quota_policy=QuotaPolicy.BLOCK)
    for p in people:
        make_award_record("LDTT", 2024, person=p)
    usage = quota_usage(cs, unit, 2024)
    assert (usage.used, usage.base_count, usage.limit, usage.within) == (0, 10, 1, True)
    assert usage.percent_label == "15 %"
    assert _one(evaluate_eligibility(cs, person=people[0], year=2024, on=ON)).passed
    make_award_record(cs, 2024, person=people[0])
    assert quota_usage(cs, unit, 2024, extra=1).within is False
    # Already holding it does not count the nominee twice.
    assert _one(evaluate_eligibility(cs, person=people[0], year=2024, on=ON)).passed
    result = _one(evaluate_eligibility(cs, person=people[1], year=2024, on=ON))
    assert result.outcome is RuleOutcome.FAIL and "tối đa 15 % = 1" in result.explanation
    cs.quota_policy = QuotaPolicy.JUSTIFY
    assert _one(evaluate_eligibility(cs, person=people[1], year=2024, on=ON)).outcome is RuleOutcome.NEEDS_EVIDENCE


def test_wrong_subject_refused(db, make_unit, cstd_tp):
    with pytest.raises(ServiceError, match="không xét cho tập thể"):
        evaluate_eligibility(cstd_tp, unit=make_unit(), year=2024, on=ON)


def test_bad_params_need_review_not_crash(db, make_person, make_award_type):
    award = make_award_type(rules=[(RuleKind.CONSECUTIVE_TITLE, {"years": 3})])
    assert "Tham số" in _one(evaluate_eligibility(award, person=make_person(), year=2024, on=ON)).explanation


def test_query_count_is_fixed(db, make_person, make_award_type, make_award_record, count_queries):
    person = make_person()
    award = make_award_type(rules=[
        (RuleKind.CONSECUTIVE_TITLE, {"award_code": "CSTD_CS", "years": 3}),
        (RuleKind.PRIOR_AWARD, {"award_code": "BK_TP"}),
        (RuleKind.PERFORMANCE_RATING, {"min_rating": "htxsnv", "years": 3}),
        (RuleKind.NO_DISCIPLINE, {"min_measure": "khien_trach"}),
        (RuleKind.INITIATIVE_SCOPE, {"min_scope": "unit"}),
    ])
    for y in range(2015, 2025):
        make_award_record("CSTD_CS", y, person=person)
    db.session.expire_all()
    award = db.session.get(type(award), award.id)
    person = db.session.get(type(person), person.id)
    _ = award.rules, person.unit
    with count_queries() as counter:
        evaluate_eligibility(award, person=person, year=2024, on=ON)
    assert counter["n"] <= 7


def test_eligible_next_year(db, make_unit, make_person, cstd_tp, make_award_record, make_award_type):
    district = make_unit("Huyện Gia Lâm")
    section = make_unit("Phòng Nội vụ", parent=district)
    near = make_person("Nguyễn Văn Gần", unit=section)
    far = make_person("Phạm Văn Xa", unit=district)
    for year in (2023, 2024):
        make_award_record("CSTD_CS", year, person=near)
    make_award_record("CSTD_CS", 2024, person=far)
    rows = {r.full_name: r for r in eligible_next_year(district, 2024)}
    assert [p.award_code for p in rows["Nguyễn Văn Gần"].prospects] == ["CSTD_TINH"]
    assert rows["Nguyễn Văn Gần"].prospects[0].pending[0].outcome is RuleOutcome.NEEDS_EVIDENCE
    assert rows["Phạm Văn Xa"].prospects == ()
