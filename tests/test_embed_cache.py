"""Sentence vectors kept across runs (issue 14): the same vector alone or in any batch, kept in
the store (schema v3) and in the file cache, and a comparison from the store embeds nothing."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import text

from tests.conftest import EXAMPLES

SENTENCES = [
    "Shelling hit the town overnight.",
    "The ministry said two soldiers were killed when their position came under fire near the border.",
    "Ok.",
    "",
    "Officials from both governments met on Tuesday in the capital to discuss the ceasefire, "
    "the return of displaced families and the exchange of prisoners held since the war.",
    "Rescuers pulled survivors from the rubble.",
]


def _embedder(**kw):
    from fullpicture.align._embed import Embedder

    return Embedder(**kw)


def test_vector_does_not_depend_on_batch_mates_or_threads():
    alone = np.stack([_embedder(batch=1)._run([s])[0] for s in SENTENCES])
    rng = np.random.default_rng(7)
    for n_threads in (1, 2):
        e = _embedder(batch=4, n_threads=n_threads)
        for _ in range(3):
            order = rng.permutation(len(SENTENCES))
            mixed = np.empty_like(alone)
            mixed[order] = e._run([SENTENCES[i] for i in order])  # one padded batch, shuffled
            assert np.array_equal(mixed, alone)  # bit for bit
        assert np.array_equal(e.embed(SENTENCES), alone)


def test_multilingual_vector_does_not_depend_on_batch_mates():
    from fullpicture.align._xembed import MultilingualEmbedder

    e = MultilingualEmbedder()
    texts = ["Взрыв прогремел в городе.", "The blast shook the town.", "Patlama şehri sarstı ve evler yıkıldı."]
    alone = np.stack([e._encode([t])[0] for t in texts])
    assert np.array_equal(e._encode(texts[::-1])[::-1], alone)


class _Counting(dict):
    """A VectorCache in memory that counts look-ups."""

    read_only = False

    def get_vectors(self, model, keys):
        return {k: self[(model, k)] for k in keys if (model, k) in self}

    def put_vectors(self, model, vectors):
        for k, v in vectors.items():
            self.setdefault((model, k), v)


def test_each_distinct_text_encoded_once_and_then_read_from_the_cache(monkeypatch):
    e = _embedder()
    calls: list[int] = []
    real = e._run
    monkeypatch.setattr(e, "_run", lambda texts: calls.append(len(texts)) or real(texts))
    cache = _Counting()
    first = e.embed(SENTENCES + SENTENCES[:3], cache)
    assert sum(calls) == len(SENTENCES) and e.encoded == len(SENTENCES)
    fresh = _embedder()  # a new process, in effect: nothing in memory
    monkeypatch.setattr(fresh, "_run", lambda texts: pytest.fail("encoder called although every vector is cached"))
    assert np.array_equal(fresh.embed(SENTENCES + SENTENCES[:3], cache), first)


def test_store_keeps_vectors_and_older_stores_migrate(tmp_path):
    from fullpicture.store import SCHEMA_VERSION, migrate, open_store

    db = tmp_path / "old.db"
    store = open_store(db)
    with store.engine.begin() as conn:  # make it a v2 store
        conn.execute(text("DROP TABLE embeddings"))
        conn.execute(text("DELETE FROM schema_version WHERE version > 2"))
    store.close()
    store = open_store(db)  # migrates to the current version
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT MAX(version) FROM schema_version")).scalar() == SCHEMA_VERSION >= 3
    v = np.arange(384, dtype=np.float32) / 384
    store.put_vectors("m", {"a" * 64: v})
    store.put_vectors("m", {"a" * 64: v * 0})  # an existing key is left alone
    got = store.get_vectors("m", ["a" * 64, "b" * 64])
    assert list(got) == ["a" * 64] and np.array_equal(got["a" * 64], v)
    assert store.get_vectors("other model", ["a" * 64]) == {}
    store.close()
    ro = open_store(db, read_only=True)
    ro.put_vectors("m", {"c" * 64: v})  # ignored, nothing written
    assert ro.get_vectors("m", ["c" * 64]) == {}
    ro.close()
    assert migrate is not None


def test_file_cache_and_chain(tmp_path):
    from fullpicture.store import FileVectorCache, VectorChain, open_store

    fc = FileVectorCache(tmp_path / "cache" / "embeddings.sqlite")
    v = np.ones(384, dtype=np.float32)
    ro_db = tmp_path / "s.db"
    open_store(ro_db).close()
    ro = open_store(ro_db, read_only=True)
    chain = VectorChain(ro, fc)
    chain.put_vectors("m", {"k": v})  # the read-only store passes it on to the file
    assert np.array_equal(FileVectorCache(fc.path).get_vectors("m", ["k"])["k"], v)
    assert np.array_equal(chain.get_vectors("m", ["k", "x"])["k"], v)
    ro.close()
    rw = open_store(tmp_path / "rw.db")
    assert list(VectorChain(rw, fc).get_vectors("m", ["k"])) == ["k"]
    assert list(rw.get_vectors("m", ["k"])) == ["k"]  # copied into the store on the way
    rw.close()
    bad = FileVectorCache(tmp_path / "a-file")
    (tmp_path / "a-file").write_text("not a database")
    assert bad.get_vectors("m", ["k"]) == {}  # a broken cache is ignored, never an error
    bad.put_vectors("m", {"k": v})


@pytest.mark.slow
def test_compare_from_store_never_embeds(tmp_path, monkeypatch):
    """After `ingest`, a comparison from the store finds every vector there: the encoder is
    never called (it fails the test), and the result equals a comparison computed afresh."""
    from click.testing import CliRunner

    import fullpicture
    from fullpicture.align._embed import Embedder
    from fullpicture.cli import _register, cli

    _register()

    monkeypatch.setenv("FULLPICTURE_CACHE_DIR", str(tmp_path / "cache"))
    no_file_cache = tmp_path / "s.toml"
    no_file_cache.write_text("[align]\nvector_cache = false\n")
    db = tmp_path / "c.db"
    res = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", str(db), "--settings", str(no_file_cache)])
    assert res.exit_code == 0, res.output
    settings = fullpicture.load_settings(no_file_cache)
    import fullpicture.align._embed as E

    E.get_embedder.cache_clear()
    fresh = fullpicture.compare(db=db, settings=settings, vectors=_Counting())  # embeds into a throwaway cache
    E.get_embedder.cache_clear()  # nothing kept in memory from the runs above
    monkeypatch.setattr(Embedder, "_run", lambda self, texts: pytest.fail(f"encoder called for {len(texts)} texts"))
    from_store = fullpicture.compare(db=db, settings=settings)
    assert from_store.to_json_dict() == fresh.to_json_dict()
    E.get_embedder.cache_clear()
