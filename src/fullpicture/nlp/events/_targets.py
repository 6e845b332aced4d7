"""What an attack hit, as the document words it: ``Event.target`` of an ``ASSAULT`` mention.

The words of a struck object ("a shopping centre", "a command post", "склад боеприпасов") are
looked up in ``data/events/targets.toml`` (word starts with the language's endings, phrases with
a few words between their words, the longest phrase first) and carry their class (hotel,
residence, depot ...) and its kind (civilian, military, infrastructure, unspecified). With a
parse, the words must hang on the trigger (its object, its "on"/"по"/"contre" phrase, its passive
subject, a compound: at most ``target_max_depth`` steps below it, through no clause of another
verb), the shallowest first; without one (the limited pipeline), the first words of the
trigger's sentence after it within ``target_window_after`` words, else just before it within
``target_window_before``. The value keeps the document's words verbatim, with their offsets.

Words of people ("militants", "a commander", "journalists", "civilians": the classes of
``[roles]``) name what was hit only with a parse, under a trigger of aim (a strike, fire, "target";
not a casualty's "killed", "died", "wounded" of ``[casualty_triggers]``: who died is not what was
aimed at), and only where they undergo the act, never where they do it (:func:`_undergoer`): the
object, the passive subject, an "on"/"at"/"по" phrase are the one hit; the subject, an agent
phrase ("by", "par", a Russian instrumental), a noun trigger's modifiers and "of" phrase ("a
militant attack") are the doer; so are the parties of a reciprocal act ("clashes between troops
and gunmen": ``[party_marks]``), and people's words that qualify another noun ("terrorist
attacks") or are the speaker's own ("our soldiers") name no one hit.

What another mention's trigger governs is that happening's object ("an operation to detain a
suspect", "killed in an attack on a school"): no path to a target crosses another trigger. A noun
trigger's support verb ("удар был нанесен по X", ``[support_verbs]``) carries its target; a
mention in a clause opened after a verb of denial ("Y denies that the strike hit a depot",
``[denial_verbs]``) has none, even where the parse hangs the clause elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from fullpicture._data import data_toml
from fullpicture.models import Event
from fullpicture.models.events import Target
from fullpicture.nlp._doctext import doc_text

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+")
_ELIDED = re.compile(r"^(?:l|d|qu|j|n|s|c|m|t)['’]", re.IGNORECASE)
#: dependencies that open another clause: the words below them are not the trigger's object
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl:relcl", "parataxis", "csubj", "xcomp", "conj"})


@dataclass(frozen=True)
class TargetLexicon:
    """One language's phrases of struck objects, their classes and the kinds of the classes."""

    phrases: tuple[tuple[tuple[str, ...], str], ...]  # (word starts, class), longest first
    endings: tuple[str, ...] | int
    max_gap: int
    kinds: dict[str, str]
    negation: frozenset[str] = frozenset()
    tight: frozenset[tuple[str, ...]] = frozenset()  # phrases whose words admit no gap
    negation_reach: int = 0
    roles: frozenset[str] = frozenset()  # classes of people: only where they undergo the act
    casualty_triggers: frozenset[str] = frozenset()  # lemmas of a casualty: its people were not aimed at
    agent_marks: frozenset[str] = frozenset()  # prepositions of the doer ("by", "par")
    of_marks: frozenset[str] = frozenset()  # prepositions of a noun's genitive ("of", "de")
    labels: frozenset[str] = frozenset()  # military classes that label what was hit
    holder_verbs: frozenset[str] = frozenset()  # lemmas of a site's holding clause ("used by")
    support_verbs: frozenset[str] = frozenset()  # lemmas of a noun trigger's support verb ("carry out")
    denial_verbs: frozenset[str] = frozenset()  # words of denial ("denies", "опровергает")
    clause_openers: frozenset[str] = frozenset()  # words that open a reported clause ("that", "что")
    coordinators: frozenset[str] = frozenset()  # words that open another clause ("and", "но")
    aim_marks: frozenset[str] = frozenset()  # prepositions of an aim ("fired at", "tiré sur")
    party_marks: frozenset[str] = frozenset()  # prepositions of a reciprocal act's parties ("between")
    own_marks: frozenset[str] = frozenset()  # first-person possessives ("our soldiers")

    def fits(self, word: str, start: str) -> bool:
        """Whether ``word`` is ``start`` with one of the language's endings."""
        if not word.startswith(start):
            return False
        rest = len(word) - len(start)
        if isinstance(self.endings, int):
            return rest <= self.endings
        return word[len(start):] in self.endings

    @cached_property
    def by_start(self) -> dict[str, tuple[int, ...]]:
        """The indices in :attr:`phrases` of the phrases of each first-word start, in order."""
        out: dict[str, list[int]] = {}
        for k, (starts, _) in enumerate(self.phrases):
            out.setdefault(starts[0], []).append(k)
        return {s: tuple(ks) for s, ks in out.items()}

    def first_fits(self, word: str) -> list[int]:
        """The indices of the phrases whose first start ``word`` fits (:meth:`fits`), in the
        order of :attr:`phrases`: one look-up per start ``word`` may be, not one test per phrase."""
        cut = range(self.endings + 1) if isinstance(self.endings, int) else (
            len(e) for e in self.endings if word.endswith(e))
        found: set[int] = set()
        for n in cut:
            if n <= len(word):
                found.update(self.by_start.get(word[:len(word) - n], ()))
        return sorted(found)


