"""The guard in front of every page: Host allow-list, token, method, size limits and
security headers. A plain ASGI middleware (no per-request thread, no buffering).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
from base64 import b64encode
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from functools import lru_cache
from http.cookies import SimpleCookie
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_ENV = "FULLPICTURE_TOKEN"
COOKIE = "fp_token"


@lru_cache(maxsize=8)
def static_hash(name: str) -> str:
    """The CSP source (``'sha256-...'``) of a static script as the report inlines it."""
    text = resources.files("fullpicture").joinpath(f"report/static/{name}").read_text(encoding="utf-8")
    text = text.replace("</", "<\\/")
    return "'sha256-" + b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy() -> str:
    """The CSP of every served page: scripts only from the server or by hash, never inline text."""
    return ("default-src 'none'; script-src 'self' " + static_hash("report.js") + "; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def security_headers() -> dict[str, str]:
    """Headers sent with every response."""
    return {
        "Content-Security-Policy": content_security_policy(),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Cache-Control": "no-store",
    }


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(bind: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """Host header values accepted: the bound address and loopback names, with and without port."""
    names = {bind, "127.0.0.1", "localhost", "[::1]"} if is_loopback(bind) else {bind}
    names |= {h.strip().lower() for h in extra if h.strip()}
    out: set[str] = set()
    for n in names:
        n = f"[{n}]" if ":" in n and not n.startswith("[") else n
        out.add(n.lower())
        out.add(f"{n.lower()}:{port}")
    return frozenset(out)


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers") or ():
        if k == name:
            return bytes(v).decode("latin-1")
    return None


def _titled(headers: list[Any]) -> list[tuple[bytes, bytes]]:
    """Header names in their usual Title-Case (some clients compare names case-sensitively)."""
    return [(bytes(k).title(), bytes(v)) for k, v in headers]


class Guard:
    """ASGI middleware: refuses foreign Host headers, missing tokens, other methods than
    GET/HEAD and over-long queries; adds the security headers to every response."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str] | None, token: str | None,
                 max_query_bytes: int = 4096) -> None:
        self.app = app
        self.hosts = hosts
        self.token = token.encode("utf-8") if token else None
        self.max_query = max_query_bytes
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in security_headers().items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await self._plain(send, scope, *refusal)
            return
        if self.token is not None and b"token=" in scope.get("query_string", b""):
            await self._set_cookie(scope, send)
            return
        extra = self.headers

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = _titled([*message.get("headers", []), *extra])
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        host = (_header(scope, b"host") or "").lower()
        if self.hosts is not None and host not in self.hosts:
            return 400, "invalid Host header"
        if scope["method"] not in ("GET", "HEAD"):
            return 405, "only GET and HEAD are served"
        if len(scope.get("query_string", b"")) > self.max_query:
            return 414, "query too long"
        if self.token is not None and not self._authorised(scope):
            return 401, "a token is required (Authorization: Bearer TOKEN, or ?token=TOKEN once)"
        return None

    def _authorised(self, scope: Scope) -> bool:
        assert self.token is not None
        given = b""
        auth = _header(scope, b"authorization") or ""
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip().encode("utf-8", "replace")
        else:
            cookie = _header(scope, b"cookie")
            if cookie:
                jar: SimpleCookie = SimpleCookie()
                try:
                    jar.load(cookie)
                except Exception:
                    jar = SimpleCookie()
                if COOKIE in jar:
                    given = jar[COOKIE].value.encode("utf-8", "replace")
            if not given:
                for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1")):
                    if k == "token":
                        given = v.encode("utf-8", "replace")
        return hmac.compare_digest(given, self.token)

    async def _set_cookie(self, scope: Scope, send: Send) -> None:
        """``?token=`` once: keep it in a same-site cookie and drop it from the address."""
        assert self.token is not None
        rest = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1")) if k != "token"]
        location = scope.get("path", "/") + (f"?{urlencode(rest)}" if rest else "")
        cookie = f"{COOKIE}={self.token.decode('utf-8')}; Path=/; HttpOnly; SameSite=Strict"
        await send({"type": "http.response.start", "status": 303,
                    "headers": _titled([(b"location", location.encode("utf-8")), (b"set-cookie", cookie.encode("utf-8")),
                                (b"content-length", b"0"), *self.headers])})
        await send({"type": "http.response.body", "body": b""})

    async def _plain(self, send: Send, scope: Scope, status: int, message: str) -> None:
        as_json = scope.get("path", "").startswith("/api/") or scope.get("path", "").endswith(".json")
        body = (json.dumps({"error": message}) if as_json else message + "\n").encode("utf-8")
        ctype = b"application/json" if as_json else b"text/plain; charset=utf-8"
        headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode()), *self.headers]
        if status == 405:
            headers.append((b"allow", b"GET, HEAD"))
        await send({"type": "http.response.start", "status": status, "headers": _titled(headers)})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
