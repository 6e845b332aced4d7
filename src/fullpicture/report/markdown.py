"""The Markdown summary of a comparison (``fullpicture compare --format md``)."""

from __future__ import annotations

from typing import Any

from fullpicture.models.comparison import Comparison
from fullpicture.report import _sections as sec
from fullpicture.report._budget import Cut, cut_rows, limits
from fullpicture.report._telling import telling
from fullpicture.report._view import Linker, build_documents, side_views


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (no pipes, newlines, raw HTML, links or emphasis)."""
    text = " ".join(str(text).split())
    for ch, rep in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;"), ("`", "\\`"),
                    ("[", "\\["), ("]", "\\]"), ("*", "\\*"), ("_", "\\_")):
        text = text.replace(ch, rep)
    return text


def _more(cut: Cut | None, what: str, which: str) -> list[str]:
    """The line under a shortened table: how many rows of how many, and where the rest is."""
    if cut is None:
        return []
    return ["", f"*Showing {cut.shown:,} of {cut.total:,} {what} ({which}). The other {cut.left:,} are in "
                f"the comparison's JSON (`fullpicture compare … --json`, `{cut.key}`).*"]


def render_markdown(comparison: Comparison, settings: Any = None) -> str:
    """A Markdown summary: sides, key findings, timeline, conflicts, omissions, naming, framing.
    Each table shows at most ``[report] max_rows`` rows of ``settings`` (the shipped ones by
    default), chosen as on the HTML page, and says how many it leaves to the JSON."""
    sides = side_views(comparison)
    docs = build_documents(comparison, sides)
    link = Linker(comparison, docs)
    rows = {
        "timeline": sec.timeline(comparison, sides, link),
        "conflicts": sec.conflicts(comparison, sides, link),
        "omissions": sec.omissions(comparison, sides, link),
        "naming": sec.naming(comparison, sides, link),
    }
    summ = sec.summary(comparison, sides, docs, rows)  # counts everything, before any cut
    cuts = cut_rows(rows, limits(settings)[0])
    out = ["# The full picture", ""]
    out += [f"> **Notice:** {_cell(n)}" for n in comparison.notices] + ([""] if comparison.notices else [])
    out.append(f"{summ['n_documents']} documents from {summ['n_sides']} sides.")
    out.append("")
    out += ["## Summary", ""] + [f"- {_cell(f)}" for f in summ["findings"]] + [""]
    out += ["## Sides", "", "| Side | Origin | Documents |", "|---|---|---|"]
    for s in sides.values():
        titles = "; ".join(d.title for d in docs if d.side.label == s.label)
        out.append(f"| {s.glyph} {_cell(s.label)} | {s.origin} | {_cell(titles)} |")
    langs = [d for d in docs if d.language and d.language != "en" or d.notice]
    if langs:
        out += ["", "Documents not in English:", ""]
        out += [f"- {_cell(d.title)} ({d.language or '?'})" + (f": {_cell(d.notice)}" if d.notice else "") for d in langs]
    undated = [d for d in docs if d.anchor_note]
    if undated:
        out += ["", "Documents without a publication date:", ""]
        out += [f"- {_cell(d.title)}: {_cell(d.anchor_note)}" for d in undated]
    labels = list(sides)
    out += ["", "## Timeline", ""]
    if rows["timeline"]:
        out.append("| Date | Event | " + " | ".join(_cell(s) for s in labels) + " |")
        out.append("|---|---|" + "---|" * len(labels))
        for r in rows["timeline"]:
            cells = [(_cell(c.text) or "reported") if c.extra == "reported" else "— not reported" for c in r["cells"]]
            out.append(f"| {r['date']} | {_cell(r['title'])} | " + " | ".join(cells) + " |")
        out += _more(cuts.get("timeline"), "events", "the events told by the most sides, in date order")
    else:
        out.append("No events could be aligned.")
    out += ["", "## Conflicts", ""]
    if rows["conflicts"]:
        out += ["| Event | Detail | Values |", "|---|---|---|"]
        for r in rows["conflicts"]:
            vals = "; ".join(f"{_cell(v.side.label)}: **{_cell(v.text)}**" for v in r["vals"])
            out.append(f"| {_cell(r['event'])} ({r['date']}) | {_cell(r['field'])} | {vals} |")
        out += _more(cuts.get("conflicts"), "conflicting details", "figures first, then dates, agents and places")
    else:
        out.append("No conflicting details were found.")
    out += ["", "## Omissions", ""]
    if rows["omissions"]:
        out += ["| Event | Reported by | Missing from | Salience |", "|---|---|---|---|"]
        for r in rows["omissions"]:
            out.append(
                f"| {_cell(r['event'])} ({r['date']}) | {', '.join(_cell(s.label) for s in r['reported_by'])} | "
                f"{', '.join(_cell(s.label) for s in r['missing_from'])} | {r['salience']:.2f} |"
            )
        out += _more(cuts.get("omissions"), "omissions", "the most salient")
    else:
        out.append("No omissions were found.")
    out += ["", "## Naming", ""]
    if rows["naming"]:
        out.append("| Entity | " + " | ".join(_cell(s) for s in labels) + " |")
        out.append("|---|" + "---|" * len(labels))
        for r in rows["naming"]:
            cells = [", ".join(f"{_cell(c.text)} ×{c.extra}" for c in r["cells"] if c.side.label == s) or "—"
                     for s in labels]
            out.append(f"| {_cell(r['entity'])} | " + " | ".join(cells) + " |")
        out += _more(cuts.get("naming"), "entities", "those whose names the sides share least, then the most mentioned")
    else:
        out.append("No entity is named differently by different sides.")
    out += ["", "## How each side tells it", "",
            "Loaded language: word-choice cues scored against BASIL's lexical bias (lexicon categories; "
            "learned cues only above the confidence threshold), per 1,000 words. Naming choices "
            "and agentless harm come from the lexicons and the parse, counted apart.", "",
            "| Side | Loaded language /1k | Loaded terms | Naming choices | Agentless harm share |",
            "|---|---|---|---|---|"]
    for r in telling(comparison, sides):
        rate = "—" if r["loaded_rate"] is None else f"{r['loaded_rate']:.2f}"
        share = "—" if r["agentless_share"] is None else f"{r['agentless_share']:.2f} of {r['harm']}"
        out.append(f"| {_cell(r['label'])} | {rate} | {_cell(', '.join(r['loaded_terms'])) or '—'} | "
                   f"{_cell(', '.join(r['naming'])) or '—'} | {share} |")
    out += ["", "## Framing contrast", ""]
    if comparison.framing:
        out += ["| Side | Term | Category | z |", "|---|---|---|---|"]
        for f in sorted(comparison.framing, key=lambda f: (f.side, -f.score))[:60]:
            out.append(f"| {_cell(f.side)} | {_cell(f.term)} | {_cell(f.category)} | {f.score:.2f} |")
    else:
        out.append("Not enough framing cues to contrast the sides.")
    return "\n".join(out) + "\n"
