"""The ASGI app (Starlette): every HTML page has a JSON twin under ``/api/`` built by the
same page function (datasette style). Page functions are plain, synchronous and run in
worker threads; none of them writes anything.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import anyio
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response as StarletteResponse
from starlette.routing import Route

from fullpicture._errors import FullpictureError
from fullpicture.settings import Settings
from fullpicture.web._data import Data, Pending
from fullpicture.web._security import Guard, security_headers

log = logging.getLogger("fullpicture.web")

#: Kept for callers of the first server; the served headers come from ``security_headers()``.
SECURITY_HEADERS = security_headers()


@dataclass
class Response:
    """An HTTP response body with its status and content type."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] | None = None


class HTTPError(Exception):
    """A page's refusal with a status and a message safe to show."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@lru_cache(maxsize=1)
def env() -> Environment:
    """The Jinja environment shared with the report (same templates folder, autoescaped)."""
    from fullpicture.report.html import json_script

    e = Environment(loader=PackageLoader("fullpicture", "report/templates"),
                    autoescape=select_autoescape(default=True, default_for_string=True),
                    trim_blocks=True, lstrip_blocks=True)
    e.filters["json_script"] = json_script
    return e


def render(template: str, code: int = 200, **ctx: Any) -> Response:
    """An HTML page from a shared template, with HTTP status ``code``."""
    return Response(code, "text/html; charset=utf-8", env().get_template(template).render(**ctx).encode("utf-8"))


def as_json(value: Any, status: int = 200) -> Response:
    """A JSON response (UTF-8, not ASCII-escaped)."""
    return Response(status, "application/json; charset=utf-8",
                    json.dumps(value, ensure_ascii=False, indent=1, default=str).encode("utf-8"))


_PATHS = re.compile(r"(?:[A-Za-z]:)?(?:/[^/\s'\"():]+){2,}")


def safe_message(exc: BaseException, db: Path | None = None) -> str:
    """One line about an error, with no absolute path in it."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if db is not None:
        text = text.replace(str(db.resolve()), db.name).replace(str(db), db.name)
    return _PATHS.sub(lambda m: Path(m.group(0)).name, text)[:300]


Page = Callable[[Data, Request], Response]


def _error(data: Data, status: int, message: str, wants_json: bool) -> Response:
    if wants_json:
        return as_json({"error": message}, status)
    return render("web_error.html.j2", status, status=status, message=message, db=data.db.name)


def _run(data: Data, page: Page, request: Request) -> Response:
    path = request.url.path
    wants_json = path.startswith("/api/") or path.endswith(".json")
    try:
        return page(data, request)
    except HTTPError as exc:
        return _error(data, exc.status, str(exc), wants_json)
    except Pending as exc:
        from fullpicture.web._pages import progress_page

        return progress_page(data, request, exc.job, wants_json)
    except LookupError as exc:
        return _error(data, 404, safe_message(exc, data.db), wants_json)
    except (FullpictureError, OSError) as exc:
        log.warning("%s: %s", path, safe_message(exc, data.db))
        return _error(data, 500, safe_message(exc, data.db), wants_json)
    except Exception as exc:  # a bug must give a 500 page, not a dropped connection or a traceback
        log.warning("%s: internal error: %s", path, type(exc).__name__)
        return _error(data, 500, f"internal error: {type(exc).__name__}", wants_json)


def _endpoint(data: Data, page: Page, timeout: float) -> Callable[[Request], Any]:
    async def endpoint(request: Request) -> StarletteResponse:
        try:
            with anyio.fail_after(timeout):
                resp = await anyio.to_thread.run_sync(_run, data, page, request, abandon_on_cancel=True)
        except TimeoutError:
            resp = _error(data, 503, "the page took too long; try again shortly",
                          request.url.path.startswith("/api/"))
        return StarletteResponse(resp.body, resp.status, headers=resp.headers, media_type=resp.content_type)

    return endpoint


def create_app(data: Data, *, hosts: frozenset[str] | None = None, token: str | None = None,
               settings: Settings | None = None) -> Guard:
    """The whole app: the pages of :mod:`fullpicture.web._pages` behind the :class:`Guard`."""
    from fullpicture.web._pages import ROUTES, _routes

    web = (settings or data.settings).section("web")
    timeout = float(web.get("request_timeout_s", 60.0))
    routes = [Route(path, _endpoint(data, page, timeout), methods=["GET", "HEAD"], name=name)
              for path, page, name in _routes() + ROUTES]

    async def not_found(request: Request, exc: Exception) -> StarletteResponse:
        resp = _error(data, 404, "not found", request.url.path.startswith("/api/"))
        return StarletteResponse(resp.body, 404, media_type=resp.content_type)

    app = Starlette(routes=routes, exception_handlers={404: not_found})
    threads = int(web.get("threads", 32))
    limiter_set = False
    inner = Guard(app, hosts=hosts, token=token, max_query_bytes=int(web.get("max_query_bytes", 4096)))

    async def outer(scope: Any, receive: Any, send: Any) -> None:
        nonlocal limiter_set
        if not limiter_set and scope["type"] == "http":
            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
            limiter_set = True
        started = False

        async def tracking_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await inner(scope, receive, tracking_send)
        except Exception as exc:  # never a traceback: one line, and a 500 if nothing was sent yet
            log.warning("%s: internal error: %s", scope.get("path", "?"), type(exc).__name__)
            if not started and scope["type"] == "http":
                body = b"internal error\n"
                await send({"type": "http.response.start", "status": 500,
                            "headers": [(b"Content-Type", b"text/plain; charset=utf-8"),
                                        (b"Content-Length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})

    outer.data = data  # type: ignore[attr-defined]
    return outer  # type: ignore[return-value]


def handle(data: Data, path: str, query: str) -> Response:
    """Answer one GET request in-process (no sockets): the same app the server runs."""
    app = create_app(data)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": query.encode("latin-1"), "headers": [(b"host", b"127.0.0.1")],
             "client": ("127.0.0.1", 0), "server": ("127.0.0.1", 80)}
    out: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
            out["headers"] = {k.decode().lower(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            out["body"] += message.get("body", b"")

    asyncio.run(app(scope, receive, send))  # type: ignore[arg-type]
    return Response(out["status"], out["headers"].get("content-type", ""), out["body"], out["headers"])


def debug_enabled() -> bool:
    """Kept for compatibility: request logging is off; errors are logged as one line."""
    return False
