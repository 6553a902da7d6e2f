"""``build``: inputs in, Chronicle out — the whole pipeline in one call.

1. ingest every input into raw Documents (or Rejections);
2. corpus pre-pass: lines repeated across the corpus (boilerplate);
3. per-document steps, in batches — reusing what the store already holds for
   the same pipeline, committing each batch in one transaction;
4. corpus passes (duplicates and shared passages, dates, stories, entities, then the ledger and
   the events pass story by story: parts of whole stories as Ray tasks on the ray engine, in the
   process pool on the local engine with ``workers > 1``), decisions stored;
5. the Chronicle, written to the store's chronicle tables in one transaction, with
   what changed since the chronicle it replaces (``Chronicle.changes``).

Workers (``workers > 1``) get the pipeline *config* and a batch of documents,
and build their steps themselves: the same code runs in one process, in a pool
(``engine="local"``), or as Ray tasks (``engine="ray"``, ``kronologi.ray_engine``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kronologi.chronicle import Chronicle
from kronologi.corpus import collector, incremental
from kronologi.corpus.boilerplate import repeated_lines
from kronologi.corpus.dedup import dedup
from kronologi.corpus.stories import assign_stories
from kronologi.corpus.story_parts import StoryPasses, gather, speakers_bodies, story_parts
from kronologi.claims.ledger import build_ledger, claimant_names
from kronologi.entities.resolve import resolve
from kronologi.corpus.calendar import date_from_series, date_from_stories
from kronologi.events.merge import common_quote_shingles, merge_events
from kronologi.document import Document, Rejection
from kronologi.ingest import read_all
from kronologi.ingest.limits import DEFAULT_MAX_DOC_BYTES, DEFAULT_MAX_PAGE_BYTES, Limits
from kronologi.ingest.meta import read_meta
from kronologi.pipeline import DEFAULT_STEPS, Pipeline, PipelineConfig, run_batch
from kronologi.store import LOCK_TIMEOUT_S, Store

Progress = Callable[[str, int, int], None]  # (stage, done, total)
ENGINES = ("local", "ray")  # where the per-document steps run: this machine's processes, or Ray tasks

log = logging.getLogger(__name__)


def build(paths: Iterable[str], *, meta: str | Path | None = None, db: str | Path = ":memory:",
          workers: int = 1, batch_size: int = 200, steps: tuple[str, ...] = DEFAULT_STEPS,
          stdin: bytes | None = None, progress: Progress | None = None,
          max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES, max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES,
          engine: str = "local", address: str | None = None, lock_timeout: float = LOCK_TIMEOUT_S) -> Chronicle:
    """Read ``paths`` (files, folders, ``-``) and return their Chronicle.

    ``max_doc_bytes`` caps one document's text, ``max_page_bytes`` one HTML page's
    markup; larger inputs are rejected as ``failed.ingest.too_large``. ``engine="ray"``
    runs the per-document steps as Ray tasks: on the cluster at ``address`` (``auto``,
    ``host:port``, ``ray://host:port``), or on a local one with ``workers`` CPUs.
    ``lock_timeout``: seconds to wait for a lock another build holds on the store before
    stopping with ``StoreBusyError`` (``failed.store.busy``; the waiting transaction rolled back).
    """
    _check_engine(engine, address)
    session = None
    if engine == "ray":  # one connection for the per-document batches and the corpus tasks, opened when first needed
        from kronologi.ray_engine import Session

        session = Session(workers, address)
    with contextlib.ExitStack() as stack:
        pool = stack.enter_context(_story_pool(workers)) if engine == "local" and workers > 1 else None
        paths = list(paths)
        limits = Limits(max_doc_bytes=max_doc_bytes, max_page_bytes=max_page_bytes)
        raw, rejected = _ingest(paths, meta, stdin, progress, limits)
        log.info("read %d documents, %d inputs rejected", len(raw), len(rejected))
        config = PipelineConfig(tuple(steps), {"repeated_lines": sorted(_repeated(raw))})
        signature = pipeline_signature(config)
        store = Store(db, lock_timeout=lock_timeout)
        try:
            run = store.start_run(paths, signature)
            store.put_batch([], rejected, signature)  # inputs that could not be read, with their reasons
            read = incremental.input_fingerprint(raw, signature)  # the documents as read, before any step
            if (kept := _keep_if_nothing_new(store, db, read, rejected, run, len(raw), progress)) is not None:
                return kept
            docs, dropped = _process(store, raw, config, signature, workers, batch_size, progress,
                                     engine, address, session=session)
            raw.clear()  # the processed documents replace the raw ones (their raw text stays in the store)
            rejected += dropped
            log.info("processed %d documents, %d dropped", len(docs), len(dropped))
            with collector.paused():  # the passes make millions of small containers and no garbage cycles
                chronicle, save_cache = _corpus_passes(store, docs, progress, config.options, signature,
                                                       session=session, part_docs=batch_size, pool=pool)
            chronicle.rejected = rejected
            # the chronicle's tables, replaced in one transaction (kept as they are when nothing is new); what
            # changed since the last build; the cache's build row notes this build's inputs
            then = functools.partial(save_cache, inputs=incremental.inputs(read, dropped))
            if save_cache is incremental.kept:
                chronicle.changes = store.keep_chronicle(chronicle, run, then=then)
            else:
                chronicle.changes = store.put_chronicle(chronicle, run, then=then)
            store.finish_run(run, len(docs), len(rejected))
        finally:
            store.close()
            if session is not None:
                session.close()
        return chronicle


def _keep_if_nothing_new(store: Store, db: str | Path, read: str, rejected: list[Rejection], run: int,
                         n_read: int, progress: Progress | None) -> Chronicle | None:
    """With nothing new since the store's last build (the same documents read, ``read``, by the same pipeline
    and code), keep its chronicle as it is — no document is processed or loaded, no corpus pass runs — and
    return it, read from the store when used (``export.stored.kept_chronicle``). None when there is something
    to build, or when another build replaced the chronicle meanwhile."""
    found = incremental.nothing_new(store.db, read)
    if found is None:
        return None
    since, dropped = found
    from kronologi.export.stored import kept_chronicle

    chronicle = kept_chronicle(db, run, rejected + dropped)
    then = functools.partial(incremental.kept, since=since, inputs=incremental.inputs(read, dropped))
    try:
        chronicle.changes = store.keep_chronicle(chronicle, run, then=then)
    except incremental.Stale as exc:
        log.info("%s: building", exc)
        return None
    log.info("nothing new since run %s: its chronicle kept (%d documents read, %d dropped by the steps)",
             since, n_read, len(dropped))
    if progress:
        progress("process", n_read, n_read)
        for n in range(len(CORPUS_PASSES) + 1):
            progress("corpus passes", n, len(CORPUS_PASSES))
    store.finish_run(run, len(chronicle.documents), len(chronicle.rejected))
    return chronicle


def _check_engine(engine: str, address: str | None) -> None:
    """A wrong engine, Ray missing or nothing at the address fails before anything is read or written."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; engines: {', '.join(ENGINES)}")
    if address and engine != "ray":
        raise ValueError("an address names a Ray cluster: use it with engine='ray'")
    if engine == "ray":
        from kronologi.ray_engine import import_ray, probe

        import_ray()
        if address:
            probe(address)


