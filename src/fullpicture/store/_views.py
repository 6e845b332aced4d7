"""The workspace's read methods on :class:`~fullpicture.store.Store` (a mixin), so faces
reach stories, search, places, outlets and exports through the store object only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from fullpicture.store import _query as Q
from fullpicture.store import _schema as S
from fullpicture.store import _search
from fullpicture.store import _workspace as W


class WorkspaceViews:
    """Read-only queries of the workspace (stories, search, places, outlets, exports)."""

    engine: Any

    def has_workspace(self) -> bool:
        """Whether the stories and search tables exist."""
        with self.engine.connect() as conn:
            return W.has_workspace(conn)

    def data_version(self) -> tuple[int, str]:
        """Changes whenever a document is added (by any process): the count and latest ingest time."""
        with self.engine.connect() as conn:
            n, last = conn.execute(select(func.count(), func.max(S.documents.c.ingested_at))).one()
        return int(n or 0), str(last or "")

    def documents_meta(self) -> list[dict[str, Any]]:
        """Every document's metadata (DocumentInfo as JSON, no text), in ingest order."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(S.documents.c.data).order_by(S.documents.c.ingested_at, S.documents.c.id))
            return [dict(r[0]) for r in rows]

    def stories(self, filters: dict[str, str] | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Stories newest first with coverage and blindspots (see :func:`_query.list_stories`)."""
        return Q.list_stories(self, filters, limit, offset)

    def story(self, story_id: str) -> dict[str, Any]:
        """One story with its documents."""
        return Q.story(self, story_id)

    def story_documents(self, story_id: str) -> list[str]:
        """The ids of a story's documents."""
        return Q.story_documents_of(self, story_id)

    def story_of(self, doc_id: str) -> dict[str, Any] | None:
        """The story a document is in."""
        return Q.story_of(self, doc_id)

    def place(self, key: str, limit: int = 500) -> dict[str, Any]:
        """A place or entity across the corpus."""
        return Q.place(self, key, limit)

    def outlet(self, site: str) -> dict[str, Any]:
        """An outlet's documents and framing by month."""
        return Q.outlet(self, site)

    def search(self, query: str, filters: dict[str, str] | None = None, limit: int = 20,
               offset: int = 0) -> dict[str, Any]:
        """Full-text search with facets, snippets and name expansion."""
        return _search.search(self, query, filters, limit, offset)

    def export_rows(self, name: str, *, flat: bool) -> tuple[list[str], list[dict[str, Any]]]:
        """The columns and rows of one table (``flat``: without the JSON ``data`` column)."""
        return Q.export_rows(self, name, flat=flat)

    def located_entities(self) -> list[dict[str, Any]]:
        """Entities with coordinates, with their document's side."""
        return Q.located_entities(self)

    def located_events(self) -> list[dict[str, Any]]:
        """Events whose place entity has coordinates."""
        return Q.located_events(self)
