"""Org units: the effective-dated tree, search, and audited changes (create, update, close, merge)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, or_, select

from app.extensions import db
from app.models import OrgUnit, OrgUnitKind, Person, UnitSuccession, User
from app.models.text import collation_key, fold, nfc
from app.services.audit import record_audit, snapshot
from app.services.errors import ServiceError, check_version

UNIT_FIELDS = ["code", "kind", "name", "short_name", "parent_id", "valid_from", "valid_to"]
CONFLICT_MESSAGE = ("Đơn vị này vừa được người khác sửa sau khi bạn mở trang. "
                    "Vui lòng tải lại trang để xem nội dung mới rồi sửa lại.")


def valid_on(day: date):
    """SQL condition: the unit exists on `day`."""
    return (OrgUnit.valid_from <= day) & or_(OrgUnit.valid_to.is_(None), OrgUnit.valid_to >= day)


@dataclass
class TreeNode:
    unit: OrgUnit
    people: int = 0
    children: list[TreeNode] = field(default_factory=list)
    matched: bool = False


@dataclass
class UnitTree:
    roots: list[TreeNode]
    total: int
    matches: int | None = None  # None when not searching


def _sort(nodes: list[TreeNode]) -> list[TreeNode]:
    nodes.sort(key=lambda n: (list(OrgUnitKind).index(n.unit.kind), collation_key(n.unit.short_name)))
    for node in nodes:
        _sort(node.children)
    return nodes


def build_tree(user: User, *, on: date, query: str = "") -> UnitTree:
    """The units existing on `on` that the user may see, as a tree, in two queries whatever its
    size. With a query (diacritics and case ignored) only matches and their ancestors remain."""
    units = list(db.session.scalars(select(OrgUnit).where(valid_on(on))))
    counts = dict(db.session.execute(
        select(Person.unit_id, func.count()).join(OrgUnit, Person.unit_id == OrgUnit.id)
        .where(valid_on(on)).group_by(Person.unit_id)).all())
    nodes = {u.id: TreeNode(u, counts.get(u.id, 0)) for u in units}
    roots: list[TreeNode] = []
    for node in nodes.values():
        parent = nodes.get(node.unit.parent_id) if node.unit.parent_id else None
        (parent.children if parent else roots).append(node)
    if not user.sees_all_units:
        home = nodes.get(user.unit_id) if user.unit_id else None
        roots = [home] if home else []
    total = _count(roots)
    matches = None
    if query.strip():
        needle = fold(query)
        roots = _filter(roots, needle)
        matches = sum(1 for n in _walk(roots) if n.matched)
    return UnitTree(_sort(roots), total, matches)


def _walk(nodes: list[TreeNode]):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _count(nodes: list[TreeNode]) -> int:
    return sum(1 for _ in _walk(nodes))


def _filter(nodes: list[TreeNode], needle: str) -> list[TreeNode]:
    kept = []
    for node in nodes:
        node.children = _filter(node.children, needle)
        node.matched = needle in node.unit.search_name or needle == fold(node.unit.code)
        if node.matched or node.children:
            kept.append(node)
    return kept


def descendant_ids(unit_id: int) -> list[int]:
    """The unit and all its sub-units (any date), by a recursive query."""
    tree = select(OrgUnit.id).where(OrgUnit.id == unit_id).cte("tree", recursive=True)
    tree = tree.union_all(select(OrgUnit.id).where(OrgUnit.parent_id == tree.c.id))
    return list(db.session.scalars(select(tree.c.id)))


def unit_choices(user: User, *, on: date | None = None) -> list[tuple[int, str]]:
    """(id, "Parent › Unit") for select boxes: current units the user may pick, sorted."""
    on = on or date.today()
    units = {u.id: u for u in db.session.scalars(select(OrgUnit).where(valid_on(on)))}
    allowed = None if user.sees_all_units else set(descendant_ids(user.unit_id)) if user.unit_id else set()

    def label(unit: OrgUnit) -> str:
        parent = units.get(unit.parent_id) if unit.parent_id else None
        return f"{parent.short_name} › {unit.short_name}" if parent else unit.short_name

    rows = [(u.id, label(u)) for u in units.values() if allowed is None or u.id in allowed]
    return sorted(rows, key=lambda r: collation_key(r[1]))


def _check_values(*, code: str, name: str, short_name: str, parent: OrgUnit | None,
                  valid_from: date, valid_to: date | None, unit: OrgUnit | None = None) -> None:
    if not code:
        raise ServiceError("Vui lòng nhập mã đơn vị.", "code")
    same = select(OrgUnit.id).where(func.upper(OrgUnit.code) == code.upper())
    if unit is not None:
        same = same.where(OrgUnit.id != unit.id)
    if db.session.scalar(same) is not None:
        raise ServiceError("Mã đơn vị đã được dùng cho đơn vị khác.", "code")
    if not name or not short_name:
        raise ServiceError("Vui lòng nhập tên đơn vị.", "name" if not name else "short_name")
    if valid_to is not None and valid_to < valid_from:
        raise ServiceError("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.", "valid_to")
    if parent is not None and unit is not None:
        if parent.id == unit.id or parent.id in descendant_ids(unit.id):
            raise ServiceError("Không thể chọn chính đơn vị này hoặc đơn vị cấp dưới của nó làm đơn vị cấp trên.",
                               "parent_id")
    if parent is not None and parent.valid_to is not None and parent.valid_to < valid_from:
        raise ServiceError("Đơn vị cấp trên đã hết hiệu lực trước ngày bắt đầu của đơn vị này.", "parent_id")


def create_unit(*, code: str, kind: OrgUnitKind, name: str, short_name: str, parent: OrgUnit | None,
                valid_from: date, valid_to: date | None = None, by: User | None) -> OrgUnit:
    code, name, short_name = (nfc(code) or "").upper(), nfc(name) or "", nfc(short_name) or ""
    _check_values(code=code, name=name, short_name=short_name, parent=parent,
                  valid_from=valid_from, valid_to=valid_to)
    unit = OrgUnit(code=code, kind=kind, name=name, short_name=short_name, parent=parent,
                   valid_from=valid_from, valid_to=valid_to)
    db.session.add(unit)
    record_audit("unit.create", by=by, obj=unit, after=snapshot(unit, UNIT_FIELDS), summary=f"Tạo đơn vị {name}")
    return unit


def update_unit(unit: OrgUnit, *, code: str, kind: OrgUnitKind, name: str, short_name: str,
                parent: OrgUnit | None, valid_from: date, valid_to: date | None,
                version_id: int | None, by: User) -> OrgUnit:
    check_version(unit, version_id, CONFLICT_MESSAGE)
    code, name, short_name = (nfc(code) or "").upper(), nfc(name) or "", nfc(short_name) or ""
    _check_values(code=code, name=name, short_name=short_name, parent=parent,
                  valid_from=valid_from, valid_to=valid_to, unit=unit)
    before = snapshot(unit, UNIT_FIELDS)
    unit.code, unit.kind, unit.name, unit.short_name = code, kind, name, short_name
    unit.parent = parent
    unit.valid_from, unit.valid_to = valid_from, valid_to
    db.session.flush()
    record_audit("unit.update", by=by, obj=unit, before=before, after=snapshot(unit, UNIT_FIELDS),
                 summary=f"Sửa đơn vị {name}")
    return unit


def close_unit(unit: OrgUnit, *, valid_to: date, by: User | None) -> list[OrgUnit]:
    """End a unit's validity on `valid_to`, with its sub-units still open then; returns them all."""
    if valid_to < unit.valid_from:
        raise ServiceError("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.", "valid_to")
    ids = descendant_ids(unit.id)
    closed = list(db.session.scalars(select(OrgUnit).where(
        OrgUnit.id.in_(ids), or_(OrgUnit.valid_to.is_(None), OrgUnit.valid_to > valid_to))))
    for item in closed:
        item.valid_to = max(valid_to, item.valid_from)
    db.session.flush()
    record_audit("unit.close", by=by, obj=unit, after={"valid_to": valid_to, "units": [u.id for u in closed]},
                 summary=f"Kết thúc hiệu lực {unit.short_name} và {len(closed) - 1} đơn vị trực thuộc")
    return closed