def _ingest(paths, meta, stdin, progress, limits: Limits) -> tuple[list[Document], list[Rejection]]:
    """Raw documents and rejections (bad sidecar rows included), in input order."""
    sidecar, rejected = read_meta(meta) if meta else (None, [])
    raw: list[Document] = []
    for item in read_all(paths, sidecar, stdin, skip=[meta] if meta else (), limits=limits):
        (raw if isinstance(item, Document) else rejected).append(item)
        if progress:
            progress("read", len(raw) + len(rejected), 0)
    return raw, rejected


def _repeated(raw: list[Document]) -> frozenset[str]:
    return repeated_lines((d.raw_text for d in raw), min_docs=4, min_share=0.01)


def pipeline_signature(config: PipelineConfig) -> str:
    """Steps and versions, plus a digest of the options they were built with."""
    options = hashlib.sha256(json.dumps(config.options, sort_keys=True).encode()).hexdigest()[:12]
    return f"{Pipeline.from_config(config).signature}#{options}"


def _process(store: Store, raw: list[Document], config: PipelineConfig, signature: str,
             workers: int, batch_size: int, progress: Progress | None, engine: str = "local",
             address: str | None = None, session=None) -> tuple[list[Document], list[Rejection]]:
    """Run the steps on documents the store does not hold yet; keep input order."""
    done = {key: _lighten(d) for key, d in store.get_many((d.key for d in raw), signature).items()}
    todo = [d for d in raw if d.key not in done]
    dropped: list[Rejection] = []
    finished = len(raw) - len(todo)
    if progress:
        progress("process", finished, len(raw))
    for batch, results in _run_batches(todo, config, workers, batch_size, engine, address, session):
        kept = [r for r in results if isinstance(r, Document)]
        lost = [r for r in results if isinstance(r, Rejection)]
        store.put_batch(kept, lost, signature)
        done.update({d.key: _lighten(d) for d in kept})
        dropped += lost
        finished += len(batch)
        if progress:
            progress("process", finished, len(raw))
    return [_as_read(done[d.key], d) for d in raw if d.key in done], dropped


