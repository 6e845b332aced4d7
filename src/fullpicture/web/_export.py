"""Exports of every table and every comparison: CSV, JSON, GeoJSON (RFC 7946) and
Parquet (pyarrow), plus a datasette metadata file labelling the tables and facets.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

#: Exportable tables, their description and their datasette facets.
TABLES: dict[str, tuple[str, list[str]]] = {
    "documents": ("One row per stored document: metadata, declared perspective, full text.", ["perspective_label", "site", "language"]),
    "stories": ("Stories: documents about one incident and its follow-ups, with documents per side.", []),
    "story_documents": ("Which story each document is in, with its side.", ["side", "story_id"]),
    "zones": ("Zones of each document (body, editorial note, bio, boilerplate) as character offsets.", ["kind"]),
    "entities": ("Entities per document, places with coordinates (GeoNames).", ["type", "country"]),
    "mentions": ("Every mention of an entity, with the exact surface text.", []),
    "timexes": ("Time expressions, normalised TIMEX3-style.", ["type"]),
    "events": ("Events with PLOVER-mapped type, date and modality.", ["type", "modality"]),
    "figures": ("Figures (casualties, counts) with what they count.", ["counts"]),
    "claims": ("Claims attributed to their sources.", ["kind"]),
    "framing_cues": ("Framing cues: loaded and contested terms, scare quotes, hedges...", ["category", "subcategory"]),
}
FORMATS = ("csv", "json", "parquet")
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8",
         "geojson": "application/geo+json", "parquet": "application/vnd.apache.parquet"}


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def rows(store: Any, name: str, *, flat: bool) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns and rows of one table; ``flat`` turns JSON cells into JSON text and drops
    the full-model ``data`` column (it repeats the other columns)."""
    if name not in TABLES:
        raise LookupError(f"no table {name!r}")
    names, out = store.export_rows(name, flat=flat)
    if flat:
        out = [{k: _cell(v) for k, v in r.items()} for r in out]
    else:
        out = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()} for r in out]
    return names, out


def to_csv(columns: list[str], data: list[dict[str, Any]]) -> bytes:
    """CSV with a header row (UTF-8, RFC 4180 quoting)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    w.writeheader()
    for r in data:
        w.writerow({k: _cell(v) for k, v in r.items()})
    return buf.getvalue().encode("utf-8")


def to_parquet(columns: list[str], data: list[dict[str, Any]]) -> bytes:
    """Parquet (pyarrow); JSON cells as text. Raises LookupError without pyarrow."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise LookupError("Parquet export needs pyarrow") from exc
    table = pa.Table.from_pylist([{c: _cell(r.get(c)) for c in columns} for r in data]) if data else \
        pa.table({c: pa.array([], pa.string()) for c in columns})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def export_table(store: Any, name: str, fmt: str) -> tuple[bytes, str]:
    """One table in one format: ``(body, media type)``."""
    if fmt == "json":
        columns, data = rows(store, name, flat=False)
        return json.dumps({"table": name, "columns": columns, "rows": data}, ensure_ascii=False,
                          default=str).encode("utf-8"), MEDIA["json"]
    columns, data = rows(store, name, flat=True)
    if fmt == "csv":
        return to_csv(columns, data), MEDIA["csv"]
    if fmt == "parquet":
        return to_parquet(columns, data), MEDIA["parquet"]
    raise LookupError(f"no format {fmt!r}")


def _feature(lon: float, lat: float, props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            "properties": props}


def places_geojson(store: Any, doc_ids: set[str] | None = None) -> dict[str, Any]:
    """Located places as a FeatureCollection: one point per place, with every name each side used."""
    found: dict[Any, dict[str, Any]] = {}
    for r in store.located_entities():
        if doc_ids is not None and r["document"] not in doc_ids:
            continue
        key = r["geonames_id"] or (round(r["lat"], 3), round(r["lon"], 3))
        p = found.setdefault(key, {**r, "names": {}, "documents": set()})
        p["names"].setdefault(r["side"], set()).update(r["texts"] or [r["name"]])
        p["documents"].add(r["document"])
    feats = []
    for _, p in sorted(found.items(), key=lambda kv: str(kv[0])):
        feats.append(_feature(p["lon"], p["lat"], {
            "name": p["name"], "type": p["type"], "country": p["country"], "geonames_id": p["geonames_id"],
            "documents": len(p["documents"]),
            "names_by_side": {s: sorted(names) for s, names in sorted(p["names"].items())},
            "url": f"/place/gn{p['geonames_id']}" if p["geonames_id"] else None}))
    return {"type": "FeatureCollection", "features": feats}


def incidents_geojson(store: Any, doc_ids: set[str] | None = None) -> dict[str, Any]:
    """Events at located places as a FeatureCollection (ACLED/GDELT-like rows)."""
    feats = []
    for r in store.located_events():
        if doc_ids is not None and r["document"] not in doc_ids:
            continue
        props = {k: r[k] for k in ("document", "event", "type", "trigger", "date", "modality", "place", "side")}
        props["url"] = f"/doc/{r['document']}"
        feats.append(_feature(r["lon"], r["lat"], props))
    return {"type": "FeatureCollection", "features": feats}


def datasette_metadata(title: str) -> dict[str, Any]:
    """A datasette metadata file for the SQLite store: table descriptions, facets, FTS."""
    tables: dict[str, Any] = {}
    for name, (desc, facets) in TABLES.items():
        entry: dict[str, Any] = {"description": desc}
        if facets:
            entry["facets"] = facets
        tables[name] = entry
    tables["documents"].update({"fts_table": "documents_fts", "fts_pk": "rowid", "label_column": "title",
                                "sortable_columns": ["published", "ingested_at", "site"]})
    tables["stories"].update({"label_column": "title", "sortable_columns": ["first_date", "last_date", "n_documents"]})
    tables["documents_fts"] = {"hidden": True}
    return {
        "title": f"fullpicture · {title}",
        "description": "A fullpicture corpus: documents from each side of contested stories, their entities, "
                       "places, events, figures, claims and framing cues, grouped into stories.",
        "license": "See each document's source", "source": "fullpicture",
        "databases": {title.rsplit(".", 1)[0]: {"tables": tables}},
    }
