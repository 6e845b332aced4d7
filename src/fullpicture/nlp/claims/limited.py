"""``fp_limited_claims``: attributed claims of a document read by the limited pipeline.

A language with a claims word list (``data/claims/limited.<family>.toml``, Ukrainian) has no
parser here, so its claims come from written forms and punctuation, one sentence at a time:

* a clause opened by "according to" ("за даними X, ...", "..., за словами X", "як повідомили
  в X"): its source runs to the clause's end, its content is the rest of the sentence;
* a reporting verb with a clause of its own ("X заявив, що ...", "X повідомив: ..."): the
  source is its clause's words before the verb (after it when there are none), the content
  what follows the complementizer or the colon;
* a reporting verb opening the clause after the content ("..., — повідомив X"): the content is
  the sentence before it, the source the words after the verb;
* a reporting verb with "про це" ("Про це повідомив X"): the content is the sentence before.

A source's edges drop time words, particles and a medium ("у своєму телеграм-каналі"); its
entity is a mention inside it (a capital standing for its state). Reads: the text,
``doc._.fp_info.language``, the entities, the zones. Writes: ``doc._.fp_claims``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fullpicture._data import data_toml
from fullpicture.models import Claim, ClaimCue, ClaimSource
from fullpicture.nlp._shared import capital_state, entity_for_span, entity_index
from fullpicture.nlp.extensions import synced
from fullpicture.nlp.lang.words import Reading, Word, read, word_list_doc
from fullpicture.nlp.zones import NON_STORY_ZONES, zone_kind_at

_QUOTES = "\"'«»“”„"
_BREAK = re.compile(r"[,;:—–()]|\s-\s")  # a clause break between two words
_TRIM = " \t\n,;:—–-" + _QUOTES


@dataclass(frozen=True)
class LimitedCues:
    """A family's reporting forms (form -> lemma), "according to" words, complementizers,
    anaphoric phrases, source-edge words and hedges."""

    verbs: dict[str, str]
    za_nouns: frozenset[str]
    possessives: frozenset[str]
    openers: tuple[tuple[str, ...], ...]
    complementizers: frozenset[str]
    anaphoric: tuple[tuple[str, ...], ...]
    skip: frozenset[str]
    medium_preps: frozenset[str]
    media: frozenset[str]
    objects: frozenset[str]
    hedges: frozenset[str]


@lru_cache(maxsize=8)
def limited_cues(family: str) -> LimitedCues | None:
    """``data/claims/limited.<family>.toml``, or None when the family has none."""
    if not resources.files("fullpicture").joinpath("data", "claims", f"limited.{family}.toml").is_file():
        return None
    d = data_toml("claims", f"limited.{family}.toml")
    acc, edges = d.get("according", {}), d.get("source_edges", {})
    return LimitedCues(
        verbs={form: lemma for lemma, forms in d.get("verbs", {}).items() for form in forms},
        za_nouns=frozenset(acc.get("za_nouns", [])), possessives=frozenset(acc.get("possessives", [])),
        openers=tuple(tuple(p.split()) for p in acc.get("openers", [])),
        complementizers=frozenset(d.get("clause", {}).get("complementizers", [])),
        anaphoric=tuple(tuple(p.split()) for p in d.get("anaphoric", {}).get("phrases", [])),
        skip=frozenset(edges.get("skip", [])), medium_preps=frozenset(edges.get("medium_prepositions", [])),
        media=frozenset(edges.get("media", [])), objects=frozenset(edges.get("objects", [])), hedges=frozenset(d.get("hedges", {}).get("words", [])),
    )


@dataclass
class _Found:
    kind: str
    cue: tuple[int, int]  # word indices [a, b)
    lemma: str
    source: tuple[int, int] | None  # word indices
    content: tuple[int, int]  # characters


class _Sentence:
    """One sentence's words (indices ``lo`` .. ``hi``) and the clause breaks between them."""

    def __init__(self, text: str, ws: list[Word], lo: int, hi: int, span: tuple[int, int]) -> None:
        self.text, self.ws, self.lo, self.hi, self.span = text, ws, lo, hi, span

    def gap(self, k: int) -> str:
        """The characters between word k - 1 and word k (the sentence's start before its first)."""
        return self.text[self.ws[k - 1].end if k > self.lo else self.span[0] : self.ws[k].start]

    def breaks_before(self, k: int) -> bool:
        """Whether a clause break (or the sentence's start) comes just before word k (a clock
        time's colon is none: "13:15")."""
        if k == self.lo:
            return True
        gap = self.gap(k)
        if gap == ":" and self.ws[k - 1].text.isdigit() and self.ws[k].text.isdigit():
            return False
        return bool(_BREAK.search(gap))

    def clause_start(self, k: int) -> int:
        """The first word of the clause holding word k."""
        while k > self.lo and not self.breaks_before(k):
            k -= 1
        return k

    def clause_end(self, k: int) -> int:
        """One past the last word of the clause that word k opens or holds."""
        k += 1
        while k < self.hi and not self.breaks_before(k):
            k += 1
        return k

    def chars(self, a: int, b: int) -> tuple[int, int]:
        """Characters of words a .. b - 1."""
        return self.ws[a].start, self.ws[b - 1].end

    def rest(self, k: int) -> tuple[int, int]:
        """Characters from word k (an opening quote before it) to the sentence's end, the
        final stop included."""
        return _trimmed(self.text, self.ws[k - 1].end if k > self.lo else self.span[0], self.span[1])

    def before(self, k: int) -> tuple[int, int]:
        """Characters from the sentence's start to the clause break before word k."""
        return _trimmed(self.text, self.span[0], self.ws[k].start if k > self.lo else self.span[0])


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without surrounding blanks, dashes and commas (a closing quote kept with an
    opening one, a final stop kept)."""
    while s < e and text[s] in _TRIM and not (text[s] in _QUOTES and any(q in text[s + 1 : e] for q in _QUOTES)):
        s += 1
    while e > s and text[e - 1] in _TRIM and not (text[e - 1] in _QUOTES and any(q in text[s : e - 1] for q in _QUOTES)):
        e -= 1
    return s, e


def _phrase_at(ws: list[Word], k: int, hi: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The number of words of the longest phrase that starts at word k (0: none)."""
    best = 0
    for p in phrases:
        if k + len(p) <= hi and all(ws[k + n].folded == w for n, w in enumerate(p)):
            best = max(best, len(p))
    return best


