"""Aftermath and response steps join the row of the happening they follow.

Rescuers arriving, help given, bodies pulled out of the rubble, troops pulling out, supplies
delivered, told in the sentence of a happening (or in one of the next ``incident_part_window``
sentences, when the step's own sentence names none), and a call to act, a pledge of support or a
warning told in the happening's own sentence, are parts of that happening's incident, not
happenings of their own: left to the pair model they formed one-word rows, and across documents
they merged by their word alone into rows that tell no happening ("urge", "support" of unrelated
speakers). A step told at another named place, or on a stated day that clashes with the
happening's, stays a happening of its own. Which event types are steps and reactions is data
(``[parts]`` of ``data/events/incidents.toml``); the rule reads the kind of the words, never who
speaks, so both sides' accounts are read alike.

Like a consequence or an inquiry, a step takes its host's incident and never merges two
happenings; a step whose sentence and previous sentences name no happening keeps its own row (a
separate happening that two sides tell, a relief convoy reported on its own).
``incident_parts = false`` switches it off; ``incident_part_types`` names the kinds of step that
join (shipped: the movements of people at the scene; an empty list: every kind of ``[parts]``).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import fits, incident_lexicon, is_part
from fullpicture.align._inquiries import sentence_hosts


def part_hosts(feats: Sequence[MentionFeatures], cfg: dict[str, Any],
               host: dict[int, int] | None = None) -> dict[int, int]:
    """``aftermath step or reaction -> happening`` inside each document (module docstring);
    ``host``: the consequence -> happening map of :func:`fullpicture.align._incidents.hosts_of`."""
    if not cfg.get("incident_parts", False):
        return {}
    lex = incident_lexicon()
    km = float(cfg.get("incident_near_km", 0.0))
    # the kinds of step that join (``incident_part_types``; none named: every kind of ``[parts]``)
    kinds = {str(t).upper() for t in cfg.get("incident_part_types", [])}

    def kind_of(f: MentionFeatures, reactions: bool) -> bool:
        return is_part(f, lex, reactions=reactions) and (not kinds or (f.type or "").upper() in kinds)

    # a step told in the next sentence hangs on the happening just before, not on one told
    # further back across sentences without mentions ("over the following week residents fled")
    gap = int(cfg.get("incident_part_gap", -1))
    steps = sentence_hosts(feats, [kind_of(f, False) for f in feats], int(cfg.get("incident_part_window", 0)), host,
                           gap if gap >= 0 else None)
    steps.update(sentence_hosts(feats, [kind_of(f, True) for f in feats], 0, host))
    # a step told at another place than its happening's sentence names, or on a clashing day,
    # is a happening of its own ("troops also withdrew from a ridge above another town")
    told: dict[tuple[str, tuple[int, int] | None], list[MentionFeatures]] = defaultdict(list)
    for f in feats:
        told[(f.doc, f.span)].append(f)

    def where(h: MentionFeatures) -> MentionFeatures:
        placed = [g for g in told[(h.doc, h.span)] if g.places]
        if h.places or not placed:
            return h
        return dataclasses.replace(h, places=frozenset().union(*(g.places for g in placed)),
                                   geo=next((g.geo for g in placed if g.geo), None))

    violent = bool(cfg.get("incident_part_violent_hosts", False))
    return {i: h for i, h in steps.items() if fits(where(feats[h]), feats[i], km)
            and (not violent or (feats[h].type or "").upper() in lex.violent_types)}


def lone_parts(feats: Sequence[MentionFeatures], events: Sequence[int], parts: dict[int, int]) -> dict[int, int]:
    """``parts`` less the steps whose own event the pair model aligned across documents (a step
    other reports tell as a happening of its own keeps its row)."""
    docs: dict[int, set[str]] = defaultdict(set)
    for f, e in zip(feats, events, strict=True):
        docs[e].add(f.doc)
    return {i: h for i, h in parts.items() if len(docs[events[i]]) < 2}
