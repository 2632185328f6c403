"""A score sheet's stored totals: the one place that derives them from its scores.

total = Σ scored + min(Σ bonus, the criteria sheet's bonus cap) − Σ (occurrences × penalty
points), floored at 0; knocked out when any knockout criterion has a value > 0. Every
criterion kind counts whatever its place in the tree (scores are only given on leaves).

The scoring service calls `refresh_sheet` whenever it saves, submits or reopens a sheet;
ranking then reads one stored row per sheet. Editing a criterion's kind or penalty points,
or a criteria sheet's bonus cap, refreshes the sheets scored against it (a flush hook below:
those edits live in the criteria service). A sheet written by other means (bulk loads,
test builders) keeps NULL totals, which aggregation computes with `compute_totals` on read.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, and_, bindparam, case, event, func, inspect, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from app.extensions import db
from app.models import CriteriaSheet, Criterion, CriterionKind, Score, ScoreSheet

Q = Decimal("0.0001")
ZERO = Decimal("0.0000")
_PENDING = "sheet_totals.criteria_sheet_ids"
CHUNK = 5000


@dataclass(frozen=True)
class SheetTotals:
    scored: Decimal
    bonus: Decimal  # after the cap
    penalty: Decimal
    total: Decimal
    knocked_out: bool

    def as_row(self) -> dict:
        return {"total_scored": self.scored, "total_bonus": self.bonus, "total_penalty": self.penalty,
                "total": self.total, "knocked_out": self.knocked_out}


EMPTY = SheetTotals(ZERO, ZERO, ZERO, ZERO, False)


def _dec(x) -> Decimal:
    # SQLite sums NUMERIC as REAL: back to the 4 decimals the inputs can produce.
    return Decimal(str(x)).quantize(Q) if x is not None else ZERO


def compute_totals(sheet_ids: Iterable[int] | Select, *, session: Session | None = None) -> dict[int, SheetTotals]:
    """Totals of the given sheets (ids, or a SELECT of ids), from their scores, in one GROUP BY.
    A sheet without any score is absent from the result (its totals are EMPTY)."""
    session = session or db.session
    ids = sheet_ids if isinstance(sheet_ids, Select) else list(sheet_ids)
    if not isinstance(ids, Select) and not ids:
        return {}
    kind, value = Criterion.kind, Score.value

    def sum_of(k: CriterionKind, amount=value):
        return func.sum(case((kind == k, amount), else_=0))

    q = (select(Score.sheet_id, sum_of(CriterionKind.SCORED), sum_of(CriterionKind.BONUS),
                sum_of(CriterionKind.PENALTY, value * Criterion.penalty_points),
                func.max(case((and_(kind == CriterionKind.KNOCKOUT, value > 0), 1), else_=0)),
                func.min(case((kind == CriterionKind.BONUS, CriteriaSheet.bonus_cap))))
         .join(Criterion, Criterion.id == Score.criterion_id)
         .join(CriteriaSheet, CriteriaSheet.id == Criterion.sheet_id)
         .where(Score.sheet_id.in_(ids)).group_by(Score.sheet_id))
    out = {}
    for sid, scored, bonus, penalty, knocked, cap in session.execute(q):
        scored, penalty = _dec(scored), _dec(penalty)
        bonus = min(_dec(bonus), _dec(cap))
        out[sid] = SheetTotals(scored, bonus, penalty, max(ZERO, scored + bonus - penalty), bool(knocked))
    return out


_update = (update(ScoreSheet.__table__).where(ScoreSheet.__table__.c.id == bindparam("sid"))
           .values(total_scored=bindparam("total_scored"), total_bonus=bindparam("total_bonus"),
                   total_penalty=bindparam("total_penalty"), total=bindparam("total"),
                   knocked_out=bindparam("knocked_out"),
                   # Derived data: the member's sheet was not edited, so neither is its time.
                   updated_at=ScoreSheet.__table__.c.updated_at))


def refresh_totals(sheet_ids: Iterable[int] | Select, *, session: Session | None = None) -> int:
    """Recompute and store the totals of the given sheets (ids, or a SELECT of ids); returns how
    many were written. Plain UPDATEs: neither the sheet's version nor its updated_at moves."""
    session = session or db.session
    conn = session.connection()  # no autoflush: also safe inside a flush hook
    if isinstance(sheet_ids, Select):
        ids = list(conn.execute(sheet_ids).scalars())
        computed = compute_totals(sheet_ids, session=session) if ids else {}
    else:
        ids, computed = list(sheet_ids), {}
        for start in range(0, len(ids), CHUNK):  # bound the parameters of one statement
            computed.update(compute_totals(ids[start:start + CHUNK], session=session))
    if not ids:
        return 0
    rows = [{"sid": sid, **computed.get(sid, EMPTY).as_row()} for sid in ids]
    conn.execute(_update, rows)
    for sid in ids:  # keep loaded sheets in step without marking them changed
        sheet = session.identity_map.get(session.identity_key(ScoreSheet, sid))
        if sheet is not None:
            for key, val in computed.get(sid, EMPTY).as_row().items():
                set_committed_value(sheet, key, val)
    return len(rows)


def refresh_sheet(sheet: ScoreSheet) -> ScoreSheet:
    """After the scoring service changed a sheet: flush it, store its totals."""
    db.session.flush()
    refresh_totals([sheet.id])
    return sheet


def sheets_scored_on(criteria_sheet_ids: Iterable[int]) -> Select:
    """The score sheets with a score on a criterion of the given criteria sheets."""
    return (select(Score.sheet_id).join(Criterion, Criterion.id == Score.criterion_id)
            .where(Criterion.sheet_id.in_(list(criteria_sheet_ids))).distinct())


@event.listens_for(Session, "before_flush")
def _note_criteria_edits(session: Session, _ctx, _instances) -> None:
    """Note the criteria sheets whose edits change totals (kind, penalty points, bonus cap)."""
    changed = set()
    for obj in session.dirty:
        if isinstance(obj, Criterion):
            state = inspect(obj)
            if state.attrs.kind.history.has_changes() or state.attrs.penalty_points.history.has_changes():
                changed.add(obj.sheet_id)
        elif isinstance(obj, CriteriaSheet) and inspect(obj).attrs.bonus_cap.history.has_changes():
            changed.add(obj.id)
    if changed:
        session.info.setdefault(_PENDING, set()).update(changed)


@event.listens_for(Session, "after_flush_postexec")
def _refresh_after_criteria_edits(session: Session, _ctx) -> None:
    changed = session.info.pop(_PENDING, None)
    if changed:
        refresh_totals(sheets_scored_on(changed), session=session)
