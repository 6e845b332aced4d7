"""Items of one analysis and the highlighted, escaped rendering of its text.

Every item (entity, time expression, event, figure, claim, framing cue) becomes a
set of character spans. The text is cut at every span and zone boundary; each piece
is escaped and wrapped in an element listing the ids of the items that cover it,
narrowest first, so overlapping items of any shape link both ways.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from fullpicture.models import Analysis

KIND_LABELS = {
    "entity": "Entities",
    "timex": "Dates and times",
    "event": "Events",
    "figure": "Figures",
    "claim": "Claims",
    "framing": "Framing cues",
}
ZONE_LABELS = {
    "editorial_note": "Editorial note",
    "inline_note": "Editor's insertion",
    "author_bio": "Author bio",
    "boilerplate": "Boilerplate",
}


@dataclass
class Item:
    """A clickable item with its spans in one document."""

    uid: str
    kind: str
    label: str
    detail: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)
    listed: bool = True


def uid(doc_index: int, kind: str, ident: str) -> str:
    """The report-wide id of an item: unique across documents, safe in HTML ids."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in str(ident))
    return f"d{doc_index}-{kind}-{safe}"


def _clip(start: int, end: int, n: int) -> tuple[int, int] | None:
    start, end = max(0, int(start)), min(n, int(end))
    return (start, end) if end > start else None


_THRESHOLDS: dict[str, float] = {}


def report_thresholds() -> dict[str, float]:
    """Minimum confidence of learned claims and framing cues shown in reports (settings)."""
    if not _THRESHOLDS:
        from fullpicture.settings import load_settings

        settings = load_settings()
        _THRESHOLDS["claim"] = float(settings.get("claims", "report_min_confidence", 0.5))
        _THRESHOLDS["framing"] = float(settings.get("framing", "report_min_confidence", 0.5))
    return _THRESHOLDS


def shown(item: object, kind: str) -> bool:
    """Whether a claim or framing cue is shown: rule items always, learned ones above the threshold."""
    conf = getattr(item, "confidence", None)
    return conf is None or conf >= report_thresholds()[kind]


def collect_items(analysis: Analysis, doc_index: int) -> dict[str, Item]:
    """All items of one analysis, keyed by uid (learned items below the report threshold left out)."""
    n = len(analysis.text)
    items: dict[str, Item] = {}
    names = {e.id: e.written_name() for e in analysis.entities}  # the document's own words

    def add(item: Item, spans: list[tuple[int, int]]) -> None:
        item.spans = [s for s in (_clip(a, b, n) for a, b in spans) if s]
        if item.spans:
            items[item.uid] = item

    for e in analysis.entities:
        detail = e.type
        if names[e.id] != e.name:
            detail += f" · record: {e.name}"
        if e.aliases:
            detail += " · also: " + ", ".join(e.aliases[:6])
        if e.geo:
            detail += f" · {e.geo.lat:.2f}, {e.geo.lon:.2f}"
        add(Item(uid(doc_index, "entity", e.id), "entity", names[e.id], detail),
            [(m.start, m.end) for m in e.mentions])
    for t in analysis.timexes:
        add(Item(uid(doc_index, "timex", t.id), "timex", t.text, f"{t.type} {t.value}"), [(t.start, t.end)])
    for ev in analysis.events:
        bits = [ev.type]
        if ev.date:
            bits.append(ev.date)
        if ev.place:
            bits.append("at " + names.get(ev.place, ev.place))
        if ev.modality != "asserted":
            bits.append(ev.modality)
        add(Item(uid(doc_index, "event", ev.id), "event", ev.trigger.text, " · ".join(bits)),
            [(ev.trigger.start, ev.trigger.end)])
    for f in analysis.figures:
        detail = f.counts or f.unit or ""
        if f.value is not None:
            detail = f"{f.value:g} {detail}".strip()
        add(Item(uid(doc_index, "figure", f.id), "figure", f.text, detail), [(f.start, f.end)])
    for c in analysis.claims:
        if not shown(c, "claim"):
            continue
        who = c.source.text if c.source else c.kind
        label = f"{who}: {c.cue.text}" if c.cue else who
        detail = c.kind + (" · hedged" if c.hedged else "")
        if c.confidence is not None:
            detail += f" · confidence {c.confidence:.2f}"
        add(Item(uid(doc_index, "claim", c.id), "claim", label, detail), [(c.start, c.end)])
    for i, fr in enumerate(analysis.framing):
        if not shown(fr, "framing"):
            continue
        detail = fr.category + (f" / {fr.subcategory}" if fr.subcategory else "")
        if fr.confidence is not None:
            detail += f" · confidence {fr.confidence:.2f}"
        if fr.counter_terms:
            detail += " · other side says: " + ", ".join(fr.counter_terms[:4])
        add(Item(uid(doc_index, "framing", str(i)), "framing", fr.text, detail), [(fr.start, fr.end)])
    return items


