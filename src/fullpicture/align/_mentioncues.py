"""What the aligner reads of one event mention in its text: the blocking family of its type,
its sentence and lemma, whether it is told as definite ("the blast"), as apart from the story's
("in a separate attack"), bare, lasting or begun long ago (``_background``), said by someone,
its trigger's equivalence class and counter-terms, and the events whose every toll is zero.
Split from ``_eventfeat``, which builds the mention features from these and re-exports them."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from fullpicture.align._background import (
    told_begun,
    told_during,
    told_in_war,
    told_lasting,
    told_lasting_setting,
    told_launched,
    told_ongoing,
    told_war_start,
)
from fullpicture.align._equivalents import word_class
from fullpicture.align._incident_lex import (
    campaign_acts,
    lasting_kinds,
)
from fullpicture.align._util import country_code
from fullpicture.models import Analysis, Entity, Event


def type_family(event_type: str | None, groups: dict[str, list[str]]) -> str:
    """The blocking family of an event type (its PLOVER quad class, else the type itself)."""
    if not event_type:
        return "*"
    t = event_type.upper()
    for name, members in groups.items():
        if t in {m.upper() for m in members}:
            return name
    return t


def _background_flags(sent: str, trigger: tuple[int, int], lang: str, chars: int,
                      others: Sequence[int] = (), lemma: str = "", start_chars: int = 0) -> dict[str, bool]:
    """``begun``, ``lasting`` and ``lasting_setting`` of a mention (``_background``; all False
    when ``chars`` is 0). ``others``: where its sentence's other triggers start; ``lemma``: its
    trigger's (a lasting kind told going on is the war); ``start_chars``: how far a happening may
    lie from the phrase that tells it as the period's start (0: not read)."""
    if chars <= 0:
        return {"begun": False, "lasting": False, "lasting_setting": False}
    head = lemma.rsplit(" ", 1)[-1]
    kind = lemma in lasting_kinds() or head in lasting_kinds()
    whole = kind and lemma not in campaign_acts() and head not in campaign_acts()
    return {"begun": told_begun(sent, trigger, lang, chars),
            "lasting": told_lasting(sent, trigger, lang, chars, others),
            "lasting_setting": told_lasting_setting(sent, trigger, lang)
            or (start_chars > 0 and told_war_start(sent, trigger, lang, start_chars, kind))
            or (kind and (told_ongoing(sent, trigger, lang) or told_launched(sent, trigger, lang)))
            or (whole and told_during(sent, trigger, lang))
            or told_in_war(sent, trigger, lang, chars, others)}


def sentence_of(a: Analysis, ev: Event) -> str:
    """The evidence sentence of an event."""
    return a.text[ev.evidence.start : ev.evidence.end]


def lemma_of(ev: Event) -> str:
    """Trigger lemma (lower case), falling back to the trigger text."""
    return (ev.trigger.lemma or ev.trigger.text).strip().lower()


# the counts of a toll (``_zero_tolls``, read by the document join, ``_docjoin``)
_TOLL_COUNTS = frozenset({"killed", "injured"})
_DEFINITE = re.compile(r"(?:\b(?:the|this|that|these|those|its)|['’]s)\s+(?:[\w-]+\s+){0,2}$", re.I)


@functools.lru_cache(maxsize=8)
def _determiners(language: str) -> re.Pattern[str] | None:
    """The language's own determiners of a definite happening (``[anaphora] determiners`` of
    ``data/events/incidents.toml``: Russian and French demonstratives)."""
    from fullpicture._data import data_toml

    words = data_toml("events", "incidents.toml").get("anaphora", {}).get("determiners", {}).get(language, [])
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\s+(?:[\w-]+\s+){{0,2}}$", re.I)


def _definite(text: str, start: int, language: str = "en", trigger: str = "", lemma: str = "") -> bool:
    """A trigger in a definite noun phrase ("the blast", "Tuesday's deadly explosion", Russian
    "этого обстрела"): it refers back to a happening told before. An English verb (a trigger
    inflected away from its lemma other than as a plural) is none: "the rebels struck", "that the
    village was shelled" tell a happening, the determiner belongs to its subject."""
    before = text[max(0, start - 40) : start]
    own = _determiners(language.split("-")[0].lower())
    return bool((_DEFINITE.search(before) and not _verb_form(trigger, lemma))
                or (own is not None and own.search(before)))


def _verb_form(trigger: str, lemma: str) -> bool:
    """Whether an English trigger is inflected from its lemma other than as a noun's plural
    ("struck" of "strike", "shelled" of "shell"; not "strikes", "the shelling" lemmatised as itself)."""
    t, lem = trigger.strip().lower(), lemma.strip().lower()
    if not t or not lem or t == lem or " " in t:
        return False
    return t not in (lem + "s", lem + "es") and not (lem.endswith("y") and t == lem[:-1] + "ies")


