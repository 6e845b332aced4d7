"""Routing of the read-only server: every HTML page has a JSON twin built by the same
data function (datasette style). Pure: ``(path, query) -> Response``; no sockets here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape

from fullpicture._errors import FullpictureError
from fullpicture.models import Analysis
from fullpicture.models.comparison import Comparison

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


@dataclass
class Response:
    """An HTTP response body with its status and content type."""

    status: int
    content_type: str
    body: bytes


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=PackageLoader("fullpicture", "report/templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True))


class Data:
    """The data functions behind both the HTML pages and the JSON API."""

    def __init__(self, db: str | Path,
                 loader: Callable[[str | None], list[Analysis]] | None = None) -> None:
        self.db = Path(db)
        self._loader = loader
        self._cache: dict[tuple[str | None, float], Comparison] = {}

    def _analyses(self, topic: str | None) -> list[Analysis]:
        if self._loader is not None:
            return self._loader(topic)
        from fullpicture import store_analyses

        return store_analyses(self.db, topic)

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document's metadata (no text)."""
        return [a.document.model_dump(mode="json") for a in self._analyses(None)]

    def comparison(self, topic: str | None) -> Comparison:
        """The comparison of the stored documents about ``topic`` (all when None).

        The same data function as ``fullpicture compare --db``; cached per topic until
        the database file changes.
        """
        from fullpicture import compare

        mtime = self.db.stat().st_mtime if self.db.exists() else 0.0
        key = (topic, mtime)
        if key not in self._cache:
            if self._loader is None:
                comp = compare(db=self.db, topic=topic)
            else:
                analyses = self._loader(topic)
                if not analyses:
                    raise LookupError(f"no documents{' about ' + repr(topic) if topic else ''}")
                comp = compare(analyses)
            self._cache = {key: comp}
        return self._cache[key]


def _json(value: Any, status: int = 200) -> Response:
    return Response(status, "application/json; charset=utf-8",
                    json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8"))


def _html(text: str, status: int = 200) -> Response:
    return Response(status, "text/html; charset=utf-8", text.encode("utf-8"))


def handle(data: Data, path: str, query: str) -> Response:
    """Answer one GET request."""
    params = {k: v[-1] for k, v in parse_qs(query).items()}
    topic = params.get("topic") or None
    try:
        if path in ("/", "/index.html"):
            docs = data.documents()
            return _html(_env().get_template("web_index.html.j2").render(
                docs=docs, db=data.db.name, topic=topic or "",
                compare_url="/compare" + (f"?{urlencode({'topic': topic})}" if topic else "")))
        if path in ("/api/documents.json", "/documents.json"):
            return _json({"documents": data.documents()})
        if path in ("/compare", "/compare.html"):
            from fullpicture.report import render_html

            return _html(render_html(data.comparison(topic)))
        if path in ("/api/compare.json", "/compare.json"):
            return _json(data.comparison(topic).to_json_dict())
        if path == "/api/compare.md":
            from fullpicture.report import render_markdown

            return Response(200, "text/markdown; charset=utf-8",
                            render_markdown(data.comparison(topic)).encode("utf-8"))
    except LookupError as exc:
        return _error(404, str(exc), path)
    except (FullpictureError, OSError) as exc:
        return _error(500, str(exc).splitlines()[0] if str(exc) else type(exc).__name__, path)
    except Exception as exc:  # a bug must give a 500 page, not a dropped connection
        return _error(500, f"internal error: {type(exc).__name__}", path)
    return _error(404, "not found", path)


def _error(status: int, message: str, path: str) -> Response:
    if path.endswith(".json"):
        return _json({"error": message}, status)
    return _html(_env().get_template("web_error.html.j2").render(status=status, message=message), status)


def debug_enabled() -> bool:
    """Whether the server logs every request (``FULLPICTURE_SERVE_LOG=1``)."""
    return os.environ.get("FULLPICTURE_SERVE_LOG") == "1"
