"""Correction pages: the original refuses every edit; a linked draft amends or revokes it."""
from __future__ import annotations

import re

from sqlalchemy import select

from app.models import AmendmentKind, Decision, Role
from app.services import decision_corrections as corrections

GROUND = "Chương VII Luật Thi đua, khen thưởng số 06/2022/QH15"


def test_every_mutation_of_an_issued_decision_is_refused(db, client, login_as, make_decision, make_user):
    decision = make_decision(issued=True, number=100)
    item = decision.items[0]
    subject, version = decision.subject, decision.version_id
    login_as(make_user(roles={Role.SECRETARIAT}))
    base = f"/decisions/{decision.id}"
    attempts = [("get", f"{base}/edit", None), ("post", f"{base}/edit", {"subject": "Sửa lén"}),
                ("post", f"{base}/items", {}), ("post", f"{base}/items/{item.id}/delete", {}),
                ("post", f"{base}/issue", {"number": "5"}),
                ("post", f"{base}/items/{item.id}/wording", {"printed_name": "Tên khác"})]
    for method, url, data in attempts:
        response = getattr(client, method)(url, data=data)
        assert response.status_code == 409, url
        assert "đã ban hành nên không thể sửa" in response.get_data(as_text=True), url
    db.session.expire_all()
    fresh = db.session.get(Decision, decision.id)
    assert (fresh.subject, fresh.version_id, len(fresh.items), fresh.number) == (subject, version, 3, 100)
    assert fresh.items[0].printed_name == item.printed_name


def test_revoke_part_from_the_page_and_links_both_ways(db, client, login_as, make_decision, make_user):
    decision = make_decision(issued=True, number=100)
    target = decision.items[2]
    db.session.commit()
    login_as(make_user(roles={Role.SECRETARIAT}))
    form = client.get(f"/decisions/{decision.id}/correct?kind=revokes").get_data(as_text=True)
    assert '<option selected value="revokes">' in form and target.printed_name in form
    missing = client.post(f"/decisions/{decision.id}/correct",
                          data={"kind": "revokes", "decided_on": "2025-12-20", "legal_ground": GROUND,
                                "item_ids": [str(target.id)], "reason": ""})
    assert missing.status_code == 422 and "Vui lòng nêu lý do thu hồi" in missing.get_data(as_text=True)
    response = client.post(f"/decisions/{decision.id}/correct",
                           data={"kind": "revokes", "decided_on": "2025-12-20", "legal_ground": GROUND,
                                 "item_ids": [str(target.id)], "reason": "Kê khai không trung thực"})
    assert response.status_code == 302
    draft = db.session.scalar(select(Decision).where(Decision.amends_id == decision.id))
    assert draft.amendment_kind is AmendmentKind.REVOKES and draft.number is None
    issued = client.post(f"/decisions/{draft.id}/issue", data={"version_id": draft.version_id})
    assert issued.status_code == 302
    page = client.get(f"/decisions/{draft.id}").get_data(as_text=True)
    assert "Thu hồi, hủy bỏ" in page and "Quyết định số 100/QĐ-UBND" in page and "Kê khai không trung thực" in page
    original = client.get(f"/decisions/{decision.id}").get_data(as_text=True)
    assert "Thu hồi, hủy bỏ bởi" in original and "Quyết định số 101/QĐ-UBND" in original
    assert "Đã thu hồi" in original
    verify = client.get(f"/verify/{target.certificate.token}").get_data(as_text=True)
    assert "đã bị thu hồi" in verify and "theo Quyết định số 101/QĐ-UBND ngày 20/12/2025" in verify


def test_amend_wording_from_the_page(db, client, login_as, make_decision, make_user):
    decision = make_decision(issued=True, number=100)
    wrong = decision.items[1]
    db.session.commit()
    login_as(make_user(roles={Role.SECRETARIAT}))
    client.post(f"/decisions/{decision.id}/correct",
                data={"kind": "amends", "decided_on": "2025-12-20", "legal_ground": GROUND,
                      "item_ids": [str(wrong.id)], "reason": "Sai họ tên"})
    draft = db.session.scalar(select(Decision).where(Decision.amends_id == decision.id))
    item = draft.items[0]
    page = client.get(f"/decisions/{draft.id}").get_data(as_text=True)
    assert "Sửa cách ghi" in page and f'id="printed-name-{item.id}"' in page
    client.post(f"/decisions/{draft.id}/items/{item.id}/wording",
                data={"honorific": "Bà", "printed_name": "Nghiêm Thị Phương Chi", "printed_detail": "Phó Trưởng"})
    client.post(f"/decisions/{draft.id}/issue", data={})
    db.session.expire_all()
    draft = db.session.get(Decision, draft.id)
    assert draft.is_issued and draft.items[0].printed_detail == "Phó Trưởng"
    original = client.get(f"/decisions/{decision.id}").get_data(as_text=True)
    assert "Được sửa đổi, bổ sung bởi" in original and "Đã cấp lại" in original
    verify = client.get(f"/verify/{wrong.certificate.token}").get_data(as_text=True)
    assert "đã được thay thế" in verify
    assert corrections.replaced_item_ids(db.session.get(Decision, decision.id)) == {wrong.id}


def test_revoke_forms_have_unique_ids(db, client, login_as, make_decision, make_user):
    decision = make_decision(issued=True)
    db.session.commit()
    login_as(make_user(roles={Role.SECRETARIAT}))
    page = client.get(f"/decisions/{decision.id}").get_data(as_text=True)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
