"""Tolls told apart from their act, joined to the row of the act whose dead they count.

A report counts the dead of its story's act in sentences that name no act ("At least 12 people
were killed", "Les morts se comptent par dizaines", "Погибли пять человек"), or name one only by
a verb of no violence ("schools stayed shut; three were killed", "the count was stopped at
nine dead"). Such a sentence makes a row of casualty words, or of casualty words and that verb,
apart from the act's row, so two sides' counts of one act's dead never meet in one row. A row
tells only a toll when

* its mentions are casualties: at least one harm (``[consequences] harm`` of
  data/events/incidents.toml: killed, wounded, morts, погибли, жертвы), the rest consequences,
  acts of word or words about a happening (``_wordrows.is_word``), none told apart: the whole
  row joins the act's row;
* or its mentions tell no violent happening (``[hosts] violent_types``) besides its harm: its
  harm mentions (none told apart, none told in the sentence of a lasting setting, a war: that is
  the war's toll) join the act's row, its other mentions keep their row;

and the act is found and fits:
* the act is that of its documents: the row of violence of ``incident_toll_row_min_docs`` or more
  documents holding most of their violent mentions (``_wordrows.story_acts``), the same for every
  document of the row; a document that tells no violent happening counts the story's act (the
  row of violence told by the most documents, when they are ``incident_toll_row_story_share`` of
  all); a document whose violent happenings are all in small rows counts none of them;
* the act's row is told by more documents than the toll's;
* its stated days (a stated day of at most one day) lie at most ``incident_toll_row_days`` days
  from the act's day, and it is told from that many days before that day up to that many after
  (a toll of a later strike, an earlier year or the whole war keeps its row);
* none of its mentions is placed at a town outside the act row's country, nor at a place that
  clashes with every place the act's violent mentions are told at.

Words, days and places only: every side alike. ``incident_toll_row_days = 0`` switches it off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    IncidentLexicon,
    _places_clash,
    distinct,
    incident_lexicon,
    is_consequence,
    is_setting,
)
from fullpicture.align._lastingrows import row_day, told_day
from fullpicture.align._wordrows import is_word, story_acts, town_apart


def toll_only(feats: Sequence[MentionFeatures], idx: Sequence[int], lex: IncidentLexicon) -> bool:
    """Whether the mentions ``idx`` tell only casualties: a harm at least, the rest consequences,
    acts of word or words about a happening, none told apart."""
    harm = [i for i in idx if feats[i].lemma.lower() in lex.harm]
    if not harm or any(distinct(feats[i]) for i in idx):
        return False
    return all(i in harm or is_consequence(feats[i], lex) or is_word(feats[i])
               or (feats[i].type or "").upper() in lex.told_about for i in idx)


def _place_apart(feats: Sequence[MentionFeatures], acts: Sequence[int], small: Sequence[int], km: float) -> bool:
    """Whether a placed mention of ``small`` clashes with every placed mention of ``acts``."""
    placed = [feats[j] for j in acts if feats[j].places]
    return bool(placed) and any(feats[i].places and all(_places_clash(a, feats[i], km) for a in placed)
                                for i in small)


def _no_violence(feats: Sequence[MentionFeatures], idx: Sequence[int], lex: IncidentLexicon) -> bool:
    """Whether the mentions ``idx`` tell harm and no violent happening besides it."""
    harm = [i for i in idx if feats[i].lemma.lower() in lex.harm]
    return bool(harm) and all(i in harm or is_consequence(feats[i], lex)
                              or (feats[i].type or "").upper() not in lex.violent_types for i in idx)


def _days_apart(feats: Sequence[MentionFeatures], idx: Sequence[int], act_day: int, slack: int) -> bool:
    """Whether ``idx`` states a time that misses the act's day by more than ``slack`` days (a
    stated year or month that does not take it in), or is told on a day that far from it."""
    for i in idx:
        iv = feats[i].interval
        if feats[i].date_firm and iv is not None and not iv[0] - slack <= act_day <= iv[1] + slack:
            return True
    told = told_day(feats, idx, 1, False)
    return told is not None and abs(told - act_day) > slack


def join_toll_rows(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining tolls told apart to the row of the act they count
    (module docstring)."""
    slack = int(cfg.get("incident_toll_row_days", 0))
    if slack <= 0:
        return labels
    min_docs = int(cfg.get("incident_toll_row_min_docs", 2))
    share = float(cfg.get("incident_toll_row_story_share", 1.0))
    km = float(cfg.get("incident_near_km", 0.0))
    lex = incident_lexicon()
    members, docs, violent, main, story = story_acts(feats, labels, min_docs, share)
    acting = {f.doc for i, f in enumerate(feats) if violent[i]}
    # sentences of a lasting setting (a war): a toll told there is the war's
    settings = {(f.doc, f.span) for f in feats if is_setting(f)}
    out = list(labels)
    for r, idx in members.items():
        if toll_only(feats, idx, lex):
            moving = list(idx)
        elif _no_violence(feats, idx, lex):
            moving = [i for i in idx if feats[i].lemma.lower() in lex.harm and not distinct(feats[i])
                      and (feats[i].doc, feats[i].span) not in settings]
        else:
            continue
        if not moving:
            continue
        targets = {main.get(d, story if d not in acting else None) for d in {feats[i].doc for i in moving}}
        if len(targets) != 1:
            continue
        (target,) = targets
        if target is None or target == r or len(docs[target]) <= len(docs[r]):
            continue
        acts = [j for j in members[target] if violent[j]]
        act_day = row_day(feats, acts, 1)
        if act_day is not None and _days_apart(feats, moving, act_day, slack):
            continue  # (the toll of a later happening, an earlier year, the whole war)
        if town_apart(feats, members[target], moving) or _place_apart(feats, acts, moving, km):
            continue
        for i in moving:
            out[i] = target
    return out
