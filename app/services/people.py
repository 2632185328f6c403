"""People (cá nhân): listing with filters in the Vietnamese order, and audited changes."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Gender, OrgUnit, Person, User
from app.models.text import fold, nfc
from app.services.audit import record_audit, snapshot
from app.services.errors import ServiceError, check_version
from app.services.org import descendant_ids

PERSON_FIELDS = ["full_name", "gender", "birth_year", "position", "unit_id"]
CONFLICT_MESSAGE = ("Hồ sơ cá nhân này vừa được người khác sửa sau khi bạn mở trang. "
                    "Vui lòng tải lại trang để xem nội dung mới rồi sửa lại.")


@dataclass(frozen=True)
class PeopleFilter:
    query: str = ""
    unit_id: int | None = None
    gender: Gender | None = None


def people_query(user: User, filters: PeopleFilter) -> Select:
    """People the user may see, filtered, in Vietnamese order (given name first); their unit
    and its parent are loaded with them."""
    stmt = select(Person).options(selectinload(Person.unit).selectinload(OrgUnit.parent))
    if not user.sees_all_units:
        stmt = stmt.where(Person.unit_id.in_(descendant_ids(user.unit_id) if user.unit_id else []))
    if filters.unit_id:
        stmt = stmt.where(Person.unit_id.in_(descendant_ids(filters.unit_id)))
    if filters.gender:
        stmt = stmt.where(Person.gender == filters.gender)
    needle = fold(filters.query)
    if needle:
        stmt = stmt.where(Person.search_name.contains(needle, autoescape=True))
    return stmt.order_by(Person.sort_key, Person.id)


def _check(full_name: str, unit: OrgUnit | None, by: User) -> None:
    if not full_name:
        raise ServiceError("Vui lòng nhập họ và tên.", "full_name")
    if unit is None:
        raise ServiceError("Vui lòng chọn đơn vị.", "unit_id")
    if not by.in_scope(unit):
        raise ServiceError("Bạn chỉ được chọn đơn vị của mình hoặc đơn vị trực thuộc.", "unit_id")


def create_person(*, full_name: str, gender: Gender, birth_year: int | None, position: str,
                  unit: OrgUnit | None, by: User) -> Person:
    full_name = " ".join((nfc(full_name) or "").split())
    _check(full_name, unit, by)
    person = Person(full_name=full_name, gender=gender, birth_year=birth_year,
                    position=nfc(position) or "", unit=unit)
    db.session.add(person)
    record_audit("person.create", by=by, obj=person, after=snapshot(person, PERSON_FIELDS),
                 summary=f"Thêm cá nhân {full_name}")
    return person


def update_person(person: Person, *, full_name: str, gender: Gender, birth_year: int | None, position: str,
                  unit: OrgUnit | None, version_id: int | None, by: User) -> Person:
    check_version(person, version_id, CONFLICT_MESSAGE)
    full_name = " ".join((nfc(full_name) or "").split())
    _check(full_name, unit, by)
    before = snapshot(person, PERSON_FIELDS)
    person.full_name, person.gender, person.birth_year = full_name, gender, birth_year
    person.position, person.unit = nfc(position) or "", unit
    db.session.flush()
    record_audit("person.update", by=by, obj=person, before=before, after=snapshot(person, PERSON_FIELDS),
                 summary=f"Sửa cá nhân {full_name}")
    return person
