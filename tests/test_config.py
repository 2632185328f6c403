"""Configuration: production refuses to start without SECRET_KEY; development makes one."""
import pytest

from app import create_app


def test_production_refuses_to_start_without_secret_key(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"ENV_NAME": "production", "SECRET_KEY": None,
                    "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite'}"})


def test_production_cookies_are_secure(tmp_path):
    app = create_app({"ENV_NAME": "production", "SECRET_KEY": "k" * 32,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite'}"})
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["SESSION_COOKIE_HTTPONLY"]
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_development_generates_and_keeps_a_secret_key(tmp_path, monkeypatch):
    """The key is written once into instance/secret_key and read back on the next start."""
    monkeypatch.delenv("SECRET_KEY", raising=False)
    overrides = {"ENV_NAME": "development", "SECRET_KEY": None,
                 "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite'}"}
    first = create_app(overrides)
    key = first.config["SECRET_KEY"]
    assert key and len(key) >= 32
    assert create_app(overrides).config["SECRET_KEY"] == key


def test_postgres_urls_use_psycopg3(tmp_path):
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": "postgresql://u@h/db"})
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")
