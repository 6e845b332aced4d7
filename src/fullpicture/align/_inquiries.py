"""Inquiries into a happening join that happening's row.

An inquiry ("prosecutors opened a criminal case into the strike", "une enquête a été ouverte",
"возбуждено уголовное дело"; ``[inquiry] types`` of ``data/events/incidents.toml``) is a step taken
after its happening, on a day of its own, and part of the happening's incident. Left to the pair
model it formed a one-word row, or none when its sentence named no happening. An inquiry hangs on

* the nearest happening that can host consequences in its own sentence ("an investigation into
  the blast");
* else the happening a consequence of its sentence hangs on ("a case was opened over the deaths");
* else the last happening, not told apart, of one of the previous ``incident_inquiry_window``
  sentences of its document ("A missile hit the market. An investigation has been opened."), or
  the happening a consequence of that sentence hangs on ("Three were killed. An inquiry ...").
  Shipped window since session 36: 0. An inquiry told in a sentence of its own is read as a
  happening of its own (its doers and days are not the act's), so it does not fill the act's row.

Like a consequence, it never merges two happenings: it takes its host's incident. The rule reads
words only, never who investigates, so both sides' inquiries are read alike.
``incident_inquiries = false`` switches it off.

A happening an inquiry is about lies in the past of its report: "the mission to investigate the
shelling of the prison in Northtown", told months later, takes the report's day, far from the
happening's, and formed a row of its own. :func:`join_inquired` joins such a row to the one row
that tells a happening of its family at one of its places on a stated day before it, up to
``incident_inquiry_followup_days`` before (0 = off); as for a facility's follow-ups
(``_followups``), rows never join when a document tells both, when more than one row could be
meant, or when the inquired row states a day of its own that clashes with the target's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    can_host,
    distinct,
    incident_lexicon,
    is_consequence,
    is_inquiry,
    nearest_host,
    same_place_types,
)
from fullpicture.align._toldrow import (
    happening_days,
    happening_docs,
    row_index,
    rows_told_targets,
    told_places,
)
from fullpicture.align._util import short_interval


def sentence_index(feats: Sequence[MentionFeatures]) -> tuple[
        dict[tuple[str, tuple[int, int]], list[int]], dict[str, list[tuple[int, int]]]]:
    """Mentions per ``(document, sentence span)``, and each document's sentence spans in order."""
    sentences: dict[tuple[str, tuple[int, int]], list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if f.span is not None:
            sentences[(f.doc, f.span)].append(i)
    order: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, span in sorted(sentences):
        order[doc].append(span)
    return sentences, order


def inquiry_hosts(feats: Sequence[MentionFeatures], cfg: dict[str, Any],
                  host: dict[int, int] | None = None) -> dict[int, int]:
    """``inquiry mention -> happening`` inside each document (module docstring); ``host``: the
    consequence -> happening map of :func:`fullpicture.align._incidents.hosts_of`."""
    if not cfg.get("incident_inquiries", True):
        return {}
    lex = incident_lexicon()
    if not lex.inquiry_types:
        return {}
    return sentence_hosts(feats, [is_inquiry(f, lex) for f in feats],
                          int(cfg.get("incident_inquiry_window", 1)), host)


def claim_hosts(feats: Sequence[MentionFeatures], cfg: dict[str, Any],
                host: dict[int, int] | None = None) -> dict[int, int]:
    """``claim mention -> happening`` inside each document: a claim of responsibility (``[told_about]
    claims`` of ``data/events/incidents.toml``) hangs on the happening of its sentence, else of one
    of the previous ``incident_claim_window`` sentences ("The Front claimed responsibility for the
    events." after the raid's sentence), as an inquiry does; else, with ``incident_claim_ahead``,
    of the next sentence with mentions (a headline "Front claims responsibility for Kelvo events"
    over the raid's lead)."""
    lex = incident_lexicon()
    if not lex.claim_types or not cfg.get("incident_told_about", True):
        return {}
    claims = [(f.type or "").upper() in lex.claim_types for f in feats]
    out = sentence_hosts(feats, claims, int(cfg.get("incident_claim_window", 0)), host)
    if not cfg.get("incident_claim_ahead", False):
        return out
    sentences, order = sentence_index(feats)
    for (doc, span), idx in sentences.items():
        lone = [i for i in idx if claims[i] and i not in out]
        k = order[doc].index(span)
        if not lone or k + 1 >= len(order[doc]):
            continue
        after = [h for h in sentences[(doc, order[doc][k + 1])] if can_host(feats[h], lex) and not distinct(feats[h])]
        for i in lone if after else []:
            out[i] = after[0]
    return out


def _follows(first: tuple[int, int] | None, then: tuple[int, int] | None, gap: int) -> bool:
    """Sentence ``then`` starts at most ``gap`` characters after ``first`` ends."""
    return first is not None and then is not None and 0 <= then[0] - first[1] <= gap


def sentence_hosts(feats: Sequence[MentionFeatures], steps: Sequence[bool], window: int,
                   host: dict[int, int] | None = None, gap: int | None = None) -> dict[int, int]:
    """``step mention -> happening`` inside each document, for the mentions ``steps`` marks (an
    inquiry, an aftermath step): the nearest happening that can host consequences in the step's
    own sentence; else the happening a consequence of that sentence hangs on (``host``); else the
    last happening, not told apart, of one of the previous ``window`` sentences with mentions (or
    the happening a consequence of that sentence hangs on). ``gap``: those sentences must follow
    one another in the text (at most ``gap`` characters between them: no sentence without
    mentions between them)."""
    lex = incident_lexicon()
    sentences, order = sentence_index(feats)
    out: dict[int, int] = {}
    for (doc, span), idx in sentences.items():
        asks = [i for i in idx if steps[i]]
        if not asks:
            continue
        hosts = [h for h in idx if can_host(feats[h], lex)]
        if not hosts and host:
            hosts = sorted({host[c] for c in idx if c in host and is_consequence(feats[c], lex)})
        if hosts:
            for i in asks:
                out[i] = nearest_host(feats, hosts, i)[0]
            continue
        k = order[doc].index(span)
        for back in range(1, window + 1):
            if k - back < 0:
                break
            if gap is not None and not _follows(order[doc][k - back], order[doc][k - back + 1], gap):
                break
            before = sentences[(doc, order[doc][k - back])]
            prev = [h for h in before if can_host(feats[h], lex) and not distinct(feats[h])]
            if not prev and host:  # "Three civilians were killed." just before: their happening
                prev = [host[c] for c in before if c in host and is_consequence(feats[c], lex)
                        and not distinct(feats[host[c]])]
            if prev:
                for i in asks:
                    out[i] = prev[-1]
                break
    return out


def join_inquired(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int],
                  inquired: set[int]) -> list[int]:
    """Incident label per mention after joining rows of happenings an inquiry is about
    (``inquired``: their mentions, with no day stated in their own sentence) to the row that told
    the happening on a stated day at one of their places (module docstring)."""
    horizon = int(cfg.get("incident_inquiry_followup_days", 0))
    return join_to_told_row(feats, cfg, labels, inquired, (1, horizon))


