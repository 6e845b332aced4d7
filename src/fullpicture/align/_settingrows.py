"""A war told as the story's setting is one lasting row.

A war, an invasion or an occupation (``[distinct] settings`` of ``data/events/incidents.toml``) is
the setting of a story's incidents, never one of them: it joins no plain mention. Each report
tells it in its own words and on its own days ("the war", "the invasion", "la guerre", "война";
dated by the report, or by the day it began), so it formed several rows. Rows whose happenings
are all such settings join the one told by the most documents, when every document of both also
tells the story's row (the row told by the most documents: in a pooled comparison of many stories,
another story's war stays apart), unless a day stated in their own sentences lies more than
``incident_setting_days`` from that row's stated day, or its day when it states none (another
war, recalled: "the war of the 1990s"). Where the story's row is told by at least
``incident_setting_story_share`` of the comparison's documents (one story compared), a setting row
joins too when each of its documents tells some other row (an anniversary piece whose own telling
of the strike formed a row apart). A row that also tells a plain happening is left alone. The rule
reads words, never who names the war, so each side's word for it counts alike
(``incident_setting_days = 0``: off).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import happening, incident_lexicon, setting_lemmas
from fullpicture.align._util import modal_day, short_interval


def join_setting_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining the rows of a lasting setting (module docstring)."""
    horizon = int(cfg.get("incident_setting_days", 0))
    if horizon <= 0:
        return labels
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(feats)):
        members[labels[i]].append(i)
    rows = setting_rows(feats, members)
    if len(rows) < 2:
        return labels
    docs = {r: {feats[i].doc for i in idx} for r, idx in members.items()}
    # the story's row: the row told by the most documents; a setting row whose documents do not
    # all tell it belongs to another story (a pooled comparison of many stories)
    story = max(members, key=lambda r: (len(docs[r]), -r))
    # ... unless the story's row is told by most of the comparison's documents (one story
    # compared): then a war row whose documents all tell some happening of the story's too
    share = float(cfg.get("incident_setting_story_share", 0.0))
    one_story = share > 0 and len(docs[story]) >= share * len({f.doc for f in feats})
    telling = {d for r, ds in docs.items() if r not in set(rows) for d in ds} if one_story else set()
    rows = [r for r in rows if r != story and (docs[r] <= docs[story] or (one_story and docs[r] <= telling))]
    if len(rows) < 2:
        return labels
    target = max(rows, key=lambda r: (len(docs[r]), -r))
    day = modal_day(_stated_days(feats, members[target]) or _stated_days(feats, members[target], firm=False))
    joined = {}
    for r in rows:
        if r == target:
            continue
        # (a setting told with the day it began, "the war that began in June", is no other war)
        if day is not None and any(feats[i].date_firm and (iv := feats[i].interval) is not None
                                   and not feats[i].extra.get("begun")
                                   and (iv[1] < day - horizon or iv[0] > day + horizon) for i in members[r]):
            continue  # a war recalled from another time ("the war of the 1990s")
        joined[r] = target
    return [joined.get(r, r) for r in labels]


def setting_rows(feats: Sequence[MentionFeatures], members: dict[int, list[int]]) -> list[int]:
    """The rows whose happenings are all lasting settings (a war, an invasion, or a happening
    measured in months or years: ``_background``), in label order."""
    lex = incident_lexicon()
    words = setting_lemmas()
    rows = []
    for r, idx in sorted(members.items()):
        acts = [i for i in idx if happening(feats[i], lex)]
        if acts and all(feats[i].lemma in words or feats[i].extra.get("lasting_setting") for i in acts):
            rows.append(r)
    return rows


def join_to_date(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after moving the tolls of the war to date ("more than 9,000
    have been killed since 3 June", "killed since the fighting began": bodily harm marked
    ``to_date`` by ``_relative.told_to_date``) out of the story's rows into the row of the war they belong to:
    the setting row (a row whose happenings are all settings) told by the most documents among
    those sharing a document with the mention's row. A row with no such setting row keeps them
    (``incident_to_date_join``: off when false)."""
    if not cfg.get("incident_to_date_join", False):
        return labels
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(feats)):
        members[labels[i]].append(i)
    settings = setting_rows(feats, members)
    if not settings:
        return labels
    lex = incident_lexicon()
    docs = {r: {feats[i].doc for i in idx} for r, idx in members.items()}
    out = list(labels)
    for r, idx in members.items():
        # tolls only: a happening carries its agent and its other figures into the war's row
        moving = [i for i in idx if feats[i].extra.get("to_date") and feats[i].lemma in lex.harm]
        if not moving or r in settings:
            continue
        homes = [s for s in settings if docs[s] & docs[r]]
        if homes:
            home = max(homes, key=lambda s: (len(docs[s]), -s))
            for i in moving:
                out[i] = home
    return out


def _stated_days(feats: Sequence[MentionFeatures], idx: list[int], firm: bool = True) -> Counter[int]:
    """The days stated in the mentions' own sentences (a month at most; ``firm = False``: the
    inherited days too)."""
    out: Counter[int] = Counter()
    for i in idx:
        iv = short_interval(feats[i].interval, 31)
        if (feats[i].date_firm or not firm) and iv is not None:
            out[iv[0]] += 1
    return out
