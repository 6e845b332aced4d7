"""The pages. Each function answers both the HTML page and its JSON twin under ``/api/``."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from starlette.requests import Request

from fullpicture.web._app import HTTPError, Response, as_json, render
from fullpicture.web._data import Data, Grouping, Job, side_label


def wants_json(request: Request) -> bool:
    """Whether this is the JSON twin of a page."""
    p = request.url.path
    return p.startswith("/api/") or p.endswith(".json")


def text_param(data: Data, request: Request, name: str) -> str:
    """A free-text query parameter, bounded in length."""
    value = (request.query_params.get(name) or "").strip()
    limit = int(data.settings.get("web", "max_text_chars", 300))
    if len(value) > limit:
        raise HTTPError(400, f"{name} is too long (at most {limit} characters)")
    return value


def grouping(data: Data, request: Request) -> Grouping:
    """The side picker's choice: ``sides=a,b`` keeps sides, ``merge=a:b`` shows a under b."""
    keep = tuple(s for s in (x.strip() for x in request.query_params.getlist("sides")
                             for x in x.split(",")) if s)
    merges = []
    for part in ",".join(request.query_params.getlist("merge")).split(","):
        a, sep, b = part.partition(":")
        if sep and a.strip() and b.strip():
            merges.append((a.strip(), b.strip()))
    if sum(map(len, keep)) + sum(len(a) + len(b) for a, b in merges) > 2000:
        raise HTTPError(400, "too many sides")
    return Grouping(tuple(sorted(set(keep))), tuple(sorted(set(merges))))


def progress_page(data: Data, request: Request, job: Job, as_api: bool) -> Response:
    """HTTP 202 while a comparison runs: the page refreshes itself (no script)."""
    state = job.progress()
    if as_api:
        return as_json(state, 202)
    resp = render("web_progress.html.j2", 202, db=data.db.name, state=state, title="Comparing…")
    resp.headers = {"Refresh": "2"}
    return resp


def page(template: str, code: int = 200, **ctx: Any) -> Response:
    """A workspace page: the shared stylesheet and the report's script come along."""
    from fullpicture.web._assets import css, js

    return render(template, code, css=css(), js=js(), **ctx)


def place_key(entity: dict[str, Any]) -> str:
    """The permalink key of an entity: its GeoNames id when linked, else its name."""
    geo = entity.get("geo") or {}
    if geo.get("geonames_id"):
        return f"gn{geo['geonames_id']}"
    return "n-" + quote(str(entity.get("name", "")).casefold(), safe="")


# -- one document --------------------------------------------------------------------------
def document(data: Data, request: Request) -> Response:
    """A document: its text with highlights and zones, its places and names."""
    from fullpicture.models.comparison import Comparison, Side
    from fullpicture.report._view import build_documents, finish_documents, side_views

    doc_id = request.path_params["doc_id"]
    a = data.analysis(doc_id)
    info = a.document.model_dump(mode="json")
    if wants_json(request):
        return as_json(a.to_json_dict() if hasattr(a, "to_json_dict") else a.model_dump(mode="json"))
    side = Side(label=side_label(info), origin=(info.get("perspective") or {}).get("origin") or "inferred",
                documents=[doc_id])
    comp = Comparison(sides=[side], documents=[a])
    sides = side_views(comp)
    docs = build_documents(comp, sides)
    finish_documents(docs, comp)
    ents: list[dict[str, Any]] = []
    for e in a.entities:
        d = e.model_dump(mode="json")
        own = e.written_name()  # the document's own words; the record's name among the others
        texts = sorted({m.text for m in e.mentions if m.text and m.text != own} | ({e.name} - {own}))
        ents.append({"name": own, "type": e.type, "texts": texts[:6], "url": "/place/" + place_key(d)})
    ents.sort(key=lambda e: (e["type"] != "GPE" and e["type"] != "LOC", str(e["name"]).casefold()))
    return page("web_doc.html.j2", title=docs[0].title, d=docs[0], info=info, zones=a.zones,
                entities=ents, story=data.story_of(doc_id))


