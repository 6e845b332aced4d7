"""Acts of one procedure are one row; a call with no act of its own joins what it asks for.

A body's procedure is told with many verbs: a state requests a meeting of a council, asks it to
convene and discuss a happening, another state rejects the request, the meeting is held. Left to
the pair model, each verb formed a row of its own (one for the request, one for the meeting,
one for "discuss", one for "convene", one for the refusal), and a report that tells the
procedure from the refusing side's angle made rows of its own again. Two rules
(``[procedure]`` of data/events/incidents.toml):

* **One meeting, one row.** A sentence that tells a meeting (``meetings``: the lemmas of a
  session, talks, a summit, "convene", "discuss"; a visit or a reception is none) tells one
  happening with the acts of its procedure (``acts``: a request, a demand, a refusal, the
  meeting itself): when an ask or a refusal is told before the meeting, the rows made only of
  such acts that its mentions sit in become one row; else only the rows of the gathering's own
  names do ("convened a summit"), not what it discussed (``discussions``: "met to discuss") nor
  what was said at it ("at a news conference, she urged"); never two rows that several
  reports tell each (those are aligned as they stand), and
  an act of the sentence told in another row (a refusal read as a reaction to the happening the
  meeting is about) joins it when the next mention of its sentence is one of the procedure's
  ("rejected the request", "refused to convene the council").
  A row of one document so made, holding both a meeting and a request, joins the one row of
  other documents that holds a request, shares a participant or a place with it, and states days
  no more than ``incident_procedure_days`` apart (0 = no join across documents).
* **A call joins what it asks for.** A row of one document made only of calls (``calls``: "called
  for", "urged", "demanded"), with no day of its own, none told apart, joins the row of the first
  act its sentence tells after the call (no consequence, no word about a happening): "called for
  an inquiry into the strike", the inquiry's row; a call whose sentence tells nothing after it
  keeps its row.

``incident_procedure_join = false`` switches both off, ``incident_procedure_calls = false`` the
second. The rules read kinds of act and sentence
structure only, never who asks or refuses, so both sides' procedures are read alike.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import distinct, incident_lexicon, is_consequence, with_glossed
from fullpicture.align._util import UnionFind, short_interval
from fullpicture.align._wordrows import is_word

_Lex = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    """``(meeting lemmas, act types, call types, discussion lemmas)`` of ``[procedure]``."""
    data = data_toml("events", "incidents.toml").get("procedure", {})

    def up(key: str) -> frozenset[str]:
        return frozenset(t.upper() for t in data.get(key, []))

    return (with_glossed(w.lower() for w in data.get("meetings", [])), up("acts"), up("calls"),
            with_glossed(w.lower() for w in data.get("discussions", [])))


@lru_cache(maxsize=1)
def _talk_words() -> frozenset[str]:
    """Lemmas of a negotiation and of what it is about (``[procedure] negotiations``, ``deals``)."""
    data = data_toml("events", "incidents.toml").get("procedure", {})
    return with_glossed(w.lower() for w in [*data.get("negotiations", []), *data.get("deals", [])])


def _type(f: MentionFeatures) -> str:
    return (f.type or "").upper()


def _meets(f: MentionFeatures, meetings: frozenset[str], acts: frozenset[str]) -> bool:
    """A meeting of a body: a meeting lemma of an act type ("convene", "the session")."""
    return _type(f) in acts and f.lemma.lower() in meetings


class _Rows:
    """Union-find over row labels that never unites two rows told by several documents each."""

    def __init__(self, feats: Sequence[MentionFeatures], labels: Sequence[int]) -> None:
        self._uf: UnionFind[int] = UnionFind()
        self.docs: dict[int, set[str]] = defaultdict(set)
        for i, r in enumerate(labels):
            self.docs[r].add(feats[i].doc)

    def join(self, a: int, b: int) -> None:
        """Unite the rows of ``a`` and ``b`` unless both are told by several documents (rows that
        reports share are aligned as they stand)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (len(self.docs[ra]) > 1 and len(self.docs[rb]) > 1):
            return
        self._uf.union(min(ra, rb), max(ra, rb))  # the lower label stays the root
        self.docs[self.find(ra)] = self.docs[ra] | self.docs[rb]

    def shared(self, r: int) -> bool:
        """Whether the row of ``r`` is told by several documents."""
        return len(self.docs[self.find(r)]) > 1

    def find(self, r: int) -> int:
        """The row ``r`` is now part of."""
        return self._uf.find(r)


