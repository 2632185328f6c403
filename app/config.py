"""Configuration classes; secrets and URLs come from the environment or instance/config.py."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


class Config:
    SQLALCHEMY_DATABASE_URI: str | None = os.environ.get("DATABASE_URL")
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    SECRET_KEY: str | None = os.environ.get("SECRET_KEY")
    REDIS_URL: str | None = os.environ.get("REDIS_URL")
    UPLOAD_FOLDER: str | None = os.environ.get("UPLOAD_FOLDER")
    MAX_UPLOAD_MB: int = _env_int("MAX_UPLOAD_MB", 20)
    # The request limit is a little larger than one file so the form can say which file is too big.
    MAX_CONTENT_LENGTH: int | None = None
    PDF_CACHE_FOLDER: str | None = os.environ.get("PDF_CACHE_FOLDER")
    PUBLIC_BASE_URL: str = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:5000")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None
    BABEL_DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_FAILURE_LIMIT = "10 per minute"
    VERIFY_RATE_LIMIT = "60 per minute"
    DEMO_MODE = False
    BOOTSTRAP_SERVE_LOCAL = True
    PER_PAGE = 25


class DevelopmentConfig(Config):
    DEBUG = True
    DEMO_MODE = True


class TestingConfig(Config):
    TESTING = True
    DEMO_MODE = True
    WTF_CSRF_ENABLED = False
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL") or "sqlite://"
    RATELIMIT_STORAGE_URI = "memory://"
    SECRET_KEY = "test-secret-key"
    SERVER_NAME = None


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def finalise_config(config: dict, instance_path: str) -> None:
    """Fill defaults that depend on the instance folder; refuse unsafe production set-ups."""
    instance = Path(instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    if not config.get("SQLALCHEMY_DATABASE_URI"):
        config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'thidua.sqlite'}"
    uri = config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("postgres://"):  # Heroku-style URLs
        uri = "postgresql://" + uri[len("postgres://"):]
    if uri.startswith("postgresql://"):
        uri = "postgresql+psycopg://" + uri[len("postgresql://"):]
    config["SQLALCHEMY_DATABASE_URI"] = uri
    if uri.startswith("sqlite"):
        config["SQLALCHEMY_ENGINE_OPTIONS"] = {}
    config.setdefault("UPLOAD_FOLDER", None)
    if not config.get("UPLOAD_FOLDER"):
        config["UPLOAD_FOLDER"] = str(instance / "uploads")
    if not config.get("PDF_CACHE_FOLDER"):
        config["PDF_CACHE_FOLDER"] = str(instance / "pdf-cache")
    if config.get("MAX_CONTENT_LENGTH") is None:
        config["MAX_CONTENT_LENGTH"] = (config["MAX_UPLOAD_MB"] + 5) * 1024 * 1024
    if not config.get("SECRET_KEY"):
        if config.get("ENV_NAME") == "production":
            raise RuntimeError("SECRET_KEY phải được đặt trong môi trường khi chạy production.")
        key_file = instance / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_hex(32))
            key_file.chmod(0o600)
        config["SECRET_KEY"] = key_file.read_text().strip()
