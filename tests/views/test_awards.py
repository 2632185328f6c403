"""Award catalogue: editing an award type and its rules; rule params are validated, never constants."""
from __future__ import annotations

from sqlalchemy import select

from app.models import EligibilityRule, Role, RuleKind


def test_add_rule_with_legal_basis(db, client, make_award_type, make_user, login_as):
    make_award_type("CSTD_CS", "Chiến sĩ thi đua cơ sở")
    award = make_award_type("CSTD_TINH", "Chiến sĩ thi đua thành phố")
    login_as(make_user(roles={Role.SECRETARIAT}))
    response = client.post(f"/awards/{award.id}/rules/new", data={
        "kind": "consecutive_title", "params": '{"award_code": "CSTD_CS", "years": 3}',
        "description": "3 lần liên tục CSTĐ cơ sở", "legal_basis": "Điều 22 Luật TĐKT 06/2022/QH15",
        "effective_from": "01/01/2024", "effective_to": "30/06/2025"})
    assert response.status_code == 302
    rule = db.session.scalar(select(EligibilityRule))
    assert rule.kind is RuleKind.CONSECUTIVE_TITLE and rule.params == {"award_code": "CSTD_CS", "years": 3}
    body = client.get(f"/awards/{award.id}").get_data(as_text=True)
    assert "Điều 22 Luật TĐKT 06/2022/QH15" in body and "30/06/2025" in body


def test_bad_rule_params_refused(db, client, make_award_type, make_user, login_as):
    award = make_award_type("CSTD_TINH")
    login_as(make_user(roles={Role.SECRETARIAT}))
    base = {"kind": "consecutive_title", "description": "x", "legal_basis": "Điều 22", "effective_from": "01/01/2024"}
    cases = [
        ('{"award_code": "KHONG_CO", "years": 3}', "Tham số “award_code” không hợp lệ"),
        ('{"award_code": "CSTD_TINH", "years": -1}', "Tham số “years” không hợp lệ"),
        ('{"years": 3', "Tham số không phải JSON hợp lệ"),
        ('{"award_code": "CSTD_TINH", "years": 3, "x": 1}', "Tham số không dùng cho loại quy định này: x"),
    ]
    for params, message in cases:
        response = client.post(f"/awards/{award.id}/rules/new", data={**base, "params": params})
        assert response.status_code == 422 and message in response.get_data(as_text=True), params
    assert db.session.scalar(select(EligibilityRule)) is None


def test_edit_award_type(db, client, make_award_type, make_user, login_as):
    award = make_award_type("CSTD_TINH", "Chiến sĩ thi đua thành phố")
    login_as(make_user(roles={Role.SECRETARIAT}))
    data = {"code": "CSTD_TINH", "name": "Chiến sĩ thi đua thành phố", "category": "emulation_title",
            "subject_scope": "individual", "level": "city", "deciding_authority": "Chủ tịch UBND thành phố",
            "issuer_line": "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "certificate_kind": "chien_si_thi_dua",
            "requires_secret_ballot": "y", "ballot_threshold": "0.9", "ballot_base": "all_members",
            "quorum_ratio": "0.6667", "cash_factor": "3", "quota_policy": "justify", "position": "2", "is_active": "y"}
    assert client.post(f"/awards/{award.id}/edit", data=data).status_code == 302
    response = client.post(f"/awards/{award.id}/edit", data={**data, "ballot_threshold": "", "cash_factor": "-1"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and "Hệ số không âm." in body
