"""Token features of the learned loaded-language detector (shared by training and run time).

Each candidate token (not punctuation or space) gets sparse indicator features: lemma, POS,
tag, dependency, head, ±1/2 neighbours, sentence position in the article, a
quotation around it, the framing lexicon's category, the evaluative word list, and buckets of
two openly licensed sentiment lexicons (``data/lexicons/words/subjectivity_en.tsv``: Pattern
subjectivity and polarity, VADER valence; an ``-ly`` adverb also looks up its adjective).
The tok2vec tensor, already computed by the parse, is added by the model as dense input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from spacy.attrs import IS_TITLE, SENT_START
from spacy.tokens import Doc

from fullpicture.models import FramingCue
from fullpicture.nlp._doctext import doc_text
from fullpicture.nlp._tokens import token_arrays

LEXICON_FILE = "subjectivity_en.tsv"
_INTENSIFIERS = frozenset({"very", "so", "most", "more", "too", "extremely", "highly"})
Entry = tuple[float | None, float | None, float | None]
_MARKS = re.compile('[“«"”»\n]')  # the only characters :func:`quotations` acts on


@lru_cache(maxsize=1)
def subjectivity() -> dict[str, Entry]:
    """word -> (Pattern subjectivity, Pattern polarity, VADER valence); None where absent."""
    ref = resources.files("fullpicture") / "data" / "lexicons" / "words" / LEXICON_FILE
    out: dict[str, Entry] = {}
    if not ref.is_file():
        return out
    for line in ref.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, s, p, v = (line.split("\t") + ["", "", ""])[:4]
        out[word] = (float(s) if s else None, float(p) if p else None, float(v) if v else None)
    return out


def quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations (marks included), not crossing a line break."""
    out: list[tuple[int, int]] = []
    opened = -1
    for m in _MARKS.finditer(text):  # every other character leaves the state as it is
        k, ch = m.start(), m.group()
        if ch in "“«" or (ch == '"' and opened < 0):
            opened = k
        elif ch in "”»\"" and opened >= 0:
            out.append((opened, k + 1))
            opened = -1
        elif ch == "\n":
            opened = -1
    return out


def _bucket(x: float, cuts: Sequence[float]) -> str:
    for c in cuts:
        if x >= c:
            return str(c)
    return "lo"


def _forms(low: str, lemma: str) -> Iterator[str]:
    yield low
    yield lemma
    if low.endswith("ly") and len(low) > 4:
        if low.endswith("ily"):
            yield low[:-3] + "y"
        yield low[:-2]
        yield low[:-2] + "e"
        if low.endswith("ally"):
            yield low[:-4]


def _lookup(low: str, lemma: str, lex: dict[str, Entry]) -> Entry:
    s = p = v = None
    for form in _forms(low, lemma):
        e = lex.get(form)
        if e is None:
            continue
        if s is None and e[0] is not None:
            s, p = e[0], e[1]
        if v is None and e[2] is not None:
            v = e[2]
    return s, p, v


def is_candidate(tok: object) -> bool:
    """Tokens the detector scores: not punctuation, not space."""
    return not (getattr(tok, "is_punct", False) or getattr(tok, "is_space", False))


#: the buckets of a token's sentence position (``sent=``; ``sentp=`` with the POS)
SENT_CUTS = (0, -1, -2, -4, -8, -15)
SENTP_CUTS = (0, -2, -8)


def sentiment_features(entry: Entry, pos: str) -> list[str]:
    """The sentiment lexicons' features of a token with lexicon entry ``entry`` and POS ``pos``."""
    s, p, v = entry
    f: list[str] = []
    if s is not None:
        f += ["subj=" + _bucket(s, (0.9, 0.7, 0.5, 0.3)), "subjp=" + pos + _bucket(s, (0.8, 0.5)),
              "pol=" + _bucket(abs(p or 0.0), (0.6, 0.3, 0.1))]
    if v is not None:
        f += ["vad=" + _bucket(abs(v), (2.5, 1.8, 1.2, 0.5)), "vads=" + ("+" if v > 0 else "-"),
              "vadp=" + pos + _bucket(abs(v), (1.8, 1.0))]
    return f


