"""Evidence files: stored outside static/ under a random name, with their SHA-256."""
from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, created_at, intpk, str_100, str_500
from app.models.user import User


class EvidenceFile(Base):
    """An uploaded file; records that own files link to it through their own link tables."""

    __tablename__ = "evidence_files"
    __table_args__ = (CheckConstraint("size_bytes >= 0", name="size"),)

    id: Mapped[intpk]
    stored_name: Mapped[str_100] = mapped_column(unique=True)
    original_name: Mapped[str_500]
    mime_type: Mapped[str_100]
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    description: Mapped[str_500] = mapped_column(default="")
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[created_at]

    uploaded_by: Mapped[User | None] = relationship()

    @property
    def size_kb(self) -> float:
        """Size in kilobytes, one decimal (for display)."""
        return round(self.size_bytes / 1024, 1)
