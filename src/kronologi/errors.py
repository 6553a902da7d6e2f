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
    """The store (a SQLite file or a PostgreSQL database) is unusable (wrong schema, locked, corrupt)."""

    code = "failed.store"


class StoreBusyError(StoreError):
    """Another build held the store's lock longer than this build may wait for it (``--lock-timeout``).

    Raised when the store is opened or in the middle of a build (a batch, the chronicle's
    replacement). The transaction that waited was rolled back, so the store holds what it held
    before that transaction: earlier builds' work and this build's committed batches, which a
    rerun reuses. ``store`` is shown without a password; ``waited_s`` is how long the build waited
    before it gave up, ``limit_s`` the limit it waited under."""

    code = "failed.store.busy"

    def __init__(self, store: str, waited_s: float, limit_s: float):
        self.store, self.waited_s, self.limit_s = store, waited_s, limit_s
        super().__init__(
            f"{store} is busy: another build holds its lock, and this build stopped after waiting "
            f"{_seconds(waited_s)} s for it (--lock-timeout {_seconds(limit_s)}); what it was writing was rolled "
            "back and the store is consistent. Wait for the other build to finish and run this one again (it "
            "resumes where it stopped), or let it wait longer with --lock-timeout SECONDS")


def _seconds(value: float) -> str:
    """``0.5``, ``2.3``, ``120``: tenths under ten seconds, whole seconds above."""
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


class StepError(KronologiError):
    """A pipeline step failed on one document."""

    code = "failed.step"
