"""Scoring service: bounds on the server, autosave keeps valid fields, hidden scores before submitting,
submit locks, the secretary reopens with an audited reason."""
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.models import AuditEntry, Score, ScoreSheet
from app.services.errors import ServiceError
from app.services.scoring import ScoreValidationError, others_scores, reopen_sheet, save_scores, sheet_for, submit_sheet


def _full(f):
    return {f["A"]: "50", f["B"]: "30,5", f["Thưởng"]: "2", f["Trễ hạn"]: "1", f["Liệt"]: "0"}


@pytest.mark.parametrize("field, raw, message", [
    ("A", "-1", "Điểm không được âm."),
    ("A", "60,5", "Tối đa 60 điểm."),
    ("B", "mười", "Hãy nhập một số."),
    ("Thưởng", "6", "Tối đa 5 điểm."),  # bonus above its cap
    ("Trễ hạn", "1,5", "Số lần vi phạm là số nguyên từ 0 đến 99."),
    ("Liệt", "2", "Chỉ nhập 0 (không) hoặc 1 (có)."),
    ("A", "10,123", "Tối đa hai chữ số thập phân."),
])
def test_bounds_refused_with_vietnamese_message_nothing_saved(db, council_session, field, raw, message):
    s = council_session
    member, nom = s["members"][0], s["noms"][0]
    values = _full(s["f"]) | {s["f"][field]: raw}
    with pytest.raises(ScoreValidationError) as exc:
        save_scores(member, nom, values=values, comment="", by=member.user)
    assert exc.value.errors == {s["f"][field]: message}
    assert sheet_for(member, nom) is None
    assert db.session.scalar(select(Score.id)) is None


def test_autosave_keeps_valid_fields_and_reports_the_rest(db, council_session):
    s = council_session
    member, nom = s["members"][0], s["noms"][0]
    sheet, errors = save_scores(member, nom, values={s["f"]["A"]: "55", s["f"]["B"]: "41"}, comment=None,
                                by=member.user, partial=True)
    assert errors == {s["f"]["B"]: "Tối đa 40 điểm."}
    assert {sc.criterion_id: sc.value for sc in sheet.scores} == {s["c"]["A"]: Decimal("55")}


def test_others_hidden_until_submitted_then_locked(db, council_session):
    s = council_session
    m1, m2, _ = s["members"]
    nom = s["noms"][0]
    other, _ = save_scores(m2, nom, values=_full(s["f"]), comment="", by=m2.user)
    submit_sheet(other, by=m2.user)
    mine, _ = save_scores(m1, nom, values=_full(s["f"]), comment="", by=m1.user)
    assert others_scores(mine) is None  # a blind reviewer sees nothing before submitting
    submit_sheet(mine, by=m1.user)
    # 50 + 30.5 + min(2, 3) − 1 × 1 = 81.5
    assert others_scores(mine) == [("Thành viên 2", 81.5)]
    with pytest.raises(ServiceError, match="đã nộp và bị khóa"):
        save_scores(m1, nom, values={s["f"]["A"]: "10"}, comment=None, by=m1.user, partial=True)


def test_submit_needs_every_scored_criterion(db, council_session):
    s = council_session
    member, nom = s["members"][0], s["noms"][0]
    sheet, _ = save_scores(member, nom, values={s["f"]["A"]: "50"}, comment=None, by=member.user, partial=True)
    with pytest.raises(ScoreValidationError) as exc:
        submit_sheet(sheet, by=member.user)
    assert exc.value.errors == {s["f"]["B"]: "Chưa chấm tiêu chí này."}


def test_reopen_needs_reason_and_is_audited(db, council_session, make_user):
    from app.models import Role

    s = council_session
    member, nom = s["members"][0], s["noms"][0]
    sheet, _ = save_scores(member, nom, values=_full(s["f"]), comment="", by=member.user)
    submit_sheet(sheet, by=member.user)
    secretary = make_user(roles={Role.SECRETARIAT})
    with pytest.raises(ServiceError) as exc:
        reopen_sheet(sheet, reason="  ", by=secretary)
    assert exc.value.field == "reason"
    reopen_sheet(sheet, reason="Thành viên nhập nhầm tiêu chí B", by=secretary)
    db.session.flush()
    assert not db.session.get(ScoreSheet, sheet.id).is_submitted
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "score_sheet.reopened"))
    assert entry.actor_id == secretary.id and "nhập nhầm" in entry.summary
    assert entry.after["reason"] == "Thành viên nhập nhầm tiêu chí B"
