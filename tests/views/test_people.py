"""People list (Vietnamese order, filters, pagination, scope), detail, create and edit."""
from sqlalchemy import select

from app.extensions import db as _db
from app.models import AuditEntry, Gender, OrgUnitKind, Person, Role


def test_list_sorted_the_vietnamese_way_and_filtered(client, login_as, make_user, make_unit, make_person, db):
    unit = make_unit("Huyện Gia Lâm", kind=OrgUnitKind.DISTRICT)
    commune = make_unit("Xã Bát Tràng", kind=OrgUnitKind.COMMUNE, parent=unit)
    for name in ["Trần Văn Bình", "Nguyễn Thị Ánh", "Lê Thị An", "Đỗ Đức Đạt", "Phạm Dũng"]:
        make_person(name, unit=commune, gender=Gender.FEMALE if "Thị" in name else Gender.MALE)
    make_person("Vũ Văn Khác", unit=make_unit("Nơi khác"))
    c = login_as(make_user(roles={Role.VIEWER}))
    page = c.get(f"/people/?unit={unit.id}").get_data(as_text=True)
    positions = [page.index(n) for n in ["Lê Thị An", "Nguyễn Thị Ánh", "Trần Văn Bình", "Phạm Dũng", "Đỗ Đức Đạt"]]
    assert positions == sorted(positions) and "Vũ Văn Khác" not in page
    page = c.get("/people/?q=DAT").get_data(as_text=True)
    assert "Đỗ Đức Đạt" in page and "Phạm Dũng" not in page
    page = c.get("/people/?gender=female").get_data(as_text=True)
    assert "Lê Thị An" in page and "Phạm Dũng" not in page
    assert "Lựa chọn không hợp lệ." in c.get("/people/?gender=robot").get_data(as_text=True)


def test_pagination(app, client, login_as, make_user, make_unit, make_person, db):
    unit = make_unit("Sở")
    for i in range(app.config["PER_PAGE"] + 3):
        make_person(f"Nguyễn Văn Số{i:02d}", unit=unit)
    c = login_as(make_user(roles={Role.SECRETARIAT}))
    first = c.get("/people/").get_data(as_text=True)
    second = c.get("/people/?page=2").get_data(as_text=True)
    assert "Trang 1/2" in first and "Nguyễn Văn Số00" in first
    assert "Trang 2/2" in second and "Nguyễn Văn Số00" not in second
    assert c.get("/people/?page=99").status_code == 200


def test_unit_officer_sees_and_edits_only_own_people(client, login_as, make_user, make_unit, make_person, db):
    mine = make_unit("Quận Hai Bà Trưng", kind=OrgUnitKind.DISTRICT)
    ward = make_unit("Phường Bạch Đằng", kind=OrgUnitKind.COMMUNE, parent=mine)
    other = make_unit("Huyện Gia Lâm", kind=OrgUnitKind.DISTRICT)
    own, stranger = make_person("Trịnh Thị Hồng Nhung", unit=ward), make_person("Lê Thị Thu Hằng", unit=other)
    c = login_as(make_user(roles={Role.UNIT_OFFICER}, unit=mine))
    page = c.get("/people/").get_data(as_text=True)
    assert own.full_name in page and stranger.full_name not in page
    assert c.get(f"/people/{stranger.id}").status_code == 403
    assert c.get(f"/people/{stranger.id}/edit").status_code == 403
    # choosing another unit's id in the form is refused and changes nothing
    resp = c.post(f"/people/{own.id}/edit", data={"full_name": "Tên mới", "gender": "female", "unit_id": other.id,
                                                  "version_id": own.version_id})
    assert "Lựa chọn không hợp lệ." in resp.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Person, own.id).full_name == "Trịnh Thị Hồng Nhung"


def test_create_person_audited_and_bad_input(client, login_as, make_user, make_unit, db):
    unit = make_unit("Sở Nội vụ")
    c = login_as(make_user(roles={Role.SECRETARIAT}))
    page = c.post("/people/new", data={"full_name": "Nguyễn  Văn   Giữ", "gender": "male", "birth_year": "19x0",
                                       "unit_id": unit.id, "position": "P" * 501}).get_data(as_text=True)
    assert "Vui lòng nhập một số nguyên." in page and "Chức vụ tối đa 500 ký tự." in page
    assert 'value="Nguyễn  Văn   Giữ"' in page
    page = c.post("/people/new", data={"full_name": "", "gender": "male", "birth_year": "1800",
                                       "unit_id": unit.id}).get_data(as_text=True)
    assert "Vui lòng nhập họ và tên." in page and "Năm sinh phải trong khoảng 1900–2100." in page
    assert db.session.scalar(select(_db.func.count()).select_from(Person)) == 0
    resp = c.post("/people/new", data={"full_name": "Nguyễn  Văn   Mới", "gender": "male", "birth_year": "1980",
                                       "unit_id": unit.id, "position": "Chuyên viên"})
    assert resp.status_code == 302
    person = db.session.scalar(select(Person))
    assert person.full_name == "Nguyễn Văn Mới" and person.sort_key
    assert db.session.scalar(select(AuditEntry.action).where(AuditEntry.object_type == "people")) == "person.create"


def test_edit_conflict(client, login_as, make_user, make_person, db):
    person = make_person("Nguyễn Văn An")
    c = login_as(make_user(roles={Role.ADMIN}))
    data = {"full_name": "Nguyễn Văn Anh", "gender": "male", "unit_id": person.unit_id, "version_id": "1"}
    assert c.post(f"/people/{person.id}/edit", data=data).status_code == 302
    page = c.post(f"/people/{person.id}/edit", data=dict(data, full_name="Khác")).get_data(as_text=True)
    assert "vừa được người khác sửa" in page and 'value="Khác"' in page
    assert c.get("/people/999999").status_code == 404
