"""Creating and editing nomination dossiers, and the work lists each role sees."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db
from app.models import (
    AwardType, Campaign, Council, CouncilMember, DisciplineMeasure, Gender, Initiative, Nomination, NominationStatus,
    OrgUnit, Person, Role, SubjectType, User,
)
from app.models.nomination import COUNCIL_VISIBLE
from app.models.text import fold, nfc
from app.services.audit import record_audit, snapshot
from app.services.errors import ConflictError, ServiceError, check_version
from app.services.ledger_facts import subtree_unit_ids
from app.services.nomination_workflow import record_creation

S = NominationStatus
EDITABLE_FIELDS = ["award_type_id", "person_id", "unit_id", "nominating_unit_id", "year", "memo_number", "memo_date",
                   "summary", "results_by_year", "declared_ratings", "discipline_measure", "discipline_year",
                   "quota_justification"]


@dataclass(frozen=True)
class NewPerson:
    """A nominee created inline while nominating."""

    full_name: str
    gender: Gender
    unit: OrgUnit
    birth_year: int | None = None
    position: str = ""


@dataclass
class NominationData:
    """The dossier as entered (parsed by the form, checked here)."""

    campaign: Campaign
    award_type: AwardType
    nominating_unit: OrgUnit
    person: Person | None = None
    new_person: NewPerson | None = None
    unit: OrgUnit | None = None
    year: int | None = None
    memo_number: str = ""
    memo_date: date | None = None
    summary: str = ""
    results_by_year: list[dict[str, Any]] = field(default_factory=list)
    declared_ratings: dict[str, str] = field(default_factory=dict)
    discipline_measure: DisciplineMeasure | None = None
    discipline_year: int | None = None
    quota_justification: str = ""
    initiatives: list[Initiative] = field(default_factory=list)


def _subject(data: NominationData) -> SubjectType:
    return SubjectType.COLLECTIVE if data.unit is not None and data.person is None and data.new_person is None \
        else SubjectType.INDIVIDUAL


def _check(data: NominationData, *, by: User, current: Nomination | None = None) -> None:
    subject = _subject(data)
    if subject is SubjectType.INDIVIDUAL and data.person is None and data.new_person is None:
        raise ServiceError("Cần chọn cá nhân được đề nghị hoặc nhập thông tin người mới.", "person_id")
    if not data.award_type.subject_scope.admits(subject):
        raise ServiceError(f"{data.award_type.name} không xét cho {subject.label.lower()}.", "award_type_id")
    if not by.sees_all_units and not by.in_scope(data.nominating_unit):
        raise ServiceError("Bạn chỉ được lập đề nghị cho đơn vị mình và đơn vị trực thuộc.", "nominating_unit_id")
    nominee_unit = data.person.unit if data.person else (data.new_person.unit if data.new_person else data.unit)
    if not by.sees_all_units and not by.in_scope(nominee_unit):
        raise ServiceError("Đối tượng đề nghị phải thuộc đơn vị của bạn hoặc đơn vị trực thuộc.",
                           "person_id" if subject is SubjectType.INDIVIDUAL else "unit_id")
    if (data.discipline_measure is None) != (data.discipline_year is None):
        raise ServiceError("Kỷ luật cần ghi cả hình thức và năm (hoặc để trống cả hai).", "discipline_year")
    if data.person is not None or (subject is SubjectType.COLLECTIVE and data.unit is not None):
        column = Nomination.person_id if data.person is not None else Nomination.unit_id
        target = data.person.id if data.person is not None else data.unit.id  # type: ignore[union-attr]
        clash = db.session.scalar(select(Nomination).where(
            Nomination.campaign_id == data.campaign.id, Nomination.award_type_id == data.award_type.id,
            column == target, Nomination.id != (current.id if current else -1)))
        if clash is not None:
            raise ServiceError(
                f"{clash.nominee_name} đã có đề nghị {data.award_type.name} trong phong trào này "
                f"(đề nghị số {clash.id}, {clash.status.label.lower()}).",
                "person_id" if data.person is not None else "unit_id")


def _apply(nomination: Nomination, data: NominationData) -> None:
    nomination.award_type = data.award_type
    nomination.nominating_unit = data.nominating_unit
    if data.new_person is not None:
        np = data.new_person
        data.person = Person(full_name=nfc(np.full_name).strip(), gender=np.gender, unit=np.unit,
                             birth_year=np.birth_year, position=nfc(np.position).strip())
        db.session.add(data.person)
    nomination.subject_type = _subject(data)
    nomination.person = data.person
    nomination.unit = data.unit if data.person is None else None
    nomination.year = data.year
    nomination.memo_number = nfc(data.memo_number).strip()
    nomination.memo_date = data.memo_date
    nomination.summary = nfc(data.summary).strip()
    nomination.results_by_year = [{"year": int(r["year"]), "text": nfc(str(r["text"])).strip()}
                                  for r in data.results_by_year]
    nomination.declared_ratings = {str(k): str(v) for k, v in data.declared_ratings.items() if v}
    nomination.discipline_measure = data.discipline_measure
    nomination.discipline_year = data.discipline_year
    nomination.quota_justification = nfc(data.quota_justification).strip()
    nomination.initiatives = list(data.initiatives)


def create_nomination(data: NominationData, *, by: User) -> Nomination:
    """A new draft dossier with the first event of its timeline."""
    if not by.has_role(Role.ADMIN, Role.SECRETARIAT, Role.UNIT_OFFICER):
        raise ServiceError("Bạn không có quyền lập đề nghị khen thưởng.")
    _check(data, by=by)
    nomination = Nomination(campaign=data.campaign, status=S.DRAFT, created_by=by)
    _apply(nomination, data)
    db.session.add(nomination)
    record_creation(nomination, by=by)
    db.session.flush()
    record_audit("nomination.create", by=by, obj=nomination, summary=f"Lập đề nghị: {nomination.nominee_name}",
                 after=snapshot(nomination, EDITABLE_FIELDS))
    return nomination


def update_nomination(nomination: Nomination, data: NominationData, *, by: User, expected_version: int) -> Nomination:
    """Save an edited dossier; ConflictError when someone saved it since the form was opened."""
    if not nomination.can_edit(by):
        raise ServiceError(f"Không thể sửa đề nghị đang ở trạng thái “{nomination.status.label}”.")
    check_version(nomination, expected_version, "Hồ sơ vừa được người khác sửa. Hãy so sánh hai phiên bản bên dưới.")
    _check(data, by=by, current=nomination)
    before = snapshot(nomination, EDITABLE_FIELDS)
    _apply(nomination, data)
    try:
        db.session.flush()
    except StaleDataError as exc:  # saved by someone else between our read and our write
        raise ConflictError("Hồ sơ vừa được người khác sửa. Hãy so sánh hai phiên bản bên dưới.") from exc
    record_audit("nomination.update", by=by, obj=nomination, summary=f"Sửa hồ sơ: {nomination.nominee_name}",
                 before=before, after=snapshot(nomination, EDITABLE_FIELDS))
    return nomination


def attach_evidence(nomination: Nomination, files: list, *, by: User) -> None:
    if not nomination.can_edit(by):
        raise ServiceError("Không thể bổ sung minh chứng ở trạng thái này.", "evidence")
    for f in files:
        nomination.evidence.append(f)
    db.session.flush()
    record_audit("nomination.evidence", by=by, obj=nomination,
                 summary=f"Thêm {len(files)} tệp minh chứng: " + ", ".join(f.original_name for f in files))


# --- visibility and work lists ---


def visible_to(user: User, query: Select) -> Select:
    """Restrict a select over Nomination to what `user` may see (mirrors Nomination.can_view)."""
    if user.sees_all_units:
        return query
    conditions = []
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id is not None:
        conditions.append(Nomination.nominating_unit_id.in_(subtree_unit_ids(user.unit_id)))
    if user.has_role(Role.COUNCIL_MEMBER):
        campaigns = select(Council.campaign_id).join(CouncilMember, CouncilMember.council_id == Council.id) \
            .where(CouncilMember.user_id == user.id)
        conditions.append(Nomination.campaign_id.in_(campaigns) & Nomination.status.in_(COUNCIL_VISIBLE))
    return query.where(or_(*conditions)) if conditions else query.where(db.false())


@dataclass(frozen=True)
class WorkList:
    key: str
    label: str
    statuses: tuple[NominationStatus, ...]  # empty: every state


_UNIT_LISTS = (
    WorkList("draft", "Nháp", (S.DRAFT,)),
    WorkList("returned", "Bị trả lại", (S.RETURNED,)),
    WorkList("sent", "Đã gửi, đang xử lý", (S.SUBMITTED, S.ACCEPTED, S.APPRAISED, S.IN_SCORING, S.SCORED, S.VOTED)),
    WorkList("done", "Đã có kết quả", (S.APPROVED, S.AWARDED, S.REJECTED, S.INELIGIBLE, S.WITHDRAWN)),
)
_SECRETARIAT_LISTS = (
    WorkList("to_receive", "Chờ tiếp nhận", (S.SUBMITTED,)),
    WorkList("to_appraise", "Chờ thẩm định", (S.ACCEPTED,)),
    WorkList("appraised", "Đã thẩm định", (S.APPRAISED, S.INELIGIBLE)),
    WorkList("returned", "Đã trả lại", (S.RETURNED,)),
    WorkList("council", "Tại Hội đồng", (S.IN_SCORING, S.SCORED, S.VOTED)),
    WorkList("done", "Đã có kết quả", (S.APPROVED, S.AWARDED, S.REJECTED, S.WITHDRAWN)),
)
_COUNCIL_LISTS = (
    WorkList("in_scoring", "Đang chấm điểm", (S.IN_SCORING,)),
    WorkList("council", "Đã chấm, bỏ phiếu", (S.SCORED, S.VOTED, S.APPROVED, S.REJECTED, S.AWARDED)),
)
ALL = WorkList("all", "Tất cả", ())


def work_lists(user: User) -> list[WorkList]:
    """The work lists a user's roles give, first one is the default."""
    lists: list[WorkList] = []
    if user.has_role(Role.ADMIN, Role.SECRETARIAT):
        lists += _SECRETARIAT_LISTS
    elif user.has_role(Role.UNIT_OFFICER):
        lists += _UNIT_LISTS
    if user.has_role(Role.COUNCIL_MEMBER) and not lists:
        lists += _COUNCIL_LISTS
    return lists + [ALL]


