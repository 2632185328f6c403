"""Demo org units, blocks, people and accounts (Hà Nội, before and after the July 2025 reform)."""
from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import OrgUnit, OrgUnitKind, Role, User
from app.services.accounts import create_user

CITY = ("UBND_TP", OrgUnitKind.CITY_BODY, "Ủy ban nhân dân thành phố Hà Nội", "UBND thành phố Hà Nội")
UNITS = [
    ("GIA_LAM", OrgUnitKind.DISTRICT, "Ủy ban nhân dân huyện Gia Lâm", "Huyện Gia Lâm"),
    ("NAM_TU_LIEM", OrgUnitKind.DISTRICT, "Ủy ban nhân dân quận Nam Từ Liêm", "Quận Nam Từ Liêm"),
    ("HAI_BA_TRUNG", OrgUnitKind.DISTRICT, "Ủy ban nhân dân quận Hai Bà Trưng", "Quận Hai Bà Trưng"),
]
ACCOUNTS = [
    ("admin", "Quản trị hệ thống", {Role.ADMIN}, None),
    ("thuky", "Nguyễn Thị Thu Hà", {Role.SECRETARIAT}, None),
    ("gialam", "Cán bộ TĐKT huyện Gia Lâm", {Role.UNIT_OFFICER}, "GIA_LAM"),
    ("namtuliem", "Cán bộ TĐKT quận Nam Từ Liêm", {Role.UNIT_OFFICER}, "NAM_TU_LIEM"),
    ("haibatrung", "Cán bộ TĐKT quận Hai Bà Trưng", {Role.UNIT_OFFICER}, "HAI_BA_TRUNG"),
] + [(f"hoidong{i}", f"Thành viên Hội đồng {i}", {Role.COUNCIL_MEMBER}, None) for i in range(1, 10)]


def _unit(code: str) -> OrgUnit | None:
    return db.session.scalar(select(OrgUnit).where(OrgUnit.code == code))


def load() -> list[str]:
    from app.demo import DEMO_PASSWORD

    if _unit(CITY[0]) is None:
        code, kind, name, short = CITY
        city = OrgUnit(code=code, kind=kind, name=name, short_name=short)
        db.session.add(city)
        for code, kind, name, short in UNITS:
            db.session.add(OrgUnit(code=code, kind=kind, name=name, short_name=short, parent=city))
        db.session.flush()
    created = []
    for username, full_name, roles, unit_code in ACCOUNTS:
        if db.session.scalar(select(User.id).where(User.username == username)) is None:
            create_user(username=username, full_name=full_name, password=DEMO_PASSWORD, roles=roles,
                        unit=_unit(unit_code) if unit_code else None, by=None)
            created.append(username)
    lines = ["Tài khoản mẫu: " + ", ".join(a[0] for a in ACCOUNTS)]
    if created:
        lines.append(f"Đã tạo {len(created)} tài khoản mẫu.")
    return lines
