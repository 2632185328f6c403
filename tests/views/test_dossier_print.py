"""The printable nomination dossier: nominee, eligibility with legal basis; other units refused."""
from __future__ import annotations

import io

from pypdf import PdfReader

from app.models import OrgUnitKind, Role, RuleKind, SubjectScope
from reports.formatting import nfc


def _text(data: bytes) -> str:
    return nfc(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def test_dossier_pdf_has_nominee_and_legal_basis(db, client, login_as, make_decision, make_user, make_unit,
                                                 make_award_type):
    award = make_award_type("BK_TP", "Bằng khen của Chủ tịch UBND Thành phố", scope=SubjectScope.BOTH,
                            rules=[(RuleKind.PERFORMANCE_RATING, {"min_rating": "htxsnv", "years": 1})])
    award.rules[0].legal_basis = "Khoản 1 Điều 74 Luật Thi đua, khen thưởng 2022"
    decision = make_decision(individuals=1, collectives=0, award_type=award)
    nomination = decision.items[0].nomination
    nomination.summary = "Chủ trì mô hình “Ngày thứ Ba không viết, không giấy hẹn”."
    nomination.declared_ratings = {str(nomination.considered_year): "htxsnv"}
    db.session.commit()
    officer = make_user(roles={Role.UNIT_OFFICER}, unit=nomination.nominating_unit)
    login_as(officer)
    response = client.get(f"/nominations/{nomination.id}/dossier.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(_text(response.data).split())
    assert "Nghiêm Thị Phương Chi" in text and "HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG" in text
    assert "Ngày thứ Ba không viết" in text and "Hoàn thành xuất sắc nhiệm vụ" in text
    assert "Khoản 1 Điều 74 Luật Thi đua, khen thưởng 2022" in text and "Đạt" in text

    other = make_unit("Ủy ban nhân dân quận Hoàn Kiếm", kind=OrgUnitKind.DISTRICT)
    login_as(make_user(roles={Role.UNIT_OFFICER}, unit=other))
    assert client.get(f"/nominations/{nomination.id}/dossier.pdf").status_code == 403
