"""The OpenAPI 3.1 document of ``/api/...`` (every page's JSON twin) and the exports."""

from __future__ import annotations

from typing import Any


def _q(name: str, desc: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": desc, "schema": schema or {"type": "string"}}


def _p(name: str, desc: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": desc, "schema": {"type": "string"}}


_SIDES = [_q("sides", "keep only these sides (comma-separated or repeated)"),
          _q("merge", "show side A under side B: A:B (comma-separated or repeated)")]
_FILTERS = [_q("date_from", "YYYY-MM-DD", {"type": "string", "format": "date"}),
            _q("date_to", "YYYY-MM-DD", {"type": "string", "format": "date"}),
            _q("side", "a side label"), _q("site", "an outlet"), _q("language", "ISO 639-1"),
            _q("place", "a place key (gn<GeoNames id>) or name"), _q("entity", "an entity name"),
            _q("page", "page number", {"type": "integer", "minimum": 1})]
_JSON = {"application/json": {"schema": {"type": "object"}}}


def _get(summary: str, params: list[dict[str, Any]] | None = None, pending: bool = False,
         media: dict[str, Any] | None = None) -> dict[str, Any]:
    responses: dict[str, Any] = {"200": {"description": "OK", "content": media or _JSON},
                                 "404": {"description": "not found", "content": _JSON}}
    if pending:
        responses["202"] = {"description": "still computing: {status, stage, done, total, elapsed_s}; ask again",
                            "content": _JSON}
    return {"get": {"summary": summary, "parameters": params or [], "responses": responses}}


def document() -> dict[str, Any]:
    """The OpenAPI document."""
    from fullpicture import __version__

    return {
        "openapi": "3.1.0",
        "info": {"title": "fullpicture serve", "version": __version__,
                 "description": "Read-only JSON twins of every page of the fullpicture workspace. When the server "
                                "has a token, send `Authorization: Bearer TOKEN`."},
        "components": {"securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}},
        "security": [{}, {"token": []}],
        "paths": {
            "/api/stories": _get("Stories newest first, with coverage per side and blindspots", _FILTERS),
            "/api/story/{story_id}": _get("A story and its comparison (fullpicture/comparison/v1)",
                                          [_p("story_id", "story id"), *_SIDES], pending=True),
            "/api/doc/{doc_id}": _get("A document's analysis (fullpicture/analysis/v1)", [_p("doc_id", "document id")]),
            "/api/documents": _get("Every document's metadata"),
            "/api/place/{key}": _get("A place or entity: mentions, names per side, coordinates",
                                     [_p("key", "gn<GeoNames id>, or n-<name>")]),
            "/api/outlet/{site}": _get("An outlet's documents and framing profile by month", [_p("site", "outlet")]),
            "/api/search": _get("Full-text search with facets, highlights and contested-name expansion",
                                [_q("q", "words or \"phrases\""), _q("side", "facet"), _q("language", "facet"),
                                 _q("site", "facet"), _q("story", "facet"),
                                 _q("page", "page number", {"type": "integer", "minimum": 1})]),
            "/api/compare.json": _get("The comparison of a topic (all documents when none)",
                                      [_q("topic", "words in title or text"), *_SIDES], pending=True),
            "/api/exports": _get("The available exports"),
            "/export/{table}.{format}": _get("A table as CSV, JSON or Parquet",
                                             [_p("table", "documents, stories, entities, events, ..."),
                                              _p("format", "csv, json or parquet")],
                                             media={"text/csv": {}, "application/json": {},
                                                    "application/vnd.apache.parquet": {}}),
            "/export/places.geojson": _get("Located places (RFC 7946)", media={"application/geo+json": {}}),
            "/export/incidents.geojson": _get("Events at located places (RFC 7946)", media={"application/geo+json": {}}),
            "/story/{story_id}/export.{format}": _get("A story's comparison: json, csv, parquet or geojson",
                                                      [_p("story_id", "story id"), _p("format", "format"), *_SIDES],
                                                      pending=True, media={"application/json": {}}),
            "/api/openapi.json": _get("This document"),
        },
    }
