"""Migrations: an empty database upgrades to head, matches the models, and downgrades to base;
every revision also steps down and up again (the "stairway"). On SQLite and PostgreSQL."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db
from tests.conftest import create_pg_database, drop_pg_database, postgres_url

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def empty_app(request, tmp_path, worker_id) -> Iterator:
    """A fresh app on an empty database of its own (no create_all)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        cleanup = None
    else:
        base = postgres_url()
        if base is None:
            pytest.skip("DATABASE_URL does not point to PostgreSQL")
        name = f"{make_url(base).database}_mig_{worker_id}"
        url = create_pg_database(base, name)
        cleanup = (base, name)
    application = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url,
                              "UPLOAD_FOLDER": str(tmp_path / "up"), "PDF_CACHE_FOLDER": str(tmp_path / "pdf")})
    application.instance_path = str(tmp_path)
    with application.app_context():
        yield application
        db.session.remove()
        db.engine.dispose()
    if cleanup:
        drop_pg_database(*cleanup)


def _script(app) -> ScriptDirectory:  # noqa: ANN001
    return ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())


def _tables() -> set[str]:
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def _diff() -> list:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_single_head_and_linear_history(empty_app):
    script = _script(empty_app)
    assert len(script.get_heads()) == 1, f"several heads: {script.get_heads()} — chain your revision"
    assert script.get_revision("0001").down_revision is None


def test_upgrade_matches_models_then_downgrade_to_base(empty_app):
    assert _tables() == set()
    upgrade()
    assert _tables() == {t.name for t in db.metadata.sorted_tables}
    diff = _diff()
    assert diff == [], f"models and migrations differ (write a migration): {diff}"
    downgrade(revision="base")
    assert _tables() == set()


def test_every_revision_steps_down_and_up(empty_app):
    script = _script(empty_app)
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    for revision in revisions:
        upgrade(revision=revision)
        downgrade(revision="-1")
        upgrade(revision=revision)
    assert _diff() == []
    downgrade(revision="base")
    assert _tables() == set()
