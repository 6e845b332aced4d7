"""A learned correction layer over the Russian entities: a linear-chain CRF (CRFsuite).

It reads, per sentence, the BIO tags of the entities found so far (Slovnet and the rules of
``russian_ents``/``russian_context``) and token features (shape, case, affixes, the
OpenCorpora dictionary's proper-noun grammemes and lemma from ``pymorphy3``, quotes,
neighbours, the rules' word lists, the word's Navec cluster at three sizes) and outputs corrected
BIO tags. Trained by
``scripts/train_ru_ner.py`` (``make train``) on WikiNEuRal-ru validation; the weights ship as
``data/models/ru_ner.crfsuite`` (see ``data/models/README.md``: origin, licence, sha256).

The features read only the words and the tags, never Slovnet's morphology, so the layer gives
the same output on a bare ``Doc`` of words (the benchmark) as inside ``fp_ru``.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span

from fullpicture._data import data_toml
from fullpicture.nlp.lang.lines import split_at_line_breaks
from fullpicture.nlp.lang.russian_ents import STRESS, word_classes

MODEL_FILE = "ru_ner.crfsuite"
CLUSTERS_FILE = "ru_clusters.npz"
# the shipped weights' sha256 (data/models/README.md); another file is refused
MODEL_SHA256 = "7a111f228182c6d70176d6724a990492ebbe5ec666463c3aa4962f0bafaad4a3"
TYPES = ("PER", "LOC", "ORG")
_QUOTES = frozenset('«»"„“”')


def model_path() -> str | None:
    """Path of the shipped CRF weights, or None when they are missing."""
    ref = resources.files("fullpicture") / "data" / "models" / MODEL_FILE
    return str(ref) if ref.is_file() else None


@lru_cache(maxsize=2)
def _tagger(path: str, sha256: str) -> Any:
    import pycrfsuite

    if sha256:
        with open(path, "rb") as fh:
            if hashlib.sha256(fh.read()).hexdigest() != sha256:
                raise ValueError(f"{path}: sha256 differs from the shipped weights'")
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


@lru_cache(maxsize=1)
def _clusters() -> tuple[dict[str, int], list[tuple[str, Any]]]:
    """Navec's word ids (the natasha wheel's vocabulary, from the Navec that Slovnet's models
    share) and the shipped cluster ids per size (``data/models/ru_clusters.npz``, built by
    ``scripts/build_ru_clusters.py``); empty when either file is missing; an error when the Navec
    file is not the one the clusters were built from."""
    import numpy as np

    from fullpicture.nlp.lang.russian import navec, navec_path

    ref = resources.files("fullpicture") / "data" / "models" / CLUSTERS_FILE
    path = navec_path()
    if not ref.is_file() or not path.is_file():
        return {}, []
    with ref.open("rb") as fh:
        z = np.load(fh)
        arrays = {k: z[k] for k in z.files}
    if hashlib.sha256(path.read_bytes()).hexdigest() != bytes(arrays.pop("navec_sha256")).decode():
        raise ValueError(f"{path}: sha256 differs from the Navec the word clusters were built from")
    sizes = sorted(arrays, key=lambda k: int(k[1:]))
    return dict(navec().vocab.word_ids), [(k, arrays[k]) for k in sizes]


def cluster_features(low: str) -> list[str]:
    """The Navec cluster id of a lowercase word at each shipped size (``c64=``, ``c256=``, ...),
    or ``c=unk`` for a word outside Navec's vocabulary."""
    ids, arrays = _clusters()
    if not arrays:
        return []
    i = ids.get(low)
    if i is None:
        return ["c=unk"]
    return [f"c{k[1:]}={int(a[i])}" for k, a in arrays]


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    cfg = data_toml("lang", "entities.ru.toml")
    return {"org": frozenset(cfg.get("org_nouns", [])), "inst": frozenset(cfg.get("institution_nouns", [])),
            "geo": frozenset(cfg.get("geo_nouns", [])), "team": frozenset(cfg.get("team_nouns", []))}


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word[:6]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=100_000)
def _word(word: str) -> tuple[str, ...]:
    """Features of one word alone (cached): form, affixes, shape, script, dictionary classes."""
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    low = word.lower().replace(STRESS, "")
    proper, common = word_classes(word)
    parses = _morph_parses(low) if any(ch.isalpha() for ch in low) else []
    lemma = str(parses[0].normal_form) if parses else low
    pos = str(parses[0].tag.POS) if parses else "-"
    case = str(parses[0].tag.case) if parses else "-"
    lists = _lists()
    feats = ["w=" + low, "lem=" + lemma, "p3=" + low[:3], "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:],
             "sh=" + _shape(word), "pos=" + pos, "case=" + case, "known=" + str(bool(proper) or common)]
    feats += ["g=" + g for g in sorted(proper)]
    if common and not proper:
        feats.append("common")
    if word[:1].isupper():
        feats.append("cap")
    if word.isupper() and len(word) > 1:
        feats.append("upper")
    if any("a" <= ch.lower() <= "z" for ch in word):
        feats.append("latin")
    feats += ["list=" + k for k, v in lists.items() if lemma in v]
    feats += cluster_features(low)
    return tuple(feats)


