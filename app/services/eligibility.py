"""The rule service: is a person or collective eligible for an award type, and why.

Rules are data (app/models/award.py EligibilityRule, params documented on RuleKind); only
rules in effect on the given day apply. Every result cites its legal basis and the facts
it used, in Vietnamese. The subject's ledger is loaded once per evaluation.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (
    AwardType, DisciplineMeasure, EligibilityRule, InfluenceScope, InitiativeStatus, OrgUnit, PerformanceRating,
    Person, QuotaPolicy, RuleKind, SubjectType,
)
from app.models.base import LabelledEnum
from app.services.errors import ServiceError
from app.services.ledger_facts import (
    LedgerFacts, UnitFacts, count_holders, load_initiatives, people_facts, quota_unit, subtree_unit_ids, unit_facts,
)


class RuleOutcome(LabelledEnum):
    PASS = "pass", "Đạt"
    FAIL = "fail", "Không đạt"
    NEEDS_EVIDENCE = "needs_evidence", "Cần bổ sung minh chứng"


@dataclass(frozen=True)
class EligibilityEvidence:
    """Facts a nomination declares that the ledger does not (yet) hold."""

    declared_ratings: Mapping[int, PerformanceRating] = field(default_factory=dict)
    declared_discipline: tuple[tuple[int, DisciplineMeasure], ...] = ()
    initiative_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class RuleResult:
    rule_id: int
    kind: RuleKind
    description: str
    legal_basis: str
    outcome: RuleOutcome
    explanation: str

    @property
    def passed(self) -> bool:
        return self.outcome is RuleOutcome.PASS


@dataclass(frozen=True)
class QuotaUsage:
    """How much of a unit's quota for an award is used in a year (ready to display)."""

    award_code: str
    base_award_code: str
    unit_name: str
    year: int
    used: int  # holders in the ledger plus `extra`
    base_count: int
    max_ratio: Decimal
    limit: int
    policy: QuotaPolicy
    legal_basis: str

    @property
    def within(self) -> bool:
        return self.used <= self.limit

    @property
    def remaining(self) -> int:
        return max(self.limit - self.used, 0)

    @property
    def percent_label(self) -> str:
        return f"{(self.max_ratio * 100).normalize():f}".replace(".", ",") + " %"


def _years(years: list[int] | set[int]) -> str:
    return ", ".join(str(y) for y in sorted(years))


def _run_ending(years: set[int], last: int) -> list[int]:
    run = []
    while last in years:
        run.append(last)
        last -= 1
    return sorted(run)


@dataclass
class _Context:
    award: AwardType
    subject: SubjectType
    name: str
    year: int
    facts: LedgerFacts
    evidence: EligibilityEvidence
    unit: OrgUnit  # the unit quotas are counted in
    award_names: dict[str, str]


def _name(ctx: _Context, code: str) -> str:
    return ctx.award_names.get(code, code)


def _consecutive(ctx: _Context, p: Mapping[str, Any]) -> tuple[RuleOutcome, str]:
    code, need = p["award_code"], int(p["years"])
    held = ctx.facts.years_of(code)
    title = _name(ctx, code)
    run = _run_ending(held, ctx.year)
    if len(run) >= need:
        return RuleOutcome.PASS, f"Đạt {title} {len(run)} năm liên tục ({_years(run)}); cần {need} năm."
    before = _run_ending(held, ctx.year - 1)
    if not run and len(before) + 1 >= need:
        return RuleOutcome.NEEDS_EVIDENCE, (
            f"Đạt {title} {len(before)} năm liên tục ({_years(before)}); sổ khen thưởng chưa có năm {ctx.year}"
            f" — cần quyết định tặng {title} năm {ctx.year} để đủ {need} năm.")
    if not run:
        tail = f" (các năm đã đạt: {_years(held)})" if held else ""
        return RuleOutcome.FAIL, f"Không đạt {title} năm {ctx.year}{tail}; cần {need} năm liên tục."
    return RuleOutcome.FAIL, f"Chỉ có {len(run)} năm liên tục đạt {title} ({_years(run)}); cần {need} năm."


