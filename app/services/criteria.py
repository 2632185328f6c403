"""Criteria sheets: editing the tree while unlocked, locking, versioning, and the outline
the council's scoring uses. Totals are always computed here, never typed."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Campaign, CriteriaSheet, Criterion, CriterionKind, SubjectType, User
from app.models.base import utcnow
from app.services.audit import record_audit, snapshot
from app.services.errors import ServiceError

ZERO = Decimal("0")
FIELDS = ["kind", "code", "title", "guidance", "max_points", "penalty_points", "position", "parent_id"]


@dataclass(frozen=True)
class OutlineNode:
    id: int
    code: str
    title: str
    kind: CriterionKind
    guidance: str
    max_points: Decimal  # a parent's is the sum of its children's
    penalty_points: Decimal
    depth: int
    children: tuple[OutlineNode, ...]

    @property
    def is_leaf(self) -> bool:
        return not self.children


@dataclass(frozen=True)
class SheetOutline:
    """A sheet ready to score against: scored tree, bonus items (capped), penalties, knockouts."""

    sheet_id: int
    campaign_id: int
    subject_type: SubjectType
    version: int
    is_locked: bool
    scored: tuple[OutlineNode, ...]
    bonus: tuple[OutlineNode, ...]
    penalties: tuple[OutlineNode, ...]
    knockouts: tuple[OutlineNode, ...]
    total_max: Decimal
    bonus_cap: Decimal

    @property
    def leaves(self) -> tuple[OutlineNode, ...]:
        """The scored criteria a member gives points on, in display order."""
        out: list[OutlineNode] = []

        def walk(nodes: tuple[OutlineNode, ...]) -> None:
            for n in nodes:
                out.append(n) if n.is_leaf else walk(n.children)

        walk(self.scored)
        return tuple(out)

    @property
    def bonus_items_max(self) -> Decimal:
        return sum((n.max_points for n in self.bonus), ZERO)

    @property
    def grand_max(self) -> Decimal:
        """The highest reachable total: scored maximum plus the bonus cap (or the items' sum if smaller)."""
        return self.total_max + min(self.bonus_cap, self.bonus_items_max)

    def flat(self) -> tuple[OutlineNode, ...]:
        """Every node, depth-first, for tables."""
        out: list[OutlineNode] = []

        def walk(nodes: tuple[OutlineNode, ...]) -> None:
            for n in nodes:
                out.append(n)
                walk(n.children)

        for group in (self.scored, self.bonus, self.penalties, self.knockouts):
            walk(group)
        return tuple(out)


def _snap(criterion: Criterion) -> dict:
    # The audit log stores JSON; points are kept as exact decimal strings.
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in snapshot(criterion, FIELDS).items()}


def sheet_outline(sheet: CriteriaSheet) -> SheetOutline:
    """The sheet as frozen plain data with computed maxima (one query for all criteria)."""
    rows = list(db.session.scalars(select(Criterion).where(Criterion.sheet_id == sheet.id)
                                   .order_by(Criterion.position, Criterion.id)))
    by_parent: dict[int | None, list[Criterion]] = {}
    for row in rows:
        by_parent.setdefault(row.parent_id, []).append(row)

    def build(c: Criterion, depth: int) -> OutlineNode:
        kids = tuple(build(k, depth + 1) for k in by_parent.get(c.id, []))
        top = sum((k.max_points for k in kids), ZERO) if kids else c.max_points
        return OutlineNode(c.id, c.code, c.title, c.kind, c.guidance, top, c.penalty_points, depth, kids)

    roots = [build(c, 0) for c in by_parent.get(None, [])]
    group = {k: tuple(n for n in roots if n.kind is k) for k in CriterionKind}
    scored = group[CriterionKind.SCORED]
    return SheetOutline(sheet.id, sheet.campaign_id, sheet.subject_type, sheet.version, sheet.is_locked,
                        scored, group[CriterionKind.BONUS], group[CriterionKind.PENALTY], group[CriterionKind.KNOCKOUT],
                        sum((n.max_points for n in scored), ZERO), sheet.bonus_cap)


def current_sheet(campaign: Campaign, subject_type: SubjectType) -> CriteriaSheet | None:
    return db.session.scalar(select(CriteriaSheet).where(
        CriteriaSheet.campaign_id == campaign.id, CriteriaSheet.subject_type == subject_type,
        CriteriaSheet.is_current.is_(True)))


