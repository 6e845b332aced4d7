"""The ids a reading pass keeps to drop duplicates: a set's answers in 16 bytes a document."""

from __future__ import annotations

import hashlib
import random
import tracemalloc

from fullpicture.ingest import iter_documents
from fullpicture.ingest._seen import SeenIds
from fullpicture.settings import Settings, load_settings


def _id(i: int) -> str:
    return hashlib.sha256(f"document {i}".encode()).hexdigest()


def test_answers_as_a_set_across_merges():
    rng = random.Random(14)
    pool = [_id(i) for i in range(300)]
    seen, plain = SeenIds(buffer=7), set()
    for _ in range(2000):
        doc_id = rng.choice(pool)
        assert seen.add(doc_id) == (doc_id not in plain), doc_id
        plain.add(doc_id)
    assert len(seen) == len(plain)


def test_ids_sharing_their_first_half_stay_apart():
    head = "ab" * 8  # the first 8 bytes equal: the sorted arrays hold a run of equal first halves
    ids = [head + f"{i:016x}" + "0" * 32 for i in range(10)]
    seen = SeenIds(buffer=3)
    assert all(seen.add(d) for d in ids)
    assert not any(seen.add(d) for d in ids)
    assert seen.add(head + f"{99:016x}" + "0" * 32)


def test_other_ids_are_kept_whole():
    seen = SeenIds(buffer=2)
    for doc_id in ("<t>", "z" * 64, "", _id(1)):
        assert seen.add(doc_id)
        assert not seen.add(doc_id)


def test_sixteen_bytes_a_document():
    """50,000 ids take under 24 bytes each once merged (a set of 16-byte digests took about 75)."""
    ids = [_id(i) for i in range(50_000)]
    seen = SeenIds(buffer=1024)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for doc_id in ids:
            seen.add(doc_id)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held < 24 * len(ids), held


def test_reading_collapses_duplicates_across_merges(tmp_path):
    """The reader with a tiny buffer: every duplicate dropped, first copies kept in order."""
    lines = [f'{{"text": "Illustrative dispatch number {i % 40}: the council met on Monday.", "source": "s{i}"}}'
             for i in range(100)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    base = load_settings()
    settings = Settings(data={**base.data, "ingest": {**base.section("ingest"), "seen_buffer": 3}})
    docs = list(iter_documents([tmp_path], settings))
    assert [d.info.source for d in docs] == [f"s{i}" for i in range(40)]
