"""Later reports of a happening at a facility, joined to the facility's dated row.

A report published days after a strike on a prison, a dam or a station often states no day of
its own: "At least 50 people were killed in the strike at the Eastvale prison". Its mentions
take the report's day, days after the happening, farther than any inherited-date slack, and form
a row of their own. A row whose happenings include such a follow-up (definite, its day inherited,
at a kind of facility at a place its sentence names as one, or whose one place its document
names: ``_facility``) joins the one row that tells a happening of its family at that kind of
facility at that place on a stated day up to ``incident_facility_followup_days`` before (0 = off).
A town is not a facility: two strikes on one town a week apart, the second report undated ("the
strike on Eastvale"), stay two rows; a theatre and a hospital of one town stay apart. Rows
never join when a document tells both, when more than one row could be meant, or when the
follow-up row states a day of its own that clashes with the target's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._facility import Site
from fullpicture.align._incident_lex import (
    distinct,
    incident_lexicon,
    is_consequence,
    same_place_types,
)
from fullpicture.align._inquiries import join_to_told_row
from fullpicture.align._toldrow import row_index, told_targets
from fullpicture.align._util import short_interval


def join_followups(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining facility follow-up rows (module docstring)."""
    horizon = int(cfg.get("incident_facility_followup_days", 0))
    if horizon <= 0:
        return labels
    slack = int(cfg.get("inherited_date_slack_days", 1))
    types = same_place_types(cfg)
    lex = incident_lexicon()
    docs, days = row_index(feats, labels)
    # row -> (facility kind, place) -> families of its happenings told there
    told: dict[int, dict[Site, set[str]]] = defaultdict(lambda: defaultdict(set))
    # row -> ((facility kind, place), family) -> the earliest inherited day of a follow-up there
    follow: dict[int, dict[tuple[Site, str], int]] = defaultdict(dict)
    for i, f in enumerate(feats):
        r = labels[i]
        if (f.type or "").upper() not in types or distinct(f) or is_consequence(f, lex):
            continue
        stated = short_interval(f.interval, 1)
        named = f.extra.get("facility") or frozenset()
        lent = f.extra.get("doc_sites") or frozenset()
        for site in named | lent:
            told[r][site].add(f.family)
            if f.extra.get("definite") and not f.date_firm and stated is not None:
                key = (site, f.family)
                follow[r][key] = min(follow[r].get(key, stated[0]), stated[0])
    parent = {r: r for r in docs}

    def find(r: int) -> int:
        while parent[r] != r:
            r = parent[r]
        return r

    for r in sorted(follow):
        targets: set[int] = set()
        for (site, family), when in follow[r].items():
            targets |= told_targets(r, when, family, (site,), told, docs, days, (0, horizon), slack)[0]
        if len(targets) == 1:
            t = targets.pop()
            parent[find(r)] = find(t)
    return [find(r) for r in labels]


def join_retold(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining the rows of happenings a later report retells.

    A report published days after a happening (a vow of revenge, an army's later account, a
    visit to the site) often names it with no day at all, and its mentions take the report's
    day: a row of their own, days after the happening's. A row of such mentions (dated by their
    report, no day stated before them in it) joins the one row that tells a happening of its
    family at one of their places on a stated day ``incident_retold_min_days`` to
    ``incident_retold_days`` before (0 = off), unless a row of that family and place states a
    day nearer theirs (a later happening there, which the report may be about), a document
    tells both, or the row states a day of its own that clashes
    (:func:`fullpicture.align._inquiries.join_to_told_row`). With
    ``incident_retold_contained``, a report that tells the happening at its region or country
    ("the shelling in the Northvale region") is also told at the places its document names inside
    them (``_containing``), and only the days its happenings state are days of its own (a
    later toll's "as of Thursday" is the count's day)."""
    picked = {i for i, f in enumerate(feats) if f.extra.get("by_report")}
    window = (int(cfg.get("incident_retold_min_days", 2)), int(cfg.get("incident_retold_days", 0)))
    within = bool(cfg.get("incident_retold_contained", False))
    return join_to_told_row(feats, cfg, labels, picked, window, nearest=True, within=within)
