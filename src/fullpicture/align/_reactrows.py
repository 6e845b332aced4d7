"""A side's reactions to a happening, told apart from it, join the row of the act they react to.

A side that denies an act often tells it only through its reaction: "Moscow denied any
involvement", "Westland rejected the accusations", "la Nordie dénonce une provocation",
"Россия эти обвинения отрицает". Such a reaction, told in a sentence that names no happening of
its own (one that does is joined to it by ``word_hosts``), forms a row of reaction words apart
from the rows where the other sides tell the act, so the sides never meet. A reaction mention
(its type one of ``[reaction_rows] types`` of data/events/incidents.toml: an accusation, a
denial, a condemnation; or a label noun of ``[word_rows] labels``: "a provocation", "the
crime") in a row of one document made only of words about a happening (words two reports share
are aligned as they stand) leaves that row for the row of violence its document tells its act in
(the row holding most of the document's violent happening mentions among the rows told by at
least ``incident_reaction_row_min_docs`` documents), else,
when its document tells no such act, the story's act (the row of violence told by the most
documents, at least ``incident_reaction_story_share`` of the story's documents). It stays where
it is when

* it states a time of its own that does not take in the act's stated day ("On Friday Westland
  rejected the accusations": a reaction of its day may answer a later charge; "the accusations
  over the incident of 2019" take in a day of 2019);
* its sentence tells anything else than words, harm and the calls and support of ``[parts] words``
  (its object may be that: "condemned the sanctions", "denied the arrests");
* it is told apart, is a consequence or a named kind of act, or is placed at a town outside the
  target row's country.

Its document's side stays visible in the row: the denial is that side's account of the act, which
the agent and denial conflicts read. ``incident_reaction_row_min_docs = 0`` switches it off.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import distinct, incident_lexicon, is_consequence
from fullpicture.align._wordrows import (
    is_word,
    story_acts,
    town_apart,
    word_labels,
)


@lru_cache(maxsize=1)
def _reaction_types() -> frozenset[str]:
    """The types of ``[reaction_rows]``."""
    data = data_toml("events", "incidents.toml").get("reaction_rows", {})
    return frozenset(t.upper() for t in data.get("types", []))


def is_reaction(f: MentionFeatures) -> bool:
    """A reaction to a happening: an accusation, a denial, a condemnation, a label noun (module
    docstring)."""
    if f.word or distinct(f) or is_consequence(f, incident_lexicon()):
        return False
    return (f.type or "").upper() in _reaction_types() or f.lemma.lower() in word_labels()


def join_reaction_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after moving reactions told apart to the row of the act they
    react to (module docstring)."""
    min_docs = int(cfg.get("incident_reaction_row_min_docs", 0))
    if min_docs <= 0:
        return labels
    share = float(cfg.get("incident_reaction_story_share", 1.0))
    lex = incident_lexicon()
    members, docs, violent, main, story = story_acts(feats, labels, min_docs, share)
    words = [is_word(f) for f in feats]
    # documents that tell some violent happening (a reaction there is about one of their own acts)
    acting = {f.doc for i, f in enumerate(feats) if violent[i]}
    # sentences that tell something besides words and harm ("condemned the sanctions": the
    # reaction may be about that)
    acts = {(f.doc, f.span) for i, f in enumerate(feats) if not words[i] and not is_reaction(f)
            and not is_consequence(f, lex) and (f.type or "").upper() not in lex.reaction_types}
    out = list(labels)
    for r, idx in members.items():
        if len(docs[r]) > 1 or not all(words[i] or is_reaction(feats[i]) for i in idx):
            continue  # (words shared across reports are aligned as they stand)
        for i in idx:
            f = feats[i]
            if not is_reaction(f) or (f.doc, f.span) in acts:
                continue
            target = main.get(f.doc)
            if target is None and f.doc not in acting:
                target = story
            if target is None or target == r or town_apart(feats, members[target], [i]):
                continue
            if f.date_firm and not _same_time(f, [feats[j] for j in members[target] if violent[j]]):
                continue  # (a day of its own: it may answer a later charge)
            out[i] = target
    return out


def _same_time(f: MentionFeatures, acts: Sequence[MentionFeatures]) -> bool:
    """Whether the time ``f`` states takes in the stated time of one of ``acts`` ("rejected the
    accusations over the incident in Eastport in 2019" of an act told on a day of 2019)."""
    if f.interval is None:
        return False
    lo, hi = f.interval
    return any(a.date_firm and a.interval is not None and lo <= a.interval[0] and a.interval[1] <= hi
               for a in acts)
