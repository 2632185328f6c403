"""Builders for units, people and users with sensible defaults."""
from __future__ import annotations

import itertools

import pytest

from app.models import Gender, OrgUnit, OrgUnitKind, Person, Role, User

_seq = itertools.count(1)


@pytest.fixture()
def make_unit(db):
    def _make(name: str = "Đơn vị thử nghiệm", *, kind: OrgUnitKind = OrgUnitKind.DEPARTMENT,
              parent: OrgUnit | None = None, code: str | None = None, short_name: str | None = None,
              **extra) -> OrgUnit:
        n = next(_seq)
        unit = OrgUnit(code=code or f"U{n:05d}", kind=kind, name=name,
                       short_name=short_name or name, parent=parent, **extra)
        db.session.add(unit)
        db.session.flush()
        return unit

    return _make


@pytest.fixture()
def make_person(db, make_unit):
    def _make(full_name: str = "Nguyễn Văn An", *, unit: OrgUnit | None = None,
              gender: Gender = Gender.MALE, **extra) -> Person:
        person = Person(full_name=full_name, gender=gender, unit=unit or make_unit(), **extra)
        db.session.add(person)
        db.session.flush()
        return person

    return _make


@pytest.fixture()
def make_user(db):
    def _make(username: str | None = None, *, roles: set[Role] | None = None,
              unit: OrgUnit | None = None, password: str = "matkhau123", full_name: str = "Người dùng thử",
              is_active: bool = True) -> User:
        user = User(username=username or f"user{next(_seq)}", full_name=full_name, unit=unit,
                    is_active_account=is_active)
        user.set_password(password)
        user.set_roles(roles if roles is not None else {Role.VIEWER})
        db.session.add(user)
        db.session.flush()
        return user

    return _make
