"""Two happenings one report dates apart are two happenings.

A report of a strike often tells other happenings in passing, each with its own stated time:
"the province was annexed in 2009", "the governor was replaced last year", "a raid on the
port on 3 May" in a report of a strike on 20 September. The pair model may file such a mention
with the story's act of the same report (same document, violent or forceful words, a shared
place), and the story's row then swallows a happening of another time.

Two happenings of one document (mentions that can host consequences, ``_incident_lex.can_host``)
whose own stated times (firm dates: told in their own clause or sentence) lie more than
``[align] link_dated_apart_days`` days apart (the end of one before the start of the other), one
of them at least ``link_dated_apart_span_days`` days long (a month, a year: two stated days are
left to the pair model, which weighs them with the words), are *dated apart*: the mention
clustering never merges two clusters that hold such a pair (``_linking.average_link``). Only
reports with a day of publication state times (a relative time, "on Friday", "last year", is
read against it), and a stated time that starts more than ``link_dated_apart_years`` years
before the report's publication is no time of a happening (a count read as a year: "4300
people"). The other reports' mentions of each happening still meet it through the pair model.
Days only, never whose words: both sides alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import can_host, incident_lexicon


def stated_time(f: MentionFeatures, years: int) -> tuple[int, int] | None:
    """The mention's own stated time (first and last day), else None: told in its own clause or
    sentence of a dated report (a time is read against the report's day: "on Friday", "last
    year"), starting at most ``years`` years (0: any) before its publication."""
    pub = f.extra.get("published")
    if not (f.date_firm and f.interval and pub) or f.bare:
        return None
    if years > 0 and pub[0] - f.interval[0] > 366 * years:
        return None
    return f.interval


def dated_apart(feats: Sequence[MentionFeatures], cfg: dict[str, Any]) -> dict[int, set[int]]:
    """``mention -> mentions`` of its document that it is dated apart from (both ways); empty
    when ``link_dated_apart_days`` is 0."""
    days = int(cfg.get("link_dated_apart_days", 0))
    if days <= 0:
        return {}
    years = int(cfg.get("link_dated_apart_years", 0))
    span = int(cfg.get("link_dated_apart_span_days", 0))
    lex = incident_lexicon()
    by_doc: dict[str, list[tuple[int, tuple[int, int]]]] = defaultdict(list)
    for i, f in enumerate(feats):
        if can_host(f, lex) and (when := stated_time(f, years)) is not None:
            by_doc[f.doc].append((i, when))
    out: dict[int, set[int]] = defaultdict(set)
    for told in by_doc.values():
        told.sort(key=lambda x: x[1])
        for k, (i, (first, end)) in enumerate(told):
            for j, (start, last) in told[k + 1:]:
                # a month or a year on one side at least (two stated days are left to the pair
                # model, which weighs them with the words)
                if start - end > days and max(end - first, last - start) + 1 >= span:
                    out[i].add(j)
                    out[j].add(i)
    return dict(out)


def merged(a: dict[int, set[int]] | None, b: dict[int, set[int]]) -> dict[int, set[int]] | None:
    """The union of two ``mention -> mentions`` tables (None when both are empty)."""
    if not b:
        return a
    out: dict[int, set[int]] = {k: set(v) for k, v in (a or {}).items()}
    for k, v in b.items():
        out.setdefault(k, set()).update(v)
    return out
