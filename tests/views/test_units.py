"""Unit tree (search without diacritics, effective dates, constant queries), detail, create, edit."""
from datetime import date

from sqlalchemy import select

from app.extensions import db as _db
from app.models import AuditEntry, OrgUnit, OrgUnitKind, Role


def _tree(make_unit):
    city = make_unit("Ủy ban nhân dân thành phố Hà Nội", short_name="UBND thành phố Hà Nội", kind=OrgUnitKind.CITY_BODY)
    gia_lam = make_unit("Ủy ban nhân dân huyện Gia Lâm", short_name="Huyện Gia Lâm", kind=OrgUnitKind.DISTRICT,
                        parent=city, valid_to=date(2025, 6, 30))
    make_unit("Ủy ban nhân dân xã Bát Tràng", short_name="Xã Bát Tràng", kind=OrgUnitKind.COMMUNE, parent=gia_lam,
              valid_to=date(2025, 6, 30))
    hbt = make_unit("Ủy ban nhân dân quận Hai Bà Trưng", short_name="Quận Hai Bà Trưng", kind=OrgUnitKind.DISTRICT,
                    parent=city)
    return city, gia_lam, hbt


def test_tree_search_ignores_diacritics_and_case(client, login_as, make_user, make_unit, db):
    _tree(make_unit)
    page = login_as(make_user(roles={Role.SECRETARIAT})).get("/units/?q=GIA lam&on=2025-01-01").get_data(as_text=True)
    assert "Huyện Gia Lâm" in page and "UBND thành phố Hà Nội" in page  # the match and its ancestors
    assert "Quận Hai Bà Trưng" not in page
    assert "Tìm thấy <strong>1</strong>" in page


def test_tree_is_effective_dated(client, login_as, make_user, make_unit, db):
    _tree(make_unit)
    c = login_as(make_user(roles={Role.VIEWER}))
    before = c.get("/units/?on=2025-06-30").get_data(as_text=True)
    after = c.get("/units/?on=2025-07-01").get_data(as_text=True)
    assert "Xã Bát Tràng" in before and "Xã Bát Tràng" not in after
    assert c.get("/units/?on=not-a-date").status_code == 400


def test_unit_officer_sees_only_own_subtree(client, login_as, make_user, make_unit, db):
    city, gia_lam, hbt = _tree(make_unit)
    c = login_as(make_user(roles={Role.UNIT_OFFICER}, unit=hbt))
    page = c.get("/units/").get_data(as_text=True)
    assert "Quận Hai Bà Trưng" in page and "UBND thành phố Hà Nội" not in page
    assert c.get(f"/units/{gia_lam.id}").status_code == 403
    assert c.get(f"/units/{hbt.id}").status_code == 200


def test_tree_query_count_is_constant(client, login_as, make_user, make_unit, db, count_queries):
    city = make_unit("Thành phố", kind=OrgUnitKind.CITY_BODY)
    user = make_user(roles={Role.SECRETARIAT})
    c = login_as(user)

    def tree_queries() -> int:
        with count_queries() as counter:
            assert c.get("/units/").status_code == 200
        return counter["n"]

    small = tree_queries()
    for i in range(15):
        district = make_unit(f"Quận {i}", kind=OrgUnitKind.DISTRICT, parent=city)
        make_unit(f"Phường {i}", kind=OrgUnitKind.COMMUNE, parent=district)
    db.session.commit()
    assert tree_queries() == small <= 6


def test_detail_shows_successor(client, login_as, make_user, make_unit, db):
    from app.services.org import merge_units
    city, gia_lam, _ = _tree(make_unit)
    old = make_unit("Ủy ban nhân dân xã Kiêu Kỵ", short_name="Xã Kiêu Kỵ", kind=OrgUnitKind.COMMUNE, parent=city)
    new = merge_units([old], code="XA_GIA_LAM_MOI", kind=OrgUnitKind.COMMUNE, name="Ủy ban nhân dân xã Gia Lâm",
                      short_name="Xã Gia Lâm", parent=city, effective_on=date(2025, 7, 1),
                      legal_basis="Nghị quyết minh họa", by=None)
    page = login_as(make_user(roles={Role.VIEWER})).get(f"/units/{old.id}").get_data(as_text=True)
    assert "Nay là" in page and new.name in page
    assert login_as(make_user(roles={Role.VIEWER})).get("/units/424242").status_code == 404