def add_ref(items: dict[str, Item], ref_uid: str, spans: list[tuple[int, int]], n: int) -> str | None:
    """Register an unlisted span target (for table links); return its uid or None."""
    clipped = [s for s in (_clip(a, b, n) for a, b in spans) if s]
    if not clipped:
        return None
    if ref_uid in items:
        items[ref_uid].spans.extend(clipped)
    else:
        items[ref_uid] = Item(ref_uid, "ref", "", spans=clipped, listed=False)
    return ref_uid


def render_text(analysis: Analysis, items: dict[str, Item]) -> Markup:
    """The document text, escaped, with every item span wrapped and linked."""
    text = analysis.text
    n = len(text)
    zone_at: list[tuple[int, int, str]] = sorted(
        (z.start, z.end, z.kind) for z in analysis.zones if z.end > z.start
    )
    bounds = {0, n}
    spans: list[tuple[int, int, Item]] = []
    for item in items.values():
        for a, b in item.spans:
            spans.append((a, b, item))
            bounds.update((a, b))
    for a, b, _ in zone_at:
        bounds.update((min(a, n), min(b, n)))
    cuts = sorted(bounds)
    spans.sort(key=lambda s: s[0])
    out: list[str] = []
    active: list[tuple[int, int, Item]] = []
    si = zi = 0
    current_zone = "body"
    for a, b in zip(cuts, cuts[1:], strict=False):
        while si < len(spans) and spans[si][0] <= a:
            active.append(spans[si])
            si += 1
        active = [s for s in active if s[1] > a]
        while zi < len(zone_at) and zone_at[zi][1] <= a:
            zi += 1
        zone = zone_at[zi][2] if zi < len(zone_at) and zone_at[zi][0] <= a else "body"
        if zone != current_zone and zone in ZONE_LABELS:
            out.append(f'<span class="zone-tag" aria-hidden="true">{ZONE_LABELS[zone]}</span>')
        current_zone = zone
        piece = str(escape(text[a:b]))
        covering = sorted(active, key=lambda s: (s[2].kind == "ref", s[2].kind == "claim", s[1] - s[0]))
        zcls = f" z-{zone}" if zone != "body" else ""
        if not covering:
            out.append(f'<span class="seg{zcls}">{piece}</span>' if zcls else piece)
            continue
        ids = " ".join(dict.fromkeys(s[2].uid for s in covering))
        kinds = [s[2].kind for s in covering if s[2].kind not in ("ref", "claim")]
        in_claim = any(s[2].kind == "claim" for s in covering)
        cls = "hl k-" + kinds[0] if kinds else ("cl" if in_claim else "rf")
        if in_claim and kinds:
            cls += " in-claim"
        # a piece of only spaces or punctuation gets no button of its own (no accessible name)
        focus = ' tabindex="0" role="button"' if kinds and any(ch.isalnum() for ch in piece) else ""
        out.append(f'<span class="{cls}{zcls}" data-i="{ids}"{focus}>{piece}</span>')
    return Markup("".join(out))
