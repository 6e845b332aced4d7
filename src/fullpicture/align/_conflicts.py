"""Conflicts: the fields on which the sides reporting one row disagree (:func:`find_conflicts`).

Figures are :mod:`._figureitems` (a row's values by count and side), :mod:`._figureseries` (each
side's standing values) and :mod:`._figureclash` (their clashes); dates :mod:`._dateconflict`,
agents and places :mod:`._entityconflicts`, what was hit :mod:`._targets`; the row's members
:mod:`._rowmembers`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fullpicture.align._causes import cause_conflict
from fullpicture.align._dateconflict import _date_conflict
from fullpicture.align._deadtargets import dead_values
from fullpicture.align._disputes import figure_disputes
from fullpicture.align._entityconflicts import _agent_denial, _entity_conflict
from fullpicture.align._figureclash import _figure_conflicts
from fullpicture.align._figureitems import FigureItem, incident_figures_for
from fullpicture.align._rowmembers import _UNREAL, Member
from fullpicture.align._rowmembers import side_of_state as _side_of_state
from fullpicture.align._targets import target_conflict, target_values
from fullpicture.align._util import EntityIndex
from fullpicture.models.comparison import Conflict, ConflictValue


def row_targets(members: Sequence[Member], index: EntityIndex, cfg: dict[str, Any] | None = None,
                figures: dict[str, dict[str, list[FigureItem]]] | None = None) -> list[ConflictValue]:
    """What was hit, in each side's words (:func:`target_values`: real mentions only, words
    quoted from another compared side's state given to that side; with ``target_conversion_gap``
    of ``cfg``, a place told as turned into a military one (or, with ``target_location_sites``,
    as holding one); with ``target_dead_populations`` and
    the row's ``figures``, its counts of the dead as fighters or civilians: :mod:`._deadtargets`)."""
    out = target_values(members, _UNREAL, index, _side_of_state(members),
                        int((cfg or {}).get("target_conversion_gap", 0)),
                        bool((cfg or {}).get("target_quoted_labels", False)),
                        bool((cfg or {}).get("target_speakers", False)),
                        bool((cfg or {}).get("target_location_sites", False)))
    if figures is not None and (cfg or {}).get("target_dead_populations", False):
        out += dead_values(figures, {m.analysis.document.id: m.analysis for m in members})
    return out


def find_conflicts(
    members: Sequence[Member], index: EntityIndex, cfg: dict[str, Any],
    figures: dict[str, dict[str, list[FigureItem]]] | None = None, sides: Sequence[str] | None = None,
) -> list[Conflict]:
    """Every field on which the sides reporting one event disagree, values with provenance
    (``figures``: the incident's :func:`incident_figures_for`, when the caller has them;
    ``sides``: every compared side, whose states an agent's account may name although none of
    their documents tells the row)."""
    if len({m.side for m in members}) < 2:
        return []
    figs = incident_figures_for(members, cfg, index) if figures is None else figures
    disputes = (figure_disputes(members, figs, index, bool(cfg.get("figure_hedged_disputes", False)))
                if cfg.get("figure_disputes", True) else None)
    out = _figure_conflicts(figs, cfg, disputes)
    for c in (
        _date_conflict(members, int(cfg.get("date_conflict_slack_days", 0)), int(cfg.get("date_conflict_max_days", 0)),
                       int(cfg.get("date_conflict_denied_chars", 0))),
        (_entity_conflict(members, index, "agent", cfg, sides) or _agent_denial(members, index, cfg, sides)
         or cause_conflict(members, index, cfg)),
        _entity_conflict(members, index, "place", cfg),
        target_conflict(row_targets(members, index, cfg, figs), cfg),
    ):
        if c is not None:
            out.append(c)
    return out
