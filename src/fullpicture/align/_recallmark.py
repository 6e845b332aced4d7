"""A happening a later report recalls joins the earlier happening's row, not the later one's.

Pieces about a later raid, a later strike or a later admission often recall the earlier
happening in a clause: "earlier this month, two guards died in a raid on the Marlow depot", "le 4,
le ministère avait accusé les rebelles de raids contre le dépôt", "the new massacre came after the
massacre of the Kelby ferry" (in a statement about the later one, weeks on).
Those mentions share the later row's place and verbs, so the pair model files them in the row of
the later happening (or in a row dated by the later report), and every pair between the first
reports and the recall is lost.

A mention of a row ``R`` (its day: the most common firm day of its mentions, else the most common
publication day) *recalls* an earlier happening when

* it states one firm day of its own, or inherits one from a day its report stated before it (not
  the publication day), at least ``incident_recall_gap_days`` before ``R``'s day ("on 4 March",
  "on the 4th ... the ferry was hit"): it goes to a row of that day (one day either way);
* or a word of recall lies at most ``incident_recall_marker_chars`` characters from its trigger in
  its sentence with no break word between (``data/align/recall.toml`` [recall]: "earlier this
  month", "last month", "previous", "le mois dernier", "ранее"), and it states no firm day near
  ``R``'s: it goes to an earlier row at most ``incident_recall_marker_days`` before its report,
  one whose day its stated period holds when it states one ("last month"); the rest of its
  sentence follows it ("earlier this month, two were killed and a jet damaged in an attack");
* or, for a happening (not a count of its harm) that names a place or participant of the row,
  [already] ("already", "déjà", "уже") lies near its trigger or [after] ends the text before it
  ("after the massacre of the Kelby ferry");
* or, for a happening, a word that calls it staged or fake lies near its trigger ([denied]:
  "staged", "une mise en scène", "инсценировка") and its row's day is after its report's publication
  (a denial cannot tell a happening of a later day): the happening denied came before the denial,
  and its account goes to the earlier row, one of its names preferred but not required (the only
  place of a denial is often the denier's own capital, where it spoke); in a row only its own
  report tells, such a happening goes to an earlier row of any earlier day, whatever day its
  sentence states (a dateline's day is the denial's);
* or it is a happening dated only by its (later) report that names a place or participant at
  which no happening of ``R`` stating a firm day is told, and the earlier row is told at that
  name: a piece on an admission weeks on ("the blasts at the Marlow depot came after our strike")
  whose row takes its day from the admission, told at the region, while a second raid on the
  depot is told at the depot with its own day and keeps its row; a ceremony of a type of
  ``incident_retold_ceremony_types`` (a memorial, a march) told at least
  ``incident_retold_ceremony_days`` after the earlier row's day is a happening of its own year
  and stays.

The earlier row is one that states a day at least ``incident_recall_gap_days`` before ``R``'s,
shares a document with ``R`` (one story: a pooled comparison never joins two stories' rows), is
told by at least two documents and tells a happening of the mention's family (not a lasting
setting); a mention that names places or participants joins only a row of one of its names; among
several, the one the most documents tell (a tie: none). Lasting settings (a war) and happenings
told apart ("another strike") stay. 0 = off. Words, days and names only: both sides alike.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml, language_words
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    distinct,
    incident_lexicon,
    is_consequence,
    is_setting,
    same_place_types,
    told_about,
)
from fullpicture.align._util import modal_day


@lru_cache(maxsize=4)
def _patterns(table: str) -> dict[str, re.Pattern[str]]:
    data = data_toml("align", "recall.toml").get(table, {})
    return {lang: re.compile(p, re.I) for lang, p in data.items()}


def recall_marker(sentence: str, trigger: tuple[int, int], language: str | None, reach: int) -> str:
    """``"recall"`` or ``"already"`` when a word of that table of ``data/align/recall.toml``
    lies at most ``reach`` characters before the start or after the end of the trigger (offsets
    in ``sentence``) with no semicolon or break word ([breaks]: "and", "but") between them, or
    the text before the trigger ends with a word of [after] ("after the"; read as ``"already"``);
    ``""`` for none (and when ``reach`` is 0)."""
    if reach <= 0:
        return ""
    lang = (language or "en").split("-")[0].lower()
    breaks = language_words("align", "recall.toml", "breaks", lang)
    lo, hi = max(0, trigger[0] - reach), min(len(sentence), trigger[1] + reach)
    for table in ("recall", "already", "denied"):
        pat = _patterns(table).get(lang)
        if pat is None:
            continue
        for m in pat.finditer(sentence, lo, hi):
            between = sentence[m.end():trigger[0]] if m.end() <= trigger[0] else sentence[trigger[1]:m.start()]
            if ";" not in between and not breaks & {w.strip(".,'’\"“”«»()").lower() for w in between.split()}:
                return table
    pat = _patterns("after").get(lang)
    if pat is not None and pat.search(sentence[lo:trigger[0]]):
        return "already"  # "after the massacre of ...": the happening the later one followed
    return ""


def _row_days(feats: Sequence[MentionFeatures], rows: dict[int, list[int]]) -> tuple[dict[int, int], set[int]]:
    """``(row -> its day, rows with a firm day)``: the most common firm one-day date of its
    mentions, else the most common publication day."""
    out: dict[int, int] = {}
    firm: set[int] = set()
    for r, idx in rows.items():
        d = modal_day(Counter(own for i in idx if (own := _own_day(feats[i])) is not None))
        if d is not None:
            firm.add(r)
        else:
            d = modal_day(Counter(p[0] for i in idx if (p := feats[i].extra.get("published"))))
        if d is not None:
            out[r] = d
    return out, firm


def _own_day(f: MentionFeatures) -> int | None:
    """The one firm day a mention states, else None."""
    iv = f.interval
    return iv[0] if f.date_firm and not f.bare and iv and iv[0] == iv[1] else None


def _told_day(f: MentionFeatures) -> int | None:
    """The one day a mention inherits from a day its report stated before it (not the
    report's publication: ``by_report``), else None."""
    iv = f.interval
    if f.date_firm or f.bare or f.extra.get("by_report") or not iv or iv[0] != iv[1]:
        return None
    return iv[0]


def join_recalled_earlier(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after moving the mentions that recall an earlier happening
    into its row (module docstring)."""
    gap = int(cfg.get("incident_recall_gap_days", 0))
    if gap <= 0:
        return labels
    slack = int(cfg.get("inherited_date_slack_days", 1))
    reach = int(cfg.get("incident_recall_marker_days", 0))
    lex = incident_lexicon()
    types = same_place_types(cfg)
    years = int(cfg.get("incident_retold_ceremony_days", 0))
    ceremony = {str(k).upper() for k in cfg.get("incident_retold_ceremony_types", ())} if years > 0 else set()
    rows: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        rows[lab].append(i)
    day, firm = _row_days(feats, rows)
    docs = {r: {feats[i].doc for i in idx} for r, idx in rows.items()}
    fams = {r: {feats[i].family for i in idx if (feats[i].type or "").upper() in types
                and not is_consequence(feats[i], lex) and not _setting(feats[i])}
            for r, idx in rows.items()}
    names: dict[int, set[str]] = {r: set().union(*(feats[i].extra.get("names", frozenset()) for i in idx))
                                  for r, idx in rows.items()}
    out = list(labels)
    heads: dict[tuple[str, tuple[int, int] | None], int] = {}
    for r, idx in rows.items():
        mine = day.get(r)
        if mine is None:
            continue
        earlier = [t for t in rows if t != r and t in firm and t in day and day[t] <= mine - gap
                   and len(docs[t]) >= 2 and docs[t] & docs[r]]
        # a row only its own report tells: a happening denied there may be one of any earlier day
        lone = [t for t in rows if t != r and t in firm and t in day and day[t] < mine
                and len(docs[t]) >= 2 and docs[t] & docs[r]] if len(docs[r]) == 1 else []
        if not earlier and not lone:
            continue
        # the names the row's happenings stating a firm day are told at: a later happening there
        told_at: set[str] = set().union(*(feats[i].extra.get("names", frozenset()) for i in idx
                                          if _own_day(feats[i]) is not None))
        for i in idx:
            f = feats[i]
            if distinct(f) or _setting(f):
                continue
            denied = f.extra.get("recall_marker") == "denied" and bool(lone)
            cands, how = _recalls(f, mine, 1 if denied else gap, slack, lone if denied else earlier,
                                  day, lex, types, names, told_at)
            cands = [t for t in cands if f.family in fams[t]]
            mine_names = f.extra.get("names", frozenset())
            if how == "denied":  # the names of a denial may be the denier's (its own capital, where it spoke):
                cands = [t for t in cands if mine_names & names[t]] or cands  # a row of one is preferred
            elif mine_names or how == "already":  # a named happening joins only a row of one of its names
                cands = [t for t in cands if (mine_names - told_at if how == "named" else mine_names) & names[t]]
            pub = f.extra.get("published")
            if how == "recall":  # "earlier this month", "last month": weeks before, not a season
                cands = [t for t in cands if pub and pub[0] - day[t] <= reach]
            if how == "denied" and not (pub and mine > pub[0]) and not lone:
                continue  # a denial told the day of its row's happening denies that happening
            if how == "named" and (f.type or "").upper() in ceremony and pub:
                # a memorial or a march years on is a happening of its own year
                cands = [t for t in cands if pub[0] - day[t] < years]
            scored = sorted(((len(docs[t]), t) for t in cands), reverse=True)
            if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
                continue
            out[i] = scored[0][1]
            if how == "recall":
                heads[f.doc, f.span] = scored[0][1]
        # the rest of a sentence a word of recall opens ("Earlier this month, three were killed
        # and two jets damaged in a drone attack") tells the same earlier happening
        for i in idx:
            f = feats[i]
            t = heads.get((f.doc, f.span))
            if t is not None and out[i] == r and _own_day(f) is None and not told_about(f, lex) \
                    and not distinct(f) and not _setting(f):
                out[i] = t
        heads.clear()
    return out


def _recalls(f: MentionFeatures, mine: int, gap: int, slack: int, earlier: list[int],
             day: dict[int, int], lex: Any, types: set[str], names: dict[int, set[str]],
             told_at: set[str]) -> tuple[list[int], str]:
    """``(the earlier rows mention f of a row of day mine may recall, how: "day" or its word
    of recall's table)`` (module docstring)."""
    own = _own_day(f)
    if own is not None and own <= mine - gap:
        return [t for t in earlier if abs(day[t] - own) <= slack], "day"
    mark = f.extra.get("recall_marker", "")
    happening = (f.type or "").upper() in types and not is_consequence(f, lex)
    if own is not None and abs(own - mine) < gap and not (mark == "denied" and happening):
        return [], ""  # (a day a denial states is the denial's)
    told = _told_day(f)
    if told is not None and told <= mine - gap:
        return [t for t in earlier if abs(day[t] - told) <= slack], "day"
    mine_names = f.extra.get("names", frozenset())
    if happening and not mark and f.extra.get("by_report") and mine_names - told_at:
        # dated by a later report, at a name no firm happening of its row is told at
        return [t for t in earlier if (mine_names - told_at) & names[t]], "named"
    if mark == "recall" or (mark in ("already", "denied") and happening):
        iv = f.interval if f.date_firm and f.interval and f.interval[1] > f.interval[0] else None
        return [t for t in earlier if iv is None or iv[0] <= day[t] <= iv[1]], mark
    return [], ""


def _setting(f: MentionFeatures) -> bool:
    """A lasting setting (a war, an invasion), by its word (:func:`is_setting`) or as told."""
    return is_setting(f) or bool(f.extra.get("lasting_setting"))
