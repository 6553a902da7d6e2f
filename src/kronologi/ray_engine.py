"""The Ray engine: the per-document steps as Ray tasks, on a local or a remote cluster.

Why a module of its own: Ray is an optional dependency (the ``ray`` extra, some 250 MB
installed), imported only here and only when a build asks for ``engine="ray"``, so the
default install and every other command stay light.

Why it gives the same chronicle as the local engine: a task gets the pipeline *config*
(put once into Ray's object store and shared by every task) and a batch of documents,
and calls ``run_batch`` — the function the process pool runs — so each worker process
builds its steps once from the config and runs the same code. The driver receives the
batches as they finish and ``build`` writes each one to the store in one transaction,
exactly as with the local engine.

The corpus passes that compare documents across the corpus (duplicates, reference dates,
stories, entities) then run in the driver; the ledger and the events pass, which work story
by story, run as Ray tasks again (``run_story_parts``): each gets a part of whole stories
(``kronologi.corpus.story_parts``) with only those stories' documents, plus what the driver
read from the whole corpus (the claimants' names, who speaks for which body); the driver
gathers, orders and numbers their records as one run over the corpus does. One connection
(``Session``) serves both rounds of tasks.

A task that fails as a whole (an exception outside the step boundary, a worker process
that died, a node lost after Ray's own retries) is run again one document per task, so
only the documents that fail on their own become Rejections, with the reason
(``failed.engine.ray: WorkerCrashedError: ...``); the rest of the corpus goes on.
"""

from __future__ import annotations

import itertools
import logging
import socket
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

from kronologi.document import Document, Rejection
from kronologi.errors import KronologiError
from kronologi.pipeline import PipelineConfig, run_batch

log = logging.getLogger(__name__)

RETRIES = 2  # Ray re-runs a task whose worker or node died this many times before it fails
PROBE_TIMEOUT_S = 10  # for a TCP connection to the cluster's address
TASKS_PER_CPU = 2  # tasks in flight per CPU of the cluster: busy workers, a bounded object store


class EngineError(KronologiError):
    """The engine asked for cannot run: Ray missing, or its cluster unreachable."""

    code = "failed.engine"


def import_ray() -> Any:
    """Ray itself, or an EngineError that says how to install it."""
    try:
        import ray
    except ImportError as exc:
        raise EngineError("the ray engine needs Ray, which is not installed: pip install 'kronologi[ray]' "
                          "(or pip install -r requirements-ray.lock)", "failed.engine.no_ray") from exc
    return ray


@contextmanager
def cluster(workers: int, address: str | None) -> Iterator[Any]:
    """Connected to a Ray cluster for the block: the one at ``address`` (``auto``, ``host:port``,
    ``ray://host:10001``), or a new local one with ``workers`` CPUs and no dashboard. Either way
    disconnected (the local one shut down) at the end. A connection the caller already opened
    (``ray.init`` in a notebook or a test) is used as it is and left open."""
    ray = import_ray()
    if ray.is_initialized():
        yield ray
        return
    _connect(ray, workers, address)
    try:
        yield ray
    finally:
        ray.shutdown()


class Session:
    """A build's connection to its cluster, opened on first use (a build with nothing to run starts
    nothing) and kept until ``close``: the per-document batches and the corpus tasks share it."""

    def __init__(self, workers: int, address: str | None):
        self.workers, self.address = workers, address
        self._stack = ExitStack()
        self._ray: Any = None

    def connect(self) -> Any:
        if self._ray is None:
            self._ray = self._stack.enter_context(cluster(self.workers, self.address))
        return self._ray

    def close(self) -> None:
        self._ray = None
        self._stack.close()


def _connect(ray: Any, workers: int, address: str | None) -> None:
    if address:
        probe(address)
    try:
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            # "local": a new cluster, never one that `ray start` or RAY_ADDRESS points to
            ray.init(address="local", num_cpus=workers, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING)
    except Exception as exc:  # noqa: BLE001 - Ray raises ConnectionError, RuntimeError, ValueError...
        where = f"the Ray cluster at {address}" if address else "a local Ray cluster"
        hint = ("; a ray:// client of a cluster with token authentication (Ray's default) needs "
                "RAY_AUTH_MODE=token and the cluster's token (~/.ray/auth_token or RAY_AUTH_TOKEN)"
                if address and address.startswith("ray://") else "")
        raise EngineError(f"could not connect to {where} ({_short(exc)}); check that `ray start --head` "
                          f"runs there and that this Ray's version matches the cluster's{hint}",
                          "failed.engine.connect") from exc
    log.info("ray engine: %s CPUs in the cluster", ray.cluster_resources().get("CPU"))