def join_to_told_row(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int],
                     picked: set[int], window: tuple[int, int], nearest: bool = False,
                     within: bool = False) -> list[int]:
    """Incident label per mention after joining the rows of ``picked`` mentions (happenings told
    on a later day than theirs, with no day stated in their own sentence) each to the one row
    that tells a happening of its family at one of its places on a stated day ``window[0]`` to
    ``window[1]`` days before a picked mention's day (``window[1] <= 0``: off). Rows never join
    when a document tells both, when more than one row could be meant, or when the picked row
    states a day of its own that clashes with the target's; with ``nearest``, not either when
    a row of the family at that place states a day nearer the picked one's (from 0 days before:
    the later happening the report may tell). With ``within``, a picked mention told at a region
    or a country is also told at the places its document names inside it (``_containing``), and
    a day of the picked row's own is one its happenings state (not a count's, a rescue's
    or a statement's day: :func:`fullpicture.align._toldrow.happening_days`), and a document
    tells a row when it tells a happening in it (``happening_docs``)."""
    low, horizon = window
    if horizon <= 0 or not picked:
        return labels
    slack = int(cfg.get("inherited_date_slack_days", 1))
    types = same_place_types(cfg)
    lex = incident_lexicon()
    docs, days = row_index(feats, labels)
    told = told_places(feats, labels, types, lex)  # row -> place -> families
    own = happening_days(feats, labels, types, lex) if within else None
    if within:
        docs = happening_docs(feats, labels, types)
    asked: dict[int, list[int]] = defaultdict(list)
    for i in sorted(picked):
        f = feats[i]
        if f.date_firm or distinct(f) or (f.type or "").upper() not in types or not f.places \
                or short_interval(f.interval, 1) is None:
            continue
        asked[labels[i]].append(i)
    joined: dict[int, int] = {}
    for r, idx in sorted(asked.items()):
        targets, nearer = rows_told_targets(r, idx, feats, told, docs, days, window, slack, nearest,
                                            own, within)
        if len(targets) == 1 and not nearer:
            joined[r] = targets.pop()
    return [joined.get(r, r) for r in labels]