def test_create_unit_and_audit(client, login_as, make_user, make_unit, db):
    city = make_unit("Thành phố", kind=OrgUnitKind.CITY_BODY)
    c = login_as(make_user(roles={Role.SECRETARIAT}))
    resp = c.post("/units/new", data={"code": "so_moi", "kind": "department", "name": "Sở Mới thành phố",
                                      "short_name": "Sở Mới", "parent_id": city.id, "valid_from": "2024-01-01"})
    assert resp.status_code == 302
    unit = db.session.scalar(select(OrgUnit).where(OrgUnit.code == "SO_MOI"))
    assert unit.parent_id == city.id and unit.search_name.startswith("so moi")
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "unit.create")).object_id == unit.id


def test_bad_input_shows_vietnamese_errors_and_keeps_input(client, login_as, make_user, make_unit, db):
    make_unit("Đã có", code="DA_CO")
    c = login_as(make_user(roles={Role.ADMIN}))
    count = db.session.scalar(select(_db.func.count()).select_from(OrgUnit))
    page = c.post("/units/new", data={"code": "da_co", "kind": "department", "name": "X" * 501,
                                      "short_name": "Tên giữ lại", "valid_from": "31/02/2024",
                                      "parent_id": "99999"}).get_data(as_text=True)
    assert "Tên đầy đủ tối đa 500 ký tự." in page
    assert "Ngày không hợp lệ." in page
    assert "Lựa chọn không hợp lệ." in page
    assert 'value="Tên giữ lại"' in page
    page = c.post("/units/new", data={"code": "da_co", "kind": "nonsense", "name": "A", "short_name": "A",
                                      "valid_from": "2024-01-01"}).get_data(as_text=True)
    assert "Lựa chọn không hợp lệ." in page
    page = c.post("/units/new", data={"code": "da_co", "kind": "department", "name": "A", "short_name": "A",
                                      "valid_from": "2024-01-01", "valid_to": "2023-01-01"}).get_data(as_text=True)
    assert "Mã đơn vị đã được dùng cho đơn vị khác." in page or "Ngày hết hiệu lực" in page
    assert db.session.scalar(select(_db.func.count()).select_from(OrgUnit)) == count


def test_edit_conflict_is_refused_with_a_clear_message(client, login_as, make_user, make_unit, db):
    unit = make_unit("Sở Cũ", code="SO_CU")
    c = login_as(make_user(roles={Role.SECRETARIAT}))
    data = {"code": "SO_CU", "kind": "department", "name": "Sở Cũ đổi tên", "short_name": "Sở Cũ",
            "valid_from": "2000-01-01", "version_id": str(unit.version_id)}
    assert c.post(f"/units/{unit.id}/edit", data=data).status_code == 302
    page = c.post(f"/units/{unit.id}/edit", data=dict(data, name="Lần hai")).get_data(as_text=True)  # stale version
    assert "vừa được người khác sửa" in page
    db.session.expire_all()
    assert db.session.get(OrgUnit, unit.id).name == "Sở Cũ đổi tên"


def test_cannot_make_a_unit_its_own_ancestor(client, login_as, make_user, make_unit, db):
    parent = make_unit("Cha")
    child = make_unit("Con", parent=parent)
    c = login_as(make_user(roles={Role.ADMIN}))
    page = c.post(f"/units/{parent.id}/edit", data={"code": parent.code, "kind": "department", "name": "Cha",
                                                    "short_name": "Cha", "valid_from": "2000-01-01",
                                                    "parent_id": child.id}).get_data(as_text=True)
    assert "Lựa chọn không hợp lệ." in page  # descendants are not even offered


def test_officer_of_a_dissolved_unit_sees_its_last_day(client, login_as, make_user, make_unit, db):
    gia_lam = make_unit("Ủy ban nhân dân huyện Gia Lâm", short_name="Huyện Gia Lâm", kind=OrgUnitKind.DISTRICT,
                        valid_to=date(2025, 6, 30))
    page = login_as(make_user(roles={Role.UNIT_OFFICER}, unit=gia_lam)).get("/units/").get_data(as_text=True)
    assert "Huyện Gia Lâm" in page and "30/06/2025" in page
