"""Read queries of the workspace: stories with coverage and blindspots, a story's
documents, a place or entity across the corpus, an outlet over time.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import and_, func, select

from fullpicture.store import _schema as S
from fullpicture.store._workspace import has_workspace, stories, story_documents


def corpus_sides(conn: Any) -> list[str]:
    """The sides a story can be missing from: declared or metadata perspectives when the
    corpus has any, else every side seen (at most 12)."""
    declared = [r[0] for r in conn.execute(
        select(S.documents.c.perspective_label).distinct().where(S.documents.c.perspective_label.is_not(None))
        .order_by(S.documents.c.perspective_label))]
    if declared:
        return declared
    return [r[0] for r in conn.execute(select(story_documents.c.side).distinct().order_by(story_documents.c.side).limit(12))]


def _story_row(row: Any, sides: list[str]) -> dict[str, Any]:
    counts: dict[str, int] = dict(row["sides"] or {})
    total = sum(counts.values()) or 1
    coverage = [{"side": s, "documents": counts[s], "share": round(counts[s] / total, 3)}
                for s in sorted(counts, key=lambda s: (-counts[s], s))]
    return {"id": row["id"], "title": row["title"], "first_date": row["first_date"], "last_date": row["last_date"],
            "documents": row["n_documents"], "coverage": coverage,
            "blindspots": [s for s in sides if s not in counts]}


def list_stories(store: Any, filters: dict[str, str] | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Stories newest first, with their coverage per side and their blindspots.

    Filters: ``date_from``/``date_to`` (YYYY-MM-DD, overlapping the story's range), ``side``,
    ``site``, ``language`` (a story with at least one such document), ``place`` (a place
    key, ``gn<id>`` or a name) and ``entity`` (a name) that some document names.
    """
    f = {k: v for k, v in (filters or {}).items() if v}
    with store.engine.connect() as conn:
        if not has_workspace(conn):
            raise LookupError("this store has no stories yet: open it once with `fullpicture ingest`")
        q = select(stories)
        if f.get("date_from"):
            q = q.where(func.coalesce(stories.c.last_date, "9999") >= f["date_from"])
        if f.get("date_to"):
            q = q.where(func.coalesce(stories.c.first_date, "0000") <= f["date_to"])
        docs = select(story_documents.c.story_id).select_from(
            story_documents.join(S.documents, S.documents.c.id == story_documents.c.document_id))
        narrowed = False
        if f.get("side"):
            docs, narrowed = docs.where(story_documents.c.side == f["side"]), True
        if f.get("site"):
            docs, narrowed = docs.where(S.documents.c.site == f["site"]), True
        if f.get("language"):
            docs, narrowed = docs.where(S.documents.c.language == f["language"]), True
        for key in ("place", "entity"):
            if f.get(key):
                ent = entity_filter(f[key])
                docs = docs.where(S.documents.c.id.in_(select(S.entities.c.document_id).where(ent)))
                narrowed = True
        if narrowed:
            q = q.where(stories.c.id.in_(docs))
        total = int(conn.execute(select(func.count()).select_from(q.subquery())).scalar() or 0)
        q = q.order_by(func.coalesce(stories.c.last_date, "").desc(), stories.c.updated_at.desc(), stories.c.id)
        sides = corpus_sides(conn)
        rows = [_story_row(r, sides) for r in conn.execute(q.limit(limit).offset(offset)).mappings()]
        options = {
            "side": sides if sides else [],
            "site": [r[0] for r in conn.execute(select(S.documents.c.site).distinct().where(S.documents.c.site.is_not(None)).order_by(S.documents.c.site).limit(200))],
            "language": [r[0] for r in conn.execute(select(S.documents.c.language).distinct().where(S.documents.c.language.is_not(None)).order_by(S.documents.c.language))],
        }
    return {"stories": rows, "total": total, "filters": f, "options": options, "sides": sides}


def entity_filter(key: str) -> Any:
    """A condition on ``entities`` for a place key (``gn<id>``, ``n-<name>``) or a name."""
    if key.startswith("gn") and key[2:].isdigit():
        return S.entities.c.data["geo"]["geonames_id"].as_integer() == int(key[2:])
    name = key[2:] if key.startswith("n-") else key
    return func.lower(S.entities.c.name) == name.casefold()


