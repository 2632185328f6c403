"""Writing the append-only audit log."""
from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.extensions import db
from app.models import AuditEntry, User


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: Any, fields: list[str]) -> dict[str, Any]:
    """The named attributes of obj as JSON-ready values, for before/after."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def record_audit(
    action: str,
    *,
    by: User | None,
    obj: Any = None,
    object_type: str | None = None,
    object_id: int | None = None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an audit entry; the object's id must exist, so this flushes first."""
    if obj is not None:
        db.session.flush()
        object_type = object_type or type(obj).__tablename__
        object_id = object_id if object_id is not None else obj.id
    entry = AuditEntry(
        actor_id=by.id if by is not None else None,
        action=action,
        object_type=object_type or "",
        object_id=object_id,
        summary=summary[:500],
        before=_plain(before) if before is not None else None,
        after=_plain(after) if after is not None else None,
    )
    db.session.add(entry)
    db.session.flush()
    return entry
