"""The award-history ledger, annual performance ratings and disciplinary actions."""
from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.award import AwardType
from app.models.base import Base, LabelledEnum, created_at, enum_column, intpk, str_100, str_500
from app.models.org import OrgUnit
from app.models.person import Person

# Exactly one of person_id / unit_id: an individual's or a collective's record.
ONE_SUBJECT = "(person_id IS NULL) <> (unit_id IS NULL)"


class RecordSource(LabelledEnum):
    MANUAL = "manual", "Nhập tay"
    IMPORT = "import", "Nhập từ tệp XLSX"
    DECISION = "decision", "Từ quyết định trong hệ thống"


class AwardRecord(Base):
    """A title or form received (quá trình khen thưởng)."""

    __tablename__ = "award_records"
    __table_args__ = (
        CheckConstraint(ONE_SUBJECT, name="one_subject"),
        # NULLs never collide in a unique constraint, so each subject kind gets a partial index.
        Index("uq_award_records_person", "person_id", "award_type_id", "year", unique=True,
              sqlite_where=text("person_id IS NOT NULL"), postgresql_where=text("person_id IS NOT NULL")),
        Index("uq_award_records_unit", "unit_id", "award_type_id", "year", unique=True,
              sqlite_where=text("unit_id IS NOT NULL"), postgresql_where=text("unit_id IS NOT NULL")),
    )

    id: Mapped[intpk]
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"), index=True)
    award_type_id: Mapped[int] = mapped_column(ForeignKey("award_types.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int]
    decision_number: Mapped[str_100] = mapped_column(default="")
    decision_date: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str_500] = mapped_column(default="")
    source: Mapped[RecordSource] = mapped_column(enum_column(RecordSource), default=RecordSource.MANUAL)
    created_at: Mapped[created_at]

    person: Mapped[Person | None] = relationship()
    unit: Mapped[OrgUnit | None] = relationship()
    award_type: Mapped[AwardType] = relationship()


class PerformanceRating(LabelledEnum):
    """Mức độ hoàn thành nhiệm vụ, best first."""

    HTXSNV = "htxsnv", "Hoàn thành xuất sắc nhiệm vụ"
    HTTNV = "httnv", "Hoàn thành tốt nhiệm vụ"
    HTNV = "htnv", "Hoàn thành nhiệm vụ"
    KHTNV = "khtnv", "Không hoàn thành nhiệm vụ"

    @property
    def rank(self) -> int:
        """0 is best; a rating meets a minimum when its rank is at most the minimum's."""
        return list(PerformanceRating).index(self)


class RatingRecord(Base):
    """A person's or a collective's rating for one year."""

    __tablename__ = "rating_records"
    __table_args__ = (
        CheckConstraint(ONE_SUBJECT, name="one_subject"),
        Index("uq_rating_records_person", "person_id", "year", unique=True,
              sqlite_where=text("person_id IS NOT NULL"), postgresql_where=text("person_id IS NOT NULL")),
        Index("uq_rating_records_unit", "unit_id", "year", unique=True,
              sqlite_where=text("unit_id IS NOT NULL"), postgresql_where=text("unit_id IS NOT NULL")),
    )

    id: Mapped[intpk]
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"), index=True)
    year: Mapped[int]
    rating: Mapped[PerformanceRating] = mapped_column(enum_column(PerformanceRating))

    person: Mapped[Person | None] = relationship()
    unit: Mapped[OrgUnit | None] = relationship()


class DisciplineMeasure(LabelledEnum):
    """Hình thức kỷ luật, least severe first."""

    KHIEN_TRACH = "khien_trach", "Khiển trách"
    CANH_CAO = "canh_cao", "Cảnh cáo"
    HA_BAC_LUONG = "ha_bac_luong", "Hạ bậc lương"
    GIANG_CHUC = "giang_chuc", "Giáng chức"
    CACH_CHUC = "cach_chuc", "Cách chức"
    BUOC_THOI_VIEC = "buoc_thoi_viec", "Buộc thôi việc"

    @property
    def severity(self) -> int:
        return list(DisciplineMeasure).index(self)


class DisciplineRecord(Base):
    __tablename__ = "discipline_records"

    id: Mapped[intpk]
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    year: Mapped[int]
    measure: Mapped[DisciplineMeasure] = mapped_column(enum_column(DisciplineMeasure))
    decided_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str_500] = mapped_column(default="")

    person: Mapped[Person] = relationship()
