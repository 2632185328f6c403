"""Org units (effective-dated tree with successor links) and emulation blocks."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.models.base import Base, LabelledEnum, enum_column, intpk, str_50, str_200, str_500
from app.models.text import fold

if TYPE_CHECKING:
    from app.models.person import Person


class OrgUnitKind(LabelledEnum):
    CITY_BODY = "city_body", "Cơ quan cấp thành phố"
    DEPARTMENT = "department", "Sở, ban, ngành"
    DISTRICT = "district", "Quận, huyện, thị xã"
    COMMUNE = "commune", "Xã, phường, thị trấn"
    PUBLIC_SERVICE = "public_service", "Đơn vị sự nghiệp công lập"
    ENTERPRISE = "enterprise", "Doanh nghiệp"
    SUB_UNIT = "sub_unit", "Phòng, ban, tổ trực thuộc"


class OrgUnit(Base):
    """A body, district, commune or sub-unit; valid between valid_from and valid_to."""

    __tablename__ = "org_units"
    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="valid_range"),
    )

    id: Mapped[intpk]
    code: Mapped[str_50] = mapped_column(unique=True)
    kind: Mapped[OrgUnitKind] = mapped_column(enum_column(OrgUnitKind))
    name: Mapped[str_500]
    short_name: Mapped[str_200]
    search_name: Mapped[str_500] = mapped_column(index=True, default="")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("org_units.id", ondelete="RESTRICT"), index=True
    )
    valid_from: Mapped[date] = mapped_column(Date, default=date(2000, 1, 1))
    valid_to: Mapped[date | None] = mapped_column(Date)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    parent: Mapped[OrgUnit | None] = relationship(
        remote_side="OrgUnit.id", back_populates="children"
    )
    children: Mapped[list[OrgUnit]] = relationship(
        back_populates="parent", order_by="OrgUnit.short_name"
    )
    people: Mapped[list[Person]] = relationship(back_populates="unit")
    successions: Mapped[list[UnitSuccession]] = relationship(
        foreign_keys="UnitSuccession.predecessor_id", back_populates="predecessor"
    )
    predecessions: Mapped[list[UnitSuccession]] = relationship(
        foreign_keys="UnitSuccession.successor_id", back_populates="successor"
    )

    __mapper_args__ = {"version_id_col": version_id}

    @validates("name", "short_name")
    def _refresh_search(self, key: str, value: str) -> str:
        other = self.short_name if key == "name" else self.name
        self.search_name = fold(f"{value} {other or ''}")
        return value

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def ancestors(self) -> list[OrgUnit]:
        """Parents from the nearest up to the root."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def __repr__(self) -> str:
        return f"<OrgUnit {self.code}>"


class UnitSuccession(Base):
    """A merge or rename: the predecessor's work continues in the successor."""

    __tablename__ = "unit_successions"
    __table_args__ = (
        UniqueConstraint("predecessor_id", "successor_id"),
        CheckConstraint("predecessor_id <> successor_id", name="not_self"),
    )

    id: Mapped[intpk]
    predecessor_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"))
    successor_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"), index=True)
    effective_on: Mapped[date] = mapped_column(Date)
    legal_basis: Mapped[str_500] = mapped_column(default="")

    predecessor: Mapped[OrgUnit] = relationship(foreign_keys=[predecessor_id], back_populates="successions")
    successor: Mapped[OrgUnit] = relationship(foreign_keys=[successor_id], back_populates="predecessions")


class EmulationBlock(Base):
    """A khối/cụm thi đua; membership and leader are set per year."""

    __tablename__ = "emulation_blocks"

    id: Mapped[intpk]
    code: Mapped[str_50] = mapped_column(unique=True)
    name: Mapped[str_200]

    memberships: Mapped[list[BlockMembership]] = relationship(
        back_populates="block", cascade="all, delete-orphan"
    )


class BlockMembership(Base):
    """A unit's membership of a block in one year; at most one leader per block-year."""

    __tablename__ = "block_memberships"
    __table_args__ = (UniqueConstraint("unit_id", "year"),)

    id: Mapped[intpk]
    block_id: Mapped[int] = mapped_column(ForeignKey("emulation_blocks.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"))
    year: Mapped[int]
    is_leader: Mapped[bool] = mapped_column(default=False)

    block: Mapped[EmulationBlock] = relationship(back_populates="memberships")
    unit: Mapped[OrgUnit] = relationship()
