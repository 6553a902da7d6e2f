"""``watch``: poll inputs and build what is new as it appears.

Every ``interval`` seconds the inputs (files and folders, as ``kronologi build`` reads
them) are listed with each file's size and modification time. When the list differs
from the one last built, and has stayed the same for one more poll (a file still
being copied is not read half-written), one build runs over all the inputs: the
store skips the documents it already holds, and each batch is one transaction, so
a build stopped half way loses nothing. The first poll builds at once.

``stop`` (a ``threading.Event``) ends the loop between polls; a KeyboardInterrupt
during a build abandons it safely (the store rolls back the open transaction, the
views stay as the last build wrote them) and is raised to the caller.

The store is a SQLite file or a PostgreSQL server's URL, as for ``kronologi build``; on a server other
builds and watches may write the same store meanwhile (the store's locks keep them apart).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronologi import store
from kronologi.errors import KronologiError
from kronologi.ingest.discover import discover

log = logging.getLogger(__name__)

Fingerprint = dict[str, tuple[int, int]]  # path -> (size, mtime in ns)


class WatchError(KronologiError):
    code = "failed.watch"


@dataclass
class Watch:
    """What to watch and where the builds go (the options of ``kronologi build``)."""

    paths: list[str]
    outdir: Path
    db: str | Path | None = None  # a SQLite file (default: OUTDIR/kronologi.db) or a PostgreSQL server's URL
    meta: str | None = None
    interval: float = 30.0
    build_options: dict[str, Any] = field(default_factory=dict)  # workers, max_doc_bytes, ...

    def __post_init__(self) -> None:
        self.outdir = Path(self.outdir)
        self.db = store.target(self.db, self.outdir)
        _check_apart(self.paths, [self.outdir, *([self.db] if isinstance(self.db, Path) else [])])


def fingerprint(paths: Iterable[str]) -> Fingerprint:
    """Every file a build of ``paths`` would read, with its size and modification time."""
    out: Fingerprint = {}
    for path in discover(paths):
        if isinstance(path, str):
            try:
                st = os.stat(path)
            except OSError:  # gone between the listing and the look
                continue
            out[path] = (st.st_size, st.st_mtime_ns)
    return out


def difference(old: Fingerprint, new: Fingerprint) -> dict[str, list[str]]:
    """Files added, changed and removed from ``old`` to ``new``."""
    return {"added": sorted(set(new) - set(old)), "changed": sorted(p for p in new if p in old and new[p] != old[p]),
            "removed": sorted(set(old) - set(new))}


def build_once(watch: Watch) -> dict[str, Any]:
    """One build of every input into ``watch.outdir``; return what changed (``changes.json``)."""
    from kronologi.build import build
    from kronologi.export import prepare_outdir, write_store

    prepare_outdir(watch.outdir)
    chronicle = build(watch.paths, meta=watch.meta, db=watch.db, **watch.build_options)
    write_store(watch.db, watch.outdir)  # the views of the store the build just wrote, as ``kronologi build``
    return chronicle.changes or {}


def run(watch: Watch, stop: threading.Event | None = None, once: bool = False,
        on_build: Callable[[dict[str, list[str]], dict[str, Any]], None] | None = None,
        builder: Callable[[Watch], dict[str, Any]] | None = None) -> int:
    """Poll until ``stop`` is set (or once); return the number of builds run.

    ``on_build(files, changes)`` is called after each build with the files that
    differed and what the build changed; ``builder`` stands in for ``build_once``."""
    stop = stop or threading.Event()
    builder = builder or build_once
    built: Fingerprint | None = None  # what the last build read
    seen: Fingerprint | None = None  # what the last poll saw
    builds = 0
    log.info("watching %s every %g s, building into %s", ", ".join(watch.paths), watch.interval,
             store.shown(watch.db))
    while True:
        now = fingerprint(watch.paths)
        if _due(now, built, seen, first=builds == 0 and built is None):
            files = difference(built or {}, now)
            log.info("watch: %d added, %d changed, %d removed file(s); building", len(files["added"]),
                     len(files["changed"]), len(files["removed"]))
            if _build(watch, builder, files, on_build):
                built, builds = now, builds + 1
        seen = now
        if once or stop.wait(watch.interval):
            return builds


def _due(now: Fingerprint, built: Fingerprint | None, seen: Fingerprint | None, first: bool) -> bool:
    """Build when the files differ from the last build's and have settled (unchanged since the last
    poll); the first poll builds what is there."""
    if not now or now == built:
        return False
    return first or now == seen


def _build(watch: Watch, builder, files: dict[str, list[str]], on_build) -> bool:
    try:
        changes = builder(watch)
    except KronologiError as exc:  # a busy store, a full disk: try again at the next poll
        log.warning("watch: build failed, will retry: %s", exc)
        return False
    log.info("watch: built; %s", ", ".join(f"{n} {name}" for name, n in (changes.get("counts") or {}).items()))
    if on_build:
        on_build(files, changes)
    return True


def _check_apart(paths: list[str], outputs: list[Path]) -> None:
    """The outputs and the store must not sit inside a watched folder: each build would read them."""
    for path in paths:
        if path == "-":
            raise WatchError("watch reads files and folders, not stdin (-)", code="failed.watch.stdin")
        root = Path(path).resolve()
        if not root.is_dir():
            continue
        for out in outputs:
            if out.resolve() == root or root in out.resolve().parents:
                raise WatchError(f"{out} is inside the watched folder {path}: every build would read it as "
                                 "input; put the outputs (-o) and the store (--db) outside it",
                                 code="failed.watch.outputs_inside")
