"""People who can be nominated (cá nhân)."""
from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.models.base import Base, LabelledEnum, enum_column, intpk, str_200, str_500
from app.models.org import OrgUnit
from app.models.text import fold, person_sort_key


class Gender(LabelledEnum):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"

    @property
    def honorific(self) -> str:
        """How certificates address the person."""
        return "Ông" if self is Gender.MALE else "Bà"


class Person(Base):
    __tablename__ = "people"
    __table_args__ = (
        CheckConstraint("birth_year IS NULL OR (birth_year BETWEEN 1900 AND 2100)", name="birth_year"),
    )

    id: Mapped[intpk]
    full_name: Mapped[str_200]
    search_name: Mapped[str_200] = mapped_column(index=True, default="")
    # Vietnamese order (given name first, Vietnamese alphabet, then tone): see text.person_sort_key.
    sort_key: Mapped[str_500] = mapped_column(index=True, default="")
    gender: Mapped[Gender] = mapped_column(enum_column(Gender))
    birth_year: Mapped[int | None]
    position: Mapped[str_500] = mapped_column(default="")
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="RESTRICT"), index=True)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    unit: Mapped[OrgUnit] = relationship(back_populates="people")

    __mapper_args__ = {"version_id_col": version_id}

    @validates("full_name")
    def _refresh_search(self, key: str, value: str) -> str:
        self.search_name = fold(value)
        self.sort_key = person_sort_key(value)
        return value

    @property
    def honorific(self) -> str:
        return self.gender.honorific

    @property
    def given_name(self) -> str:
        """Vietnamese sort key part: the last word of the full name."""
        return self.full_name.split()[-1] if self.full_name.split() else ""

    def __repr__(self) -> str:
        return f"<Person {self.full_name}>"