@lru_cache(maxsize=8)
def target_lexicon(language: str) -> TargetLexicon | None:
    """The lexicon of ``language`` (None where the data file has none)."""
    data = data_toml("events", "targets.toml")
    words = data.get(language)
    if not words:
        return None
    cfg = data.get("settings", {})
    ends = cfg.get("endings", {}).get(language, 0)
    # "military+camp": words that must stand next to each other (no gap)
    tight = frozenset(tuple(k.lower().replace("’", "'").replace("+", " ").split()) for k in words if "+" in k)
    phrases = sorted(((tuple(k.lower().replace("’", "'").replace("+", " ").split()), v) for k, v in words.items()),
                     key=lambda kv: (-len(kv[0]), -len("".join(kv[0]))))
    return TargetLexicon(phrases=tuple(phrases), endings=tuple(ends) if isinstance(ends, list) else int(ends),
                         max_gap=int(cfg.get("max_gap", 0)), kinds=dict(data.get("kinds", {})), tight=tight,
                         negation=frozenset(w.lower() for w in data.get("negation", {}).get(language, [])),
                         negation_reach=int(cfg.get("negation_reach", 0)),
                         roles=frozenset(data.get("roles", {}).get("classes", [])),
                         casualty_triggers=frozenset(w.lower() for w in data.get("casualty_triggers", {}).get(language, [])),
                         agent_marks=frozenset(w.lower() for w in data.get("agent_marks", {}).get(language, [])),
                         of_marks=frozenset(w.lower() for w in data.get("of_marks", {}).get(language, [])),
                         labels=frozenset(data.get("labels", {}).get("classes", [])),
                         holder_verbs=frozenset(w.lower() for w in data.get("holder_verbs", {}).get(language, [])),
                         support_verbs=frozenset(w.lower() for w in data.get("support_verbs", {}).get(language, [])),
                         denial_verbs=frozenset(w.lower() for w in data.get("denial_verbs", {}).get(language, [])),
                         clause_openers=frozenset(w.lower() for w in data.get("clause_openers", {}).get(language, [])),
                         coordinators=frozenset(w.lower() for w in data.get("coordinators", {}).get(language, [])),
                         aim_marks=frozenset(w.lower() for w in data.get("aim_marks", {}).get(language, [])),
                         party_marks=frozenset(w.lower() for w in data.get("party_marks", {}).get(language, [])),
                         own_marks=frozenset(w.lower() for w in data.get("own_marks", {}).get(language, [])))


