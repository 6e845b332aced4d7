"""Aftermath words: what followed a happening, read as its consequence, not as a happening.

"Rescuers pulled the bodies from the rubble", "the wounded arrived at the hospital by ambulance",
"the army acknowledged the strike", "forcing the hospital to suspend its work", "the governor
escaped unhurt": left to the pair model, such words made one- or two-document rows beside the
happening's row (a taking of bodies read as a seizure, a lifting of stones as an abduction).
The kinds are data (``[aftermath.*]`` of ``data/events/incidents.toml``): a kind's lemmas, the
stems of which one must be told near the trigger (``near``: the dead or the rubble for a
recovery, a hospital or an ambulance for a medical step), whether its own sentence must tell
a violent happening or a harm (``sentence``) and whether its near words follow it (``after``:
what an acknowledgement admits). A mention of a kind is a consequence
(``_incident_lex.is_consequence``): it joins its happening's row and never merges two rows.
``incident_aftermath_near_chars = 0`` switches it off.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import IncidentLexicon, is_consequence
from fullpicture.models import Analysis, Event


@dataclass(frozen=True)
class AftermathKind:
    """One kind of aftermath: its lemmas, the words one of which must be near, and whether its
    sentence must tell a happening."""

    name: str
    lemmas: frozenset[str]
    near: re.Pattern[str] | None
    sentence: bool
    after: bool = False


@lru_cache(maxsize=1)
def aftermath_kinds() -> tuple[AftermathKind, ...]:
    """The shipped kinds (``[aftermath.*]`` of ``data/events/incidents.toml``)."""
    data = data_toml("events", "incidents.toml").get("aftermath", {})
    kinds = []
    for name, spec in data.items():
        stems = sorted((str(w).lower() for w in spec.get("near", [])), key=len, reverse=True)
        near = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")", re.I) if stems else None
        kinds.append(AftermathKind(name, frozenset(str(w).lower() for w in spec.get("lemmas", [])), near,
                                   bool(spec.get("sentence", False)), bool(spec.get("after", False))))
    return tuple(kinds)


def aftermath_kind(a: Analysis, ev: Event, lemma: str, near_chars: int) -> str:
    """The kind of aftermath ``ev`` (lemma ``lemma``) tells, '' for none: the first kind listing
    its lemma whose ``near`` words (if any) are told within ``near_chars`` of its trigger in its
    sentence (a kind's ``after``: after it, "acknowledged that", "admitted responsibility"; not
    "a widely recognised reporter"); 0 = off."""
    if near_chars <= 0:
        return ""
    key = lemma.lower().replace(" ", "_")
    for kind in aftermath_kinds():
        if key not in kind.lemmas:
            continue
        if kind.near is None:
            return kind.name
        lo = ev.trigger.end if kind.after else max(ev.evidence.start, ev.trigger.start - near_chars)
        hi = min(ev.evidence.end, ev.trigger.end + near_chars)
        if kind.near.search(a.text, lo, hi):
            return kind.name
    return ""


def keep_told_with_harm(feats: Sequence[MentionFeatures], harmful: Sequence[bool]) -> None:
    """Clear the kind of the mentions whose kind needs a happening in their sentence
    (``sentence``) where their sentence tells none (``harmful``: per mention, a violent happening
    or a harm)."""
    needs = {k.name for k in aftermath_kinds() if k.sentence}
    told: dict[tuple[str, tuple[int, int] | None], bool] = defaultdict(bool)
    for f, h in zip(feats, harmful, strict=True):
        if h and not f.extra.get("aftermath"):
            told[(f.doc, f.span)] = True
    for f in feats:
        if f.extra.get("aftermath") in needs and not told[(f.doc, f.span)]:
            f.extra["aftermath"] = ""


def aftermath_with_harm(feats: Sequence[MentionFeatures], attached: Mapping[int, int],
                        lex: IncidentLexicon) -> dict[int, int]:
    """``mention -> harm of its sentence`` for the aftermath mentions and the consequences that
    are no harm (a rescue, a fire) that no happening hosts (``attached``: mention -> host):
    "Bodies of the dead pulled from the rubble, one more person rescued" in a headline with no
    happening word follows the dead its sentence counts, wherever they are aligned (the first
    harm of the sentence that is no aftermath itself)."""
    def harm(f: MentionFeatures) -> bool:
        return f.lemma in lex.harm or f.lemma.replace(" ", "_") in lex.harm

    harms: dict[tuple[str, tuple[int, int] | None], list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if not f.extra.get("aftermath") and harm(f):
            harms[(f.doc, f.span)].append(i)
    out: dict[int, int] = {}
    for i, f in enumerate(feats):
        if i in attached or f.span is None or not harms[(f.doc, f.span)]:
            continue
        if f.extra.get("aftermath") or (is_consequence(f, lex) and not harm(f)):
            out[i] = harms[(f.doc, f.span)][0]
    return out