def list_query(user: User, work_list: WorkList, *, q: str = "", campaign_id: int | None = None,
               award_type_id: int | None = None) -> Select:
    """The nominations of one work list, newest change first, relations loaded for display."""
    query = select(Nomination).options(
        selectinload(Nomination.person).selectinload(Person.unit), selectinload(Nomination.unit),
        selectinload(Nomination.nominating_unit), selectinload(Nomination.award_type),
        selectinload(Nomination.campaign))
    query = visible_to(user, query)
    if work_list.statuses:
        query = query.where(Nomination.status.in_(work_list.statuses))
    if campaign_id:
        query = query.where(Nomination.campaign_id == campaign_id)
    if award_type_id:
        query = query.where(Nomination.award_type_id == award_type_id)
    if q.strip():
        like = f"%{fold(q)}%"
        people = select(Person.id).where(Person.search_name.like(like))
        units = select(OrgUnit.id).where(OrgUnit.search_name.like(like))
        query = query.where(or_(Nomination.person_id.in_(people), Nomination.unit_id.in_(units),
                                Nomination.nominating_unit_id.in_(units)))
    return query.order_by(Nomination.updated_at.desc(), Nomination.id.desc())


def list_counts(user: User, lists: list[WorkList]) -> dict[str, int]:
    """How many nominations each work list holds (one grouped query)."""
    rows = db.session.execute(visible_to(user, select(Nomination.status, db.func.count(Nomination.id)))
                              .group_by(Nomination.status)).tuples().all()
    by_status = dict(rows)
    return {wl.key: sum(n for s, n in by_status.items() if not wl.statuses or s in wl.statuses) for wl in lists}
