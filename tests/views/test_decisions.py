"""Decision pages, exports and the public verification page."""
from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from sqlalchemy import func, select

from app.models import Decision, DecisionStatus, Role, VerificationLog
from app.services.decisions import revoke_certificate


def test_secretariat_issues_from_the_page(db, client, login_as, make_decision, make_user):
    decision = make_decision()
    login_as(make_user(roles={Role.SECRETARIAT}))
    response = client.post(f"/decisions/{decision.id}/issue", data={"number": "100",
                                                                    "version_id": decision.version_id})
    assert response.status_code == 302
    page = client.get(f"/decisions/{decision.id}").get_data(as_text=True)
    assert "Đã ban hành Quyết định số 100/QĐ-UBND" in page
    db.session.expire_all()
    assert db.session.get(Decision, decision.id).status is DecisionStatus.ISSUED


def test_create_form_keeps_input_on_error(db, client, login_as, make_user, make_unit):
    login_as(make_user(roles={Role.SECRETARIAT}))
    response = client.post("/decisions/new", data={"subject": "Trích yếu của tôi", "decided_on": "sai"})
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "Trích yếu của tôi" in body and "dd/mm/yyyy" in body


def test_exports_have_every_row(db, client, login_as, make_decision, make_user):
    decision = make_decision(individuals=3, collectives=2, issued=True)
    login_as(make_user(roles={Role.VIEWER}))
    raw = client.get(f"/decisions/{decision.id}/export.csv").data
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][3] == "Họ và tên / Tên tập thể" and len(rows) == 6
    assert [r[2] for r in rows[1:]] == ["1", "2", "1", "2", "3"]
    assert "Nghiêm Thị Phương Chi" in {r[3] for r in rows}
    book = load_workbook(io.BytesIO(client.get(f"/decisions/{decision.id}/export.xlsx").data))
    names = [row[3] for row in book.active.iter_rows(min_row=4, values_only=True)]
    assert len(names) == 5 and "Nghiêm Thị Phương Chi" in names


def test_verify_valid_revoked_unknown_and_logged(db, client, make_decision):
    decision = make_decision(issued=True, number=100)
    first, second = decision.items[1].certificate, decision.items[2].certificate
    revoke_certificate(second, by=decision.created_by, reason="Kê khai không trung thực",
                       legal_ground="Chương VII Luật Thi đua, khen thưởng số 06/2022/QH15")
    db.session.commit()
    ok = client.get(f"/verify/{first.token}").get_data(as_text=True)
    assert "Hợp lệ" in ok and "Nghiêm Thị Phương Chi" in ok and "100/QĐ-UBND" in ok and "15/12/2025" in ok
    revoked = client.get(f"/verify/{second.token}").get_data(as_text=True)
    assert "đã bị thu hồi" in revoked and "Kê khai không trung thực" in revoked and "Chương VII" in revoked
    missing = client.get("/verify/khong-co-ma-nay")
    assert missing.status_code == 404 and "Không tìm thấy" in missing.get_data(as_text=True)
    logs = db.session.scalars(select(VerificationLog).order_by(VerificationLog.id)).all()
    assert [log.found for log in logs] == [True, True, False]
    assert all(len(log.ip_hash) == 64 and "127.0.0.1" not in log.ip_hash for log in logs)


def test_verify_is_rate_limited(db, client, app):
    limit = int(app.config["VERIFY_RATE_LIMIT"].split()[0])
    statuses = [client.get(f"/verify/x{i}").status_code for i in range(limit + 1)]
    assert statuses[:limit] == [404] * limit and statuses[-1] == 429
    assert db.session.scalar(select(func.count()).select_from(VerificationLog)) == limit


def test_print_offsets_are_typed_the_vietnamese_way(db, client, login_as, make_decision, make_user):
    decision = make_decision(individuals=1, collectives=1, issued=True)
    login_as(make_user(roles={Role.SECRETARIAT}))
    page = client.get(f"/decisions/{decision.id}").get_data(as_text=True)
    assert 'inputmode="decimal"' in page and 'name="offset_x_mm" type="text" value="0"' in page
    response = client.post(f"/decisions/{decision.id}/print/certificates",
                           data={"paper": "A4", "offset_x_mm": "2,5", "offset_y_mm": "-1,5"})
    assert response.status_code == 302 and "/download" in response.headers["Location"]
    from app.models import PrintJob
    db.session.expire_all()
    job = db.session.scalars(select(PrintJob)).one()
    assert job.options["offset_x_mm"] == 2.5 and job.options["offset_y_mm"] == -1.5
    bad = client.post(f"/decisions/{decision.id}/print/certificates",
                      data={"paper": "A4", "offset_x_mm": "hai", "offset_y_mm": "0"}, follow_redirects=True)
    assert "Giá trị phải là một số" in bad.get_data(as_text=True)
