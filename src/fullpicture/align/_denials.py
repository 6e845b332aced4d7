"""What a denial denies: a state's denial contests an incident's agent only when it denies the
incident's own act ("denied striking the school", "denied any involvement"), not when the
verb it takes as its object is another act ("denied initiating the ceremony", "denied claims
that it used a truck"; the parser may
give such a denial the attacker as its subject: "when X attacked but denied initiating ...").
Nor does a denial of aiming at civilians or homes ("denied targeting civilians"): it disputes
what was hit (:func:`denies_target`). The complement shapes are language data
(``data/align/denials.toml``), read alike for every state; ``[align] conflict_denial_other_act``,
``conflict_denial_target``."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from fullpicture._data import language_words
from fullpicture.align._dates import interval
from fullpicture.models import Analysis, Event


@functools.lru_cache(maxsize=1)
def _complements() -> dict[str, tuple[re.Pattern[str], ...]]:
    from fullpicture._data import data_toml

    data = data_toml("align", "denials.toml").get("complement", {})
    return {lang: tuple(re.compile(p, re.I) for p in ([ps] if isinstance(ps, str) else ps))
            for lang, ps in data.items()}


def denies_other_act(a: Analysis, ev: Event, types: Iterable[str], support_chars: int = 0) -> bool:
    """Whether the denial ``ev`` takes as its object a verb that is no mention of ``types`` in the
    analysis ("denied initiating the ceremony", "denied claims that it used a truck": the act
    denied is not the attack). A support verb (``denials.toml`` [support_verbs]: "denied
    conducting an airstrike", "a nié avoir mené un raid") carries the act its object names: with
    ``support_chars`` > 0, a mention of ``types`` starting at most that many characters after it,
    in its clause, is the act denied."""
    pats = _complements().get(a.document.language or "en", ())
    hit = next((h for p in pats if (h := p.match(a.text, ev.trigger.end)) is not None), None)
    if hit is None:
        return False
    start, kinds = hit.start("verb"), set(types)
    if any(e.trigger.start == start and e.type in kinds for e in a.events):
        return False
    return not (support_chars > 0 and _supported_act(a, hit.group("verb"), hit.end("verb"), kinds, support_chars))


_CLAUSE_BREAK = re.compile(r"[,;:.!?\n()]")


def _supported_act(a: Analysis, verb: str, end: int, kinds: set[str], reach: int) -> bool:
    """Whether ``verb`` is a support verb whose object, within ``reach`` characters after ``end``
    and before any clause break, is a mention of ``kinds`` ("conducting an airstrike")."""
    if verb.lower() not in language_words("align", "denials.toml", "support_verbs", a.document.language):
        return False
    rest = a.text[end : end + reach]
    cut = _CLAUSE_BREAK.search(rest)
    stop = end + (cut.start() if cut else len(rest))
    return any(e.type in kinds and end <= e.trigger.start < stop for e in a.events)


@functools.lru_cache(maxsize=1)
def _target_complements() -> dict[str, tuple[re.Pattern[str], ...]]:
    from fullpicture._data import data_toml

    data = data_toml("align", "denials.toml").get("target_complement", {})
    return {lang: tuple(re.compile(p, re.I) for p in ([ps] if isinstance(ps, str) else ps))
            for lang, ps in data.items()}


def denies_target(a: Analysis, ev: Event) -> bool:
    """Whether the denial ``ev`` denies aiming at civilians or homes ("denied targeting civilians",
    "denied that its forces target homes", "a nié cibler les civils"; ``denials.toml``
    [target_complement]): a dispute of what was hit, not of who struck."""
    pats = _target_complements().get(a.document.language or "en", ())
    rest = a.text[ev.trigger.end : ev.trigger.end + 120]
    return any(p.match(rest) for p in pats)


def denies_aim(a: Analysis, ev: Event, reach: int) -> bool:
    """Whether the denial ``ev`` denies an aim: a word of aiming or striking (``denials.toml``
    [aim_words], word starts) stands in its clause at most ``reach`` words after it ("denies
    targeting the clinic", "rejected the accounts of a missile hit on the school"), not a denial of
    any part in it ("denied any involvement")."""
    starts = _aim_words().get(a.document.language or "en", ())
    if not starts:
        return False
    rest = re.split(r"[.;:!?\n]", a.text[ev.trigger.end : ev.trigger.end + 200], maxsplit=1)[0]
    words = [w.strip(",\"“”«»()'’").lower() for w in rest.split()[:reach]]
    return any(w.startswith(starts) for w in words)


@functools.lru_cache(maxsize=1)
def _aim_words() -> dict[str, tuple[str, ...]]:
    from fullpicture._data import data_toml

    data = data_toml("align", "denials.toml").get("aim_words", {})
    return {lang: tuple(w.lower() for w in ws) for lang, ws in data.items()}


def denies_earlier(ev: Event, main: str | None, days: int) -> bool:
    """Whether the denial ``ev`` is dated a day at least ``days`` days before its row's own day
    ``main`` (its sentence's day, or the day it inherits from the sentence before: "... follows
    Monday's shelling of a clinic. Eastland rejected blame for the clinic shelling" in the row of
    Thursday's): a denial made before the happening cannot deny it; it denies an earlier one
    (``[align] conflict_denial_before_days``; 0: off)."""
    if days <= 0 or not main or not ev.date or len(ev.date) != 10 or len(main) != 10:
        return False
    own, day = interval(ev.date), interval(main)
    return own is not None and day is not None and day[0] - own[1] >= days
