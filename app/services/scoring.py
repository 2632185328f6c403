"""Scoring by council members: the form's inputs from the criteria, bounds, autosave, lock.

Values by criterion kind: SCORED and BONUS take points 0…max (two decimals); PENALTY takes
the number of occurrences (whole, each deducting the criterion's penalty points); KNOCKOUT
takes 0 or 1 (1: the nominee is knocked out). Draft sheets may be partial; submitting needs
every scored criterion and locks the sheet until the secretary reopens it with a reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.models import (
    Assignment, Council, CouncilMember, CriterionKind, Nomination, Person, Score, ScoreSheet, SheetStatus, User,
)
from app.models.base import utcnow
from app.services.audit import record_audit
from app.services.conflicts import conflict_map
from app.services.criteria import OutlineNode, SheetOutline, current_sheet, sheet_outline
from app.services.errors import ServiceError, check_version
from app.services.sheet_totals import refresh_sheet

MAX_OCCURRENCES = 99


class ScoreValidationError(ServiceError):
    """Several fields refused at once: {field name: Vietnamese message}."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("Một số điểm chưa hợp lệ, xem thông báo bên cạnh từng tiêu chí.")
        self.errors = errors


@dataclass(frozen=True)
class ScoreInput:
    node: OutlineNode
    kind: CriterionKind
    name: str  # form field name

    @property
    def bound_label(self) -> str:
        if self.kind is CriterionKind.PENALTY:
            return f"số lần vi phạm, mỗi lần trừ {points_text(self.node.penalty_points)} điểm"
        if self.kind is CriterionKind.KNOCKOUT:
            return "0: không, 1: có (loại)"
        return f"0 – {points_text(self.node.max_points)} điểm"


