"""One actor, many names: organisations and armed groups named in several languages and by
acronyms (``data/align/actors.toml``).

An entity whose every mention is written as one of an actor's names ("ISIS", "Daech", "ИГИЛ",
"l'État islamique") is that actor: the cross-document entity index keys it by the actor, not by
its words, so that two sides naming one group in two languages name one agent. The match reads
the document's text around each mention, so a name the parser cut short ("État" of "État
islamique") or tagged as a place or a person ("groupe Wagner") is still found; a person or a
gazetteer place is only taken when the name found is longer than its mention (a bare "Wagner"
tagged as a person may be anyone of that name). Descriptions a side chooses ("terrorists") are no
names and are never listed; states' armed forces are their state's actor (``_agents.name_state``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fullpicture.models import Analysis, Entity, Mention

_CYRILLIC_LOWER = "а-яёіїєґ"
_SEP = r"[\s«»\"“”„]+"  # between a name's words: spaces and quotes ("ЧВК «Вагнер»")
_LEAD = re.compile(r"^(?:(?:the|le|la|les|l['’]|al-|el-)\s*)?[\"«“„'’]*", re.I)
_TRAIL = re.compile(r"[\"»”'’.,;:]*$")
_STARTS = re.compile(r"(?<![^\W_])\S")  # no letter or digit before, no space at


@dataclass(frozen=True)
class Actor:
    """A known actor an entity names: its id, its state (None: no state's body), and for each
    matched mention the text as written and which of the actor's names it is (forms of one name
    in several languages are one name)."""

    id: str
    state: str | None
    surfaces: tuple[str, ...]
    names: tuple[int, ...]
    starts: tuple[int, ...] = ()  # the matched mentions' start offsets, in the order of ``surfaces``

    @property
    def surface(self) -> str:
        """The form the document writes most (the first on a tie)."""
        return Counter(self.surfaces).most_common(1)[0][0]

    def written(self, start: int) -> str | None:
        """The name as written of the mention that starts at ``start`` (None: no such mention)."""
        return next((s for s, k in zip(self.surfaces, self.starts, strict=True) if k == start), None)

    def name_key(self, surface: str) -> str:
        """A key equal for the forms of one name of this actor ("ISIS", "ИГИЛ", "EI") and
        different for its other names ("Daesh")."""
        for s, n in zip(self.surfaces, self.names, strict=True):
            if s == surface:
                return f"{self.id}#{n}"
        return f"{self.id}#{surface}"


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


def fold_accents(text: str) -> str:
    """``text`` with its accents dropped, letter for letter (same length, same case): "État" ->
    "Etat", "й" -> "и"; a character whose decomposition is not one letter stays as it is."""
    return text if text.isascii() else "".join(map(_fold_char, text))


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _word_pattern(word: str, endings: tuple[str, ...], reach: int) -> str:
    """The pattern of one word of a form (see the data file's header)."""
    if _acronym(word):
        forms = [re.escape(word)]
        if sum(c.isalpha() for c in word) >= 4 and word.isalpha():
            forms.append(re.escape(word[0] + word[1:].lower()))  # "Otan", "Kfor"
        case = f"(?:-?[{_CYRILLIC_LOWER}]{{1,{reach}}})?" if re.search("[А-ЯЁІЇЄҐ]", word) else ""
        return f"(?-i:(?:{'|'.join(forms)}){case})"
    low = word.lower()
    if re.search(f"[{_CYRILLIC_LOWER}]", low):
        stem = next((low[: -len(e)] for e in endings if low.endswith(e) and len(low) - len(e) >= 3), low)
        return f"{re.escape(stem)}[{_CYRILLIC_LOWER}]{{0,{reach}}}"
    return re.escape(low)


def _first_test(word: str) -> re.Pattern[str]:
    """What the first character of a word's pattern (:func:`_word_pattern`) matches, alone: the
    acronym's first, case-sensitive (both of its forms begin with it), else the lower-case
    word's first (its stem's too), as ``re.I``."""
    if _acronym(word):
        return re.compile(re.escape(word[0]))
    return re.compile(re.escape(word.lower()[0]), re.I)


@dataclass(frozen=True)
class _Table:
    branches: dict[str, list[tuple[str, str, re.Pattern[str]]]]  # language ("" for any other) -> the
    # alternation's branches in order: (group name, pattern, test of the first character)
    groups: dict[str, tuple[str, int]]  # group name -> (actor id, name index)
    states: dict[str, str | None]
    listed: dict[str, tuple[str, int]]  # a listed form, accents dropped, lower case -> (actor, name index)


@lru_cache(maxsize=1)
def _table() -> _Table:
    from fullpicture._data import data_toml

    data = data_toml("align", "actors.toml")
    infl = data.get("inflection", {})
    endings = tuple(sorted(infl.get("endings", []), key=len, reverse=True))
    reach = int(infl.get("max_ending", 3))
    forms: list[tuple[str, str, str, int]] = []  # (language, folded form, actor, name index)
    states: dict[str, str | None] = {}
    for actor, entry in data.get("actors", {}).items():
        states[actor] = entry.get("state")
        for k, name in enumerate(entry.get("names", [])):
            for lang, words in name.items():
                forms += [(lang, fold_accents(w), actor, k) for w in words]
    groups: dict[str, tuple[str, int]] = {}
    alts: dict[str, list[tuple[int, str, str, re.Pattern[str]]]] = {}  # language -> (length, group, pattern, first)
    langs = {f[0] for f in forms} | {""}
    for n, (lang, form, actor, k) in enumerate(forms):
        words = form.split()
        pattern = _SEP.join(_word_pattern(w, endings, reach) for w in words)
        group = f"f{n}"
        groups[group] = (actor, k)
        short = all(_acronym(w) for w in words)  # an acronym: only in its own languages
        for target in ([lang] if short else langs):
            alts.setdefault(target, []).append((len(form), group, pattern, _first_test(words[0])))
    branches = {}
    for lang, items in alts.items():
        items.sort(key=lambda x: -x[0])  # the longest name first at one position
        branches[lang] = [(g, p, first) for _n, g, p, first in items]
    listed = {form.lower(): (actor, k) for _lang, form, actor, k in forms}
    return _Table(branches=branches, groups=groups, states=states, listed=listed)


def _alternation(branches: list[tuple[str, str, re.Pattern[str]]]) -> re.Pattern[str]:
    """One pattern of ``branches`` in their order, each a named group, between non-letters."""
    body = "|".join(f"(?P<{g}>{p})" for g, p, _first in branches)
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.I)


