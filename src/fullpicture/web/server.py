"""The production server: uvicorn over the Starlette app, with a deep listen backlog,
timeouts for idle and slow clients, a concurrency cap and one-line logs.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import sys
import threading
import time
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from fullpicture.settings import Settings
from fullpicture.web._app import create_app
from fullpicture.web._data import Data
from fullpicture.web._security import TOKEN_ENV, allowed_hosts, is_loopback

HOST = "127.0.0.1"

__all__ = ["HOST", "TOKEN_ENV", "WebServer", "make_server"]


class _OneLine(logging.Formatter):
    """Log records as one line, never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        msg = " ".join(record.getMessage().split())
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            msg += f" ({type(exc).__name__})"
        return f"fullpicture serve: {record.levelname.lower()}: {msg}"

    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging API)
        return ""


def _quiet_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "fullpicture.web"):
        log = logging.getLogger(name)
        log.handlers = [handler]
        log.propagate = False
        log.setLevel(logging.WARNING)


def _protocol(head_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol, plus a deadline for every request head: a connection that
    sends nothing, or drips its headers, is closed after ``head_timeout`` seconds."""

    class Protocol(H11Protocol):
        _head_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._check_head()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            self._check_head()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._check_head()

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel_head()
            super().connection_lost(exc)

        def _cancel_head(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _check_head(self) -> None:
            # waiting for a request head, with no keep-alive timer already watching
            waiting = self.conn.their_state is h11.IDLE and self.timeout_keep_alive_task is None
            if waiting and not self.transport.is_closing():
                if self._head_timer is None:
                    self._head_timer = self.loop.call_later(head_timeout, self._head_expired)
            else:
                self._cancel_head()

        def _head_expired(self) -> None:
            self._head_timer = None
            if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
                self.transport.close()

    return Protocol


class WebServer:
    """uvicorn on a socket we bind ourselves (so port 0 works and the backlog is ours).

    ``serve_forever()`` blocks; ``shutdown()`` (from another thread) stops it.
    """

    def __init__(self, app: Any, host: str, port: int, settings: Settings) -> None:
        web = settings.section("web")
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.socket.bind((host, port))
            self.socket.listen(int(web.get("backlog", 2048)))
        except OSError:
            self.socket.close()
            raise
        self.server_address: tuple[str, int] = self.socket.getsockname()[:2]
        self.config = uvicorn.Config(
            app, http=_protocol(float(web.get("header_timeout_s", 10.0))), lifespan="off",
            log_config=None, access_log=False, server_header=False,
            backlog=int(web.get("backlog", 2048)),
            timeout_keep_alive=max(1, int(float(web.get("keep_alive_s", 5.0)))),
            limit_concurrency=int(web.get("max_connections", 1000)),
            h11_max_incomplete_event_size=int(web.get("max_head_bytes", 16384)),
            timeout_graceful_shutdown=2,
        )
        self.server = uvicorn.Server(self.config)
        self._done = threading.Event()

    def serve_forever(self) -> None:
        """Serve until :meth:`shutdown` (or Ctrl-C in the main thread)."""
        _quiet_logging()
        try:
            self.server.run(sockets=[self.socket])
        finally:
            self._done.set()

    def shutdown(self, timeout: float = 10.0) -> None:
        """Ask the server to stop and wait for it."""
        self.server.should_exit = True
        deadline = time.monotonic() + timeout
        while not self._done.is_set() and time.monotonic() < deadline:
            self._done.wait(0.05)

    def server_close(self) -> None:
        """Close the listening socket."""
        self.socket.close()


def make_server(data: Data, port: int = 8001, *, host: str = HOST, token: str | None = None,
                allow_hosts: tuple[str, ...] = (), settings: Settings | None = None) -> WebServer:
    """A server answering GET/HEAD from ``data`` on ``host:port`` (port 0 picks a free one).

    Anything but loopback needs a ``token``; the Host header must name the bound address
    (or one of ``allow_hosts``).
    """
    from fullpicture._errors import UsageError

    settings = settings or data.settings
    if not is_loopback(host) and not token:
        raise UsageError(f"binding {host} (not loopback) needs a token: --token or ${TOKEN_ENV}")
    server = WebServer(None, host, port, settings)  # bind first: the Host check needs the real port
    hosts = allowed_hosts(host, server.server_address[1], allow_hosts)
    server.config.app = create_app(data, hosts=hosts, token=token, settings=settings)
    return server
