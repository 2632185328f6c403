"""Jinja filters and globals: Vietnamese formats via Babel, role-based navigation."""
from __future__ import annotations

from datetime import date, datetime

from flask import Flask, request
from flask_babel import format_date, format_datetime, format_decimal
from flask_login import current_user

from app.views.navigation import nav_for


def vn_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy, in Asia/Ho_Chi_Minh for datetimes."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value, "dd/MM/yyyy")
    return format_date(value, "dd/MM/yyyy")


def vn_datetime(value: datetime | None) -> str:
    return format_datetime(value, "dd/MM/yyyy HH:mm") if value else ""


def vn_number(value: float | int | None, digits: int | None = None) -> str:
    """Vietnamese number format: 1.234,5."""
    if value is None:
        return ""
    if digits is None:
        return format_decimal(value)
    return format_decimal(value, format="#,##0." + "0" * digits if digits else "#,##0")


def register(app: Flask) -> None:
    app.add_template_filter(vn_date, "vn_date")
    app.add_template_filter(vn_datetime, "vn_datetime")
    app.add_template_filter(vn_number, "vn_number")

    @app.context_processor
    def _navigation():
        items = nav_for(current_user, request.endpoint) if current_user.is_authenticated else []
        return {"nav_items": items}