def documents_page(data: Data, request: Request) -> Response:
    """Every document, as a table (HTML) or a list (JSON)."""
    docs = data.documents()
    if wants_json(request):
        return as_json({"documents": docs})
    return page("web_documents.html.j2", title="Documents", docs=docs, db=data.db.name)


# -- the documents and a topic comparison (the first pages) ------------------------------
def home(data: Data, request: Request) -> Response:
    """The corpus: its documents, and a form to compare a topic."""
    topic = text_param(data, request, "topic")
    docs = data.documents()
    if wants_json(request):
        return as_json({"documents": docs})
    return render("web_index.html.j2", docs=docs, db=data.db.name, topic=topic,
                  compare_url="/compare" + (f"?{urlencode({'topic': topic})}" if topic else ""))


def documents_json(data: Data, request: Request) -> Response:
    """Every document's metadata."""
    return as_json({"documents": data.documents()})


def _topic_comparison(data: Data, request: Request, page: bool = False) -> Any:
    """The page shows progress after a short wait; the API answers when done (within the
    request timeout), as it always has."""
    topic = text_param(data, request, "topic") or None
    wait = data.wait_s if page else max(1.0, float(data.settings.get("web", "request_timeout_s", 60.0)) - 1.0)
    return data.comparison(topic, grouping(data, request), wait=wait)


def compare_html(data: Data, request: Request) -> Response:
    """The comparison report of a topic (all documents when none)."""
    from fullpicture.report import render_html

    return Response(200, "text/html; charset=utf-8",
                    render_html(_topic_comparison(data, request, page=True), settings=data.settings).encode("utf-8"))


def compare_json(data: Data, request: Request) -> Response:
    """The comparison of a topic as JSON (fullpicture/comparison/v2)."""
    return as_json(_topic_comparison(data, request).to_json_dict())


def compare_md(data: Data, request: Request) -> Response:
    """The comparison of a topic as Markdown."""
    from fullpicture.report import render_markdown

    return Response(200, "text/markdown; charset=utf-8",
                    render_markdown(_topic_comparison(data, request), data.settings).encode("utf-8"))


def _routes() -> list[tuple[str, Any, str]]:
    from fullpicture.web import _views as V

    return [
        ("/", V.stories_page, "home"),
        ("/index.html", V.stories_page, "index"),
        ("/api/stories", V.stories_page, "api-stories"),
        ("/story/{story_id:str}", V.story_page, "story"),
        ("/api/story/{story_id:str}", V.story_page, "api-story"),
        ("/story/{story_id:str}/export.{fmt:str}", V.story_export, "story-export"),
        ("/search", V.search_page, "search"),
        ("/api/search", V.search_page, "api-search"),
        ("/place/{key:str}", V.place_page, "place"),
        ("/api/place/{key:str}", V.place_page, "api-place"),
        ("/entity/{key:str}", V.place_page, "entity"),
        ("/api/entity/{key:str}", V.place_page, "api-entity"),
        ("/outlet/{site:str}", V.outlet_page, "outlet"),
        ("/api/outlet/{site:str}", V.outlet_page, "api-outlet"),
        ("/exports", V.exports_page, "exports"),
        ("/api/exports", V.exports_page, "api-exports"),
        ("/export/{name:str}", V.export_page, "export"),
        ("/api/openapi.json", V.openapi, "openapi"),
    ]


#: (path, page function, route name)
ROUTES: list[tuple[str, Any, str]] = [
    ("/api/documents.json", documents_json, "api-documents"),
    ("/documents.json", documents_json, "documents-json"),
    ("/compare", compare_html, "compare"),
    ("/compare.html", compare_html, "compare-html"),
    ("/api/compare.json", compare_json, "api-compare"),
    ("/compare.json", compare_json, "compare-json"),
    ("/api/compare.md", compare_md, "api-compare-md"),
    ("/documents", documents_page, "documents"),
    ("/api/documents", documents_page, "api-documents-list"),
    ("/doc/{doc_id:str}", document, "doc"),
    ("/api/doc/{doc_id:str}", document, "api-doc"),
]
