"""The foundation demo data: Hà Nội units, reform, named people, ≥ 400 people, idempotent."""
from datetime import date

from sqlalchemy import func, select

from app.demo import foundation
from app.models import OrgUnit, OrgUnitKind, Person, UnitSuccession, User


def test_foundation_demo_is_complete_and_idempotent(db):
    foundation.load()
    db.session.commit()
    counts = (db.session.scalar(select(func.count()).select_from(OrgUnit)),
              db.session.scalar(select(func.count()).select_from(Person)))
    foundation.load()
    db.session.commit()
    assert (db.session.scalar(select(func.count()).select_from(OrgUnit)),
            db.session.scalar(select(func.count()).select_from(Person))) == counts
    assert counts[1] >= 400
    districts = db.session.scalars(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.DISTRICT)).all()
    assert len(districts) == 30 and all(d.valid_to == date(2025, 6, 30) for d in districts)
    gia_lam = foundation.unit("GIA_LAM")
    assert len([c for c in gia_lam.children if c.kind is OrgUnitKind.COMMUNE]) == 22
    assert foundation.unit("HD_TDKT_TP").parent.code == "UBND_TP"
    for code in ("UBND_TP", "NAM_TU_LIEM", "HAI_BA_TRUNG", "CUC_THUE", "SO_QHKT", "XA_TAM_HIEP", "TDP7_DUC_THANG"):
        assert foundation.unit(code) is not None, code
    assert foundation.named_person("Nghiêm Thị Phương Chi").unit.code == "XA_TAM_HIEP"
    assert foundation.named_person("Vũ Đức Duy").unit.code == "SO_QHKT"
    assert foundation.named_person("Nguyễn Mạnh Hoạt").unit.code == "P_DUC_THANG"
    bat_trang = foundation.unit("XA_BAT_TRANG")
    assert bat_trang.valid_from == date(2025, 7, 1)
    assert db.session.scalar(select(func.count()).select_from(UnitSuccession)
                             .where(UnitSuccession.successor_id == bat_trang.id)) == 4
    genders = set(db.session.scalars(select(Person.gender).distinct()))
    assert len(genders) == 2
    assert db.session.scalar(select(User).where(User.username == "gialam")).unit.code == "GIA_LAM"


def test_people_only_in_own_units_so_later_loaders_do_not_change_a_rerun(db):
    foundation.load()
    city = foundation.unit("UBND_TP")
    db.session.add(OrgUnit(code="OTHER_LOADER_UNIT", kind=OrgUnitKind.SUB_UNIT, name="Khác", short_name="Khác",
                           parent=city))
    db.session.commit()
    before = db.session.scalar(select(func.count()).select_from(Person))
    foundation.load()
    assert db.session.scalar(select(func.count()).select_from(Person)) == before
