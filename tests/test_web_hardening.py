"""The server under load and attack: concurrency, idle clients, token, Host header,
read-only store, no leaked paths or tracebacks, bounded comparison cache, headers.

Correctness only; timings are in bench/bench_serve.py.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers import example_store
from tests.test_report_html import make_comparison


def build_store(path: Path) -> Path:
    return example_store(path)


@pytest.fixture()
def store_db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "corpus.db")


def _start(data, **kw):
    from fullpicture.web import make_server

    srv = make_server(data, 0, **kw)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    deadline = time.monotonic() + 10
    while not srv.server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    return srv


@pytest.fixture()
def served(store_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, int, object]]:
    from fullpicture import _compare as source
    from fullpicture.web import Data

    monkeypatch.setattr(source, "build_comparison", lambda analyses, *a, **k: make_comparison())
    data = Data(store_db)
    srv = _start(data)
    try:
        yield "127.0.0.1", srv.server_address[1], data
    finally:
        srv.shutdown()
        srv.server_close()
        data.close()


def request(host: str, port: int, path: str, headers: dict[str, str] | None = None,
            method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request(method, path, headers=headers or {})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def test_200_concurrent_requests_no_resets(served) -> None:
    host, port, _ = served
    doc = "a" * 64
    paths = [f"/doc/{doc}", "/api/documents.json", f"/api/doc/{doc}", "/"]

    def one(i: int) -> tuple[int, str]:
        try:
            status, _, body = request(host, port, paths[i % len(paths)])
            return status, ""
        except OSError as exc:  # a reset or refused connection
            return 0, type(exc).__name__

    barrier_start = time.monotonic()
    with ThreadPoolExecutor(max_workers=200) as pool:
        results = list(pool.map(one, range(200)))
    errors = [e for s, e in results if s == 0]
    assert not errors, f"{len(errors)} connections failed: {errors[:5]}"
    assert all(s == 200 for s, _ in results), sorted({s for s, _ in results})
    assert time.monotonic() - barrier_start < 120


def test_idle_and_slow_clients_are_closed(store_db: Path) -> None:
    from fullpicture.settings import Settings, load_settings
    from fullpicture.web import Data

    base = load_settings()
    web = dict(base.section("web"), header_timeout_s=0.5, keep_alive_s=1.0)
    settings = Settings(data={**base.data, "web": web})
    data = Data(store_db, settings=settings)
    srv = _start(data)
    port = srv.server_address[1]
    socks: list[socket.socket] = []
    try:
        for _i in range(100):  # idle: connect, say nothing
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            socks.append(s)
        slow = socket.create_connection(("127.0.0.1", port), timeout=10)  # drips a header
        slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        socks.append(slow)
        t0 = time.monotonic()
        closed = 0
        for s in socks:
            s.settimeout(max(0.1, 10 - (time.monotonic() - t0)))
            try:
                if s.recv(1024) == b"":
                    closed += 1
            except TimeoutError:
                pass
            except OSError:
                closed += 1
        assert closed == len(socks), f"only {closed} of {len(socks)} idle connections were closed"
        assert time.monotonic() - t0 < 10
        # the server still answers
        status, _, _ = request("127.0.0.1", port, "/api/documents.json")
        assert status == 200
    finally:
        for s in socks:
            s.close()
        srv.shutdown()
        srv.server_close()
        data.close()


def test_token_required_and_constant_time(store_db: Path) -> None:
    from fullpicture.web import Data

    data = Data(store_db)
    srv = _start(data, token="s3cret-token")
    port = srv.server_address[1]
    try:
        assert request("127.0.0.1", port, "/api/documents.json")[0] == 401
        assert request("127.0.0.1", port, "/api/documents.json", {"Authorization": "Bearer wrong"})[0] == 401
        status, _, body = request("127.0.0.1", port, "/api/documents.json", {"Authorization": "Bearer s3cret-token"})
        assert status == 200 and json.loads(body)["documents"]
        status, headers, _ = request("127.0.0.1", port, "/?token=s3cret-token")
        assert status == 303 and headers["location"] == "/"
        cookie = headers["set-cookie"].split(";")[0]
        assert "HttpOnly" in headers["set-cookie"] and "SameSite=Strict" in headers["set-cookie"]
        assert request("127.0.0.1", port, "/", {"Cookie": cookie})[0] == 200
    finally:
        srv.shutdown()
        srv.server_close()
        data.close()
    from fullpicture.web import _security

    src = Path(_security.__file__).read_text()
    assert "hmac.compare_digest" in src


def test_non_loopback_needs_token(store_db: Path) -> None:
    from fullpicture._errors import UsageError
    from fullpicture.web import Data, make_server

    with pytest.raises(UsageError, match="token"):
        make_server(Data(store_db), 0, host="0.0.0.0")


def test_foreign_host_refused(served) -> None:
    host, port, _ = served
    assert request(host, port, "/", {"Host": "evil.example"})[0] == 400
    assert request(host, port, "/", {"Host": f"evil.example:{port}"})[0] == 400
    assert request(host, port, "/", {"Host": f"localhost:{port}"})[0] == 200
    assert request(host, port, "/", {"Host": f"127.0.0.1:{port}"})[0] == 200


def test_only_get_and_head(served) -> None:
    host, port, _ = served
    assert request(host, port, "/", method="POST")[0] == 405
    status, _, body = request(host, port, "/", method="HEAD")
    assert status == 200 and body == b""


def test_security_headers(served) -> None:
    host, port, _ = served
    status, headers, body = request(host, port, "/")
    csp = headers["content-security-policy"]
    script = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "unsafe-inline" not in script and "frame-ancestors 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    # the report page inlines its script: allowed by hash, in the header and in the page itself
    assert request(host, port, "/api/compare.json?topic=Azerbaijan")[0] == 200  # computed (the API waits)
    status, headers, body = request(host, port, "/compare?topic=Azerbaijan")
    assert status == 200
    page = body.decode()
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "unsafe-inline" not in next(d for d in meta.split(";") if "script-src" in d)
    assert "'sha256-" in meta


def test_long_topic_is_refused_cleanly(served) -> None:
    host, port, _ = served
    status, _, body = request(host, port, "/api/compare.json?topic=" + "x" * 60_000)
    assert status in (400, 414) and b"Traceback" not in body
    status, _, body = request(host, port, "/api/compare.json?topic=" + "x" * 1_000)
    assert status in (400, 414)


def test_cache_keyed_by_topic_and_sides_and_bounded(store_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fullpicture import _compare as source
    from fullpicture.settings import Settings, load_settings
    from fullpicture.web import Data, Grouping

    calls: list[tuple[str, ...]] = []

    def fake(analyses, user_sides=None, *a, **k):
        calls.append(tuple(sorted(set((user_sides or {}).values()))) or ("all",))
        return make_comparison()

    monkeypatch.setattr(source, "build_comparison", fake)
    base = load_settings()
    data = Data(store_db, settings=Settings(data={**base.data, "web": dict(base.section("web"), comparison_cache=2)}))
    for _ in range(3):
        data.comparison("Stepanakert")
        data.comparison("Khankendi")
    assert len(calls) == 2  # two alternating topics computed once each
    data.comparison("Stepanakert", Grouping(keep=("armenian",)))
    assert calls[-1] == ("armenian",) and len(calls) == 3
    assert data.cached() == 2  # bounded
    data.close()


def test_read_only_store_is_not_created(tmp_path: Path) -> None:
    from fullpicture._errors import StoreError
    from fullpicture.web import Data, handle

    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    resp = handle(Data(empty), "/api/documents.json", "")
    assert resp.status == 500
    assert empty.stat().st_size == 0 and not (tmp_path / "empty.db-wal").exists()
    assert str(tmp_path) not in resp.body.decode()
    with pytest.raises(StoreError):
        Data(empty).store()


def test_error_pages_show_no_absolute_path(tmp_path: Path) -> None:
    from fullpicture.web import Data, handle

    missing = tmp_path / "deep" / "gone.db"
    for path in ("/", "/api/documents.json"):
        resp = handle(Data(missing), path, "")
        assert resp.status == 500
        assert str(tmp_path) not in resp.body.decode() and "/deep/" not in resp.body.decode()


def _serve_cli(db: Path, *extra: str) -> tuple[subprocess.Popen[str], int]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-c", "from fullpicture.cli import main; main()", "serve", "--db", str(db), "--port", "0", *extra],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    assert proc.stderr is not None
    line = proc.stderr.readline()
    m = re.search(r":(\d+)/", line)
    if not m:
        proc.kill()
        raise AssertionError(f"server did not start: {line!r}")
    return proc, int(m.group(1))


def test_cli_client_abort_is_quiet(store_db: Path) -> None:
    proc, port = _serve_cli(store_db)
    try:
        for _ in range(5):  # ask for a page and hang up before reading it
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(f"GET /api/documents.json HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            s.close()
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"\x16\x03\x01garbage not http\r\n\r\n")
        s.recv(1024)
        s.close()
        assert request("127.0.0.1", port, "/api/documents.json")[0] == 200
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "Traceback" not in err, err
    assert str(store_db.parent) not in err, err
    assert all(len(line) < 300 for line in err.splitlines())


def test_cli_refuses_empty_file_without_creating_schema(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    r = subprocess.run([sys.executable, "-c", "from fullpicture.cli import main; main()", "serve", "--db", str(empty), "--port", "0"],
                       capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 2 and "not a fullpicture store" in r.stderr
    assert str(tmp_path) not in r.stderr and "Traceback" not in r.stderr
    assert empty.stat().st_size == 0


def test_cli_non_loopback_without_token_refused(store_db: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "FULLPICTURE_TOKEN"}
    env["PYTHONPATH"] = str(ROOT / "src")
    r = subprocess.run([sys.executable, "-c", "from fullpicture.cli import main; main()", "serve", "--db", str(store_db),
                        "--host", "0.0.0.0", "--port", "0"], capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode != 0 and "token" in r.stderr and "Traceback" not in r.stderr