def points_text(value: Decimal) -> str:
    """A score as a member types it, the Vietnamese way: 12 · 7,5 · 0,25 (no trailing zeros)."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def field_name(criterion_id: int) -> str:
    return f"c{criterion_id}"


def outline_for(nomination: Nomination) -> SheetOutline:
    sheet = current_sheet(nomination.campaign, nomination.subject_type)
    if sheet is None:
        raise ServiceError("Đợt thi đua chưa có bảng tiêu chí cho loại đối tượng này.")
    return sheet_outline(sheet)


def score_inputs(outline: SheetOutline) -> list[ScoreInput]:
    """Every leaf a member fills in, in display order: scored, bonus, penalties, knockouts."""
    out: list[ScoreInput] = []

    def walk(nodes: tuple[OutlineNode, ...]) -> None:
        for n in nodes:
            if n.is_leaf:
                out.append(ScoreInput(n, n.kind, field_name(n.id)))
            else:
                walk(n.children)

    for group in (outline.scored, outline.bonus, outline.penalties, outline.knockouts):
        walk(group)
    return out


def parse_value(raw: str, inp: ScoreInput) -> Decimal | None:
    """The checked value, None when empty; raises ServiceError with a message for the field."""
    text = (raw or "").strip().replace(",", ".")
    if text == "":
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ServiceError("Hãy nhập một số.", inp.name) from None
    if not value.is_finite():
        raise ServiceError("Hãy nhập một số.", inp.name)
    if value < 0:
        raise ServiceError("Điểm không được âm.", inp.name)
    if inp.kind is CriterionKind.KNOCKOUT:
        if value not in (0, 1):
            raise ServiceError("Chỉ nhập 0 (không) hoặc 1 (có).", inp.name)
    elif inp.kind is CriterionKind.PENALTY:
        if value != value.to_integral_value() or value > MAX_OCCURRENCES:
            raise ServiceError(f"Số lần vi phạm là số nguyên từ 0 đến {MAX_OCCURRENCES}.", inp.name)
    else:
        if value > inp.node.max_points:
            raise ServiceError(f"Tối đa {points_text(inp.node.max_points)} điểm.", inp.name)
        if value != value.quantize(Decimal("0.01")):
            raise ServiceError("Tối đa hai chữ số thập phân.", inp.name)
    return value


def sheet_for(member: CouncilMember, nomination: Nomination, *, create: bool = False) -> ScoreSheet | None:
    sheet = db.session.scalar(select(ScoreSheet).where(ScoreSheet.member_id == member.id,
                                                       ScoreSheet.nomination_id == nomination.id))
    if sheet is None and create:
        sheet = ScoreSheet(council_id=member.council_id, member=member, nomination=nomination)
        db.session.add(sheet)
        db.session.flush()
    return sheet


def ensure_may_score(member: CouncilMember, nomination: Nomination) -> None:
    council = member.council
    if not council.is_open:
        raise ServiceError("Hội đồng đã kết thúc, không thể chấm điểm.")
    if (member.id, nomination.id) in conflict_map(council, member_ids={member.id}):
        raise ServiceError("Thành viên có xung đột lợi ích với hồ sơ này.")
    if db.session.scalar(select(Assignment.id).where(Assignment.member_id == member.id,
                                                     Assignment.nomination_id == nomination.id)) is None:
        raise ServiceError("Thành viên không được phân công chấm hồ sơ này.")


def save_scores(member: CouncilMember, nomination: Nomination, *, values: dict[str, str], comment: str | None,
                by: User, version: int | None = None, partial: bool = False) -> tuple[ScoreSheet, dict[str, str]]:
    """Store a member's values. `partial` (autosave): keep the valid fields, return the errors of
    the others; otherwise any error refuses everything. Empty values clear a score."""
    ensure_may_score(member, nomination)
    inputs = score_inputs(outline_for(nomination))
    parsed: dict[int, Decimal | None] = {}
    errors: dict[str, str] = {}
    for inp in inputs:
        if inp.name not in values:
            continue
        try:
            parsed[inp.node.id] = parse_value(values[inp.name], inp)
        except ServiceError as exc:
            errors[inp.name] = exc.message
    if errors and not partial:
        raise ScoreValidationError(errors)
    sheet = sheet_for(member, nomination, create=True)
    if sheet.is_submitted:
        raise ServiceError("Phiếu chấm đã nộp và bị khóa; đề nghị Thư ký mở lại nếu cần sửa.")
    check_version(sheet, version, "Phiếu chấm vừa được lưu ở một cửa sổ khác; hãy tải lại trang để xem bản mới nhất.")
    existing = {s.criterion_id: s for s in sheet.scores}
    for cid, value in parsed.items():
        if value is None:
            if cid in existing:
                sheet.scores.remove(existing[cid])
        elif cid in existing:
            existing[cid].value = value
        else:
            sheet.scores.append(Score(criterion_id=cid, value=value))
    if comment is not None:
        sheet.comment = comment.strip()
    sheet.updated_at = utcnow()
    refresh_sheet(sheet)
    return sheet, errors


def submit_sheet(sheet: ScoreSheet, *, by: User) -> ScoreSheet:
    """Lock the sheet; every scored criterion must have a value (others default to 0)."""
    ensure_may_score(sheet.member, sheet.nomination)
    if sheet.is_submitted:
        raise ServiceError("Phiếu chấm đã được nộp.")
    inputs = score_inputs(outline_for(sheet.nomination))
    have = {s.criterion_id for s in sheet.scores}
    missing = {i.name: "Chưa chấm tiêu chí này." for i in inputs
               if i.kind is CriterionKind.SCORED and i.node.id not in have}
    if missing:
        raise ScoreValidationError(missing)
    for i in inputs:
        if i.node.id not in have:
            sheet.scores.append(Score(criterion_id=i.node.id, value=Decimal("0")))
    sheet.status = SheetStatus.SUBMITTED
    sheet.submitted_at = utcnow()
    sheet.member.council.change_counter += 1
    record_audit("score_sheet.submitted", by=by, obj=sheet,
                 summary=f"{sheet.member.user.full_name} nộp phiếu chấm {sheet.nomination.nominee_name}")
    return refresh_sheet(sheet)


def reopen_sheet(sheet: ScoreSheet, *, reason: str, by: User) -> ScoreSheet:
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("Cần ghi lý do mở lại phiếu chấm.", "reason")
    if not sheet.is_submitted:
        raise ServiceError("Phiếu chấm chưa nộp, không cần mở lại.")
    if not sheet.member.council.is_open:
        raise ServiceError("Hội đồng đã kết thúc, không thể mở lại phiếu chấm.")
    sheet.status = SheetStatus.DRAFT
    sheet.submitted_at = None
    sheet.member.council.change_counter += 1
    record_audit("score_sheet.reopened", by=by, obj=sheet, summary=f"Mở lại phiếu chấm: {reason}",
                 before={"status": SheetStatus.SUBMITTED}, after={"status": SheetStatus.DRAFT, "reason": reason})
    return refresh_sheet(sheet)


@dataclass(frozen=True)
class ListRow:
    nomination: Nomination
    status_label: str
    is_submitted: bool
    has_draft: bool


@dataclass(frozen=True)
class ScoringList:
    rows: list[ListRow]
    submitted: int
    total: int

    @property
    def progress_label(self) -> str:
        return f"Đã chấm {self.submitted}/{self.total}"


def scoring_list(member: CouncilMember) -> ScoringList:
    """The member's assigned, non-conflicted nominations with sheet states, in 4 queries."""
    conflicts = conflict_map(member.council, member_ids={member.id})
    noms = db.session.scalars(
        select(Nomination).join(Assignment, Assignment.nomination_id == Nomination.id)
        .where(Assignment.member_id == member.id)
        .options(joinedload(Nomination.unit), joinedload(Nomination.person).joinedload(Person.unit),
                 joinedload(Nomination.award_type))
        .order_by(Nomination.subject_type, Nomination.id)).unique().all()
    sheets = dict(db.session.execute(select(ScoreSheet.nomination_id, ScoreSheet.status)
                                     .where(ScoreSheet.member_id == member.id)).all())
    rows = []
    for n in noms:
        if (member.id, n.id) in conflicts:
            continue
        status = sheets.get(n.id)
        rows.append(ListRow(n, status.label if status else "Chưa chấm", status is SheetStatus.SUBMITTED,
                            status is SheetStatus.DRAFT))
    return ScoringList(rows, sum(r.is_submitted for r in rows), len(rows))