class Columns(NamedTuple):
    """What the features of a document's tokens are made of, read once (see :func:`columns`)."""

    n: int
    qlen: dict[int, int]  # token -> words of the quotation around it
    lexcat: dict[int, str]  # token -> the framing lexicon's category
    sent_of: list[int]  # token -> its sentence's number
    sent_start: list[int]  # the SENT_START column (1: a sentence starts here)
    low: list[str]
    pos: list[str]
    tags: list[str]
    deps: list[str]
    ents: list[str]
    lem: list[str]  # lower-cased lemmas
    heads: list[int]
    skip: list[bool]  # punctuation or space: not a candidate
    title: list[int]
    intens: set[int]  # tokens with an intensifying adverb among their children


def columns(doc: Doc, lexicon: Sequence[FramingCue] = ()) -> Columns:
    """The token columns, quotation lengths, lexicon categories and sentence numbers the
    features of ``doc``'s tokens are made of (:func:`token_features`, and the model's
    weighted sums in :mod:`~fullpicture.nlp.framing._loaded_score`)."""
    n = len(doc)
    # token indices from the span bounds and the document's token arrays: no Token per token
    qlen: dict[int, int] = {}
    quotes = quotations(doc_text(doc))
    if quotes:
        alpha = token_arrays(doc).is_alpha
        for qs, qe in quotes:
            span = doc.char_span(qs, qe, alignment_mode="expand")
            if span is not None:
                words = sum(alpha[span.start:span.end])
                for i in range(span.start, span.end):
                    qlen[i] = words
    lexcat: dict[int, str] = {}
    for c in lexicon:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                lexcat[i] = c.category
    # every token attribute read once, as columns (no Token object per token and attribute);
    # the columns other layers read are shared through the document's token arrays
    toks = token_arrays(doc)
    arr = doc.to_array([IS_TITLE, SENT_START])
    sent_start = arr[:, 1].tolist()
    sent_of = [0] * n
    if n and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        # doc.sents: a sentence begins at every token after the first whose sent_start is 1
        k = 0
        for i in range(1, n):
            if sent_start[i] == 1:
                k += 1
            sent_of[i] = k
    low, pos, tags, deps, ents = toks.lower, toks.pos, toks.tag, toks.dep, toks.ent_type
    lem = [x.lower() for x in toks.lemma]
    heads = toks.head
    skip = [a or b for a, b in zip(toks.is_punct, toks.is_space, strict=True)]  # not a candidate
    title = arr[:, 0].tolist()
    # tokens with an intensifying adverb among their children
    intens = {heads[i] for i in range(n) if deps[i] == "advmod" and low[i] in _INTENSIFIERS and heads[i] != i}
    return Columns(n, qlen, lexcat, sent_of, sent_start, low, pos, tags, deps, ents, lem, heads, skip, title, intens)


def token_features(
    doc: Doc, evaluative: frozenset[str] = frozenset(), lexicon: Sequence[FramingCue] = ()
) -> list[tuple[int, list[str]]]:
    """(token index, features) of every candidate token of ``doc``."""
    lex = subjectivity()
    n, qlen, lexcat, sent_of, sent_start, low, pos, tags, deps, ents, lem, heads, skip, title, intens = columns(doc, lexicon)
    entries: dict[tuple[str, str], Entry] = {}
    out: list[tuple[int, list[str]]] = []
    for i in range(n):
        if skip[i]:  # is_candidate
            continue
        hi = heads[i]
        dep = deps[i]
        si = -sent_of[i]
        # no word form or suffix features: with the lemma they overfit BASIL's 70 triplets (CV by
        # triplet, token F1 at 0.12: 0.145 with them, 0.154 without; docs/benchmarks/framing.md)
        f = ["l=" + lem[i], "p=" + pos[i], "t=" + tags[i], "d=" + dep,
             "hp=" + pos[hi] + "|" + dep, "hl=" + lem[hi] + "|" + dep,
             "sent=" + _bucket(si, SENT_CUTS), "sentp=" + pos[i] + _bucket(si, SENTP_CUTS)]
        q = qlen.get(i)
        if q:
            f += ["q", "ql=" + str(min(q, 6)), "qp=" + pos[i]]
        if i in lexcat:
            f += ["lex", "lex=" + lexcat[i]]
        if lem[i] in evaluative or low[i] in evaluative:
            f.append("eval")
        ent = ents[i]
        if ent:
            f.append("ent=" + ent)
        if title[i] and i > 0 and sent_start[i] != 1:  # not Token.is_sent_start
            f.append("title")
        key = (low[i], lem[i])
        e = entries.get(key)
        if e is None:
            e = entries[key] = _lookup(low[i], lem[i], lex)
        f += sentiment_features(e, pos[i])
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
