"""The server run in a background thread on a free loopback port, for programs that drive it from the same
process: the browser tests, the screenshot script, a load run. It is the real uvicorn server on a real socket
(not a test client), so a browser talks to it exactly as it would to ``kronologi serve``.

The socket is bound here (port 0: the system picks a free one) and handed to uvicorn, so no other program can
take the port between choosing it and serving on it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from kronologi.serve.app import create_app



class ServerDidNotStart(RuntimeError):
    """uvicorn did not report itself started in time (its log says why)."""


@contextmanager
def serving(db_path: str | Path, host: str = "127.0.0.1", timeout: float = 30.0) -> Iterator[str]:
    """Serve the store at ``db_path`` while the block runs; yields the base URL (``http://127.0.0.1:PORT``)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db_path), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=f"kronologi-serve-{port}",
                              daemon=True)
    thread.start()
    try:
        _wait_started(server, thread, timeout)
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()


def _wait_started(server: uvicorn.Server, thread: threading.Thread, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise ServerDidNotStart(f"uvicorn did not start within {timeout:.0f} s; see the log above")
        time.sleep(0.02)
