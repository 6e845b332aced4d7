"""What was hit, per side, in an incident's row, and the sides' dispute over it.

Each mention's ``target`` (nlp/events/_targets.py: the document's own words for what an attack
hit, with their class and kind) is a value of its side (``AlignedEvent.targets``). The sides
contest what was hit (a conflict of field ``target``) when a document of one side names mostly
civilian sites and none of its documents mostly military ones, while a document of another
side names mostly military sites. A document that names both alike (a strike on a base that
damaged nearby homes) tells no account either way, and a side's relay of the other side's
claim in a document about its own account does not make it agree. Words that label what was hit
rather than name another object (``[labels]`` of data/events/targets.toml: "a terrorist", "regime
targets") are weighed against a document's civilian words of its own only: the civilian people
(a person's label) or site (a site's label) another side names too (the journalist, the prison)
is the thing so labelled, not a second account. Sides that agree, and words of other kinds
(infrastructure, a building), never clash; a place that merely contains the target is no value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

from fullpicture._data import data_toml
from fullpicture.align._agents import account_side, claim_state, name_state, side_state
from fullpicture.align._heldsites import held_sites
from fullpicture.align._util import EntityIndex
from fullpicture.models import Analysis, Event
from fullpicture.models.comparison import Conflict, ConflictValue
from fullpicture.nlp.events._converted import conversions

_CLASH = ("civilian", "military")


class _Member(Protocol):
    side: str
    analysis: Analysis
    event: Event


def target_values(members: Sequence[_Member], unreal: frozenset[str] = frozenset(),
                  index: EntityIndex | None = None, side_of_state: dict[str, str] | None = None,
                  conversion_gap: int = 0, quoted_labels: bool = False,
                  speakers: bool = False, located: bool = False) -> list[ConflictValue]:
    """Every side's words for what was hit (one value per document and words), in order of the
    members; mentions of a modality in ``unreal`` (negated, planned ...) give none. With an
    ``index``, words told in a claim of another compared side's state are that side's account
    (``reported_by`` the reporting side: a wire's "the army said it struck a depot"), and words
    a state's side quotes from a state that is no compared side are no side's account, as with
    figures (:func:`account_side`). With a ``conversion_gap``, a member document's own telling of
    the place as turned into a military one is a value too (:func:`_converted_values`). With
    ``quoted_labels``, military words the document puts in quotation marks are the words of the
    compared side whose state the sentence names before the act (:func:`_quoted_owner`). With
    ``speakers``, words that are the speaker of a verb of speech are no value
    (:func:`_speaker_words`). With ``located`` (and a ``conversion_gap``), a place told as
    holding a military one is so too (:func:`._heldsites.held_sites`)."""
    out: list[ConflictValue] = []
    seen: set[tuple[str, int]] = set()
    for m in members:
        t = m.event.target
        doc = m.analysis.document.id
        if t is None or m.event.modality in unreal or (doc, t.start) in seen:
            continue
        seen.add((doc, t.start))
        side: str | None = m.side
        if index is not None:
            state = _sentence_speaker(m.analysis, m.event.trigger.start, m.event.source) \
                or claim_state(m.analysis, m.event.source, index)
            side = account_side(m.side, state, side_of_state or {})
        if side is None or (t.kind == "military" and _own_forces(m.analysis.text, t.start, t.end, side)):
            continue  # a side's own forces or posts, hit by the other side
        if speakers and _speaker_words(m.analysis, m.event, t.start, t.end):
            continue  # "... the shelling of the island, reports the army headquarters": the source
        if quoted_labels and t.kind == "military" and side == m.side:
            side = _quoted_owner(m.analysis, m.event, t.start, t.end, side_of_state or {}) or side
        out.append(ConflictValue(side=side, reported_by=m.side if side != m.side else None, value=t.text,
                                 document=doc, claim=m.event.source, start=t.start, end=t.end, field="target",
                                 category=t.category, kind=t.kind))
    if conversion_gap > 0 and index is not None:
        out.extend(_converted_values(members, out, index, side_of_state or {}, conversion_gap, located))
    return out


def _converted_values(members: Sequence[_Member], values: Sequence[ConflictValue], index: EntityIndex,
                      side_of_state: dict[str, str], gap: int, located: bool = False) -> list[ConflictValue]:
    """The places the row's documents tell as turned into or used as military ones ("the
    hospital had been turned into a firing position": nlp/events/_converted.py), where the place
    is of a civilian class some value of the row names, a site of no class ("the building") or
    the place aimed at ("the targeted site was a depot", where a mention of the row stands in
    that sentence or the one before):
    that account's label of the place (class ``[converted]`` of targets.toml, a military label),
    given to the side whose account the sentence tells, as words of what was hit are."""
    civil = {v.category for v in values if v.kind == "civilian"}
    if not civil:
        return []
    label = _converted_class()
    out: list[ConflictValue] = []
    seen: set[str] = set()
    for m in members:
        a = m.analysis
        doc = a.document.id
        if doc in seen:
            continue
        seen.add(doc)
        language = a.document.language or "en"
        for c in conversions(a.text, language, gap) + (held_sites(a.text, language, gap) if located else []):
            if c.aim and not any(c.context[0] <= k.event.trigger.start < c.context[1] for k in members
                                 if k.analysis.document.id == doc):
                continue  # "the target was ...": of the act its sentence, or the one before, tells
            if not c.aim and c.site_class not in civil and _kind(c.site_class) != "unspecified":
                continue
            claim = next((k.id for k in a.claims if k.start <= c.start < k.end), None)
            state = _sentence_speaker(a, c.start, claim) or claim_state(a, claim, index)
            side = account_side(m.side, state, side_of_state)
            if side is None:
                continue
            out.append(ConflictValue(side=side, reported_by=m.side if side != m.side else None,
                                     value=a.text[c.start:c.end], document=doc, claim=claim, start=c.start,
                                     end=c.end, field="target", category=label, kind="military"))
    return out


_SPEAKER_REACH = 4  # words between an inverted verb of speech and its speaker ("reports on Tuesday the staff")


def _speaker_words(a: Analysis, ev: Event, start: int, end: int) -> bool:
    """Whether the words at ``text[start:end]`` are who reports the act, not what it hit: a verb
    of speech (``[speech_forms]`` of targets.toml) right after them ("the army staff said"), or
    between the act's trigger and them at most a few words before them with no clause mark
    between verb and words (the inverted report: "..., сообщает во вторник главный штаб")."""
    text = a.text
    forms = _speech_forms().get(a.document.language or "en", frozenset())
    if not forms:
        return False
    after = text[end:end + 40].split()[:1]
    if after and after[0].strip(",.;:\"“”«»").lower() in forms:
        return True
    if ev.trigger.end > start:
        return False
    words = text[ev.trigger.end:start].split()[-_SPEAKER_REACH - 1:]
    for i, w in enumerate(words):
        if w.strip(",;:\"“”«»").lower() in forms and not any(c in " ".join(words[i + 1:]) for c in ",;:.()"):
            return True
    return False


_OPEN_QUOTES = ("«", "“", "\"", "„", "‘", "'")
_CLOSE_QUOTES = ("»", "”", "\"", "“", "’", "'")


def _quoted_owner(a: Analysis, ev: Event, start: int, end: int, side_of_state: dict[str, str]) -> str | None:
    """The compared side whose words the military words at ``text[start:end]`` are, when the
    document sets them in quotation marks ("the aircraft targeted a « terrorist group »") and the
    sentence names before the act a state that is a compared side ("l'aviation française
    visait"): an outlet quoting the doer's label does not take it as its own account. None else."""
    text = a.text
    if not (text[:start].rstrip().endswith(_OPEN_QUOTES) and text[end:].lstrip().startswith(_CLOSE_QUOTES)):
        return None
    pos = min(ev.trigger.start, start)
    lo = max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1, 0)
    state = name_state(text[lo:pos])
    return side_of_state.get(state) if state else None


@cache
def _converted_class() -> str:
    return str(data_toml("events", "targets.toml").get("converted", {}).get("class", "converted"))


@cache
def _kind(cls: str) -> str | None:
    kinds: dict[str, str] = data_toml("events", "targets.toml").get("kinds", {})
    return kinds.get(cls)


def _sentence_speaker(a: Analysis, pos: int, claim_id: str | None) -> str | None:
    """The state of the speaker the sentence of a trigger at ``pos`` names before a verb of speech
    that comes before the trigger ("Ruritania's guard claimed it was targeting a depot";
    ``[speech_forms]`` of targets.toml), where no claim of that sentence holds the trigger (a
    claim that began in an earlier sentence, a colon after an outlet's name, gives its account
    only to the words its own sentences tell); None else."""
    text = a.text
    start = max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1, 0)
    claim = next((c for c in a.claims if c.id == claim_id), None) if claim_id else None
    if claim is not None and claim.start >= start:
        return None  # the sentence's own claim
    forms = _speech_forms().get(a.document.language or "en", frozenset())
    lead = text[start:pos].split()
    verbs = [i for i, w in enumerate(lead) if w.strip(",;:\"“”«»").lower() in forms]
    return name_state(" ".join(lead[: verbs[-1]])) if verbs else None


