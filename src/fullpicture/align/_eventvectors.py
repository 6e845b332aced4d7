"""The vectors the pair model compares mentions by (:class:`Vectors`): tf-idf document
similarity, sentence and trigger embeddings when embeddings are on, and, for mentions in more
than one language, multilingual vectors and the triggers' English glosses. Split from
``_eventfeat``, which re-exports these names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from fullpicture.align._embed import VectorCache
from fullpicture.align._eventpairs import MentionFeatures, Vectors
from fullpicture.align._topics import PairCosines, cosine, tfidf_vectors
from fullpicture.align._util import content_words, words
from fullpicture.models import Analysis
from fullpicture.nlp.events._data import trigger_gloss


def build_vectors(
    analyses: Sequence[Analysis],
    feats: Sequence[MentionFeatures],
    cfg: dict[str, Any],
    tfidf: dict[str, dict[str, float]] | None = None,
    cache: VectorCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Vectors:
    """Dense vectors when embeddings are on, else document word sets for lexical similarity;
    ``tfidf``: the documents' tf-idf vectors when the caller already has them; ``cache``:
    vectors kept across runs (looked up first, new ones added); ``progress(done, total)``
    follows the texts the model encodes."""
    doc_words = {a.document.id: frozenset(content_words(a.text)) for a in analyses}
    # document similarity: tf-idf cosine, the measure the pair weights were fitted with
    if tfidf is None:
        tfidf = tfidf_vectors({a.document.id: a.text for a in analyses})

    def doc_sim(x: str, y: str) -> float:
        return cosine(tfidf[x], tfidf[y])

    doc_sims = PairCosines(tfidf)

    if not cfg.get("embeddings", True) or not feats:
        return _cross_lingual(analyses, feats, cfg, Vectors(doc_words=doc_words, doc_sim=doc_sim, doc_sims=doc_sims),
                              cache)
    from fullpicture.align._embed import embedder_for

    emb = embedder_for(cfg)
    n_sent = len(feats)
    both = emb.embed([f.sentence for f in feats] + [f.lemma or f.trigger for f in feats], cache, progress)
    sent, trig = both[:n_sent], both[n_sent:]
    docs: dict[str, np.ndarray] = {}
    rows_of: dict[str, list[int]] = {}
    for i, f in enumerate(feats):
        rows_of.setdefault(f.doc, []).append(i)
    for a in analyses:
        rows = rows_of.get(a.document.id, [])
        v = sent[rows].mean(axis=0) if rows else emb.embed([doc_text(a)], cache)[0]
        docs[a.document.id] = v / max(float(np.linalg.norm(v)), 1e-12)
    return _cross_lingual(analyses, feats, cfg,
                          Vectors(sentence=sent, trigger=trig, document=docs, doc_words=doc_words, doc_sim=doc_sim,
                                  doc_sims=doc_sims),
                          cache)


def doc_text(a: Analysis) -> str:
    """The text embedded for a document without events (its first 128 words)."""
    return " ".join(words(a.text)[:128])


def _cross_lingual(analyses: Sequence[Analysis], feats: Sequence[MentionFeatures], cfg: dict[str, Any],
                   vec: Vectors, cache: VectorCache | None = None) -> Vectors:
    """Add multilingual vectors when the mentions are in more than one language."""
    lang_of = {a.document.id: (a.document.language or "en") for a in analyses}
    langs = [lang_of.get(f.doc, "en") for f in feats]
    if len(set(langs)) < 2 or not cfg.get("xling_embeddings", True):
        return vec
    from fullpicture.align._eventpairs import value_ids
    from fullpicture.align._xembed import get_multilingual

    emb = get_multilingual(int(cfg.get("xling_threads", 1)))
    vec.lang = value_ids(langs)
    n_sent = len(feats)
    both = emb.embed([f.sentence for f in feats] + [f.trigger or f.lemma for f in feats], cache)
    vec.x_sentence, vec.x_trigger = both[:n_sent], both[n_sent:]
    rows_of: dict[str, list[int]] = {}
    for i, f in enumerate(feats):
        rows_of.setdefault(f.doc, []).append(i)
    vec.x_document = {}
    for a in analyses:
        rows = rows_of.get(a.document.id, [])
        v = vec.x_sentence[rows].mean(axis=0) if rows else emb.embed([a.text[:2000]], cache)[0]
        vec.x_document[a.document.id] = v / max(float(np.linalg.norm(v)), 1e-12)
    vec.x_map = (float(cfg.get("xling_sentence_scale", 3.305)), float(cfg.get("xling_sentence_shift", 0.741)),
                 float(cfg.get("xling_trigger_scale", 4.144)), float(cfg.get("xling_trigger_shift", 0.806)))
    if cfg.get("xling_glosses", True):
        _glosses(feats, langs, cfg, vec, cache)
    return vec


def english_word(lemma: str | None, language: str) -> str | None:
    """A trigger lemma in English: itself for English, its gloss for another language
    ("удар" -> "strike"; "be killed" -> "killed"), None when no gloss is known."""
    if not lemma:
        return None
    if language == "en":
        return lemma.lower()
    gloss = trigger_gloss(language).get(lemma.lower())
    if not gloss:
        return None
    gloss = gloss.lower().strip()
    return gloss[3:] if gloss.startswith("be ") else gloss


def _consequence(word: str, consequences: frozenset[str]) -> bool:
    stems = (word, word[:-2], word[:-1]) if word.endswith("ed") else (word,)
    return any(w in consequences for w in stems)


def _glosses(feats: Sequence[MentionFeatures], langs: list[str], cfg: dict[str, Any], vec: Vectors,
             cache: VectorCache | None) -> None:
    """English words of the mentions (see :class:`~fullpicture.align._eventpairs.Vectors`)."""
    from fullpicture.align._eventpairs import value_ids
    from fullpicture.align._incidents import incident_lexicon

    consequences = incident_lexicon().consequences
    # a consequence ("killed", "tuées") names no happening of its own: it joins an incident
    # through its host (align/_incidents.py), so its gloss is no evidence across documents
    english = [None if w is None or _consequence(w, consequences) else w
               for w in (english_word(f.lemma, lang) for f, lang in zip(feats, langs, strict=True))]
    vec.x_gloss = value_ids([e if e is not None else object() for e in english])
    vec.x_glossed = np.array([e is not None for e in english], dtype=bool)
    if vec.trigger is not None:
        from fullpicture.align._embed import embedder_for

        vec.g_trigger = embedder_for(cfg).embed([e or "-" for e in english], cache)
