"""Domain errors raised by services and mapped onto forms by views."""


class ServiceError(Exception):
    """A refused action, with a Vietnamese message and the form field it concerns."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ConflictError(ServiceError):
    """Someone else changed the record since it was loaded (optimistic locking)."""