def story(store: Any, story_id: str) -> dict[str, Any]:
    """One story with its documents (LookupError if absent)."""
    with store.engine.connect() as conn:
        if not has_workspace(conn):
            raise LookupError("no such story")
        row = conn.execute(select(stories).where(stories.c.id == story_id)).mappings().first()
        if row is None:
            raise LookupError("no such story")
        out = _story_row(row, corpus_sides(conn))
        q = (select(S.documents.c.id, S.documents.c.title, S.documents.c.published, S.documents.c.site,
                    S.documents.c.language, story_documents.c.side)
             .select_from(story_documents.join(S.documents, S.documents.c.id == story_documents.c.document_id))
             .where(story_documents.c.story_id == story_id)
             .order_by(S.documents.c.published, S.documents.c.id))
        out["document_list"] = [dict(r) for r in conn.execute(q).mappings()]
    return out


def story_documents_of(store: Any, story_id: str) -> list[str]:
    """The ids of a story's documents, oldest first (LookupError if the story is unknown)."""
    with store.engine.connect() as conn:
        if not has_workspace(conn):
            raise LookupError("no such story")
        ids = [r[0] for r in conn.execute(
            select(story_documents.c.document_id).where(story_documents.c.story_id == story_id)
            .order_by(story_documents.c.date, story_documents.c.document_id))]
    if not ids:
        raise LookupError("no such story")
    return ids


def story_of(store: Any, doc_id: str) -> dict[str, Any] | None:
    """The story a document is in: ``{"id", "title"}`` (None if not indexed)."""
    with store.engine.connect() as conn:
        if not has_workspace(conn):
            return None
        row = conn.execute(select(stories.c.id, stories.c.title)
                           .select_from(story_documents.join(stories, stories.c.id == story_documents.c.story_id))
                           .where(story_documents.c.document_id == doc_id)).mappings().first()
    return dict(row) if row else None


def place(store: Any, key: str, limit: int = 500) -> dict[str, Any]:
    """Every mention of a place or entity across the corpus, each side's names for it, and
    where it is (LookupError if nothing mentions it)."""
    cond = entity_filter(key)
    e, m, d = S.entities.c, S.mentions.c, S.documents.c
    with store.engine.connect() as conn:
        ents = list(conn.execute(select(e.document_id, e.entity_key, e.name, e.type, e.lat, e.lon, e.country).where(cond)
                                 .limit(5000)).mappings())
        if not ents:
            raise LookupError("nothing in the corpus names this")
        sides = {}
        if has_workspace(conn):
            sides = dict(conn.execute(select(story_documents.c.document_id, story_documents.c.side)
                                      .where(story_documents.c.document_id.in_({r["document_id"] for r in ents}))).all())
        keys = {(r["document_id"], r["entity_key"]) for r in ents}
        q = (select(m.document_id, m.entity_key, m.start, m.end, m.text, d.title, d.published, d.text.label("doc_text"))
             .select_from(S.mentions.join(S.documents, d.id == m.document_id))
             .where(m.document_id.in_({k[0] for k in keys})).order_by(d.published, m.document_id, m.start))
        mentions: list[dict[str, Any]] = []
        names: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for r in conn.execute(q).mappings():
            if (r["document_id"], r["entity_key"]) not in keys:
                continue
            side = sides.get(r["document_id"], "unknown")
            names[side][r["text"]] += 1
            if len(mentions) < limit:
                t = r["doc_text"] or ""
                a, b = max(0, r["start"] - 80), min(len(t), r["end"] + 80)
                mentions.append({"document": r["document_id"], "title": r["title"], "published": r["published"],
                                 "side": side, "text": r["text"], "start": r["start"], "end": r["end"],
                                 "before": t[a:r["start"]], "after": t[r["end"]:b]})
    first = ents[0]
    located = next((r for r in ents if r["lat"] is not None), None)
    return {
        "key": key, "name": Counter(r["name"] for r in ents).most_common(1)[0][0], "type": first["type"],
        "lat": located["lat"] if located else None, "lon": located["lon"] if located else None,
        "country": located["country"] if located else None,
        "documents": len({r["document_id"] for r in ents}),
        "names": {s: [{"name": n, "count": c} for n, c in cnt.most_common()] for s, cnt in sorted(names.items())},
        "mentions": mentions,
    }


