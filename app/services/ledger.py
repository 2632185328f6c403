"""The award-history ledger: recording titles and forms received, annual ratings, and discipline."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.models import (
    AwardRecord, AwardType, DisciplineMeasure, DisciplineRecord, OrgUnit, PerformanceRating, Person, RatingRecord,
    RecordSource, User,
)
from app.models.text import fold
from app.services.audit import record_audit, snapshot
from app.services.errors import ServiceError
from app.services.ledger_facts import subtree_unit_ids

RECORD_FIELDS = ["person_id", "unit_id", "award_type_id", "year", "decision_number", "decision_date", "issuer", "source"]
MIN_YEAR, MAX_YEAR = 1945, 2100


def records_query(user: User, *, year: int | None = None, award_code: str = "", q: str = "") -> Select:
    """Ledger records the user may see (their unit's subtree unless city-wide), newest first."""
    stmt = (select(AwardRecord).outerjoin(Person, AwardRecord.person_id == Person.id)
            .outerjoin(OrgUnit, AwardRecord.unit_id == OrgUnit.id).join(AwardType)
            .options(joinedload(AwardRecord.person).joinedload(Person.unit), joinedload(AwardRecord.unit),
                     joinedload(AwardRecord.award_type)))
    if not user.sees_all_units:
        ids = subtree_unit_ids(user.unit_id) if user.unit_id else []
        stmt = stmt.where(or_(Person.unit_id.in_(ids), AwardRecord.unit_id.in_(ids)))
    if year:
        stmt = stmt.where(AwardRecord.year == year)
    if award_code:
        stmt = stmt.where(AwardType.code == award_code)
    if q:
        stmt = stmt.where(or_(Person.search_name.contains(fold(q)), OrgUnit.search_name.contains(fold(q))))
    return stmt.order_by(AwardRecord.year.desc(), AwardType.position, AwardRecord.id)


def _check_year(year: int, field: str = "year") -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ServiceError(f"Năm phải trong khoảng {MIN_YEAR}–{MAX_YEAR}.", field)


def _subject_label(person: Person | None, unit: OrgUnit | None) -> str:
    return person.full_name if person is not None else unit.short_name if unit is not None else ""


def check_award_record(award: AwardType, year: int, *, person: Person | None, unit: OrgUnit | None) -> None:
    """Every precondition of a ledger entry (shared with the XLSX import)."""
    if (person is None) == (unit is None):
        raise ServiceError("Chọn đúng một đối tượng: cá nhân hoặc tập thể.", "subject")
    from app.models import SubjectType

    subject = SubjectType.INDIVIDUAL if person is not None else SubjectType.COLLECTIVE
    if not award.subject_scope.admits(subject):
        raise ServiceError(f"{award.name} không dành cho {subject.label.lower()}.", "award_type_id")
    _check_year(year)
    column = AwardRecord.person_id == person.id if person is not None else AwardRecord.unit_id == unit.id
    if db.session.scalar(select(AwardRecord.id).where(column, AwardRecord.award_type_id == award.id,
                                                      AwardRecord.year == year)) is not None:
        raise ServiceError(f"{_subject_label(person, unit)} đã có {award.name} năm {year} trong sổ.", "year")


def add_award_record(award: AwardType, year: int, *, by: User | None, person: Person | None = None,
                     unit: OrgUnit | None = None, decision_number: str = "", decision_date: date | None = None,
                     issuer: str = "", source: RecordSource = RecordSource.MANUAL) -> AwardRecord:
    check_award_record(award, year, person=person, unit=unit)
    if decision_date is not None and decision_date.year < year:
        raise ServiceError("Ngày quyết định không thể trước năm được khen.", "decision_date")
    record = AwardRecord(award_type=award, year=year, person=person, unit=unit, decision_number=decision_number.strip(),
                         decision_date=decision_date, issuer=issuer.strip(), source=source)
    db.session.add(record)
    db.session.flush()
    record_audit("ledger.award_added", by=by, obj=record, after=snapshot(record, RECORD_FIELDS),
                 summary=f"{_subject_label(person, unit)}: {award.name} {year}")
    return record


def remove_award_record(record: AwardRecord, *, by: User) -> None:
    record_audit("ledger.award_removed", by=by, obj=record, before=snapshot(record, RECORD_FIELDS),
                 summary=f"{_subject_label(record.person, record.unit)}: {record.award_type.name} {record.year}")
    db.session.delete(record)
    db.session.flush()


def set_rating(year: int, rating: PerformanceRating, *, by: User, person: Person | None = None,
               unit: OrgUnit | None = None) -> RatingRecord:
    """Record (or correct) the year's rating of a person or collective."""
    if (person is None) == (unit is None):
        raise ServiceError("Chọn đúng một đối tượng: cá nhân hoặc tập thể.")
    _check_year(year)
    column = RatingRecord.person_id == person.id if person is not None else RatingRecord.unit_id == unit.id
    record = db.session.scalar(select(RatingRecord).where(column, RatingRecord.year == year))
    before = {"rating": record.rating} if record else None
    if record is None:
        record = RatingRecord(person=person, unit=unit, year=year, rating=rating)
        db.session.add(record)
    record.rating = rating
    db.session.flush()
    record_audit("ledger.rating", by=by, obj=record, before=before, after={"year": year, "rating": rating},
                 summary=f"{_subject_label(person, unit)} {year}: {rating.label}")
    return record


def add_discipline(person: Person, year: int, measure: DisciplineMeasure, *, by: User,
                   decided_on: date | None = None, note: str = "") -> DisciplineRecord:
    _check_year(year)
    record = DisciplineRecord(person=person, year=year, measure=measure, decided_on=decided_on, note=note.strip())
    db.session.add(record)
    db.session.flush()
    record_audit("ledger.discipline", by=by, obj=record, after={"year": year, "measure": measure},
                 summary=f"{person.full_name} {year}: {measure.label}")
    return record


@dataclass(frozen=True)
class SubjectHistory:
    awards: list[AwardRecord]
    ratings: list[RatingRecord]
    discipline: list[DisciplineRecord]


def person_history(person: Person) -> SubjectHistory:
    return SubjectHistory(
        list(db.session.scalars(select(AwardRecord).where(AwardRecord.person_id == person.id)
                                .options(joinedload(AwardRecord.award_type)).order_by(AwardRecord.year.desc()))),
        list(db.session.scalars(select(RatingRecord).where(RatingRecord.person_id == person.id)
                                .order_by(RatingRecord.year.desc()))),
        list(db.session.scalars(select(DisciplineRecord).where(DisciplineRecord.person_id == person.id)
                                .order_by(DisciplineRecord.year.desc()))))


def unit_history(unit: OrgUnit) -> SubjectHistory:
    return SubjectHistory(
        list(db.session.scalars(select(AwardRecord).where(AwardRecord.unit_id == unit.id)
                                .options(joinedload(AwardRecord.award_type)).order_by(AwardRecord.year.desc()))),
        list(db.session.scalars(select(RatingRecord).where(RatingRecord.unit_id == unit.id)
                                .order_by(RatingRecord.year.desc()))), [])