def probe(address: str) -> None:
    """Fail at once when nothing listens at ``host:port`` (Ray itself would retry for minutes)."""
    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if not sep or not port.isdigit():
        return  # "auto", or a form Ray resolves itself
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=PROBE_TIMEOUT_S).close()
    except OSError as exc:
        raise EngineError(f"nothing answers at {address} ({exc.strerror or exc}): start the cluster with "
                          "`ray start --head` there, or check the address and port",
                          "failed.engine.connect") from exc


def run_batches(batches: Sequence[list[Document]], config: PipelineConfig, workers: int,
                address: str | None = None) -> Iterator[tuple[list[Document], list[Document | Rejection]]]:
    """``(batch, results)`` for every batch, in the order the tasks finish."""
    with cluster(workers, address) as ray:
        task = ray.remote(max_retries=RETRIES)(run_batch)
        config_ref = ray.put(config)
        window = max(2, TASKS_PER_CPU * int(ray.cluster_resources().get("CPU", workers)))
        queue, pending = iter(batches), {}

        def submit() -> None:
            for batch in itertools.islice(queue, window - len(pending)):
                pending[task.remote(config_ref, batch)] = batch

        submit()
        while pending:
            (ready,), _ = ray.wait(list(pending), num_returns=1)
            batch = pending.pop(ready)
            submit()  # the cluster works on while the driver writes this batch
            yield batch, _results(ray, task, config_ref, ready, batch)


def run_story_parts(session: Session, parts: Sequence[list[Document]], story_of: dict[str, str],
                    names: dict[str, str], bodies: dict[str, set[str]], options: dict | None,
                    common: frozenset[tuple[str, ...]] = frozenset()) -> list[Any]:
    """``story_passes`` of every part, as Ray tasks (the largest parts first, a bounded number in flight);
    the results in the order of ``parts``. ``names``, ``bodies`` and ``common`` are put once into the object
    store."""
    from kronologi.build import story_passes

    ray = session.connect()
    task = ray.remote(max_retries=RETRIES)(story_passes)
    names_ref, bodies_ref, common_ref = ray.put(names), ray.put(bodies), ray.put(common)
    window = max(2, TASKS_PER_CPU * int(ray.cluster_resources().get("CPU", session.workers)))
    queue, pending = iter(range(len(parts))), {}
    results: list[Any] = [None] * len(parts)

    def submit() -> None:
        for n in itertools.islice(queue, window - len(pending)):
            part = parts[n]
            mine = {d.id: story_of[d.id] for d in part if d.id in story_of}
            pending[task.remote(part, mine, names_ref, options, bodies_ref, common_ref)] = n

    submit()
    while pending:
        (ready,), _ = ray.wait(list(pending), num_returns=1)
        n = pending.pop(ready)
        results[n] = ray.get(ready)  # a failed part fails the build: its stories have no partial answer
        submit()
    log.info("ray engine: %d corpus tasks done", len(parts))
    return results


def _results(ray: Any, task: Any, config_ref: Any, ref: Any, batch: list[Document]) -> list[Document | Rejection]:
    """The batch's results; after a failed task, each document run again on its own."""
    try:
        return ray.get(ref)
    except Exception as exc:  # noqa: BLE001 - whatever failed the task, the documents are accounted for
        log.warning("ray engine: a task of %d documents failed (%s)", len(batch), _short(exc))
        if len(batch) == 1:
            return [_rejection(batch[0], exc)]
    results: list[Document | Rejection] = []
    for doc, ref in [(doc, task.remote(config_ref, [doc])) for doc in batch]:
        try:
            results += ray.get(ref)
        except Exception as exc:  # noqa: BLE001
            results.append(_rejection(doc, exc))
    return results


def _rejection(doc: Document, exc: BaseException) -> Rejection:
    where = f"{doc.source_path}#{doc.record}" if doc.record else doc.source_path
    return Rejection(where, f"failed.engine.ray: {_short(exc)}")


def _short(exc: BaseException) -> str:
    """``Type: first line`` of the exception, or of its cause inside a Ray task error."""
    cause = getattr(exc, "cause", None)
    exc = cause if isinstance(cause, BaseException) else exc
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first[:300]}" if first else type(exc).__name__
