"""Rows made only of words about a happening, joined to the happening their documents tell.

A report names, labels or reacts to its happening in words that tell no happening of their own:
an accusation or an allegation, a denial, a condemnation, a statement, a label noun ("the
incident", "this crime", "une provocation", "трагедия"). Where such a word is told in a
sentence of no happening, it forms a row of its own, one more row for the story's happening. Such a row of one document joins the row that document tells its happening in when

* every mention of the row is such a word: its type is one of ``[word_rows] types`` of
  data/events/incidents.toml (acts of word; a call or a warning keeps its row in the timeline)
  or its lemma one of the label nouns (``[word_rows] labels``), it is no consequence, no named
  kind of act (a truce, a prisoner exchange) and not told apart;
* none states a day of its own (a statement "published on Tuesday evening" is a happening of
  its day, and keeps its row);
* none is placed at a town outside the country of the row it would join (a country named is
  mostly the speaker's: "Moscow denied");
* the row is of one document (words that two reports share are aligned as they stand), and
  its target is the row of most of that document's happening mentions, told by at least
  ``incident_word_row_min_docs`` documents, a row of violence (``[hosts] violent_types``: an attack, a fight, a disaster, a crime; the words
  about a meeting or a vote may be a happening of their own: a statement released, a charge).

``incident_word_row_min_docs = 0`` switches it off.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
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
from fullpicture.align._util import home_country


@lru_cache(maxsize=1)
def _word_lex() -> tuple[frozenset[str], frozenset[str]]:
    """``(types, label lemmas)`` of ``[word_rows]``."""
    data = data_toml("events", "incidents.toml").get("word_rows", {})
    types = frozenset(t.upper() for t in data.get("types", []))
    return types, with_glossed(w.lower() for w in data.get("labels", []))


def word_labels() -> frozenset[str]:
    """The label nouns of ``[word_rows]`` ("the incident", "une provocation"), with their glosses."""
    return _word_lex()[1]


def is_word(f: MentionFeatures) -> bool:
    """A mention that only names, labels or reacts to a happening (module docstring)."""
    types, labels = _word_lex()
    lex = incident_lexicon()
    if is_consequence(f, lex) or f.word or distinct(f):
        return False
    return (f.type or "").upper() in types or f.lemma.lower() in labels


def join_word_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining rows of words about a happening to the row their
    documents tell it in (module docstring)."""
    min_docs = int(cfg.get("incident_word_row_min_docs", 0))
    if min_docs <= 0:
        return labels
    lex = incident_lexicon()
    members, docs = row_members(feats, labels)
    words = [is_word(f) for f in feats]
    main = document_main_rows(feats, labels, docs, lambda i: not words[i] and happening(feats[i], lex))
    joined: dict[int, int] = {}
    for r, idx in members.items():
        if not all(words[i] and not feats[i].date_firm for i in idx):
            continue
        if len(docs[r]) > 1:
            continue  # (words shared across reports are aligned as they stand)
        (doc,) = docs[r]
        big = main.get(doc)
        if big is None or big == r or len(docs[big]) < min_docs:
            continue
        if lex.violent_types and not any((feats[i].type or "").upper() in lex.violent_types for i in members[big]):
            continue  # (words about a meeting or a vote may be a happening of their own)
        if town_apart(feats, members[big], idx):
            continue
        joined[r] = big
    return [joined.get(r, r) for r in labels]


def row_members(feats: Sequence[MentionFeatures], labels: Sequence[int]) -> tuple[
        dict[int, list[int]], dict[int, set[str]]]:
    """``(row -> its mention indices in order, row -> its documents)``: the index every row
    join starts from."""
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(feats)):
        members[labels[i]].append(i)
    return members, {r: {feats[i].doc for i in idx} for r, idx in members.items()}


def document_main_rows(feats: Sequence[MentionFeatures], labels: Sequence[int], docs: dict[int, set[str]],
                       counts: Callable[[int], bool]) -> dict[str, int]:
    """Per document, the row holding most of its mentions ``i`` for which ``counts(i)`` holds
    (ties: the row told by more documents, then the lower label)."""
    told: dict[str, Counter[int]] = defaultdict(Counter)
    for i, f in enumerate(feats):
        if counts(i):
            told[f.doc][labels[i]] += 1
    return {d: max(c, key=lambda r: (c[r], len(docs[r]), -r)) for d, c in told.items() if c}


def story_acts(feats: Sequence[MentionFeatures], labels: Sequence[int], min_docs: int, share: float) -> tuple[
        dict[int, list[int]], dict[int, set[str]], list[bool], dict[str, int], int | None]:
    """``(members, docs, violent, main, story)`` for joins that move words about an act to the
    act's row: :func:`row_members`; per mention, whether it tells a violent happening; per
    document, the row of ``min_docs`` or more documents holding most of its violent mentions; the
    story's act (that kind of row told by the most documents, None when fewer than ``share`` of
    all documents)."""
    lex = incident_lexicon()
    members, docs = row_members(feats, labels)
    violent = [not is_word(f) and happening(f, lex) and (f.type or "").upper() in lex.violent_types
               and not distinct(f) for f in feats]
    big = {r for r, ds in docs.items() if len(ds) >= min_docs and any(violent[i] for i in members[r])}
    main = document_main_rows(feats, labels, docs, lambda i: violent[i] and labels[i] in big)
    story = max(big, key=lambda r: (len(docs[r]), -r), default=None)
    if story is not None and len(docs[story]) < share * len({f.doc for f in feats}):
        story = None
    return members, docs, violent, main, story


def town_apart(feats: Sequence[MentionFeatures], big: list[int], small: list[int]) -> bool:
    """Whether a mention of the small row is placed at a town outside the big row's country."""
    countries = Counter(f.geo[2] for i in big if (f := feats[i]).geo is not None and f.geo[2])
    home = home_country(countries) if countries else None
    return any((g := feats[i].geo) is not None and not g[3] and g[2] != home for i in small)