@lru_cache(maxsize=4096)
def _pattern_at(lang: str, ch: str) -> re.Pattern[str] | None:
    """The alternation of ``lang``'s names restricted to the branches whose first character
    matches ``ch`` (None: none does). At a position holding ``ch`` it matches what the whole
    alternation matches, with the same group: the branches left out cannot match there, and
    those kept are tried in the same order."""
    kept = [b for b in _table().branches[lang] if b[2].fullmatch(ch)]
    return _alternation(kept) if kept else None


def name_starts(folded: str) -> list[int]:
    """The offsets of ``folded`` where a listed name may begin: no letter or digit before, no
    space at (every form's first character is a word's first)."""
    return [m.start() for m in _STARTS.finditer(folded)]


def _core(text: str, m: Mention) -> tuple[int, int]:
    """The mention's span without a leading article or quote and trailing punctuation."""
    lead = _LEAD.match(m.text)
    start = m.start + (lead.end() if lead else 0)
    trail = _TRAIL.search(m.text[start - m.start :])
    end = m.end - (len(trail.group()) if trail else 0)
    return (start, end) if start < end else (m.start, m.end)


def _match(lang: str, folded: str, starts: list[int], text: str, m: Mention,
           groups: dict[str, tuple[str, int]]) -> tuple[str, int, str, bool] | None:
    """(actor, name index, text as written, longer than the mention) of the longest listed name
    that covers the mention; None when none does. The names are found as ``finditer`` of the
    language's whole alternation over 40 characters before to 60 after the mention finds them
    (left to right, a match's characters not read again), tried only at ``starts``
    (:func:`name_starts` of ``folded``) with the branches that can begin there."""
    start, end = _core(text, m)
    lo, hi = max(0, start - 40), min(len(folded), end + 60)
    best: tuple[str, int, str, bool] | None = None
    width = -1
    at = lo  # the first offset not read by a match yet
    for q in starts[bisect_left(starts, lo) : bisect_right(starts, start)]:
        pattern = _pattern_at(lang, folded[q]) if at <= q < hi else None
        hit = pattern.match(folded, q, hi) if pattern is not None else None
        if hit is None:
            continue
        at = hit.end()
        if hit.end() < end or hit.end() - hit.start() <= width or hit.lastgroup is None:
            continue
        actor, k = groups[hit.lastgroup]
        width = hit.end() - hit.start()
        best = (actor, k, text[hit.start() : hit.end()], hit.start() < start or hit.end() > end)
    return best


