"""Build :class:`MentionFeatures` for the events of several analyses (what is read of one
mention in its text is in ``_mentioncues``, the vectors in ``_eventvectors``; both re-exported
here)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import Any

from fullpicture.align._aftermath import aftermath_kind, keep_told_with_harm
from fullpicture.align._anniversary import recalled_by_anniversary
from fullpicture.align._background import (
    told_to_come,
)
from fullpicture.align._causeapart import cause_unit, units_outside
from fullpicture.align._causewords import borrowed
from fullpicture.align._containing import document_levels, inside, wide_reach
from fullpicture.align._dates import interval
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._eventvectors import (  # noqa: F401 re-exported
    _consequence,
    _cross_lingual,
    _glosses,
    build_vectors,
    doc_text,
    english_word,
)
from fullpicture.align._facility import (
    document_sites,
    facility_places,
    is_town_place,
    town_before,
    town_mentions,
)
from fullpicture.align._freed import freed_captives
from fullpicture.align._incident_lex import (
    in_rubric,
    incident_lexicon,
    lasting_kinds,
    war_nouns,
)
from fullpicture.align._mentioncues import (  # noqa: F401 re-exported
    _ANOTHER,
    _COUNT_AFTER,
    _COUNTS,
    _DEFINITE,
    _TOLL_COUNTS,
    _background_flags,
    _bare,
    _definite,
    _determiners,
    _distinct,
    _distinct_cues,
    _has_speaker,
    _is_country,
    _trigger_terms,
    _verb_form,
    _word_class,
    _zero_tolls,
    lemma_of,
    sentence_of,
    type_family,
)
from fullpicture.align._recallmark import recall_marker
from fullpicture.align._relative import told_day_before, told_to_date
from fullpicture.align._retoldnamed import (
    named_keys,
    place_mentions,
    sentence_places,
    unknown_place_names,
)
from fullpicture.align._sites import facility_kinds
from fullpicture.align._speakerplace import statement_place
from fullpicture.align._stretch import stretch_of, stretches
from fullpicture.align._util import EntityIndex, content_words, country_code, outside_story
from fullpicture.align._vicinity import near_only
from fullpicture.models import Analysis, Event


def build_features(
    analyses: Sequence[Analysis], index: EntityIndex, cfg: dict[str, Any]
) -> tuple[list[MentionFeatures], list[tuple[int, Event]]]:
    """Features of every event mention, and (analysis index, event) for each."""
    groups = cfg.get("type_groups", {}) or {}
    equivalents = bool(cfg.get("equivalent_words", True))
    speaker_places = bool(cfg.get("speaker_place_no_event_place", False))
    keep_countries = bool(cfg.get("speaker_place_keep_countries", True))
    facilities = int(cfg.get("incident_facility_followup_days", 0)) > 0
    # facility nouns are looked for only next to the happenings the rival-versions join reads
    site_window = int(cfg.get("incident_rival_site_window", 0)) if cfg.get("incident_rival_join", False) else 0
    site_types = {str(t).upper() for t in cfg.get("incident_rival_types", ["ASSAULT", "ATTACK", "DISASTER"])}
    doc_towns = bool(cfg.get("incident_site_document_places", False)) and (site_window > 0 or facilities)
    # a facility's happening told with no place takes the town named last before its sentence
    before = int(cfg.get("incident_site_town_before_chars", 0)) if site_window > 0 else 0
    # a named facility also keyed by its kind and its name's distinctive word
    name_words = bool(cfg.get("incident_site_name_words", False))
    freed_before = int(cfg.get("incident_freed_before_chars", 0))
    # a facility named in a unit of cause the trigger lies outside ("strikes ... after damage to the
    # bridge") is the cause's, not the trigger's
    site_causes = site_window > 0 and bool(cfg.get("incident_site_cause_units", False))
    # what followed a happening (a recovery, a medical step, an acknowledgement: ``_aftermath``)
    aftermath_near = int(cfg.get("incident_aftermath_near_chars", 0))
    # a happening told the day before its sentence's main one ("a day after X", ``_relative``)
    day_before = int(cfg.get("incident_relative_days", 0)) > 0
    after_chars = int(cfg.get("incident_relative_after_chars", 0))
    before_chars = int(cfg.get("incident_relative_before_chars", 0))
    # a toll of the war to date ("killed since 3 June", ``_settingrows.join_to_date``)
    to_date = bool(cfg.get("incident_to_date_join", False))
    period_before = int(cfg.get("incident_to_date_before_chars", 0))
    period_after = int(cfg.get("incident_to_date_after_chars", 0))
    # the story's background: the period a count runs from, a lasting frame (``_background``)
    back_chars = int(cfg.get("incident_background_chars", 0)) if cfg.get("incident_background_join", False) else 0
    start_chars = int(cfg.get("incident_background_start_chars", 0))
    begun_days = int(cfg.get("incident_background_begun_days", 0)) if back_chars else 0
    war_named = bool(back_chars and cfg.get("incident_background_war_nouns", False))
    # the document's places within a region or country a happening is told at (``_containing``)
    contained = bool(cfg.get("incident_retold_contained", False))
    # how far a place of no single country reaches (a continent, an open sea: ``wide_reach``)
    reach_km = {str(k): float(v) for k, v in (cfg.get("place_wide_reach_km", {}) or {}).items()}
    # the names of a happening's places and participants, for a later retelling (``_retoldnamed``)
    named = int(cfg.get("incident_retold_named_days", 0)) > 0
    naming = int(cfg.get("incident_named_days", 0)) > 0
    # a war named in a rubric heading its line hosts nothing (``_incident_lex.in_rubric``)
    rubric_chars = int(cfg.get("incident_rubric_chars", 0))
    # a happening recalled by its anniversary takes no day from its sentence (``_anniversary``)
    anniversary_chars = int(cfg.get("incident_anniversary_chars", 0))
    # a word of recall near the trigger ("earlier this month", "déjà": ``_recallmark``)
    recall_chars = int(cfg.get("incident_recall_marker_chars", 0)) if int(cfg.get("incident_recall_gap_days", 0)) else 0
    # a happening told as what led to another of its sentence ("in revenge for the killing": ``_causeapart``)
    causes = bool(cfg.get("link_cause_apart", False))
    # a stated stretch of days keys the mentions it dates ("du 4 au 9 mai": ``_stretch``)
    stretch_days = int(cfg.get("incident_stretch_max_days", 0))
    cause_table = str(cfg.get("link_cause_phrases", "reprisal"))
    # a day or a place told only in the words of the cause ("... in response to the ambush on
    # 3 March near Westvale"): the cause's, not the mention's (``_causewords``)
    cause_words = bool(cfg.get("incident_cause_words", False))
    feats: list[MentionFeatures] = []
    refs: list[tuple[int, Event]] = []
    for ai, a in enumerate(analyses):
        doc = a.document.id
        per_sentence = Counter((ev.evidence.start, ev.evidence.end) for ev in a.events)
        pub = getattr(a.document, "published", None)
        published = interval(str(pub)[:10]) if pub else None
        lang = a.document.language or "en"
        # facility kind -> the places the document names as that kind of facility
        towns = document_sites(a, index) if doc_towns and a.events else {}
        # the events whose only counts of the dead or wounded are zeros ("no one was hurt")
        zero_tolls = _zero_tolls(a)
        named_towns = town_mentions(a, index) if before > 0 and a.events else []
        town_cache: dict[str, bool] = {}
        # where the speech cues end (an "earlier" phrase just after one dates the saying)
        cue_ends = sorted(c.cue.end for c in a.claims if c.cue is not None) if day_before else []
        levels = document_levels(a, index) if contained and a.events else {}
        # the places its sentences name, for a happening told at none (``_retoldnamed``)
        place_spans = place_mentions(a) if named and a.events else []
        stated = stretches(a, stretch_days) if a.events else {}
        for ev in a.events:
            if outside_story(a, ev.evidence.start):
                continue  # editorial notes, bios, boilerplate: no events of the story
            places = set()
            geo = None
            at_town = False  # its place is a gazetteer town or city
            country_place = False
            reach = 0.0
            day_theirs, place_theirs = borrowed(a, ev, lang, cause_table) if cause_words else (False, False)
            told = index.entity(doc, ev.place) if ev.place and speaker_places else None
            # "officials in Kyiv said the dam was blown up": where it was said, not where it
            # happened (:func:`statement_place`); a country that speaks ("Algeria announced the
            # deaths") stays, as the coarsest place of its story (it contains the places inside it)
            said_only = told is not None and statement_place(a, ev, told) and not (keep_countries and _is_country(told))
            if ev.place and not said_only and not place_theirs:
                key = index.key(doc, ev.place, resolve=True)
                if key:
                    places.add(key)
                ent = index.entity(doc, ev.place)
                country_place = ent is not None and _is_country(ent)
                if ent is not None and ent.geo is not None:
                    geo = (ent.geo.lat, ent.geo.lon, (ent.geo.country or "").upper(), _is_country(ent))
                    reach = wide_reach(ent, reach_km) if reach_km and not geo[2] else 0.0
                    # "a village near Westburg": Westburg is a landmark, not the town it is told at
                    at_town = is_town_place(ent, town_cache) and not near_only(a, ev, ent)
            names, counters = _trigger_terms(a, ev)
            # where it happened: its place, or a place it struck ("the shelling of the depot in Homs")
            where = set(places)
            at_towns = [(k, geo[0], geo[1]) for k in places] if at_town and geo is not None else []
            for pid in ev.patients:
                pent = index.entity(doc, pid)
                pkey = index.key(doc, pid, resolve=True)
                if pent is not None and pkey and pent.type in ("GPE", "LOC", "FAC") and country_code(pent.name) is None:
                    where.add(pkey)
                    if pent.geo is not None and is_town_place(pent, town_cache):
                        at_towns.append((pkey, pent.geo.lat, pent.geo.lon))
            parts = {index.key(doc, e, resolve=True) for e in [*ev.agents, *ev.patients]}
            sent = sentence_of(a, ev)
            sites = facility_kinds(a.text, ev.trigger.start, ev.trigger.end, ev.evidence.start, ev.evidence.end,
                                   site_window, units_outside(sent, ev.trigger.start, ev.evidence.start, lang)
                                   if site_causes else ()
                                   ) if (ev.type or "").upper() in site_types else frozenset()
            site_where = where - places if country_place else where
            town = town_before(named_towns, ev.evidence.start, before) if sites and not site_where else None
            feats.append(
                MentionFeatures(
                    doc=doc,
                    lemma=lemma_of(ev),
                    sentence=sent,
                    trigger=ev.trigger.text,
                    type=ev.type,
                    family=type_family(ev.type, groups),
                    interval=published if day_theirs else stretch_of(a, ev, stated) or interval(ev.date),
                    date_firm=not day_theirs and ev.date_source in (None, "sentence") and not recalled_by_anniversary(
                        sent, ev.trigger.start - ev.evidence.start, (lang or "en").split("-")[0].lower(),
                        anniversary_chars),
                    span=(ev.evidence.start, ev.evidence.end),
                    names=names,
                    counters=counters,
                    bare=_bare(ev, per_sentence[(ev.evidence.start, ev.evidence.end)]),
                    places=frozenset(places),
                    geo=geo,
                    participants=frozenset(p for p in parts if p),
                    words=frozenset(content_words(sent)),
                    word=_word_class(a, ev, lang) if equivalents else "",
                    extra={"definite": _definite(a.text, ev.trigger.start, lang, ev.trigger.text, lemma_of(ev)), "distinct": _distinct(a, ev),
                           "published": published, "where": frozenset(where),
                           # km around its point a place of no single country contains
                           "reach": reach,
                           # the places its sentence names as a facility ("the X prison")
                           "facility": facility_places(a, ev, index, name_words) if facilities else frozenset(),
                           "speaker": _has_speaker(a, ev),
                           # told as not done, planned or supposed ("no warning was issued")
                           "modality": ev.modality,
                           # its own doers ("a senior official escaped"): read by ``_periphrows``
                           "agents": frozenset(k for e in ev.agents if (k := index.key(doc, e, resolve=True))),
                           # where its trigger starts in its sentence
                           "at": ev.trigger.start - ev.evidence.start,
                           "rubric": in_rubric(sent, ev.trigger.text, lemma_of(ev), rubric_chars),
                           # the document's places within its region or country ("_containing")
                           "inside": inside(ev.place, levels) if places else frozenset(),
                           # the gazetteer towns it is told at or struck: (key, lat, lon)
                           "towns": tuple(at_towns),
                           # a freeing of captives: the outcome of the raid told with it (``_freed``)
                           "freed": freed_captives(a, ev, lemma_of(ev), freed_before),
                           # a kind of aftermath it tells, '' for none (``_aftermath``)
                           "aftermath": aftermath_kind(a, ev, lemma_of(ev), aftermath_near),
                           # its only counts of the killed or injured are zeros
                           "zero_toll": ev.id in zero_tolls,
                           "day_before": day_before and told_day_before(
                               sent, (ev.trigger.start - ev.evidence.start, ev.trigger.end - ev.evidence.start),
                               lang, after_chars, before_chars,
                               [e - ev.evidence.start for e in cue_ends[bisect_left(cue_ends, ev.evidence.start):
                                                                       bisect_right(cue_ends, ev.evidence.end)]]),
                           "to_date": to_date and told_to_date(
                               sent, (ev.trigger.start - ev.evidence.start, ev.trigger.end - ev.evidence.start),
                               lang, period_before, period_after),
                           **_background_flags(sent, (ev.trigger.start - ev.evidence.start,
                                                      ev.trigger.end - ev.evidence.start), lang, back_chars,
                                               [o.trigger.start - ev.evidence.start for o in a.events
                                                if o is not ev and o.evidence.start == ev.evidence.start]
                                               if back_chars else (), lemma_of(ev), start_chars),
                           "cause_unit": cause_unit(
                               sent, (ev.trigger.start - ev.evidence.start, ev.trigger.end - ev.evidence.start),
                               lang, cause_table) if causes else None,
                           "recall_marker": recall_marker(
                               sent, (ev.trigger.start - ev.evidence.start, ev.trigger.end - ev.evidence.start),
                               lang, recall_chars),
                           # a day stated in its own sentence, even one the text leaves unanchored
                           # ("early on Sunday" in a report with no date)
                           "stated_day": ev.date_source == "sentence" and bool(ev.date) and not day_theirs,
                           # dated by its report's publication, no day stated before it
                           "by_report": ev.date_source == "published",
                           # its places and participants as names in any script (``_retoldnamed``)
                           "names": named_keys(index, doc, [
                               *([ev.place] if ev.place else sentence_places(place_spans, ev.evidence.start, ev.evidence.end)),
                               *ev.agents, *ev.patients]) if named else frozenset(),
                           # ... the known places of its sentence, told at an unknown one (``_retroacts``)
                           "sentence_names": unknown_place_names(index, doc, ev.place, place_spans, ev.evidence.start,
                                                                 ev.evidence.end) if named else frozenset(),
                           # ... its place and the people named in it only (``_namedrows``)
                           "where_names": named_keys(index, doc, [*([ev.place] if ev.place else []), *(
                               p for p in (*ev.agents, *ev.patients)
                               if (pe := index.entity(doc, p)) is not None and pe.type == "PERSON")])
                           if naming else frozenset(),
                           # the kinds of facility named next to the trigger ("the theatre"), and
                           # where it happened but a country (no facility's place)
                           "sites": sites,
                           "site_where": frozenset(site_where),
                           # (kind, place) of a kind named next to it whose one place the
                           # document names ("the Eastvale drama theatre" earlier on)
                           "doc_sites": frozenset((k, t) for k in sites if len(towns.get(k, ())) == 1
                                                  for t in towns[k]) | {(k, town) for k in sites if town}},
                )
            )
            refs.append((ai, ev))
            _begun_long_ago(feats[-1], begun_days)
            if war_named and not told_to_come(sent, (ev.trigger.start - ev.evidence.start,
                                                     ev.trigger.end - ev.evidence.start), lang) \
                    and not _told_at_site(a, ev, index):
                _war_noun(feats[-1], begun_days)
    if aftermath_near > 0:
        keep_told_with_harm(feats, [_harmful(f) for f in feats])
    return feats, refs


def _harmful(f: MentionFeatures) -> bool:
    """A violent happening or a harm (``[hosts] violent_types``, ``[consequences] harm``)."""
    lex = incident_lexicon()
    return (f.type or "").upper() in lex.violent_types or f.lemma in lex.harm


def _begun_long_ago(f: MentionFeatures, days: int) -> None:
    """A lasting kind of happening told with the day it began, that day at least ``days`` before
    its report ("the offensive, which began on 3 March", in a report of August) still goes on: it
    is the war (its ``lasting_setting`` set); 0: not read."""
    if days <= 0 or not f.extra.get("begun") or not f.date_firm or f.interval is None:
        return
    pub = f.extra.get("published")
    kinds = lasting_kinds()
    if pub and (f.lemma in kinds or f.lemma.rsplit(" ", 1)[-1] in kinds) and f.interval[1] <= pub[0] - days:
        f.extra["lasting_setting"] = True


# characters after a war's noun in which a facility named tells one act against it ("the
# aggression against the Northgate prison")
_SITE_AFTER = 40


def _told_at_site(a: Analysis, ev: Event, index: EntityIndex) -> bool:
    """Whether a happening is told at or against a place below a region (a town, a district, a
    facility: a gazetteer place with its own GeoNames id, not a country; or a facility word right
    after its trigger): the war is told at its theatre, a country or a first-level region."""
    doc = a.document.id
    for eid in [ev.place, *ev.patients]:
        ent = index.entity(doc, eid) if eid else None
        if ent is not None and ent.geo is not None and ent.geo.geonames_id and not _is_country(ent):
            return True
    end = ev.trigger.end
    return bool(facility_kinds(a.text, end, end, end, ev.evidence.end, _SITE_AFTER))


def _war_noun(f: MentionFeatures, days: int) -> None:
    """A noun that names a war or a campaign as a whole (``[distinct] war_nouns``: "the
    aggression", "le conflit") told with no day of its own, or with a day at least ``days`` before
    its report, is the war (its ``lasting_setting`` set), never a happening of the story's day.
    Told at a town or against a facility ("the aggression on the Northgate prison", "l'offensive
    sur Westville"), it names one act there: the war is told at its theatre, a country or a region."""
    nouns = war_nouns()
    if f.lemma not in nouns and f.lemma.rsplit(" ", 1)[-1] not in nouns:
        return
    if f.extra.get("towns") or f.extra.get("facility"):
        return
    pub = f.extra.get("published")
    if not f.date_firm or (days > 0 and pub and f.interval is not None and f.interval[1] <= pub[0] - days):
        f.extra["lasting_setting"] = True
