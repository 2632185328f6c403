"""`flask --app wsgi users create|list` — manage accounts from the shell."""
from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from app.extensions import db
from app.models import OrgUnit, Role, User
from app.services.accounts import create_user
from app.services.errors import ServiceError


@click.group("users", help="Quản lý tài khoản.")
def users_group() -> None:
    pass


@users_group.command("create", help="Tạo tài khoản mới.")
@click.argument("username")
@click.option("--full-name", required=True, help="Họ và tên.")
@click.option("--role", "roles", multiple=True, required=True,
              type=click.Choice([r.value for r in Role]), help="Vai trò (có thể lặp lại).")
@click.option("--unit", "unit_code", default=None, help="Mã đơn vị (bắt buộc với cán bộ đơn vị).")
@click.password_option("--password", help="Mật khẩu (ít nhất 8 ký tự).")
@with_appcontext
def create(username: str, full_name: str, roles: tuple[str, ...], unit_code: str | None, password: str) -> None:
    unit = None
    if unit_code:
        unit = db.session.scalar(select(OrgUnit).where(OrgUnit.code == unit_code))
        if unit is None:
            raise click.ClickException(f"Không tìm thấy đơn vị có mã {unit_code}.")
    try:
        user = create_user(username=username, full_name=full_name, password=password,
                           roles={Role(r) for r in roles}, unit=unit, by=None)
    except ServiceError as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from exc
    db.session.commit()
    click.echo(f"Đã tạo tài khoản {user.username}.")


@users_group.command("list", help="Liệt kê tài khoản.")
@with_appcontext
def list_users() -> None:
    for user in db.session.scalars(select(User).order_by(User.username)):
        roles = ", ".join(sorted(r.value for r in user.roles))
        click.echo(f"{user.username:15} {user.full_name:30} {roles}")
