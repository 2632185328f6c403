"""Eligibility with citations and overrides, quotas, integrity flags and XLSX import."""
from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import Workbook
from sqlalchemy.exc import IntegrityError

from app.models import (
    CampaignQuota, Nomination, NominationStatus as S, QuotaPolicy, Role, RuleKind, SubjectScope, SubjectType,
)
from app.services.eligibility import RuleOutcome
from app.services.errors import ServiceError
from app.services.nomination_eligibility import evaluate_nomination, override_rule
from app.services.nomination_import import import_nominations, import_template
from app.services.nomination_integrity import integrity_flags
from app.services.nomination_workflow import transition_nomination
from app.services.quotas import quota_meter


@pytest.fixture()
def cstd_tp(make_award_type):
    make_award_type("CSTD_CS", "Chiến sĩ thi đua cơ sở")
    return make_award_type("CSTD_TINH", "Chiến sĩ thi đua thành phố", rules=[
        (RuleKind.CONSECUTIVE_TITLE, {"award_code": "CSTD_CS", "years": 3})])


@pytest.fixture()
def sec(make_user):
    return make_user("thuky", roles={Role.SECRETARIAT})


def test_two_years_of_cstd_cs_fails_and_cites_the_rule(db, make_nomination, make_person, make_award_record,
                                                       cstd_tp, sec):
    person = make_person("Trần Thị Minh Thư")
    for year in (2024, 2025):
        make_award_record("CSTD_CS", year, person=person)
    n = make_nomination(S.ACCEPTED, award_type=cstd_tp, person=person, year=2025, secretariat=sec)
    report = evaluate_nomination(n)
    assert not report.eligible
    [row] = report.rows
    assert row.outcome is RuleOutcome.FAIL
    assert "Chỉ có 2 năm liên tục" in row.result.explanation and "cần 3 năm" in row.result.explanation
    assert row.result.legal_basis
    with pytest.raises(ServiceError, match="Chưa thể kết luận đủ điều kiện"):
        transition_nomination(n, S.APPRAISED, by=sec)
    transition_nomination(n, S.INELIGIBLE, by=sec, reason="Chỉ có 2 năm CSTĐ cơ sở liên tục.")
    assert n.status is S.INELIGIBLE


def test_override_needs_a_reason_is_audited_and_unblocks_appraisal(db, make_nomination, make_person, cstd_tp, sec,
                                                                   make_user):
    n = make_nomination(S.ACCEPTED, award_type=cstd_tp, person=make_person(), secretariat=sec)
    rule_id = cstd_tp.rules[0].id
    with pytest.raises(ServiceError) as err:
        override_rule(n, rule_id=rule_id, outcome="pass", reason=" ", by=sec)
    assert err.value.field == "reason"
    officer = make_user(roles={Role.UNIT_OFFICER}, unit=n.nominating_unit)
    with pytest.raises(ServiceError, match="Chỉ cơ quan thường trực"):
        override_rule(n, rule_id=rule_id, outcome="pass", reason="x", by=officer)
    override_rule(n, rule_id=rule_id, outcome="pass", reason="Quyết định CSTĐ cơ sở 2023 bị thất lạc, đã đối chiếu bản gốc",
                  by=sec)
    assert evaluate_nomination(n).eligible
    transition_nomination(n, S.APPRAISED, by=sec)
    assert n.status is S.APPRAISED


def test_campaign_quota_blocks_or_needs_justification(db, make_nomination, make_unit, make_user, make_award_type):
    unit = make_unit("Quận Thử")
    award = make_award_type("BK_Q", scope=SubjectScope.BOTH, quota_policy=QuotaPolicy.BLOCK)
    first = make_nomination(S.SUBMITTED, award_type=award, nominating_unit=unit)
    db.session.add(CampaignQuota(campaign=first.campaign, award_type=award, unit=unit, max_count=1))
    db.session.flush()
    officer = make_user(roles={Role.UNIT_OFFICER}, unit=unit)
    second = make_nomination(award_type=award, nominating_unit=unit, campaign=first.campaign)
    meter = quota_meter(campaign=first.campaign, award_type=award, unit=unit)
    assert (meter.sent, meter.drafts, meter.limit, meter.over) == (1, 1, 1, False)
    with pytest.raises(ServiceError, match="không cho phép vượt"):
        transition_nomination(second, S.SUBMITTED, by=officer)
    award.quota_policy = QuotaPolicy.JUSTIFY
    with pytest.raises(ServiceError) as err:
        transition_nomination(second, S.SUBMITTED, by=officer)
    assert err.value.field == "quota_justification"
    second.quota_justification = "Đơn vị có hai mô hình được công nhận cấp thành phố."
    transition_nomination(second, S.SUBMITTED, by=officer)
    assert quota_meter(campaign=first.campaign, award_type=award, unit=unit).over


