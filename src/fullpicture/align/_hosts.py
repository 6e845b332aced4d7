"""Step 1 of the incidents inside each document: which happening each consequence (killed,
wounded, fire, missing) and each word of a happening hangs on (its host: the nearest compatible
happening of its sentence, else of one of the previous ``incident_window_sentences``), and the
stated date each undated mention inherits from its host. Split from ``_incidents`` (which
re-exports these names)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import (
    IncidentLexicon,
    can_host,
    compatible,
    distinct,
    fits,
    happening,
    hosts_harm,
    incident_lexicon,
    is_consequence,
    is_setting,
    nearest_host,
    told_about,
)
from fullpicture.align._inquiries import sentence_index


def hosts_of(feats: Sequence[MentionFeatures], cfg: dict[str, Any]) -> dict[int, int]:
    """``consequence mention -> happening mention`` inside each document: the nearest compatible
    happening of the consequence's sentence, else (when its sentence names none) the last
    happening of one of the ``incident_window_sentences`` previous sentences."""
    lex = incident_lexicon()
    window = int(cfg.get("incident_window_sentences", 1))
    km = float(cfg.get("incident_near_km", 0.0))
    report_slack = int(cfg.get("incident_report_day_slack", 3))
    # a consequence told in another sentence, stated more than this many days before its host's day
    apart = int(cfg.get("incident_consequence_before_days", -1))
    # a lasting setting (the war) hosts the consequences of its own sentence only
    near = bool(cfg.get("incident_setting_hosts_near", False))
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
            hosts = [i for i in sentences[sent] if can_host(feats[i], lex)]
            for i in sentences[sent]:
                if happening(feats[i], lex) and feats[i].extra.get("definite") and sent != (-1, -1):
                    # "A car bomb exploded ... The blast killed 12": a definite happening refers
                    # back to the last happening of the same family in the previous sentences
                    for back in range(1, window + 1):
                        if k - back < 0:
                            break
                        prev = [h for h in sentences[order[k - back]]
                                if happening(feats[h], lex) and feats[h].family == feats[i].family
                                and distinct(feats[h]) == distinct(feats[i])]
                        if prev:
                            # "the quake" refers back whatever place names the two sentences use
                            # (a province and its capital are one place told at two levels)
                            ante = _antecedent(feats, prev, i)
                            if compatible(feats[ante], feats[i], places=False) \
                                    and not _own_day_apart(feats[i], feats[ante], report_slack):
                                out[i] = ante
                            break
                    continue
                if not is_consequence(feats[i], lex):
                    continue
                host = None
                if hosts:
                    host = next((h for h in nearest_host(feats, hosts, i) if fits(feats[h], feats[i], km)), None)
                elif sent != (-1, -1) and not distinct(feats[i]):
                    # (a consequence told apart, "In a separate attack, three were killed",
                    # does not reach back to the previous sentence's happening)
                    for back in range(1, window + 1):
                        if k - back < 0:
                            break
                        prev = [h for h in sentences[order[k - back]]
                                if can_host(feats[h], lex) and not distinct(feats[h])
                                and hosts_harm(feats[h], feats[i], lex)
                                and not (near and is_setting(feats[h]))]
                        if prev:
                            cand = prev[-1]
                            host = cand if fits(feats[cand], feats[i], km, apart) else None
                            break
                if host is None and sent != (-1, -1) and not distinct(feats[i]) and cfg.get("incident_orphans", True):
                    host = _orphan_host(feats, sentences, order, k, i, lex, km, near, apart)
                if host is not None:
                    out[i] = host
    return out


def _antecedent(feats: Sequence[MentionFeatures], prev: list[int], i: int) -> int:
    """The happening a definite anaphor refers back to among ``prev`` (one earlier sentence's
    happenings of its family): the last one named with the anaphor's own word ("strikes ... in
    response to an attack on April 22. Pakistan called the strikes ...": the strikes, not the
    recalled attack), else the last one."""
    same = [h for h in prev if feats[h].lemma == feats[i].lemma]
    return (same or prev)[-1]


def _own_day_apart(anaphor: MentionFeatures, antecedent: MentionFeatures, slack: int) -> bool:
    """A definite-looking happening that states its own day, more than ``slack`` days from the
    day its antecedent is told on (stated or inherited from the report): another happening ("the
    rocket was like one that hit the port on February 2" after an undated strike in a report
    of April 8)."""
    ia, ib = anaphor.interval, antecedent.interval
    if not (anaphor.date_firm and ia and ib) or ia[1] - ia[0] > 31:
        return False
    return ia[0] - ib[1] > slack or ib[0] - ia[1] > slack


def word_hosts(feats: Sequence[MentionFeatures], cfg: dict[str, Any],
               host: dict[int, int] | None = None) -> dict[int, int]:
    """``act of word -> happening`` inside each document: an accusation, a denial or a
    condemnation (``[told_about]`` of ``data/events/incidents.toml``) told in the sentence of a
    happening is about it ("X accused Y of blowing up the dam"): the nearest such happening.
    ``host`` (consequence -> happening, :func:`hosts_of`): an act whose sentence names no
    happening but a consequence of one ("X stated that its forces destroyed the airfield") is
    about that consequence's happening. With ``incident_setting_hosts_near``, a lasting setting
    of the sentence (the war) is none: an act whose sentence names only a war stays unattached."""
    if not cfg.get("incident_told_about", True):
        return {}
    lex = incident_lexicon()
    if not lex.told_about:
        return {}
    window = int(cfg.get("incident_told_about_window", 0))
    speaker = bool(cfg.get("incident_told_about_speaker", False))
    sentences, order = sentence_index(feats)
    near = bool(cfg.get("incident_setting_hosts_near", False))
    out: dict[int, int] = {}
    for (doc, span), idx in sentences.items():
        hosts = [h for h in idx if can_host(feats[h], lex)]
        if not hosts and host:
            # "X stated that its forces destroyed the airfield": the act is about the happening
            # the sentence's consequence hangs on
            hosts = sorted({host[c] for c in idx if c in host and is_consequence(feats[c], lex)})
        if not hosts:
            # "X swiftly denied the claim." after the sentence of the strike: the act is about
            # the last happening of the previous ``incident_told_about_window`` sentences
            k = order[doc].index(span)
            for back in range(1, window + 1):
                if k - back < 0:
                    break
                prev = [h for h in sentences[(doc, order[doc][k - back])] if can_host(feats[h], lex)
                        and not distinct(feats[h])]
                if prev:
                    for i in idx:
                        if told_about(feats[i], lex, speaker) and compatible(feats[prev[-1]], feats[i]):
                            out[i] = prev[-1]
                    break
            continue
        # (``near``) a lasting setting ("... could use it to escalate the war") is no happening a
        # denial or an accusation is about: the sentence's other happening, else none of them
        plain = [h for h in hosts if not (near and is_setting(feats[h]))]
        for i in idx:
            if told_about(feats[i], lex, speaker) and plain:
                out[i] = min(plain, key=lambda h: (abs(h - i), h))
    return out


def _orphan_host(feats: Sequence[MentionFeatures], sentences: dict[tuple[int, int], list[int]],
                 order: list[tuple[int, int]], k: int, i: int, lex: IncidentLexicon, km: float = 0.0,
                 near: bool = False, apart: int = -1) -> int | None:
    """A consequence no happening of its own or the previous sentences hosts (a quoted "Others
    are wounded." after a quote on the dead): the last happening told before it in its document,
    else the first told after it (a lead that gives the toll before the strike), when compatible;
    with ``near``, never a lasting setting (the war told in another sentence)."""
    def plain(h: int) -> bool:
        return can_host(feats[h], lex) and not distinct(feats[h]) and hosts_harm(feats[h], feats[i], lex) \
            and not (near and is_setting(feats[h]))

    for back in range(k - 1, -1, -1):
        prev = [h for h in sentences[order[back]] if plain(h)]
        if prev:
            return prev[-1] if fits(feats[prev[-1]], feats[i], km, apart) else None
    for fwd in range(k + 1, len(order)):
        nxt = [h for h in sentences[order[fwd]] if plain(h)]
        if nxt:
            return nxt[0] if fits(feats[nxt[0]], feats[i], km, apart) else None
    return None


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
