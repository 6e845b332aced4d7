"""``compare``: the one data function behind ``--json``, the JSON API and the report."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from fullpicture.align._claims import align_claims
from fullpicture.align._conflicts import find_conflicts, row_targets
from fullpicture.align._dates import granularity, interval
from fullpicture.align._embed import VectorCache
from fullpicture.align._eventfeat import build_features, build_vectors
from fullpicture.align._figureclash import figure_updates
from fullpicture.align._figureitems import event_figures, incident_figures_for
from fullpicture.align._framing import framing_contrast, tone_by_side
from fullpicture.align._incidents import host_dates, hosts_of, incidents, names_happening
from fullpicture.align._naming import is_name, lexicon_naming_rows, naming_table, same_name
from fullpicture.align._omissions import find_omissions, story_filter
from fullpicture.align._rowmembers import Member
from fullpicture.align._sides import assign_sides
from fullpicture.align._topics import tfidf_vectors
from fullpicture.align._util import (
    EMBED_EVENTS,
    INCIDENTS,
    EntityIndex,
    Progress,
    bound_progress,
    country_code,
    norm_name,
)
from fullpicture.models import Analysis, Entity
from fullpicture.models.comparison import AlignedEvent, Comparison, EventRef, Side, SideWording
from fullpicture.nlp.events._data import trigger_gloss
from fullpicture.nlp.lang import script_of
from fullpicture.settings import Settings, load_settings

_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


def _cfg(settings: Settings | None) -> dict[str, Any]:
    return (settings or load_settings()).section("align")


def _wording(members: list[Member]) -> list[SideWording]:
    out: dict[tuple[str, str], SideWording] = {}
    for m in members:
        a, ev = m.analysis, m.event
        lang = a.document.language
        w = out.setdefault((m.side, a.document.id), SideWording(side=m.side, document=a.document.id, language=lang))
        if ev.trigger.text not in w.triggers:
            w.triggers.append(ev.trigger.text)
            if lang and lang != "en":
                gloss = trigger_gloss(lang)
                w.glosses.append(gloss.get(ev.trigger.text.lower()) or gloss.get((ev.trigger.lemma or "").lower(), ""))
        for cue in a.framing:
            if ev.evidence.start <= cue.start < ev.evidence.end and cue.text not in w.framing:
                w.framing.append(cue.text)
    return list(out.values())


def neutral_names(index: EntityIndex, side_of: dict[str, str], sides: list[str]) -> dict[str, str]:
    """Global entity id -> a name in no one side's words: the joint form of the names the sides
    use ("Stepanakert / Khankendi", in side order) when they differ, else the one name used,
    beside the gazetteer record's name when only one side names the place.
    Inflected names count as their dictionary form ("Донецку" as "Донецк"), and a name that is
    another side's name in a second script ("Донецк", "Donetsk") or language ("OTAN", "NATO":
    one name of a known actor, ``data/align/actors.toml``) is not repeated: the Latin form is
    kept, which every reader of the report can read."""
    out: dict[str, str] = {}
    for gid, items in index.groups().items():
        per_side: dict[str, Counter[str]] = {}
        keys: dict[str, str] = {}  # a known actor's name as written -> the key of its name
        known = [(d, e) for d, e in items if index.actor(d, e.id) is not None]
        for doc, ent in known or items:  # a known actor's group: its names only
            if doc in side_of:  # the side's own words: the surface forms of its mentions
                c = per_side.setdefault(side_of[doc], Counter())
                actor = index.actor(doc, ent.id)
                if actor is not None:  # "État islamique" as written, not the parser's "État"
                    c.update(actor.surfaces)
                    keys.update((x, actor.name_key(x)) for x in actor.surfaces)
                    continue
                c.update(m.base or m.text for m in ent.mentions if is_name(m.text))
                if not ent.mentions:
                    c[ent.name] += 1
        names: list[str] = []
        for side in sides:
            if per_side.get(side):
                name = per_side[side].most_common(1)[0][0]
                same = next((k for k, n in enumerate(names) if same_name(norm_name(name), norm_name(n))
                             or (name in keys and keys[name] == keys.get(n))), None)
                if same is None:
                    names.append(name)
                elif script_of(name) == "LATIN" != script_of(names[same]):
                    names[same] = name  # one name in two scripts: the Latin form reads for all
        if len(names) == 1 and len(per_side) == 1:
            # one side alone names the place: its name beside the record's ("Wall of Shame" ->
            # "Wall of Shame / Moroccan Berm"), so no label tells it in one side's words only
            record = _record_name(items)
            if record and not same_name(norm_name(record), norm_name(names[0])) and script_of(record) == "LATIN":
                names.append(record)
        if names:
            out[gid] = " / ".join(names)
    return out


def _record_name(items: list[tuple[str, Entity]]) -> str | None:
    """The gazetteer record's name of a resolved place (None for other entities)."""
    ent = next((e for _d, e in items if e.geo is not None), None)
    return ent.name if ent is not None else None