def _words(text: str, lo: int, hi: int, language: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-case word) of ``text[lo:hi]``; a French elided article cut off."""
    out = []
    for m in _WORD.finditer(text, lo, hi):
        s, w = m.start(), m.group().lower().replace("’", "'")
        if language == "fr" and (e := _ELIDED.match(w)):
            s, w = s + e.end(), w[e.end():]
        out.append((s, m.end(), w))
    return out


def _matches(words: Sequence[tuple[int, int, str]], lex: TargetLexicon) -> list[tuple[int, int, str]]:
    """Every phrase found in ``words``: (first word, last word, class), longest at each start."""
    found: list[tuple[int, int, str]] = []
    phrases = lex.phrases
    covered = -1  # the last word of the phrase found last: its words start none ("military base")
    for i in range(len(words)):
        if i <= covered:
            continue
        for p in lex.first_fits(words[i][2]):
            starts, cls = phrases[p]
            k, ok = i, True
            gap = 0 if starts in lex.tight else lex.max_gap
            for s in starts[1:]:
                nxt = next((j for j in range(k + 1, min(len(words), k + 2 + gap))
                            if lex.fits(words[j][2], s)), None)
                if nxt is None:
                    ok = False
                    break
                k = nxt
            if ok:
                if not any(w[2] in lex.negation for w in words[max(0, i - lex.negation_reach):i]):
                    found.append((i, k, cls))  # "no military sites": no value
                covered = k
                break
    return found


def _depth(tok: Token, trig: Token, max_depth: int, others: frozenset[int] = frozenset()
           ) -> tuple[int, Token] | None:
    """Steps from ``trig`` down to ``tok`` through no other clause and no word of another
    mention's trigger (``others``: "an operation to detain a suspect", "killed in an attack on
    a school" name what that other happening was done to), with the word of that path right
    below ``trig`` (``tok`` itself at depth 0), or None."""
    d, top = 0, tok
    while tok.i != trig.i:
        if d >= max_depth or tok.head.i == tok.i or tok.dep_ in _CLAUSES or (
                d > 0 and (tok.pos_ in ("VERB", "AUX") or tok.i in others)):
            return None
        top, tok, d = tok, tok.head, d + 1
    return d, top


#: dependencies of a noun trigger under a support verb ("carried out a strike", "удар был нанесен")
_SUPPORTED = frozenset({"obj", "dobj", "nsubjpass", "nsubj:pass"})


def _light_verb(trig: Token, lex: TargetLexicon) -> Token | None:
    """The support verb of a noun trigger ("carried out a strike on X", "a mené une frappe
    contre X", "удар был нанесен по X": ``[support_verbs]``), whose phrases tell what the
    strike hit; None for a verb trigger or another verb."""
    verb = trig.head
    if (trig.pos_ == "NOUN" and trig.dep_.lower() in _SUPPORTED and verb.i != trig.i
            and verb.pos_ == "VERB" and verb.lemma_.lower() in lex.support_verbs):
        return verb
    return None


def _people_span_ok(span: Span, lex: TargetLexicon) -> bool:
    """Whether people's words name people rather than qualify another thing or the speaker's
    own: a modifier of a common noun ("terrorist attacks", "a soldier's rifle") names no one
    hit; "our soldiers", "nos soldats" are the speaker's own forces, not what its side struck."""
    root = span.root
    if root.dep_ in _MODIFIER and root.head.pos_ == "NOUN" and root.head.i not in range(span.start, span.end):
        return False
    return not any(c.lower_ in lex.own_marks for t in span for c in t.children)


#: dependencies of the doer below a verb, and of a noun trigger's modifiers ("militant attack")
_DOER = frozenset({"nsubj", "csubj", "agent", "obl:agent", "expl"})
_MODIFIER = frozenset({"amod", "compound", "nmod:poss", "poss", "det", "flat", "nummod", "appos"})


def _undergoer(top: Token, trig: Token, lex: TargetLexicon) -> bool:
    """Whether the words below ``top`` (the path's word right below the trigger) name the one
    the act was done to rather than its doer (people's words: ``[roles]``)."""
    dep = top.dep_.lower()
    marks = {c.lower_ for c in top.children if c.dep_ == "case"}
    if top.dep_ == "prep" or top.pos_ == "ADP":
        marks.add(top.lower_)
    if trig.lemma_.lower() in lex.casualty_triggers or trig.lower_ in lex.casualty_triggers:
        # who died or was hurt, not what was aimed at; an aim's phrase ("killed when it fired a
        # missile, ..., at a group of reporters": a phrase of the firing the parse hung on the
        # killing) still names the aim
        return bool(marks & lex.aim_marks)
    if marks & lex.agent_marks or "Ins" in top.morph.get("Case", []):
        return False  # "killed by militants", "par des soldats", "убит боевиками"
    if marks & lex.party_marks:
        return False  # "clashes between troops and gunmen": the parties of a reciprocal act
    if dep in _DOER or dep in _MODIFIER:
        return False  # "militants attacked", "a militant attack"
    # "the attack of the rebels", "атака боевиков": a noun trigger's genitive is its doer
    return not (marks & lex.of_marks or (not marks and "Gen" in top.morph.get("Case", []) and trig.pos_ == "NOUN"))


def _subject_of_next(span: Span) -> bool:
    """Whether people's words are the subject of a finite verb told right after them, or of any
    verb ("... across the border and troops opened fire", "fighters had attacked"): the doers of
    that verb, whatever the parse hangs them on."""
    if span.root.dep_.lower() in _DOER:
        return True
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.pos_ in ("VERB", "AUX") and "Fin" in nxt.morph.get("VerbForm", [])


#: clauses a site's holders may be told in ("a building used by militants", "qu'occupaient des soldats")
_HOLDER_CLAUSES = frozenset({"acl", "relcl", "acl:relcl"})


def _held(doc: Doc, words: Sequence[tuple[int, int, str]], found: Sequence[tuple[int, int, str]],
          site: tuple[int, int, str], lex: TargetLexicon, max_depth: int) -> tuple[int, int, str]:
    """The struck site (of no military class but a label's: a base stays a base) with the label of
    those who hold it ("a house used by militants", "позиции вооружённых формирований": the
    label's class, the words from the site to the label), or the site as found. A clause between
    them is one of holding (``[holder_verbs]``: "used by", not "attacked by")."""
    a, b, _ = site
    span = doc.char_span(words[a][0], words[b][1], alignment_mode="expand")
    if span is None:
        return site
    root = span.root
    for a2, b2, cls2 in found:
        if cls2 not in lex.labels or a <= a2 <= b:
            continue
        other = doc.char_span(words[a2][0], words[b2][1], alignment_mode="expand")
        for tok in other or ():
            d = 0
            while tok.i != root.i and d < max_depth and tok.head.i != tok.i and (
                    tok.dep_ not in _CLAUSES or tok.dep_ in _HOLDER_CLAUSES) and (
                    tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() in lex.holder_verbs):
                tok, d = tok.head, d + 1
            if tok.i == root.i:
                return min(a, a2), max(b, b2), cls2
    return site


def _denied(text: str, words: Sequence[tuple[int, int, str]], t0: int, lex: TargetLexicon, reach: int = 0) -> bool:
    """Whether the nearest word before ``t0`` (the trigger) that opens a reported clause follows
    a verb of denial ("Y denies that the strike hit ...", "Y опровергает, что удар ..."), or a
    verb of denial stands at most ``reach`` words before the trigger in its clause ("Y denies
    targeting the clinic", "Y dismissed reports of a strike on a school")."""
    k = max((i for i, w in enumerate(words) if w[1] <= t0 and w[2] in lex.clause_openers), default=-1)
    if k > 0 and words[k - 1][2] in lex.denial_verbs and not any(
            text[words[k][1]:t0].count(c) for c in ",;:"):  # "..., saying they hit a depot": another clause
        return True
    before = [i for i, w in enumerate(words) if w[1] <= t0]
    for i in reversed(before[-reach:] if reach > 0 else []):
        if any(text[words[i][1]:t0].count(c) for c in ",;:") or words[i][2] in lex.coordinators:
            return False  # another clause: "denied the report and struck a depot"
        if words[i][2] in lex.denial_verbs:
            return True
    return False


def _target(doc: Doc, text: str, ev: Event, lex: TargetLexicon, language: str, cfg: dict[str, Any],
            others: frozenset[int] = frozenset()) -> Target | None:
    words = _words(text, ev.evidence.start, ev.evidence.end, language)
    t0, t1 = ev.trigger.start, ev.trigger.end
    if _denied(text, words, t0, lex, int(cfg.get("target_denial_reach", 0))):
        return None
    found = [(a, b, cls) for a, b, cls in _matches(words, lex)
             if words[b][1] <= t0 or words[a][0] >= t1]  # never the trigger's own words
    if not found:
        return None
    best: tuple[Any, ...] | None = None
    if doc.has_annotation("DEP"):
        trig = doc.char_span(t0, t1, alignment_mode="expand")
        if trig is None:
            return None
        head = trig.root
        light = _light_verb(head, lex)
        for a, b, cls in found:
            span = doc.char_span(words[a][0], words[b][1], alignment_mode="expand")
            if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
                continue
            mine = others - set(range(trig.start, trig.end))
            depth = int(cfg.get("target_max_depth", 4))
            ds = [(*d, head) for t in span if (d := _depth(t, head, depth, mine)) is not None]
            if not ds and light is not None:  # "удар был нанесен по X", "carried out a strike on X"
                ds = [(*d, light) for t in span if (d := _depth(t, light, depth, mine)) is not None]
            if cls in lex.roles:  # people: the one the act is aimed at, on the trigger's line
                ds = [d for d in ds if _undergoer(d[1], d[2], lex) and _people_span_ok(span, lex)
                      and not _subject_of_next(span)
                      and "\n" not in text[min(t1, words[a][0]):max(t0, words[b][1])]]
            if ds and (best is None or min(d[0] for d in ds) < best[0]):
                best = (min(d[0] for d in ds), a, b, cls)
    else:
        after = int(cfg.get("target_window_after", 8))
        before = int(cfg.get("target_window_before", 3))
        found = [f for f in found if f[2] not in lex.roles]  # people's words need a parse
        k = next((i for i, w in enumerate(words) if w[0] >= t1), len(words))
        later = [(a, b, cls) for a, b, cls in found if k <= a < k + after]
        earlier = [(a, b, cls) for a, b, cls in found if k - before - 1 <= b < k and words[b][1] <= t0]
        pick = later[:1] or earlier[-1:]
        best = (0, *pick[0]) if pick else None
    if best is None:
        return None
    _, a, b, cls = best
    if doc.has_annotation("DEP") and (lex.kinds.get(cls) != "military" or cls in lex.labels):
        a, b, cls = _held(doc, words, found, (a, b, cls), lex, int(cfg.get("target_holder_depth", 3)))
    s, e = words[a][0], words[b][1]
    return Target(start=s, end=e, text=text[s:e], category=cls,
                  kind=lex.kinds.get(cls, "unspecified"))  # type: ignore[arg-type]


def attach_targets(doc: Doc, events: Sequence[Event], language: str, cfg: dict[str, Any]) -> None:
    """Set ``target`` on every mention of the types ``target_types`` (settings) whose words name
    what it hit."""
    types = frozenset(cfg.get("target_types", ()))
    lex = target_lexicon(language) if types else None
    if lex is None:
        return
    text = doc_text(doc)
    others: set[int] = set()  # the words of every mention's trigger
    if doc.has_annotation("DEP"):
        for ev in events:
            span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
            others.update(range(span.start, span.end) if span is not None else ())
    frozen = frozenset(others)
    for ev in events:
        if ev.type in types:
            ev.target = _target(doc, text, ev, lex, language, cfg, frozen)
