"""Shared fixtures: app, db, client, runner, login_as; builders live in tests/builders/.

The suite runs on a SQLite file by default and on PostgreSQL when DATABASE_URL points
there; under pytest-xdist every worker gets its own database.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db as _db
from app.extensions import limiter
from app.models import User

pytest_plugins = [
    "tests.builders.foundation",
    "tests.builders.decisions",
    "tests.builders.initiatives",
    "tests.builders.catalogue",
    "tests.builders.nominations",
    "tests.builders.council",
]


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgresql", "postgres")) else None


def _maintenance_engine(base_url: str):  # noqa: ANN202
    """An autocommit connection to the server's `postgres` database: the base database named
    in DATABASE_URL need not exist, it only names the ones the tests create."""
    url = make_url(base_url.replace("postgres://", "postgresql://", 1)).set(drivername="postgresql+psycopg")
    return url, create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")


def create_pg_database(base_url: str, name: str) -> str:
    """Create (afresh) a PostgreSQL database beside the one in base_url; return its URL."""
    url, admin = _maintenance_engine(base_url)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def drop_pg_database(base_url: str, name: str) -> None:
    _, admin = _maintenance_engine(base_url)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory, worker_id: str) -> Iterator[str]:
    base = postgres_url()
    if base is None:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        return
    name = f"{make_url(base).database}_{worker_id}"
    yield create_pg_database(base, name)
    drop_pg_database(base, name)


class IsolatedClient(FlaskClient):
    """Each request runs in a fresh app context, as in production: its own db session
    and its own `g` (Flask-Login caches the user there). Tests commit before requesting."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture(scope="session")
def app(database_url: str, tmp_path_factory) -> Iterator[Flask]:
    instance = tmp_path_factory.mktemp("instance")
    application = create_app({
        "ENV_NAME": "testing",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "UPLOAD_FOLDER": str(instance / "uploads"),
        "PDF_CACHE_FOLDER": str(instance / "pdf-cache"),
    })
    application.instance_path = str(instance)
    application.test_client_class = IsolatedClient
    with application.app_context():
        _db.create_all()
        yield application
        _db.session.remove()
        _db.drop_all()
        _db.engine.dispose()


def _empty_tables() -> None:
    _db.session.rollback()
    tables = _db.metadata.sorted_tables
    with _db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            return
    # SQLite applies ON DELETE RESTRICT row by row (self-references such as
    # org_units.parent_id would refuse), so foreign keys are off while emptying.
    raw = _db.engine.raw_connection()
    try:
        raw.execute("PRAGMA foreign_keys=OFF")
        for table in reversed(tables):
            raw.execute(f'DELETE FROM "{table.name}"')
        raw.commit()
        raw.execute("PRAGMA foreign_keys=ON")
    finally:
        raw.close()


@pytest.fixture()
def db(app: Flask):
    """The database, emptied after each test; the test body runs in its own app context."""
    with app.app_context():
        yield _db
        _empty_tables()
        _db.session.remove()
    limiter.reset()


@pytest.fixture()
def client(app: Flask, db) -> FlaskClient:
    return app.test_client()


@pytest.fixture()
def runner(app: Flask, db):
    return app.test_cli_runner()


@contextmanager
def _counting_queries() -> Iterator[dict[str, int]]:
    counter = {"n": 0}

    def _count(*args) -> None:  # noqa: ANN002
        counter["n"] += 1

    event.listen(_db.engine, "before_cursor_execute", _count)
    try:
        yield counter
    finally:
        event.remove(_db.engine, "before_cursor_execute", _count)


@pytest.fixture()
def count_queries(app: Flask):
    """`with count_queries() as counter:` … `counter["n"]` SQL statements were sent (any session)."""
    return _counting_queries


@pytest.fixture()
def login_as(client: FlaskClient) -> Callable[[User], FlaskClient]:
    """Sign a user in on the test client without going through the login form."""

    def _login(user: User) -> FlaskClient:
        _db.session.commit()
        with client.session_transaction() as session:
            session["_user_id"] = str(user.id)
            session["_fresh"] = True
        return client

    return _login