def _incident_place(members: list[Member], index: EntityIndex, names: dict[str, str]) -> str | None:
    """The most named place of an incident; a country yields to the most named place inside
    it ("shelling in Ganja" told with "Azerbaijan" in other sentences is in Ganja)."""
    counts: Counter[str] = Counter()
    country_of: dict[str, str | None] = {}
    is_country: dict[str, bool] = {}
    for m in members:
        doc = m.analysis.document.id
        gid = index.key(doc, m.event.place, resolve=True)
        ent = index.entity(doc, m.event.place)
        if not gid or ent is None:
            continue
        label = names.get(gid) or index.display(doc, m.event.place, resolve=True) or ent.name
        counts[label] += 1
        cc = country_code(ent.name)
        is_country[label] = cc is not None
        country_of[label] = cc or ((ent.geo.country or "").upper() if ent.geo is not None else None)
    if not counts:
        return None
    inner = [p for p in counts if not is_country[p] and country_of[p]]
    states = {country_of[p] for p in counts if is_country[p]}
    if inner and states and states <= {country_of[p] for p in inner}:
        return max(inner, key=counts.__getitem__)  # ties: the first named
    return str(counts.most_common(1)[0][0])


def _trigger_label(heads: list[Member], sides: list[str]) -> str:
    """The incident's word in no one side's words: each side's most reported trigger lemma, in
    side order, joined when they differ ("shelling / strike"), as places are named. English
    lemmas where an English text tells it, else the lemma with its English gloss ("погибнуть
    (be killed)"); languages are not sides."""
    english = [m for m in heads if (m.analysis.document.language or "en") == "en"]
    per_side: dict[str, Counter[str]] = {}
    for m in english or heads:
        per_side.setdefault(m.side, Counter())[(m.event.trigger.lemma or m.event.trigger.text).lower()] += 1
    words: list[str] = []
    for side in [s for s in sides if s in per_side] + [s for s in per_side if s not in sides]:
        word = per_side[side].most_common(1)[0][0]
        if word not in words:
            words.append(word)
    if not english:
        lang = heads[0].analysis.document.language or ""
        gloss = trigger_gloss(lang)
        for k, word in enumerate(words):
            meaning = gloss.get(word) or next((gloss.get(m.event.trigger.text.lower(), "") for m in heads
                                               if (m.event.trigger.lemma or m.event.trigger.text).lower() == word), "")
            if meaning:
                words[k] = f"{word} ({meaning})"
    return " / ".join(words)


def _row_date(members: list[Member], heads: list[Member], slack_days: int) -> str | None:
    """The row's date: the most reported date (ties to the most specific one), or, where the
    row's happening's own mentions (``heads``) state a day in their sentences at most
    ``slack_days`` before it, the day they state most: the most reported date is often the
    reports' day ("gunmen attacked the hall on Friday evening", told in Saturday's reports of the
    arrests), while a day stated long before it is a background happening's ("since the attack
    of 7 October")."""
    dates = Counter(m.event.date for m in members if m.event.date)
    if not dates:
        return None
    told = min(dates, key=lambda d: (-dates[d], granularity(d), d))
    span = interval(told)
    if span is None:
        return told
    stated = Counter(d for d in (m.event.date[:10] for m in heads
                                 if m.event.date and m.event.date_source == "sentence" and _DAY.match(m.event.date))
                     if (iv := interval(d)) is not None and span[0] - slack_days <= iv[0] <= span[1])
    return min(stated, key=lambda d: (-stated[d], d)) if stated else told


