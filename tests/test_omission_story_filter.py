"""The omission story filter computes each document pair's cosine once and answers as the
former per-event loop did (issue 14: it was most of a 300-document comparison's time)."""

from __future__ import annotations

import random

from fullpicture.align._omissions import story_filter
from fullpicture.align._topics import cosine, tfidf_vectors


def test_story_filter_equals_the_plain_loop_and_caches():
    rng = random.Random(3)
    vocab = [f"w{k}" for k in range(60)]
    texts = {f"d{k}": " ".join(rng.choice(vocab) for _ in range(30)) for k in range(40)}
    tfidf = tfidf_vectors(texts)
    side_docs = {s: [f"d{k}" for k in range(40) if k % 4 == i] for i, s in enumerate("abcd")}
    side_docs["a"].append("not-analysed")
    cfg = {"omission_story_similarity": 0.2}
    on_story = story_filter(tfidf, side_docs, cfg)
    assert on_story is not None
    for _ in range(300):
        side = rng.choice("abcd")
        reporting = set(rng.sample(sorted(texts), rng.randint(1, 4))) | ({"gone"} if rng.random() < 0.2 else set())
        plain = any(cosine(tfidf[d], tfidf[r]) >= 0.2 for d in side_docs[side] for r in reporting
                    if d in tfidf and r in tfidf)
        assert on_story(side, reporting) == plain
    assert story_filter(tfidf, {"a": ["d1"], "b": ["d2"]}, cfg) is None  # two sides: each covers the other's story


def test_similarity_rows_match_the_pairwise_cosine() -> None:
    """The numpy rows give each pair's tf-idf cosine (to rounding), empty documents included."""
    import random

    from fullpicture.align._topics import SimilarityRows, cosine, tfidf_vectors

    rng = random.Random(3)
    vocab = [f"word{i}" for i in range(200)]
    texts = {f"d{i:02d}": " ".join(rng.choice(vocab) for _ in range(rng.choice([0, 4, 30, 120])))
             for i in range(40)}
    texts["d99"] = ""  # an empty document last
    vecs = tfidf_vectors(texts)
    ids = sorted(vecs)
    rows = SimilarityRows(vecs, ids)
    for r in ids:
        for d, s in zip(ids, rows.row(vecs[r]).tolist(), strict=True):
            assert abs(s - cosine(vecs[d], vecs[r])) < 1e-12
    assert SimilarityRows(vecs, []).row(vecs["d00"]).shape == (0,)


def test_story_filter_reads_sides_per_reporting_document() -> None:
    """The filter keeps, per reporting document, the sides that have a document like it: a
    document listed under two sides reaches both, a side of unknown documents reaches none,
    and an unknown side covers nothing (the former per-pair loop's answers)."""
    texts = {"p1": "dam burst flood river town", "p2": "dam burst flood river village",
             "q1": "football cup final goal", "r1": "flood river dam town burst"}
    tfidf = tfidf_vectors(texts)
    side_docs = {"a": ["p1"], "b": ["p2", "q1"], "c": ["q1", "r1"], "d": ["elsewhere"]}
    on_story = story_filter(tfidf, side_docs, {"omission_story_similarity": 0.2})
    assert on_story is not None
    for side in ("a", "b", "c", "d", "nobody"):
        for reporting in ({"p1"}, {"q1"}, {"q1", "gone"}, {"gone"}, set()):
            plain = any(cosine(tfidf[d], tfidf[r]) >= 0.2 for d in side_docs.get(side, ()) for r in reporting
                        if d in tfidf and r in tfidf)
            assert on_story(side, reporting) == plain, (side, reporting)
    assert on_story("c", {"p1"}) and on_story("b", {"q1"}) and not on_story("d", {"p1"})
