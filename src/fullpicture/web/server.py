"""A small read-only HTTP server over a store (stdlib ``http.server``, loopback only)."""

from __future__ import annotations

import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from fullpicture.web._app import SECURITY_HEADERS, Data, debug_enabled, handle

HOST = "127.0.0.1"


def make_server(data: Data, port: int = 8001) -> ThreadingHTTPServer:
    """A server bound to 127.0.0.1 answering GET/HEAD from ``data`` (port 0 picks a free one)."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "fullpicture"
        sys_version = ""

        def _answer(self, body: bool) -> None:
            parts = urlsplit(self.path)
            resp = handle(data, parts.path, parts.query)
            self.send_response(resp.status)
            self.send_header("Content-Type", resp.content_type)
            self.send_header("Content-Length", str(len(resp.body)))
            for k, v in SECURITY_HEADERS.items():
                self.send_header(k, v)
            self.end_headers()
            if body:
                self.wfile.write(resp.body)

        def do_GET(self) -> None:  # noqa: N802 (http.server naming)
            self._answer(True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(False)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            if debug_enabled():
                sys.stderr.write("serve: " + (format % args) + "\n")

    return ThreadingHTTPServer((HOST, port), Handler)
