"""A speaker named inside a figure's own clause, or by the place of its office: whose account the count is.

"The ministry said ... a depot was hit during a raid that Baku says killed at least
14": the figure sits in the ministry's claim, but its own clause names another speaker, Baku,
whose count it is. The reporting clauses are language data (``data/figures/inner.toml``), read
alike for every state; the state is read from the inner speaker's words (``_agents.name_state``).

A claim whose speaker is a personal pronoun ("It said that 60 soldiers were killed") goes on
with the speaker of the claim just before it ("The defence ministry said ..."):
:func:`pronoun_state`. A speaker whose own words name a place ("the mayor of Lask") speaks for
the state that holds it, and a local authority that names none ("city authorities") for the state
of the row's place: :func:`speaker_place_state`, :func:`local_authority`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from fullpicture._data import language_words
from fullpicture.align._agents import claim_state, name_state, state_of
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex, claim_by_id
from fullpicture.models import Analysis, ClaimSource, Figure

_CLAUSE_END = re.compile(r"[.!?;\n]\s")


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "inner.toml").get("inner", {})
    return {lang: tuple(re.compile(p) for p in ps) for lang, ps in data.items()}


def pronoun_state(a: Analysis, claim_id: str | None, index: EntityIndex, reach: int) -> str | None:
    """The state a claim whose speaker is a personal pronoun, or a bare noun of an institution
    ("the ministry"; ``inner.toml`` [anaphoric_speakers]), speaks for ("It said that ..."): that
    of the nearest claim before it, ending at most ``reach`` characters before it, whose speaker is
    no pronoun ("The defence ministry said ..."), the speaker going on; None for any other claim,
    or where that claim's speaker names no state (the pronoun's own link then stands)."""
    claim = claim_by_id(a, claim_id)
    words = (language_words("figures", "inner.toml", "pronoun_speakers", a.document.language)
             | language_words("figures", "inner.toml", "anaphoric_speakers", a.document.language))
    if reach <= 0 or claim is None or claim.source is None or (claim.source.text or "").strip().lower() not in words:
        return None
    before = [c for c in a.claims if c.source is not None and c.kind != "naming" and c.id != claim.id
              and c.start < claim.start and claim.start - c.end <= reach
              and (c.source.text or "").strip().lower() not in words]
    if not before:
        return None
    last = max(before, key=lambda c: (c.start, c.end))
    return claim_state(a, last.id, index)


def inner_state(a: Analysis, f: Figure, reach: int = 160) -> str | None:
    """The state that a reporting clause inside the figure's own sentence, just before the figure,
    names as its speaker ("that Baku says killed", "qui, selon Erevan, a fait"); None when no such
    clause (within ``reach`` characters, in the figure's sentence) names a state."""
    pats = _patterns().get(a.document.language or "en", ())
    if not pats:
        return None
    before = a.text[max(0, f.start - reach) : f.start]
    ends = list(_CLAUSE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    for pat in pats:
        hit = pat.search(before)
        if hit is not None:
            state = name_state(hit.group("who"))
            if state:
                return state
    return None


_RUBRIC_PART = re.compile(r"[\s\-–/,]+")


def rubric_speaker(a: Analysis, claim_id: str | None) -> bool:
    """Whether a claim's speaker is a headline's rubric ("Freedonia: three colonels dead near Lask",
    "Freedonia-Ruritania: eight dead in strikes"): a line that opens with names of states only,
    followed by a colon, tells the story's country, not who said what follows (the outlet's own
    words, or a speaker the line names after it)."""
    src, _ = _speaker(a, claim_id)
    if src is None or src.start is None or src.end is None:
        return False
    opens = src.start == 0 or a.text[max(0, src.start - 1)] == "\n"
    if not opens or not a.text[src.end : src.end + 2].lstrip().startswith(":"):
        return False
    parts = [p for p in _RUBRIC_PART.split(src.text or "") if p]
    return bool(parts) and all(name_state(p) for p in parts)


def speaker_place_state(a: Analysis, claim_id: str | None, index: EntityIndex) -> str | None:
    """The state a claim's speaker speaks for by the place its own words name ("X, the head of the
    Lask city council"; "le maire de Lask"): the one state of the places (``_agents.state_of``)
    mentioned inside the speaker's words; None where they name none or several, where a place lies
    in contested territory, where the words tell an installed office or an occupation
    (``inner.toml`` [installed_office]: "the occupation head of the Lask region"), or where the
    speaker only stands at the place ([not_office]: "our correspondent in Lask", "a resident")."""
    src, words = _speaker(a, claim_id)
    if src is None or src.start is None or src.end is None:
        return None
    lang = a.document.language
    if _says(words, lang, "installed_office") or _says(words, lang, "not_office", lead=True):
        return None
    states = set()
    for ent in a.entities:
        if ent.type in ("GPE", "LOC") and any(src.start <= x.start < src.end for x in ent.mentions):
            states.add(state_of(index.entity(a.document.id, ent.id) or ent))
    return states.pop() if len(states) == 1 else None


def local_authority(a: Analysis, claim_id: str | None) -> bool:
    """Whether a claim's speaker is the local authority of the struck place without naming it
    ("city authorities", "по информации городских властей", "la mairie"; ``inner.toml``
    [local_authorities]), and tells no installed office ([installed_office])."""
    src, words = _speaker(a, claim_id)
    lang = a.document.language
    if not words.strip() or _says(words, lang, "installed_office"):
        return False
    return _says(words, lang, "local_authorities", lead=True) or titled_local(a, src)


_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def titled_local(a: Analysis, src: ClaimSource | None) -> bool:
    """Whether a speaker told by a name alone ("Arvo said ...") was given a local authority's
    title where the document named that person before ("regional Governor Lena Arvo",
    "губернатора области Ивана Арво"; ``inner.toml`` [local_titles]): the same person, speaking
    for the struck place. The name's last word is matched as a word start in the text before the
    speaker (a Russian or Ukrainian surname in another case keeps its first letters), with at most
    six words between the title and it, each capitalised (a first name, the region's name) or a
    word of ``inner.toml`` [title_links] ("of the region")."""
    if src is None or src.start is None:
        return False
    words = (src.text or "").split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and _NAME_WORD.match(w) for w in words):
        return False
    last = _POSSESSIVE.sub("", words[-1])
    if len(last) < 3:
        return False
    stem = last if last.isascii() else last[: max(3, len(last) - 2)]
    lang = a.document.language
    titles = language_words("figures", "inner.toml", "local_titles", lang)
    links = language_words("figures", "inner.toml", "title_links", lang)
    if not titles:
        return False
    for hit in _titled_pattern(tuple(sorted(titles)), stem).finditer(a.text[: src.start]):
        between = hit.group("between").replace(",", " ").split()
        if all(w[:1].isupper() or w.lower() in links for w in between):
            return True
    return False


@functools.lru_cache(maxsize=256)
def _titled_pattern(titles: tuple[str, ...], stem: str) -> re.Pattern[str]:
    """A title, then up to six words (no sentence end), then a word opening with ``stem``."""
    alts = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    tail = r"(?!\w)" if stem.isascii() else r"\w*"
    return re.compile(r"(?<!\w)(?:" + alts + r")\w*(?P<between>(?:[\s,]+[^\s.!?;]+){0,6}?)[\s,]+"
                      + re.escape(stem) + tail, re.I)


def _speaker(a: Analysis, claim_id: str | None) -> tuple[ClaimSource | None, str]:
    """A claim's speaker span and its words, lower-cased, one space apart, with a space at each
    end so that a word list entry can be matched from a word's start ("" without a speaker)."""
    claim = claim_by_id(a, claim_id)
    src = claim.source if claim is not None else None
    return src, (" " + " ".join((src.text or "").lower().split()) + " " if src is not None else "")


def _says(words: str, language: str | None, table: str, lead: bool = False) -> bool:
    """Whether the speaker's ``words`` (:func:`_speaker`) hold an entry of ``inner.toml`` [table];
    ``lead``: only from the start of a word."""
    return any((f" {w}" if lead else w) in words for w in language_words("figures", "inner.toml", table, language))


def row_place_state(members: Sequence[Member], index: EntityIndex) -> str | None:
    """The state that holds the row's place: the state most of its mentions' places name (ties:
    none); None where none names one (a place in contested territory names none)."""
    states = Counter(st for m in members if m.event.place
                     and (st := state_of(index.entity(m.analysis.document.id, m.event.place))))
    top = states.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