def _aligned_event(eid: str, members: list[Member], index: EntityIndex, sides: list[str], cfg: dict[str, Any],
                   names: dict[str, str] | None = None) -> AlignedEvent:
    # the incident is named by its happening (the blast), not its consequences (the dead)
    heads = [m for m in members if names_happening(m.event.trigger.lemma or m.event.trigger.text, m.event.type)]
    heads = heads or list(members)
    types = Counter(m.event.type for m in heads)
    date = _row_date(members, heads, int(cfg.get("inherited_date_later_slack_days", 0)))
    # places in no side's words: the joint form of the names the sides use for it
    names = names or {}
    place = _incident_place(members, index, names)
    label = _trigger_label(heads, sides)
    if place:
        label += f", {place}"
    if date:
        label += f", {date}"
    figs = incident_figures_for(members, cfg, index, sides)
    return AlignedEvent(
        id=eid,
        type=types.most_common(1)[0][0],
        date=date,
        place=place,
        mentions=[EventRef(document=m.analysis.document.id, event=m.event.id) for m in members],
        sides=[s for s in sides if any(m.side == s for m in members)],
        conflicts=find_conflicts(members, index, cfg, figs, sides),
        wording=_wording(members),
        label=label,
        figures=[cv for _, per_side in sorted(figs.items()) for items in per_side.values() for _, cv in items],
        updates=figure_updates(figs, cfg),
        targets=row_targets(members, index, cfg, figs),
    )


def compare(
    analyses: list[Analysis],
    sides: list[Side] | None = None,
    settings: Settings | None = None,
    vectors: VectorCache | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Align several analyses by side: events, conflicts, omissions, claims, naming, framing.

    ``sides`` defaults to :func:`assign_sides` (declared perspective, metadata, inferred).
    Documents in no side are kept in ``documents`` but not compared. ``vectors``: sentence
    vectors kept across runs (a store or the file cache); texts found there are not embedded
    again, new ones are added. ``progress(stage, done, total)`` follows the long stages
    (``fullpicture.align.STAGES``).
    """
    cfg = _cfg(settings)
    if sides is None:
        sides = assign_sides(analyses, inferred_similarity=float(cfg.get("inferred_similarity", 0.6)))
    side_of = {d: s.label for s in sides for d in s.documents}
    labels = [s.label for s in sides]
    used = [a for a in analyses if a.document.id in side_of]
    index = EntityIndex(used)

    feats, refs = build_features(used, index, cfg)
    for f in feats:
        f.extra["side"] = side_of[f.doc]  # the rival-versions join may read it
    tfidf = tfidf_vectors({a.document.id: a.text for a in used})
    vec = build_vectors(used, feats, cfg, tfidf, vectors, bound_progress(progress, EMBED_EVENTS))
    labels_of, _ = incidents(feats, cfg, vec)
    dates = host_dates([ev for _, ev in refs], hosts_of(feats, cfg))
    clusters: dict[int, list[Member]] = {}
    for k, (lab, (ai, ev)) in enumerate(zip(labels_of, refs, strict=True)):
        a = used[ai]
        clusters.setdefault(lab, []).append(
            Member(side=side_of[a.document.id], analysis=a, event=ev, host_date=dates.get(k)))
    # order: most sides first, then most mentions, then first appearance
    ordered = sorted(clusters.values(), key=lambda ms: (-len({m.side for m in ms}), -len(ms)))
    names = neutral_names(index, side_of, labels)
    on_story = story_filter(tfidf, {s.label: list(s.documents) for s in sides}, cfg)
    # a side whose documents were all read by the limited pipeline (a language without events:
    # a notice on each) reports no events, so it omits none
    by_doc = {a.document.id: a for a in used}
    can_omit = [s.label for s in sides if any(d in by_doc and not by_doc[d].document.notice for d in s.documents)]
    events, omissions = [], []
    tick = bound_progress(progress, INCIDENTS)
    if tick is not None:
        tick(0, len(ordered))
    for k, members in enumerate(ordered, 1):
        eid = f"e{k}"
        events.append(_aligned_event(eid, members, index, labels, cfg, names))
        om = find_omissions(eid, members, can_omit, cfg, on_story)
        if om is not None:
            omissions.append(om)
        if tick is not None and (k % 64 == 0 or k == len(ordered)):
            tick(k, len(ordered))
    omissions.sort(key=lambda o: -o.salience)
    claim_events: dict[tuple[str, str], set[str]] = {}
    for ev_out, members in zip(events, ordered, strict=True):
        for m in members:
            doc = m.analysis.document.id
            cids = {m.event.source} | {f.claim for f in event_figures(m.analysis, m.event)}
            for cid in cids - {None}:
                claim_events.setdefault((doc, cid), set()).add(ev_out.id)  # type: ignore[arg-type]
    naming = naming_table(used, side_of, index)
    naming += lexicon_naming_rows(used, side_of, naming)
    return Comparison(
        sides=sides,
        documents=analyses,
        events=events,
        omissions=omissions,
        claims=align_claims(used, side_of, cfg, claim_events, vectors, progress),
        naming=naming,
        framing=framing_contrast(used, side_of, cfg),
        tone=tone_by_side(used, side_of, index),
    )
