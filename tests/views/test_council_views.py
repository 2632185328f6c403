"""Council views: server-side bounds on the sheet (422, nothing saved), conflicted members never see
the nominee, removing an assignment with a reason, reopening from the results page."""
from sqlalchemy import select

from app.models import AuditEntry, Role, Score, ScoreSheet
from app.services.conflicts import declare_conflict


def _url(s, n):
    return f"/councils/{s['council'].id}/scoring/{n.id}"


def test_sheet_post_out_of_bounds_is_refused_and_nothing_saved(db, client, login_as, council_session):
    s = council_session
    member, nom = s["members"][0], s["noms"][0]
    login_as(member.user)
    resp = client.post(_url(s, nom), data={s["f"]["A"]: "-3", s["f"]["B"]: "45", s["f"]["Thưởng"]: "abc",
                                           "action": "save"})
    assert resp.status_code == 422
    page = resp.get_data(as_text=True)
    for message in ("Điểm không được âm.", "Tối đa 40 điểm.", "Hãy nhập một số."):
        assert message in page
    assert 'value="45"' in page  # the member's input is kept
    assert db.session.scalar(select(Score.id)) is None


def test_sheet_save_then_submit_locks(db, client, login_as, council_session):
    s = council_session
    member, nom = s["members"][0], s["noms"][0]
    login_as(member.user)
    data = {s["f"]["A"]: "50,5", s["f"]["B"]: "30"}
    assert client.post(_url(s, nom), data=data | {"action": "save"}).status_code == 302
    assert 'value="50,5"' in client.get(_url(s, nom)).get_data(as_text=True)
    assert client.post(_url(s, nom), data=data | {"action": "submit"}).status_code == 302
    resp = client.post(f"{_url(s, nom)}/autosave", json={"values": {s["f"]["A"]: "10"}})
    assert resp.status_code == 422 and "khóa" in resp.get_json()["message"]


def test_conflicted_member_does_not_see_the_nominee(db, client, login_as, council_session):
    s = council_session
    member, nom = s["members"][1], s["noms"][0]
    declare_conflict(s["council"], member=member, nomination=nom, reason="Người thân", by=member.user)
    login_as(member.user)
    listing = client.get(f"/councils/{s['council'].id}/scoring").get_data(as_text=True)
    assert f"scoring/{nom.id}\"" not in listing and f"scoring/{s['noms'][1].id}\"" in listing
    assert client.get(_url(s, nom)).status_code == 404
    assert client.post(f"{_url(s, nom)}/autosave", json={"values": {}}).status_code == 404


def test_remove_assignment_screen_keeps_the_sheet(db, client, login_as, council_session, submit_scores, make_user):
    s = council_session
    member, nom = s["members"][2], s["noms"][0]
    sheet = submit_scores(member, nom, {s["c"]["A"]: 40, s["c"]["B"]: 20})
    from app.models import Assignment

    a = db.session.scalar(select(Assignment).where(Assignment.member_id == member.id,
                                                   Assignment.nomination_id == nom.id))
    login_as(make_user(roles={Role.SECRETARIAT}))
    url = f"/councils/{s['council'].id}/assignments/{a.id}/remove"
    assert "giữ lại" in client.get(url).get_data(as_text=True)
    resp = client.post(url, data={"reason": ""})
    assert resp.status_code == 422 and "Cần ghi rõ lý do." in resp.get_data(as_text=True)
    assert client.post(url, data={"reason": "Đi công tác nước ngoài"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(ScoreSheet, sheet.id).is_excluded


def test_secretary_reopens_from_results_with_reason(db, client, login_as, council_session, submit_scores, make_user):
    s = council_session
    member, nom = s["members"][0], s["noms"][0]
    sheet = submit_scores(member, nom, {s["c"]["A"]: 40, s["c"]["B"]: 20})
    login_as(make_user(roles={Role.SECRETARIAT}))
    page = client.get(f"/councils/{s['council'].id}/results").get_data(as_text=True)
    assert 'data-testid="reopen-form"' in page and "Tên đối tượng theo thứ tự chữ cái" in page
    resp = client.post(f"/councils/{s['council'].id}/reopen-sheet",
                       data={"sheet_id": sheet.id, "reason": "Chấm nhầm hồ sơ"})
    assert resp.status_code == 302
    db.session.expire_all()
    assert not db.session.get(ScoreSheet, sheet.id).is_submitted
    assert db.session.scalar(select(AuditEntry.summary).where(AuditEntry.action == "score_sheet.reopened")) \
        == "Mở lại phiếu chấm: Chấm nhầm hồ sơ"


def test_reopen_refuses_a_sheet_of_another_council_and_needs_a_reason(db, client, login_as, council_session,
                                                                      submit_scores, make_user):
    s = council_session
    sheet = submit_scores(s["members"][0], s["noms"][0], {s["c"]["A"]: 40, s["c"]["B"]: 20})
    login_as(make_user(roles={Role.SECRETARIAT}))
    url = f"/councils/{s['council'].id}/reopen-sheet"
    assert client.post(url, data={"sheet_id": sheet.id + 999, "reason": "x"}).status_code == 404
    resp = client.post(url, data={"sheet_id": sheet.id, "reason": "", "back": "sheet"}, follow_redirects=True)
    assert "Cần ghi lý do mở lại phiếu chấm." in resp.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(ScoreSheet, sheet.id).is_submitted
