"""Inline SVG: the map of places (offline Natural Earth outlines) and the framing plot.

Every string that reaches the SVG goes through ``markupsafe.escape``.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from fullpicture.models.comparison import Comparison
from fullpicture.report._items import uid
from fullpicture.report._view import DocView, SideView


@lru_cache(maxsize=1)
def _basemap() -> list[dict[str, Any]]:
    path = resources.files("fullpicture").joinpath("data/geo/ne_110m_countries.json")
    return json.loads(path.read_text(encoding="utf-8"))["countries"]


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Lower-cased country names (base map and ISO 3166), to keep countries off the map."""
    names = {str(c["name"]).lower() for c in _basemap() if c.get("name")}
    try:
        import pycountry

        for c in pycountry.countries:
            names.update(str(getattr(c, k)).lower() for k in ("name", "official_name", "common_name")
                         if getattr(c, k, None))
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    return frozenset(names)


def _is_country(name: str, mention_texts: list[str]) -> bool:
    countries = _country_names()
    return name.lower() in countries or any(t.lower() in countries for t in mention_texts)


def places(comparison: Comparison, docs: list[DocView]) -> list[dict[str, Any]]:
    """Located places below country level (countries if there are none), with each side's
    names for them and their item uids."""
    out = _places(comparison, docs, countries=False)
    return out or _places(comparison, docs, countries=True)


def _places(comparison: Comparison, docs: list[DocView], countries: bool) -> list[dict[str, Any]]:
    found: dict[Any, dict[str, Any]] = {}
    for d, a in zip(docs, comparison.documents, strict=True):
        for e in a.entities:
            if e.geo is None or (not countries and _is_country(e.name, [m.text for m in e.mentions])):
                continue
            key = e.geo.geonames_id or (round(e.geo.lat, 1), round(e.geo.lon, 1))
            p = found.setdefault(key, {"lat": e.geo.lat, "lon": e.geo.lon, "names": {}, "targets": [],
                                       "sides": {}, "mentions": 0})
            for m in e.mentions:
                p["names"].setdefault(d.side.label, {})
                p["names"][d.side.label][m.text] = p["names"][d.side.label].get(m.text, 0) + 1
            p["mentions"] += len(e.mentions)
            p["sides"][d.side.label] = d.side
            p["targets"].append(uid(d.index, "entity", e.id))
    out = []
    for p in found.values():
        labels: list[str] = []
        for names in p["names"].values():
            labels.extend(n for n, _ in sorted(names.items(), key=lambda kv: -kv[1])[:1])
        p["label"] = " / ".join(dict.fromkeys(labels))
        p["side_list"] = sorted(p["sides"].values(), key=lambda s: s.index)
        out.append(p)
    out.sort(key=lambda p: -p["mentions"])
    return out


