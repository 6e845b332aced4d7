"""Rows made only of words that justify or explain an act, joined to the act's row.

A side explains its act by what the act was for: it protected its territory, defended its
border, struck back ("the air force acted to defend the border", "pour protéger", "чтобы
защитить"). Such a word tells no happening of its own: it is the act told by its reason, and
left to the pair model it forms a row of one document beside the act's. A row joins the row its
document tells its main act in when

* every mention's lemma is a verb of justification (``[justify_rows] lemmas`` of
  data/events/incidents.toml, en/fr/ru/uk; their glosses in the limited languages), it is no
  consequence, no named kind of act and not told apart;
* each is told of a state's ground, sea or sky: a word of ``[justify_rows] objects`` begins
  within ``incident_justify_object_chars`` characters after it ("defend the border", "protect
  its airspace"; "defended the plan", "protect civilians" are no justification of an act);
* none states a day of its own (a defence "on Tuesday" is a happening of its day) or is told
  as not done, planned or supposed (``incident_periph_unreal``: "would not defend the bridge" tells
  no act);
* the row is of one document, and its target is the row of most of that document's happening
  mentions among the rows told by at least ``incident_justify_row_min_docs`` documents, a row of
  violence (``[hosts] violent_types``);
* none is placed at a town outside the target row's country.

``incident_justify_row_min_docs = 0`` switches it off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    distinct,
    happening,
    incident_lexicon,
    is_consequence,
    with_glossed,
)
from fullpicture.align._wordrows import document_main_rows, is_word, row_members, town_apart


@lru_cache(maxsize=1)
def justify_lemmas() -> frozenset[str]:
    """The lemmas of ``[justify_rows]`` (lower case, with their glossed limited-language lemmas)."""
    data = data_toml("events", "incidents.toml").get("justify_rows", {})
    return with_glossed(w.lower() for w in data.get("lemmas", []))


@lru_cache(maxsize=1)
def _objects() -> re.Pattern[str] | None:
    """A word beginning with one of ``[justify_rows] objects`` (a state's ground, sea or sky)."""
    words = data_toml("events", "incidents.toml").get("justify_rows", {}).get("objects", [])
    if not words:
        return None
    alt = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})", re.I)


def told_of_ground(f: MentionFeatures, chars: int) -> bool:
    """Whether one of ``[justify_rows] objects`` begins a word of the ``chars`` characters after
    the mention's trigger ("defend Northland's border"); every mention is, when ``chars`` is 0."""
    if chars <= 0:
        return True
    pattern = _objects()
    start = int(f.extra.get("at", 0)) + len(f.trigger)
    return pattern is not None and pattern.search(f.sentence[start:start + chars]) is not None


def is_justifying(f: MentionFeatures, cfg: dict[str, Any] | None = None) -> bool:
    """A mention that only tells what an act was for (module docstring; ``cfg``: the align
    settings, for the modalities that keep a mention's row)."""
    if is_consequence(f, incident_lexicon()) or f.word or distinct(f) or f.date_firm:
        return False
    if f.lemma.lower() not in justify_lemmas():
        return False
    if cfg is None:
        return True
    if not told_of_ground(f, int(cfg.get("incident_justify_object_chars", 0))):
        return False
    return f.extra.get("modality") not in set(cfg.get("incident_periph_unreal", []))


def join_justify_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining rows of justification words to the violent row
    their documents tell their act in (module docstring)."""
    min_docs = int(cfg.get("incident_justify_row_min_docs", 0))
    if min_docs <= 0:
        return labels
    lex = incident_lexicon()
    members, docs = row_members(feats, labels)
    violent = {r for r, idx in members.items()
               if any((feats[i].type or "").upper() in lex.violent_types for i in idx)}
    main = document_main_rows(feats, labels, docs, lambda i: len(docs[labels[i]]) >= min_docs
                              and labels[i] in violent and happening(feats[i], lex) and not is_word(feats[i]))
    joined: dict[int, int] = {}
    for r, idx in members.items():
        if len(docs[r]) != 1 or not all(is_justifying(feats[i], cfg) for i in idx):
            continue
        (doc,) = docs[r]
        big = main.get(doc)
        if big is None or big == r or town_apart(feats, members[big], idx):
            continue
        joined[r] = big
    return [joined.get(r, r) for r in labels]