@cache
def _speech_forms() -> dict[str, frozenset[str]]:
    data = data_toml("events", "targets.toml").get("speech_forms", {})
    return {lang: frozenset(w.lower() for w in words) for lang, words in data.items()}


_CLAUSE_MARKS = (",", ";", ":", ".", "(", ")", "\n", "—", "–", "\"", "«", "»", "“", "”")


def _own_forces(text: str, start: int, end: int, side: str) -> bool:
    """Whether the military words at ``text[start:end]`` are qualified as the forces or posts
    of the state of ``side`` itself ("IDF soldiers", "Israeli troops", "des soldats israéliens",
    "Ukrainian military posts" in that side's account): a side's own forces are hit by the other
    side, never what that side says its strike hit."""
    state = side_state(side)
    if state is None:
        return False
    before = text[max(0, start - 40):start]
    cut = max(before.rfind(c) for c in _CLAUSE_MARKS)
    words = before[cut + 1:].split()[-2:]
    after = text[end:end + 30].split()[:1]
    if after and after[0][:1].islower():
        words.append(after[0])
    return bool(words) and name_state(" ".join(words)) == state


@cache
def _classes() -> tuple[frozenset[str], frozenset[str]]:
    """The military classes that label what was hit ("a terrorist", "regime targets"), and the
    classes of people ("militants", "journalists")."""
    data = data_toml("events", "targets.toml")
    return (frozenset(data.get("labels", {}).get("classes", [])),
            frozenset(data.get("roles", {}).get("classes", [])))