def _initiatives(ctx: _Context, p: Mapping[str, Any]) -> tuple[RuleOutcome, str]:
    scope = InfluenceScope(p["min_scope"])
    need, within = int(p.get("count", 1)), int(p.get("within_years", 0))
    items = dict(ctx.facts.initiatives)
    missing = [i for i in ctx.evidence.initiative_ids if i not in items]
    items.update({f.id: f for f in load_initiatives(missing)})
    window = f" trong {within} năm gần đây" if within else ""

    def in_window(year: int | None) -> bool:
        return not within or year is None or ctx.year - within < year <= ctx.year

    good = [f for f in items.values() if f.status is InitiativeStatus.RECOGNISED and f.scope is not None
            and f.scope.rank >= scope.rank and in_window(f.year)]
    pending = [f for f in items.values() if f.status is InitiativeStatus.SUBMITTED and in_window(f.year)]
    names = "; ".join(f"“{f.title}”" for f in good)
    if len(good) >= need:
        return RuleOutcome.PASS, f"Có {len(good)} sáng kiến được công nhận {scope.label.lower()} trở lên{window}: {names}."
    if len(good) + len(pending) >= need:
        return RuleOutcome.NEEDS_EVIDENCE, (
            f"Có {len(good)}/{need} sáng kiến được công nhận {scope.label.lower()} trở lên{window}; "
            f"{len(pending)} sáng kiến đang chờ công nhận.")
    return RuleOutcome.FAIL, (
        f"Chỉ có {len(good)} sáng kiến được công nhận {scope.label.lower()} trở lên{window}; cần {need}.")


def _rating(ctx: _Context, p: Mapping[str, Any]) -> tuple[RuleOutcome, str]:
    minimum, need = PerformanceRating(p["min_rating"]), int(p.get("years", 1))
    years = list(range(ctx.year - need + 1, ctx.year + 1))
    low, unknown, declared = [], [], []
    for y in years:
        rating = ctx.facts.ratings.get(y)
        if rating is None and y in ctx.evidence.declared_ratings:
            rating = PerformanceRating(ctx.evidence.declared_ratings[y])
            declared.append(y)
        if rating is None:
            unknown.append(y)
        elif rating.rank > minimum.rank:
            low.append(f"{y}: {rating.label.lower()}")
    need_text = f"cần “{minimum.label}” trở lên" + (f" {need} năm liền ({_years(years)})" if need > 1 else f" năm {ctx.year}")
    if low:
        return RuleOutcome.FAIL, f"Mức xếp loại chưa đạt ({'; '.join(low)}); {need_text}."
    if unknown:
        return RuleOutcome.NEEDS_EVIDENCE, f"Chưa có kết quả xếp loại năm {_years(unknown)}; {need_text}."
    note = f" (năm {_years(declared)} theo kê khai)" if declared else ""
    return RuleOutcome.PASS, f"Xếp loại đạt “{minimum.label}” trở lên các năm {_years(years)}{note}."


def _discipline(ctx: _Context, p: Mapping[str, Any]) -> tuple[RuleOutcome, str]:
    minimum, within = DisciplineMeasure(p["min_measure"]), int(p.get("within_years", 1))
    first = ctx.year - within + 1
    hits = [f"{d.person_name} — {d.measure.label.lower()} ({d.year})" for d in ctx.facts.discipline
            if first <= d.year <= ctx.year and d.measure.severity >= minimum.severity]
    hits += [f"kê khai: {DisciplineMeasure(m).label.lower()} ({y})" for y, m in ctx.evidence.declared_discipline
             if first <= y <= ctx.year and DisciplineMeasure(m).severity >= minimum.severity]
    period = f"năm {ctx.year}" if within == 1 else f"từ {first} đến {ctx.year}"
    who = "thành viên nào" if ctx.subject is SubjectType.COLLECTIVE else ""
    if hits:
        return RuleOutcome.FAIL, f"Có kỷ luật từ mức {minimum.label.lower()} trở lên {period}: {'; '.join(hits)}."
    return RuleOutcome.PASS, (f"Không {who + ' ' if who else ''}bị kỷ luật từ mức {minimum.label.lower()} "
                              f"trở lên {period}.")


def _quota(ctx: _Context, p: Mapping[str, Any], rule: EligibilityRule) -> tuple[RuleOutcome, str]:
    extra = 0 if ctx.year in ctx.facts.years_of(ctx.award.code) else 1
    usage = _usage(ctx.award, rule, ctx.unit, ctx.year, extra, ctx.award_names)
    text = (f"{ctx.unit.short_name} năm {ctx.year}: {usage.used} {_name(ctx, ctx.award.code)} (tính cả đề nghị này) "
            f"trên {usage.base_count} {_name(ctx, usage.base_award_code)}; tối đa {usage.percent_label} "
            f"= {usage.limit}.")
    if usage.within:
        return RuleOutcome.PASS, text
    if ctx.award.quota_policy is QuotaPolicy.JUSTIFY:
        return RuleOutcome.NEEDS_EVIDENCE, text + " Vượt tỷ lệ: cần giải trình."
    return RuleOutcome.FAIL, text + " Vượt tỷ lệ cho phép."