def _marker(shape: str, x: float, y: float, r: float, fill: str) -> str:
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" fill="{fill}"/>'
    if shape == "triangle":
        return (f'<polygon points="{x:.1f},{y - r * 1.2:.1f} {x - r * 1.1:.1f},{y + r * .8:.1f} '
                f'{x + r * 1.1:.1f},{y + r * .8:.1f}" fill="{fill}"/>')
    if shape == "diamond":
        return (f'<polygon points="{x:.1f},{y - r * 1.3:.1f} {x + r * 1.3:.1f},{y:.1f} '
                f'{x:.1f},{y + r * 1.3:.1f} {x - r * 1.3:.1f},{y:.1f}" fill="{fill}"/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}"/>'


def _place_label(text: str, x: float, y: float, spread: float,
                 boxes: list[tuple[float, float, float, float]], width: int, height: int) -> str:
    """A label beside its marker where it overlaps nothing drawn so far ('' if nowhere)."""
    w, h = 7.4 * len(text) + 4, 15.0
    for dx, dy, anchor in ((spread + 9, 0, "start"), (-spread - 9, 0, "end"),
                           (0, -14, "middle"), (0, 17, "middle")):
        left = x + dx if anchor == "start" else x + dx - w if anchor == "end" else x - w / 2
        box = (left, y + dy - 11, left + w, y + dy - 11 + h)
        if box[0] < 2 or box[2] > width - 2 or box[1] < 2 or box[3] > height - 2:
            continue
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
            continue
        boxes.append(box)
        return (f'<text x="{x + dx:.0f}" y="{y + dy + 4:.0f}" text-anchor="{anchor}">'
                f"{escape(text)}</text>")
    return ""


def map_svg(pts: list[dict[str, Any]], width: int = 760, height: int = 420) -> Markup:
    """An SVG map of the places over the country outlines around them."""
    if not pts:
        return Markup("")
    lats = [p["lat"] for p in pts]
    lons = [p["lon"] for p in pts]
    lat_c = (min(lats) + max(lats)) / 2
    k = max(0.2, math.cos(math.radians(lat_c)))
    span_x = max((max(lons) - min(lons)) * k * 1.4 + 1.0, 7.0)
    span_y = max((max(lats) - min(lats)) * 1.4 + 1.0, 4.0)
    aspect = width / height
    if span_x / span_y < aspect:
        span_x = span_y * aspect
    else:
        span_y = span_x / aspect
    cx, cy = (min(lons) + max(lons)) / 2 * k, lat_c
    x0, y0 = cx - span_x / 2, cy + span_y / 2
    sc = width / span_x

    def proj(lon: float, lat: float) -> tuple[float, float]:
        return (lon * k - x0) * sc, (y0 - lat) * sc

    lon_lo, lon_hi = x0 / k, (x0 + span_x) / k
    lat_lo, lat_hi = y0 - span_y, y0
    shapes, labels = [], []
    for c in _basemap():
        visible = False
        d = []
        best: tuple[float, float, float] | None = None
        for ring in c["rings"]:
            rl = [p[0] for p in ring]
            rb = [p[1] for p in ring]
            if max(rl) < lon_lo or min(rl) > lon_hi or max(rb) < lat_lo or min(rb) > lat_hi:
                continue
            visible = True
            xy = [proj(lo, la) for lo, la in ring]
            d.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
            area = (max(rl) - min(rl)) * (max(rb) - min(rb))
            if best is None or area > best[2]:
                best = ((min(rl) + max(rl)) / 2, (min(rb) + max(rb)) / 2, area)
        if visible:
            shapes.append(f'<path d="{"".join(d)}"><title>{escape(c["name"])}</title></path>')
            if best is not None:
                bx, by = proj(best[0], best[1])
                if 20 < bx < width - 20 and 14 < by < height - 8:
                    labels.append(f'<text class="country" x="{bx:.0f}" y="{by:.0f}">{escape(c["name"])}</text>')
    marks = []
    placed = []
    for p in pts:
        x, y = proj(p["lon"], p["lat"])
        spread = (len(p["side_list"]) - 1) * 5.5
        placed.append((p, x, y, spread))
    boxes = [(x - spread - 7, y - 7, x + spread + 7, y + 7) for _, x, y, spread in placed]
    for p, x, y, spread in placed:
        glyphs = "".join(_marker(s.shape, x + j * 11 - spread, y, 5, s.colour)
                         for j, s in enumerate(p["side_list"]))
        names = "; ".join(f"{side}: {', '.join(n)}" for side, n in p["names"].items())
        label = _place_label(p["label"], x, y, spread, boxes, width, height)
        marks.append(
            f'<g class="place" role="button" tabindex="0" data-target="{escape(" ".join(p["targets"]))}" '
            f'aria-label="{escape(p["label"])}: {escape(names)}"><title>{escape(names)}</title>{glyphs}'
            f"{label}</g>"
        )
    return Markup(
        f'<svg class="map" viewBox="0 0 {width} {height}" role="group" '
        f'aria-labelledby="map-title" preserveAspectRatio="xMidYMid meet">'
        f'<title id="map-title">Map of the places named in the accounts</title>'
        f'<rect class="sea" width="{width}" height="{height}"/>'
        f'<g class="land">{"".join(shapes)}</g><g class="labels">{"".join(labels)}</g>'
        f'<g class="places">{"".join(marks)}</g></svg>'
    )


def framing_svg(comparison: Comparison, sides: dict[str, SideView], per_side: int = 8) -> Markup:
    """Horizontal bars: per side, the terms that most set it apart (log-odds z-scores)."""
    groups = []
    for label, side in sides.items():
        rows = sorted((f for f in comparison.framing if f.side == label and f.score > 0),
                      key=lambda f: -f.score)[:per_side]
        if rows:
            groups.append((side, rows))
    if not groups:
        return Markup("")
    top = max(f.score for _, rows in groups for f in rows) or 1.0
    width, label_w, bar_w, row_h = 640, 230, 330, 22
    y = 0
    parts = []
    for side, rows in groups:
        y += 26
        parts.append(f'<text class="grp" x="0" y="{y}" fill="{side.ink}">{side.glyph} {escape(side.label)}</text>')
        y += 8
        for f in rows:
            w = max(2.0, bar_w * f.score / top)
            is_cat = getattr(f, "kind", None) == "category"
            term = f"{f.term} (frame)" if is_cat else f.term
            term = term if len(term) <= 30 else term[:29] + "…"
            parts.append(
                f'<g class="bar"><title>{escape(f.term)} ({escape(f.category)}): z = {f.score:.2f}</title>'
                f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{escape(term)}</text>'
                f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 7}" fill="{side.colour}"/>'
                f'<text class="val" x="{label_w + w + 6:.1f}" y="{y + 15}">{f.score:.1f}'
                f'{"" if is_cat else " · " + str(escape(f.category))}</text></g>'
            )
            y += row_h
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {y + 10}" role="img" aria-labelledby="framing-title">'
        f'<title id="framing-title">Terms that set each side apart (log-odds z-score)</title>'
        f'{"".join(parts)}</svg>'
    )