def _sides(values: Sequence[ConflictValue]) -> tuple[set[str], set[str]]:
    """The sides with a document that names mostly civilian sites and none that names mostly
    military ones, and the sides with a document that names mostly military sites (where the
    document labels people or a site, civilian words of people or of a site of a class another
    side names too do not count against it)."""
    named: dict[str, set[str]] = {}
    for v in values:
        if v.kind == "civilian":
            named.setdefault(v.category or "", set()).add(v.side)
    shared = {c for c, sides in named.items() if len(sides) >= 2}
    labels, people = _classes()
    # (side, document, whether a person) of each label: a person's label names the people another
    # side names, a site's label the site
    labelled = {(v.side, v.document, v.category in people) for v in values
                if v.kind == "military" and v.category in labels}
    counts: dict[tuple[str, str], Counter[str]] = {}
    for v in values:
        if v.kind in _CLASH:
            c = counts.setdefault((v.side, v.document), Counter())
            c[v.kind or ""] += 1
            if v.kind == "civilian" and not (
                    v.category in shared and (v.side, v.document, v.category in people) in labelled):
                c["own"] += 1
    armed = {s for (s, _), c in counts.items() if c["military"] > c["own"]}
    civil = {s for (s, _), c in counts.items() if c["civilian"] > c["military"]} - armed
    return civil, armed


def target_conflict(values: Sequence[ConflictValue], cfg: dict[str, Any] | None = None) -> Conflict | None:
    """The sides' dispute over what was hit: a side whose documents name mostly civilian sites
    against a side one of whose documents names mostly military ones, with those sides' values
    of those kinds
    (None when no two sides clash, or when ``target_conflicts`` is off in the settings)."""
    if not (cfg or {}).get("target_conflicts", True):
        return None
    civil, armed = _sides(values)
    if not civil or not armed:
        return None
    return Conflict(field="target", values=[v for v in values if (v.side in civil and v.kind == "civilian")
                                            or (v.side in armed and v.kind == "military")])
