"""The units of a sentence whose dates are their own: "since ..." phrases and phrases opened by a
period-start verb form (a date there starts a period), relative clauses and participles hung on a
noun, "after/before/following ..." units and phrases of cause (a date there dates the happening
inside them), birth dates, and the ends of spans or deadlines ("until 25 January"). The words
are language data (``data/events/background*.toml``); :mod:`fullpicture.nlp.events._dating` and
:mod:`fullpicture.nlp.events._trail` read them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from fullpicture._data import data_toml_lang
from fullpicture.nlp._doctext import doc_text
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.events._data import event_lexicon
from fullpicture.nlp.events._modality import clause_head

_RELATIVE = frozenset({"relcl", "acl", "acl:relcl"})


def _since_spans(sent: Span, trig: Token | None) -> list[tuple[int, int]]:
    """Token spans of the "since ..." phrases and clauses of a sentence that do not hold the
    trigger: a date there starts a period ("the deadliest attack since the war began in
    February 2022", "450 rockets since 7 October") and dates no event outside it."""
    own = {trig.i, clause_head(trig).i} if trig is not None else set()
    out = []
    doc, lower = sent.doc, token_arrays(sent.doc).lower
    starts, since = _period_starts(doc.lang_ or "en"), _since_words(doc.lang_ or "en")
    for i in range(sent.start, sent.end):
        pair = f"{lower[i - 1]} {lower[i]}" if i > sent.start else ""
        if lower[i] in starts or pair in starts:  # "starting on 7 October", "à partir du 7 octobre"
            if (span := _start_span(doc[i], i - (pair in starts))) is not None \
                    and (trig is None or not span[0] <= trig.i < span[1]):
                out.append(span)
            continue
        if lower[i] not in since:
            continue
        tok = doc[i]
        if tok.dep_ in ("mark", "case") and tok.head.i != tok.i:  # "since it began", French "depuis le 7"
            lo, hi = min(tok.i, tok.head.left_edge.i), tok.head.right_edge.i + 1
            governor = tok.head.head
        elif tok.dep_ == "prep":  # "since 7 October"
            lo, hi = tok.i, tok.right_edge.i + 1
            governor = tok.head
        else:
            continue
        if governor.i in own and tok.dep_ == "prep":
            continue  # "militias have fired shots since 13 November": the start of this event
        if trig is None or not lo <= trig.i < hi:
            out.append((lo, hi))
    return out


_START_DEPS = frozenset({"advcl", "xcomp", "prep", "acl", "obl", "obl:mod", "advmod"})


def _start_span(tok: Token, first: int) -> tuple[int, int] | None:
    """The token span of a phrase opened by the period-start verb form ``tok`` (written from token
    ``first``: "à partir du 7 octobre"), or None when ``tok`` opens none. Unlike "since", the
    phrase dates not even the verb it hangs on ("hundreds were killed starting on 7 October": a
    toll over a period, not a happening of that day)."""
    head = tok.head if tok.dep_ == "fixed" else tok  # UD: "partir" fixed on "à"
    if tok.pos_ != "VERB" or head.dep_ not in _START_DEPS or head.head.i == head.i:
        return None
    return min(first, head.left_edge.i), head.right_edge.i + 1


@lru_cache(maxsize=8)
def _since_words(language: str) -> frozenset[str]:
    """The words of a "since ..." phrase or clause (``[since] words`` of
    ``data/events/background*.toml``): "since", "depuis"."""
    data = data_toml_lang("events", "background.toml", language or "en")
    return frozenset(w.lower() for w in data.get("since", {}).get("words", []))


@lru_cache(maxsize=8)
def _period_starts(language: str) -> frozenset[str]:
    """Verb forms that open a phrase starting a period, like "since" (``[period_start] words`` of
    ``data/events/background*.toml``): "starting on 7 October", "начиная с 7 октября"."""
    data = data_toml_lang("events", "background.toml", language or "en")
    return frozenset(w.lower() for w in data.get("period_start", {}).get("words", []))


@lru_cache(maxsize=8)
def _birth_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """``(words before, words after)`` a date that make it a birth date ("born in 1990", "née en
    1961", "1961 года рождения"): ``[birth]`` of ``data/events/background*.toml``."""
    data = data_toml_lang("events", "background.toml", language or "en").get("birth", {})
    return (frozenset(w.lower() for w in data.get("before", [])), frozenset(w.lower() for w in data.get("after", [])))


def _birth_date(doc: Doc, i: int) -> bool:
    """The date whose first token is ``i`` tells when someone was born ("a man born in 1990 was
    hurt"): no time of any happening of its sentence or of the story."""
    before, after = _birth_words(doc.lang_ or "en")
    lower = token_arrays(doc).lower
    return any(w in before for w in lower[max(0, i - 2) : i]) or any(w in after for w in lower[i + 1 : i + 4])


@lru_cache(maxsize=8)
def _background_words(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``(sequence words, cause prepositions, cause nouns)`` of ``language``
    (``data/events/background*.toml``): "after/before/following ..." and "in response to ..."."""
    data = data_toml_lang("events", "background.toml", language or "en")
    seq = data.get("sequence", {})
    cause = data.get("cause", {})
    return (frozenset(w.lower() for w in seq.get("words", [])), frozenset(w.lower() for w in cause.get("preps", [])),
            frozenset(w.lower() for w in cause.get("nouns", [])))


def _noun_unit(sent: Span, case: Token) -> tuple[int, int]:
    """The span of a noun phrase opened by its preposition ``case`` (UD: the preposition hangs
    on the noun), with a phrase that follows it on its own ("en représailles | à l'attentat du
    22 avril", the parser hanging the second on the verb)."""
    noun = case.head
    lo, hi = min(case.i, noun.left_edge.i), noun.right_edge.i + 1
    if hi < sent.end:
        nxt = sent.doc[hi]
        if nxt.dep_ == "case" and nxt.head.i != noun.i and nxt.head.left_edge.i == hi:
            hi = max(hi, nxt.head.right_edge.i + 1)
    return lo, hi


def _units(sent: Span) -> list[tuple[int, int, int]]:
    """``(lo, hi, owner)`` token spans of the embedded units of a sentence whose dates are their
    own: relative clauses and participles hung on a noun (``owner`` is that noun), and "after" /
    "before" clauses or phrases about an event and phrases of cause ("in retaliation for the
    attack of 22 April"; ``owner`` -1: they never date what they modify)."""
    language = sent.doc.lang_ or "en"
    nouns = event_lexicon(language).nouns
    sequence, cause_preps, cause_nouns = _background_words(language)
    out = []
    doc = sent.doc
    toks = token_arrays(doc)
    heads, lower, dep, pos = toks.head, toks.lower, toks.dep, toks.pos
    for i in range(sent.start, sent.end):
        if heads[i] == i:
            continue
        word = lower[i]
        if dep[i] in _RELATIVE and pos[i] in ("VERB", "AUX"):
            tok = doc[i]
            out.append((tok.left_edge.i, tok.right_edge.i + 1, tok.head.i))
        elif word in sequence:
            tok = doc[i]
            if tok.dep_ == "mark":  # "after a suicide bomber killed 40"
                out.append((min(tok.i, tok.head.left_edge.i), tok.head.right_edge.i + 1, -1))
            elif tok.dep_ == "case" and tok.head.lemma_.lower() in nouns:  # UD: "после теракта"
                out.append((*_noun_unit(sent, tok), -1))
            elif tok.dep_ in ("prep", "advcl", "acl") and any(
                    (c.dep_ == "pobj" and c.lemma_.lower() in nouns) or (c.dep_ == "pcomp" and tok.dep_ == "prep")
                    for c in tok.children):
                out.append((tok.i, tok.right_edge.i + 1, -1))  # "after / following the attack on 14 February"
        elif word in cause_preps:
            tok = doc[i]
            if tok.dep_ == "prep" and any(c.dep_ == "pobj" and c.lemma_.lower() in cause_nouns for c in tok.children):
                out.append((tok.i, tok.right_edge.i + 1, -1))  # "in retaliation for the attack of 22 April"
            elif tok.dep_ == "case" and tok.head.lemma_.lower() in cause_nouns:
                out.append((*_noun_unit(sent, tok), -1))  # UD: "в ответ на теракт 22 апреля"
    return out


@lru_cache(maxsize=8)
def _deadline_pattern(language: str) -> re.Pattern[str] | None:
    """The words that end a span or set a deadline right before a date ("until", "jusqu'au",
    "до"): ``[deadline] words`` of ``data/events/background*.toml``, as a pattern ending the text."""
    data = data_toml_lang("events", "background.toml", language or "en")
    words = sorted((str(w).lower() for w in data.get("deadline", {}).get("words", [])), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")\s*$")


@lru_cache(maxsize=8)
def _moved_verbs(language: str) -> frozenset[str]:
    """Verbs that move a happening to a date ("postponed the hearing until Monday"): ``[deadline]
    moved`` of ``data/events/background*.toml``."""
    data = data_toml_lang("events", "background.toml", language or "en").get("deadline", {})
    return frozenset(str(w).lower() for w in data.get("moved", []))


def deadline_state(trig: Token) -> bool:
    """The act at ``trig``, held up to a deadline, is told in a present tense ("the crew have been
    arrested until ...", "are held until ..."): a state as it stands at the report. Only in a
    language whose ``[deadline] present_state`` (``data/events/background*.toml``) says its
    present auxiliary makes no narrative past."""
    language = trig.doc.lang_ or "en"
    if not data_toml_lang("events", "background.toml", language).get("deadline", {}).get("present_state", False):
        return False
    verb = trig if trig.pos_ in ("VERB", "AUX") else clause_head(trig)
    finite = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "aux:pass"))]
    finite = [t for t in finite if "Fin" in t.morph.get("VerbForm", [])]
    return bool(finite) and all("Pres" in t.morph.get("Tense", []) for t in finite)


