"""The register of initiatives and models: record, edit, submit, evidence, and the filtered list."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import Select, extract, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (
    Campaign, EvidenceFile, InfluenceScope, Initiative, InitiativeAuthor, InitiativeKind, InitiativeMetric,
    InitiativeStatus, OrgUnit, Person, Role, User,
)
from app.models.base import utcnow
from app.models.text import fold, nfc
from app.services.audit import record_audit, snapshot
from app.services.errors import ServiceError, check_version

AUDIT_FIELDS = ["kind", "title", "owner_unit_id", "start_date", "summary", "novelty", "application",
                "status", "scope"]


@dataclass(frozen=True)
class MetricData:
    label: str
    value: Decimal
    unit: str = ""
    period_start: date | None = None
    period_end: date | None = None


@dataclass(frozen=True)
class InitiativeData:
    kind: InitiativeKind
    title: str
    owner_unit_id: int
    start_date: date | None = None
    summary: str = ""
    novelty: str = ""
    application: str = ""
    author_ids: list[int] = field(default_factory=list)
    campaign_ids: list[int] = field(default_factory=list)
    metrics: list[MetricData] = field(default_factory=list)


@dataclass(frozen=True)
class InitiativeFilters:
    q: str = ""
    unit_id: int | None = None
    kind: InitiativeKind | None = None
    scope: InfluenceScope | None = None
    year: int | None = None
    status: InitiativeStatus | None = None


def subtree_ids(unit_id: int) -> list[int]:
    """The unit and all its descendants (one recursive query)."""
    tree = select(OrgUnit.id).where(OrgUnit.id == unit_id).cte("tree", recursive=True)
    tree = tree.union_all(select(OrgUnit.id).where(OrgUnit.parent_id == tree.c.id))
    return list(db.session.scalars(select(tree.c.id)))


def units_for(user: User) -> list[OrgUnit]:
    """Units a user may record initiatives for, by name."""
    stmt = select(OrgUnit).where(OrgUnit.valid_to.is_(None)).order_by(OrgUnit.short_name)
    if not user.has_role(Role.ADMIN, Role.SECRETARIAT):
        if user.unit_id is None:
            return []
        stmt = stmt.where(OrgUnit.id.in_(subtree_ids(user.unit_id)))
    return list(db.session.scalars(stmt))


def all_units() -> list[OrgUnit]:
    return list(db.session.scalars(select(OrgUnit).where(OrgUnit.valid_to.is_(None)).order_by(OrgUnit.short_name)))


def people_for(unit_ids: list[int] | None) -> list[Person]:
    """People who can be named as authors (all when unit_ids is None)."""
    stmt = select(Person).options(selectinload(Person.unit)).order_by(Person.search_name)
    if unit_ids is not None:
        stmt = stmt.where(Person.unit_id.in_(unit_ids))
    return list(db.session.scalars(stmt))


def campaign_choices() -> list[Campaign]:
    return list(db.session.scalars(select(Campaign).order_by(Campaign.period_start.desc(), Campaign.name)))


def _check(data: InitiativeData, *, by: User) -> tuple[OrgUnit, list[Person], list[Campaign]]:
    title = nfc(data.title) or ""
    if not title:
        raise ServiceError("Vui lòng nhập tên sáng kiến, mô hình.", "title")
    unit = db.session.get(OrgUnit, data.owner_unit_id)
    if unit is None:
        raise ServiceError("Đơn vị không tồn tại.", "owner_unit_id")
    if not by.has_role(Role.ADMIN, Role.SECRETARIAT) and not by.in_scope(unit):
        raise ServiceError("Bạn chỉ được ghi nhận sáng kiến của đơn vị mình và đơn vị trực thuộc.", "owner_unit_id")
    people = list(db.session.scalars(select(Person).where(Person.id.in_(data.author_ids)))) if data.author_ids else []
    if len(people) != len(set(data.author_ids)):
        raise ServiceError("Có tác giả không tồn tại.", "author_ids")
    campaigns = (list(db.session.scalars(select(Campaign).where(Campaign.id.in_(data.campaign_ids))))
                 if data.campaign_ids else [])
    if len(campaigns) != len(set(data.campaign_ids)):
        raise ServiceError("Có phong trào thi đua không tồn tại.", "campaign_ids")
    for metric in data.metrics:
        if metric.period_start and metric.period_end and metric.period_end < metric.period_start:
            raise ServiceError(f"Chỉ số “{metric.label}”: tháng kết thúc trước tháng bắt đầu.", "metrics")
        if metric.value < 0:
            raise ServiceError(f"Chỉ số “{metric.label}”: giá trị không được âm.", "metrics")
    order = {pid: i for i, pid in enumerate(dict.fromkeys(data.author_ids))}
    people.sort(key=lambda p: order[p.id])
    return unit, people, campaigns


def _apply(initiative: Initiative, data: InitiativeData, unit: OrgUnit, people: list[Person],
           campaigns: list[Campaign]) -> None:
    initiative.kind = data.kind
    initiative.title = nfc(data.title) or ""
    initiative.owner_unit = unit
    initiative.start_date = data.start_date
    initiative.summary = nfc(data.summary) or ""
    initiative.novelty = nfc(data.novelty) or ""
    initiative.application = nfc(data.application) or ""
    keep = {link.person_id: link for link in initiative.author_links}
    initiative.author_links = [keep.get(p.id) or InitiativeAuthor(person=p) for p in people]
    for position, link in enumerate(initiative.author_links):
        link.position = position
    initiative.campaigns = campaigns
    initiative.metrics = [
        InitiativeMetric(position=i, label=nfc(m.label) or "", value=m.value, unit=nfc(m.unit) or "",
                         period_start=m.period_start, period_end=m.period_end)
        for i, m in enumerate(data.metrics)
    ]
    initiative.refresh_search_text()


def create_initiative(data: InitiativeData, *, by: User, evidence: list[EvidenceFile] = ()) -> Initiative:
    """Record a new initiative (as a draft) with its authors, campaigns, metrics and files."""
    if not Initiative.can_create(by):
        raise ServiceError("Bạn không có quyền ghi nhận sáng kiến.")
    unit, people, campaigns = _check(data, by=by)
    initiative = Initiative(status=InitiativeStatus.DRAFT, created_by_id=by.id)
    _apply(initiative, data, unit, people, campaigns)
    initiative.evidence = list(evidence)
    db.session.add(initiative)
    db.session.flush()
    record_audit("initiative.create", by=by, obj=initiative, summary=initiative.title,
                 after=snapshot(initiative, AUDIT_FIELDS))
    return initiative


def update_initiative(initiative: Initiative, data: InitiativeData, *, by: User,
                      version_id: int | None = None, evidence: list[EvidenceFile] = ()) -> Initiative:
    """Change an initiative; refuses when someone saved it since `version_id` was loaded."""
    if not initiative.can_edit(by):
        raise ServiceError("Sáng kiến đã được công nhận hoặc bạn không có quyền sửa.")
    check_version(initiative, version_id, "Sáng kiến vừa được người khác cập nhật. Vui lòng tải lại trang và nhập lại thay đổi.")
    unit, people, campaigns = _check(data, by=by)
    before = snapshot(initiative, AUDIT_FIELDS)
    _apply(initiative, data, unit, people, campaigns)
    initiative.evidence.extend(evidence)
    initiative.updated_at = utcnow()
    db.session.flush()
    record_audit("initiative.update", by=by, obj=initiative, summary=initiative.title,
                 before=before, after=snapshot(initiative, AUDIT_FIELDS))
    return initiative


def submit_initiative(initiative: Initiative, *, by: User) -> Initiative:
    """Send a draft to the initiative council for recognition."""
    if not initiative.can_submit(by):
        raise ServiceError("Chỉ gửi công nhận được sáng kiến nháp hoặc chưa được công nhận của đơn vị mình.")
    if not initiative.summary.strip():
        raise ServiceError("Vui lòng nhập tóm tắt trước khi gửi công nhận.", "summary")
    initiative.status = InitiativeStatus.SUBMITTED
    initiative.updated_at = utcnow()
    db.session.flush()
    record_audit("initiative.submit", by=by, obj=initiative, summary=initiative.title)
    return initiative


def remove_evidence(initiative: Initiative, evidence: EvidenceFile, *, by: User) -> None:
    """Unlink a file from the initiative (the file row stays for the audit trail)."""
    if not initiative.can_edit(by):
        raise ServiceError("Bạn không có quyền sửa sáng kiến này.")
    if evidence not in initiative.evidence:
        raise ServiceError("Tệp không thuộc sáng kiến này.")
    initiative.evidence.remove(evidence)
    db.session.flush()
    record_audit("initiative.remove_evidence", by=by, obj=initiative,
                 summary=f"{evidence.original_name} ({evidence.sha256[:12]})")


def visible_initiatives(user: User) -> Select:
    """Initiatives the user may see (SQL), before filters."""
    stmt = select(Initiative)
    if user.sees_all_units or user.has_role(Role.COUNCIL_MEMBER):
        return stmt
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id is not None:
        return stmt.where(Initiative.owner_unit_id.in_(subtree_ids(user.unit_id)))
    return stmt.where(False)


def filter_initiatives(stmt: Select, filters: InitiativeFilters) -> Select:
    """Apply list filters; the text query matches every word, ignoring diacritics and case."""
    for word in fold(filters.q).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(Initiative.search_text.like(f"%{escaped}%", escape="\\"))
    if filters.unit_id:
        stmt = stmt.where(Initiative.owner_unit_id.in_(subtree_ids(filters.unit_id)))
    if filters.kind:
        stmt = stmt.where(Initiative.kind == filters.kind)
    if filters.scope:
        stmt = stmt.where(Initiative.scope == filters.scope)
    if filters.year:
        stmt = stmt.where(extract("year", Initiative.start_date) == filters.year)
    if filters.status:
        stmt = stmt.where(Initiative.status == filters.status)
    return stmt


def list_query(user: User, filters: InitiativeFilters) -> Select:
    """The list page and exports: visible, filtered, newest first, relations loaded on purpose."""
    stmt = filter_initiatives(visible_initiatives(user), filters)
    return stmt.options(
        selectinload(Initiative.owner_unit),
        selectinload(Initiative.author_links).selectinload(InitiativeAuthor.person),
    ).order_by(Initiative.start_date.desc().nulls_last(), Initiative.id.desc())


def detail_options():
    """Loader options for the detail page."""
    return [
        selectinload(Initiative.owner_unit),
        selectinload(Initiative.author_links).selectinload(InitiativeAuthor.person).selectinload(Person.unit),
        selectinload(Initiative.campaigns), selectinload(Initiative.metrics),
        selectinload(Initiative.recognitions), selectinload(Initiative.evidence),
    ]
