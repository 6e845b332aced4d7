"""Rows of the report tables: timeline, conflicts, omissions, naming, claims, summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fullpicture.models.comparison import AlignedEvent, Comparison
from fullpicture.report._view import DocView, Linker, SideView, event_title, field_name, nice_date


@dataclass
class Cell:
    """One side's part of a row: words or a value, and the report uids it links to."""

    side: SideView
    text: str
    targets: list[str] = field(default_factory=list)
    extra: str = ""
    cues: list[str] = field(default_factory=list)
    hit: str = ""  # what was hit, in the side's own words


_FIELD_RANK = {"figure": 0, "date": 1, "agent": 2, "patient": 3, "place": 4, "target": 5}


def _n(k: int, one: str, many: str) -> str:
    return f"{k} {one if k == 1 else many}"


def _title(ev: AlignedEvent, link: Linker) -> str:
    """The event's title; without wording, its mentions' trigger words stand in."""
    if ev.label or any(w.triggers for w in ev.wording):
        return event_title(ev)
    words = []
    for m in ev.mentions:
        d = link.docs.get(m.document)
        t = link.item(m.document, "event", m.event)
        if d is not None and t is not None:
            words.append(d.items[t].label)
    base = event_title(ev)
    return f"{base} ({', '.join(dict.fromkeys(words))})" if words else base


def _targets(xs: list[str | None]) -> list[str]:
    return [x for x in dict.fromkeys(xs) if x]


def timeline(comparison: Comparison, sides: dict[str, SideView], link: Linker) -> list[dict[str, Any]]:
    """Aligned events in date order, each with every side's coverage."""
    doc_side = {d: s.label for s in comparison.sides for d in s.documents}
    rows = []
    for ev in sorted(comparison.events, key=lambda e: (e.date is None, e.date or "", e.id)):
        cells = []
        for label, side in sides.items():
            words: list[str] = []
            cues: list[str] = []
            for w in ev.wording:
                if w.side == label:
                    words.extend(f"{t} ({g})" if g else t for t, g in zip(w.triggers, [*w.glosses, *[""] * len(w.triggers)], strict=False))
                    cues.extend(c if len(c) <= 60 else c[:59] + "…" for c in w.framing)
            targets = _targets([link.item(m.document, "event", m.event) for m in ev.mentions
                                if doc_side.get(m.document) == label])
            reported = label in ev.sides or bool(targets)
            if reported and not words:
                words = [link.docs[m.document].items[t].label for m in ev.mentions
                         for t in _targets([link.item(m.document, "event", m.event)])
                         if doc_side.get(m.document) == label]
            text = ", ".join(dict.fromkeys(words)) if reported else ""
            cell = Cell(side, text, targets, "reported" if reported else "missing")
            cell.cues = list(dict.fromkeys(c for c in cues if c not in words))[:3]
            if reported:
                cell.hit = ", ".join(dict.fromkeys(v.value for v in ev.targets if v.side == label))
            cells.append(cell)
        rows.append({"id": ev.id, "date": nice_date(ev.date), "raw_date": ev.date or "",
                     "title": _title(ev, link), "type": ev.type, "place": ev.place or "",
                     "cells": cells, "n_sides": len(set(ev.sides)),
                     "n_conflicts": len(ev.conflicts)})
    return rows


def conflicts(comparison: Comparison, sides: dict[str, SideView], link: Linker) -> list[dict[str, Any]]:
    """Every conflicting field of every aligned event, each value with its source."""
    rows = []
    for ev in comparison.events:
        for c in ev.conflicts:
            cells: list[Cell] = []
            for v in c.values:
                side = sides.get(v.side)
                if side is None:
                    continue
                target = link.item(v.document, "claim", v.claim) if v.claim else None
                target = target or link.span(v.document, v.start, v.end)
                claim = link.claim(v.document, v.claim) if v.claim else None
                claim_text = claim.text if claim is not None else ""
                same = next((c for c in cells if c.side is side and c.text == v.value), None)
                if same is not None:  # one value per side, linked to all its statements
                    same.targets = _targets([*same.targets, target])
                    same.extra = same.extra or claim_text
                    continue
                cells.append(Cell(side, v.value, _targets([target]), claim_text))
            rows.append({"event": _title(ev, link), "date": nice_date(ev.date), "field": field_name(c.field),
                         "vals": cells, "rank": _FIELD_RANK.get(c.field.partition(":")[0], 9)})
    # figures first (the sharpest disagreements), then dates, agents, places; stable otherwise
    rows.sort(key=lambda r: int(str(r["rank"])))
    return rows


