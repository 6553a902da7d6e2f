"""Exceptions raised by Kronologi's library code.

Every exception carries a dotted ``code`` (``failed.ingest.bad_encoding``) that
ends up in ``rejected[].reason`` or in a step's failure record, and a message
that says what the user can do about it.
"""

from __future__ import annotations


class KronologiError(Exception):
    """Base class: a failure Kronologi understands and can report."""

    code = "failed"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code

    @property
    def reason(self) -> str:
        """``code: message``, the form written to ``rejected[].reason``."""
        return f"{self.code}: {self}"


class IngestError(KronologiError):
    """An input (file, record, stream) could not be read into documents."""

    code = "failed.ingest"


class MetadataError(KronologiError):
    """The ``--meta`` sidecar file is unreadable or malformed."""

    code = "failed.meta"


class StoreError(KronologiError):
    """The SQLite store is unusable (wrong schema, locked, corrupt)."""

    code = "failed.store"


class StepError(KronologiError):
    """A pipeline step failed on one document."""

    code = "failed.step"
