"""Org services: create/update checks, close with sub-units, merges with successor links, audit."""
from datetime import date

import pytest
from sqlalchemy import select

from app.models import AuditEntry, OrgUnitKind, Role, UnitSuccession
from app.services.errors import ConflictError, ServiceError
from app.services.org import build_tree, close_unit, create_unit, descendant_ids, merge_units, update_unit


def test_create_unit_refuses_duplicate_codes_and_bad_dates(make_unit, db):
    make_unit("Sở A", code="SO_A")
    with pytest.raises(ServiceError) as err:
        create_unit(code="so_a", kind=OrgUnitKind.DEPARTMENT, name="B", short_name="B", parent=None,
                    valid_from=date(2020, 1, 1), by=None)
    assert err.value.field == "code"
    with pytest.raises(ServiceError) as err:
        create_unit(code="SO_B", kind=OrgUnitKind.DEPARTMENT, name="B", short_name="B", parent=None,
                    valid_from=date(2020, 1, 1), valid_to=date(2019, 1, 1), by=None)
    assert err.value.field == "valid_to"


def test_update_refuses_cycles_and_stale_versions(make_unit, make_user, db):
    parent = make_unit("Cha")
    child = make_unit("Con", parent=parent)
    admin = make_user(roles={Role.ADMIN})
    values = dict(code=parent.code, kind=parent.kind, name="Cha", short_name="Cha", valid_from=parent.valid_from,
                  valid_to=None, by=admin)
    with pytest.raises(ServiceError, match="cấp dưới"):
        update_unit(parent, parent=child, version_id=parent.version_id, **values)
    with pytest.raises(ConflictError, match="vừa được người khác sửa"):
        update_unit(parent, parent=None, version_id=parent.version_id + 1, **values)


def test_close_unit_closes_open_sub_units(make_unit, db):
    district = make_unit("Huyện", kind=OrgUnitKind.DISTRICT)
    commune = make_unit("Xã", kind=OrgUnitKind.COMMUNE, parent=district)
    closed = close_unit(district, valid_to=date(2025, 6, 30), by=None)
    assert {u.id for u in closed} == {district.id, commune.id}
    assert commune.valid_to == date(2025, 6, 30)
    assert db.session.scalar(select(AuditEntry.action).where(AuditEntry.object_id == district.id)) == "unit.close"


def test_merge_links_predecessors_to_the_successor(make_unit, db):
    city = make_unit("Thành phố", kind=OrgUnitKind.CITY_BODY)
    a = make_unit("Xã Kim Lan", kind=OrgUnitKind.COMMUNE, parent=city)
    b = make_unit("Xã Văn Đức", kind=OrgUnitKind.COMMUNE, parent=city)
    new = merge_units([a, b], code="XA_BAT_TRANG", kind=OrgUnitKind.COMMUNE, name="Ủy ban nhân dân xã Bát Tràng",
                      short_name="Xã Bát Tràng", parent=city, effective_on=date(2025, 7, 1), legal_basis="Minh họa",
                      by=None)
    assert a.valid_to == b.valid_to == date(2025, 6, 30) and new.valid_from == date(2025, 7, 1)
    links = db.session.scalars(select(UnitSuccession).where(UnitSuccession.successor_id == new.id)).all()
    assert {link.predecessor_id for link in links} == {a.id, b.id}
    with pytest.raises(ServiceError):
        merge_units([a], code="X2", kind=OrgUnitKind.COMMUNE, name="X", short_name="X", parent=city,
                    effective_on=date(2025, 8, 1), legal_basis="", by=None)  # a no longer exists then


def test_descendants_and_tree(make_unit, make_user, db):
    city = make_unit("Thành phố", kind=OrgUnitKind.CITY_BODY)
    district = make_unit("Huyện Gia Lâm", kind=OrgUnitKind.DISTRICT, parent=city)
    commune = make_unit("Xã Đa Tốn", kind=OrgUnitKind.COMMUNE, parent=district)
    assert set(descendant_ids(district.id)) == {district.id, commune.id}
    tree = build_tree(make_user(roles={Role.VIEWER}), on=date(2024, 1, 1), query="da ton")
    assert tree.matches == 1 and tree.roots[0].children[0].children[0].unit.id == commune.id
    officer = make_user(roles={Role.UNIT_OFFICER}, unit=district)
    assert [n.unit.id for n in build_tree(officer, on=date(2024, 1, 1)).roots] == [district.id]