def outlet(store: Any, site: str) -> dict[str, Any]:
    """An outlet's documents and its framing profile by month (cues per category)."""
    d, fc = S.documents.c, S.framing_cues.c
    with store.engine.connect() as conn:
        docs = [dict(r) for r in conn.execute(select(d.id, d.title, d.published, d.language, d.perspective_label)
                                              .where(d.site == site).order_by(d.published.desc(), d.id)).mappings()]
        if not docs:
            raise LookupError("no documents from this outlet")
        month = func.substr(func.coalesce(d.published, "undated"), 1, 7)
        rows = conn.execute(select(month, fc.category, func.count())
                            .select_from(S.framing_cues.join(S.documents, d.id == fc.document_id))
                            .where(and_(d.site == site, fc.category.is_not(None)))
                            .group_by(month, fc.category).order_by(month)).all()
    per: dict[str, dict[str, int]] = defaultdict(dict)
    cats: Counter[str] = Counter()
    for mo, cat, n in rows:
        per[mo][cat] = int(n)
        cats[cat] += int(n)
    n_docs = Counter((doc["published"] or "undated")[:7] for doc in docs)
    categories = [c for c, _ in cats.most_common()]
    months = [{"month": mo, "documents": n_docs.get(mo, 0), "cues": per[mo]} for mo in sorted(per)]
    return {"site": site, "documents": docs, "categories": categories, "months": months}


#: Tables that can be exported, in a sensible order.
EXPORT_TABLES = ("documents", "stories", "story_documents", "zones", "entities", "mentions", "timexes",
                 "events", "figures", "claims", "framing_cues")


def export_rows(store: Any, name: str, *, flat: bool) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns and rows of one table; ``flat`` drops the full-model ``data`` column."""
    if name not in EXPORT_TABLES:
        raise LookupError(f"no table {name!r}")
    from fullpicture.store import _workspace as W

    table = getattr(W, name) if name in ("stories", "story_documents") else getattr(S, name)
    cols = [c for c in table.columns if not (flat and c.name == "data")]
    with store.engine.connect() as conn:
        out = [dict(r) for r in conn.execute(select(*cols).order_by(*table.primary_key.columns)).mappings()]
    return [c.name for c in cols], out


def _sides(conn: Any) -> dict[str, str]:
    if not has_workspace(conn):
        return {}
    return dict(conn.execute(select(story_documents.c.document_id, story_documents.c.side)).all())


def located_entities(store: Any) -> list[dict[str, Any]]:
    """Entities with coordinates: document, side, name, type, lat, lon, country, GeoNames id, mention texts."""
    e = S.entities.c
    with store.engine.connect() as conn:
        sides = _sides(conn)
        out = []
        for r in conn.execute(select(e.document_id, e.name, e.type, e.lat, e.lon, e.country, e.data)
                              .where(e.lat.is_not(None)).order_by(e.document_id, e.seq)).mappings():
            data = r["data"] or {}
            out.append({"document": r["document_id"], "side": sides.get(r["document_id"], "unknown"),
                        "name": r["name"], "type": r["type"], "lat": r["lat"], "lon": r["lon"],
                        "country": r["country"], "geonames_id": (data.get("geo") or {}).get("geonames_id"),
                        "texts": [m.get("text") for m in data.get("mentions") or [] if m.get("text")]})
    return out


def located_events(store: Any) -> list[dict[str, Any]]:
    """Events whose place is a located entity of the same document."""
    ev, e = S.events.c, S.entities.c
    with store.engine.connect() as conn:
        sides = _sides(conn)
        coords = {(r[0], r[1]): (r[2], r[3], r[4]) for r in conn.execute(
            select(e.document_id, e.entity_key, e.lat, e.lon, e.name).where(e.lat.is_not(None)))}
        out = []
        for r in conn.execute(select(ev.document_id, ev.item_key, ev.type, ev.trigger, ev.date, ev.modality, ev.data)
                              .order_by(ev.document_id, ev.seq)).mappings():
            place = (r["data"] or {}).get("place")
            where = coords.get((r["document_id"], place)) if place else None
            if where is None:
                continue
            out.append({"document": r["document_id"], "event": r["item_key"], "type": r["type"],
                        "trigger": r["trigger"], "date": r["date"], "modality": r["modality"],
                        "lat": where[0], "lon": where[1], "place": where[2],
                        "side": sides.get(r["document_id"], "unknown")})
    return out
