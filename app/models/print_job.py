"""Print jobs: a PDF of a decision, its list or its certificates, rendered in the background."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, LabelledEnum, TZDateTime, created_at, enum_column, intpk, str_500

if TYPE_CHECKING:
    from app.models.decision import Decision
    from app.models.user import User


class PrintKind(LabelledEnum):
    DECISION = "decision", "Quyết định kèm danh sách"
    LIST = "list", "Danh sách khen thưởng"
    CERTIFICATES = "certificates", "Bằng khen, giấy khen"


class PrintJobStatus(LabelledEnum):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang in"
    DONE = "done", "Hoàn thành"
    FAILED = "failed", "Lỗi"

    @property
    def is_finished(self) -> bool:
        return self in (PrintJobStatus.DONE, PrintJobStatus.FAILED)


class PrintJob(Base):
    """One request to render a PDF; the file lives in PDF_CACHE_FOLDER under its content key."""

    __tablename__ = "print_jobs"

    id: Mapped[intpk]
    kind: Mapped[PrintKind] = mapped_column(enum_column(PrintKind))
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    content_key: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[PrintJobStatus] = mapped_column(enum_column(PrintJobStatus), default=PrintJobStatus.QUEUED)
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    file_path: Mapped[str_500] = mapped_column(default="")
    error: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]
    started_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(TZDateTime())

    decision: Mapped[Decision] = relationship()
    created_by: Mapped[User | None] = relationship()

    @property
    def percent(self) -> int:
        """Progress for the bar, 0–100 (ready-computed for the template and the JSON)."""
        if self.status is PrintJobStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def filename(self) -> str:
        """Download name, e.g. "QD-100-2025-bang-khen.pdf"."""
        suffix = {PrintKind.DECISION: "quyet-dinh", PrintKind.LIST: "danh-sach",
                  PrintKind.CERTIFICATES: "bang-khen"}[self.kind]
        number = self.decision.number if self.decision.number is not None else "du-thao"
        return f"QD-{number}-{self.decision.year or ''}-{suffix}.pdf"
