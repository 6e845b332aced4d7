"""A document's own account of the story's happening, joined to the story's row.

One report tells the story's happening in its own words, at its own town or on its own day
("the shelling of Northtown", "tirs sur Southville la veille"), and that mention forms a row of its
own beside the row where the other reports tell the happening, although every report of it also
tells the big row. Such a row joins the story's row of its family when

* the story's row is the row of its type family told by the most documents, at least
  ``incident_document_join_min_docs`` of them;
* every document of the small row also has mentions in the story's row;
* every happening of the small row is of a type of ``incident_same_place_types`` and none is told
  apart ("another strike", "in a separate attack");
* every placed mention of the small row is in the story's row's country (the country most of
  its placed mentions are in), and (``incident_document_join_placed``) every happening of the
  small row is placed at a town or a site, not a country or nowhere (a report's own town: a row
  with no place of its own is left to the bare joins, ``_samehappening``); without that guard
  (shipped off since session 22), a row not placed at a town does not join when one of its
  mentions' only counts of the killed or injured are zeros (``incident_document_join_zero_toll``:
  a "no one was hurt" told apart may be another happening's, and set against the story's dead it
  makes a conflict that rests on it);
* no day clash inside those documents: each stated day of the small row lies at most
  ``incident_report_day_slack`` days from a day its document tells in the story's row; and every
  day of the small row, stated or inherited from its report, lies at most that many days from the
  story row's day (its most common stated day); a story row or a small row with no day (an
  undated corpus) joins nothing.

``incident_document_join_min_docs = 0`` switches it off.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import distinct, happening, incident_lexicon, same_place_types
from fullpicture.align._util import home_country, modal_day, short_interval
from fullpicture.align._wordrows import row_members


def join_document_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining rows told only by documents that also tell the
    story's row of their family (module docstring)."""
    min_docs = int(cfg.get("incident_document_join_min_docs", 0))
    if min_docs <= 0:
        return labels
    slack = int(cfg.get("incident_report_day_slack", 3))
    placed = bool(cfg.get("incident_document_join_placed", True))
    zero_toll = bool(cfg.get("incident_document_join_zero_toll", True))
    types = same_place_types(cfg)
    lex = incident_lexicon()
    members, docs = row_members(feats, labels)
    acts = {r: [i for i in idx if happening(feats[i], lex)] for r, idx in members.items()}
    story: dict[str, int] = {}  # family -> the row told by the most documents
    for r in sorted(members):
        for fam in {feats[i].family for i in acts[r]}:
            if fam not in story or len(docs[r]) > len(docs[story[fam]]):
                story[fam] = r
    joined: dict[int, int] = {}
    for r, idx in members.items():
        fams = {feats[i].family for i in acts[r]}
        if len(fams) != 1:
            continue
        big = story[next(iter(fams))]
        if big == r or len(docs[big]) < min_docs or not docs[r] <= docs[big]:
            continue
        if not all((feats[i].type or "").upper() in types and not distinct(feats[i]) for i in acts[r]):
            continue
        if not all(_town(feats[i]) for i in acts[r]):
            if placed:
                continue  # (an unplaced or country-wide mention is the bare joins' matter)
            if zero_toll and any(feats[i].extra.get("zero_toll") for i in idx):
                continue  # "no one was hurt" told apart, somewhere unnamed: not the story's toll
        if _places_apart(feats, members[big], idx) or _days_apart(feats, members[big], idx, slack) \
                or _off_story_day(feats, members[big], idx, slack):
            continue
        joined[r] = big
    return [joined.get(r, r) for r in labels]


def _country(f: MentionFeatures) -> str | None:
    """The country code of a placed mention, None for no place."""
    return f.geo[2] if f.geo is not None else None


def _town(f: MentionFeatures) -> bool:
    """Whether a mention is placed at a town or a site (not a country, not nowhere)."""
    return f.geo is not None and not f.geo[3]


def _places_apart(feats: Sequence[MentionFeatures], big: list[int], small: list[int]) -> bool:
    """Whether a placed mention of the small row lies outside the story row's country."""
    countries = Counter(c for c in (_country(feats[i]) for i in big) if c)
    if not countries:
        return any(feats[i].geo is not None for i in small)
    home = home_country(countries)
    return any(feats[i].geo is not None and _country(feats[i]) != home for i in small)


def _off_story_day(feats: Sequence[MentionFeatures], big: list[int], small: list[int], slack: int) -> bool:
    """Whether a day of the small row, stated or inherited from its report, lies more than
    ``slack`` days from the story row's day (its most common stated day, else its most common
    day): a later report's own account of another strike in the war."""
    told = [(iv, feats[i].date_firm) for i in big
            if (iv := short_interval(feats[i].interval, 1)) is not None]
    firm = Counter(iv[0] for iv, sure in told if sure)
    day = modal_day(firm or Counter(iv[0] for iv, _ in told))
    if day is None:
        return True  # no day to check against: nothing joins
    for i in small:
        iv = feats[i].interval
        if iv is None:
            return True
        if short_interval(iv, 31) and (iv[0] - day > slack or day - iv[1] > slack):
            return True
    return False


def _days_apart(feats: Sequence[MentionFeatures], big: list[int], small: list[int], slack: int) -> bool:
    """Whether a stated day of the small row lies more than ``slack`` days from every day its
    document tells in the story's row."""
    told: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i in big:
        iv = feats[i].interval
        if iv is not None:
            told[feats[i].doc].append(iv)
    for i in small:
        f = feats[i]
        iv = short_interval(f.interval, 31)
        if not f.date_firm or iv is None:
            continue
        days = told.get(f.doc, [])
        if days and all(iv[0] - b[1] > slack or b[0] - iv[1] > slack for b in days):
            return True
    return False
