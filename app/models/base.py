"""Declarative base, naming convention and shared column types."""
from __future__ import annotations

import enum
from datetime import datetime, timezone
from typing import Annotated

from sqlalchemy import DateTime, Enum, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, mapped_column, registry
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timezone-aware current UTC time (stored everywhere; shown in Asia/Ho_Chi_Minh)."""
    return datetime.now(timezone.utc)


class TZDateTime(TypeDecorator[datetime]):
    """Store aware datetimes as UTC; SQLite drops tzinfo, so it is restored on load."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):  # type: ignore[override]
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused; use utcnow()")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect):  # type: ignore[override]
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


def enum_column(enum_cls: type[enum.Enum], length: int = 32, *, name: str | None = None) -> Enum:
    """Enums are stored the same way everywhere: their values, as checked VARCHAR.

    The CHECK constraint is named after the enum; a table with two columns of the same
    enum must give the second one its own `name` (PostgreSQL refuses duplicate names).
    """
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=length,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
        name=name or enum_cls.__name__.lower(),
    )


intpk = Annotated[int, mapped_column(primary_key=True)]
str_20 = Annotated[str, 20]
str_50 = Annotated[str, 50]
str_100 = Annotated[str, 100]
str_200 = Annotated[str, 200]
str_500 = Annotated[str, 500]
longtext = Annotated[str, mapped_column(Text)]
created_at = Annotated[datetime, mapped_column(TZDateTime(), default=utcnow)]


class Base(DeclarativeBase):
    """Base of every model; carries the naming convention used by migrations."""

    # One registry carries both the naming convention and the type map: Flask-SQLAlchemy
    # subclasses this base, and SQLAlchemy refuses a per-class type map on a subclass.
    registry = registry(
        metadata=MetaData(naming_convention=NAMING_CONVENTION),
        type_annotation_map={
            str_20: String(20),
            str_50: String(50),
            str_100: String(100),
            str_200: String(200),
            str_500: String(500),
            datetime: TZDateTime(),
        },
    )


class LabelledEnum(str, enum.Enum):
    """A str enum whose members carry a Vietnamese label for the UI."""

    label: str

    def __new__(cls, value: str, label: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]
