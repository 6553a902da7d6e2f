"""A real, throwaway PostgreSQL server for the store tests: ``initdb`` into a temporary folder,
``pg_ctl start`` on a free loopback port with its unix socket in that folder, stopped when the
test session ends. A helper module, not a conftest (one conftest in the tree).

PostgreSQL refuses to run as root: as root the server runs as an unprivileged user (``postgres``
where Debian's package made one, else ``nobody``) through ``runuser``. Without PostgreSQL the
tests that need it skip with the reason, and fail loudly under ``CI=true`` (CI installs Debian's
``postgresql``; see scripts/test.sh). ``KRONOLOGI_TEST_POSTGRES=postgresql://user@host:port/db``
uses a server that is already running instead (its user must be allowed to create databases).
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

SUPERUSER = "kronologi"
_SERVER: "PgServer | None" = None
_FAILED: str | None = None


@dataclass
class PgServer:
    """A running server: its folder (None for an outside server), port and admin URL."""

    folder: Path | None
    port: int
    admin_url: str
    bin_dir: Path | None = None
    run_as: str | None = None

    def url(self, dbname: str) -> str:
        return self.admin_url.rsplit("/", 1)[0] + "/" + dbname

    def create_database(self) -> str:
        """A new empty database on the server; its URL."""
        import psycopg

        name = f"k_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.admin_url, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.folder is None:
            return
        _run(self, [str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop"],
             check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def postgres_server() -> PgServer:
    """The session's server, started on first use; skip (or fail in CI) where there is none."""
    global _SERVER, _FAILED
    if _SERVER is None and _FAILED is None:
        try:
            _SERVER = _outside_server() or _start()
            atexit.register(_SERVER.stop)
        except _Unavailable as exc:
            _FAILED = str(exc)
    if _SERVER is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"PostgreSQL is needed under CI=true: {_FAILED}")
        pytest.skip(f"no PostgreSQL: {_FAILED}")
    return _SERVER


class _Unavailable(Exception):
    pass


def _outside_server() -> PgServer | None:
    url = os.environ.get("KRONOLOGI_TEST_POSTGRES")
    if not url:
        return None
    return PgServer(folder=None, port=0, admin_url=url)


def bin_dir() -> Path | None:
    """Where initdb and pg_ctl are: PATH first, then Debian's /usr/lib/postgresql/N/bin (newest)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if os.path.exists(os.path.join(folder, "initdb")):
            return Path(folder)
    return None


def _start() -> PgServer:
    binaries = bin_dir()
    if binaries is None:
        raise _Unavailable("initdb and pg_ctl not found (install Debian's postgresql)")
    try:
        import psycopg  # noqa: F401 - the store's driver
    except ImportError as exc:
        raise _Unavailable(f"psycopg is not installed ({exc}); run scripts/setup.sh test") from exc
    run_as = _unprivileged_user() if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="kronologi-pg-"))
    if run_as:
        os.chown(folder, pwd.getpwnam(run_as).pw_uid, pwd.getpwnam(run_as).pw_gid)
    server = PgServer(folder, _free_port(), "", binaries, run_as)
    data, sock = folder / "data", str(folder)
    _run(server, [str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--no-sync", "--locale=C"])
    options = f"-p {server.port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50"
    _run(server, [str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "server.log"),
                  "-w", "-t", "60", "start"])
    server.admin_url = f"postgresql://{SUPERUSER}@127.0.0.1:{server.port}/postgres"
    return server


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise _Unavailable("running as root and no unprivileged user (postgres, nobody) to run the server as")


def _run(server: PgServer, argv: list[str], check: bool = True) -> None:
    if server.run_as:
        argv = ["runuser", "-u", server.run_as, "--", *argv]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=server.folder or "/")
    if check and done.returncode != 0:
        log = ""
        if server.folder and (server.folder / "server.log").exists():
            log = (server.folder / "server.log").read_text(errors="replace")[-2000:]
        raise _Unavailable(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()[-2000:]} {log}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
