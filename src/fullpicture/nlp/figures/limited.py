"""``fp_limited_figures``: casualty figures of a document read by the limited pipeline.

For a language with word lists (``data/lang/word_lists.toml``) the figures are numbers beside
a counted word of ``data/figures/limited.<family>.toml`` ("50 povređenih", "uhapšeno četvoro",
"más de 20 heridos"); a number that counts nothing listed is left out. A language with figure
word lists only (``[figures_only]``: Turkish, Azerbaijani, Armenian) gets the same counted
figures, and keeps the other numbers of ``fp_figures`` that are no day of a written date (its
lists are short: a number they do not read stays as before, counting nothing). Other languages
keep the figures of ``fp_figures``. ``event`` is filled by ``fp_limited_events``.

Reads: the text, ``doc._.fp_info.language``, the zones. Writes: ``doc._.fp_figures``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fullpicture._data import data_toml
from fullpicture.models import Figure
from fullpicture.nlp.extensions import synced
from fullpicture.nlp.figures._data import bounds
from fullpicture.nlp.figures.component import claim_for
from fullpicture.nlp.lang.words import (
    Word,
    dates,
    figures_only,
    fold,
    month_first,
    month_names,
    read,
    starts_with_any,
    without_clitic,
    word_list_doc,
)
from fullpicture.nlp.zones import NON_STORY_ZONES, zone_kind_at

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True)
class CountLexicon:
    """A family's number words, vague words, approximators, counted words and populations."""

    numbers: dict[str, float]
    vague: dict[str, float]
    approximators: dict[tuple[str, ...], str]
    counts: dict[str, str]
    populations: dict[str, str]
    window: int
    max_ending: int
    thousands: str
    family: str = ""
    # reach of the count when the number's next word names who is counted ("25 vojnika iz
    # mirovne misije povređeno", "povrede je zadobilo 52 demonstranta")
    window_named: int = 0
    before_named: int = 2
    # word starts that, right after a number, make it a measure, not a count ("76 yaşlı": an age)
    measures: tuple[str, ...] = ()
    # words that join a number to the figure before it ("ranjen je 41 vojnik, te više od 50 Srba")
    coordinators: frozenset[str] = frozenset()
    coordination_reach: int = 16


@lru_cache(maxsize=8)
def count_lexicon(family: str) -> CountLexicon:
    """``data/figures/limited.<family>.toml``."""
    d = data_toml("figures", f"limited.{family}.toml")
    s = d.get("settings", {})
    return CountLexicon(
        numbers={k: float(v) for k, v in d["numbers"].items()},
        vague={k: float(v) for k, v in d["vague"].items()},
        approximators={tuple(k.split()): str(v) for k, v in d["approximators"].items()},
        counts=dict(d["counts"]), populations=dict(d.get("populations", {})),
        window=int(s.get("window", 4)), max_ending=int(s.get("max_ending", 6)), thousands=str(s.get("thousands", ".")), family=family,
        window_named=int(s.get("window_named", s.get("window", 4))), before_named=int(s.get("before_named", 2)),
        measures=tuple(d.get("measures", {}).get("starts", ())),
        coordinators=frozenset(d.get("coordination", {}).get("words", ())),
        coordination_reach=int(d.get("coordination", {}).get("reach", 16)),
    )


def _value(w: Word, lex: CountLexicon) -> tuple[float, bool] | None:
    """(value, vague) of a number word, digits or vague word."""
    digits = w.folded  # folded: Eastern Arabic digits are digits
    if _DIGITS.match(digits):
        if _YEAR.match(digits):
            return None
        text = digits.replace(lex.thousands, "") if re.search(rf"\{lex.thousands}\d{{3}}$", digits) else digits
        try:
            return float(text.replace(",", ".")), False
        except ValueError:
            return None
    word = without_clitic(w.folded, lex.family, {**lex.numbers, **lex.vague})
    if word in lex.numbers:
        return lex.numbers[word], False
    if word in lex.vague:
        return lex.vague[word], True
    return None


# a clock time's hour ("8:" before its minutes) or minutes (after "8:" or "8h")
_CLOCK_AFTER = re.compile(r"^[:h]\d\d(?!\d)")
_CLOCK_BEFORE = re.compile(r"(?<!\d)\d{1,2}[:h]$")


