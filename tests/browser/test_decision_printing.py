"""The secretariat issues a decision, prints its certificates with the progress bar,
and a revoked certificate's verification page says "đã bị thu hồi"."""
from __future__ import annotations

import pytest

from app.models import Role
from app.services import print_jobs
from app.services.decisions import revoke_certificate
from tests.browser.conftest import login


@pytest.mark.browser
def test_issue_print_and_verify(page, live_server, db, make_decision, make_user, monkeypatch, tmp_path):
    # Any batch above 2 certificates goes to the background, so the progress page is exercised.
    monkeypatch.setattr(print_jobs, "SMALL_CERTIFICATES", 2)
    make_user("thuky_qd", roles={Role.SECRETARIAT}, password="matkhau123")
    decision = make_decision(individuals=3, collectives=1)
    db.session.commit()
    login(page, live_server, "thuky_qd", "matkhau123")

    page.goto(live_server(f"/decisions/{decision.id}"))
    page.fill("input[name=number]", "100")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-testid=issue]")
    page.wait_for_selector("text=Đã ban hành Quyết định số 100/QĐ-UBND")
    assert page.inner_text("[data-testid=decision-status]") == "Đã ban hành"

    page.click("[data-testid=print-certificates]")
    page.wait_for_url("**/print-jobs/*")
    bar = page.locator("[data-role=bar]")
    page.wait_for_selector("[data-role=download]:not(.d-none)")
    assert bar.inner_text() == "100%"
    page.screenshot(path="/tmp/dec_print_job.png")
    response = page.request.get(live_server(page.get_attribute("[data-role=download]", "href")))
    assert response.headers["content-type"] == "application/pdf" and response.body().startswith(b"%PDF")

    db.session.expire_all()
    certificate = decision.items[0].certificate
    revoke_certificate(certificate, by=decision.created_by, reason="Kê khai thành tích không trung thực",
                       legal_ground="Chương VII Luật Thi đua, khen thưởng số 06/2022/QH15")
    db.session.commit()
    page.goto(live_server(f"/verify/{certificate.token}"))
    status = page.inner_text("[data-testid=verify-status]")
    assert "đã bị thu hồi" in status
    assert "Kê khai thành tích không trung thực" in status