def others_scores(sheet: ScoreSheet) -> list[tuple[str, Decimal]] | None:
    """Other members' submitted totals for this nomination — only once this sheet is submitted."""
    if not sheet.is_submitted:
        return None
    from app.services.aggregation import member_totals

    totals = member_totals(sheet.member.council, nomination_ids=[sheet.nomination_id])
    names = {m.id: m.user.full_name for m in sheet.member.council.members}
    return [(names[t.member_id], t.total) for t in totals if t.member_id != sheet.member_id]


def council_progress(council: Council) -> tuple[int, int]:
    """(submitted sheets, assignments) across the council."""
    total = db.session.scalar(select(func.count(Assignment.id)).where(Assignment.council_id == council.id))
    done = db.session.scalar(select(func.count(ScoreSheet.id)).where(
        ScoreSheet.council_id == council.id, ScoreSheet.status == SheetStatus.SUBMITTED,
        ScoreSheet.is_excluded.is_(False)))
    return done or 0, total or 0


def sheet_ids(council: Council) -> dict[tuple[int, int], tuple[int, bool]]:
    """{(nomination id, member id): (sheet id, submitted)} of the council's counted sheets —
    what the results page needs to offer "reopen" beside each member's score."""
    return {(nid, mid): (sid, status is SheetStatus.SUBMITTED) for sid, nid, mid, status in db.session.execute(
        select(ScoreSheet.id, ScoreSheet.nomination_id, ScoreSheet.member_id, ScoreSheet.status)
        .where(ScoreSheet.council_id == council.id, ScoreSheet.is_excluded.is_(False)))}