def _prior(ctx: _Context, p: Mapping[str, Any]) -> tuple[RuleOutcome, str]:
    code, within, need = p["award_code"], int(p.get("within_years", 0)), int(p.get("count", 1))
    years = {y for y in ctx.facts.years_of(code) if y < ctx.year and (not within or y >= ctx.year - within)}
    window = f" trong {within} năm trước {ctx.year}" if within else f" trước năm {ctx.year}"
    if len(years) >= need:
        return RuleOutcome.PASS, f"Đã được tặng {_name(ctx, code)}{window} (năm {_years(years)})."
    return RuleOutcome.FAIL, f"Chưa được tặng {_name(ctx, code)}{window}" + (
        f" đủ {need} lần (mới có {len(years)})." if need > 1 else ".")


def _member_share(ctx: _Context, p: Mapping[str, Any]) -> tuple[RuleOutcome, str]:
    if not isinstance(ctx.facts, UnitFacts):
        return RuleOutcome.NEEDS_EVIDENCE, "Quy định này chỉ áp dụng cho tập thể."
    code = p["award_code"]
    ratio, strict, min_count = Decimal(str(p.get("min_ratio", 0))), bool(p.get("strict", False)), int(p.get("min_count", 0))
    total, count = ctx.facts.member_count, ctx.facts.members_with(code, ctx.year)
    if total == 0:
        return RuleOutcome.NEEDS_EVIDENCE, "Chưa có danh sách thành viên của tập thể trong hệ thống."
    share = Decimal(count) / Decimal(total)
    ok = (share > ratio if strict else share >= ratio) and count >= min_count
    pct = f"{(share * 100).quantize(Decimal('0.1'))}".replace(".", ",")
    need = []
    if ratio:
        need.append(f"{'trên' if strict else 'từ'} {(ratio * 100).normalize():f} %".replace(".", ","))
    if min_count:
        need.append(f"ít nhất {min_count} người")
    text = (f"{count}/{total} thành viên ({pct} %) đạt {_name(ctx, code)} năm {ctx.year}; cần {' và '.join(need)}.")
    return (RuleOutcome.PASS if ok else RuleOutcome.FAIL), text


def _usage(award: AwardType, rule: EligibilityRule, unit: OrgUnit, year: int, extra: int,
           names: dict[str, str] | None = None) -> QuotaUsage:
    base_code, ratio = rule.params["base_award_code"], Decimal(str(rule.params["max_ratio"]))
    unit_ids = subtree_unit_ids(unit.id)
    used = count_holders(award.code, unit_ids, year) + extra
    base = count_holders(base_code, unit_ids, year)
    return QuotaUsage(award_code=award.code, base_award_code=base_code, unit_name=unit.short_name, year=year,
                      used=used, base_count=base, max_ratio=ratio, limit=math.floor(base * ratio),
                      policy=award.quota_policy, legal_basis=rule.legal_basis)


def _effective_rules(award: AwardType, on: date) -> list[EligibilityRule]:
    return [r for r in award.rules if r.is_effective_on(on)]


def _award_names() -> dict[str, str]:
    return {code: name for code, name in db.session.execute(select(AwardType.code, AwardType.name))}


def quota_usage(award_type: AwardType, unit: OrgUnit, year: int, extra: int = 0, *,
                on: date | None = None) -> QuotaUsage | None:
    """Quota use of award_type in the unit (counted at its quota unit) and year; None if no
    quota rule is in effect on `on` (default: 31/12 of the year)."""
    day = on or date(year, 12, 31)
    rule = next((r for r in _effective_rules(award_type, day) if r.kind is RuleKind.QUOTA_RATIO), None)
    if rule is None:
        return None
    return _usage(award_type, rule, quota_unit(unit), year, extra)


