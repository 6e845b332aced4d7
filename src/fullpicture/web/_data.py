"""The data behind every page and its JSON twin: a read-only store, a bounded cache of
comparisons keyed by what was compared and how the sides were grouped, and background
jobs for comparisons that take longer than a page should wait.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fullpicture.models import Analysis
from fullpicture.models.comparison import Comparison
from fullpicture.settings import Settings, load_settings

log = logging.getLogger("fullpicture.web")

#: What a comparison is of: ("topic", text or "") or ("story", story id).
Subject = tuple[str, str]


@dataclass(frozen=True)
class Grouping:
    """How the sides are shown: which to keep (empty: all) and which to merge into which."""

    keep: tuple[str, ...] = ()
    merge: tuple[tuple[str, str], ...] = ()

    def side_of(self, label: str) -> str | None:
        """The label a document of side ``label`` is shown under (None: dropped)."""
        label = dict(self.merge).get(label, label)
        if self.keep and label not in self.keep:
            return None
        return label

    def query(self) -> dict[str, str]:
        """The query parameters that reproduce this grouping."""
        q = {}
        if self.keep:
            q["sides"] = ",".join(self.keep)
        if self.merge:
            q["merge"] = ",".join(f"{a}:{b}" for a, b in self.merge)
        return q


@dataclass
class Job:
    """A comparison being computed in the background."""

    key: tuple[Any, ...]
    stage: str = "queued"
    done: int = 0
    total: int = 0
    unit: str = "documents"
    started: float = field(default_factory=time.monotonic)
    future: Future[Comparison] | None = None

    def progress(self) -> dict[str, Any]:
        """The job's state for the progress page and its JSON twin."""
        return {"status": "running", "stage": self.stage, "done": self.done, "total": self.total,
                "unit": self.unit, "elapsed_s": round(time.monotonic() - self.started, 1)}

    def update(self, stage: str, done: int, total: int | None) -> None:
        """Follow the comparison's ``progress(stage, done, total)``."""
        from fullpicture import progress_units

        self.stage, self.done, self.total = stage, done, total or 0
        self.unit = progress_units().get(stage, "items")


class Pending(Exception):
    """The comparison is still being computed; ``job`` says how far it got."""

    def __init__(self, job: Job) -> None:
        super().__init__("comparison in progress")
        self.job = job


def side_label(doc: dict[str, Any]) -> str:
    """The side a stored document belongs to: its perspective, else its site, else 'unknown'."""
    p = doc.get("perspective") or {}
    return str(p.get("label") or doc.get("site") or "unknown")