DocKeys = dict[str, list[tuple[str, bool, int, int]]]

# prefixes of a word's own features that each ±1 neighbour also contributes (a neighbour's
# 3-letter suffix, "s3=", was measured in the twenty-sixth session: no CV gain, not kept)
_NEIGHBOUR_FEATS = ("lem=", "cap", "g=Ge", "g=Na", "g=Su", "list", "c256", "c=un")


def doc_keys(sents: list[tuple[list[str], list[str]]]) -> DocKeys:
    """Lemma of each name's last word (capitalised words only) -> (type, several words, sentence,
    token) of the names found so far in a document (its sentences' words and BIO tags): what
    the document says elsewhere about a lone word, as the rules' propagation reads it."""
    keys: DocKeys = {}
    for s, (words, tags) in enumerate(sents):
        for a, b, t in tag_spans(tags):
            word = words[b - 1]
            if word[:1].isupper():
                keys.setdefault(_word(word)[1], []).append((t, b - a > 1, s, b - 1))
    return keys


def _doc_feats(keys: DocKeys, lemma: str, s: int, i: int) -> list[str]:
    """The types that other names of the document ending in ``lemma`` have (``dk=``), and
    ``dkm=`` for those written there with several words (a surname after the full name)."""
    other = [k for k in keys.get(lemma, ()) if (k[2], k[3]) != (s, i)]
    return sorted({"dk=" + t for t, _, _, _ in other} | {"dkm=" + t for t, m, _, _ in other if m})


def sentence_features(words: list[str], tags: list[str], keys: DocKeys | None = None,
                      sent: int = 0) -> list[list[str]]:
    """CRF attributes of each token of one sentence, from its words, the BIO tags found so far
    and ``keys``, the document's names (:func:`doc_keys`; None: this sentence alone, as the
    benchmark's sentences are read) with ``sent`` this sentence's index there (training and
    tagging both call this)."""
    base = [_word(w) for w in words]
    if keys is None:
        keys, sent = doc_keys([(words, tags)]), 0
    n = len(words)
    out: list[list[str]] = []
    quoted = False
    for i, w in enumerate(words):
        f = ["bias", "t=" + tags[i], *base[i]]
        if w[:1].isupper():
            f += _doc_feats(keys, base[i][1], sent, i)
        if i == 0:
            f.append("first")
        if w in _QUOTES:
            quoted = not quoted if w == '"' else w in "«„“"
        elif quoted:
            f.append("inq")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f += [f"{d}t={tags[j]}", f"{d}w={base[j][0][2:]}", f"{d}sh={base[j][6][3:]}"]
                if abs(d) == 1:
                    f += [f"{d}{x}" for x in base[j][1:] if x.startswith(_NEIGHBOUR_FEATS)]
            else:
                f.append(f"{d}pad")
        f.append(f"tt={tags[i - 1] if i else '^'}|{tags[i]}")
        out.append(f)
    return out