def _source(sent: _Sentence, a: int, b: int, cues: LimitedCues) -> tuple[int, int] | None:
    """Words a .. b - 1 as a source: edge words dropped, cut before a medium phrase; None
    when nothing is left."""
    ws = sent.ws

    def medium(k: int) -> bool:  # "у своєму телеграм-каналі", "під час телемарафону"
        return ws[k].folded in cues.medium_preps and any(ws[n].folded in cues.media for n in range(k + 1, min(k + 3, b)))

    def edge(k: int) -> bool:
        return ws[k].folded in cues.skip or ws[k].text.isdigit()

    while a < b and (edge(a) or medium(a)):
        if medium(a):
            a += 1
            while a < b and ws[a].folded in cues.media:
                a += 1
        else:
            a += 1
    for k in range(a + 1, b):
        if medium(k):
            b = k
            break
    while b > a and edge(b - 1):
        b -= 1
    return (a, b) if b > a else None


def _according(sent: _Sentence, k: int, cues: LimitedCues) -> tuple[int, str] | None:
    """(end word, lemma) of an "according to" opener at word k, at a clause's start."""
    ws = sent.ws
    if not sent.breaks_before(k):
        return None
    if ws[k].folded == "за":
        for n in range(k + 1, min(k + 3, sent.hi)):
            if ws[n].folded in cues.za_nouns:
                return n + 1, "за " + ws[n].folded
            if sent.breaks_before(n):
                break
        return None
    n = _phrase_at(ws, k, sent.hi, cues.openers)
    if not n:
        return None
    if n == 1 and ws[k].folded == "як":  # "як повідомили в X"
        return (k + 2, cues.verbs[ws[k + 1].folded]) if k + 1 < sent.hi and ws[k + 1].folded in cues.verbs else None
    return k + n, " ".join(w.folded for w in ws[k : k + n])


