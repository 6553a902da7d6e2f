"""The Jinja2 templates (autoescaped: every article string is text, never markup) and the helpers they use."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from starlette.requests import Request
from starlette.templating import Jinja2Templates

from kronologi.serve import charts, nesting


def record_url(kind: str, key: str, sentence: int | None = None) -> str:
    """``/documents/<id>#s3``: the id percent-encoded whole (an id may hold '/', '#', '?' or spaces)."""
    anchor = f"#s{sentence}" if sentence is not None else ""
    return f"/{kind}/{_quoted(str(key))}{anchor}"


@lru_cache(maxsize=65536)
def _quoted(key: str) -> str:
    """An id as one path segment. Cached: a story page links the same few documents hundreds of times, and
    ``quote`` was a fifth of its rendering time."""
    return quote(key, safe="")


def sentence_url(fig: dict) -> str:
    """A figure's sentence in its document's page: where a chart's point links."""
    return record_url("documents", fig["doc"], fig.get("sentence"))


def key_number_charts(ledger: list[dict[str, Any]]) -> dict[str, Any]:
    """A story's charts by ledger line id (``serve.charts``), each point linking to its sentence."""
    return charts.key_number_charts(ledger, sentence_url)


def page_url(request: Request, page: int) -> str:
    """This page's URL with another ``page`` (its other parameters kept)."""
    params = dict(request.query_params)
    params["page"] = str(page)
    return f"{request.url.path}?{urlencode(params)}"


def json_url(request: Request) -> str:
    """This page's JSON twin."""
    path = request.url.path
    path = "/stories.json" if path == "/" else f"{path}.json"
    query = request.url.query
    return f"{quote(path)}?{query}" if query else quote(path)


def safe_href(url: str | None) -> str | None:
    """An article's original URL, only when it is http(s): never a ``javascript:`` link."""
    if not url:
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def paragraphs(text: str, sentences: list[dict], spans: list[dict]) -> list[list[dict[str, Any]]]:
    """The document's text as paragraphs of pieces: each sentence (with its ``idx`` and ``events``) and the text
    between sentences; a blank line between pieces starts a new paragraph. Each piece holds its highlights as
    nested ``nodes`` (``serve.nesting``); an event source that is its whole sentence marks the sentence itself."""
    whole = {(s["start"], s["end"]) for s in sentences}
    inline = nesting.Windows([s for s in spans if s["kind"] != "event" or (s["start"], s["end"]) not in whole])
    paras: list[list[dict[str, Any]]] = [[]]
    pos = 0
    for sent in sentences:
        _add_gap(paras, text, pos, sent["start"], inline)
        paras[-1].append(_piece(text, sent["start"], sent["end"], sent, inline))
        pos = max(pos, sent["end"])
    _add_gap(paras, text, pos, len(text), inline)
    return [p for p in paras if any(piece["text"].strip() for piece in p)]


def _piece(text: str, start: int, end: int, sentence: dict | None, spans: nesting.Windows) -> dict[str, Any]:
    return {"text": text[start:end], "sentence": sentence,
            "nodes": nesting.nest(spans.over(start, end), start, end, text)}


def _add_gap(paras: list[list[dict[str, Any]]], text: str, start: int, end: int, spans: nesting.Windows) -> None:
    pos = start
    for i, block in enumerate(text[start:end].split("\n\n")):
        if i:
            paras.append([])
            pos += 2
        if block:
            paras[-1].append(_piece(text, pos, pos + len(block), None, spans))
        pos += len(block)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("kronologi.serve", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(record_url=record_url, page_url=page_url, json_url=json_url, safe_href=safe_href,
                       paragraphs=paragraphs, key_number_charts=key_number_charts, legend=nesting.LEGEND)
    return env


templates = Jinja2Templates(env=_environment())
