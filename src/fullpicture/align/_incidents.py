"""Incidents: the event mentions of one real-world happening, grouped inside each document and
then aligned across documents.

1. Inside each document, consequences (killed, wounded, fire, missing, evacuated:
   ``data/events/incidents.toml``) join the happening of their own sentence ("At least 40 people
   died in Tuesday's blast"), or, when their sentence names none, the happening of one of the
   previous ``incident_window_sentences`` sentences, unless their stated dates or places clash.
2. Mentions are aligned inside and across documents by the pair model (``_eventpairs``,
   ``_events.cluster``); a consequence takes the incident of its happening, so incidents are
   aligned through their happenings, and consequences never merge two happenings.

Every mention keeps its own offsets; an incident is only a grouping of mentions.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fullpicture._data import data_toml
from fullpicture.align._eventpairs import MentionFeatures, Vectors
from fullpicture.align._events import cluster
from fullpicture.align._util import UnionFind


@dataclasses.dataclass(frozen=True)
class IncidentLexicon:
    """Consequence lemmas, the event types that can host them, and the types a definite
    anaphor ("the flight", "the blast") can refer back to."""

    consequences: frozenset[str]
    host_types: frozenset[str]
    anaphor_types: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def incident_lexicon() -> IncidentLexicon:
    """The shipped lists (``data/events/incidents.toml``)."""
    data = data_toml("events", "incidents.toml")
    return IncidentLexicon(
        consequences=frozenset(w.lower() for w in data["consequences"]["lemmas"]),
        host_types=frozenset(t.upper() for t in data["hosts"]["types"]),
        anaphor_types=frozenset(t.upper() for t in [*data["hosts"]["types"], *data.get("anaphora", {}).get("types", [])]),
    )


def _compatible(a: MentionFeatures, b: MentionFeatures, places: bool = True) -> bool:
    """No stated-date clash and (``places``) no two different named places."""
    ia, ib = a.interval, b.interval
    if ia and ib and a.date_firm and b.date_firm and (ia[0] > ib[1] or ib[0] > ia[1]):
        return False
    return not (places and a.places and b.places and not (a.places & b.places))


def _distinct(f: MentionFeatures) -> bool:
    """A happening told apart from the story's ("In a separate attack", "another strike")."""
    return bool(f.extra.get("distinct"))


def _is_consequence(f: MentionFeatures, lex: IncidentLexicon) -> bool:
    return f.lemma in lex.consequences or f.lemma.replace(" ", "_") in lex.consequences


def _can_host(f: MentionFeatures, lex: IncidentLexicon) -> bool:
    return not _is_consequence(f, lex) and (f.type or "").upper() in lex.host_types


def _happening(f: MentionFeatures, lex: IncidentLexicon) -> bool:
    """A happening a definite anaphor can name ("the blast", "the flight")."""
    return not _is_consequence(f, lex) and (f.type or "").upper() in lex.anaphor_types


def hosts_of(feats: Sequence[MentionFeatures], cfg: dict[str, Any]) -> dict[int, int]:
    """``consequence mention -> happening mention`` inside each document: the nearest compatible
    happening of the consequence's sentence, else (when its sentence names none) the last
    happening of one of the ``incident_window_sentences`` previous sentences."""
    lex = incident_lexicon()
    window = int(cfg.get("incident_window_sentences", 1))
    out: dict[int, int] = {}
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        by_doc[f.doc].append(i)
    for idx in by_doc.values():
        sentences: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in idx:
            sentences[feats[i].span or (-1, -1)].append(i)
        order = sorted(sentences)
        for k, sent in enumerate(order):
            hosts = [i for i in sentences[sent] if _can_host(feats[i], lex)]
            for i in sentences[sent]:
                if _happening(feats[i], lex) and feats[i].extra.get("definite") and sent != (-1, -1):
                    # "A car bomb exploded ... The blast killed 12": a definite happening refers
                    # back to the last happening of the same family in the previous sentences
                    for back in range(1, window + 1):
                        if k - back < 0:
                            break
                        prev = [h for h in sentences[order[k - back]]
                                if _happening(feats[h], lex) and feats[h].family == feats[i].family
                                and _distinct(feats[h]) == _distinct(feats[i])]
                        if prev:
                            # "the quake" refers back whatever place names the two sentences use
                            # (a province and its capital are one place told at two levels)
                            if _compatible(feats[prev[-1]], feats[i], places=False):
                                out[i] = prev[-1]
                            break
                    continue
                if not _is_consequence(feats[i], lex):
                    continue
                host = None
                if hosts:
                    near = sorted(hosts, key=lambda h: abs(h - i))
                    host = next((h for h in near if _compatible(feats[h], feats[i])), None)
                elif sent != (-1, -1) and not _distinct(feats[i]):
                    # (a consequence told apart, "In a separate attack, three were killed",
                    # does not reach back to the previous sentence's happening)
                    for back in range(1, window + 1):
                        if k - back < 0:
                            break
                        prev = [h for h in sentences[order[k - back]]
                                if _can_host(feats[h], lex) and not _distinct(feats[h])]
                        if prev:
                            cand = prev[-1]
                            host = cand if _compatible(feats[cand], feats[i]) else None
                            break
                if host is not None:
                    out[i] = host
    return out


def host_dates(events: Sequence[Any], host: dict[int, int]) -> dict[int, str]:
    """The stated date of the happening each undated mention hangs on, following consequence ->
    happening -> the happening a definite anaphor refers back to ("Five died in the quake", "the
    quake" being last year's told just before)."""
    out: dict[int, str] = {}
    for i in host:
        if events[i].date_source == "sentence":
            continue
        h, seen = host[i], {i}
        while h not in seen:
            if events[h].date and events[h].date_source == "sentence":
                out[i] = str(events[h].date)
                break
            seen.add(h)
            h = host.get(h, h)
    return out


def incidents(
    feats: Sequence[MentionFeatures], cfg: dict[str, Any], vec: Vectors | None = None
) -> tuple[list[int], list[int]]:
    """``(incident label, event label)`` per mention.

    Event labels: the cross-document coreference of mentions (``_events.cluster``); a definite
    anaphor ("the blast" after "a car bomb exploded") joins its antecedent's event. Incidents: a
    consequence with a happening in its document takes that happening's event as its incident;
    a consequence with none takes the incident most of its event's other consequences (in other
    documents) were attached to; every other mention's incident is its event. Consequences
    never merge two happenings: two reports' "killed" belong to one incident only when their
    happenings do.
    """
    events, _ = cluster(feats, cfg, vec)
    host = hosts_of(feats, cfg)
    lex = incident_lexicon()
    uf = UnionFind()
    for i, h in host.items():
        if not _is_consequence(feats[i], lex):
            uf.union(events[h], events[i])  # a definite anaphor is the same happening
    adopted: dict[object, Counter[object]] = defaultdict(Counter)
    for i, h in host.items():
        if _is_consequence(feats[i], lex):
            adopted[uf.find(events[i])][uf.find(events[h])] += 1
    inc: list[object] = []
    for i in range(len(feats)):
        own = uf.find(events[i])
        if i in host and _is_consequence(feats[i], lex):
            inc.append(uf.find(events[host[i]]))
        elif _is_consequence(feats[i], lex) and adopted.get(own):
            inc.append(adopted[own].most_common(1)[0][0])
        else:
            inc.append(own)
    roots: dict[object, int] = {}
    return [roots.setdefault(x, len(roots)) for x in inc], events


def names_happening(lemma: str, event_type: str | None) -> bool:
    """Whether a mention names the happening rather than one of its consequences."""
    lex = incident_lexicon()
    lemma = lemma.lower()
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