def _verb_claim(sent: _Sentence, k: int, cues: LimitedCues, prev: tuple[int, int] | None) -> _Found | None:
    """The claim of the reporting verb at word k (None: no content found)."""
    ws, text = sent.ws, sent.text
    lemma = cues.verbs[ws[k].folded]
    start = sent.clause_start(k)
    end = sent.clause_end(k)
    pre = _source(sent, start, k, cues)
    # "X заявив, що ...", "X заявив журналістам, що ...": a complementizer after the verb's clause
    if end < sent.hi and ws[end].folded in cues.complementizers and end + 1 < sent.hi:
        src = pre if pre is not None else _source(sent, k + 1, end, cues)
        return _Found("indirect", (k, k + 1), lemma, src, sent.rest(end + 1))
    # "X повідомив: ..."
    if end < sent.hi and ":" in sent.gap(end):
        content = sent.rest(end)
        kind = "direct" if text[content[0]] in _QUOTES else "indirect"
        return _Found(kind, (k, k + 1), lemma, pre if pre is not None else _source(sent, k + 1, end, cues), content)
    anaphoric = any(_phrase_at(ws, n, sent.hi, cues.anaphoric) for n in range(sent.lo, end))
    if anaphoric and prev is not None:  # "Про це повідомив X": the sentence before
        after = _source(sent, k + 1, end, cues)
        src = after if after is not None and not _phrase_at(ws, after[0], end, cues.anaphoric) else None
        if src is None and pre is not None and not _phrase_at(ws, pre[0], k, cues.anaphoric):
            src = pre
        return _Found("indirect", (k, k + 1), lemma, src, prev)
    # "..., — повідомив X": the verb opens its clause after the content
    if start == k and k > sent.lo and not (k + 1 < end and ws[k + 1].folded in cues.objects):
        content = sent.before(k)
        if content[1] > content[0]:
            kind = "direct" if text[content[0]] in _QUOTES else "indirect"
            return _Found(kind, (k, k + 1), lemma, _source(sent, k + 1, end, cues), content)
    return None


def find_claims(text: str, reading: Reading, cues: LimitedCues) -> list[_Found]:
    """The attributed claims of a text (see the module's docstring), in text order."""
    ws = reading.words
    out: list[_Found] = []
    firsts: dict[int, int] = {}
    for n, s in enumerate(reading.sentence):
        firsts.setdefault(s, n)
    bounds = sorted(firsts.items())
    prev: tuple[int, int] | None = None
    for m, (s, lo) in enumerate(bounds):
        hi = bounds[m + 1][1] if m + 1 < len(bounds) else len(ws)
        sent = _Sentence(text, ws, lo, hi, reading.spans[s])
        taken: set[int] = set()
        for k in range(lo, hi):
            acc = _according(sent, k, cues)
            if acc is None:
                continue
            stop, lemma = acc
            end = sent.clause_end(stop - 1)
            own = [n for n in range(k + 1, stop) if ws[n].folded in cues.possessives]  # "за його словами"
            src = (own[0], own[0] + 1) if own else _source(sent, stop, end, cues)
            if end < hi and (k == lo or k - lo < 3):  # "За даними X, ...", "Також, за даними X, ..."
                content = sent.rest(end)
            elif k > lo:  # "..., за словами X"
                content = sent.before(k)
            else:
                continue
            taken.update(range(k, stop))
            out.append(_Found("according_to" if src is not None else "unsourced", (k, stop), lemma, src, content))
        for k in range(lo, hi):
            if k not in taken and ws[k].folded in cues.verbs:
                found = _verb_claim(sent, k, cues, prev)
                if found is not None:
                    out.append(found)
        prev = _trimmed(text, *reading.spans[s])
    return [f for f in out if f.content[1] > f.content[0]]


class LimitedClaimsComponent:
    """Fills ``doc._.fp_claims`` for a language with a claims word list."""

    @synced
    def __call__(self, doc: Doc) -> Doc:
        """Find the attributed claims of one document."""
        opened = word_list_doc(doc)
        cues = limited_cues(opened[0]) if opened is not None else None
        if opened is None or cues is None:
            return doc
        family, text = opened
        index = entity_index(doc)
        claims: list[Claim] = []
        ws = read(text, family).words
        for f in find_claims(text, read(text, family), cues):
            cs, ce = ws[f.cue[0]].start, ws[f.cue[1] - 1].end
            if zone_kind_at(doc, cs) in NON_STORY_ZONES:
                continue
            source = None
            if f.source is not None:
                ss, se = ws[f.source[0]].start, ws[f.source[1] - 1].end
                ent = entity_for_span(doc, index, ss, se)
                source = ClaimSource(entity=capital_state(index, ent) or ent, text=text[ss:se], start=ss, end=se)
            s, e = f.content
            hedges = sorted({w.folded for w in ws if s <= w.start < e and w.folded in cues.hedges})
            claims.append(Claim(id="", start=s, end=e, text=text[s:e], kind=f.kind,  # type: ignore[arg-type]
                                cue=ClaimCue(start=cs, end=ce, text=text[cs:ce], lemma=f.lemma), source=source,
                                hedged=bool(hedges), hedges=hedges))
        claims.sort(key=lambda c: (c.start, c.end))
        for n, c in enumerate(claims, 1):
            c.id = f"c{n}"
        doc._.fp_claims = claims
        return doc


@Language.factory("fp_limited_claims", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> LimitedClaimsComponent:
    """Factory for ``fp_limited_claims``."""
    return LimitedClaimsComponent()
