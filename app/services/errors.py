"""Domain errors raised by services and mapped onto forms by views."""


class ServiceError(Exception):
    """A refused action, with a Vietnamese message and the form field it concerns."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ConflictError(ServiceError):
    """Someone else changed the record since it was loaded (optimistic locking)."""


def check_version(obj, expected: int | None, message: str) -> None:  # noqa: ANN001
    """Optimistic locking: refuse when the record changed since the form was shown
    (``expected`` is the version the form was built from; None skips the check)."""
    if expected is not None and obj.version_id != expected:
        raise ConflictError(message)