def _as_read(doc: Document, read: Document) -> Document:
    """A stored document takes this build's id and path: an earlier build, with other inputs
    beside it, may have given the same content another id."""
    doc.id, doc.source_path = read.id, read.source_path
    return doc


def _lighten(doc: Document) -> Document:
    """Drop the raw text from a processed document held for the corpus passes: no pass or
    export reads it, and the store keeps it (a corpus of 20,000 articles holds ~100 MB of it)."""
    doc.raw_text = ""
    return doc


def _run_batches(todo: list[Document], config: PipelineConfig, workers: int, batch_size: int,
                 engine: str = "local", address: str | None = None, session=None,
                 ) -> Iterator[tuple[list[Document], list[Document | Rejection]]]:
    """``(batch, results)`` per batch: in order on the local engine, as they finish on Ray."""
    batches = [todo[i : i + batch_size] for i in range(0, len(todo), batch_size)]
    if engine == "ray":
        if batches:
            from kronologi.ray_engine import run_batches

            if session is not None:
                session.connect()  # held open for the corpus tasks after the batches
            yield from run_batches(batches, config, workers, address)
        return
    if workers <= 1 or len(batches) <= 1:
        for batch in batches:
            yield batch, run_batch(config, batch)
        return
    with _pool(workers) as pool:
        for batch, results in zip(batches, pool.map(run_batch, [config] * len(batches), batches)):
            yield batch, results


def _pool(workers: int) -> ProcessPoolExecutor:
    """The local engine's worker processes (the platform's default start method: fork on Linux), for the
    per-document batches and for the parts of the ledger and the events pass."""
    return ProcessPoolExecutor(max_workers=workers)


def _story_pool(workers: int) -> ProcessPoolExecutor:
    """The pool (a context manager: its exit shuts it down) for the parts of the ledger and the events pass, its workers forked now, when the build starts
    and this process holds little. Forked when the passes need them, each worker inherited every document: its
    own allocations then filled free slots of that heap and copied those pages, so on 21,936 click-id articles
    each of two workers came to about the main process's size (4.1 GB of summed PSS at the peak;
    benchmarks/results.md)."""
    pool = _pool(workers)
    pool.submit(int).result()  # with fork, the first task starts every worker
    return pool


# The corpus passes, in order (``progress("corpus passes", k, n)`` says the k-th is done).
CORPUS_PASSES = ("duplicates", "reference dates", "stories", "entities", "figures and quotes", "events",
                 "story summaries")


def _corpus_passes(store: Store, docs: list[Document], progress: Progress | None = None,
                   options: dict | None = None, signature: str = "", session=None,
                   part_docs: int = 200, pool: ProcessPoolExecutor | None = None) -> tuple[Chronicle, Callable]:
    """Passes over the whole corpus, in order; each one's decisions are stored.

    Duplicates, reference dates, stories and entities compare documents across the corpus and run
    here. The ledger and the events pass work story by story: with a Ray ``session`` (the ray
    engine) they run as Ray tasks on parts of at most ``part_docs`` documents
    (``kronologi.corpus.story_parts``), with a ``pool`` (the local engine with ``workers > 1``) as the
    same parts in its processes (``_story_passes_in_pool``: only when the work is large enough to
    gain); either way gathered into what one run here gives.

    Incremental (``kronologi.corpus.incremental``): with nothing new since the store's last build,
    its chronicle comes back from the store's cache; otherwise the ledger, events and summaries
    run only on the stories the new documents touch. Returns the chronicle and the function
    that writes the cache in ``Store.put_chronicle``'s transaction."""
    def passed(name: str) -> None:
        log.info("corpus pass done: %s", name)
        if progress:
            progress("corpus passes", CORPUS_PASSES.index(name) + 1, len(CORPUS_PASSES))

    if progress:
        progress("corpus passes", 0, len(CORPUS_PASSES))
    previous = incremental.read_previous(store.db)
    fingerprint = incremental.input_fingerprint(docs, signature)
    if (same := incremental.unchanged(previous, docs, fingerprint)) is not None:
        log.info("corpus passes: nothing new since run %s, its chronicle reused", previous.build["run"])
        for name in CORPUS_PASSES:
            passed(name)
        return same, incremental.kept
    _dedup_pass(store, docs)
    passed("duplicates")
    store.put_decisions("reference", _sibling_dates(docs))
    passed("reference dates")
    stories = _story_pass(store, docs)
    store.put_decisions("story reference", date_from_stories(stories, options))
    passed("stories")
    entities = resolve(docs)  # sets mention["entity"], which events and quotes then refer to
    passed("entities")
    _events_to_entities(docs)
    plan = incremental.plan(previous, docs, entities, signature)
    work = plan.docs  # the documents of the stories to recompute (all of them on a first build)
    story_of = {d.id: d.story for d in work if d.story}
    names = claimant_names(entities)
    if session is not None and work:
        passes = _story_passes_on_ray(session, work, story_of, names, options, part_docs)
    elif pool is not None and len(work) >= POOL_MIN_DOCS:
        passes = _story_passes_in_pool(work, story_of, names, options, part_docs, pool)
    else:
        passes = story_passes(work, story_of, names, options)
    if passes.redated:
        store.put_decisions("series reference", passes.redated)
    figures, quotes, ledger, events = passes.figures, passes.quotes, passes.ledger, passes.events
    passed("figures and quotes")
    passed("events")
    records = [_story_record(s, s.id in plan.touched) for s in stories]
    passed("story summaries")
    chronicle = Chronicle(documents=docs, stories=records, entities=entities,
                          events=events, figures=figures, quotes=quotes, ledger=ledger)
    by_story = incremental.assemble(chronicle, plan, previous)
    return chronicle, incremental.saver(previous, plan, by_story, chronicle, fingerprint)


