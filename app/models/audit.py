"""Append-only audit log written by services."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, TZDateTime, intpk, str_50, str_100, str_500, utcnow
from app.models.user import User


class AuditEntry(Base):
    """Who did what to which object, with the state before and after."""

    __tablename__ = "audit_entries"

    id: Mapped[intpk]
    at: Mapped[datetime] = mapped_column(TZDateTime(), default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    action: Mapped[str_100]
    object_type: Mapped[str_50]
    object_id: Mapped[int | None]
    summary: Mapped[str_500] = mapped_column(default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    actor: Mapped[User | None] = relationship()


@event.listens_for(AuditEntry, "before_update")
@event.listens_for(AuditEntry, "before_delete")
def _refuse_change(mapper, connection, target) -> None:  # noqa: ANN001
    raise PermissionError("audit entries are append-only")