def bio_tags(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO tags of ``n`` tokens from (start, end, type) token spans."""
    tags = ["O"] * n
    for a, b, t in spans:
        tags[a] = "B-" + t
        for k in range(a + 1, b):
            tags[k] = "I-" + t
    return tags


def tag_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """PER/LOC/ORG spans of a BIO sequence (an orphan I- starts an entity)."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if start >= 0 and (t[:1] != "I" or t[2:] != typ):
            out.append((start, i, typ))
            start = -1
        if t[:1] == "B" or (t[:1] == "I" and start < 0):
            start, typ = i, t[2:]
    return [s for s in out if s[2] in TYPES]


def trim_quotes(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans without quotation marks at their edges (a name is written without its quotes,
    as the rules and factRuEval write it; WikiNEuRal's silver labels sometimes keep them)."""
    out = []
    for a, b, t in spans:
        while a < b and words[a] in _QUOTES:
            a += 1
        while b > a and words[b - 1] in _QUOTES:
            b -= 1
        if a < b:
            out.append((a, b, t))
    return out


def sentences(doc: Doc, sent_starts: set[int]) -> list[list[int]]:
    """Token indices of each sentence, whitespace tokens left out (the CRF's sequences)."""
    sents: list[list[int]] = []
    for t in doc:
        if t.is_space:
            continue
        if not sents or t.i in sent_starts:
            sents.append([])
        sents[-1].append(t.i)
    return sents


def doc_tags(doc: Doc, ents: list[Span]) -> dict[int, str]:
    """Token index -> BIO tag of ``ents``."""
    label = {t.i: "O" for t in doc}
    for e in ents:
        for k in range(e.start, e.end):
            label[k] = ("B-" if k == e.start else "I-") + e.label_
    return label


@lru_cache(maxsize=1)
def gate_limits() -> tuple[float, float, float, float]:
    """(add, drop, add for places, drop as another kind of name) of the shipped settings
    (``[pipeline] ru_learned_add_min``, ``ru_learned_drop_min``, ``ru_learned_add_min_loc`` and
    ``ru_learned_drop_misc_min``): the CRF's least token marginal at which it may add or change a
    name, at which it may drop one of the rules' names, at which it may add or change a place,
    and at which it may drop one of the rules' names that it reads as a name of no output type
    (MISC: a work, a product, an event)."""
    from fullpicture.settings import load_settings

    s = load_settings()
    add = float(s.get("pipeline", "ru_learned_add_min", 0.9))
    drop = float(s.get("pipeline", "ru_learned_drop_min", 0.9))
    return (add, drop, float(s.get("pipeline", "ru_learned_add_min_loc", add)),
            float(s.get("pipeline", "ru_learned_drop_misc_min", drop)))


def _guarded(c: tuple[int, int, str], have: list[tuple[int, int, str]]) -> bool:
    """Whether the place guard keeps the CRF's name ``c`` out: a name of another type that
    overlaps a place of the rules (``have``), or a place inside an organisation of the rules
    (a body named with its country is not cut down to the country)."""
    for a, b, t in have:
        if t == "LOC" and c[2] != "LOC" and c[0] < b and a < c[1]:
            return True
        if t == "ORG" and c[2] == "LOC" and a <= c[0] and c[1] <= b and (a, b) != c[:2]:
            return True
    return False


def gate(words: list[str], rules: list[str], crf: list[str], conf: list[float], conf_o: list[float],
         limits: tuple[float, ...]) -> list[tuple[int, int, str]]:
    """Spans of one sentence: the rules' names, changed by the CRF only where it is confident.

    ``conf``: the marginal of the CRF's own tag per token (its names without edge quotes); ``conf_o``: the marginal of O.
    ``limits``: (add, drop), (add, drop, add for places) or (add, drop, add for places, drop as
    MISC). A CRF name that the rules do not have
    is taken (and the rules' names it overlaps let go) when its least token marginal reaches the
    add limit of its type and :func:`_guarded` lets it in (a body named with its country keeps
    the country as a place and is not cut down to it; a person's name never takes the first
    word of a place); a rules' name that no taken CRF name overlaps is dropped only
    when the CRF tags all its tokens O with a least marginal of ``limits[1]`` or more, or tags
    them O and MISC (at least one MISC: a title, a product, an event, which the output types
    leave out) with a least marginal of its own tags of ``limits[3]`` or more.
    Wikipedia's conventions (the training's silver labels) then change only what the CRF is sure
    of, and the rules' reading of news stays where it is not."""
    have = tag_spans(rules)
    add = {"LOC": limits[2] if len(limits) > 2 else limits[0]}
    taken = [c for c in trim_quotes(words, tag_spans(crf)) if c in have or (
        min(conf[c[0] : c[1]]) >= add.get(c[2], limits[0]) and not _guarded(c, have))]
    out = list(taken)
    for r in have:
        if any(c[0] < r[1] and r[0] < c[1] for c in taken):
            continue
        tags = crf[r[0] : r[1]]
        if all(t == "O" for t in tags) and min(conf_o[r[0] : r[1]]) >= limits[1]:
            continue
        if (len(limits) > 3 and all(t == "O" or t[2:] == "MISC" for t in tags) and "MISC" in {t[2:] for t in tags}
                and min(conf[r[0] : r[1]]) >= limits[3]):
            continue
        out.append(r)
    return sorted(out)


def crf_tags(tagger: Any, feats: list[list[str]]) -> tuple[list[str], list[float], list[float]]:
    """The CRF's best tags of one sentence, each tag's marginal and the marginal of O."""
    tags = tagger.tag(feats)
    labels = set(tagger.labels())
    conf = [tagger.marginal(t, i) for i, t in enumerate(tags)]
    conf_o = [tagger.marginal("O", i) if "O" in labels else 0.0 for i in range(len(tags))]
    return tags, conf, conf_o


def relabel(doc: Doc, ents: list[Span], sent_starts: set[int], path: str | None = None,
            limits: tuple[float, ...] | None = None) -> list[Span]:
    """``ents`` corrected by the CRF (through :func:`gate`), sentence by sentence (whitespace
    tokens left out); the spans unchanged when no weights are shipped."""
    path = path or model_path()
    if path is None:
        return ents
    tagger = _tagger(path, MODEL_SHA256 if path == model_path() else "")
    limits = limits or gate_limits()
    label = doc_tags(doc, ents)
    sents = [(ids, [doc[i].text for i in ids], [label[i] for i in ids]) for ids in sentences(doc, sent_starts)]
    keys = doc_keys([(words, rules) for _, words, rules in sents])
    out: list[Span] = []
    for k, (ids, words, rules) in enumerate(sents):
        tags, conf, conf_o = crf_tags(tagger, sentence_features(words, rules, keys, k))
        spans = gate(words, rules, tags, conf, conf_o, limits)
        out += [Span(doc, ids[a], ids[b - 1] + 1, label=t) for a, b, t in spans]
    return split_at_line_breaks(doc, out)
