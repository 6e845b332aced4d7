"""The date of an event mention: a time expression of its clause or sentence, else the narrative's.

A sentence's time expression dates an event of that sentence only when it can: a date inside a
"since ..." phrase starts a period (unless the phrase hangs on the event's own verb: "have fired
since 13 November"), and so does one in a phrase opened by a period-start verb form ("killed
starting on 7 October", "à partir du 7 octobre", "начиная с 7 октября"); a date that only
modifies a reporting verb dates the report, not what is reported ("the army said on Tuesday
20 soldiers had been killed"): the mention keeps that day as an approximate date (source
``narrative``), never as a stated one; a date inside an
"after/before/following ..." unit or a phrase of cause ("in response to the attack of 22
April", "в ответ на теракт 22 апреля") dates only the happening inside it, and a happening
inside one takes no date from the clause it explains; a date on another happening's noun that
is no argument of the event ("in a region devastated by the tsunami of 2004") dates only that
happening; a happening's noun that a dated reporting verb takes as its object ("on Monday the
spokesman described the fall of the missile as ...") takes the statement's day as an approximate
date, as does a clause whose sentence's only date belongs to a later act of another happening (a
resignation "on Thursday" after a remark about the strike). Events inherit the narrative's date
without the dates set inside "since ..." phrases, relative clauses and "after/before ..." or
cause units, which belong to recalled or background happenings (:func:`narrative_trail`). The
words of those units are language data (``data/events/background*.toml``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from fullpicture._data import data_toml_lang
from fullpicture.models import Timex
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.events._args import token_positions
from fullpicture.nlp.events._data import event_lexicon
from fullpicture.nlp.events._modality import clause_head


@lru_cache(maxsize=1)
def _reference_date_at() -> Callable[[Doc, int], Any] | None:
    try:
        from fullpicture.nlp.time import component as time_layer
    except Exception:  # noqa: BLE001 - the time layer may be mid-rewrite
        return None
    fn = getattr(time_layer, "reference_date_at", None)
    return fn if callable(fn) else None


def timex_positions(doc: Doc) -> list[tuple[int, str]]:
    """(token, TIMEX3 value) of the dates and times of a document (``*_REF`` values left out)."""
    items = [(t.start, t.end, str(t.value)) for t in (doc._.fp_timexes or [])
             if t.type in ("DATE", "TIME") and not str(t.value).endswith("_REF") and not _bare_clock(t)]
    return token_positions(doc, items)


_CLOCK = re.compile(r"^(?:(?:at|about|around|shortly|just|before|after|by)\s+)*(?:\d{1,2}(?:[:.]\d\d)?\s*"
                    r"(?:[ap]\.?\s?m\.?)?|noon|midnight|midday|\w+ o'clock)(?:\s+(?:local time|gmt|utc|[a-z]{3,4}))?$", re.I)


def _bare_clock(t: Timex) -> bool:
    """A time of day that names no day ("at midday", "at 4:43 a.m. local time"): its day is the
    time layer's guess from the reference date, which may be a reporting clause's ("said on
    Wednesday"), so it does not date an event."""
    return t.type == "TIME" and t.anchor != "explicit" and bool(_CLOCK.match(t.text.strip()))


_RELATIVE = frozenset({"relcl", "acl", "acl:relcl"})
_REPORT_PATH = frozenset({"ccomp", "parataxis", "dobj", "obj", "advcl", "xcomp", "acl", "relcl", "prep", "pobj", "obl"})


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
def _report_verbs(language: str) -> frozenset[str]:
    """Verbs whose time is the time of a report: speech and cognition cues of the claims layer."""
    try:
        from fullpicture.nlp.claims._data import claim_lexicon

        return claim_lexicon(language or "en").verbs
    except Exception:  # noqa: BLE001 - a language without claim cues
        return frozenset()


def _governor(tok: Token) -> Token:
    """The verb a time expression's token hangs on ("said on Tuesday" -> said)."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


@lru_cache(maxsize=1)
def _told_types() -> frozenset[str]:
    from fullpicture._data import data_toml

    told = data_toml("events", "incidents.toml").get("told_about", {}).get("types", [])
    return frozenset(str(t).upper() for t in told)


def _dates_event_noun(tok: Token, verb: Token) -> bool:
    """The time expression at ``tok`` hangs on a happening's noun below ``verb`` ("a February 14
    attack", "the bombing on Monday"): it dates that happening, not the verb. A speech act's
    noun ("made a statement on Tuesday") is part of the report and dates nothing else."""
    nouns = event_lexicon(tok.doc.lang_ or "en").nouns
    cur = tok.head
    while cur.i != verb.i:
        kind = nouns.get(cur.lemma_.lower()) if cur.pos_ == "NOUN" else None
        if kind is not None:
            return kind.upper() not in _told_types()
        if cur.head.i == cur.i:  # the root; spaCy makes a new Token per access, so never `is`
            break
        cur = cur.head
    return False


def _dates_report(tok: Token, trig: Token, head: Token) -> bool:
    """The time expression at ``tok`` modifies a reporting verb whose content holds the event:
    "the army said on Tuesday 20 soldiers had been killed", "Russia claimed Monday that 63 were
    killed in the attack", "20 were killed, officials said on Tuesday"."""
    verb = _governor(tok)
    if verb.pos_ not in ("VERB", "AUX") or trig.i == verb.i:
        return False
    if _dates_document(verb, trig):
        return True  # "said in a report released Thursday": the report's day
    if verb.dep_ in _POSTPOSED and verb.head.i < verb.i:
        return _postposed_report(tok, trig, verb)
    if head.i == verb.i:
        return _reported_noun(tok, trig, verb)
    if _dates_event_noun(tok, verb):
        return False  # "claimed responsibility for a February 14 attack": the attack's day
    if verb.lemma_.lower() not in _report_verbs(trig.doc.lang_):
        return False
    cur = head
    for _ in range(12):
        if cur.head.i == cur.i:
            return False
        if cur.head.i == verb.i:
            return cur.dep_ in _REPORT_PATH
        cur = cur.head
    return False


_NOUN_ARGS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass"})


def _reported_noun(tok: Token, trig: Token, verb: Token) -> bool:
    """The trigger is a happening's noun that the reporting ``verb`` (dated at ``tok``) takes as
    its object, or through a preposition: "the spokesman on Monday described the fall of the
    missile as the work of the defenders' guns", "commented on Tuesday on the strike", "the raid was
    condemned on Friday". The day is the statement's, told on or after the happening: an
    approximate date of it, never a stated one. A date inside the noun's own phrase ("commented
    on the strike of Sunday", "the March 3 raid") stays the happening's."""
    if trig.pos_ != "NOUN" or trig.i == verb.i or verb.lemma_.lower() not in _report_verbs(trig.doc.lang_):
        return False
    if trig.left_edge.i <= tok.i <= trig.right_edge.i or _dates_event_noun(tok, verb):
        return False
    if trig.head.i == verb.i:
        return trig.dep_ in _NOUN_ARGS or trig.dep_ in ("obl", "obl:arg")
    return trig.dep_ == "pobj" and trig.head.dep_ == "prep" and trig.head.head.i == verb.i


@lru_cache(maxsize=8)
def _document_nouns(language: str) -> frozenset[str]:
    """Nouns of a report, a document or a piece of evidence (the claims layer's cues)."""
    try:
        from fullpicture.nlp.claims._data import claim_lexicon

        lex = claim_lexicon(language or "en")
        return frozenset(lex.document_subjects | lex.evidence_subjects | lex.report_nouns)
    except Exception:  # noqa: BLE001 - a language without claim cues
        return frozenset()


def _dates_document(verb: Token, trig: Token) -> bool:
    """``verb`` (the verb a time expression hangs on) is a participle or a relative clause of a
    report's or a document's noun that does not hold the event ("said in a report released
    Thursday", "в докладе, опубликованном в четверг"): the time is the report's."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl", "acl:relcl") or noun.i == verb.i or noun.i == trig.i:
        return False
    if verb.left_edge.i <= trig.i <= verb.right_edge.i:
        return False
    return noun.lemma_.lower() in _document_nouns(trig.doc.lang_)


# how parsers hang a reporting verb told after its content on that content: French "…, a indiqué
# dimanche le ministère" (parataxis), Russian "…, сообщило в воскресенье министерство" (dep)
_POSTPOSED = frozenset({"parataxis", "dep"})


def _postposed_report(tok: Token, trig: Token, verb: Token) -> bool:
    """The time expression at ``tok`` modifies a reporting ``verb`` told after what it reports,
    the parser hanging it on the content ("Cinq personnes ont été tuées dans des frappes, a indiqué
    dimanche le ministère, ... malgré la trêve"): its day dates the report, neither the content
    nor a happening noun the reporting clause governs (the truce, told as background)."""
    if _dates_event_noun(tok, verb) or verb.lemma_.lower() not in _report_verbs(trig.doc.lang_):
        return False
    content = verb.head
    cur = trig
    for _ in range(12):
        if cur.i in (verb.i, content.i):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _own_happening(noun: Token, trig: Token) -> bool:
    """``noun`` names a happening and is an argument of the event at ``trig`` (its subject or
    object, or the object of a preposition hung on it): "the raid ... killed nine", "nine were
    killed in the raid ...". A clause on such a noun tells the event's own time."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in event_lexicon(noun.doc.lang_ or "en").nouns:
        return False
    own = (trig.i, clause_head(trig).i)
    up = noun.head.head if noun.head.dep_ in ("prep", "agent") or noun.dep_ == "obl" else noun.head
    return noun.head.i in own or up.i in own


def _one_attack(noun: Token, trig: Token, a: int, b: int) -> bool:
    """The trigger is an attack's verb in a participle or relative clause hung on ``noun`` and
    the clause at tokens ``a``..``b`` hung on the same noun is an attack's verb too ("a missile
    launched by X that hit the clinic on Monday"): the two clauses tell one attack of what the
    noun names (its launch and its hit), so the other clause's date is the trigger's."""
    verbs = event_lexicon(trig.doc.lang_ or "en").verbs
    head = clause_head(trig)
    if head.dep_ not in _RELATIVE or head.head.i != noun.i or verbs.get(trig.lemma_.lower()) != "ASSAULT":
        return False
    return any(c.dep_ in _RELATIVE and a <= c.i < b and verbs.get(c.lemma_.lower()) == "ASSAULT"
               for c in noun.children)


def _dates_named_happening(tok: Token, trig: Token) -> bool:
    """The time expression at ``tok``, outside the trigger's clause, hangs on a verb that names no
    happening itself but whose object does, one of another type than the trigger's ("after
    claiming a rocket that hit the school had been shot down, the envoy tendered his resignation
    on Thursday": Thursday is the resignation's, not the downing's; session 25's patch, landed in
    session 26). A clause of that object is its happening's and keeps the date ("in 2004 a quake
    triggered a tsunami that killed thousands")."""
    verb = _governor(tok)
    if verb.pos_ not in ("VERB", "AUX") or verb.i == trig.i:
        return False
    lex = event_lexicon(trig.doc.lang_ or "en")
    if verb.lemma_.lower() in lex.verbs:
        return False
    mine = lex.verbs.get(trig.lemma_.lower()) if trig.pos_ in ("VERB", "AUX") else lex.nouns.get(trig.lemma_.lower())
    return any(c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and not c.left_edge.i <= trig.i <= c.right_edge.i
               and (kind := lex.nouns.get(c.lemma_.lower())) is not None and kind != mine
               for c in verb.children)


def _dates_other_happening(tok: Token, trig: Token, head: Token) -> bool:
    """The time expression at ``tok`` hangs on another happening's noun that is no argument of
    the event and does not hold it ("killing five in a region devastated by the tsunami of
    2004": the tsunami's year); a happening's noun that is an argument of the event ("the
    attack of 14 June killed ...") dates the event too."""
    nouns = event_lexicon(tok.doc.lang_ or "en").nouns
    own = (trig.i, head.i)
    cur = tok.head
    for _ in range(12):
        if cur.i in own:
            return False
        up = cur.head.head if cur.head.dep_ in ("prep", "agent") or cur.dep_ == "obl" else cur.head
        if (cur.pos_ == "NOUN" and cur.lemma_.lower() in nouns and cur.head.i not in own and up.i not in own
                and not cur.left_edge.i <= trig.i <= cur.right_edge.i):
            return True  # (an argument: the event's own noun or the object of its preposition)
        if cur.head.i == cur.i:  # the root; spaCy makes a new Token per access, so never `is`
            return False
        cur = cur.head
    return False


def _scheduled_apart(tok: Token, trig: Token, value: str) -> bool:
    """The time expression at ``tok`` (value ``value``) is a day after the report's, hung on an
    infinitive complement that does not hold ``trig``: "the council agreed to hold a session on
    Wednesday" (the session is still to come; the agreement was made before the report)."""
    verb = _governor(tok)
    if verb.dep_ != "xcomp" or not (verb.tag_ == "VB" or "Inf" in verb.morph.get("VerbForm", [])):
        return False
    if verb.left_edge.i <= trig.i <= verb.right_edge.i:
        return False
    day = report_day(tok.doc)
    return day is not None and _after(value, day)


_OPEN_CLOSE = {"«": "»", "“": "”", "„": "“"}


def _quoted(sent: Span) -> list[tuple[int, int]]:
    """Token ranges of the quotations of a sentence (« … », “ … ”, „ … “, " … ")."""
    out: list[tuple[int, int]] = []
    close: str | None = None
    start = 0
    text = token_arrays(sent.doc).text
    for i in range(sent.start, sent.end):
        word = text[i]
        if close is None and (word in _OPEN_CLOSE or word == '"'):
            close, start = _OPEN_CLOSE.get(word, '"'), i
        elif close is not None and word == close:
            out.append((start, i + 1))
            close = None
    return out


def event_date(doc: Doc, trig: Token, sent: Span, txs: list[tuple[int, str]],
               trail: list[tuple[int, str]] | None = None,
               scheduled: bool = False) -> tuple[str | None, str | None]:
    """``(date, source)``: a timex of the trigger's clause, else of its sentence (source ``sentence``),
    else the narrative reference date (``narrative``), else the publication date (``published``).

    A sentence timex that dates only a reporting verb of the event's clause gives the report's
    day as an approximate date (``narrative``). ``trail``: the narrative dates to inherit from
    (default: the time layer's; :func:`narrative_trail` leaves out background dates).
    ``scheduled``: a date after the report's day hung on an infinitive ("agreed to hold talks
    on Wednesday") dates only what that infinitive holds, not the agreement or the request
    around it (:func:`_scheduled_apart`)."""
    spans = _since_spans(sent, trig)
    # "after/before/following ..." and phrases of cause ("in response to the attack of 22 April")
    # date their own happening, never the event they modify; a happening inside one takes no
    # date from the clause it explains ("strikes on May 7 in retaliation for an attack")
    for a, b, owner in _units(sent):
        if owner >= 0:
            # a relative clause or participle hung on another noun dates its own happening
            # ("the raid to release hostages seized on 3 March": the hostages were seized then),
            # unless that noun is the event's own happening ("the raid, which began on Monday,
            # killed nine": the raid that killed them); a report's clause ("a report released
            # Thursday") is left to _dates_report: its day is the report's, an approximate date
            noun = doc[owner]
            if (owner != trig.i and not a <= trig.i < b and not _own_happening(noun, trig)
                    and noun.lemma_.lower() not in _document_nouns(doc.lang_)
                    and not _one_attack(noun, trig, a, b)):
                spans.append((a, b))
            continue
        if a <= trig.i < b:
            spans += [(sent.start, a), (b, sent.end)]
        else:
            spans.append((a, b))
    if spans:  # "since the war began in February 2022": the start of a span, not this event's time
        txs = [(i, v) for i, v in txs if not any(a <= i < b for a, b in spans)]
    k = bisect_left(txs, (sent.start, ""))
    own: list[tuple[int, str]] = []
    while k < len(txs) and txs[k][0] < sent.end:
        own.append(txs[k])
        k += 1
    head = clause_head(trig)
    report: str | None = None
    stated = []
    quotes = _quoted(sent)
    for i, v in own:
        if _birth_date(doc, i):
            continue  # "a man born in 1990 was hurt": his birth's year
        if any(a <= i < b and not a <= trig.i < b for a, b in quotes):
            continue  # « Hier soir, un missile a frappé la gare », a déclaré X: the quote's own day
        if _dates_other_happening(doc[i], trig, head):
            continue  # "in a region devastated by the tsunami of 2004": the tsunami's year
        if scheduled and _scheduled_apart(doc[i], trig, v):
            continue  # "agreed to hold talks on Wednesday": the talks' day, not the agreement's
        if _dates_report(doc[i], trig, head):
            report = report or v
        else:
            stated.append((i, v))
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    for i, v in stated:
        if lo <= i < hi:
            return v, "sentence"
    stated = [(i, v) for i, v in stated if not _dates_named_happening(doc[i], trig)]
    if stated:
        return min(stated, key=lambda x: (abs(x[0] - trig.i), x[0]))[1], "sentence"
    if report is not None:
        return report, "narrative"
    narrative = (doc._.fp_narrative or []) if trail is None else trail
    k = bisect_right([c for c, _ in narrative], trig.idx) - 1
    if k >= 0:
        return str(narrative[k][1]), "narrative"
    # no narrative date yet: the publication date, or the reference time inferred for an undated text
    day = report_day(doc)
    return (day, "published") if day else (None, None)


def report_day(doc: Doc) -> str | None:
    """The reference time of a document (the time layer's: its publication date, or the one
    inferred for an undated text), else its publication date."""
    fn = _reference_date_at()
    if fn is not None:
        try:
            ref = fn(doc, -1)
            if ref:
                return str(ref)
        except Exception:  # noqa: BLE001
            pass
    info = doc._.fp_info
    pub = getattr(info, "published", None) if info is not None else None
    return str(pub)[:10] if pub else None


_LABEL_DEPS = frozenset({"nmod", "compound", "npadvmod", "amod", "nummod", "poss"})


def _names_a_happening(tok: Token) -> bool:
    """The date whose first token is ``tok`` is written before a happening's noun as its label
    ("Hamas' Oct. 7 attack", "the 2020 war"): it names a recalled happening, told by that noun,
    and is no time of the story the next sentences inherit."""
    root = tok
    for _ in range(4):  # the date's own head inside its words ("Oct." of "Oct. 7")
        if root.dep_ in _LABEL_DEPS and root.head.i > root.i and root.head.pos_ in ("NUM", "PROPN") \
                and root.head.i - tok.i <= 3:
            root = root.head
        else:
            break
    noun = root.head
    return (root.dep_ in _LABEL_DEPS and noun.i > root.i and noun.pos_ == "NOUN"
            and noun.lemma_.lower() in event_lexicon(tok.doc.lang_ or "en").nouns)


def narrative_trail(doc: Doc, future: bool = True, labels: bool = True,
                    label_days: int = 0, recall_days: int = -1, list_days: int = 0) -> list[tuple[int, str]]:
    """The time layer's narrative reference times without those set inside a "since ..." phrase,
    a relative clause or an "after/before ..." unit: such a date belongs to a recalled or
    background happening ("a claim Biden echoed in his meeting on Wednesday", "since the war
    began in February 2022") and does not move the story's time for the sentences after it.
    ``future`` False: also without the days after the report's day (:func:`report_day`) told by
    a weekday or a relative day: "the council will meet on Wednesday" tells a happening still to
    come, and the sentences after it tell the story's own time, not that day's. ``labels`` False:
    also without the dates written before a happening's noun as its label ("launched in response
    to the Oct. 7 attack": :func:`_names_a_happening`) that end at least ``label_days`` days
    before the report's day (a recalled happening; "the Nov. 8 election" in a report of Nov. 10
    still sets the story's time). ``recall_days`` >= 0: also without a date that ends at least
    that many days before the report's day in a text whose first date does not: a recalled
    happening told in passing ("the four, freed on Saturday, had been abducted on 9 November.
    They were found in two flats.") dates its own sentence, and the next sentences go on in the
    story's time; a retrospective (its first date an old one) keeps them all (:func:`_recalled`).
    ``list_days`` > 0: also without the dates of a sentence whose stated days lie at least that many
    days apart, each ``recall_days`` or more before the report's day: a list of several past happenings ("the first on 3 May 2019, the last on 9 June
    2020") dates each item by its own date, and the sentences after the list tell no item's day
    (:func:`_list_sentences`)."""
    day = None if future else report_day(doc)
    lists = _list_sentences(doc, list_days, max(recall_days, 0)) if list_days > 0 else set()
    ref = report_day(doc) if not labels else None
    recall_ref = report_day(doc) if recall_days >= 0 else None
    first: str | None = None  # the text's first date: an old one makes a retrospective
    # the timexes that name no day number ("Wednesday", "tomorrow"): resolved after the report's
    # day, they are scheduled; a written date after it ("on September 13" in a report dated the
    # 12th, a time zone apart) stays
    named = {t.start for t in (doc._.fp_timexes or []) if not any(ch.isdigit() for ch in t.text)} if day else set()
    # a clock time with no day of its own ("at 9:37 pm") took its day from the time layer's
    # narrative: a day left out below is none of its own either
    clocks = {t.start for t in (doc._.fp_timexes or []) if t.type == "TIME" and t.anchor == "narrative"}
    dropped: set[str] = set()
    out = []
    for off, value in doc._.fp_narrative or []:
        if off in clocks and str(value)[:10] in dropped:
            continue
        if recall_ref is not None:
            first = first or str(value)
            if _recalled(str(value), first, recall_ref, recall_days):
                continue
        if day is not None and off in named and _after(str(value), day):
            continue
        span = doc.char_span(off, off + 1, alignment_mode="expand")
        if span is None or not len(span):
            out.append((off, value))
            continue
        tok = span[0]
        if _birth_date(doc, tok.i):
            continue
        if tok.sent.start in lists:
            dropped.add(str(value)[:10])
            continue
        if ref is not None and _before(str(value), ref, label_days) and _names_a_happening(tok):
            continue
        sent = tok.sent
        spans = [(a, b) for a, b, _ in _units(sent)] + _since_spans(sent, None)
        if not any(a <= tok.i < b for a, b in spans):
            out.append((off, value))
        else:
            dropped.add(str(value)[:10])
    return out


def _day_of(value: str) -> Any:
    """The first day of a TIMEX3 value naming a day or a month (None for anything else)."""
    from datetime import date

    try:
        if len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
            return date.fromisoformat(value[:10])
        if len(value) >= 7 and value[4:5] == "-" and value[5:7].isdigit():
            return date(int(value[:4]), int(value[5:7]), 1)
    except ValueError:
        return None
    return None


def _list_sentences(doc: Doc, days: int, old: int) -> set[int]:
    """The first tokens of the sentences whose stated days (or months) lie at least ``days`` days
    apart, each at least ``old`` days before the report's day: such a sentence lists several past
    happenings, none of whose days is the story's ("a note of last week says that on 2 March
    ..." names a recent day: no list)."""
    ref = report_day(doc)
    by_sent: dict[int, list[Any]] = {}
    for i, value in timex_positions(doc):
        d = _day_of(value)
        by_sent.setdefault(doc[i].sent.start, []).append(d if d is None or ref is None or _before(value, ref, old) else None)
    return {s for s, ds in by_sent.items()
            if len(ds) > 1 and None not in ds and (max(ds) - min(ds)).days >= days}


def _recalled(value: str, first: str, day: str, days: int) -> bool:
    """A narrative date ``value`` ends at least ``days`` days before the report's ``day`` while
    the text's first date ``first`` does not: a happening recalled in passing."""
    return _before(value, day, days) and not _before(first, day, days)


def _after(value: str, day: str) -> bool:
    """A narrative value (a day or a month) lies wholly after the day ``day`` (both ISO)."""
    n = 10 if len(value) >= 10 and value[7:8] == "-" else 7
    if len(value) < n or len(day) < n or not value[:4].isdigit():
        return False
    return value[:n] > day[:n]


def _before(value: str, day: str, days: int) -> bool:
    """A narrative value (a day, a month or a year) ends at least ``days`` days before the day
    ``day`` (ISO)."""
    from datetime import date, timedelta

    try:
        ref = date.fromisoformat(day[:10])
    except ValueError:
        return False
    cut = (ref - timedelta(days=days)).isoformat()
    if len(value) >= 10 and value[7:8] == "-":
        return value[:10] <= cut
    if len(value) >= 7 and value[4:5] == "-" and value[5:7].isdigit():
        return value[:7] < cut[:7]
    return value[:4].isdigit() and value[:4] < cut[:4]