def merge_units(predecessors: list[OrgUnit], *, code: str, kind: OrgUnitKind, name: str, short_name: str,
                parent: OrgUnit | None, effective_on: date, legal_basis: str, by: User | None) -> OrgUnit:
    """Create the successor of a merge (or a rename) from `effective_on`; the predecessors end
    the day before and keep successor links so their history reads "(nay là …)"."""
    if not predecessors:
        raise ServiceError("Chọn ít nhất một đơn vị được sắp xếp.", "predecessors")
    for unit in predecessors:
        if not unit.is_valid_on(effective_on - timedelta(days=1)):
            raise ServiceError(f"{unit.short_name} không còn hiệu lực trước ngày sắp xếp.", "predecessors")
    successor = create_unit(code=code, kind=kind, name=name, short_name=short_name, parent=parent,
                            valid_from=effective_on, by=by)
    for unit in predecessors:
        close_unit(unit, valid_to=effective_on - timedelta(days=1), by=by)
        db.session.add(UnitSuccession(predecessor=unit, successor=successor, effective_on=effective_on,
                                      legal_basis=nfc(legal_basis) or ""))
    db.session.flush()
    record_audit("unit.merge", by=by, obj=successor, after={"predecessors": [u.id for u in predecessors]},
                 summary=f"Sắp xếp {', '.join(u.short_name for u in predecessors)} thành {successor.short_name}")
    return successor