def ensure_editable(sheet: CriteriaSheet) -> None:
    if sheet.is_locked:
        raise ServiceError("Bảng tiêu chí đã khóa vì đợt thi đua đã bước vào chấm điểm; "
                           "hãy tạo phiên bản mới nếu cần thay đổi.")
    if not sheet.is_current:
        raise ServiceError("Đây là phiên bản cũ của bảng tiêu chí; chỉ sửa được phiên bản hiện hành.")


def create_sheet(campaign: Campaign, *, subject_type: SubjectType, bonus_cap: Decimal, by: User) -> CriteriaSheet:
    if current_sheet(campaign, subject_type) is not None:
        raise ServiceError(f"Đợt thi đua đã có bảng tiêu chí cho {subject_type.label.lower()}.", "subject_type")
    if bonus_cap < 0:
        raise ServiceError("Điểm thưởng tối đa không được âm.", "bonus_cap")
    sheet = CriteriaSheet(campaign=campaign, subject_type=subject_type, bonus_cap=bonus_cap, version=1)
    db.session.add(sheet)
    record_audit("criteria.sheet_created", by=by, obj=sheet, summary=f"{campaign.code} — {subject_type.label}")
    return sheet


def _check_points(sheet: CriteriaSheet, kind: CriterionKind, max_points: Decimal, penalty_points: Decimal) -> None:
    if max_points < 0:
        raise ServiceError("Điểm tối đa không được âm.", "max_points")
    if penalty_points < 0:
        raise ServiceError("Điểm trừ mỗi lần được nhập là số dương (không có dấu trừ).", "penalty_points")
    if kind is CriterionKind.BONUS and max_points > sheet.bonus_cap:
        raise ServiceError(f"Điểm thưởng tối đa của mục ({_pts(max_points)}) vượt mức trần điểm thưởng "
                           f"của bảng ({_pts(sheet.bonus_cap)}).", "max_points")
    if kind is CriterionKind.PENALTY and penalty_points == 0:
        raise ServiceError("Mục điểm trừ cần số điểm trừ mỗi lần lớn hơn 0.", "penalty_points")


