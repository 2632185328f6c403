"""Browser: a member scores with autosave, reloads, continues and submits; a conflicted member never
sees the nominee (not in the list, 404 on the direct URL)."""
import pytest
from sqlalchemy import select

from app.models import Score, ScoreSheet
from app.services.conflicts import declare_conflict
from tests.browser.conftest import login


@pytest.mark.browser
def test_member_autosaves_reloads_and_submits(page, live_server, council_session, db):
    s = council_session
    member, nom = s["members"][0], s["noms"][0]
    db.session.commit()
    login(page, live_server, "tv1", "matkhau123")
    page.goto(live_server(f"/councils/{s['council'].id}/scoring"))
    assert page.get_by_test_id("progress").inner_text() == "Đã chấm 0/2"
    page.locator(f'a[href$="/scoring/{nom.id}"]').click()
    page.fill(f"#{s['f']['A']}", "52,5")
    page.keyboard.press("Enter")  # moves to the next field and (on blur) autosaves
    page.fill(f"#{s['f']['B']}", "41")  # above the maximum: reported beside the field, not saved
    page.locator("#comment").click()
    try:
        page.wait_for_function("document.getElementById('save-status').textContent.startsWith('Đã lưu')")
    except Exception:
        raise AssertionError(page.locator("#save-status").inner_text())
    page.wait_for_selector(f"#{s['f']['B']}.is-invalid")
    assert page.locator(f"#{s['f']['B']}-err").inner_text() == "Tối đa 40 điểm."

    page.reload()
    assert page.locator(f"#{s['f']['A']}").input_value() == "52,5"
    assert page.locator(f"#{s['f']['B']}").input_value() == ""
    page.fill(f"#{s['f']['B']}", "35")
    page.get_by_role("button", name="Nộp phiếu (khóa)").click()
    page.wait_for_url(f"**/councils/{s['council'].id}/scoring")
    assert page.get_by_test_id("progress").inner_text() == "Đã chấm 1/2"
    sheet = db.session.scalar(select(ScoreSheet).where(ScoreSheet.member_id == member.id))
    db.session.refresh(sheet)
    assert sheet.is_submitted
    assert sorted(float(v) for v in db.session.scalars(select(Score.value).where(Score.sheet_id == sheet.id))) == \
        [0.0, 0.0, 0.0, 35.0, 52.5]
    page.goto(live_server(f"/councils/{s['council'].id}/scoring/{nom.id}"))
    assert page.locator(f"#{s['f']['A']}").get_attribute("readonly") is not None
    page.screenshot(path="/tmp/council-sheet-locked.png", full_page=True)


@pytest.mark.browser
def test_conflicted_member_does_not_see_the_nominee(page, live_server, council_session, db):
    s = council_session
    member, nom = s["members"][1], s["noms"][0]
    declare_conflict(s["council"], member=member, nomination=nom, reason="Người thân", by=member.user)
    db.session.commit()
    login(page, live_server, "tv2", "matkhau123")
    page.goto(live_server(f"/councils/{s['council'].id}/scoring"))
    assert page.get_by_test_id("progress").inner_text() == "Đã chấm 0/1"
    assert page.locator(f'a[href$="/scoring/{nom.id}"]').count() == 0
    resp = page.goto(live_server(f"/councils/{s['council'].id}/scoring/{nom.id}"))
    assert resp.status == 404
