"""``kronologi serve``: the chronicle in a store, browsable and as a JSON API (read-only).

Starlette routes each page to one function that reads plain data from the store (``stories``, ``records``,
``search``); Jinja2 renders it as HTML, or it goes out as JSON, the page's twin. uvicorn serves the app."""

from __future__ import annotations

from kronologi.serve.app import create_app

__all__ = ["create_app"]
