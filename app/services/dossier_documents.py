"""The printable nomination dossier (hồ sơ đề nghị khen thưởng) as a plain record for reports/.

Gathers what the dossier declares (summary, results by year, ratings, discipline, linked
initiatives) and what the ledger holds (ratings, awards, discipline), plus the eligibility
result of every rule with its legal basis, into ``reports.NominationDossierData``.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (AwardCategory, AwardRecord, DisciplineRecord, Initiative, Nomination, PerformanceRating,
                        RatingRecord)
from app.services.decision_documents import unit_name_on
from app.services.nomination_eligibility import evaluate_nomination
from reports import EligibilityCheck, InitiativeRecord, NominationDossierData, YearResult

#: How many years of ratings and awards the dossier shows, ending with the considered year.
YEARS_SHOWN = 5


def nomination_dossier_data(nomination: Nomination, *, printed_on: date) -> NominationDossierData:
    """Everything the dossier prints, as of ``printed_on``."""
    person, nominee_unit = nomination.person, nomination.unit
    if person is not None:
        detail = ", ".join(p for p in (person.position, unit_name_on(person.unit, printed_on)) if p)
    else:
        assert nominee_unit is not None
        detail = unit_name_on(nominee_unit.parent, printed_on) if nominee_unit.parent is not None else ""
    report = evaluate_nomination(nomination)
    notes = [report.verdict] if report.rows or report.error else []
    return NominationDossierData(
        nominee=nomination.nominee_name,
        honorific=person.honorific if person is not None else "",
        is_collective=person is None,
        detail=detail,
        unit=unit_name_on(nomination.nominating_unit, printed_on),
        award=nomination.award_type.name,
        campaign=nomination.campaign.name,
        memo_number=nomination.memo_number or "…",
        memo_date=nomination.memo_date or nomination.created_at.date(),
        achievements=_achievements(nomination),
        years=_years(nomination),
        initiatives=tuple(_initiative(i) for i in _initiatives(nomination)),
        discipline=_discipline(nomination),
        eligibility=tuple(EligibilityCheck(
            rule=row.result.description, outcome=row.outcome.value,  # type: ignore[arg-type]
            explanation=row.result.explanation + (f" Ý kiến thẩm định: {row.override.reason}"
                                                  if row.override is not None else ""),
            legal_basis=row.result.legal_basis) for row in report.rows),
        printed_on=printed_on,
        notes=tuple(notes),
    )


def _achievements(nomination: Nomination) -> tuple[str, ...]:
    paragraphs = [p.strip() for p in (nomination.summary or "").split("\n") if p.strip()]
    for entry in sorted(nomination.results_by_year or [], key=lambda e: str(e.get("year", ""))):
        text = str(entry.get("text", "")).strip()
        if text:
            paragraphs.append(f"Năm {entry.get('year')}: {text}")
    return tuple(paragraphs) or ("(Chưa có báo cáo thành tích.)",)


def _subject(model, nomination: Nomination):  # noqa: ANN001, ANN202
    return (model.person_id == nomination.person_id if nomination.person_id is not None
            else model.unit_id == nomination.unit_id)


def _years(nomination: Nomination) -> tuple[YearResult, ...]:
    """Ratings (ledger first, then what the dossier declares) and awards, year by year."""
    last = nomination.considered_year
    first = last - YEARS_SHOWN + 1
    ratings = {r.year: r.rating for r in db.session.scalars(
        select(RatingRecord).where(_subject(RatingRecord, nomination), RatingRecord.year.between(first, last)))}
    for year, value in (nomination.declared_ratings or {}).items():
        if value and first <= int(year) <= last:
            ratings.setdefault(int(year), PerformanceRating(value))
    awards = db.session.scalars(
        select(AwardRecord).where(_subject(AwardRecord, nomination), AwardRecord.year.between(first, last))
        .options(selectinload(AwardRecord.award_type)).order_by(AwardRecord.year, AwardRecord.id)).all()
    rows = []
    for year in range(first, last + 1):
        held = [a.award_type for a in awards if a.year == year]
        titles = "; ".join(t.name for t in held if t.category is AwardCategory.EMULATION_TITLE)
        forms = "; ".join(t.name for t in held if t.category is AwardCategory.COMMENDATION)
        if year in ratings or titles or forms:
            rating = ratings[year].label if year in ratings else ""
            rows.append(YearResult(year=year, rating=rating, title=titles, commendation=forms))
    return tuple(rows)


def _initiatives(nomination: Nomination) -> list[Initiative]:
    ids = [i.id for i in nomination.initiatives]
    if not ids:
        return []
    return list(db.session.scalars(select(Initiative).where(Initiative.id.in_(ids))
                                   .options(selectinload(Initiative.recognitions)).order_by(Initiative.title)))


def _initiative(initiative: Initiative) -> InitiativeRecord:
    """The initiative with its widest recognition (the scope that counts for titles)."""
    best = max(initiative.recognitions, key=lambda r: (list(type(r.scope)).index(r.scope), r.decision_date or date.min),
               default=None)
    if best is None:
        return InitiativeRecord(name=initiative.title,
                                scope=initiative.scope.label if initiative.scope else "Chưa được công nhận")
    return InitiativeRecord(name=initiative.title, scope=best.scope.label, recognised_by=best.recognised_by,
                            year=best.decision_date.year if best.decision_date else None)


def _discipline(nomination: Nomination) -> tuple[str, ...]:
    lines = []
    if nomination.discipline_measure is not None:
        lines.append(f"{nomination.discipline_measure.label} (năm {nomination.discipline_year}, theo hồ sơ kê khai)")
    if nomination.person_id is not None:
        for record in db.session.scalars(select(DisciplineRecord).where(
                DisciplineRecord.person_id == nomination.person_id).order_by(DisciplineRecord.year)):
            text = f"{record.measure.label} (năm {record.year})"
            if record.note:
                text += f": {record.note}"
            if not any(line.startswith(f"{record.measure.label} (năm {record.year}") for line in lines):
                lines.append(text)
    return tuple(lines)
