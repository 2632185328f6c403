"""Configuring the initiative scoring sheet: list, edit in place, or version it once reviews use it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import exists, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import InitiativeReview, InitiativeScoringCriterion, InitiativeScoringSheet, User
from app.models.text import nfc
from app.services.audit import record_audit
from app.services.errors import ServiceError, check_version
from app.services.initiative_reviews import create_default_sheet

MAX_POINTS = Decimal(1000)


@dataclass(frozen=True)
class CriterionRow:
    """One criterion as typed; criterion_id is None for a new row."""

    title: str
    max_points: Decimal
    criterion_id: int | None = None


@dataclass(frozen=True)
class SheetData:
    name: str
    legal_basis: str
    unit_threshold: Decimal
    city_threshold: Decimal
    effective_from: date
    effective_to: date | None
    criteria: list[CriterionRow]


@dataclass(frozen=True)
class SheetListing:
    in_force: list[InitiativeScoringSheet]
    past: list[InitiativeScoringSheet]
    used: set[int]  # ids of sheets some review was recorded under


def rows_total(rows: list[CriterionRow]) -> Decimal:
    """The maximum total of the typed rows (shown beside the form)."""
    return sum((r.max_points for r in rows), Decimal(0))


def sheet_used(sheet: InitiativeScoringSheet) -> bool:
    """Whether any review was recorded under the sheet (then it must never change)."""
    return bool(db.session.scalar(select(exists().where(InitiativeReview.sheet_id == sheet.id))))


def list_sheets(*, today: date | None = None) -> SheetListing:
    """Sheets still in force (or starting later) first, newest first; then those that ended."""
    day = today or date.today()
    sheets = list(db.session.scalars(
        select(InitiativeScoringSheet).options(selectinload(InitiativeScoringSheet.criteria))
        .order_by(InitiativeScoringSheet.effective_from.desc(), InitiativeScoringSheet.id.desc())
    ))
    used = set(db.session.scalars(select(InitiativeReview.sheet_id).distinct()))
    in_force = [s for s in sheets if s.effective_to is None or s.effective_to >= day]
    past = [s for s in sheets if s.effective_to is not None and s.effective_to < day]
    return SheetListing(in_force, past, used)


def ensure_default_sheet(*, by: User) -> InitiativeScoringSheet:
    """Create the 30/30/40 default sheet when no sheet exists yet."""
    if db.session.scalar(select(exists().where(InitiativeScoringSheet.id.is_not(None)))):
        raise ServiceError("Đã có phiếu chấm điểm; hãy sửa phiếu hiện có.")
    sheet = create_default_sheet()
    record_audit("initiative_sheet.create", by=by, obj=sheet, summary=sheet.name, after=_snapshot(sheet))
    return sheet


def _check(sheet: InitiativeScoringSheet, data: SheetData, *, versioning: bool) -> None:
    if not nfc(data.name):
        raise ServiceError("Vui lòng nhập tên phiếu chấm.", "name")
    if not data.criteria:
        raise ServiceError("Phiếu chấm phải có ít nhất một tiêu chí.", "criteria")
    own_ids = {c.id for c in sheet.criteria}
    for row in data.criteria:
        if not nfc(row.title):
            raise ServiceError("Vui lòng nhập tên tiêu chí.", "criteria")
        if not Decimal(0) < row.max_points <= MAX_POINTS:
            raise ServiceError(f"Điểm tối đa của “{row.title}” phải lớn hơn 0 và không quá 1.000.", "criteria")
        if row.criterion_id is not None and row.criterion_id not in own_ids:
            raise ServiceError("Tiêu chí không thuộc phiếu chấm này.", "criteria")
    if data.unit_threshold < 0:
        raise ServiceError("Ngưỡng cấp cơ sở không được âm.", "unit_threshold")
    if data.city_threshold < data.unit_threshold:
        raise ServiceError("Ngưỡng cấp thành phố phải lớn hơn hoặc bằng ngưỡng cấp cơ sở.", "city_threshold")
    if data.city_threshold > rows_total(data.criteria):
        raise ServiceError("Ngưỡng cấp thành phố không được vượt tổng điểm tối đa của phiếu.", "city_threshold")
    if data.effective_to is not None and data.effective_to < data.effective_from:
        raise ServiceError("Ngày hết hiệu lực phải từ ngày có hiệu lực trở đi.", "effective_to")
    if versioning and data.effective_from <= sheet.effective_from:
        raise ServiceError(
            "Phiếu này đã được dùng để chấm điểm nên thay đổi sẽ lập phiếu mới; ngày có hiệu lực "
            f"của phiếu mới phải sau ngày {sheet.effective_from:%d/%m/%Y}.", "effective_from")


def _snapshot(sheet: InitiativeScoringSheet) -> dict[str, object]:
    return {
        "name": sheet.name, "legal_basis": sheet.legal_basis,
        "unit_threshold": str(sheet.unit_threshold), "city_threshold": str(sheet.city_threshold),
        "effective_from": sheet.effective_from, "effective_to": sheet.effective_to,
        "criteria": [f"{c.code}: {c.title} ({c.max_points})" for c in sheet.criteria],
    }


def _fresh_code(taken: set[str]) -> str:
    n = 1
    while f"c{n}" in taken:
        n += 1
    taken.add(f"c{n}")
    return f"c{n}"


def _apply_fields(sheet: InitiativeScoringSheet, data: SheetData) -> None:
    sheet.name = nfc(data.name) or ""
    sheet.legal_basis = nfc(data.legal_basis) or ""
    sheet.unit_threshold = data.unit_threshold
    sheet.city_threshold = data.city_threshold
    sheet.effective_from = data.effective_from
    sheet.effective_to = data.effective_to


def save_sheet(sheet: InitiativeScoringSheet, *, data: SheetData, by: User,
               version_id: int | None = None) -> InitiativeScoringSheet:
    """Edit the sheet in place; once reviews use it, create a new sheet from the edits instead.

    The new sheet takes effect on data.effective_from and the old one ends the day before, so
    every recorded review keeps pointing at the criteria and thresholds it was scored on.
    Returns the sheet that now holds the edits.
    """
    check_version(sheet, version_id, "Phiếu chấm này vừa được người khác sửa sau khi bạn mở trang. "
                                     "Hãy tải lại trang để xem bản mới rồi nhập lại thay đổi.")
    versioning = sheet_used(sheet)
    _check(sheet, data, versioning=versioning)
    before = _snapshot(sheet)
    if versioning:
        by_id = {c.id: c for c in sheet.criteria}
        taken = {c.code for c in sheet.criteria}
        new = InitiativeScoringSheet(is_default=sheet.is_default)
        _apply_fields(new, data)
        for position, row in enumerate(data.criteria):
            old = by_id.get(row.criterion_id) if row.criterion_id else None
            new.criteria.append(InitiativeScoringCriterion(
                position=position, code=old.code if old else _fresh_code(taken), title=nfc(row.title) or "",
                guidance=old.guidance if old else "", max_points=row.max_points))
        sheet.effective_to = data.effective_from - timedelta(days=1)
        db.session.add(new)
        db.session.flush()
        record_audit("initiative_sheet.supersede", by=by, obj=sheet,
                     summary=f"Hết hiệu lực từ {data.effective_from:%d/%m/%Y}; thay bằng phiếu #{new.id}",
                     before={"effective_to": before["effective_to"]}, after={"effective_to": sheet.effective_to})
        record_audit("initiative_sheet.create", by=by, obj=new, summary=f"{new.name} (thay phiếu #{sheet.id})",
                     before=before, after=_snapshot(new))
        return new
    _apply_fields(sheet, data)
    by_id = {c.id: c for c in sheet.criteria}
    # Codes of removed rows stay taken: their deletes flush after the inserts.
    taken = {c.code for c in sheet.criteria}
    kept = []
    for position, row in enumerate(data.criteria):
        criterion = by_id.get(row.criterion_id) if row.criterion_id else None
        if criterion is None:
            criterion = InitiativeScoringCriterion(code=_fresh_code(taken), guidance="")
        criterion.position, criterion.title, criterion.max_points = position, nfc(row.title) or "", row.max_points
        kept.append(criterion)
    sheet.criteria = kept
    db.session.flush()
    db.session.refresh(sheet, ["criteria"])
    record_audit("initiative_sheet.update", by=by, obj=sheet, summary=sheet.name,
                 before=before, after=_snapshot(sheet))
    return sheet