@functools.lru_cache(maxsize=1)
def _distinct_cues() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str], re.Pattern[str]]:
    from fullpicture._data import data_toml

    data = data_toml("events", "incidents.toml").get("distinct", {})

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"

    openers = re.compile(rf"^\W*(?:{alt(data.get('openers', []))})\b", re.I)
    modifiers = re.compile(rf"\b(?:{alt(data.get('modifiers', []))})\s+(?:[\w-]+\s+){{0,2}}$", re.I)
    # "another person was rescued": one more of a count, no other happening
    counted = re.compile(rf"^\w+\s+(?:{alt(data.get('counted', []))})\b", re.I)
    # "rallies like those in Eastvale": a kind given by its examples
    examples = re.compile(rf"[^\w.;:]{{0,3}}(?:{alt(data.get('examples', []))})\b", re.I)
    return openers, modifiers, frozenset(w.lower() for w in data.get("lemmas", [])), counted, examples


def _distinct(a: Analysis, ev: Event) -> bool:
    """A happening told apart from the story's ("In a separate attack, ...", "another strike",
    an aftershock, a kind given by its examples: "protests such as those in Eastvale"):
    ``data/events/incidents.toml`` [distinct]."""
    openers, modifiers, lemmas, counted, examples = _distinct_cues()
    if lemma_of(ev) in lemmas or examples.match(a.text, ev.trigger.end, ev.evidence.end):
        return True
    t0 = ev.trigger.start
    sentence = a.text[ev.evidence.start : ev.evidence.end]
    lo = max(ev.evidence.start, t0 - 40)
    mod = modifiers.search(a.text[lo:t0])
    counted_at = -1
    if mod and (_COUNT_AFTER.match(mod.group(0)) or counted.match(mod.group(0))):
        counted_at = lo + mod.start()  # where the count's "another" stands
        mod = None  # "another 75 were injured", "another person rescued" add to a count of this happening
    # (the "another" of the mention's own count, "later on another three wounded died", is no other target)
    other = [m for m in _ANOTHER.finditer(sentence) if ev.evidence.start + m.end() - 7 != counted_at]
    return bool(openers.search(sentence) or other or mod)


_COUNTS = (r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|"
           r"several|few|many|dozens|hundreds)\b)")
_COUNT_AFTER = re.compile(rf"^\w+\s+{_COUNTS}", re.I)


# "attacked another UN school", "an air strike on another school": the sentence places its
# happening at another target ("another 20 were wounded" adds to a count, "another blow" is none;
# "later on another three died" counts more of the same happening's dead)
_ANOTHER = re.compile(r"\b(?:on|at|near|outside|inside|into|hit|hits|attacked|struck|bombed|shelled|targeted)"
                      rf"\s+another\b(?!\s+{_COUNTS})", re.I)


def _bare(ev: Event, events_in_sentence: int) -> bool:
    """The only event of its sentence, with no participants, place, figures or stated date."""
    return events_in_sentence == 1 and ev.date_source != "sentence" and not (
        ev.agents or ev.patients or ev.place or ev.figures)


def _is_country(ent: Entity) -> bool:
    """A country named as a place ("l'Algérie a annoncé", "Indian officials said")."""
    return ent.type in ("GPE", "LOC") and country_code(ent.name) is not None


def _has_speaker(a: Analysis, ev: Event) -> bool:
    """Whether the mention is told as said or done by someone: False when its trigger is the cue
    of a claim attributed to no one ("the man is accused of the shooting", "was declared dead")."""
    t0 = ev.trigger.start
    return not any(c.kind == "unsourced" and c.cue is not None and c.cue.start <= t0 < c.cue.end
                   for c in a.claims)


def _word_class(a: Analysis, ev: Event, language: str) -> str:
    """The equivalence class of the trigger, read with the words of its sentence around it."""
    t0, t1 = ev.trigger.start, ev.trigger.end
    before = a.text[max(ev.evidence.start, t0 - 80) : t0]
    after = a.text[t1 : min(ev.evidence.end, t1 + 80)]
    return word_class(lemma_of(ev), ev.trigger.text, before, after, language)


def _trigger_terms(a: Analysis, ev: Event) -> tuple[frozenset[str], frozenset[str]]:
    """The trigger's own words (text, lemma, cue terms on it) and the counter-terms of the
    framing cues that overlap it, lower case."""
    t0, t1 = ev.trigger.start, ev.trigger.end
    names = {ev.trigger.text.lower(), lemma_of(ev)}
    counters: set[str] = set()
    for cue in a.framing:
        if cue.start < t1 and t0 < cue.end and cue.counter_terms:
            names.add(cue.text.lower())
            counters.update(c.lower() for c in cue.counter_terms)
    return frozenset(names), frozenset(counters - names)


def _zero_tolls(a: Analysis) -> set[str]:
    """The events of ``a`` whose every figure of the killed or injured is a zero ("no one was
    killed or hurt")."""
    values: dict[str, list[float]] = {}
    for f in a.figures:
        if f.event and f.counts in _TOLL_COUNTS:
            values.setdefault(f.event, []).append(f.value or 0.0)
    return {e for e, vs in values.items() if not any(vs)}
