"""Omissions (blindspots): events some sides report and others leave out."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from fullpicture.align._rowmembers import Member
from fullpicture.models.comparison import Omission


def salience(members: Sequence[Member], cfg: dict[str, Any]) -> float:
    """How much the reporting sides make of an event.

    ``mentions + evidence characters / salience_chars_per_unit``, summed over the
    reporting documents (each distinct evidence sentence counted once per document), so
    an event described at length, or in many places, ranks high.
    """
    unit = float(cfg.get("salience_chars_per_unit", 250)) or 250.0
    spans: dict[str, set[tuple[int, int]]] = {}
    for m in members:
        spans.setdefault(m.analysis.document.id, set()).add(
            (m.event.evidence.start, m.event.evidence.end)
        )
    chars = sum(e - s for doc in spans.values() for s, e in doc)
    return round(len(members) + chars / unit, 3)


def only_reporting(members: Sequence[Member], cfg: dict[str, Any]) -> bool:
    """Whether every trigger of the row is a reporting word (somebody spoke, nothing else)."""
    words = {w.lower() for w in cfg.get("omission_reporting_lemmas", ())}
    return bool(words) and all(
        (m.event.trigger.lemma or m.event.trigger.text).lower() in words for m in members
    )


def only_speech(members: Sequence[Member], cfg: dict[str, Any]) -> bool:
    """Whether every mention of the row is a speech act (``omission_speech_types``: a demand,
    an accusation, a warning, a rejection): what a side said, not a happening others left out."""
    types = set(cfg.get("omission_speech_types", ()))
    return bool(types) and all(m.event.type in types for m in members)


def find_omissions(
    event_id: str,
    members: Sequence[Member],
    side_labels: Sequence[str],
    cfg: dict[str, Any],
    on_story: Callable[[str, set[str]], bool] | None = None,
) -> Omission | None:
    """The omission record of one aligned event, or None when every side reports it.

    ``on_story(side, documents)`` tells whether a side covers the story of the reporting
    documents at all; a side that writes about something else omits nothing. A row made
    only of reporting words (``omission_reporting_lemmas``: "statement", "announced") is
    never an omission, nor is a row of speech acts only (:func:`only_speech`).
    """
    if only_reporting(members, cfg) or only_speech(members, cfg):
        return None
    reported = [s for s in side_labels if any(m.side == s for m in members)]
    docs = {m.analysis.document.id for m in members}
    missing = [s for s in side_labels if s not in reported and (on_story is None or on_story(s, docs))]
    if not reported or not missing:
        return None
    return Omission(
        event=event_id, reported_by=reported, missing_from=missing, salience=salience(members, cfg)
    )


def story_filter(
    tfidf: Mapping[str, Mapping[str, float]], side_docs: Mapping[str, Sequence[str]], cfg: dict[str, Any]
) -> Callable[[str, set[str]], bool] | None:
    """With more than two sides, a side covers a story when one of its documents is at least
    ``omission_story_similarity`` (cosine of the ``tfidf`` vectors) like one of the reporting
    documents; with two sides the user set them against each other, so each covers the other's
    story."""
    if len(side_docs) <= 2:
        return None
    from fullpicture.align._topics import SimilarityRows

    thr = float(cfg.get("omission_story_similarity", 0.15))
    rows = SimilarityRows(tfidf, sorted({d for docs in side_docs.values() for d in docs if d in tfidf}))
    members = {side: frozenset(docs) for side, docs in side_docs.items()}
    near: dict[str, frozenset[str]] = {}  # reporting document -> the sides with a document like it

    def near_sides(r: str) -> frozenset[str]:
        # one row of cosines per reporting document (not per aligned event), read as the sides
        # it reaches: a side covers the story when one of its documents is in the row
        found = near.get(r)
        if found is None:
            sims = rows.row(tfidf[r])
            like = frozenset(d for d, s in zip(rows.ids, sims.tolist(), strict=True) if s >= thr)
            found = near[r] = frozenset(side for side, mine in members.items() if not like.isdisjoint(mine))
        return found

    def on_story(side: str, reporting: set[str]) -> bool:
        return any(side in near_sides(r) for r in reporting if r in tfidf)

    return on_story
