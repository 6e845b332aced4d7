"""The indexed span look-ups that keep long documents linear give what a scan of all spans gives."""

from __future__ import annotations

import random

from fullpicture.nlp._intervals import Intervals, index_of, pair
from fullpicture.nlp.claims._spans import inside, quote_spans, quote_window


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        s = rng.randint(0, 500)
        out.append((s, s + rng.randint(0, 40)))
    return out


def test_near_holds_every_span_that_overlaps_or_lies_inside_in_input_order():
    rng = random.Random(7)
    for _ in range(200):
        spans = _spans(rng, rng.randint(0, 30))
        index = Intervals(spans)
        lo = rng.randint(-20, 520)
        hi = lo + rng.randint(0, 60)
        got = index.near(lo, hi)
        assert got == sorted(got)
        assert {k for k, (s, e) in enumerate(spans) if e >= lo and s <= hi} <= set(got)


def test_index_of_is_rebuilt_when_the_sequence_changes():
    spans = [(0, 5)]
    assert index_of(spans, pair).near(0, 5) == [0]
    spans.append((10, 12))
    assert index_of(spans, pair).near(10, 12) == [1]


def test_quote_window_and_inside_agree_with_a_scan():
    rng = random.Random(3)
    words = ["said", '"we will', 'go"', "“they", "left”", "«non»", "x", "\n"]
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
        quotes = quote_spans(text)
        for _ in range(10):
            lo = rng.randint(-5, len(text) + 5)
            hi = lo + rng.randint(0, 30)
            assert quote_window(quotes, lo, hi) == [(s, e) for s, e in quotes if e >= lo and s <= hi]
            assert inside(lo, quotes) == any(s < lo < e for s, e in quotes)


def test_entity_at_agrees_with_a_scan_of_every_mention():
    from types import SimpleNamespace

    import spacy

    from fullpicture.models import Entity, Mention
    from fullpicture.nlp.places.component import entity_at

    rng = random.Random(11)
    nlp = spacy.blank("en")
    for _ in range(30):
        doc = nlp.make_doc("x " * 300)
        ents = []
        for k in range(rng.randint(0, 8)):
            mentions = []
            for s, e in _spans(rng, rng.randint(1, 6)):
                mentions.append(Mention(start=s, end=e, text="x", actor=rng.random() < 0.3, embedded=rng.random() < 0.3))
            ents.append(Entity(id=f"e{k}", name="x", type="GPE", mentions=mentions,
                               refers_to=f"e{k + 1}" if rng.random() < 0.3 else None))
        doc._.fp_entities = ents
        for _ in range(40):
            lo = rng.randint(0, 540)
            hi = lo + rng.randint(1, 30)
            best = None
            for ent in ents:  # the definition: a scan of every mention, first one wins a tie
                for m in ent.mentions:
                    if m.start < hi and lo < m.end:
                        rank = (0 if m.actor else 1, 1 if m.embedded else 0, m.end - m.start)
                        if best is None or rank < best[0]:
                            best = (rank, ent.refers_to if (m.actor and ent.refers_to) else ent.id)
            assert entity_at(doc, lo, hi) == (best[1] if best else None), SimpleNamespace(lo=lo, hi=hi)


def test_index_of_keeps_one_index_per_bounds():
    spans = [(0, 5), (20, 30)]
    assert index_of(spans, pair).near(20, 20) == [1]
    assert index_of(spans, lambda s: (s[0] * 10, s[1] * 10)).near(20, 20) == [0]
    assert index_of(spans, pair).near(20, 20) == [1]
