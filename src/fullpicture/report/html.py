"""The self-contained HTML report: one file, inline CSS/JS/SVG, no external requests."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from fullpicture.models.comparison import AlignedEvent, Comparison
from fullpicture.report import _sections as sec
from fullpicture.report._budget import cut_rows, limits, pick_documents
from fullpicture.report._svg import framing_svg, map_svg, places
from fullpicture.report._telling import telling
from fullpicture.report._view import Linker, Tick, build_documents, finish_documents, side_views


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("fullpicture", "report/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["json_script"] = json_script
    return env


def _static(name: str) -> Markup:
    text = resources.files("fullpicture").joinpath(f"report/static/{name}").read_text(encoding="utf-8")
    # Static files are ours; guard anyway against an accidental closing tag.
    return Markup(text.replace("</", "<\\/") if name.endswith(".js") else text.replace("</style", ""))


def script_hash(js: str) -> Markup:
    """The CSP source that allows exactly this inline script (no ``unsafe-inline``)."""
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return Markup(f"'sha256-{digest}'")


def json_script(value: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>``, no ``<!--``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _extra_sections(comparison: Comparison) -> list[tuple[str, str, Markup]]:
    """Sections contributed by plugins through ``fullpicture_report_sections``."""
    try:
        from fullpicture.plugins import collect

        found = collect("fullpicture_report_sections", comparison=comparison)
    except Exception:  # a broken plugin must not break the report
        return []
    out = []
    for entry in found:
        try:
            anchor, title, html = entry
        except (TypeError, ValueError):
            continue
        out.append((str(anchor), str(title), Markup(html)))
    return out


def report_context(comparison: Comparison, title: str | None = None, settings: Any = None,
                   progress: Tick | None = None) -> dict[str, Any]:
    """Everything the template needs (also handy for tests and other renderers); a big
    comparison is shown within the ``[report]`` limits of ``settings`` (see ``_budget``);
    ``progress(stage, done, total)`` follows the documents (``COLLECTING``, ``RENDERING``)."""
    max_rows, max_accounts = limits(settings)
    sides = side_views(comparison)
    docs = build_documents(comparison, sides, progress)
    link = Linker(comparison, docs)
    rows: dict[str, list[dict[str, Any]]] = {
        "timeline": sec.timeline(comparison, sides, link),
        "conflicts": sec.conflicts(comparison, sides, link),
        "omissions": sec.omissions(comparison, sides, link),
        "naming": sec.naming(comparison, sides, link),
        "claims": sec.claim_groups(comparison, sides, link),
    }
    summary = sec.summary(comparison, sides, docs, rows)  # counts everything, before any cut
    tables = {**rows, "places": places(comparison, docs)}
    cuts = cut_rows(tables, max_rows)
    pts = tables.pop("places")
    rows = tables
    hidden = [d for d in docs if not d.shown] if pick_documents(docs, rows, pts, max_accounts) else []
    finish_documents(docs, comparison, progress)
    tone = [
        {"side": sides[s], "actor": actor, "tone": v}
        for s, per in comparison.tone.items() if s in sides
        for actor, v in sorted(per.items(), key=lambda kv: kv[1])
    ]
    if not title:
        title = _default_title(comparison, len(sides))
    return {
        "title": title,
        "notices": list(comparison.notices),
        "sides": list(sides.values()),
        "docs": docs,
        "rows": rows,
        "summary": summary,
        "cuts": cuts,
        "hidden": hidden,
        "places": pts,
        "map_svg": map_svg(pts),
        "framing_svg": framing_svg(comparison, sides),
        "telling": telling(comparison, sides),
        "tone": tone,
        "extra": _extra_sections(comparison),
        "generated": _generated(),
        "data": {"schema": "fullpicture/report/v1", "comparison_schema": comparison.schema_,
                 "sides": [s.label for s in comparison.sides],
                 "documents": [{"id": d.id, "title": d.title, "side": d.side.label} for d in docs]},
    }


def _generated() -> str:
    """When the report was made: ``$SOURCE_DATE_EPOCH`` (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return when.strftime("%-d %B %Y, %H:%M UTC")


def _default_title(comparison: Comparison, n_sides: int) -> str:
    """A neutral title: how many sides and when (never one side's headline or names)."""
    words = {1: "One side", 2: "Two sides", 3: "Three sides", 4: "Four sides"}
    head = words.get(n_sides, f"{n_sides} sides") + " of the story"
    # the span of the events that several sides report (else of all), at month precision or finer
    def dated(events: list[AlignedEvent]) -> list[str]:
        return sorted(e.date[:10] for e in events if e.date and len(e.date) >= 7 and e.date[:4].isdigit())

    dates = dated([e for e in comparison.events if len(e.sides) > 1]) or dated(comparison.events)
    if not dates:
        dates = sorted(a.document.published[:10] for a in comparison.documents
                       if a.document.published and a.document.published[:4].isdigit())
    if not dates:
        return head
    return head + ", " + date_range(dates[0], dates[-1])


def date_range(first: str, last: str) -> str:
    """'19–25 Sep 2023', '19 Sep – 3 Oct 2023' or '19 Sep 2023' from two ISO dates."""
    from fullpicture.report._view import nice_date

    a, b = nice_date(first), nice_date(last)
    if a == b:
        return a
    pa, pb = a.split(" "), b.split(" ")
    if len(pa) == len(pb) == 3:
        if pa[1:] == pb[1:]:
            return f"{pa[0]}–{b}"
        if pa[2] == pb[2]:
            return f"{pa[0]} {pa[1]} – {b}"
    return f"{a} – {b}"


def render_html(comparison: Comparison, title: str | None = None, *, header: Markup | None = None,
                form_action: str = "'none'", extra_css: Markup | None = None, settings: Any = None,
                progress: Tick | None = None) -> str:
    """Render the comparison as one self-contained HTML page.

    ``header`` (trusted HTML) goes first in the body, and ``form_action`` is the CSP
    form-action source: the served story page puts its side picker there. ``settings``
    (default: the shipped ones) gives the ``[report]`` limits of a big comparison's page.
    ``progress(stage, done, total)`` follows the documents as their items are collected
    and their texts rendered.
    """
    ctx = report_context(comparison, title, settings, progress)
    ctx["header"] = header
    ctx["extra_css"] = extra_css
    ctx["form_action"] = Markup(form_action if form_action in ("'none'", "'self'") else "'none'")
    ctx["css"] = _static("report.css")
    ctx["js"] = _static("report.js")
    ctx["script_hash"] = script_hash(str(ctx["js"]))
    return _env().get_template("report.html.j2").render(**ctx)
