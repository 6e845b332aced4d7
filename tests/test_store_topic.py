"""Topic selection from a store uses the full-text index and loads analyses in chunks (issue 14)."""

from __future__ import annotations

from fullpicture.ingest import load_text
from fullpicture.models import Analysis
from fullpicture.store import open_store
from tests.test_store_basic import pg_url  # noqa: F401 (a fixture)

TEXTS = [
    "Illustrative text written for the fullpicture project. Talks in Geneva stalled over the corridor.",
    "Illustrative text written for the fullpicture project. The corridor was reopened, Geneva-based officials said.",
    "Illustrative text written for the fullpicture project. A dam burst; the Belgrade office stayed shut.",
    "Illustrative text written for the fullpicture project. Nothing about any of that here — only weather.",
]


def _stored(tmp_path, n_copies: int = 1):
    store = open_store(tmp_path / "t.db")
    for k in range(n_copies):
        for i, t in enumerate(TEXTS):
            doc = load_text(t + f" ({k})", source=f"<t{i}-{k}>", title=f"Note {i}")
            store.add(Analysis(document=doc.info, text=doc.text, zones=list(doc.zones)))
    return store


def _scan(store, topic):  # what the former LIKE scan kept
    needle = topic.casefold()
    return [a.document.id for a in store.iter_analyses() if needle in a.text.casefold()
            or needle in (a.document.title or "").casefold()]


def test_topic_ids_match_the_plain_scan(tmp_path):
    store = _stored(tmp_path)
    for topic in ("geneva", "GENEVA-based", "the corridor", "Corrid", "belgrade office", "note 2", "—", "dam burst;",
                  "nowhere", "corridor was reopened, Geneva"):
        assert store.topic_ids(topic) == _scan(store, topic), topic
    assert [a.document.id for a in store.iter_analyses("geneva")] == _scan(store, "geneva")
    store.close()


def test_topic_uses_the_index_not_a_scan(tmp_path):
    store = _stored(tmp_path)
    seen: list[str] = []
    from sqlalchemy import event

    event.listen(store.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    store.topic_ids("corridor")
    assert any("documents_fts MATCH" in s for s in seen) and not any(" LIKE " in s.upper() for s in seen)
    store.close()


def test_iter_analyses_loads_in_chunks(tmp_path):
    store = _stored(tmp_path, n_copies=60)  # 240 documents
    seen: list[str] = []
    from sqlalchemy import event

    event.listen(store.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    got = list(store.iter_analyses())
    assert len(got) == 240 and [a.document.id for a in got] == store.ids()
    assert len(seen) < 30  # two chunks of queries, not 8 per document
    assert got[5] == store.get(got[5].document.id)
    store.close()


def test_postgres_vectors_and_topic(pg_url):  # noqa: F811 (the fixture)
    """PostgreSQL: the embeddings table (duplicates ignored) and topic selection through the
    GIN full-text index give what SQLite gives."""
    import numpy as np
    import pytest

    pytest.importorskip("psycopg")
    store = open_store(pg_url)
    try:
        for i, t in enumerate(TEXTS):
            doc = load_text(t, source=f"<pg{i}>", title=f"Note {i}")
            store.add(Analysis(document=doc.info, text=doc.text, zones=list(doc.zones)))
        for topic in ("geneva", "Corrid", "the corridor", "—", "nowhere"):
            assert store.topic_ids(topic) == _scan(store, topic), topic
        v = np.linspace(0, 1, 384, dtype=np.float32)
        model = f"test-model-{np.random.default_rng().integers(1 << 40)}"  # fresh in a reused database
        store.put_vectors(model, {"k" * 64: v})
        store.put_vectors(model, {"k" * 64: v * 0, "j" * 64: v})
        got = store.get_vectors(model, ["k" * 64, "j" * 64, "x" * 64])
        assert sorted(got) == ["j" * 64, "k" * 64] and np.array_equal(got["k" * 64], v)
    finally:
        store.close()


def test_a_topic_typed_without_diacritics_finds_the_names_written_with_them(tmp_path):
    """English wires and users write "Zvecan"; Serbian reports "Zvečan", Albanian "Zveçan". A topic
    is matched as the full-text index matches, without case or diacritics. Texts written for
    this test."""
    from fullpicture._compare import topic_terms

    store = open_store(tmp_path / "z.db")
    for i, t in enumerate(["Illustrative text written for the fullpicture project. Protest u Zvečanu.",
                           "Illustrative text written for the fullpicture project. Protesta në Zveçan.",
                           "Illustrative text written for the fullpicture project. A protest in Zvecan."]):
        doc = load_text(t, source=f"<z{i}>", title=f"Note {i}")
        store.add(Analysis(document=doc.info, text=doc.text, zones=list(doc.zones)))
    assert len(store.topic_ids("Zvecan")) == 3 and len(store.topic_ids("zvečan")) == 3
    assert {"Zvečan", "Zveçan"} <= set(topic_terms("Zvecan"))  # the lexicon family, found without diacritics
    store.close()
