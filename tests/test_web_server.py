"""The read-only server: HTML pages and JSON API from the same data function."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import example_store
from tests.test_report_html import make_comparison


@pytest.fixture()
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from fullpicture import _compare as source
    from fullpicture.web import Data

    # the server is under test here, not the aligner: reuse the hand-built comparison
    monkeypatch.setattr(source, "build_comparison", lambda analyses, *a, **k: make_comparison())

    analyses = make_comparison().documents
    calls: list[str | None] = []

    def loader(topic: str | None):
        calls.append(topic)
        if topic == "nothing":
            return []
        return analyses

    db = tmp_path / "corpus.db"
    db.write_bytes(b"")
    d = Data(db, loader=loader)
    d.calls = calls  # type: ignore[attr-defined]
    return d


@pytest.fixture()
def server(data) -> Iterator[str]:
    from fullpicture.web import make_server

    srv = make_server(data, 0)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        host, port = srv.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        srv.shutdown()
        srv.server_close()


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_binds_loopback(server: str) -> None:
    assert server.startswith("http://127.0.0.1:")


def test_index_lists_documents(server: str) -> None:
    status, headers, body = _get(server + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode()
    assert "The armenian account" in page and "The azerbaijani account" in page
    assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_documents_json(server: str) -> None:
    status, _, body = _get(server + "/api/documents.json")
    assert status == 200
    docs = json.loads(body)["documents"]
    assert {d["perspective"]["label"] for d in docs} == {"armenian", "azerbaijani"}


def test_compare_json_and_html_share_data(server: str, data) -> None:
    status, _, body = _get(server + "/api/compare.json?topic=Karabakh")
    assert status == 200
    comp = json.loads(body)
    assert comp["schema"] == "fullpicture/comparison/v2" and len(comp["documents"]) == 2
    status, _, body = _get(server + "/compare?topic=Karabakh")
    assert status == 200
    page = body.decode()
    assert '<section id="accounts"' in page
    assert data.calls.count("Karabakh") == 1  # the HTML page reused the cached comparison


def test_unknown_topic_and_path_404(server: str) -> None:
    status, _, body = _get(server + "/api/compare.json?topic=nothing")
    assert status == 404 and "error" in json.loads(body)
    status, _, _ = _get(server + "/nope")
    assert status == 404


def test_handle_escapes_query(data) -> None:
    from fullpicture.web import handle

    resp = handle(data, "/", "topic=%3Cscript%3Ealert(1)%3C/script%3E")
    assert resp.status == 200
    assert b"<script>alert(1)" not in resp.body and b"&lt;script&gt;" in resp.body


def test_internal_error_is_500(data, monkeypatch: pytest.MonkeyPatch) -> None:
    from fullpicture import _compare as source
    from fullpicture.web import handle

    def boom(*a, **k):
        raise ZeroDivisionError("x")

    monkeypatch.setattr(source, "build_comparison", boom)
    resp = handle(data, "/api/compare.json", "topic=other")
    assert resp.status == 500 and b"internal error" in resp.body


def test_real_store_roundtrip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The JSON API over a real SQLite store written by the store layer."""
    pytest.importorskip("fullpicture.store")
    from fullpicture import _compare as source
    from fullpicture.web import Data, handle

    db = example_store(tmp_path / "corpus.db")
    monkeypatch.setattr(source, "build_comparison", lambda analyses, *a, **k: make_comparison())
    data = Data(db)
    docs = json.loads(handle(data, "/api/documents.json", "").body)["documents"]
    assert len(docs) == 2
    resp = handle(data, "/api/compare.json", "topic=Khankendi")
    assert resp.status == 200
    assert handle(data, "/api/compare.json", "topic=zzzz-nothing").status == 404