def _clock_part(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``text[start:end]`` are the hour or the minutes of a clock time
    ("9:15", "9h15")."""
    return bool(text[start:end].isdigit() and (_CLOCK_AFTER.match(text[end : end + 4])
                                               or _CLOCK_BEFORE.search(text[max(0, start - 3) : start])))


_BREAK = re.compile(r"[,;:()\u2013\u2014\u060c\u061b]")


def _counted(text: str, ws: list[Word], sent: list[int], i: int, first: int, lex: CountLexicon) -> tuple[int, str] | None:
    """The counted word nearest to the number ``ws[i]`` (approximator from ``ws[first]``) in
    its clause: up to ``window`` words after it, or two before the approximator. When the next
    word names who is counted ("25 vojnika"), the count may stand further: up to
    ``window_named`` words after the number, or ``before_named`` words before it."""
    def clause(a: int, b: int) -> bool:  # no clause break between words a < b
        return sent[a] == sent[b] and not _BREAK.search(text[ws[a].end:ws[b].start])

    named = i + 1 < len(ws) and clause(i, i + 1) and bool(
        starts_with_any(ws[i + 1].folded, lex.populations, lex.max_ending, lex.family))
    window, reach = (max(lex.window, lex.window_named), max(2, lex.before_named)) if named else (lex.window, 2)
    after = [k for k in range(i + 1, min(len(ws), i + 1 + window)) if clause(i, k)]
    before = [k for k in range(first - 1, first - 1 - reach, -1) if k >= 0 and clause(k, i)]
    found = []
    for dist, k in [*((k - i, k) for k in after), *((first - k, k) for k in before)]:
        key = starts_with_any(ws[k].folded, lex.counts, lex.max_ending, lex.family)
        if key:
            found.append((dist, k > i, k, lex.counts[key]))
    for k in after:  # another number comes first: what follows it is its count
        if _value(ws[k], lex) is not None:
            found = [f for f in found if not (f[1] and f[2] > k)]
            break
    if not found:
        return None
    _, _, k, label = min(found, key=lambda f: (f[0], not f[1]))
    return k, label


def _population(ws: list[Word], sent: list[int], i: int, lex: CountLexicon) -> str | None:
    """The population label (``[populations]``) of the first word naming who is counted, at most
    ``window`` words after the number ``ws[i]`` in its sentence ("30 vojnika", "disa ushtarë")."""
    for k in range(i + 1, min(len(ws), i + 1 + lex.window)):
        if sent[k] != sent[i]:
            break
        key = starts_with_any(ws[k].folded, lex.populations, lex.max_ending, lex.family)
        if key:
            return str(lex.populations[key])
    return None


def find_counts(text: str, family: str) -> list[tuple[int, int, float, bool, str | None, str, int]]:
    """``(start, end, value, vague, bound, counts, counted word start)`` of each figure in ``text``."""
    return [fig for fig, _ in find_figures(text, family)]


def find_figures(text: str, family: str) -> list[tuple[tuple[int, int, float, bool, str | None, str, int], str | None]]:
    """Each figure of :func:`find_counts` with the population label of who it counts (None when
    its words name nobody: "50 povređenih")."""
    lex = count_lexicon(family)
    reading = read(text, family)
    ws, sent = reading.words, reading.sentence
    in_date = _date_words(ws, family)
    out = []
    last: tuple[int, tuple[int, str]] | None = None  # the last figure's number and its count
    respective: dict[int, tuple[int, str]] = {}  # a later number's count, read respectively
    shared: dict[int, str | None] = {}  # and the bound it shares with the first ("не менше N та M")
    for i, w in enumerate(ws):
        got = None if i in in_date else _value(w, lex)
        if got is None:
            continue
        value, vague = got
        if i + 1 < len(ws) and ws[i + 1].folded in lex.vague and sent[i + 1] == sent[i]:
            continue  # "nekoliko desetina": the second word is the quantity
        if i + 1 < len(ws) and sent[i + 1] == sent[i] and ws[i + 1].folded.startswith(lex.measures or ("\0",)):
            continue  # "76 yaşlı", "82մմ": an age or a measure counts no one
        if _clock_part(text, w.start, w.end):
            continue  # "о 9:15": the hour or the minutes of a clock time, no count
        start, bound, first = w.start, None, i
        for n in range(3, 0, -1):
            before = tuple(x.folded for x in ws[max(0, i - n):i])
            if len(before) == n and before in lex.approximators and all(sent[i - m] == sent[i] for m in range(1, n + 1)):
                bound, start, first = lex.approximators[before], ws[i - n].start, i - n
                break
        counted = _counted(text, ws, sent, i, first, lex) or _coordinated(ws, sent, i, first, lex, last)
        if i in respective:  # the second number of "killed and wounded: N and M"
            counted, bound = respective.pop(i), bound or shared.pop(i, None)
        elif counted is not None:
            pair = _respectively(ws, sent, i, counted[0], lex)
            if pair is not None:  # "killed and wounded: N and M": N the first count, M the second
                counted, respective[pair[1]], shared[pair[1]] = pair[0], counted, bound
        if counted is None:
            continue
        last = (i, counted)
        out.append(((start, w.end, value, vague, bound, counted[1], ws[counted[0]].start), _population(ws, sent, i, lex)))
    return out


def _coordinated(ws: list[Word], sent: list[int], i: int, first: int, lex: CountLexicon,
                 last: tuple[int, tuple[int, str]] | None) -> tuple[int, str] | None:
    """The count of the figure before the number ``ws[i]`` (approximator from ``ws[first]``) when
    a coordinator joins the two in one sentence and the number's next word names who is counted:
    both share one verb ("povređen je 41 vojnik, te više od 50 Srba", "ubijen je jedan policajac i
    tri napadača")."""
    if last is None or first == 0 or ws[first - 1].folded not in lex.coordinators:
        return None
    j, counted = last
    if sent[j] != sent[i] or i - j > lex.coordination_reach or i + 1 >= len(ws) or sent[i + 1] != sent[i]:
        return None
    named = starts_with_any(ws[i + 1].folded, lex.populations, lex.max_ending, lex.family)
    return counted if named else None


def _respectively(ws: list[Word], sent: list[int], i: int, k: int,
                  lex: CountLexicon) -> tuple[tuple[int, str], int] | None:
    """Two counted words joined by a coordinator before two numbers joined by one ("загинули та
    поранені щонайменше 6 та 20", "poginulo i ranjeno 3 i 12"): the first number counts the first
    word, the second number (its index returned) the second. ``k``: the counted word found for
    the number ``ws[i]`` (the second of the two words)."""
    if not (k < i and k >= 2 and ws[k - 1].folded in lex.coordinators and sent[k - 2] == sent[i]):
        return None
    key = starts_with_any(ws[k - 2].folded, lex.counts, lex.max_ending, lex.family)
    if not key or i + 2 >= len(ws) or ws[i + 1].folded not in lex.coordinators or sent[i + 2] != sent[i]:
        return None
    if _value(ws[i + 2], lex) is None:
        return None
    return (k - 2, lex.counts[key]), i + 2


def _date_words(ws: list[Word], family: str) -> set[int]:
    """Indices of the words of written dates: day, month and year ("14 iyul 2020"), and in a
    family whose dates may put the month first, the day number right after a month name
    ("հուլիսի 14-ին", "iyulun 14-də")."""
    out = {k for a, b, _ in dates(ws, family, dt.date(2000, 1, 1)) for k in range(a, b)}
    if month_first(family):
        months = month_names(family)
        out |= {i for i in range(1, len(ws)) if _DIGITS.match(ws[i].text) and len(ws[i].text) <= 2
                and starts_with_any(ws[i - 1].folded, months, 5, family)}
    return out


def date_spans(text: str, family: str) -> list[tuple[int, int]]:
    """Character spans of the written dates' words in ``text`` (see :func:`_date_words`)."""
    ws = read(text, family).words
    return [(ws[k].start, ws[k].end) for k in sorted(_date_words(ws, family))]


@dataclass(frozen=True)
class PartWords:
    """A family's words that make a figure a part of a count told beside it, or a count that
    breaks down into parts (``[parts]`` of ``data/figures/limited.<family>.toml``)."""

    after: frozenset[tuple[str, ...]]  # right after the number: "jedan od ozlijeđenih"
    before: frozenset[tuple[str, ...]]  # right before it: "od kojih su trojica"
    among: frozenset[str]  # before it, with a counted word between: "među ranjenima 11"
    severity: tuple[str, ...]  # word starts, just after the number: "trojica su teže ranjeni"
    including: frozenset[tuple[str, ...]]  # a little after it: "50 Srba, od kojih ..." (mixed)
    added: frozenset[str]  # right before or after it: "još dvoje" (added to a count told before)
    reach: int  # words after the number for ``severity``
    including_reach: int  # words after the number for ``including``


def _seqs(items: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(x.split()) for x in items)


@lru_cache(maxsize=8)
def part_words(family: str) -> PartWords | None:
    """``[parts]`` of ``data/figures/limited.<family>.toml``, None when the family has none."""
    d = data_toml("figures", f"limited.{family}.toml").get("parts")
    if not d:
        return None

    def fold_(xs: list[str]) -> list[str]:
        return [fold(x, family) for x in xs]

    return PartWords(after=_seqs(fold_(d.get("after", []))), before=_seqs(fold_(d.get("before", []))),
                     among=frozenset(fold_(d.get("among", []))), severity=tuple(fold_(d.get("severity", []))),
                     including=_seqs(fold_(d.get("including", []))), added=frozenset(fold_(d.get("added", []))),
                     reach=int(d.get("reach", 3)), including_reach=int(d.get("including_reach", 6)))


def _ends_with(ws: list[Word], stop: int, seqs: frozenset[tuple[str, ...]]) -> bool:
    """Words ``ws[stop - k : stop]`` form one of ``seqs`` for some k."""
    return any(stop - k >= 0 and tuple(w.folded for w in ws[stop - k : stop]) in seqs for k in range(1, 5))


def _starts_with_seq(ws: list[Word], at: int, seqs: frozenset[tuple[str, ...]]) -> bool:
    return any(tuple(w.folded for w in ws[at : at + k]) in seqs for k in range(1, 5))


def figure_part(text: str, start: int, end: int, family: str, counts: str | None = None) -> str | None:
    """Whether the figure ``text[start:end]`` counts a part of a group told beside it: ``part``
    for a partitive ("jedan od ozlijeđenih", "disa nga ushtarët", "tres de los heridos", "od
    kojih su trojica"), a count among a set of the casualties ("među ranjenim vojnicima 11") or,
    of the injured, the worst (or least) hurt ("trojica su teže ranjeni"); ``mixed`` for a count
    that breaks down into parts ("više od 50 Srba, od kojih ..."); ``added`` for a count told
    as added to another ("još dvoje"); None otherwise or for a family without ``[parts]``."""
    pw = part_words(family)
    if pw is None:
        return None
    lo, hi = max(0, start - 120), min(len(text), end + 160)
    reading = read(text[lo:hi], family)
    ws, sent = reading.words, reading.sentence
    inside = [k for k, w in enumerate(ws) if start - lo <= w.start < end - lo]
    if not inside:
        return None
    first, n = inside[0], inside[-1]

    def clause(a: int, b: int) -> bool:
        return sent[a] == sent[b] and not _BREAK.search(text[lo + ws[a].end : lo + ws[b].start])

    if n + 1 < len(ws) and clause(n, n + 1) and _starts_with_seq(ws, n + 1, pw.after):
        return "part"
    if first > 0 and sent[first - 1] == sent[first] and _ends_with(ws, first, pw.before):
        return "part"
    lex = count_lexicon(family)
    for k in range(first - 1, max(-1, first - 6), -1):
        if not clause(k, first):
            break
        if ws[k].folded in pw.among and any(
                starts_with_any(ws[j].folded, lex.counts, lex.max_ending, family) for j in range(k + 1, first)):
            return "part"
    if counts == "injured" and any(
            clause(n, k) and ws[k].folded.startswith(pw.severity)
            for k in range(n + 1, min(len(ws), n + 1 + pw.reach))):
        return "part"
    if any(sent[k] == sent[n] and _starts_with_seq(ws, k, pw.including)
           for k in range(n + 1, min(len(ws), n + 1 + pw.including_reach))):
        return "mixed"
    if (first > 0 and sent[first - 1] == sent[first] and ws[first - 1].folded in pw.added) or (
            n + 1 < len(ws) and clause(n, n + 1) and ws[n + 1].folded in pw.added):
        return "added"
    return None


class LimitedFiguresComponent:
    """Replaces ``doc._.fp_figures`` for a language with word lists."""

    @synced
    def __call__(self, doc: Doc) -> Doc:
        """Find the casualty figures of one document."""
        opened = word_list_doc(doc, figures=True)
        if opened is None:
            return doc
        family, text = opened
        figures: list[Figure] = []
        claims = list(doc._.fp_claims or [])  # fp_limited_claims' (a language with a claims word list)
        for (start, end, value, vague, bound, counts, _), who in find_figures(text, family):
            if zone_kind_at(doc, start) in NON_STORY_ZONES:
                continue
            lo, hi = bounds(value, vague, bound)
            # the population label stands as the counted noun ("soldiers", "civilians"): the
            # align layer reads whom a figure counts from it, as from an English noun
            figures.append(Figure(id=f"f{len(figures) + 1}", start=start, end=end, text=text[start:end], value=value,
                                  low=lo, high=hi, unit=who, counts=counts, approximate=bound is not None or vague,
                                  vague=vague, claim=claim_for(claims, start, end) if claims else None))
        if figures_only(family):
            figures = _with_bare_numbers(figures, list(doc._.fp_figures or []), date_spans(text, family))
        doc._.fp_figures = figures
        return doc


def _with_bare_numbers(counted: list[Figure], generic: list[Figure], in_dates: list[tuple[int, int]]) -> list[Figure]:
    """``counted`` and the figures of ``generic`` that overlap none of them nor a date's word,
    in text order and numbered again."""
    def overlaps(f: Figure, a: int, b: int) -> bool:
        return f.start < b and a < f.end

    kept = [f for f in generic if not any(overlaps(f, g.start, g.end) for g in counted)
            and not any(overlaps(f, a, b) for a, b in in_dates)]
    merged = sorted([*counted, *kept], key=lambda f: f.start)
    return [f.model_copy(update={"id": f"f{i + 1}"}) for i, f in enumerate(merged)]


@Language.factory("fp_limited_figures", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> LimitedFiguresComponent:
    """Factory for ``fp_limited_figures``."""
    return LimitedFiguresComponent()
