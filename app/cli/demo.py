"""`flask --app wsgi demo` — load the demo data idempotently."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from app.demo import DEMO_PASSWORD, load_demo


@click.command("demo", help="Nạp dữ liệu mẫu (chạy lại không thay đổi gì).")
@with_appcontext
def demo_command() -> None:
    for line in load_demo():
        click.echo(line)
    click.echo(f"Mật khẩu của mọi tài khoản mẫu: {DEMO_PASSWORD}")
