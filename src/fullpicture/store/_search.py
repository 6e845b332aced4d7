"""Full-text search over the store with facets and highlights.

SQLite: FTS5 (``documents_fts``, external content on ``documents``) with ``snippet()``;
PostgreSQL: ``to_tsvector('simple', ...)`` with ``ts_headline``. A contested name is
expanded to its family before the query: the other names linked to the same GeoNames
place in the corpus ("Khankendi" finds "Stepanakert"), and the naming entries of the
framing lexicons with their counter-terms ("Karabakh" finds "Artsakh").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml
from sqlalchemy import func, select, text

from fullpicture.store import _schema as S
from fullpicture.store._workspace import FTS_TABLE, PG_FTS, has_workspace, story_documents

OPEN, CLOSE = "\x02", "\x03"
_TOKEN = re.compile(r'"[^"]+"|[^\s"]+')
FACETS = ("side", "language", "site", "story")


@lru_cache(maxsize=1)
def lexicon_families() -> list[dict[str, str]]:
    """Name families from the shipped lexicons: a naming entry's terms with its counter-terms."""
    from importlib import resources

    out = []
    root = resources.files("fullpicture").joinpath("data", "lexicons")
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith((".yaml", ".yml")):
            continue
        try:
            doc = yaml.safe_load(entry.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            continue
        for e in doc.get("entries") or []:
            if not isinstance(e, dict):
                continue
            if e.get("category") != "naming" and e.get("subcategory") not in ("place name", "war designation"):
                continue
            names = [str(t) for t in (e.get("terms") or []) + (e.get("counter_terms") or []) if str(t).strip()]
            if len(names) > 1:
                out.append({n.casefold(): n for n in names})
    return out


def expand(conn: Any, term: str, limit: int = 12) -> list[str]:
    """A search term and the other names of what it names (lexicon families, then the
    corpus's names for the same GeoNames place)."""
    low = term.casefold()
    family: dict[str, str] = {low: term}
    for fam in lexicon_families():
        if low in fam or any(low == w for n in fam for w in n.split() if len(w) > 4):
            for low_name, name in sorted(fam.items()):
                family.setdefault(low_name, name)
    gid = S.entities.c.data["geo"]["geonames_id"].as_integer()
    ids = select(gid).select_from(S.entities.join(S.mentions, (S.mentions.c.document_id == S.entities.c.document_id)
                                                  & (S.mentions.c.entity_key == S.entities.c.entity_key)))
    ids = ids.where(func.lower(S.mentions.c.text) == low).where(gid.is_not(None)).distinct().limit(5)
    found = [r[0] for r in conn.execute(ids)]
    if found:
        names = select(S.mentions.c.text).select_from(
            S.entities.join(S.mentions, (S.mentions.c.document_id == S.entities.c.document_id)
                            & (S.mentions.c.entity_key == S.entities.c.entity_key))
        ).where(gid.in_(found)).distinct().limit(limit)
        for (n,) in conn.execute(names):
            if n and len(n) < 80:
                family.setdefault(n.casefold(), n)
    return list(family.values())[:limit]


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def parse_query(q: str) -> list[str]:
    """Terms of a query: words and "quoted phrases" (all must match, any name of each)."""
    return [t.strip('"') for t in _TOKEN.findall(q) if t.strip('"').strip()][:12]


def _filters(q: Any, filters: dict[str, str]) -> Any:
    d = S.documents.c
    if filters.get("side"):
        q = q.where(story_documents.c.side == filters["side"])
    if filters.get("language"):
        q = q.where(d.language == filters["language"])
    if filters.get("site"):
        q = q.where(d.site == filters["site"])
    if filters.get("story"):
        q = q.where(story_documents.c.story_id == filters["story"])
    return q


def search(store: Any, query: str, filters: dict[str, str] | None = None, limit: int = 20,
           offset: int = 0) -> dict[str, Any]:
    """Documents matching ``query`` (every term, any name of its family), with highlighted
    snippets, facet counts over all matches, and the expansions used."""
    filters = {k: v for k, v in (filters or {}).items() if v}
    terms = parse_query(query)
    out: dict[str, Any] = {"query": query, "filters": filters, "expanded": {}, "total": 0, "results": [],
                           "facets": {f: [] for f in FACETS}}
    if not terms:
        return out
    engine = store.engine
    with engine.connect() as conn:
        if not has_workspace(conn):
            raise LookupError("this store has no search index yet: open it once with `fullpicture ingest`")
        groups = []
        for t in terms:
            fam = expand(conn, t)
            if len(fam) > 1:
                out["expanded"][t] = fam[1:]
            groups.append(fam)
        d = S.documents.c
        base = select(d.id).select_from(S.documents.join(story_documents, story_documents.c.document_id == d.id))
        if engine.dialect.name == "sqlite":
            match = " AND ".join("(" + " OR ".join(_fts_phrase(n) for n in g) + ")" for g in groups)
            rowids = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :m").bindparams(m=match)
            matched = base.where(text(f"documents.rowid IN ({rowids.text})")).params(m=match)
        else:
            tsq = " & ".join("(" + " | ".join("(" + " <-> ".join(re.findall(r"\w+", n)) + ")"
                                              for n in g if re.findall(r"\w+", n)) + ")" for g in groups)
            matched = base.where(text(f"{PG_FTS} @@ to_tsquery('simple', :m)")).params(m=tsq)
        matched = _filters(matched, filters)
        ids_sub = matched.subquery()
        out["total"] = int(conn.execute(select(func.count()).select_from(ids_sub)).scalar() or 0)
        facet_cols = {"side": story_documents.c.side, "language": d.language, "site": d.site,
                      "story": story_documents.c.story_id}
        for name, col in facet_cols.items():
            fq = (select(col, func.count()).select_from(S.documents.join(story_documents, story_documents.c.document_id == d.id))
                  .where(d.id.in_(select(ids_sub.c.id))).group_by(col).order_by(func.count().desc(), col).limit(15))
            out["facets"][name] = [{"value": v, "count": int(n)} for v, n in conn.execute(fq) if v]
        page = (select(d.id, d.title, d.published, d.language, d.site, story_documents.c.side, story_documents.c.story_id)
                .select_from(S.documents.join(story_documents, story_documents.c.document_id == d.id))
                .where(d.id.in_(select(ids_sub.c.id))).order_by(d.published.desc(), d.id).limit(limit).offset(offset))
        rows = list(conn.execute(page).mappings())
        snippets = _snippets(conn, [r["id"] for r in rows], groups)
        out["results"] = [{**dict(r), "snippet": snippets.get(r["id"], "")} for r in rows]
    return out


def _snippets(conn: Any, ids: list[str], groups: list[list[str]]) -> dict[str, str]:
    if not ids:
        return {}
    out: dict[str, str] = {}
    if conn.dialect.name == "sqlite":
        match = " OR ".join(_fts_phrase(n) for g in groups for n in g)
        q = text(f"SELECT d.id, snippet({FTS_TABLE}, 1, :o, :c, ' … ', 24) FROM {FTS_TABLE} "
                 f"JOIN documents d ON d.rowid = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH :m AND d.id IN :ids")
        from sqlalchemy import bindparam

        q = q.bindparams(bindparam("ids", expanding=True))
        for doc_id, snip in conn.execute(q, {"o": OPEN, "c": CLOSE, "m": match, "ids": ids}):
            out[doc_id] = snip or ""
    else:
        tsq = " | ".join("(" + " <-> ".join(re.findall(r"\w+", n)) + ")" for g in groups for n in g if re.findall(r"\w+", n))
        from sqlalchemy import bindparam

        q = text("SELECT id, ts_headline('simple', text, to_tsquery('simple', :m), "
                 "'StartSel=" + OPEN + ", StopSel=" + CLOSE + ", MaxFragments=2, MaxWords=30, MinWords=10') "
                 "FROM documents WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
        for doc_id, snip in conn.execute(q, {"m": tsq, "ids": ids}):
            out[doc_id] = snip or ""
    return out
