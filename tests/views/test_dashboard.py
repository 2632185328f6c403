"""The dashboard counts the user's own work and what they may open, from the database."""
import re

from app.models import NominationStatus as S, Role


def _cards(page: str, testid: str) -> list[str]:
    return re.findall(rf'data-testid="{testid}">([^<]+)<', page)


def test_unit_officer_sees_own_work_lists(client, login_as, make_user, make_unit, make_nomination, db):
    home, other = make_unit("Huyện Gia Lâm"), make_unit("Quận Hai Bà Trưng")
    make_nomination(S.DRAFT, nominating_unit=home)
    make_nomination(S.RETURNED, nominating_unit=home, reasons={S.RETURNED: "Thiếu biên bản."})
    make_nomination(S.RETURNED, nominating_unit=other, reasons={S.RETURNED: "Thiếu biên bản."})
    login_as(make_user(roles={Role.UNIT_OFFICER}, unit=home))
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Đề nghị khen thưởng của tôi" in page
    labels = re.findall(r'list=(\w+)" class="stretched-link">([^<]+)<', page)
    counts = dict(zip([key for key, _ in labels], _cards(page, "work-value")))
    assert counts["draft"] == "1" and counts["returned"] == "1"  # the other unit's dossier is not counted


def test_secretariat_sees_queue_and_decisions(client, login_as, make_user, make_nomination, db):
    make_nomination(S.SUBMITTED)
    make_nomination(S.SUBMITTED)
    make_nomination(S.ACCEPTED)
    login_as(make_user(roles={Role.SECRETARIAT}))
    page = client.get("/dashboard").get_data(as_text=True)
    assert _cards(page, "work-value")[:2] == ["2", "1"]  # chờ tiếp nhận, chờ thẩm định
    assert "Quyết định đã ban hành" in page


def test_viewer_without_nomination_work(client, login_as, make_user, db):
    login_as(make_user(roles={Role.VIEWER}))
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Phong trào đang diễn ra" in page and "Sáng kiến, mô hình" in page