def story_passes(docs: list[Document], story_of: dict[str, str], names: dict[str, str],
                 options: dict | None = None, bodies: dict[str, set[str]] | None = None,
                 common: frozenset[tuple[str, ...]] | None = None) -> StoryPasses:
    """The ledger (with the re-dating of the articles its death tolls place) and then the events pass, over
    ``docs``: every story the build recomputes (the local engine), or a part of whole stories (a Ray task
    of the ray engine, a worker of the pool; ``bodies`` and ``common`` then read from the whole corpus,
    ``kronologi.corpus.story_parts``)."""
    with collector.paused():  # also in a worker process or a Ray task: see kronologi.corpus.collector
        return _story_passes(docs, story_of, names, options, bodies, common)


def _story_passes(docs: list[Document], story_of: dict[str, str], names: dict[str, str], options: dict | None,
                  bodies: dict[str, set[str]] | None, common: frozenset[tuple[str, ...]] | None) -> StoryPasses:
    # the ledger first: the events pass reads which counts are whole totals and who claimed them
    figures, quotes, ledger = build_ledger(docs, story_of, names=names)
    redated = date_from_series(docs, story_of, figures, options)
    if redated:  # articles placed on a day of their story's rising toll: their figures and events changed
        _events_to_entities(docs)
        figures, quotes, ledger = build_ledger(docs, story_of, names=names)
    events = merge_events(docs, story_of, figures=figures, bodies=bodies, common=common) \
        if any(d.events for d in docs) else []
    return StoryPasses(figures, quotes, ledger, events, redated, [d for d in docs if d.key in redated],
                       [d.id for d in docs])


def _story_passes_on_ray(session, work: list[Document], story_of: dict[str, str], names: dict[str, str],
                         options: dict | None, part_docs: int) -> StoryPasses:
    """The ledger and the events pass as Ray tasks, one per part of whole stories; gathered, and the
    documents the ledger re-dated put back as the tasks left them (the chronicle shows their dates)."""
    from kronologi.ray_engine import run_story_parts

    parts = story_parts(work, part_docs)
    log.info("corpus passes: ledger and events in %d Ray tasks (%d documents)", len(parts), len(work))
    return _gathered(run_story_parts(session, parts, story_of, names, speakers_bodies(work), options,
                                     common_quote_shingles(work)), work)


# The local engine runs the ledger and the events pass in its pool only over at least this many documents:
# below it, sending the parts' documents to the workers and their records back costs about what the second
# process saves (see benchmarks/results.md, "Ledger and events pass in the local pool").
POOL_MIN_DOCS = 1000


def _story_passes_in_pool(work: list[Document], story_of: dict[str, str], names: dict[str, str],
                          options: dict | None, part_docs: int, pool: ProcessPoolExecutor) -> StoryPasses:
    """The ledger and the events pass on the local engine's process pool (``_story_pool``): the parts the ray
    engine's tasks get (``story_parts``, at most ``part_docs`` documents each, the largest first), gathered as
    one run. A single part runs here, as with one worker. A part that raises stops the build with its exception
    (the parts not started are cancelled), before anything of the chronicle is written."""
    parts = story_parts(work, part_docs)
    if len(parts) < 2:
        return story_passes(work, story_of, names, options)
    bodies, common = speakers_bodies(work), common_quote_shingles(work)
    log.info("corpus passes: ledger and events in %d parts in the pool (%d documents)", len(parts), len(work))
    futures = [pool.submit(_story_part, part, {d.id: story_of[d.id] for d in part if d.id in story_of},
                           names, options, bodies, common) for part in parts]
    try:
        results = [future.result() for future in futures]
    except BaseException:
        for future in futures:
            future.cancel()
        raise
    return _gathered(results, work)


