"""Demo org units, blocks, people and accounts (Hà Nội, before and after the July 2025 reform).

Idempotent: units are found by code, people by (name, unit), blocks by code, accounts by
username; a second run creates nothing. Data lists live in app/demo/hanoi.py.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from app.demo import hanoi as H
from app.extensions import db
from app.models import BlockMembership, EmulationBlock, Gender, OrgUnit, OrgUnitKind, Person, Role, User
from app.models.text import fold
from app.services.accounts import create_user
from app.services.org import close_unit, merge_units

K = OrgUnitKind
ACCOUNTS = [
    ("admin", "Quản trị hệ thống", {Role.ADMIN}, None),
    ("thuky", "Nguyễn Thị Thu Hà", {Role.SECRETARIAT}, "BAN_TDKT"),
    ("gialam", "Cán bộ TĐKT huyện Gia Lâm", {Role.UNIT_OFFICER}, "GIA_LAM"),
    ("namtuliem", "Cán bộ TĐKT quận Nam Từ Liêm", {Role.UNIT_OFFICER}, "NAM_TU_LIEM"),
    ("haibatrung", "Cán bộ TĐKT quận Hai Bà Trưng", {Role.UNIT_OFFICER}, "HAI_BA_TRUNG"),
] + [(f"hoidong{i}", f"Thành viên Hội đồng {i}", {Role.COUNCIL_MEMBER}, None) for i in range(1, 10)]
OLD_ORDER_END = H.REFORM_DAY - timedelta(days=1)
DEMO_DISTRICTS = ("GIA_LAM", "NAM_TU_LIEM", "HAI_BA_TRUNG")


def district_code(name: str) -> str:
    """UBND_TP's district codes, shared with the other demo loaders (Q_BA_DINH, GIA_LAM…)."""
    return H.SPECIAL_CODES.get(name) or "Q_" + fold(name).upper().replace(" ", "_")


def named_person(full_name: str) -> Person | None:
    """A person named in the seed article, by exact full name (e.g. "Vũ Đức Duy")."""
    return db.session.scalar(select(Person).where(Person.full_name == full_name).order_by(Person.id).limit(1))


def unit(code: str) -> OrgUnit | None:
    return db.session.scalar(select(OrgUnit).where(OrgUnit.code == code))


_unit = unit  # older name used by other loaders


def _ensure(code: str, kind: OrgUnitKind, name: str, short: str, parent: OrgUnit | None,
            valid_from: date = date(2008, 8, 1)) -> OrgUnit:
    found = unit(code)
    if found is None:
        found = OrgUnit(code=code, kind=kind, name=name, short_name=short, parent=parent, valid_from=valid_from)
        db.session.add(found)
        db.session.flush()
    return found


def _units() -> None:
    code, kind, name, short = H.CITY
    city = _ensure(code, kind, name, short, None, date(2008, 8, 1))
    for code, kind, name, short, parent in H.CITY_BODIES:
        _ensure(code, kind, name, short, unit(parent))
    for code, name, short in H.DEPARTMENTS:
        _ensure(code, K.DEPARTMENT, name, short, city)
    for code, name, short, parent in H.SUB_UNITS:
        _ensure(code, K.SUB_UNIT, name, short, unit(parent))
    for name, word in H.DISTRICTS:
        start = date(2014, 4, 1) if name in H.FORMED_2014 else date(2008, 8, 1)
        district = _ensure(district_code(name), K.DISTRICT, f"Ủy ban nhân dân {word} {name}",
                           f"{word.capitalize()} {name}", city, start)
        if district.code in DEMO_DISTRICTS:
            for suffix, long_pattern, short_name in H.DISTRICT_OFFICES:
                _ensure(f"{district.code}_{suffix}",
                        K.SUB_UNIT, long_pattern.format(of=f"{word} {name}", full=district.name),
                        f"{short_name} {name}", district, start)
    for parent_code, rows in H.COMMUNES.items():
        parent = unit(parent_code)
        for code, word, name in rows:
            _ensure(code, K.COMMUNE, f"Ủy ban nhân dân {word} {name}", f"{word.capitalize()} {name}", parent,
                    parent.valid_from)
    for code, name, short, parent in H.HAMLETS:
        _ensure(code, K.SUB_UNIT, name, short, unit(parent))


