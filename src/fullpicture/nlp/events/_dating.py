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
words of those units are language data (``data/events/background*.toml``); the units are found by
:mod:`fullpicture.nlp.events._sentunits`, the inherited trail by :mod:`fullpicture.nlp.events._trail`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.events._asof import asof_date
from fullpicture.nlp.events._data import event_lexicon
from fullpicture.nlp.events._modality import clause_head
from fullpicture.nlp.events._sentunits import (
    _RELATIVE,
    _birth_date,
    _since_spans,
    _units,
    deadline_date,
    deadline_state,
)
from fullpicture.nlp.events._trail import _after, report_day

_REPORT_PATH = frozenset({"ccomp", "parataxis", "dobj", "obj", "advcl", "xcomp", "acl", "relcl", "prep", "pobj", "obl"})


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
               scheduled: bool = False, deadlines: bool = False,
               asofs: bool = False) -> tuple[str | None, str | None]:
    """``(date, source)``: a timex of the trigger's clause, else of its sentence (source ``sentence``),
    else the narrative reference date (``narrative``), else the publication date (``published``).

    A sentence timex that dates only a reporting verb of the event's clause gives the report's
    day as an approximate date (``narrative``). ``trail``: the narrative dates to inherit from
    (default: the time layer's; :func:`narrative_trail` leaves out background dates).
    ``scheduled``: a date after the report's day hung on an infinitive ("agreed to hold talks
    on Wednesday") dates only what that infinitive holds, not the agreement or the request
    around it (:func:`_scheduled_apart`). ``deadlines``: a date right after a word that ends a
    span or sets a deadline ("arrested until 25 January") dates no event of the sentence
    (:func:`~fullpicture.nlp.events._sentunits.deadline_date`). ``asofs``: a date that dates a
    count ("as of 9 March, 4,200 had fled", "по состоянию на 9 марта") dates no event of the
    sentence (:func:`~fullpicture.nlp.events._asof.asof_date`)."""
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
    held = False  # the clause's act is a present state held to a deadline ("have been arrested until")
    quotes = _quoted(sent)
    for i, v in own:
        if _birth_date(doc, i):
            continue  # "a man born in 1990 was hurt": his birth's year
        if deadlines and deadline_date(doc, i, trig):
            held = held or deadline_state(trig)
            continue  # "held until 25 January": a deadline, not the day of the holding
        if asofs and asof_date(doc, i):
            continue  # "as of 9 March, 4,200 had fled": the count's day, not the flight's
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
    day = report_day(doc)
    if held and day:
        # a present state held to a deadline ("the crew have been arrested until <date>") is told
        # as it stands at the report: the report's day, approximate, not the day the trail
        # carries from another sentence (the earlier happening that led to it)
        return day, "narrative"
    narrative = (doc._.fp_narrative or []) if trail is None else trail
    k = bisect_right([c for c, _ in narrative], trig.idx) - 1
    if k >= 0:
        return str(narrative[k][1]), "narrative"
    # no narrative date yet: the publication date, or the reference time inferred for an undated text
    return (day, "published") if day else (None, None)