def _story_part(part: list[Document], story_of: dict[str, str], names: dict[str, str], options: dict | None,
                bodies: dict[str, set[str]], common: frozenset[tuple[str, ...]]) -> StoryPasses:
    """One part's ``story_passes``, in a worker process (looked up when called, so it is the module's)."""
    return story_passes(part, story_of, names, options, bodies, common)


def _gathered(results: list[StoryPasses], work: list[Document]) -> StoryPasses:
    """The parts' records as one run over ``work``; the documents the ledger re-dated put back as the
    parts left them (the chronicle shows their dates)."""
    passes = gather(results, work)
    by_id = {d.id: d for d in work}
    for done in passes.redone:
        vars(by_id[done.id]).update(vars(done))
    return passes


def _events_to_entities(docs: list[Document]) -> None:
    """Per-document events name their actors, place and teller (``said_by``) by mention index; now that mentions
    have entity ids, refer to those (the same entity across documents)."""
    for doc in docs:
        for ev in doc.events:
            ev["actors"] = list(dict.fromkeys(_entity_of(doc, a) for a in ev.get("actors") or ()))
            ev["actors"] = [a for a in ev["actors"] if a]
            ev["location"] = _entity_of(doc, ev.get("location"))
            if "said_by" in ev:
                ev["said_by"] = _entity_of(doc, ev["said_by"])


def _entity_of(doc: Document, ref) -> str | None:
    if isinstance(ref, int) and 0 <= ref < len(doc.mentions):
        return doc.mentions[ref].get("entity")
    return ref if isinstance(ref, str) else None


def _story_record(story, summarized: bool = True) -> dict:
    """The story's contract row, with a short extractive summary of its articles (``summarized``; else
    the summary is left to the cache of an earlier build)."""
    from kronologi.events.summary import summarize

    record = story.record()
    originals = [d for d in story.docs if not d.duplicate_of and d.sentences]
    if summarized:
        record["summary"] = [{"doc": doc_id, "sentence": i} for doc_id, i in summarize(originals, 3)] \
            if originals else []
    return record


def _story_pass(store: Store, docs: list[Document]):
    """Stories, keeping the assignments of earlier builds of this store."""
    previous = {key: d["story"] for key, d in store.get_decisions("stories").items()}
    stories = assign_stories(docs, previous)
    store.put_decisions("stories", {d.key: {"story": d.story} for d in docs})
    return stories


def _dedup_pass(store: Store, docs: list[Document]) -> None:
    result = dedup(docs)
    decisions = {}
    for doc in docs:
        doc.fingerprint = None  # read by this pass alone, and kept in the store: 2 KB an article less to hold
        canonical = result.duplicate_of.get(doc.id)
        doc.duplicate_of, doc.duplicate_kind = (canonical[0], canonical[1]) if canonical else (None, None)
        doc.shared_passages = result.shared.get(doc.id, [])
        decisions[doc.key] = {"duplicate_of": doc.duplicate_of, "kind": doc.duplicate_kind,
                              "similarity": canonical[2] if canonical else None,
                              "shared_passages": len(doc.shared_passages)}
    store.put_decisions("dedup", decisions)


def _sibling_dates(docs: list[Document]) -> dict[str, dict]:
    """Undated documents get the window of the documents they share text with.

    Siblings here are duplicates and documents sharing passages (stories, when
    they exist, will widen this). A window is a month or a year, never a day.
    """
    from kronologi.temporal import sibling_window
    from kronologi.temporal.step import apply_inferred

    by_id = {d.id: d for d in docs}
    links: dict[str, set[str]] = {d.id: set() for d in docs}
    for doc in docs:
        others = {p.doc for p in doc.shared_passages} | ({doc.duplicate_of} if doc.duplicate_of else set())
        for other in (o for o in others if o in by_id):
            links[doc.id].add(other)
            links[other].add(doc.id)
    decisions = {}
    for doc in docs:
        if doc.published is None and links[doc.id]:
            window = sibling_window(by_id[o].published for o in sorted(links[doc.id]))
            if window:
                apply_inferred(doc, window)
                decisions[doc.key] = window
    return decisions