def _reform() -> int:
    """Close the district level on 30/06/2025 and create the illustrative new communes."""
    if unit(H.REFORM[0][0]) is not None:
        return 0
    city = unit("UBND_TP")
    created = 0
    for code, word, name, old_codes in H.REFORM:
        merge_units([unit(c) for c in old_codes], code=code, kind=K.COMMUNE, name=f"Ủy ban nhân dân {word} {name}",
                    short_name=f"{word.capitalize()} {name} (mới)", parent=city, effective_on=H.REFORM_DAY,
                    legal_basis=H.REFORM_BASIS, by=None)
        created += 1
    for name, _word in H.DISTRICTS:
        close_unit(unit(district_code(name)), valid_to=OLD_ORDER_END, by=None)
    return created


def _blocks() -> None:
    districts = {district_code(n): w for n, w in H.DISTRICTS}
    for code, name, members, leader in H.BLOCKS:
        block = db.session.scalar(select(EmulationBlock).where(EmulationBlock.code == code))
        if block is not None:
            continue
        block = EmulationBlock(code=code, name=name)
        db.session.add(block)
        if members is None:
            members = [c for c, w in districts.items() if (w == "quận") == (code == "KHOI_QUAN")]
        for year in (2023, 2024):
            for member in members:
                block.memberships.append(BlockMembership(unit=unit(member), year=year, is_leader=member == leader))
    db.session.flush()


def _people() -> int:
    existing = set(db.session.execute(select(Person.full_name, Person.unit_id)).all())
    added = 0

    def add(full_name: str, female: bool, birth: int, position: str, where: OrgUnit) -> None:
        nonlocal added
        if (full_name, where.id) not in existing:
            db.session.add(Person(full_name=full_name, gender=Gender.FEMALE if female else Gender.MALE,
                                  birth_year=birth, position=position, unit=where))
            existing.add((full_name, where.id))
            added += 1

    for full_name, female, birth, position, code in H.NAMED_PEOPLE:
        add(full_name, female, birth, position, unit(code))
    plan = [(u, "district", 6) for u in _of_kind(K.DISTRICT)] + [(u, "commune", 4) for u in _of_kind(K.COMMUNE)
                                                                  if u.valid_to is not None]
    plan += [(u, "department", 5) for u in _of_kind(K.DEPARTMENT)] + [(u, "sub_unit", 2) for u in _of_kind(K.SUB_UNIT)]
    for where, level, count in plan:
        rng = random.Random(where.code)  # the same people in each unit on every run
        for i in range(count):
            female = rng.random() < 0.5
            middle = rng.choice(H.MIDDLE_FEMALE if female else H.MIDDLE_MALE)
            given = rng.choice(H.GIVEN_FEMALE if female else H.GIVEN_MALE)
            position = H.POSITIONS[level][i] if i < 2 else rng.choice(H.POSITIONS[level][2:])
            add(f"{rng.choice(H.FAMILY)} {middle} {given}", female, rng.randint(1966, 1998), position, where)
    db.session.flush()
    return added


def _own_codes() -> set[str]:
    """Codes of the units this loader makes (other loaders add units of their own later)."""
    codes = {H.CITY[0], *(c[0] for c in H.CITY_BODIES), *(c[0] for c in H.DEPARTMENTS), *(c[0] for c in H.SUB_UNITS)}
    codes |= {c[0] for c in H.HAMLETS} | {c for rows in H.COMMUNES.values() for c, *_ in rows}
    codes |= {district_code(name) for name, _word in H.DISTRICTS}
    codes |= {f"{d}_{suffix}" for d in DEMO_DISTRICTS for suffix, *_ in H.DISTRICT_OFFICES}
    return codes


def _of_kind(kind: OrgUnitKind) -> list[OrgUnit]:
    return list(db.session.scalars(select(OrgUnit).where(OrgUnit.kind == kind, OrgUnit.code.in_(_own_codes()))
                                   .order_by(OrgUnit.code)))


def load() -> list[str]:
    from app.demo import DEMO_PASSWORD

    _units()
    reformed = _reform()
    _blocks()
    added = _people()
    created = []
    for username, full_name, roles, unit_code in ACCOUNTS:
        if db.session.scalar(select(User.id).where(User.username == username)) is None:
            create_user(username=username, full_name=full_name, password=DEMO_PASSWORD, roles=roles,
                        unit=unit(unit_code) if unit_code else None, by=None)
            created.append(username)
    lines = ["Tài khoản mẫu: " + ", ".join(a[0] for a in ACCOUNTS)]
    if created or added or reformed:
        lines.append(f"Đơn vị, cá nhân mẫu: thêm {added} cá nhân, {reformed} đơn vị mới sau sắp xếp 07/2025; "
                     f"{len(created)} tài khoản.")
    return lines
