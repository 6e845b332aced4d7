"""Rows that tell only an inquiry join the row of that inquiry.

An inquiry told by itself ("the review is under way", "the commission presented its findings",
"Москва отвергла выводы комиссии"), with no happening in its sentence or the one before, finds
no host (``_inquiries``) and formed a row of its own, dated by its report, apart from the row
where the other documents' inquiries sit: one inquiry took as many rows as the words of its
steps (opening, findings, demands to redo it). An *inquiry row* here is a row whose mentions are
all inquiries or acts of word about them (``[inquiry]`` and ``[told_about]`` of
data/events/incidents.toml), one at least an inquiry. It joins

* the one other row where the documents of its inquiries tell an inquiry (a document's own
  inquiry, told again in another paragraph), whatever their days: a report published weeks later
  belongs to the inquiry, not to a new happening;
* else, when none of its documents tells an inquiry elsewhere, the one row that holds the inquiries
  of the most documents, at least ``incident_inquiry_row_min_docs`` of them (0 = never).

The rule reads kinds of words only, never who investigates, so both sides' inquiries are read
alike. ``incident_inquiry_rows = false`` switches it off.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon, is_inquiry, told_about
from fullpicture.align._toldrow import row_index
from fullpicture.align._wordrows import row_members


def join_inquiry_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining inquiry rows to their inquiry's row (module
    docstring)."""
    if not cfg.get("incident_inquiry_rows", False):
        return labels
    lex = incident_lexicon()
    if not lex.inquiry_types:
        return labels
    asks = [is_inquiry(f, lex) for f in feats]
    rows, _ = row_members(feats, labels)
    only = {r for r, idx in rows.items()
            if any(asks[i] for i in idx) and all(asks[i] or told_about(feats[i], lex) for i in idx)}
    asked_in: dict[str, set[int]] = defaultdict(set)  # document -> rows where it tells an inquiry
    row_askers: dict[int, set[str]] = defaultdict(set)  # row -> documents telling an inquiry in it
    for i, r in enumerate(labels):
        if asks[i]:
            asked_in[feats[i].doc].add(r)
            row_askers[r].add(feats[i].doc)
    least = int(cfg.get("incident_inquiry_row_min_docs", 0))
    broad = [r for r in row_askers if r not in only]
    top = max((len(row_askers[r]) for r in broad), default=0)
    widest = [r for r in broad if len(row_askers[r]) == top]
    joined: dict[int, int] = {}
    for r in sorted(only):
        docs = {feats[i].doc for i in rows[r] if asks[i]}
        elsewhere = set().union(*(asked_in[d] for d in docs)) - {r}
        if elsewhere:
            targets = elsewhere - only
            if len(targets) == 1:
                joined[r] = targets.pop()
        elif least > 0 and top >= least and len(widest) == 1:
            joined[r] = widest[0]
    return [joined.get(r, r) for r in labels]


def join_later_inquiries(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after moving inquiries told in a later row to the inquiry's row.

    A report written days or weeks after the happening (the inquiry's findings, a dismissal that
    followed them) tells the happening again with no day of its own, so its mentions take the
    report's day and form a row apart; its inquiry words belong to the inquiry, which the other
    documents tell in the row that holds the inquiries of the most documents (at least
    ``incident_inquiry_row_min_docs``). Each inquiry mention of a row whose stated days all lie
    1 to ``incident_inquiry_later_days`` days after that row's moves there; the happening it
    hangs on stays where it is (0 = off)."""
    horizon = int(cfg.get("incident_inquiry_later_days", 0))
    least = int(cfg.get("incident_inquiry_row_min_docs", 0))
    if horizon <= 0 or least <= 0:
        return labels
    lex = incident_lexicon()
    asks = [is_inquiry(f, lex) for f in feats]
    row_askers: dict[int, set[str]] = defaultdict(set)
    for i, r in enumerate(labels):
        if asks[i]:
            row_askers[r].add(feats[i].doc)
    top = max((len(d) for d in row_askers.values()), default=0)
    widest = [r for r, d in row_askers.items() if len(d) == top]
    if top < least or len(widest) != 1:
        return labels
    target = widest[0]
    _, days = row_index(feats, labels)
    if not days.get(target):
        return labels
    day = days[target].most_common(1)[0][0]
    rows, _ = row_members(feats, labels)
    out = list(labels)
    for r in set(row_askers) - {target}:
        stated = set(days.get(r, {})) or {iv[0] for i in rows[r] if (iv := feats[i].interval) is not None}
        if not stated or not all(1 <= d - day <= horizon for d in stated):
            continue
        for i in rows[r]:
            if asks[i]:
                out[i] = target
    return out