def _pts(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def add_criterion(sheet: CriteriaSheet, *, by: User, title: str, kind: CriterionKind = CriterionKind.SCORED,
                  parent: Criterion | None = None, code: str = "", guidance: str = "",
                  max_points: Decimal = ZERO, penalty_points: Decimal = ZERO) -> Criterion:
    ensure_editable(sheet)
    if parent is not None:
        if parent.sheet_id != sheet.id:
            raise ServiceError("Tiêu chí cha không thuộc bảng này.", "parent_id")
        if parent.kind is not CriterionKind.SCORED:
            raise ServiceError("Chỉ tiêu chí chấm điểm mới có tiêu chí thành phần.", "parent_id")
        kind = CriterionKind.SCORED
    if not title.strip():
        raise ServiceError("Vui lòng nhập tên tiêu chí.", "title")
    _check_points(sheet, kind, max_points, penalty_points)
    siblings = [c for c in sheet.criteria if c.parent_id == (parent.id if parent else None)]
    crit = Criterion(sheet=sheet, parent=parent, kind=kind, title=title.strip(), code=code.strip(),
                     guidance=guidance.strip(), max_points=max_points, penalty_points=penalty_points,
                     position=max((c.position for c in siblings), default=-1) + 1)
    db.session.add(crit)
    record_audit("criteria.added", by=by, obj=crit, after=_snap(crit), summary=crit.title)
    return crit


def update_criterion(criterion: Criterion, *, by: User, title: str, code: str, guidance: str,
                     max_points: Decimal, penalty_points: Decimal) -> Criterion:
    sheet = criterion.sheet
    ensure_editable(sheet)
    if not title.strip():
        raise ServiceError("Vui lòng nhập tên tiêu chí.", "title")
    _check_points(sheet, criterion.kind, max_points, penalty_points)
    before = _snap(criterion)
    criterion.title, criterion.code, criterion.guidance = title.strip(), code.strip(), guidance.strip()
    criterion.max_points, criterion.penalty_points = max_points, penalty_points
    db.session.flush()
    record_audit("criteria.updated", by=by, obj=criterion, before=before, after=_snap(criterion),
                 summary=criterion.title)
    return criterion


def remove_criterion(criterion: Criterion, *, by: User) -> None:
    ensure_editable(criterion.sheet)
    before = _snap(criterion)
    record_audit("criteria.removed", by=by, obj=criterion, before=before, summary=criterion.title)
    criterion.sheet.criteria.remove(criterion)
    db.session.delete(criterion)
    db.session.flush()


def move_criterion(criterion: Criterion, *, by: User, offset: int) -> None:
    """Swap with the previous (offset −1) or next (+1) sibling of the same kind."""
    ensure_editable(criterion.sheet)
    siblings = sorted((c for c in criterion.sheet.criteria if c.parent_id == criterion.parent_id),
                      key=lambda c: (c.position, c.id))
    for i, c in enumerate(siblings):
        c.position = i
    index = siblings.index(criterion)
    target = index + offset
    if 0 <= target < len(siblings):
        other = siblings[target]
        criterion.position, other.position = other.position, criterion.position
    db.session.flush()
    record_audit("criteria.moved", by=by, obj=criterion, summary=f"{criterion.title} ({offset:+d})")


def set_bonus_cap(sheet: CriteriaSheet, *, by: User, bonus_cap: Decimal) -> None:
    ensure_editable(sheet)
    if bonus_cap < 0:
        raise ServiceError("Điểm thưởng tối đa không được âm.", "bonus_cap")
    biggest = max((c.max_points for c in sheet.criteria if c.kind is CriterionKind.BONUS), default=ZERO)
    if biggest > bonus_cap:
        raise ServiceError(f"Đã có mục điểm thưởng tối đa {_pts(biggest)} điểm; mức trần không thể thấp hơn.",
                           "bonus_cap")
    before = {"bonus_cap": str(sheet.bonus_cap)}
    sheet.bonus_cap = bonus_cap
    db.session.flush()
    record_audit("criteria.bonus_cap", by=by, obj=sheet, before=before, after={"bonus_cap": str(bonus_cap)})


def lock_sheets(campaign: Campaign, *, by: User | None) -> int:
    """Lock every current sheet of the campaign (when scoring starts); returns how many."""
    count = 0
    for sheet in campaign.criteria_sheets:
        if sheet.is_current and not sheet.is_locked:
            sheet.locked_at = utcnow()
            count += 1
            record_audit("criteria.locked", by=by, obj=sheet, summary=f"{campaign.code} v{sheet.version}")
    db.session.flush()
    return count


def new_sheet_version(sheet: CriteriaSheet, *, by: User) -> CriteriaSheet:
    """Copy a locked sheet into a new, editable current version; the old one is kept."""
    if not sheet.is_current:
        raise ServiceError("Chỉ tạo phiên bản mới từ phiên bản hiện hành.")
    if not sheet.is_locked:
        raise ServiceError("Bảng tiêu chí chưa khóa: hãy sửa trực tiếp.")
    sheet.is_current = False
    copy = CriteriaSheet(campaign_id=sheet.campaign_id, subject_type=sheet.subject_type, version=sheet.version + 1,
                         bonus_cap=sheet.bonus_cap, is_current=True)
    db.session.add(copy)
    mapping: dict[int, Criterion] = {}
    for c in sorted(sheet.criteria, key=lambda c: (c.parent_id is not None, c.id)):
        new = Criterion(kind=c.kind, position=c.position, code=c.code, title=c.title,
                        guidance=c.guidance, max_points=c.max_points, penalty_points=c.penalty_points)
        mapping[c.id] = new
        copy.criteria.append(new)
    for c in sheet.criteria:
        if c.parent_id is not None:
            mapping[c.id].parent = mapping[c.parent_id]
    db.session.flush()
    record_audit("criteria.new_version", by=by, obj=copy, summary=f"{sheet.campaign.code} v{copy.version}",
                 before={"sheet_id": sheet.id})
    return copy


def sheets_of(campaign: Campaign) -> list[CriteriaSheet]:
    return list(db.session.scalars(select(CriteriaSheet).where(CriteriaSheet.campaign_id == campaign.id)
                                   .options(selectinload(CriteriaSheet.criteria))
                                   .order_by(CriteriaSheet.subject_type, CriteriaSheet.version.desc())))