def deadline_date(doc: Doc, i: int, trig: Token | None = None) -> bool:
    """The date whose first token is ``i`` follows a word that ends a span or sets a deadline
    ("arrested until 25 January", "prolongée jusqu'en juillet", "продлен до июля"): the end of a
    span or a deadline, often still to come, which dates no act of the clause it hangs on (with
    no ``trig``: no time of the story). Not so where that clause's verb is negated ("could not be
    rescued until the next morning": the rescue's day) or moves a happening to the date
    ("postponed the hearing until Monday": the hearing's day), nor where a clause hangs on the
    date ("until 7 May, when he was found"). ``trig``: an event's trigger, whose clause must be
    the one the date hangs on."""
    pat = _deadline_pattern(doc.lang_ or "en")
    if pat is None:
        return False
    tok = doc[i]
    left = doc_text(doc)[max(0, tok.idx - 24) : tok.idx].lower().replace("’", "'")
    if pat.search(left) is None:
        return False
    verb = tok
    for _ in range(6):  # the verb the date's phrase hangs on
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    language = doc.lang_ or "en"
    negation = event_lexicon(language).modality.get("negation", frozenset())
    if any(c.dep_ == "neg" or c.lower_ in negation for c in verb.children):
        return False
    cur = tok
    for _ in range(3):  # the date's own phrase: a clause on it tells a happening of that day
        if cur.pos_ not in ("NOUN", "PROPN", "NUM") or cur.i == verb.i:
            break
        if any(c.pos_ in ("VERB", "AUX") and c.i != verb.i for c in cur.children):
            return False
        cur = cur.head
    if trig is None:
        return verb.lemma_.lower() not in _moved_verbs(language)
    if trig.i != verb.i and clause_head(trig).i != verb.i:
        return False  # another clause's event
    return trig.i == verb.i or verb.lemma_.lower() not in _moved_verbs(language)