def test_one_nomination_per_nominee_campaign_award_is_a_database_constraint(db, make_nomination):
    n = make_nomination()
    db.session.add(Nomination(campaign=n.campaign, award_type=n.award_type, subject_type=SubjectType.INDIVIDUAL,
                              person=n.person, nominating_unit=n.nominating_unit))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_duplicates_and_reused_initiatives_are_flagged(db, make_nomination, make_person, make_unit, make_award_type):
    from app.models import Initiative, InitiativeKind

    unit = make_unit("Phường Đức Thắng")
    a = make_person("Nguyễn Mạnh Hoạt", unit=unit, birth_year=1962)
    b = make_person("Nguyen Manh Hoat", unit=unit, birth_year=1962)  # entered again by another unit, no diacritics
    first = make_nomination(S.SUBMITTED, person=a)
    second = make_nomination(S.SUBMITTED, person=b, campaign=first.campaign, award_type=make_award_type("GK", scope=SubjectScope.BOTH),
                             nominating_unit=make_unit("Quận Bắc Từ Liêm"))
    assert [f.other_id for f in integrity_flags(first) if f.kind == "duplicate"] == [second.id]
    idea = Initiative(kind=InitiativeKind.INITIATIVE, title="Ứng dụng CNTT quản lý dân cư", owner_unit=unit)
    db.session.add(idea)
    first.initiatives.append(idea)
    second.initiatives.append(idea)
    db.session.flush()
    reused = [f for f in integrity_flags(second) if f.kind == "initiative_reused"]
    assert reused and "một thành tích chỉ được khen một lần" in reused[0].message


def _xlsx(rows: list[list]) -> BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(["Đối tượng", "Tên", "Giới tính", "Năm sinh", "Chức vụ", "Mã đơn vị", "Mã hình thức", "Năm", "Tóm tắt"])
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    out.seek(0)
    return out


def test_import_with_one_bad_row_imports_nothing_and_names_the_row(db, make_campaign, make_unit, make_user,
                                                                   make_award_type):
    make_award_type("BK_TP", scope=SubjectScope.BOTH)
    campaign, unit = make_campaign(), make_unit("Huyện Gia Lâm")
    officer = make_user(roles={Role.UNIT_OFFICER}, unit=unit)
    db.session.commit()
    data = _xlsx([["Cá nhân", "Lê Thị Thu Hằng", "Nữ", 1985, "Chuyên viên", "", "BK_TP", 2025, "Thành tích"],
                  ["Cá nhân", "Phạm Văn Quyết", "Nam", 1979, "Chuyên viên", "", "KHONG_CO", 2025, "Thành tích"],
                  ["Cá nhân", "Đỗ Văn Nam", "Nam", 1990, "", "", "BK_TP", 2025, ""]])
    with pytest.raises(ServiceError) as err:
        import_nominations(data, campaign=campaign, nominating_unit=unit, by=officer)
    db.session.rollback()
    assert "Dòng 3" in err.value.message and "KHONG_CO" in err.value.message and "Dòng 2" not in err.value.message
    assert db.session.query(Nomination).count() == 0
    good = _xlsx([["Cá nhân", "Lê Thị Thu Hằng", "Nữ", 1985, "Chuyên viên", "", "BK_TP", 2025, "Thành tích"],
                  ["Tập thể", "Huyện Gia Lâm", "", "", "", "", "BK_TP", 2025, "Mô hình Ngày thứ Ba"]])
    created = import_nominations(good, campaign=campaign, nominating_unit=unit, by=officer)
    assert [n.status for n in created] == [S.DRAFT, S.DRAFT]
    assert import_template([]).getvalue()[:2] == b"PK"
