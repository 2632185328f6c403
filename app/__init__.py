"""Application factory."""
from __future__ import annotations

import os
from typing import Any

from flask import Flask

from app.config import CONFIGS, finalise_config


def create_app(config: str | dict[str, Any] | None = None) -> Flask:
    """Build the app. `config` is a config name, or a dict of overrides whose optional
    ENV_NAME picks the base config (tests pass {"ENV_NAME": "testing", ...})."""
    app = Flask(__name__, instance_relative_config=True)
    if isinstance(config, str):
        name = config
    elif config and config.get("ENV_NAME"):
        name = config["ENV_NAME"]
    else:
        name = os.environ.get("THIDUA_ENV", "development")
    app.config.from_object(CONFIGS[name])
    app.config["ENV_NAME"] = name
    if name != "testing":
        app.config.from_pyfile("config.py", silent=True)
    if isinstance(config, dict):
        app.config.update(config)
    finalise_config(app.config, app.instance_path)

    register_extensions(app)
    register_blueprints(app)
    register_errors(app)
    register_cli(app)
    register_template_helpers(app)
    return app


def register_extensions(app: Flask) -> None:
    from flask_bootstrap import Bootstrap5

    from app.extensions import babel, csrf, db, limiter, login_manager, migrate
    from app.views.auth import load_user

    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(app.root_path), "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app)
    Bootstrap5(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Vui lòng đăng nhập để tiếp tục."
    login_manager.login_message_category = "warning"
    login_manager.user_loader(load_user)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        _enable_sqlite_foreign_keys(app)


def _fk_pragma(dbapi_connection, connection_record) -> None:  # noqa: ANN001
    """SQLite enforces foreign keys (and ondelete) only when asked on each connection."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def _enable_sqlite_foreign_keys(app: Flask) -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    if not event.contains(Engine, "connect", _fk_pragma):
        event.listen(Engine, "connect", _fk_pragma)


def register_blueprints(app: Flask) -> None:
    from app.views import BLUEPRINTS

    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)


def register_errors(app: Flask) -> None:
    from app.views.errors import register_error_handlers

    register_error_handlers(app)


def register_cli(app: Flask) -> None:
    from app.cli import COMMANDS

    for command in COMMANDS:
        app.cli.add_command(command)


def register_template_helpers(app: Flask) -> None:
    from app.views.template_helpers import register

    register(app)
