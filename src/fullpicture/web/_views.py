"""The workspace pages: stories (home), a story, search, a place or entity, an outlet,
exports and the OpenAPI document. Each answers its HTML page and its ``/api/`` twin.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape
from starlette.requests import Request

from fullpicture.web._app import HTTPError, Response, as_json
from fullpicture.web._data import Data
from fullpicture.web._pages import grouping, page, text_param, wants_json

FILTERS = ("date_from", "date_to", "side", "site", "language", "place", "entity")


def _filters(data: Data, request: Request, names: tuple[str, ...]) -> dict[str, str]:
    return {k: text_param(data, request, k) for k in names if request.query_params.get(k)}


def _page_no(request: Request) -> int:
    try:
        return max(1, min(10_000, int(request.query_params.get("page", "1"))))
    except ValueError:
        return 1


def side_colours(sides: list[str]) -> dict[str, dict[str, str]]:
    """Each side's colour, ink and glyph (the report's palette, in corpus order)."""
    from fullpicture.report._view import GLYPHS, PALETTE

    return {s: {"colour": PALETTE[i % len(PALETTE)][0], "ink": PALETTE[i % len(PALETTE)][1],
                "glyph": GLYPHS[i % len(GLYPHS)], "index": str(i)} for i, s in enumerate(sides)}


# -- home: the stories --------------------------------------------------------------------
def stories_page(data: Data, request: Request) -> Response:
    """Stories, newest first, with coverage per side and blindspots; filters; pages."""
    from fullpicture.web._pages import home

    if data.has_stories() is False:
        return home(data, request)  # a store without stories: the documents
    f = _filters(data, request, FILTERS)
    size = int(data.settings.get("stories", "page_size", 50))
    n = _page_no(request)
    result = data.store().stories(f, limit=size, offset=(n - 1) * size)
    result["page"] = n
    if wants_json(request):
        return as_json(result)
    colours = side_colours(result["sides"] + sorted({c["side"] for s in result["stories"] for c in s["coverage"]}
                                                   - set(result["sides"])))
    more = n * size < result["total"]
    q = dict(f)
    return page("web_home.html.j2", title="Stories", r=result, f=f, colours=colours, db=data.db.name,
                prev_url=("/?" + urlencode({**q, "page": n - 1})) if n > 1 else None,
                next_url=("/?" + urlencode({**q, "page": n + 1})) if more else None,
                n_docs=data.count())


# -- a story ------------------------------------------------------------------------------
def story_page(data: Data, request: Request) -> Response:
    """A story: its comparison report with a side picker (keep, drop or merge sides)."""
    from fullpicture.report import render_html

    sid = request.path_params["story_id"]
    if len(sid) > 32:
        raise LookupError("no such story")
    meta = data.store().story(sid)
    g = grouping(data, request)
    comp = data.comparison(subject=("story", sid), grouping=g, wait=data.wait_s)
    if wants_json(request):
        return as_json({"story": meta, "grouping": g.query(), "comparison": comp.to_json_dict()})
    all_sides = [c["side"] for c in meta["coverage"]]
    header = page("web_story_header.html.j2", title=meta["title"], s=meta, sides=all_sides, g=g,
                  query=urlencode(g.query()), colours=side_colours(all_sides)).body.decode("utf-8")
    from fullpicture.report.html import _static

    html = render_html(comp, title=meta["title"], header=Markup(header), form_action="'self'",
                       extra_css=_static("web.css"), settings=data.settings)
    return Response(200, "text/html; charset=utf-8", html.encode("utf-8"))


# -- search -------------------------------------------------------------------------------
OPEN, CLOSE = "\x02", "\x03"  # the store's match markers in snippets


def highlight(snippet: str) -> Markup:
    """A search snippet, escaped, with the matches in ``<mark>``."""
    return Markup(str(escape(snippet)).replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


def search_page(data: Data, request: Request) -> Response:
    """Full-text search with facets, highlights and contested-name expansion."""
    q = text_param(data, request, "q")
    f = _filters(data, request, ("side", "language", "site", "story"))
    n = _page_no(request)
    result: dict[str, Any] = data.store().search(q, f, limit=20, offset=(n - 1) * 20) if q else \
        {"query": "", "filters": f, "expanded": {}, "total": 0, "results": [], "facets": {}}
    result["page"] = n
    if wants_json(request):
        return as_json({**result, "results": [{**r, "snippet_html": str(highlight(r["snippet"])),
                                               "snippet": r["snippet"].replace("\x02", "").replace("\x03", "")}
                                              for r in result["results"]]})
    for r in result["results"]:
        r["snippet_html"] = highlight(r["snippet"])
    facet_links = {}
    for v in result.get("facets", {}).get("story", []):
        try:
            v["label"] = data.store().story(v["value"])["title"]
        except LookupError:
            v["label"] = v["value"]
    for name, values in result.get("facets", {}).items():
        facet_links[name] = [{**v, "url": "/search?" + urlencode({"q": q, **f, name: v["value"]}),
                              "active": f.get(name) == v["value"]} for v in values]
    clear = {k: "/search?" + urlencode({"q": q, **{a: b for a, b in f.items() if a != k}}) for k in f}
    more = n * 20 < result["total"]
    return page("web_search.html.j2", title=f"Search: {q}" if q else "Search", r=result, q=q, f=f,
                facets=facet_links, clear=clear,
                next_url=("/search?" + urlencode({"q": q, **f, "page": n + 1})) if more else None,
                prev_url=("/search?" + urlencode({"q": q, **f, "page": n - 1})) if n > 1 else None)


# -- a place or an entity ---------------------------------------------------------------
def place_page(data: Data, request: Request) -> Response:
    """Every mention across the corpus, every name each side uses, and a map."""
    key = request.path_params["key"]
    if len(key) > 200:
        raise LookupError("no such place")
    p = data.store().place(key)
    if wants_json(request):
        return as_json(p)
    map_svg = None
    if p["lat"] is not None:
        from fullpicture.report._svg import map_svg as draw

        names = " / ".join(dict.fromkeys(v[0]["name"] for v in p["names"].values() if v)) or p["name"]
        map_svg = draw([{"lat": p["lat"], "lon": p["lon"], "label": names, "mentions": len(p["mentions"]),
                         "side_list": [], "targets": [], "names": {}, "sides": {}}])
    colours = side_colours(sorted(p["names"]))
    return page("web_place.html.j2", title=p["name"], p=p, map_svg=map_svg, colours=colours,
                stories_url="/?" + urlencode({"place": key}))


# -- an outlet ----------------------------------------------------------------------------
def outlet_page(data: Data, request: Request) -> Response:
    """An outlet's documents and its framing profile by month."""
    site = request.path_params["site"]
    o = data.store().outlet(site[:300])
    if wants_json(request):
        return as_json(o)
    return page("web_outlet.html.j2", title=site, o=o)