class Data:
    """The data functions behind both the HTML pages and the JSON API."""

    def __init__(self, db: str | Path,
                 loader: Callable[[str | None], list[Analysis]] | None = None,
                 settings: Settings | None = None, results_dir: str | Path | None = None) -> None:
        self.db = Path(db)
        self.settings = settings or load_settings()
        self._loader = loader
        self._store: Any = None
        self._lock = threading.Lock()
        web = self.settings.section("web")
        self._cache_size = max(1, int(web.get("comparison_cache", 16)))
        self._cache: OrderedDict[tuple[Any, ...], Comparison] = OrderedDict()
        self._jobs: dict[tuple[Any, ...], Job] = {}
        self._pool = ThreadPoolExecutor(max_workers=max(1, int(web.get("comparison_workers", 1))),
                                        thread_name_prefix="fp-compare")
        self.wait_s = float(web.get("comparison_wait_s", 3.0))
        self.results_dir = Path(results_dir) if results_dir else None
        self._results_max = max(1, int(web.get("results_kept", 64)))

    # -- the store -----------------------------------------------------------------------
    def store(self) -> Any:
        """The store, opened read-only once (nothing is ever created or migrated)."""
        with self._lock:
            if self._store is None:
                import fullpicture

                self._store = fullpicture.open_store(self.db, self.settings, read_only=True)
            return self._store

    def version(self) -> tuple[int, str]:
        """Changes whenever documents are added (by any process)."""
        if self._loader is not None:
            return 0, ""
        return tuple(self.store().data_version())

    def has_stories(self) -> bool:
        """Whether the store has its stories and search tables (False with a test loader)."""
        if self._loader is not None:
            return False
        return bool(self.store().has_workspace())

    def count(self) -> int:
        """Number of documents."""
        if self._loader is not None:
            return len(self._loader(None))
        return int(self.store().count())

    def close(self) -> None:
        """Stop background work and release the store."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._store is not None:
            self._store.close()

    # -- documents -----------------------------------------------------------------------
    def documents(self) -> list[dict[str, Any]]:
        """Every stored document's metadata (no text)."""
        if self._loader is not None:
            return [a.document.model_dump(mode="json") for a in self._loader(None)]
        return list(self.store().documents_meta())

    def analysis(self, doc_id: str) -> Analysis:
        """One document's stored analysis (LookupError if absent)."""
        if self._loader is not None:
            for a in self._loader(None):
                if a.document.id == doc_id:
                    return a
            raise LookupError("no such document")
        if len(doc_id) > 128:
            raise LookupError("no such document")
        try:
            return self.store().get(doc_id)
        except KeyError:
            raise LookupError("no such document") from None

    def story_of(self, doc_id: str) -> dict[str, Any] | None:
        """The story a document belongs to (None without stories)."""
        if self._loader is not None:
            return None
        return self.store().story_of(doc_id)

    def analyses(self, subject: Subject, on_progress: Callable[[int, int], None] | None = None) -> list[Analysis]:
        """The analyses a subject covers."""
        kind, value = subject
        if self._loader is not None:
            return self._loader(value or None)
        store = self.store()
        if kind == "story":
            ids = store.story_documents(value)
        else:
            ids = [a for a in _topic_ids(store, value or None, self.settings)]
        out = []
        for i, doc_id in enumerate(ids):
            out.append(store.get(doc_id))
            if on_progress:
                on_progress(i + 1, len(ids))
        return out

    # -- comparisons ---------------------------------------------------------------------
    def comparison(self, topic: str | None = None, grouping: Grouping | None = None, *,
                   subject: Subject | None = None, wait: float | None = None) -> Comparison:
        """The comparison of a topic (all documents when None) or a story, sides grouped.

        Cached (bounded, least recently used first out) by subject, grouping and database
        version. Raises :class:`Pending` when it is not ready within ``wait`` seconds
        (default: wait until done) and LookupError when there is nothing to compare.
        """
        subject = subject or ("topic", topic or "")
        grouping = grouping or Grouping()
        key = (subject, grouping, self.version())
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            job = self._jobs.get(key)
            if job is None:
                job = Job(key)
                self._jobs[key] = job
                job.future = self._pool.submit(self._compute, job, subject, grouping)
        assert job.future is not None
        try:
            return job.future.result(timeout=wait)
        except TimeoutError:
            raise Pending(job) from None

    def _compute(self, job: Job, subject: Subject, grouping: Grouping) -> Comparison:
        try:
            job.stage = "reading documents"

            def progress(done: int, total: int) -> None:
                job.done, job.total = done, total

            analyses = self.analyses(subject, progress)
            user_sides: dict[str, str] = {}
            kept = []
            for a in analyses:
                label = grouping.side_of(side_label(a.document.model_dump(mode="json")))
                if label is None:
                    continue
                kept.append(a)
                if grouping.keep or grouping.merge:
                    user_sides[a.document.id] = label
            if not kept:
                what = f" about {subject[1]!r}" if subject[0] == "topic" and subject[1] else ""
                raise LookupError(f"no documents{what}" + (" on these sides" if grouping.keep else ""))
            stored = self._stored(job.key)
            if stored is not None:
                comp = stored
            else:
                job.stage, job.done, job.total = "aligning events, claims and names across sides", 0, 0
                vectors = None if self._loader is not None else self.store()
                comp = _compare(kept, user_sides, self.settings, vectors, job.update)
                if subject[0] == "topic" and subject[1]:
                    from fullpicture._compare import one_side_notice, topic_terms

                    comp = one_side_notice(comp, subject[1], topic_terms(subject[1], self.settings))
                self._store_result(job.key, comp)
            with self._lock:
                self._cache[job.key] = comp
                self._cache.move_to_end(job.key)
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
            return comp
        finally:
            with self._lock:
                self._jobs.pop(job.key, None)

    # -- comparisons kept on disk across restarts -------------------------------------------
    def _result_path(self, key: tuple[Any, ...]) -> Path | None:
        if self.results_dir is None or self._loader is not None:
            return None
        ident = json.dumps([str(self.db.resolve()), list(key[0]), key[1].query(), list(key[2]), self.settings.key],
                           sort_keys=True)
        return self.results_dir / (hashlib.sha256(ident.encode("utf-8")).hexdigest()[:32] + ".json")

    def _stored(self, key: tuple[Any, ...]) -> Comparison | None:
        """A comparison computed before (by this or an earlier server), if kept."""
        path = self._result_path(key)
        if path is None or not path.is_file():
            return None
        try:
            comp = Comparison.model_validate_json(path.read_bytes())
            os.utime(path)
            return comp
        except (OSError, ValueError):
            return None

    def _store_result(self, key: tuple[Any, ...], comp: Comparison) -> None:
        """Keep a computed comparison on disk (atomically; the oldest beyond the limit go)."""
        path = self._result_path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_text(json.dumps(comp.to_json_dict(), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
            kept = sorted(path.parent.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in kept[self._results_max:]:
                old.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not keep a comparison on disk (%s)", type(exc).__name__)

    def cached(self) -> int:
        """How many comparisons are cached."""
        return len(self._cache)


def _topic_ids(store: Any, topic: str | None, settings: Settings | None = None) -> list[str]:
    from fullpicture._compare import topic_terms

    if not topic:
        return list(store.ids())
    found = {d for t in topic_terms(topic, settings) for d in store.topic_ids(t)}
    return [d for d in store.ids() if d in found]


def _compare(analyses: list[Analysis], user_sides: dict[str, str], settings: Settings,
             vectors: Any = None, progress: Callable[[str, int, int | None], None] | None = None) -> Comparison:
    """Align the analyses through the public comparison function (``fullpicture.compare``);
    ``vectors``: the store, whose stored sentence vectors spare re-embedding (new ones go to
    the file cache: the server opens the store read-only); ``progress`` follows its stages."""
    import fullpicture

    if not user_sides:
        return fullpicture.compare(analyses, settings=settings, vectors=vectors, progress=progress)
    by_side: dict[str, list[Analysis]] = {}
    for a in analyses:
        by_side.setdefault(user_sides[a.document.id], []).append(a)
    return fullpicture.compare(sides=by_side, settings=settings, vectors=vectors, progress=progress)