def entity_actor(a: Analysis, ent: Entity, folded: str | None = None, starts: list[int] | None = None
                 ) -> Actor | None:
    """The known actor ``ent`` names in ``a``: every mention of it (those inside a longer name
    aside) is written as a name of one actor; a person or a gazetteer place only when some name
    found is longer than its mention ("groupe Wagner", "État islamique"). ``folded``: the
    document's text with its accents dropped (:func:`fold_accents`), and ``starts`` its
    :func:`name_starts`, when already made."""
    table = _table()
    lang = getattr(a.document, "language", None) or "en"
    lang = lang if lang in table.branches else ""
    mentions = [m for m in ent.mentions if not m.embedded]
    if not mentions:
        return None
    text = getattr(a, "text", "") or ""
    folded = fold_accents(text) if folded is None else folded
    starts = name_starts(folded) if starts is None else starts
    hits = []
    for m in mentions:
        if text[m.start : m.end] == m.text:
            hit = _match(lang, folded, starts, text, m, table.groups)
        else:  # no text to read around the mention: the mention alone
            alone = fold_accents(m.text)
            hit = _match(lang, alone, name_starts(alone), m.text,
                         m.model_copy(update={"start": 0, "end": len(m.text)}), table.groups)
        if hit is None:
            return None
        listed = table.listed.get(fold_accents(m.base).lower()) if m.base and not hit[3] else None
        if listed is not None and listed[0] == hit[0]:  # an inflected name counts as its listed dictionary form
            hit = (hit[0], listed[1], str(m.base), False)
        hits.append(hit)
    if len({h[0] for h in hits}) != 1:
        return None
    if (ent.type == "PERSON" or ent.geo is not None) and not any(h[3] for h in hits):
        return None
    actor = hits[0][0]
    return Actor(id=actor, state=table.states.get(actor), surfaces=tuple(h[2] for h in hits),
                 names=tuple(h[1] for h in hits), starts=tuple(m.start for m in mentions))


def actors_of(analyses: Any) -> dict[tuple[str, str], Actor]:
    """(document id, entity id) -> the known actor of every entity that names one."""
    out: dict[tuple[str, str], Actor] = {}
    for a in analyses:
        folded: str | None = None
        starts: list[int] = []
        for ent in a.entities:
            if ent.type in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
                continue
            if folded is None:
                folded = fold_accents(getattr(a, "text", "") or "")
                starts = name_starts(folded)
            actor = entity_actor(a, ent, folded, starts)
            if actor is not None:
                out[(a.document.id, ent.id)] = actor
    return out
