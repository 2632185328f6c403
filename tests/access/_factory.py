"""The object factory `f` handed to url_args callables (users per role and test objects)."""
from __future__ import annotations

import itertools
from typing import Any, Callable

from werkzeug.security import generate_password_hash

from app.extensions import db
from app.models import Gender, OrgUnit, OrgUnitKind, Person, Role, User

ROLE_OF = {
    "admin": Role.ADMIN,
    "secretariat": Role.SECRETARIAT,
    "unit_officer": Role.UNIT_OFFICER,
    "council_member": Role.COUNCIL_MEMBER,
    "viewer": Role.VIEWER,
}
_seq = itertools.count(1)
# Nobody logs in with a password here; one cheap hash keeps a case fast.
_HASH = generate_password_hash("matkhau123", method="pbkdf2:sha256:1000")


class Factory:
    """Creates what a route needs. The unit officer belongs to `home_unit`; `unit()` makes a
    sub-unit of it (in every role's scope), `unit(outside=True)` one outside it.
    `cache(key, build)` builds an object once per case, for entries sharing objects."""

    def __init__(self) -> None:
        self.db = db
        self.city = self._add(OrgUnit(code="ACC_CITY", kind=OrgUnitKind.CITY_BODY,
                                      name="Ủy ban nhân dân thành phố", short_name="UBND TP"))
        self.home_unit = self._add(OrgUnit(code="ACC_HOME", kind=OrgUnitKind.DISTRICT, parent=self.city,
                                           name="Ủy ban nhân dân huyện Thử", short_name="Huyện Thử"))
        self.other_unit = self._add(OrgUnit(code="ACC_OTHER", kind=OrgUnitKind.DISTRICT, parent=self.city,
                                            name="Ủy ban nhân dân quận Khác", short_name="Quận Khác"))
        self.users: dict[str, User] = {}
        for name, role in ROLE_OF.items():
            user = User(username=f"acc_{name}", full_name=f"Người thử {name}",
                        unit=self.home_unit if role is Role.UNIT_OFFICER else None)
            user.password_hash = _HASH
            user.set_roles({role})
            self.users[name] = self._add(user)
        self._cache: dict[str, Any] = {}

    def _add(self, obj: Any) -> Any:
        db.session.add(obj)
        db.session.flush()
        return obj

    def cache(self, key: str, build: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def unit(self, *, outside: bool = False, kind: OrgUnitKind = OrgUnitKind.COMMUNE, **extra: Any) -> OrgUnit:
        n = next(_seq)
        parent = self.other_unit if outside else self.home_unit
        return self._add(OrgUnit(code=f"ACC_U{n}", kind=kind, parent=extra.pop("parent", parent),
                                 name=extra.pop("name", f"Xã Thử {n}"), short_name=f"Xã Thử {n}", **extra))

    def person(self, *, unit: OrgUnit | None = None, outside: bool = False, **extra: Any) -> Person:
        unit = unit or (self.other_unit if outside else self.home_unit)
        return self._add(Person(full_name=extra.pop("full_name", "Nguyễn Văn Thử"),
                                gender=extra.pop("gender", Gender.MALE), unit=unit, **extra))

    def user(self, *, role: Role = Role.VIEWER, unit: OrgUnit | None = None) -> User:
        user = User(username=f"acc_extra{next(_seq)}", full_name="Tài khoản thử", unit=unit)
        user.password_hash = _HASH
        user.set_roles({role})
        return self._add(user)
