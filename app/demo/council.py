"""Demo councils.

1. The CCHC 2021–2025 summing-up: nine members (hoidong1 chairs, hoidong9 is secretary) have
   scored all 85 + 35 BK_TP dossiers; BK_TP's score threshold (80 points, rule data on the
   award type) and one knockout decide, and the council is closed through the services, so
   77 collectives and 31 individuals are APPROVED and the rest REJECTED.
2. The regular 2025 campaign, still open: 40 dossiers (BK_TP and four CSTĐ thành phố),
   hoidong1 has submitted about a third, one draft is half-typed, hoidong4 declared a
   conflict, and a secret-ballot round for CSTĐ thành phố is open with five votes cast.

Score sheets of the other members are written with two bulk INSERTs because the service path
is ~1,000 round trips; hoidong1's sheets in session 2 go through the services.
Idempotent: each session is skipped when its council exists.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import func, insert, select

from app.demo.council_scores import sheet_values
from app.extensions import db
from app.models import (
    AwardType, BallotChoice, Campaign, CampaignKind, CampaignStage, Council, CouncilRole, CriterionKind, Gender,
    Nomination, NominationStatus, OrgUnit, OrgUnitKind, Person, Score, ScoreSheet, SheetStatus, SubjectType, User,
)
from app.models.text import fold
from app.services import assignment, ballot, council as council_svc
from app.services.audit import record_audit
from app.services.awards import save_award_type
from app.services.campaigns import CampaignInput, PhaseInput, advance_stage, create_campaign
from app.services.conflicts import declare_conflict
from app.services.criteria import add_criterion, create_sheet, current_sheet, sheet_outline
from app.services.finalisation import close_council
from app.services.nomination_workflow import replay_history
from app.services.sheet_totals import refresh_totals
from app.services.scoring import field_name, save_scores, score_inputs, submit_sheet

CCHC_CODE = "CCHC-2021-2025"
REGULAR_CODE = "TDTX-2025"
COUNCIL_1 = "Hội đồng Thi đua - Khen thưởng thành phố — tổng kết phong trào CCHC 2021–2025"
COUNCIL_2 = "Hội đồng Thi đua - Khen thưởng thành phố — xét khen thưởng công tác năm 2025"
MIN_SCORE = Decimal("80")
TARGET = {SubjectType.COLLECTIVE: 77, SubjectType.INDIVIDUAL: 31}
BIAS = [-1.4, 0.8, 0.0, 1.5, -0.6, 0.4, -1.9, 1.1, 0.2]  # leniency of hoidong1…9
TOP_THREE = {"GIA_LAM", "NAM_TU_LIEM", "HAI_BA_TRUNG"}
FEATURED = TOP_THREE | {"CUC_THUE", "SO_QHKT"}
FEATURED_PEOPLE = {fold("Vũ Đức Duy"), fold("Nguyễn Mạnh Hoạt")}


def _users() -> tuple[list[User], User] | None:
    users = {u.username: u for u in db.session.scalars(select(User))}
    members = [users.get(f"hoidong{i}") for i in range(1, 10)]
    if any(u is None for u in members) or "thuky" not in users:
        return None
    return members, users["thuky"]  # type: ignore[return-value]


def _advance_to(campaign: Campaign, stage: CampaignStage, by: User) -> None:
    stages = list(CampaignStage)
    while campaign.stage.order < stage.order:
        advance_stage(campaign, by=by, to=stages[campaign.stage.order + 1])


def _new_council(campaign: Campaign, name: str, members: list[User], by: User, held_on: date) -> Council:
    council = council_svc.create_council(campaign=campaign, name=name, by=by, held_on=held_on,
                                         venue="Trụ sở HĐND - UBND thành phố, 12 Lê Lai, Hoàn Kiếm")
    for i, user in enumerate(members):
        role = CouncilRole.CHAIR if i == 0 else CouncilRole.VICE_CHAIR if i == 1 else \
            CouncilRole.SECRETARY if i == len(members) - 1 else CouncilRole.MEMBER
        council_svc.add_member(council, user=user, role=role, by=by)
    db.session.flush()
    assignment.assign_all(council, by=by)
    return council


def _bulk_sheets(council: Council, rows: list[tuple[int, Nomination, dict[int, Decimal]]], at: datetime) -> None:
    """Submitted sheets as two bulk INSERTs: rows are (member index, nomination, values); bulk INSERTs
    skip the flush hooks, so the stored sheet totals are then refreshed explicitly."""
    members = council.members
    db.session.flush()
    ids = db.session.execute(insert(ScoreSheet).returning(ScoreSheet.id, sort_by_parameter_order=True), [
        {"council_id": council.id, "member_id": members[idx].id, "nomination_id": n.id,
         "status": SheetStatus.SUBMITTED, "submitted_at": at + timedelta(minutes=idx * 37)}
        for idx, n, _ in rows]).scalars().all()
    db.session.execute(insert(Score), [{"sheet_id": sid, "criterion_id": cid, "value": v}
                                       for sid, (_, _, values) in zip(ids, rows) for cid, v in values.items()])
    refresh_totals(ids)
    council.change_counter += 1
    for idx in sorted({r[0] for r in rows}):
        record_audit("score_sheet.submitted", by=members[idx].user, obj=council,
                     summary=f"{members[idx].user.full_name} nộp {sum(r[0] == idx for r in rows)} phiếu chấm")


def _inputs(campaign: Campaign) -> dict[SubjectType, tuple[list, Decimal]]:
    out = {}
    for subject in SubjectType:
        sheet = current_sheet(campaign, subject)
        if sheet is not None:
            outline = sheet_outline(sheet)
            out[subject] = (score_inputs(outline), outline.bonus_cap)
    return out


def _qualities(noms: list[Nomination], rng: random.Random) -> tuple[dict[int, float], set[int], set[int]]:
    """Latent quality per nomination; the rejected ones sit well below MIN_SCORE; one individual
    is knocked out (disciplined) although well scored. Returns (quality, rejected, knocked_out)."""
    quality: dict[int, float] = {}
    rejected: set[int] = set()
    knocked: set[int] = set()
    for subject, target in TARGET.items():
        group = [n for n in noms if n.subject_type is subject]
        plain = [n for n in group if not _featured(n)]
        n_out = max(len(group) - target, 0)
        if subject is SubjectType.INDIVIDUAL and n_out:
            ko = rng.choice(plain)
            knocked.add(ko.id)
            plain.remove(ko)
            n_out -= 1
        rejected |= {n.id for n in rng.sample(plain, min(n_out, len(plain)))}
        for n in group:
            if n.id in rejected:
                quality[n.id] = rng.uniform(70.5, 77.0)
            elif _featured(n):
                quality[n.id] = rng.uniform(92.0, 96.5)
            else:
                quality[n.id] = rng.uniform(82.0, 93.0)
    return quality, rejected, knocked


def _featured(n: Nomination) -> bool:
    return (n.unit is not None and n.unit.code in FEATURED) or \
        (n.person is not None and n.person.search_name in FEATURED_PEOPLE)


def _session_one(members: list[User], thuky: User) -> list[str]:
    campaign = db.session.scalar(select(Campaign).where(Campaign.code == CCHC_CODE))
    if campaign is None:
        return ["Hội đồng: chưa có phong trào CCHC 2021–2025 — bỏ qua."]
    if db.session.scalar(select(Council.id).where(Council.campaign_id == campaign.id)) is not None:
        return ["Hội đồng tổng kết CCHC 2021–2025 đã có."]
    bk = db.session.scalar(select(AwardType).where(AwardType.code == "BK_TP"))
    if bk.min_score is None:
        save_award_type(bk, {"code": bk.code, "min_score": MIN_SCORE}, by=thuky)
    _advance_to(campaign, CampaignStage.SCORING, thuky)
    council = _new_council(campaign, COUNCIL_1, members, thuky, date(2025, 11, 25))
    noms = list(db.session.scalars(select(Nomination).where(
        Nomination.campaign_id == campaign.id, Nomination.status == NominationStatus.IN_SCORING,
        Nomination.award_type_id == bk.id).order_by(Nomination.id)))
    counts = {s: sum(n.subject_type is s for n in noms) for s in SubjectType}
    rng = random.Random(20251125)
    quality, rejected, knocked = _qualities(noms, rng)
    inputs = _inputs(campaign)
    tie_pair = [n for n in noms if n.subject_type is SubjectType.COLLECTIVE and n.id not in rejected
                and not _featured(n)][10:12]  # two dossiers every member scores identically: a documented tie
    rows = []
    for n in noms:
        inp, _ = inputs[n.subject_type]
        code = n.unit.code if n.unit is not None else ""
        source = tie_pair[0] if n is tie_pair[-1] and len(tie_pair) == 2 else n
        member_rng = random.Random(f"{source.id}-{quality[source.id]:.3f}")
        for idx in range(len(members)):
            values = sheet_values(inp, quality=quality[source.id], bias=BIAS[idx], rng=member_rng,
                                  bonus_models=2 if _featured(n) else 1 if quality[source.id] > 88 else 0,
                                  top_three=code in TOP_THREE, late_dossiers=2 if source.id in rejected else 0,
                                  knocked_out=n.id in knocked and idx in (2, 5))
            rows.append((idx, n, values))
    _bulk_sheets(council, rows, datetime(2025, 11, 20, 2, tzinfo=timezone.utc))
    result = close_council(council, by=thuky)
    _advance_to(campaign, CampaignStage.VOTING, thuky)
    approved = {s: db.session.scalar(select(func.count(Nomination.id)).where(
        Nomination.campaign_id == campaign.id, Nomination.subject_type == s,
        Nomination.status == NominationStatus.APPROVED)) for s in SubjectType}
    lines = [f"Hội đồng tổng kết CCHC: 9 thành viên, {len(rows)} phiếu chấm; {result['approved']} đề nghị "
             f"({approved[SubjectType.COLLECTIVE]} tập thể, {approved[SubjectType.INDIVIDUAL]} cá nhân), "
             f"{result['rejected']} không đề nghị (ngưỡng BK_TP {MIN_SCORE} điểm)."]
    if (counts.get(SubjectType.COLLECTIVE), counts.get(SubjectType.INDIVIDUAL)) != (85, 35):
        lines.append(f"Lưu ý: số hồ sơ đang chấm khác dự kiến 85 + 35: {counts}.")
    return lines


# --- Session 2: the regular 2025 campaign, still open -------------------------------------------------

COLLECTIVE_CRITERIA = [("1", "Hoàn thành chỉ tiêu, nhiệm vụ được giao năm 2025", 40),
                       ("2", "Đổi mới, sáng tạo, cải cách hành chính", 20),
                       ("3", "Chấp hành kỷ luật, kỷ cương hành chính", 15),
                       ("4", "Tổ chức phong trào thi đua, nhân rộng điển hình", 15),
                       ("5", "Xây dựng tổ chức, đoàn thể vững mạnh", 10)]
INDIVIDUAL_CRITERIA = [("1", "Kết quả thực hiện nhiệm vụ năm 2025", 45),
                       ("2", "Sáng kiến, giải pháp được áp dụng", 30),
                       ("3", "Đạo đức, lối sống, tinh thần phục vụ nhân dân", 25)]
PEOPLE_2025 = ["Trần Quang Khải", "Lê Thị Thanh Bình", "Phạm Đức Anh", "Nguyễn Thị Hồng Vân", "Đào Văn Tiến",
               "Hoàng Thị Mỹ Linh", "Ngô Minh Châu", "Vũ Thị Thu Trang", "Đinh Công Sơn", "Lý Thị Kim Dung",
               "Tạ Quốc Việt", "Kiều Thị Phương Thảo"]
CSTD_2025 = ["Nguyễn Thị Lan Anh", "Phan Văn Hải", "Chu Thị Minh Nguyệt", "Mai Xuân Trường"]


def _regular_campaign(thuky: User) -> Campaign:
    campaign = db.session.scalar(select(Campaign).where(Campaign.code == REGULAR_CODE))
    if campaign is not None:
        return campaign
    city = db.session.scalar(select(OrgUnit).where(OrgUnit.code == "UBND_TP"))
    campaign = create_campaign(CampaignInput(
        code=REGULAR_CODE, name="Phong trào thi đua thường xuyên năm 2025 của thành phố Hà Nội",
        kind=CampaignKind.REGULAR, launching_unit=city, plan_number="12/KH-UBND", plan_date=date(2025, 1, 15),
        period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
        description="Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2025; xét khen thưởng cuối năm.",
        participating_units=[], phases=[
            PhaseInput(CampaignStage.REGISTRATION, date(2025, 1, 15), date(2025, 2, 28)),
            PhaseInput(CampaignStage.NOMINATION, date(2025, 11, 1), date(2025, 11, 30)),
            PhaseInput(CampaignStage.APPRAISAL, date(2025, 12, 1), date(2025, 12, 10)),
            PhaseInput(CampaignStage.SCORING, date(2025, 12, 11), date(2025, 12, 25)),
            PhaseInput(CampaignStage.VOTING, date(2025, 12, 26), date(2025, 12, 30))]), by=thuky)
    for subject, items, cap in ((SubjectType.COLLECTIVE, COLLECTIVE_CRITERIA, 5),
                                (SubjectType.INDIVIDUAL, INDIVIDUAL_CRITERIA, 5)):
        sheet = create_sheet(campaign, subject_type=subject, bonus_cap=Decimal(cap), by=thuky)
        db.session.flush()
        for code, title, mx in items:
            add_criterion(sheet, by=thuky, title=title, code=code, max_points=Decimal(mx))
        add_criterion(sheet, by=thuky, title="Được biểu dương, khen thưởng đột xuất trong năm", code="T1",
                      kind=CriterionKind.BONUS, max_points=Decimal(5))
        add_criterion(sheet, by=thuky, title="Vi phạm quy chế làm việc, báo cáo chậm", code="D1",
                      kind=CriterionKind.PENALTY, penalty_points=Decimal(1))
        if subject is SubjectType.INDIVIDUAL:
            add_criterion(sheet, by=thuky, title="Bị kỷ luật trong năm xét khen thưởng", code="L1",
                          kind=CriterionKind.KNOCKOUT)
    db.session.flush()
    _advance_to(campaign, CampaignStage.SCORING, thuky)
    return campaign


def _nominations_2025(campaign: Campaign, thuky: User) -> list[Nomination]:
    awards = {a.code: a for a in db.session.scalars(select(AwardType))}
    units = [u for u in db.session.scalars(select(OrgUnit).where(OrgUnit.kind.in_(
        [OrgUnitKind.DISTRICT, OrgUnitKind.DEPARTMENT, OrgUnitKind.SUB_UNIT])).order_by(OrgUnit.code))
        if u.parent_id is not None]
    districts = [u for u in units if u.kind is OrgUnitKind.DISTRICT]
    start = datetime(2025, 11, 5, 8, tzinfo=timezone.utc)
    out: list[Nomination] = []

    def add(award: str, *, unit: OrgUnit | None = None, person: Person | None = None) -> None:
        subject_unit = unit or person.unit  # type: ignore[union-attr]
        nominating = subject_unit.parent if subject_unit.kind is OrgUnitKind.SUB_UNIT else subject_unit
        n = Nomination(campaign=campaign, award_type=awards[award], nominating_unit=nominating, person=person,
                       unit=unit, subject_type=SubjectType.INDIVIDUAL if person else SubjectType.COLLECTIVE,
                       year=2025, memo_number=f"{300 + len(out)}/TTr-{nominating.code.replace('_', '')[:10]}",
                       memo_date=date(2025, 11, 20), summary="Hoàn thành xuất sắc nhiệm vụ năm 2025; "
                       "dẫn đầu phong trào thi đua của khối; nhiều sáng kiến được áp dụng.")
        db.session.add(n)
        replay_history(n, NominationStatus.IN_SCORING, unit_user=None, secretariat_user=thuky,
                       start_at=start + timedelta(minutes=11 * len(out)), step=timedelta(days=2),
                       reasons={NominationStatus.SUBMITTED: f"Tờ trình số {n.memo_number} ngày 20/11/2025."})
        out.append(n)

    for unit in units[::max(len(units) // 24, 1)][:24]:
        add("BK_TP", unit=unit)
    for i, name in enumerate(PEOPLE_2025 + CSTD_2025):
        home = districts[(i * 5) % len(districts)]
        person = db.session.scalar(select(Person).where(Person.search_name == fold(name), Person.unit_id == home.id))
        if person is None:
            person = Person(full_name=name, gender=Gender.FEMALE if " Thị " in name else Gender.MALE,
                            birth_year=1978 + i, position="Chuyên viên", unit=home)
            db.session.add(person)
        add("CSTD_TINH" if name in CSTD_2025 else "BK_TP", person=person)
    db.session.flush()
    return out


def _session_two(members: list[User], thuky: User) -> list[str]:
    if db.session.scalar(select(Council.id).join(Campaign).where(Campaign.code == REGULAR_CODE)) is not None:
        return ["Hội đồng xét khen thưởng năm 2025 (đang họp) đã có."]
    campaign = _regular_campaign(thuky)
    noms = _nominations_2025(campaign, thuky)
    council = _new_council(campaign, COUNCIL_2, members, thuky, date(2025, 12, 26))
    m = council.members
    conflicted = noms[5]
    declare_conflict(council, member=m[3], nomination=conflicted, by=m[3].user,
                     reason="Nguyên là Trưởng phòng của đơn vị được đề nghị đến tháng 6/2025.")
    inputs = _inputs(campaign)
    rng = random.Random(20251226)
    quality = {n.id: rng.uniform(74, 96) for n in noms}
    rows = []
    for idx in range(1, 9):
        done = noms if idx <= 4 else noms[:25]
        for n in done:
            if idx == 3 and n is conflicted:
                continue
            rows.append((idx, n, sheet_values(inputs[n.subject_type][0], quality=quality[n.id], bias=BIAS[idx],
                                              rng=rng, bonus_models=1 if quality[n.id] > 90 else 0)))
    _bulk_sheets(council, rows, datetime(2025, 12, 12, 2, tzinfo=timezone.utc))
    # hoidong1 through the services: a third submitted, one draft half typed.
    chair = m[0]
    ordered = sorted(noms, key=lambda n: (n.subject_type.value, n.id))
    for i, n in enumerate(ordered[:14]):
        inp = inputs[n.subject_type][0]
        values = sheet_values(inp, quality=quality[n.id], bias=BIAS[0], rng=rng)
        if i == 13:  # the draft: only the first two criteria typed so far
            values = {x.node.id: values[x.node.id] for x in inp[:2]}
        sheet, _ = save_scores(chair, n, values={field_name(cid): f"{v}" for cid, v in values.items()},
                               comment="Hồ sơ đầy đủ, số liệu rõ ràng." if i % 4 == 0 else None, by=chair.user)
        if i < 13:
            submit_sheet(sheet, by=chair.user)
    # The CSTĐ thành phố group: secret ballot, hoidong8 absent, five members have voted.
    cstd = [n for n in noms if n.award_type.code == "CSTD_TINH"]
    rnd = ballot.open_round(council, award_type=cstd[0].award_type, nominations=cstd,
                            present_member_ids={x.id for i, x in enumerate(m) if i != 7}, by=thuky)
    db.session.flush()
    for x in m[1:6]:
        choices = {item.id: BallotChoice.DISAGREE if (x is m[4] and k == 3) else BallotChoice.AGREE
                   for k, item in enumerate(ballot.votable_items(rnd, x))}
        ballot.cast_ballots(rnd, member=x, choices=choices, by=x.user)
    db.session.flush()
    return [f"Hội đồng xét khen thưởng năm 2025 (đang họp): {len(noms)} hồ sơ; hoidong1 đã nộp 13 phiếu, "
            f"1 phiếu đang chấm; vòng bỏ phiếu kín CSTĐ thành phố đang mở (5/8 thành viên có mặt đã bỏ phiếu)."]


def load() -> list[str]:
    found = _users()
    if found is None:
        return ["Hội đồng: thiếu tài khoản hoidong1…hoidong9 hoặc thuky — bỏ qua."]
    members, thuky = found
    lines = _session_one(members, thuky)
    lines += _session_two(members, thuky)
    return lines
