"""The ``kronologi`` command line. The library never prints; this module does.

The library logs through module loggers under ``kronologi``; ``-v``/``--verbose``
and ``--log-level`` decide what of it reaches stderr (warnings by default).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path

import click

from kronologi import __version__
from kronologi.errors import KronologiError
from kronologi.ingest.limits import DEFAULT_MAX_DOC_BYTES, DEFAULT_MAX_PAGE_BYTES
from kronologi.store.dialect import LOCK_TIMEOUT_S


LOG_LEVELS = ("debug", "info", "warning", "error")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kronologi")
@click.option("-v", "--verbose", count=True,
              help="Log more on stderr: -v for what each stage does (info), -vv for details (debug).")
@click.option("--log-level", type=click.Choice(LOG_LEVELS, case_sensitive=False),
              help="Log level on stderr (default: warning); wins over -v.")
def main(verbose: int, log_level: str | None) -> None:
    """Kronologi builds a chronology people can trust from messy news articles."""
    level = log_level or ("debug" if verbose > 1 else "info" if verbose else "warning")
    _configure_logging(level.upper())


_LOG_HANDLER: logging.Handler | None = None


def _configure_logging(level: str) -> None:
    """One stderr handler on the ``kronologi`` logger (replaced, not added, on each call)."""
    global _LOG_HANDLER
    logger = logging.getLogger("kronologi")
    if _LOG_HANDLER is not None:
        logger.removeHandler(_LOG_HANDLER)
    _LOG_HANDLER = logging.StreamHandler(sys.stderr)
    _LOG_HANDLER.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger.addHandler(_LOG_HANDLER)
    logger.setLevel(level)


# The store build and watch write: one option, read by ``store.target`` (a URL stays a URL).
_STORE_OPTION = click.option(
    "--db", type=click.Path(dir_okay=False),
    help="SQLite store (default: OUTDIR/kronologi.db), or a PostgreSQL server's URL "
         "postgresql://user@host:port/dbname (the 'postgres' extra). Re-runs reuse what it holds.")

# How long a build waits for a lock another build holds on the store (one option for build and watch).
_LOCK_TIMEOUT_OPTION = click.option(
    "--lock-timeout", "lock_timeout", default=LOCK_TIMEOUT_S, show_default=True, metavar="SECONDS",
    type=click.FloatRange(0, min_open=True),
    help="Seconds to wait for a lock another build holds on the store before giving up (failed.store.busy; "
         "what was being written is rolled back).")


@main.command(short_help="Read files, folders or stdin and write the chronicle and its views.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder for chronicle.json, documents.csv, figures.csv, events.csv, timeline.md, report.html.")
@click.option("--meta", type=click.Path(exists=True, dir_okay=False),
              help="Sidecar metadata: CSV with header or JSON Lines, key column 'file' (input basename).")
@_STORE_OPTION
@_LOCK_TIMEOUT_OPTION
@click.option("-j", "--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes for the per-document steps, and from 1,000 documents for the ledger and events "
                   "pass story by story (with --engine ray and no --address: the local Ray cluster's CPUs).")
@click.option("--engine", default="local", show_default=True, type=click.Choice(["local", "ray"]),
              help="Where the per-document steps run: this machine's processes, or Ray tasks "
                   "(the 'ray' extra).")
@click.option("--address", metavar="ADDR",
              help="With --engine ray: the Ray cluster to use (auto, HOST:PORT or ray://HOST:PORT); "
                   "without it a local cluster is started and stopped.")
@click.option("--max-doc-bytes", default=DEFAULT_MAX_DOC_BYTES, show_default=True, type=click.IntRange(1000),
              help="Largest text of one document (a long news article is ~100 KB); larger inputs and records "
                   "are rejected.")
@click.option("--max-page-bytes", default=DEFAULT_MAX_PAGE_BYTES, show_default=True, type=click.IntRange(1000),
              help="Largest HTML page (markup); larger pages are rejected.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def build(inputs: tuple[str, ...], outdir: str, meta: str | None, db: str | None, lock_timeout: float,
          workers: int, engine: str, address: str | None, max_doc_bytes: int, max_page_bytes: int,
          quiet: bool) -> None:
    """Read INPUTS (files, folders recursively, or - for stdin) and write the chronicle.

    Exit status 0 when the build finished, even if some inputs were rejected
    (they are listed in chronicle.json with a reason); 1 when nothing could be
    processed, or the build could not finish (an unusable store, a store
    another build held past --lock-timeout, an output folder that cannot be
    written: the message says which and what to do); 2 for a wrong call.
    """
    from kronologi import store
    from kronologi.build import build as run_build
    from kronologi.export import prepare_outdir, write_store

    from kronologi.ingest.limits import DEFAULT_MAX_INPUT_BYTES

    if address and engine != "ray":
        raise click.UsageError("--address names a Ray cluster: use it with --engine ray")
    stdin = sys.stdin.buffer.read(DEFAULT_MAX_INPUT_BYTES + 1) if "-" in inputs else None  # more: too_large
    with _Progress(enabled=not quiet and sys.stderr.isatty()) as progress:
        try:
            prepare_outdir(outdir)  # an unwritable folder fails now, not after the build
            target = store.target(db, outdir)
            chronicle = run_build(inputs, meta=meta, db=target,
                                  workers=workers, engine=engine, address=address, stdin=stdin, progress=progress,
                                  max_doc_bytes=max_doc_bytes, max_page_bytes=max_page_bytes,
                                  lock_timeout=lock_timeout)
            paths = write_store(target, outdir)  # the views are views of the store the build just wrote
        except KronologiError as exc:
            raise click.ClickException(str(exc)) from exc
    if not quiet:
        _summary(target, chronicle, paths)
    if not chronicle.documents:
        sys.exit(1)


def _summary(target, chronicle, paths: dict[str, Path]) -> None:
    from kronologi.export.stored import document_counts

    documents, dups = document_counts(target)  # from the store: the chronicle's lists may not be loaded
    click.echo(f"{documents} documents, {dups} duplicates, {len(chronicle.rejected)} rejected", err=True)
    for reject in chronicle.rejected:
        click.echo(f"  rejected {reject.source_path}: {reject.reason}", err=True)
    for name, path in paths.items():
        click.echo(f"wrote {path}", err=True)


class _Progress:
    """A tqdm bar per stage on a terminal; nothing when piped."""

    def __init__(self, enabled: bool):
        self.enabled, self.bar, self.stage = enabled, None, None

    def __enter__(self):
        return self if self.enabled else None

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()

    def __call__(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if stage != self.stage:
            if self.bar is not None:
                self.bar.close()
            self.stage = stage
            unit = "doc" if stage in ("read", "process") else "pass"
            self.bar = tqdm(total=total or None, desc=stage, unit=unit, file=sys.stderr, dynamic_ncols=True)
        self.bar.update(done - self.bar.n)


@main.command(short_help="Poll folders and feed files; build the chronicle whenever something new appears.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder for the views (as for build); must not be inside a watched folder.")
@click.option("--meta", type=click.Path(exists=True, dir_okay=False),
              help="Sidecar metadata, as for build (read again by every build).")
@_STORE_OPTION
@_LOCK_TIMEOUT_OPTION
@click.option("--interval", default=30.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds between two looks at the inputs.")
@click.option("-j", "--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes for the per-document steps.")
@click.option("--once", is_flag=True, help="Look once, build if there is anything to build, and exit.")
@click.option("-q", "--quiet", is_flag=True, help="No line per build.")
def watch(inputs: tuple[str, ...], outdir: str, meta: str | None, db: str | None, lock_timeout: float,
          interval: float, workers: int, once: bool, quiet: bool) -> None:
    """Watch INPUTS (files and folders, as build reads them) and build when files appear or change.

    Each look lists the inputs' files with their sizes and modification times; a
    build runs when they differ from the last build's and have not changed since
    the previous look (so a file being copied is read whole). The first look builds
    at once. The store skips documents it already holds. Each build writes the
    views, changes.json among them, and prints one line of what changed. Ctrl-C or
    SIGTERM stops it (a build under way is abandoned safely: the store rolls back,
    the views stay as the last build wrote them); exit status 0.
    """
    from kronologi import watch as watching

    try:
        job = watching.Watch(list(inputs), Path(outdir), db, meta, interval,
                             {"workers": workers, "lock_timeout": lock_timeout})
    except KronologiError as exc:
        raise click.UsageError(str(exc)) from exc
    report = None if quiet else _watch_line
    previous = signal.signal(signal.SIGTERM, _interrupt) if threading.current_thread() is threading.main_thread() else None
    try:
        watching.run(job, once=once, on_build=report)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _watch_line(files: dict[str, list[str]], changes: dict) -> None:
    from kronologi.export.changes import summary

    seen = ", ".join(f"{len(paths)} {what}" for what, paths in files.items() if paths) or "no files changed"
    click.echo(f"{datetime.now().isoformat(timespec='seconds')} built ({seen}): {summary(changes)}", err=True)


@main.command(short_help="Show how one input is cleaned: title, dateline, removed lines.")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print the cleaned documents as JSON Lines (one per line).")
def clean(path: str, as_json: bool) -> None:
    """Clean one input file and show the result (title, dateline, credits, removed lines)."""
    from kronologi.chronicle import document_record
    from kronologi.clean import clean_document
    from kronologi.ingest import read_path

    data = sys.stdin.buffer.read() if path == "-" else None
    for item in read_path(path, data):
        if not hasattr(item, "raw_text"):
            click.echo(f"rejected {item.source_path}: {item.reason}", err=True)
            continue
        doc = clean_document(item)
        if as_json:
            click.echo(json.dumps(document_record(doc), ensure_ascii=False))
            continue
        click.echo(f"# {doc.title}\noutlet: {doc.outlet}  dateline: {doc.dateline}  published: {doc.published} "
                   f"({doc.published_basis})  credits: {', '.join(doc.credits)}\n")
        click.echo(doc.text + "\n")
        for r in doc.removed:
            click.echo(f"  - [{r.reason}] {r.text}")


@main.command(short_help="Tag and resolve the temporal expressions of a plain text (JSON).")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--reference-date", "reference", metavar="YYYY-MM-DD[THH:MM[:SS][±HH:MM]]",
              help="Date that relative expressions resolve against (without it they stay underspecified).")
@click.option("--lang", type=click.Choice(["id", "en"]), help="Language of the text (default: detected).")
def dates(path: str, reference: str | None, lang: str | None) -> None:
    """Tag the temporal expressions of a plain text and print them as a JSON list.

    Each object has start and end (character offsets into the input as read,
    after decoding UTF-8), text, type (DATE, TIME, DURATION, SET), value
    (TIMEX3), precision and mod.
    """
    from kronologi import langs
    from kronologi.temporal import tag
    from kronologi.temporal.reference import Reference
    from kronologi.text.langid import identify

    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    text = data.decode("utf-8", errors="replace")
    try:
        ref = Reference.parse(reference)
    except KronologiError as exc:
        raise click.BadParameter(str(exc), param_hint="--reference-date") from exc
    lang = lang or langs.normalise_lang(identify(text)[0])
    click.echo(json.dumps([tm.to_dict() for tm in tag(text, lang, ref)], ensure_ascii=False, indent=1))


@main.command(short_help="Tag the tokens of a CoNLL file with PER, ORG, LOC (IOB2).")
@click.option("--conll", "path", required=True, metavar="FILE|-",
              type=click.Path(exists=True, dir_okay=False, allow_dash=True),
              help="CoNLL input: one token per line (first column), blank line between sentences; - for stdin.")
@click.option("--lang", type=click.Choice(["id", "en"]),
              help="Language of the tokens (default: detected). English is tagged by rules until it has a model.")
def ner(path: str, lang: str | None) -> None:
    """Tag named entities in a CoNLL file and print it with the IOB2 tag appended.

    Every input line is printed as it was, with a tab and the predicted tag
    (B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC or O) appended; blank lines
    stay blank. Other columns are kept and ignored.
    """
    from kronologi import langs
    from kronologi.ner import tag_sentences
    from kronologi.ner.conll import tag_conll, tokens
    from kronologi.text.langid import identify

    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    text = data.decode("utf-8-sig", errors="replace")
    if lang is None:
        lang = langs.normalise_lang(identify(" ".join(tokens(text)[:400]))[0])
    try:
        tagged = tag_conll(text, lambda sents: tag_sentences(sents, lang))
    except KronologiError as exc:
        raise click.ClickException(f"{exc} (--lang id forces the Indonesian model)") from exc
    out = click.get_binary_stream("stdout")
    out.write(tagged.encode("utf-8"))
    out.flush()


@main.command(short_help="Browse the chronicle in a store: web pages and a JSON API (read-only).")
@click.option("--db", default="kronologi.db", show_default=True, type=click.Path(dir_okay=False),
              help="The store a build wrote (OUTDIR/kronologi.db), or a PostgreSQL server's URL "
                   "postgresql://user@host:port/dbname; opened read-only.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("-w", "--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes answering on the port (uvicorn's workers); one per core uses them all.")
def serve(db: str, host: str, port: int, workers: int) -> None:
    """Serve the chronicle in the store DB as web pages, each with a JSON twin (.json), and /openapi.json.

    The store is opened read-only: a build may update it meanwhile, and each
    request reads one complete chronicle. Stop with Ctrl-C.
    """
    import uvicorn

    from kronologi.serve import create_app
    from kronologi.serve.app import DB_ENV
    from kronologi.serve.store import check
    from kronologi.store import shown
    from kronologi.store.postgres import is_url

    try:
        check(db)
    except KronologiError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"serving {shown(db)} on http://{host}:{port}/ with {workers} process(es) (Ctrl-C stops)", err=True)
    if workers == 1:
        uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
        return
    # several processes: uvicorn starts each from an import string; the store's path reaches them by environment
    os.environ[DB_ENV] = db if is_url(db) else str(Path(db).resolve())
    uvicorn.run("kronologi.serve.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning")


@main.command(short_help="Write stories as TimelineJS3 JSON (Knight Lab's embeddable timeline) from a store.")
@click.option("--db", default="kronologi.db", show_default=True, type=click.Path(dir_okay=False),
              help="The store a build wrote (OUTDIR/kronologi.db); opened read-only.")
@click.option("-o", "--out", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder for one STORY-timelinejs.json per story.")
@click.option("--story", "story_ids", multiple=True, metavar="ID",
              help="Only this story (repeat for more); default: every story with a dated event.")
def timelinejs(db: str, outdir: str, story_ids: tuple[str, ...]) -> None:
    """Write each story's dated events as Knight Lab TimelineJS3 JSON (undated events left out; an event known
    only to its month or year has no day or month). The same data as /stories/ID/timelinejs.json of serve."""
    from kronologi.export.files import prepare_outdir
    from kronologi.export.fromstore import write_timelines
    from kronologi.serve.store import check, reading

    try:
        check(db)
        out = prepare_outdir(outdir)
        with reading(db) as conn:
            paths = write_timelines(conn, out, story_ids)
    except (KronologiError, LookupError) as exc:
        raise click.ClickException(str(exc)) from exc
    for path in paths:
        click.echo(f"wrote {path}", err=True)


@main.command(short_help="Write chronicle.json and the other views from a store, without building.")
@click.option("--db", required=True, type=click.Path(dir_okay=False),
              help="The store a build wrote (OUTDIR/kronologi.db), or a PostgreSQL server's URL "
                   "postgresql://user@host:port/dbname; opened read-only.")
@click.option("-o", "--out", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder for chronicle.json, documents.csv, figures.csv, events.csv, timeline.md, report.html.")
@click.option("-q", "--quiet", is_flag=True, help="Do not list the files written.")
def export(db: str, outdir: str, quiet: bool) -> None:
    """Write the views of the chronicle in the store DB into OUTDIR: the same files 'kronologi build' writes
    (chronicle.json, the CSV files, timeline.md, report.html, changes.json), equal to the ones the build that
    wrote the store wrote. Nothing is built and the store is not changed. Exit status 1 when the store holds
    no chronicle this version can read or OUTDIR cannot be written (the message says which)."""
    from kronologi.export import write_store

    try:
        paths = write_store(db, outdir)
    except KronologiError as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet:
        for path in paths.values():
            click.echo(f"wrote {path}", err=True)


@main.command(short_help="Print the JSON Schema of chronicle.json.")
def schema() -> None:
    """Print the JSON Schema that every chronicle.json validates against."""
    from kronologi.export.jsonfile import schema as load_schema

    click.echo(json.dumps(load_schema(), indent=2))


if __name__ == "__main__":
    main()
