"""Incidents: the event mentions of one real-world happening, grouped inside each document and
then aligned across documents.

1. Inside each document, consequences (killed, wounded, fire, missing, evacuated:
   ``data/events/incidents.toml``) join the happening of their own sentence ("At least 40 people
   died in Tuesday's blast"), or, when their sentence names none, the happening of one of the
   previous ``incident_window_sentences`` sentences, unless their stated dates or places clash.
   Happenings of one family told at one place, or told bare (``_samehappening``), are one.
2. Mentions are aligned inside and across documents by the pair model (``_eventpairs``,
   ``_events.cluster``); a consequence takes the incident of its happening, so incidents are
   aligned through their happenings, and consequences never merge two happenings.

Every mention keeps its own offsets; an incident is only a grouping of mentions. Step 1's hosts
are read in ``_hosts`` (re-exported here).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import partial
from typing import Any

import numpy as np

from fullpicture.align._aftermath import aftermath_with_harm
from fullpicture.align._anaphorrows import with_anaphors
from fullpicture.align._anchored import move_inquired
from fullpicture.align._background import join_background
from fullpicture.align._battlerows import join_battle_rows
from fullpicture.align._docjoin import join_document_rows
from fullpicture.align._downings import join_downings
from fullpicture.align._eventpairs import MentionFeatures, Vectors
from fullpicture.align._events import cluster
from fullpicture.align._followups import join_followups, join_retold
from fullpicture.align._hosts import (  # noqa: F401 re-exported
    _antecedent,
    _orphan_host,
    _own_day_apart,
    host_dates,
    hosts_of,
    word_hosts,
)
from fullpicture.align._incident_lex import (  # noqa: F401  (incident_lexicon: re-exported)
    IncidentLexicon,
    can_host,
    compatible,
    distinct,
    fits,
    happening,
    hosts_harm,
    incident_lexicon,
    is_consequence,
    is_inquiry,
    is_setting,
    nearest_host,
    told_about,
)
from fullpicture.align._incidentjoin import join_incidents
from fullpicture.align._inquiries import claim_hosts, inquiry_hosts, join_inquired
from fullpicture.align._inquiryrows import join_inquiry_rows, join_later_inquiries
from fullpicture.align._justifyrows import join_justify_rows
from fullpicture.align._lastingrows import join_lasting_rows
from fullpicture.align._namedrows import join_named_rows
from fullpicture.align._parts import lone_parts, part_hosts
from fullpicture.align._periphrows import join_periph_rows
from fullpicture.align._procedure import join_procedure
from fullpicture.align._reactrows import join_reaction_rows
from fullpicture.align._recalled import split_recalled
from fullpicture.align._recallmark import join_recalled_earlier
from fullpicture.align._relative import split_day_before
from fullpicture.align._requestrows import join_request_rows
from fullpicture.align._retoldfar import join_retold_far
from fullpicture.align._retoldnamed import join_retold_named
from fullpicture.align._retroacts import join_retro_acts
from fullpicture.align._rivalversions import join_rival_versions
from fullpicture.align._rowtrace import note, note_unions
from fullpicture.align._samehappening import _join_bare, _join_same_place
from fullpicture.align._settingrows import join_setting_rows, join_to_date
from fullpicture.align._speechrows import split_speech_rows
from fullpicture.align._tallies import join_running_totals
from fullpicture.align._tollrows import join_toll_rows
from fullpicture.align._townsplit import split_town_rows
from fullpicture.align._truces import join_truces
from fullpicture.align._util import UnionFind
from fullpicture.align._wordrows import join_word_rows
from fullpicture.nlp.events._anaphors import ANAPHOR_TYPE


def _switched_on(cfg: dict[str, Any], key: str, kind: type[bool] | type[int] | type[float]) -> bool:
    """Whether the row step of setting ``key`` runs: a number of days (or km) above 0, or true."""
    value = cfg.get(key, kind())
    return bool(value) if kind is bool else kind(value) > 0


def _dense(labels: Sequence[object]) -> list[int]:
    """Labels renumbered 0, 1, ... in the order they first appear."""
    roots: dict[object, int] = {}
    return [roots.setdefault(x, len(roots)) for x in labels]


def incidents(
    feats: Sequence[MentionFeatures], cfg: dict[str, Any], vec: Vectors | None = None
) -> tuple[list[int], list[int]]:
    """``(incident label, event label)`` per mention: the rows of every mention but the anaphoric
    nouns ("the incident", :func:`_rows`), then those nouns placed in the row of the act they name
    (``_anaphorrows``): they tell nothing of their own, so no other step sees them."""
    return with_anaphors(feats, cfg, vec, _rows)


def _rows(
    feats: Sequence[MentionFeatures], cfg: dict[str, Any], vec: Vectors | None = None
) -> tuple[list[int], list[int]]:
    """``(incident label, event label)`` per mention.

    Event labels: the cross-document coreference of mentions (``_events.cluster``); a definite
    anaphor ("the blast" after "a car bomb exploded") joins its antecedent's event. Incidents: a
    consequence with a happening in its document takes that happening's event as its incident;
    a consequence with none takes the incident most of its event's other consequences (in other
    documents) were attached to; acts of word and inquiries (``_inquiries``) about a happening
    likewise; every other mention's incident is its event. Consequences
    never merge two happenings: two reports' "killed" belong to one incident only when their
    happenings do.
    """
    scored: list[tuple[Any, Any]] = []
    events, _ = cluster(feats, cfg, vec, scored=scored)
    note("clustering", feats, events)
    host = hosts_of(feats, cfg)
    lex = incident_lexicon()
    uf: UnionFind[int] = UnionFind()
    for i, h in host.items():
        if not is_consequence(feats[i], lex):
            uf.union(events[h], events[i])  # a definite anaphor is the same happening
    note_unions("definite anaphors", feats, events, uf)
    if cfg.get("incident_same_place", True):
        _join_same_place(feats, cfg, events, uf)
    note_unions("same place", feats, events, uf)
    if cfg.get("incident_bare_joins", True):
        _join_bare(feats, cfg, events, uf, host)
    note_unions("told bare", feats, events, uf)
    # consequences and acts of word about a happening take their happening's incident
    attached = {i: h for i, h in host.items() if is_consequence(feats[i], lex)}
    attached.update(word_hosts(feats, cfg, host))
    # a claim of responsibility told after its happening's sentence ("X claimed responsibility for the raid")
    for i, h in claim_hosts(feats, cfg, host).items():
        attached.setdefault(i, h)
    # an inquiry into a happening ("an investigation into the strike") takes its incident too
    asks = inquiry_hosts(feats, cfg, host)
    attached.update(asks)
    # a step of its aftermath (rescuers arriving, help given, troops pulling out) likewise
    parts = part_hosts(feats, cfg, host)
    if cfg.get("incident_part_lone", False):
        parts = lone_parts(feats, events, parts)
    for i, h in parts.items():
        attached.setdefault(i, h)
    speaker = bool(cfg.get("incident_told_about_speaker", False))
    asked = {i for i in range(len(feats)) if cfg.get("incident_inquiries", True) and is_inquiry(feats[i], lex)}
    adopted: dict[object, Counter[object]] = defaultdict(Counter)
    for i, h in attached.items():
        adopted[uf.find(events[i])][uf.find(events[h])] += 1
    inc: list[object] = []
    for i in range(len(feats)):
        own = uf.find(events[i])
        if i in attached:
            inc.append(uf.find(events[attached[i]]))
        elif (is_consequence(feats[i], lex) or told_about(feats[i], lex, speaker) or i in asked) \
                and adopted.get(own):
            inc.append(adopted[own].most_common(1)[0][0])
        else:
            inc.append(own)
    for i, c in aftermath_with_harm(feats, attached, lex).items():
        inc[i] = inc[c]  # no host of its own: it follows the harm its sentence tells
    labels = _dense(inc)
    note("attachments", feats, labels)
    if float(cfg.get("incident_join_threshold", 0.0)) > 0 and scored:
        pairs = np.concatenate([s[0] for s in scored])
        probs = np.concatenate([s[1] for s in scored])
        labels = _dense(join_incidents(feats, cfg, labels, pairs, probs))
        note("incident_join_threshold", feats, labels)
    inquired = set(asks.values())
    for key, kind, step in (
        ("incident_facility_followup_days", int, join_followups),
        ("incident_inquiry_followup_days", int, partial(join_inquired, inquired=inquired)),
        ("incident_retold_days", int, join_retold),
        ("incident_retold_far_days", int, join_retold_far),
        ("incident_retold_named_days", int, join_retold_named),
        ("incident_inquiry_move_days", int, move_inquired),
        ("incident_rival_join", bool, join_rival_versions),
        ("incident_running_total_days", int, join_running_totals),
        ("incident_truce_days", int, join_truces),
        ("incident_downing_days", int, join_downings),
        ("incident_document_join_min_docs", int, join_document_rows),
        ("incident_setting_days", int, join_setting_rows),
        ("incident_recalled_days", int, split_recalled),
        ("incident_town_split_km", float, partial(split_town_rows, host=host)),
        ("incident_relative_days", int, split_day_before),
        ("incident_to_date_join", bool, join_to_date),
        ("incident_background_join", bool, join_background),
        # peripheral verbs before the procedure: a call told in a violent row's sentence is the periph
        # rule's ("had urged traders to leave" the market hit), not a call joining what it asks for
        # shared calls and pledges part by report first, so that the steps below read each
        # report's as words around its own happening
        ("incident_speech_row_min_docs", int, split_speech_rows),
        ("incident_periph_row_min_docs", int, join_periph_rows),
        ("incident_procedure_join", bool, join_procedure),
        ("incident_word_row_min_docs", int, join_word_rows),
        ("incident_lasting_family_days", int, join_lasting_rows),
        ("incident_combat_days", int, join_battle_rows),
        ("incident_request_row_min_docs", int, join_request_rows),
        ("incident_reaction_row_min_docs", int, join_reaction_rows),
        ("incident_justify_row_min_docs", int, join_justify_rows),
        ("incident_named_days", int, join_named_rows),
        ("incident_toll_row_days", int, join_toll_rows),
        ("incident_recall_gap_days", int, join_recalled_earlier),
        ("incident_retro_act_days", int, join_retro_acts),
        ("incident_inquiry_rows", bool, join_inquiry_rows),
        ("incident_inquiry_later_days", int, join_later_inquiries),
    ):
        if _switched_on(cfg, key, kind):
            labels = _dense(step(feats, cfg, labels))
            note(key, feats, labels)
    return labels, events


def names_happening(lemma: str, event_type: str | None) -> bool:
    """Whether a mention names the happening rather than one of its consequences or an act of
    word about it (an accusation, a denial); an anaphoric noun ("the incident") names one but
    tells none of it: the row's words and day come from the others."""
    lex = incident_lexicon()
    lemma = lemma.lower()
    if (event_type or "").upper() in lex.told_about or (event_type or "").upper() == ANAPHOR_TYPE:
        return False
    return lemma not in lex.consequences and lemma.replace(" ", "_") not in lex.consequences


def incident_labels(analyses: Sequence[Any], cfg: dict[str, Any]) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """``(incident, mention-level event cluster)`` label of every ``(document id, event id)``.

    The event clusters are the plain cross-document coreference of mentions (no incidents),
    kept for comparison in the evaluation.
    """
    from fullpicture.align._eventfeat import build_features, build_vectors
    from fullpicture.align._util import EntityIndex

    index = EntityIndex(analyses)
    feats, refs = build_features(analyses, index, cfg)
    vec = build_vectors(analyses, feats, cfg)
    inc, ev = incidents(feats, cfg, vec)
    keys = [(analyses[ai].document.id, e.id) for ai, e in refs]
    return dict(zip(keys, inc, strict=True)), dict(zip(keys, ev, strict=True))
