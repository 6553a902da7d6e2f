"""Query parameters of the server's pages, read strictly: a bad value is a 400 with a message that says what to send.

``BadParameter`` carries that message; the app turns it into a 400 page or JSON error."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

DEFAULT_SIZE = 20
MAX_SIZE = 100
MAX_QUERY_CHARS = 200


class BadParameter(ValueError):
    """A query parameter that cannot be used; the message names it and what it takes."""


@dataclass(frozen=True)
class Page:
    """Which slice of a list to show: ``page`` counts from 1, ``size`` items per page."""

    page: int = 1
    size: int = DEFAULT_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def info(self, total: int) -> dict:
        """What a paginated answer says about itself."""
        pages = max(1, -(-total // self.size))
        return {"page": self.page, "size": self.size, "total": total, "pages": pages}


def page_of(params: Mapping[str, str], default_size: int = DEFAULT_SIZE) -> Page:
    return Page(page=_whole(params, "page", 1, 1, None), size=_whole(params, "size", default_size, 1, MAX_SIZE))


def text_of(params: Mapping[str, str], name: str, required: bool = False) -> str:
    """A free-text parameter, stripped; ``""`` when absent and not required."""
    value = (params.get(name) or "").strip()
    if required and not value:
        raise BadParameter(f"'{name}' is required: give the words to look for, e.g. ?{name}=banjir")
    if len(value) > MAX_QUERY_CHARS:
        raise BadParameter(f"'{name}' is too long: at most {MAX_QUERY_CHARS} characters")
    if "\x00" in value:
        raise BadParameter(f"'{name}' must not contain a NUL character")
    return value


def _whole(params: Mapping[str, str], name: str, default: int, low: int, high: int | None) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise BadParameter(f"'{name}' must be a whole number {_range(low, high)}, not {raw[:40]!r}")
    value = int(raw)
    if value < low or (high is not None and value > high):
        raise BadParameter(f"'{name}' must be a whole number {_range(low, high)}, not {value}")
    return value


def _range(low: int, high: int | None) -> str:
    return f"from {low} to {high}" if high is not None else f"from {low} up"


def unknown(params: Mapping[str, str], known: tuple[str, ...]) -> None:
    """Refuse parameters a page does not take (a typo would otherwise be silently ignored)."""
    extra = sorted(set(params) - set(known))
    if extra:
        takes = ", ".join(known) if known else "no parameters"
        raise BadParameter(f"unknown parameter {extra[0]!r}: this page takes {takes}")
