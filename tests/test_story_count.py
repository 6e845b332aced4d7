"""Indexing a document into its story reads the number of indexed documents from one counter
row, not from a count over all of them (a table scan on PostgreSQL; issue 14)."""

from __future__ import annotations

from sqlalchemy import event, func, select

from fullpicture.ingest import load_text
from fullpicture.models import Analysis
from fullpicture.store import open_store
from fullpicture.store._workspace import DOCUMENT_COUNT, key_counts, story_documents

TEXT = "Illustrative text written for the fullpicture project. Talks in Geneva stalled over the corridor ({})."


def _add(store, k: int) -> None:
    doc = load_text(TEXT.format(k), source=f"<c{k}>", title=f"Note {k}")
    store.add(Analysis(document=doc.info, text=doc.text, zones=list(doc.zones)))


def _counts(store) -> tuple[int, int]:
    with store.engine.connect() as conn:
        row = conn.execute(select(key_counts.c.documents).where(key_counts.c.key == DOCUMENT_COUNT)).scalar()
        n = conn.execute(select(func.count()).select_from(story_documents)).scalar()
    return int(row), int(n)


def test_counter_row_follows_the_documents_without_a_count(tmp_path):
    store = open_store(tmp_path / "c.db")
    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    for k in range(5):
        _add(store, k)
    assert not any("count(" in s.lower() and "story_documents" in s for s in seen)
    assert _counts(store) == (5, 5)
    store.close()


def test_a_store_without_the_counter_row_gets_it_on_open(tmp_path):
    path = tmp_path / "old.db"
    store = open_store(path)
    for k in range(3):
        _add(store, k)
    with store.engine.begin() as conn:  # as a store indexed before the counter existed
        conn.execute(key_counts.delete().where(key_counts.c.key == DOCUMENT_COUNT))
    store.close()
    store = open_store(path)
    _add(store, 3)
    assert _counts(store) == (4, 4)
    store.close()
