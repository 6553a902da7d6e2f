"""Writing outputs so that readers never see half of them.

``atomic_file`` writes one file: a temporary file beside it, flushed and
fsynced, then ``os.replace``d onto the name; on any failure the temporary file
is removed and the old file stays as it was. Files are created with mode 0666
less the umask, like any file a program writes (``tempfile`` would make 0600).

``staged_outputs`` is the set: every view is written into a staging folder
inside the output folder; only when all of them are written are they moved
into place, one ``os.replace`` each (microseconds for the whole set), and the
folder is fsynced (a folder of views, ``stories/``, replaces the old one whole: see ``publish``). An error or
a kill while the views are being made leaves
the previous set untouched; the staging folder is removed, or, after a kill,
by the next export into that folder.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from kronologi.errors import KronologiError

log = logging.getLogger(__name__)

STAGING_PREFIX = ".kronologi-export-"


class ExportError(KronologiError):
    """The output folder cannot be written (missing permission, a file in the way, a full disk)."""

    code = "failed.export"


@contextmanager
def atomic_file(path: Path, mode: str = "w", **open_args) -> Iterator[IO]:
    """Open a temporary file beside ``path``; replace ``path`` with it once the block ends well."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, mode, **open_args) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def prepare_outdir(outdir: str | Path) -> Path:
    """Create ``outdir`` if needed and prove it writable, or raise ExportError saying why."""
    outdir = Path(outdir)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=outdir, prefix=STAGING_PREFIX):
            pass
    except OSError as exc:
        raise _export_error(outdir, exc) from exc
    return outdir


@contextmanager
def staged_outputs(outdir: Path) -> Iterator[Path]:
    """A staging folder inside ``outdir``, always removed at the end."""
    _remove_stale(outdir)
    try:
        stage = Path(tempfile.mkdtemp(dir=outdir, prefix=f"{STAGING_PREFIX}{os.getpid()}-"))
    except OSError as exc:
        raise _export_error(outdir, exc) from exc
    try:
        yield stage
    except OSError as exc:
        raise _export_error(outdir, exc) from exc
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def publish(staged: dict[str, Path], outdir: Path, folders: Iterable[str] = ()) -> dict[str, Path]:
    """Move every staged file or folder into ``outdir`` (each an atomic replace), then fsync the folder.

    ``folders`` names the folders an export writes only sometimes (``stories/`` beside an index report.html): one
    left by an earlier export and not staged now is removed, so no stale page survives beside the new set."""
    paths = {}
    for name, path in staged.items():
        paths[name] = outdir / path.name
        if path.is_dir():
            _replace_folder(path, paths[name], outdir)
        else:
            os.replace(path, paths[name])
        log.info("wrote %s", paths[name])
    for name in folders:
        if name not in staged and (outdir / name).is_dir():
            _discard(outdir / name, outdir)
            log.info("removed %s, written by an earlier export", outdir / name)
    _fsync_folder(outdir)
    return paths


def _replace_folder(new: Path, target: Path, outdir: Path) -> None:
    """``new`` onto ``target``: a folder cannot replace a full one, so the old one is first renamed aside (into
    a staging folder of its own, which a kill right then leaves for the next export to remove), then the new
    one is renamed onto the name: two renames, microseconds without the folder."""
    if target.exists() or target.is_symlink():
        _discard(target, outdir)
    os.replace(new, target)


def _discard(path: Path, outdir: Path) -> None:
    """Move ``path`` out of the way at once (a rename), then delete it."""
    aside = Path(tempfile.mkdtemp(dir=outdir, prefix=f"{STAGING_PREFIX}{os.getpid()}-"))
    try:
        os.replace(path, aside / path.name)
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def _fsync_folder(folder: Path) -> None:
    with suppress(OSError):  # not every file system lets a folder be opened
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_stale(outdir: Path) -> None:
    """Staging folders left by an export that was killed (its process is gone)."""
    for folder in outdir.glob(f"{STAGING_PREFIX}*-*"):
        pid = folder.name[len(STAGING_PREFIX):].split("-", 1)[0]
        if folder.is_dir() and pid.isdigit() and not _alive(int(pid)):
            log.info("removing %s, left by an export that did not finish", folder)
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _export_error(outdir: Path, exc: OSError) -> ExportError:
    why = exc.strerror or str(exc)
    where = exc.filename or outdir
    return ExportError(f"cannot write the outputs to {outdir} ({why}: {where}); make it writable (permissions, "
                       "free space) or choose another -o folder", code="failed.export.outdir")