def omissions(comparison: Comparison, sides: dict[str, SideView], link: Linker) -> list[dict[str, Any]]:
    """Events some sides report and others leave out, most salient first."""
    events = {e.id: e for e in comparison.events}
    top = max((o.salience for o in comparison.omissions), default=0.0) or 1.0
    rows = []
    for o in sorted(comparison.omissions, key=lambda o: -o.salience):
        ev = events.get(o.event)
        targets = _targets([link.item(m.document, "event", m.event) for m in ev.mentions]) if ev else []
        quote = ""
        for m in ev.mentions if ev else []:
            a = link.analyses.get(m.document)
            mention = link.event(m.document, m.event) if a else None
            if a is not None and mention is not None:
                quote = " ".join(a.text[mention.evidence.start:mention.evidence.end].split())
                quote = quote if len(quote) <= 160 else quote[:159] + "…"
                break
        rows.append({
            "event": _title(ev, link) if ev else o.event,
            "date": nice_date(ev.date) if ev else "",
            "reported_by": [sides[s] for s in o.reported_by if s in sides],
            "missing_from": [sides[s] for s in o.missing_from if s in sides],
            "salience": o.salience,
            "share": max(0.04, min(1.0, o.salience / top)),
            "targets": targets,
            "quote": quote,
        })
    return rows


def naming(comparison: Comparison, sides: dict[str, SideView], link: Linker) -> list[dict[str, Any]]:
    """Entities named differently by different sides, with per-side variants."""
    docs_of = {s.label: s.documents for s in comparison.sides}
    rows = []
    for row in comparison.naming:
        cells = []
        for label, side in sides.items():
            variants = [v for v in row.variants if v.side == label]
            for v in sorted(variants, key=lambda v: -v.count):
                cells.append(Cell(side, v.name, link.surface(docs_of.get(label, []), v.name), str(v.count)))
        names = [{c.text.casefold() for c in cells if c.side.label == lbl} for lbl in sides]
        names = [n for n in names if n]
        disjoint = len(names) >= 2 and all(not (a & b) for i, a in enumerate(names) for b in names[i + 1:])
        rows.append({"entity": row.entity, "cells": cells, "disjoint": disjoint,
                     "sides_with": sorted({c.side.label for c in cells}),
                     "total": sum(int(c.extra) for c in cells)})
    # rows where the sides share no name at all come first: the sharpest naming contrasts
    rows.sort(key=lambda r: (not r["disjoint"], -int(str(r["total"]))))
    return rows


def claim_groups(comparison: Comparison, sides: dict[str, SideView], link: Linker) -> list[dict[str, Any]]:
    """Claims set against each other across sides (agreement and contradiction first)."""
    order = {"contradict": 0, "agree": 1, "only": 2}
    rows = []
    for g in sorted(comparison.claims, key=lambda g: order.get(g.relation, 3)):
        if g.relation == "only":
            continue
        cells = []
        for m in g.members:
            side = sides.get(m.side)
            analysis = link.analyses.get(m.document)
            if side is None or analysis is None:
                continue
            claim = link.claim(m.document, m.claim)
            text = claim.text if claim is not None else m.claim
            cells.append(Cell(side, text, _targets([link.item(m.document, "claim", m.claim)])))
        rows.append({"relation": g.relation, "reason": g.reason or "", "members": cells})
    return rows


def summary(comparison: Comparison, sides: dict[str, SideView], docs: list[DocView],
            rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The numbers and plain-language findings shown at the top."""
    n_sides = len(sides)
    shared = [r for r in rows["timeline"] if r["n_sides"] >= 2]
    findings: list[str] = []
    if comparison.events:
        findings.append(
            f"{_n(len(comparison.events), 'event', 'events')} aligned across the accounts; "
            f"{len(shared)} reported by more than one side."
        )
    if rows["conflicts"]:
        c = rows["conflicts"][0]
        vals = " vs ".join(f"{v.text} ({v.side.label})" for v in c["vals"])
        findings.append(f"{_n(len(rows['conflicts']), 'conflicting detail', 'conflicting details')}, e.g. {c['field']} in "
                        f"“{c['event']}”: {vals}.")
    if rows["omissions"]:
        o = rows["omissions"][0]
        findings.append(
            f"{_n(len(rows['omissions']), 'event', 'events')} left out by some side; the most salient, "
            f"“{o['event']}”, is reported by {', '.join(s.label for s in o['reported_by'])} "
            f"and absent from {', '.join(s.label for s in o['missing_from'])}."
        )
    if rows["naming"]:
        r = rows["naming"][0]
        names = " / ".join(f"{c.text} ({c.side.label})" for c in r["cells"])
        findings.append(f"{_n(len(rows['naming']), 'entity', 'entities')} named differently, e.g. {names}.")
    if not findings:
        findings.append("No aligned events, conflicts, omissions or naming differences were found.")
    return {
        "n_sides": n_sides,
        "n_documents": len(docs),
        "n_events": len(comparison.events),
        "n_shared": len(shared),
        "n_conflicts": len(rows["conflicts"]),
        "n_omissions": len(rows["omissions"]),
        "n_naming": len(rows["naming"]),
        "findings": findings,
    }
