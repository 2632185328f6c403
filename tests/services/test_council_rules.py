"""Tie-break chain (each step), conflicts (computed and declared), assignment (all / balanced, removal
keeps scores), finalisation with override reasons and quotas."""
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from app.models import (
    Assignment, CampaignQuota, NominationStatus, OrgUnitKind, QuotaPolicy, Role, ScoreSheet,
)
from app.services.assignment import assign_balanced, member_load, remove_assignment
from app.services.conflicts import conflict_map, conflict_register, declare_conflict
from app.services.council_reports import tie_notes
from app.services.errors import ServiceError
from app.services.finalisation import close_council, set_override
from app.services.ranking import TIE_BREAK, NominationResult, council_results, sort_key


def _row(nid, name, *, adjusted=80.0, raw=80.0, median=80.0, spread=1.0, sheets=3):
    nom = SimpleNamespace(id=nid, nominee_name=name, award_type=SimpleNamespace(code="BK"),
                          subject_type=SimpleNamespace(value="individual"))
    return NominationResult(nom, "Khối A", {i: adjusted for i in range(sheets)}, sheets, raw_mean=raw, median=median,
                            adjusted=adjusted, spread=spread)


@pytest.mark.parametrize("step, better, worse", [
    (0, {"adjusted": 81.0}, {}),
    (1, {"raw": 81.0}, {}),
    (2, {"median": 81.0}, {}),
    (3, {"spread": 0.5}, {}),
    (4, {"sheets": 4}, {}),
    (5, {}, {}),  # names decide: "An" before "Bình"
    (6, {}, {}),  # same name: the smaller dossier id first
])
def test_each_step_of_the_tie_break_chain(step, better, worse):
    if step == 6:
        first, second = _row(1, "Nguyễn An"), _row(2, "Nguyễn An")
    elif step == 5:
        first, second = _row(9, "Nguyễn An"), _row(1, "Nguyễn Bình")
    else:
        first, second = _row(9, "Nguyễn Bình", **better), _row(1, "Nguyễn An", **worse)
    rows = sorted([second, first], key=sort_key)
    assert rows == [first, second]
    for rank, r in enumerate(rows, 1):
        r.rank = rank
    notes = tie_notes(SimpleNamespace(rows=rows))
    if step == 0:
        assert notes == {}  # different aggregates: no tie to explain
    else:
        assert notes[second.nomination.id].endswith(TIE_BREAK[step])
        assert "xếp sau" in notes[second.nomination.id] and "xếp trên" in notes[first.nomination.id]


def test_identical_sheets_tie_broken_by_name_in_results(db, council_session, submit_scores):
    s = council_session
    n1, n2 = s["noms"]
    values = {s["c"]["A"]: 50, s["c"]["B"]: 30}
    for m in s["members"]:
        submit_scores(m, n1, values)
        submit_scores(m, n2, values)
    results = council_results(s["council"])
    ordered = sorted(results.rows, key=lambda r: r.rank)
    expected = sorted([n1, n2], key=lambda n: (n.person.search_name, n.id))
    assert [r.nomination for r in ordered] == expected
    assert tie_notes(results)[expected[1].id].endswith(TIE_BREAK[5] if expected[0].person.search_name !=
                                                       expected[1].person.search_name else TIE_BREAK[6])


def test_computed_conflicts_own_parent_and_child_units(db, make_council, make_unit, make_user, make_nomination):
    city = make_unit("Thành phố", kind=OrgUnitKind.CITY_BODY)
    district = make_unit("Quận Đống Đa", kind=OrgUnitKind.DISTRICT, parent=city)
    ward = make_unit("Phường Láng Hạ", kind=OrgUnitKind.COMMUNE, parent=district)
    other = make_unit("Quận Tây Hồ", kind=OrgUnitKind.DISTRICT, parent=city)
    member_user = make_user(roles={Role.COUNCIL_MEMBER}, unit=district, full_name="Trần Văn Bình")
    council = make_council(users=[member_user, make_user(roles={Role.COUNCIL_MEMBER})])
    own = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, unit=district, nominating_unit=city)
    child = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, unit=ward,
                            award_type=own.award_type, nominating_unit=district)
    parent = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, unit=city,
                             award_type=own.award_type, nominating_unit=city)
    free = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, unit=other,
                           award_type=own.award_type, nominating_unit=other)
    m = council.members[0]
    conflicts = conflict_map(council)
    assert {nid for (mid, nid) in conflicts if mid == m.id} == {own.id, child.id, parent.id}
    assert (m.id, free.id) not in conflicts
    assert not any(mid == council.members[1].id for mid, _ in conflicts)