# -- exports ------------------------------------------------------------------------------
def export_page(data: Data, request: Request) -> Response:
    """/export/TABLE.FORMAT, /export/places.geojson, /export/incidents.geojson,
    /export/datasette-metadata.json."""
    from fullpicture.web import _export as X

    name, _, fmt = request.path_params["name"].rpartition(".")
    store = data.store()
    if fmt == "geojson" and name in ("places", "incidents"):
        fc = X.places_geojson(store) if name == "places" else X.incidents_geojson(store)
        return _download(json.dumps(fc, ensure_ascii=False).encode("utf-8"), X.MEDIA["geojson"], f"{name}.geojson")
    if name == "datasette-metadata" and fmt == "json":
        return _download(json.dumps(X.datasette_metadata(data.db.name), indent=1).encode("utf-8"),
                         X.MEDIA["json"], "metadata.json")
    if name not in X.TABLES or fmt not in X.FORMATS:
        raise LookupError("no such export")
    body, media = X.export_table(store, name, fmt)
    return _download(body, media, f"{name}.{fmt}")


def story_export(data: Data, request: Request) -> Response:
    """A story's comparison: JSON (the comparison), CSV or Parquet (its aligned events),
    GeoJSON (its places)."""
    from fullpicture.web import _export as X

    sid, fmt = request.path_params["story_id"], request.path_params["fmt"]
    if fmt == "geojson":
        ids = set(data.store().story_documents(sid))
        return _download(json.dumps(X.places_geojson(data.store(), ids), ensure_ascii=False).encode(),
                         X.MEDIA["geojson"], f"story-{sid}.geojson")
    if fmt not in ("json", "csv", "parquet"):
        raise LookupError("no such export")
    comp = data.comparison(subject=("story", sid), grouping=grouping(data, request), wait=data.wait_s)
    if fmt == "json":
        return _download(json.dumps(comp.to_json_dict(), ensure_ascii=False).encode(), X.MEDIA["json"],
                         f"story-{sid}.json")
    table = request.query_params.get("table", "events")
    tables = comp.tables()
    if table not in tables:
        raise LookupError(f"no table {table[:40]!r}: one of {', '.join(tables)}")
    rows = tables[table]
    cols = list(rows[0]) if rows else ["(empty)"]
    body = X.to_csv(cols, rows) if fmt == "csv" else X.to_parquet(cols, rows)
    return _download(body, X.MEDIA[fmt], f"story-{sid}-{table}.{fmt}")


def _download(body: bytes, media: str, filename: str) -> Response:
    safe = "".join(c for c in filename if c.isalnum() or c in "-_.")
    return Response(200, media, body, {"Content-Disposition": f'attachment; filename="{safe}"'})


def exports_page(data: Data, request: Request) -> Response:
    """The list of exports."""
    from fullpicture.web._export import FORMATS, TABLES

    tables: list[dict[str, Any]] = [{"name": n, "description": d, "links": [(f, f"/export/{n}.{f}") for f in FORMATS]}
              for n, (d, _) in TABLES.items()]
    if wants_json(request):
        return as_json({"tables": [{"name": t["name"], "description": t["description"],
                                    "exports": dict(t["links"])} for t in tables],
                        "geojson": ["/export/places.geojson", "/export/incidents.geojson"],
                        "datasette": "/export/datasette-metadata.json"})
    return page("web_exports.html.j2", title="Exports", tables=tables, db=data.db.name)


def openapi(data: Data, request: Request) -> Response:
    """The OpenAPI 3.1 document of the JSON API."""
    from fullpicture.web._openapi import document

    return as_json(document())


def require(value: Any, message: str) -> Any:
    """``value``, or a 400 refusal."""
    if not value:
        raise HTTPError(400, message)
    return value
