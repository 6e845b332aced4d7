"""Rows made only of peripheral verbs, joined to the happening their own sentence tells.

A report tells what went around its happening in the happening's own sentence: help sent,
mourners arriving, residents leaving, a side backing, urging or threatening ("the militia,
backed by its ally, shelled the market as residents fled"). Such a verb is no act of violence
of its own; left to the pair model it forms a row of one document beside the happening's. A
row joins the row of a violent happening told in the same sentence when

* it is of one document (verbs that two reports share are aligned as they stand);
* every mention is of a peripheral type (``[periph_rows] types`` of
  data/events/incidents.toml: support, aid, a call, a threat, a move of people), no
  consequence, no named kind of act, not told apart, and states no day of its own (a move
  "on Tuesday" is a happening of its day);
* every mention shares its sentence with a mention of an act of violence (``[hosts]
  violent_types``) of one other row, the same for all, told by at least
  ``incident_periph_row_min_docs`` documents, with no line break between the two (a headline
  run into its first sentence tells two things), that mention not the start of a period its
  sentence runs from ("since the shooting, residents have demanded ...": what follows tells
  later happenings; ``[period.*] since`` words of data/events/relative.toml of three letters or
  more, at most ``incident_periph_since_words`` words before the trigger);
* none is placed at a town or in a country outside that row's country;
* none is told as not done, planned or supposed (``incident_periph_unreal``: "no warning was
  issued" tells no aftermath);
* none is of a type whose doers enter agent disputes (``conflict_agent_types``: a move of
  people) and names a doer of its own ("a senior official escaped": its own participants).

A meeting, a vote, an arrest or an investigation is a happening of its own and keeps its row
(its type is not listed). ``incident_periph_row_min_docs = 0`` switches it off; shipped on at 2
although ECB+ annotates such verbs as events of their own (docs/benchmarks/incidents.md, periph
and lead, session 34).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._agents import agent_types
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import distinct, incident_lexicon, is_consequence
from fullpicture.align._inquiries import sentence_index
from fullpicture.align._relative import since_words
from fullpicture.align._util import home_country
from fullpicture.align._wordrows import row_members, town_apart


@lru_cache(maxsize=1)
def _periph_types() -> frozenset[str]:
    """The peripheral types of ``[periph_rows]``."""
    data = data_toml("events", "incidents.toml").get("periph_rows", {})
    return frozenset(str(t).upper() for t in data.get("types", []))


def is_peripheral(f: MentionFeatures, cfg: dict[str, Any] | None = None) -> bool:
    """A mention of a peripheral type with no day, modality or doer of its own (module
    docstring; ``cfg``: the align settings, none = the type and day tests only)."""
    lex = incident_lexicon()
    if is_consequence(f, lex) or f.word or distinct(f) or f.date_firm:
        return False
    kind = (f.type or "").upper()
    if kind not in _periph_types():
        return False
    if cfg is None:
        return True
    if f.extra.get("modality") in set(cfg.get("incident_periph_unreal", [])):
        return False
    return not (kind in agent_types(cfg) and f.extra.get("agents"))


def join_periph_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining rows of peripheral verbs to the violent row
    their sentences tell (module docstring)."""
    min_docs = int(cfg.get("incident_periph_row_min_docs", 0))
    if min_docs <= 0:
        return labels
    lex = incident_lexicon()
    members, docs = row_members(feats, labels)
    in_sentence, _ = sentence_index(feats)
    since = _since(int(cfg.get("incident_periph_since_words", 0)))
    joined: dict[int, int] = {}
    for r, idx in members.items():
        if len(docs[r]) != 1 or not all(is_peripheral(feats[i], cfg) for i in idx):
            continue
        hosts: set[int] | None = None
        for i in idx:
            f = feats[i]
            around = in_sentence.get((f.doc, f.span), []) if f.span is not None else []
            told = {labels[j] for j in around if labels[j] != r and len(docs[labels[j]]) >= min_docs
                    and (feats[j].type or "").upper() in lex.violent_types and _one_line(f, feats[j])
                    and not _since_start(feats[j], since)}
            hosts = told if hosts is None else hosts & told
        if not hosts or len(hosts) != 1:
            continue
        (host,) = hosts
        if town_apart(feats, members[host], idx) or _country_apart(feats, members[host], idx):
            continue
        joined[r] = host
    return [joined.get(r, r) for r in labels]


def _country_apart(feats: Sequence[MentionFeatures], host: list[int], small: list[int]) -> bool:
    """Whether a mention of the small row is placed in a country (a country named as its place)
    other than the host row's."""
    countries = Counter(f.geo[2] for i in host if (f := feats[i]).geo is not None and f.geo[2])
    home = home_country(countries) if countries else None
    return any((g := feats[i].geo) is not None and g[3] and g[2] != home for i in small)


def _one_line(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Whether no line break lies between the triggers of two mentions of one sentence."""
    x, y = int(a.extra.get("at", 0)), int(b.extra.get("at", 0))
    return "\n" not in a.sentence[min(x, y):max(x, y)]


@lru_cache(maxsize=4)
def _since(words: int) -> re.Pattern[str] | None:
    """A ``since`` word of any language (three letters or more: "с" is also "with") followed by
    at most ``words`` words up to the end of the text; None when ``words`` is 0."""
    found = sorted({w for ws in since_words().values() for w in ws if len(w) >= 3}, key=len, reverse=True)
    if words <= 0 or not found:
        return None
    alt = "|".join(re.escape(w) for w in found)
    return re.compile(rf"(?:^|\W)(?:{alt})\s+(?:[\w-]+(?:\s+|['’])){{0,{words}}}$", re.I)


def _since_start(f: MentionFeatures, since: re.Pattern[str] | None) -> bool:
    """Whether the mention is told as the start of a period ("since the shocking shooting")."""
    return since is not None and since.search(f.sentence[: int(f.extra.get("at", 0))]) is not None