def test_declared_conflict_needs_reason_removes_assignment_keeps_sheet(db, council_session, submit_scores):
    s = council_session
    m, nom = s["members"][1], s["noms"][0]
    sheet = submit_scores(m, nom, {s["c"]["A"]: 40, s["c"]["B"]: 20})
    with pytest.raises(ServiceError, match="lý do"):
        declare_conflict(s["council"], member=m, nomination=nom, reason=" ", by=m.user)
    declare_conflict(s["council"], member=m, nomination=nom, reason="Vợ của người được đề nghị", by=m.user)
    db.session.flush()
    assert db.session.scalar(select(Assignment).where(Assignment.member_id == m.id,
                                                      Assignment.nomination_id == nom.id)) is None
    kept = db.session.get(ScoreSheet, sheet.id)
    assert kept.is_excluded and "Vợ của người được đề nghị" in kept.excluded_reason
    assert [(c.kind, c.reason) for c in conflict_register(s["council"])] == [("Tự khai", "Vợ của người được đề nghị")]
    assert council_results(s["council"]).rows[0].member_totals.get(m.id) is None


def test_balanced_assignment_respects_n_and_max(db, make_council, make_nomination):
    council = make_council(size=4)
    first = make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign)
    for _ in range(5):
        make_nomination(NominationStatus.IN_SCORING, campaign=council.campaign, award_type=first.award_type)
    assert assign_balanced(council, per_nomination=2, max_per_member=3, by=None) == 12
    load = member_load(council)
    assert sorted(load.values()) == [3, 3, 3, 3]
    per_nom = {}
    for a in db.session.scalars(select(Assignment)):
        per_nom[a.nomination_id] = per_nom.get(a.nomination_id, 0) + 1
    assert set(per_nom.values()) == {2}
    with pytest.raises(ServiceError, match="Không đủ thành viên"):
        council2 = make_council(size=2, campaign=make_nomination(NominationStatus.IN_SCORING).campaign)
        for _ in range(3):
            make_nomination(NominationStatus.IN_SCORING, campaign=council2.campaign)
        assign_balanced(council2, per_nomination=2, max_per_member=2, by=None)


def test_removing_an_assignment_never_drops_a_score_silently(db, council_session, submit_scores):
    s = council_session
    m, nom = s["members"][2], s["noms"][1]
    sheet = submit_scores(m, nom, {s["c"]["A"]: 40, s["c"]["B"]: 20})
    a = db.session.scalar(select(Assignment).where(Assignment.member_id == m.id, Assignment.nomination_id == nom.id))
    with pytest.raises(ServiceError) as exc:
        remove_assignment(a, reason="", by=None)
    assert exc.value.field == "reason"
    remove_assignment(a, reason="Thành viên nghỉ ốm dài ngày", by=None)
    kept = db.session.get(ScoreSheet, sheet.id)
    assert kept is not None and kept.is_excluded and kept.excluded_reason == "Bỏ phân công: Thành viên nghỉ ốm dài ngày"
    assert len(kept.scores) == 2


def test_finalisation_pending_then_override_with_reason(db, council_session, submit_scores, make_user):
    s = council_session
    n1, n2 = s["noms"]
    by = make_user(roles={Role.SECRETARIAT})
    for m in s["members"]:
        submit_scores(m, n1, {s["c"]["A"]: 50, s["c"]["B"]: 30})
    with pytest.raises(ServiceError, match="chưa đủ dữ liệu"):
        close_council(s["council"], by=by)
    with pytest.raises(ServiceError, match="lý do"):
        set_override(s["council"], nomination=n2, approve=False, reason="", by=by)
    set_override(s["council"], nomination=n2, approve=False, reason="Đơn vị rút hồ sơ tại phiên họp", by=by)
    assert close_council(s["council"], by=by) == {"approved": 1, "rejected": 1}
    assert (n1.status, n2.status) == (NominationStatus.APPROVED, NominationStatus.REJECTED)
    assert "Đơn vị rút hồ sơ" in n2.events[-1].reason


def test_finalisation_holds_nominations_over_quota(db, council_session, submit_scores, make_user):
    s = council_session
    n1, n2 = s["noms"]
    by = make_user(roles={Role.SECRETARIAT})
    n1.award_type.quota_policy = QuotaPolicy.JUSTIFY
    db.session.add(CampaignQuota(campaign_id=s["council"].campaign_id, award_type_id=n1.award_type_id,
                                 unit_id=n1.nominating_unit_id, max_count=1))
    for m in s["members"]:
        submit_scores(m, n1, {s["c"]["A"]: 55, s["c"]["B"]: 35})
        submit_scores(m, n2, {s["c"]["A"]: 50, s["c"]["B"]: 30})
    assert close_council(s["council"], by=by) == {"approved": 1, "rejected": 1}
    assert n1.status is NominationStatus.APPROVED and n2.status is NominationStatus.REJECTED
    assert "Vượt chỉ tiêu" in n2.events[-1].reason and "giải trình" in n2.events[-1].reason
