"""The initiative demo loader: the article's figures, ~150 more, real files, idempotent."""
from decimal import Decimal

from sqlalchemy import func, select

from app.demo import foundation, initiatives
from app.models import InfluenceScope, Initiative, InitiativeStatus
from app.services.evidence import evidence_path, verify_evidence


def test_demo_initiatives_load_once_with_real_figures_and_files(db):
    foundation.load()
    lines = initiatives.load()
    db.session.commit()
    assert "150" in lines[0]
    total = db.session.scalar(select(func.count(Initiative.id)))
    assert total == len(initiatives.ARTICLE) + initiatives.GENERATED
    gia_lam = db.session.scalars(select(Initiative).where(
        Initiative.title == "Ngày thứ Ba không viết, không giấy hẹn")).one()
    assert gia_lam.owner_unit.code == "GIA_LAM" and gia_lam.scope is InfluenceScope.CITY
    assert gia_lam.status is InitiativeStatus.RECOGNISED
    figures = {m.label: m.value for m in gia_lam.metrics}
    assert figures["Hồ sơ trả kết quả trong 2 giờ làm việc"] == Decimal(20000)
    assert figures["Thủ tục hành chính cấp huyện trả kết quả trong 2 giờ làm việc"] == Decimal(28)
    assert all(verify_evidence(f) and evidence_path(f).read_bytes()[:4] in (b"%PDF", b"\x89PNG")
               for f in gia_lam.evidence)
    scopes = set(db.session.scalars(select(Initiative.scope).distinct()))
    assert {InfluenceScope.UNIT, InfluenceScope.CITY, InfluenceScope.NATIONAL} <= scopes
    assert initiatives.load() == ["Sáng kiến mẫu: đã có, bỏ qua."]
    assert db.session.scalar(select(func.count(Initiative.id))) == total
