"""`flask --app wsgi print decision|list|certificates --decision "100/QĐ-UBND" --out FILE.pdf`.

For offices that print in batches: renders through the same cache as the browser, so an
unchanged batch is copied at once.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from app.extensions import db
from app.models import Decision, DecisionStatus, PrintKind
from app.services.decision_documents import load_decision
from app.services.errors import ServiceError
from app.services.print_jobs import ensure_pdf


def find_decision(number: str, year: int | None) -> Decision:
    """An issued decision by its printed number ("100/QĐ-UBND" or "100"), optionally its year."""
    head, _, symbol = number.strip().partition("/")
    try:
        value = int(head)
    except ValueError:
        raise click.BadParameter(f"Số quyết định không hợp lệ: {number!r} (ví dụ: 100/QĐ-UBND).",
                                 param_hint="--decision") from None
    query = select(Decision).where(Decision.number == value, Decision.status == DecisionStatus.ISSUED)
    if symbol:
        query = query.where(Decision.symbol == symbol)
    if year is not None:
        query = query.where(Decision.year == year)
    found = list(db.session.scalars(query))
    if not found:
        raise click.ClickException(f"Không tìm thấy quyết định đã ban hành số {number}"
                                   f"{f' năm {year}' if year else ''}.")
    if len(found) > 1:
        years = ", ".join(str(d.year) for d in found)
        raise click.ClickException(f"Có nhiều quyết định số {number} (năm {years}); hãy thêm --year hoặc "
                                   "ghi rõ ký hiệu.")
    return load_decision(found[0].id)


@click.group("print", help="In quyết định, danh sách, bằng khen ra tệp PDF.")
def print_group() -> None:
    pass


def _command(kind: PrintKind, help_text: str) -> None:
    @print_group.command(kind.value, help=help_text)
    @click.option("--decision", "number", required=True, help='Số quyết định, ví dụ "100/QĐ-UBND".')
    @click.option("--year", type=int, default=None, help="Năm ban hành, khi số trùng giữa các năm.")
    @click.option("--out", type=click.Path(dir_okay=False, writable=True, path_type=Path), required=True,
                  help="Tệp PDF kết quả.")
    @with_appcontext
    def command(number: str, year: int | None, out: Path) -> None:
        decision = find_decision(number, year)
        started = time.perf_counter()
        try:
            path = ensure_pdf(decision, kind)
        except ServiceError as error:
            raise click.ClickException(error.message) from None
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out)
        click.echo(f"Đã in {kind.label.lower()} của Quyết định số {decision.full_number} ngày "
                   f"{decision.decided_on:%d/%m/%Y} ra {out} ({time.perf_counter() - started:.2f} s).")


_command(PrintKind.DECISION, "Quyết định kèm danh sách.")
_command(PrintKind.LIST, "Danh sách khen thưởng kèm theo quyết định.")
_command(PrintKind.CERTIFICATES, "Bằng khen, giấy khen (mỗi trang một bằng).")
