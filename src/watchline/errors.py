"""One exception family per kind of failure.

Errors carry what a person needs to fix the problem (the file, line or element and why);
they never carry HTTP status codes: the API layer maps families to responses.
"""

from __future__ import annotations


class WatchlineError(Exception):
    """Base of every error this package raises on purpose."""


class InputError(WatchlineError):
    """Input that cannot be accepted: a malformed file, row, request or argument.

    ``where`` names the place (``file.xml:123`` or ``row 7`` or ``properties.name``) so the
    message can point a person straight at it.
    """

    def __init__(self, reason: str, where: str | None = None) -> None:
        self.reason = reason
        self.where = where
        super().__init__(f"{where}: {reason}" if where else reason)


class NotFoundError(WatchlineError):
    """A record, source, key or case that does not exist (or that the caller may not see)."""


class PermissionDeniedError(WatchlineError):
    """The caller is known but not allowed to do this."""


class ConflictError(WatchlineError):
    """The change contradicts the current state (e.g. delisting an already delisted record)."""


class IntegrityError(WatchlineError):
    """Stored data failed a consistency check (e.g. a broken audit hash chain)."""


class WorkerError(WatchlineError):
    """A worker process failed or died: the batch it was part of stops, nothing is skipped."""
