"""The view model of a report: a Comparison turned into plain rows for the templates.

Everything here is plain data (strings, numbers, lists); article text only leaves
this module escaped (``_items.render_text``) or as plain strings that the
autoescaping templates escape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fullpicture.models.comparison import AlignedEvent, Comparison
from fullpicture.report._items import Item, add_ref, collect_items, render_text, uid

# Okabe-Ito palette (colour-blind safe); "ink" variants keep >= 4.5:1 on white.
PALETTE = [
    ("#0072B2", "#005A8C"),
    ("#D55E00", "#A34400"),
    ("#009E73", "#00694D"),
    ("#CC79A7", "#8E3F6D"),
    ("#E69F00", "#7A5200"),
    ("#56B4E9", "#1D628C"),
    ("#000000", "#000000"),
]
GLYPHS = ["●", "■", "▲", "◆", "★", "⬟", "✚"]
SHAPES = ["circle", "square", "triangle", "diamond", "star", "pentagon", "cross"]


@dataclass
class SideView:
    """A side with its palette entry and glyph (colour is never the only cue)."""

    label: str
    origin: str
    index: int
    colour: str
    ink: str
    glyph: str
    shape: str
    documents: list[str] = field(default_factory=list)


@dataclass
class DocView:
    """One document as shown in the side-by-side accounts."""

    index: int
    id: str
    title: str
    source: str
    published: str
    authors: str
    side: SideView
    items: dict[str, Item]
    html: Any = None
    groups: list[tuple[str, list[Item]]] = field(default_factory=list)
    n_items: int = 0
    language: str = ""
    notice: str = ""
    anchor_note: str = ""
    url: str = ""  # the original's web address (http or https only)
    shown: bool = True  # its text is shown in the accounts (see ``_budget``)


def side_views(comparison: Comparison) -> dict[str, SideView]:
    """Sides in comparison order with colours and glyphs."""
    out: dict[str, SideView] = {}
    for i, s in enumerate(comparison.sides):
        colour, ink = PALETTE[i % len(PALETTE)]
        out[s.label] = SideView(s.label, s.origin, i, colour, ink, GLYPHS[i % len(GLYPHS)],
                                SHAPES[i % len(SHAPES)], list(s.documents))
    return out


def nice_date(value: str | None) -> str:
    """A TIMEX3-ish value as a readable date ('19 Sep 2023', 'Sep 2023', '2023')."""
    if not value:
        return "undated"
    if len(value) == 4 and value[:3].isdigit() and value[3] == "X":
        return f"{value[:3]}0s"
    if len(value) == 3 and value.isdigit():  # TIMEX3 decade: "199" = the 1990s
        return f"{value}0s"
    if len(value) == 2 and value.isdigit():  # TIMEX3 century: "19" = the 1900s
        return f"{value}00s"
    parts = value.split("T")[0].split("-")
    try:
        if len(parts) >= 3 and parts[2][:2].isdigit():
            return date(int(parts[0]), int(parts[1]), int(parts[2][:2])).strftime("%-d %b %Y")
        if len(parts) == 2 and parts[1].isdigit():
            return date(int(parts[0]), int(parts[1]), 1).strftime("%b %Y")
    except ValueError:
        return value
    return value


def field_name(field: str) -> str:
    """A conflict field for readers: 'figure:killed' -> 'number killed'."""
    kind, _, what = field.partition(":")
    if kind == "figure":
        return f"number {what}".strip() if what else "figure"
    if field == "target":  # each side's own words go in its column; this names the field for all
        return "what was hit"
    return field.replace("_", " ")


def event_title(ev: AlignedEvent) -> str:
    """A short human-readable title of an aligned event (without its date, shown apart)."""
    if ev.label:
        parts = [p.strip() for p in ev.label.split(",")]
        if ev.date and len(parts) > 1 and parts[-1] == ev.date:
            parts = parts[:-1]
        return ", ".join(parts)
    words = []
    for w in ev.wording:
        words.extend(w.triggers[:1])
    base = ev.type.replace("_", " ").lower()
    return f"{base} ({', '.join(dict.fromkeys(words))})" if words else base


#: The report's stages for ``progress(stage, done, total)``; both count documents.
COLLECTING, RENDERING = "collecting items", "rendering"
Tick = Callable[[str, int, int | None], None]


def build_documents(comparison: Comparison, sides: dict[str, SideView], progress: Tick | None = None
                    ) -> list[DocView]:
    """Document views, ordered by side, with their items collected."""
    side_of: dict[str, str] = {}
    for s in comparison.sides:
        for d in s.documents:
            side_of.setdefault(d, s.label)
    fallback = SideView("unassigned", "inferred", len(sides), "#595959", "#404040", "○", "ring")
    docs: list[DocView] = []
    if progress is not None:
        progress(COLLECTING, 0, len(comparison.documents))
    for i, a in enumerate(comparison.documents):
        info = a.document
        side = sides.get(side_of.get(info.id, ""), fallback)
        authors = ", ".join(
            au.name + (f" ({au.affiliation})" if au.affiliation else "") for au in info.authors
        )
        docs.append(DocView(i, info.id, info.title or info.source, info.source,
                            nice_date(info.published) if info.published else "", authors, side,
                            collect_items(a, i), language=info.language or "", notice=info.notice or "",
                            anchor_note=anchor_note(info), url=web_address(info.url)))
        if progress is not None:
            progress(COLLECTING, i + 1, len(comparison.documents))
    return docs


def web_address(url: str | None) -> str:
    """``url`` when it is a plain http(s) address a reader can follow, else "" (never a
    ``javascript:`` or ``data:`` link, nothing with spaces or control characters)."""
    u = (url or "").strip()
    scheme, sep, rest = u.partition("://")
    if not sep or scheme.lower() not in ("http", "https") or not rest or any(c.isspace() or ord(c) < 32 for c in u):
        return ""
    return u


def anchor_note(info: Any) -> str:
    """For a document without a publication date whose dates were read against a reference
    time inferred from its text: says so, with the evidence (never shown as the publication
    date); "" otherwise."""
    anchor = getattr(info, "time_anchor", None)
    if info.published or anchor is None or anchor.anchor != "inferred":
        return ""
    how = {"dateline": "its dateline", "label": "its publication label", "weekday date": "a date it gives with its weekday",
           "today": "the date it calls today", "url": "the date in its web address",
           "latest date": "the latest date it gives",
           "latest month": "the latest month it gives"}.get(anchor.reason or "", "its text")
    evidence = f" \u201c{anchor.evidence}\u201d" if anchor.evidence else ""
    return f"no publication date; its dates are read against {nice_date(anchor.value)}, inferred from {how}{evidence}"


class Linker:
    """Maps (document id, item) references of the comparison to report uids.

    Look-ups go through indexes built once per document (claims and events by id, mention
    spans by surface text and by entity name), so a report's cost grows with its rows and
    documents, not with their product."""

    def __init__(self, comparison: Comparison, docs: list[DocView]) -> None:
        self.docs = {d.id: d for d in docs}
        self.analyses = {a.document.id: a for a in comparison.documents}
        self._n = 0
        self._claims: dict[str, dict[str, Any]] = {}
        self._events: dict[str, dict[str, Any]] = {}
        self._names: dict[str, tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]] = {}
        self._holders: dict[tuple[str, ...], dict[str, list[tuple[int, str]]]] = {}

    def item(self, document: str, kind: str, ident: str | None) -> str | None:
        """The uid of a listed item, if the document has it."""
        d = self.docs.get(document)
        if d is None or ident is None:
            return None
        key = uid(d.index, kind, ident)
        return key if key in d.items else None

    def claim(self, document: str, claim_id: str) -> Any:
        """The claim ``claim_id`` of ``document`` (the first with that id), or None."""
        return _first_by_id(self._claims, self.analyses, document, "claims").get(claim_id)

    def event(self, document: str, event_id: str) -> Any:
        """The event mention ``event_id`` of ``document`` (the first with that id), or None."""
        return _first_by_id(self._events, self.analyses, document, "events").get(event_id)

    def span(self, document: str, start: int | None, end: int | None) -> str | None:
        """A new unlisted target for an arbitrary span."""
        d = self.docs.get(document)
        if d is None or start is None or end is None:
            return None
        self._n += 1
        return add_ref(d.items, f"d{d.index}-ref-{self._n}", [(start, end)], len(self.analyses[document].text))

    def _spans_of(self, doc_id: str) -> tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
        """A document's entity mention spans by surface text and by entity name, in order."""
        found = self._names.get(doc_id)
        if found is None:
            by_text: dict[str, list[tuple[int, int]]] = {}
            by_name: dict[str, list[tuple[int, int]]] = {}
            for e in self.analyses[doc_id].entities:
                for m in e.mentions:
                    by_text.setdefault(m.text, []).append((m.start, m.end))
                    by_name.setdefault(e.name, []).append((m.start, m.end))
            found = self._names[doc_id] = (by_text, by_name)
        return found

    def surface(self, documents: list[str], name: str) -> list[str]:
        """Unlisted targets for every entity mention with exactly this surface text (else, in a
        document without it, every mention of the entity of that name). Only the documents
        holding the name are visited; every document counts in the numbering of targets."""
        shown = tuple(d for d in documents if d in self.analyses and d in self.docs)
        holders = self._holders.get(shown)
        if holders is None:
            holders = {}
            for pos, doc_id in enumerate(shown):
                by_text, by_name = self._spans_of(doc_id)
                for key in {*by_text, *by_name}:
                    holders.setdefault(key, []).append((pos, doc_id))
            self._holders[shown] = holders
        base, out = self._n, []
        for pos, doc_id in holders.get(name, []):
            by_text, by_name = self._spans_of(doc_id)
            spans = by_text.get(name) or by_name.get(name, [])
            d = self.docs[doc_id]
            ref = add_ref(d.items, f"d{d.index}-ref-{base + pos + 1}", spans, len(self.analyses[doc_id].text))
            if ref:
                out.append(ref)
        self._n = base + len(shown)
        return out


def _first_by_id(cache: dict[str, dict[str, Any]], analyses: dict[str, Any], document: str, attr: str) -> dict[str, Any]:
    """``{id: item}`` of one list of a document's analysis (the first item of each id), built once."""
    found = cache.get(document)
    if found is None:
        found = {}
        a = analyses.get(document)
        for x in getattr(a, attr, None) or []:
            found.setdefault(x.id, x)
        cache[document] = found
    return found


def finish_documents(docs: list[DocView], comparison: Comparison, progress: Tick | None = None) -> None:
    """Render the highlighted text of every shown document (after all refs were added)."""
    from fullpicture.report._items import KIND_LABELS

    shown = sum(d.shown for d in docs)
    done = 0
    if progress is not None:
        progress(RENDERING, 0, shown)
    for d, a in zip(docs, comparison.documents, strict=True):
        if not d.shown:
            continue
        done += 1
        if progress is not None:
            progress(RENDERING, done, shown)
        d.html = render_text(a, d.items)
        for kind, title in KIND_LABELS.items():
            rows = [it for it in d.items.values() if it.kind == kind and it.listed]
            rows.sort(key=lambda it: it.spans[0][0])
            if rows:
                d.groups.append((title, rows))
                d.n_items += len(rows)