_EVALUATORS = {
    RuleKind.CONSECUTIVE_TITLE: _consecutive,
    RuleKind.INITIATIVE_SCOPE: _initiatives,
    RuleKind.PERFORMANCE_RATING: _rating,
    RuleKind.NO_DISCIPLINE: _discipline,
    RuleKind.PRIOR_AWARD: _prior,
    RuleKind.MEMBER_SHARE: _member_share,
}


def _evaluate(ctx: _Context, rules: list[EligibilityRule]) -> list[RuleResult]:
    results = []
    for rule in rules:
        try:
            if rule.kind is RuleKind.QUOTA_RATIO:
                outcome, text = _quota(ctx, rule.params, rule)
            else:
                outcome, text = _EVALUATORS[rule.kind](ctx, rule.params)
        except (KeyError, ValueError, TypeError) as exc:
            outcome, text = RuleOutcome.NEEDS_EVIDENCE, f"Tham số của quy định chưa hợp lệ ({exc}); cần thư ký kiểm tra."
        results.append(RuleResult(rule_id=rule.id, kind=rule.kind, description=rule.description,
                                  legal_basis=rule.legal_basis, outcome=outcome, explanation=text))
    return results


def evaluate_eligibility(award_type: AwardType, *, person: Person | None = None, unit: OrgUnit | None = None,
                         year: int, on: date, evidence: EligibilityEvidence | None = None) -> list[RuleResult]:
    """Evaluate every rule of award_type in effect on `on` for one person or one collective."""
    if (person is None) == (unit is None):
        raise ServiceError("Cần chọn đúng một đối tượng: cá nhân hoặc tập thể.")
    subject = SubjectType.INDIVIDUAL if person is not None else SubjectType.COLLECTIVE
    if not award_type.subject_scope.admits(subject):
        raise ServiceError(f"{award_type.name} không xét cho {subject.label.lower()}.")
    if person is not None:
        facts: LedgerFacts = people_facts([person.id])[person.id]
        ctx_unit, name = quota_unit(person.unit), person.full_name
    else:
        assert unit is not None
        facts, ctx_unit, name = unit_facts(unit), unit, unit.short_name
    ctx = _Context(award=award_type, subject=subject, name=name, year=year, facts=facts,
                   evidence=evidence or EligibilityEvidence(), unit=ctx_unit, award_names=_award_names())
    return _evaluate(ctx, _effective_rules(award_type, on))


def is_eligible(results: list[RuleResult]) -> bool:
    return all(r.passed for r in results)


@dataclass(frozen=True)
class Prospect:
    """An award a person could receive next year on ledger facts, and what is still missing."""

    award_code: str
    award_name: str
    results: tuple[RuleResult, ...]

    @property
    def pending(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if not r.passed)


@dataclass(frozen=True)
class PersonProspects:
    person_id: int
    full_name: str
    unit_name: str
    prospects: tuple[Prospect, ...]


def eligible_next_year(unit: OrgUnit, year: int, *, on: date | None = None) -> list[PersonProspects]:
    """For each person of the unit and its sub-units: the individual award types whose rules
    for `year + 1` no ledger fact rules out (nothing FAILs; some may still need evidence)."""
    target = year + 1
    day = on or date(target, 12, 31)
    awards = list(db.session.scalars(
        select(AwardType).where(AwardType.is_active.is_(True)).options(selectinload(AwardType.rules))
        .order_by(AwardType.position, AwardType.code)))
    individual = [a for a in awards if a.subject_scope.admits(SubjectType.INDIVIDUAL) and _effective_rules(a, day)]
    people = list(db.session.scalars(
        select(Person).where(Person.unit_id.in_(subtree_unit_ids(unit.id)))
        .options(selectinload(Person.unit)).order_by(Person.full_name)))
    facts = people_facts([p.id for p in people])
    names = {a.code: a.name for a in awards}
    out = []
    for person in people:
        prospects = []
        for award in individual:
            ctx = _Context(award=award, subject=SubjectType.INDIVIDUAL, name=person.full_name, year=target,
                           facts=facts[person.id], evidence=EligibilityEvidence(), unit=quota_unit(person.unit),
                           award_names=names)
            rules = [r for r in _effective_rules(award, day) if r.kind is not RuleKind.QUOTA_RATIO]
            results = _evaluate(ctx, rules)
            if rules and all(r.outcome is not RuleOutcome.FAIL for r in results):
                prospects.append(Prospect(award.code, award.name, tuple(results)))
        out.append(PersonProspects(person.id, person.full_name, person.unit.short_name, tuple(prospects)))
    return out