def join_procedure(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining the rows of one procedure and the rows of calls
    (module docstring)."""
    if not cfg.get("incident_procedure_join", False):
        return labels
    lex = _lex()
    meetings, acts, calls, _ = lex
    if not meetings:
        return labels
    members: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(labels):
        members[r].append(i)
    procedural = {r for r, idx in members.items() if all(_type(feats[i]) in acts for i in idx)}
    sentences: dict[tuple[str, tuple[int, int]], list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if f.span is not None:
            sentences[(f.doc, f.span)].append(i)
    rows = _Rows(feats, labels)
    for idx in sentences.values():
        if not any(_meets(feats[i], meetings, acts) for i in idx):
            continue
        held = sorted(_gathered(feats, idx, labels, procedural, lex))
        for r in held[1:]:
            rows.join(held[0], r)
    _join_across(feats, cfg, members, procedural, rows, lex)
    merged = [rows.find(r) for r in labels]
    told = Counter((labels[i], f.doc) for i, f in enumerate(feats))
    for idx in sentences.values():
        if not any(_meets(feats[i], meetings, acts) for i in idx):
            continue
        for i in idx:  # "refused to convene it", "rejected the request": an act on the procedure
            after = [j for j in idx if j > i]
            if _type(feats[i]) in acts and labels[i] not in procedural and after \
                    and labels[min(after)] in procedural and told[(labels[i], feats[i].doc)] > 1:
                merged[i] = merged[min(after)]  # (its row keeps its document's other mentions)
    merged = _join_rounds(feats, cfg, merged)
    return _join_calls(feats, merged, sentences, calls) if cfg.get("incident_procedure_calls", True) else merged


def _join_rounds(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """One round of talks is one row: a one-document row made only of the words of a negotiation
    (talks, a mediation, the deal or ceasefire they are about) joins the one row that
    most reports tell of such words, its days within ``incident_procedure_round_days`` of that
    row's. A summit, a visit or a news conference is no round of talks."""
    days = int(cfg.get("incident_procedure_round_days", 0))
    words = _talk_words()
    if days <= 0 or not words:
        return labels
    members: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(labels):
        members[r].append(i)
    talk = {r: sum(feats[i].lemma.lower() in words for i in idx) for r, idx in members.items()}
    docs = {r: {feats[i].doc for i in idx} for r, idx in members.items()}
    hosts = sorted((r for r in members if len(docs[r]) > 1 and 2 * talk[r] >= len(members[r])),
                   key=lambda r: (-len(docs[r]), r))
    if not hosts or (len(hosts) > 1 and len(docs[hosts[1]]) == len(docs[hosts[0]])):
        return labels
    host = hosts[0]
    moved = {r for r, idx in members.items() if len(docs[r]) == 1 and talk[r] == len(idx)
             and _days_near(feats, idx, members[host], days)}
    return [host if r in moved else r for r in labels]


def _gathered(feats: Sequence[MentionFeatures], idx: list[int], labels: list[int], procedural: set[int],
              lex: _Lex) -> set[int]:
    """The procedural rows of a meeting sentence that are one procedure: all of them when an ask
    or a refusal is told before the meeting ("requested a meeting", "refused to convene"), else
    the rows of the gathering's own names ("convened a summit", "a news conference at the
    summit"). What a meeting discussed ("met to discuss") and what someone said at it ("at a
    news conference, she urged ...") keep their rows."""
    meetings, acts, calls, topics = lex
    first = min((i for i in idx if _meets(feats[i], meetings, acts)), default=None)
    if first is None:
        return set()
    held = {labels[i] for i in idx if labels[i] in procedural}
    asks = calls | {"REJECT"}
    if any(i < first and _type(feats[i]) in asks and not _meets(feats[i], meetings, acts) for i in idx):
        return held
    names = {labels[i] for i in idx if labels[i] in held and _meets(feats[i], meetings, acts)
             and feats[i].lemma.lower() not in topics}
    return names


def _join_across(feats: Sequence[MentionFeatures], cfg: dict[str, Any], members: dict[int, list[int]],
                 procedural: set[int], rows: _Rows, lex: _Lex) -> None:
    """A one-document procedure (a meeting and a request) joins the one procedure of other
    documents holding a request that shares a participant or a place with it, its days near."""
    days = int(cfg.get("incident_procedure_days", 0))
    if days <= 0:
        return
    groups: dict[int, list[int]] = defaultdict(list)
    for r in procedural:
        groups[rows.find(r)].extend(members[r])
    meetings, acts, calls, _ = lex

    def whole(idx: list[int]) -> bool:
        return any(_meets(feats[i], meetings, acts) for i in idx) and any(_type(feats[i]) in calls for i in idx)

    docs = {g: {feats[i].doc for i in idx} for g, idx in groups.items()}
    asked = {t: tidx for t, tidx in groups.items()
             if len(docs[t]) > 1 and any(_type(feats[i]) in calls for i in tidx)}
    for g, idx in groups.items():
        if len(docs[g]) != 1 or not whole(idx):
            continue
        near = [t for t, tidx in asked.items() if not docs[t] & docs[g]
                and _shares(feats, idx, tidx) and _days_near(feats, idx, tidx, days)]
        if len(near) == 1:
            rows.join(near[0], g)


def _shares(feats: Sequence[MentionFeatures], a: list[int], b: list[int]) -> bool:
    """Whether two groups of mentions name a participant or a place in common."""
    def named(idx: list[int]) -> set[str]:
        return {x for i in idx for x in feats[i].participants | feats[i].places}
    return bool(named(a) & named(b))


def _days_near(feats: Sequence[MentionFeatures], a: list[int], b: list[int], days: int) -> bool:
    """Whether the days the two groups' mentions state or inherit lie within ``days``."""
    def span(idx: list[int]) -> tuple[int, int] | None:
        ds = [d[0] for i in idx if (d := short_interval(feats[i].interval, 1)) is not None]
        return (min(ds), max(ds)) if ds else None
    sa, sb = span(a), span(b)
    return sa is not None and sb is not None and sa[0] - days <= sb[1] and sb[0] - days <= sa[1]


def _join_calls(feats: Sequence[MentionFeatures], labels: list[int],
                sentences: dict[tuple[str, tuple[int, int]], list[int]],
                calls: frozenset[str]) -> list[int]:
    """A one-document row of calls joins the row of what its calls ask for (module docstring)."""
    if not calls:
        return labels
    lex = incident_lexicon()
    members: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(labels):
        members[r].append(i)
    joined: dict[int, int] = {}
    for r, idx in members.items():
        if len({feats[i].doc for i in idx}) != 1:
            continue
        if not all(_type(feats[i]) in calls and not feats[i].date_firm and not distinct(feats[i])
                   for i in idx):
            continue
        targets: set[int] = set()
        for i in idx:
            span = feats[i].span
            near = sentences.get((feats[i].doc, span), []) if span is not None else []
            later = [j for j in near if j > i and labels[j] != r and _type(feats[j])
                     and _type(feats[j]) not in calls and not is_consequence(feats[j], lex)
                     and not is_word(feats[j])]
            if later:
                targets.add(labels[min(later)])
        if len(targets) == 1:
            joined[r] = targets.pop()
    return [joined.get(r, r) for r in labels]
