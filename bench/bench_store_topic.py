"""`compare --db --topic` on a big store: one topic's documents out of many (issue 14).

Usage:
    .venv/bin/python bench/bench_store_topic.py --db /tmp/big.db --docs 100000 \
        --topic-analyses topic.jsonl --topic trump
    .venv/bin/python bench/bench_store_topic.py --db KEPT.db --add --topic-analyses topic.jsonl \
        --cache-dir CACHE --topic campaign

Builds the store once (reused when it exists): ``--docs`` **SYNTHETIC filler documents**
(random pseudo-words, never the topic word; one body zone, no annotations; written in bulk
with the store's own tables, grouped in synthetic stories so that opening the store does not
index them one by one), then the real analyses of ``--topic-analyses`` (JSON Lines of
``Analysis``, e.g. written by ``fullpicture analyze``) through ``Store.add``, with their
sentence vectors (``precompute_vectors``, as ``fullpicture ingest`` does).

Or, with ``--add``, an existing store (for example the one ``bench/ingest_scale.py --keep``
leaves) gets the analyses of ``--topic-analyses`` as ``fullpicture ingest`` writes them
(``Store.add_many``, ``[store] write_documents`` at a time) and their vectors, taken from
``--cache-dir``'s file cache where they are there.

Then times, in one process: selecting the topic (``Store.topic_ids``: the full-text index,
and for reference the former ``LIKE`` scan), loading those analyses, and the comparison
(``fullpicture.compare(db=..., topic=...)`` stage by stage), wall and CPU, and asserts the
comparison encoded no text (every vector came from the store). Counters patched in for the
run: the documents the store loads (all of them inside the topic's term family), the spaCy
pipeline calls (none: nothing is analysed again) and the texts run through the sentence model
(none: nothing is embedded again).

Then the HTML report of that comparison, in the same process, part by part (the view model
``report_context``, the template, the whole ``render_html``) with its size and the bytes of
each section; with ``--cli OUT.html`` also the whole command ``fullpicture compare --db DB
--topic T -o OUT.html`` in a child process (start-up, loading, comparison, report and
writing: wall and the child's CPU), which must write the report of the same comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from hashlib import sha256
from pathlib import Path
from typing import Any


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def fill(db: Path, n: int, topic_file: Path, cache_dir: Path | None, seed: int = 0) -> None:
    """Write the synthetic filler in bulk, then the topic's real analyses through the API."""
    import fullpicture as fp
    from fullpicture.models import Analysis
    from fullpicture.store import _schema as S
    from fullpicture.store._workspace import FTS_TABLE, stories, story_documents

    settings = fp.load_settings()
    store = fp.open_store(db, settings)
    rng = random.Random(seed)
    syll = ["ka", "ro", "mi", "tel", "sun", "dor", "va", "pel", "nik", "ost", "ba", "gri", "lu", "zen", "fa", "mor"]
    vocab = ["".join(rng.choice(syll) for _ in range(rng.randint(2, 4))) for _ in range(3000)]
    sites = [f"synthetic-outlet-{k}.example" for k in range(40)]
    t0 = time.perf_counter()
    now = datetime.now(UTC)
    n_stories = max(1, n // 100)
    start = date(2020, 1, 1)
    with store.engine.begin() as conn:
        conn.execute(stories.insert(), [
            {"id": f"syn{k:06d}", "title": f"SYNTHETIC story {k}", "first_date": None, "last_date": None,
             "n_documents": 0, "sides": {}, "keys": {}, "updated_at": now} for k in range(n_stories)])
    for lo in range(0, n, 5000):
        docs, zones, links = [], [], []
        for k in range(lo, min(n, lo + 5000)):
            words = [rng.choice(vocab) for _ in range(160)]
            text_ = "SYNTHETIC filler document. " + " ".join(words) + "."
            doc_id = sha256(text_.encode()).hexdigest()
            day = (start + timedelta(days=k % 1500)).isoformat()
            site = sites[k % len(sites)]
            info = {"id": doc_id, "source": f"synthetic/{k}.txt", "title": " ".join(words[:6]).capitalize(),
                    "language": "en", "published": day, "site": site, "format": "text", "perspective": None,
                    "authors": []}
            docs.append({"id": doc_id, "source": info["source"], "title": info["title"], "language": "en",
                         "published": day, "site": site, "format": "text", "perspective_label": None,
                         "perspective_origin": None, "authors": [], "text": text_, "framing_profile": None,
                         "data": info, "ingested_at": now})
            zones.append({"document_id": doc_id, "seq": 0, "kind": "body", "start": 0, "end": len(text_),
                          "data": {"kind": "body", "start": 0, "end": len(text_)}})
            links.append({"document_id": doc_id, "story_id": f"syn{k % n_stories:06d}", "date": day, "side": site,
                          "similarity": 1.0})
        with store.engine.begin() as conn:
            conn.execute(S.documents.insert(), docs)
            conn.execute(S.zones.insert(), zones)
            conn.execute(story_documents.insert(), links)
        print(f"  {lo + len(docs):,} synthetic documents, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    with store.engine.begin() as conn:
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('rebuild')")
    t1 = time.perf_counter()
    real = [Analysis.model_validate_json(line) for line in topic_file.read_text().splitlines() if line.strip()]
    for a in real:
        store.add(a)
    from fullpicture.store import FileVectorCache, VectorChain

    # vectors already in a file cache are copied into the store, the rest are embedded
    fp.precompute_vectors(real, settings, VectorChain(store, FileVectorCache(cache_dir / "embeddings.sqlite"))
                          if cache_dir else store)
    print(f"filled: {n:,} synthetic documents in {t1 - t0:.0f} s, {len(real)} real analyses with their vectors "
          f"in {time.perf_counter() - t1:.0f} s", file=sys.stderr)
    store.close()


def add(db: Path, topic_file: Path, cache_dir: Path | None) -> None:
    """Add real analyses to an existing store as ``ingest`` writes them, with their vectors."""
    import fullpicture as fp
    from fullpicture.models import Analysis
    from fullpicture.store import FileVectorCache, VectorChain

    settings = fp.load_settings()
    store = fp.open_store(db, settings)
    t0, c0 = time.perf_counter(), _cpu()
    real = [Analysis.model_validate_json(line) for line in topic_file.read_text().splitlines() if line.strip()]
    step = int(settings.get("store", "write_documents", 16))
    added = sum(out is True for i in range(0, len(real), step) for out in store.add_many(real[i : i + step]))
    encoded = fp.precompute_vectors(real, settings, VectorChain(store, FileVectorCache(cache_dir / "embeddings.sqlite"))
                                    if cache_dir else store)
    print(f"added {added} of {len(real)} analyses and their vectors ({encoded} texts encoded now) to a store of "
          f"{store.count():,} documents in {time.perf_counter() - t0:.0f} s wall, {_cpu() - c0:.0f} s CPU", file=sys.stderr)
    store.close()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--topic-analyses", type=Path, help="JSON Lines of analyses (to build the store, or with --add)")
    ap.add_argument("--add", action="store_true", help="add --topic-analyses to the existing --db first")
    ap.add_argument("--topic", required=True)
    ap.add_argument("--cache-dir", type=Path, help="while filling: take vectors from this file cache's folder")
    ap.add_argument("--cli", type=Path, metavar="OUT.html",
                    help="also time the whole `fullpicture compare --db --topic -o OUT.html` in a child process")
    ap.add_argument("--no-render", action="store_true", help="leave out the in-process report timing")
    args = ap.parse_args(argv)
    os.environ["FULLPICTURE_CACHE_DIR"] = tempfile.mkdtemp(prefix="fp-bench-cache-")  # no file cache: the store only
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fullpicture"
    for g in home.glob("gazetteer-*.sqlite"):
        (Path(os.environ["FULLPICTURE_CACHE_DIR"]) / g.name).symlink_to(g)
    if not args.db.exists():
        if args.topic_analyses is None:
            ap.error("a new store needs --topic-analyses")
        fill(args.db, args.docs, args.topic_analyses, args.cache_dir)
    elif args.add:
        if args.topic_analyses is None:
            ap.error("--add needs --topic-analyses")
        add(args.db, args.topic_analyses, args.cache_dir)

    import fullpicture as fp
    import fullpicture.align._compare as C
    from fullpicture.align._embed import embedder_for

    settings = fp.load_settings()
    load0 = os.getloadavg()[0]
    store = fp.open_store(args.db, settings)
    total_docs = store.count()
    with store.engine.connect() as conn:
        n_filler = conn.exec_driver_sql("SELECT COUNT(*) FROM documents WHERE source LIKE 'synthetic/%'").scalar()
    rows = []

    def timed(name: str, fn):  # noqa: ANN001, ANN202 - a small bench helper
        t0, c0 = time.perf_counter(), _cpu()
        out = fn()
        rows.append((name, time.perf_counter() - t0, _cpu() - c0))
        return out

    with store.engine.connect() as conn:
        pat = f"%{args.topic}%"
        like = timed("former LIKE scan over every text (reference only)", lambda: conn.exec_driver_sql(
            "SELECT id FROM documents WHERE title LIKE ? OR text LIKE ?", (pat, pat)).fetchall())
    ids = timed("topic selection (`Store.topic_ids`, full-text index)", lambda: store.topic_ids(args.topic))
    store.close()
    emb = embedder_for(settings.section("align"))
    encoded0 = emb.encoded
    calls = _count_work()
    spent: dict[str, list[float]] = {}

    def wrap(name: str, fn):  # noqa: ANN001, ANN202
        def w(*a, **k):  # noqa: ANN002, ANN003, ANN202
            t0, c0 = time.perf_counter(), _cpu()
            try:
                return fn(*a, **k)
            finally:
                s = spent.setdefault(name, [0.0, 0.0])
                s[0] += time.perf_counter() - t0
                s[1] += _cpu() - c0
        return w

    C.build_vectors = wrap("vectors from the store (`build_vectors`)", C.build_vectors)
    C.incidents = wrap("event clustering", C.incidents)
    C.align_claims = wrap("claims", C.align_claims)
    fp_compare = wrap("alignment", C.compare)
    t_all, c_all = time.perf_counter(), _cpu()
    import fullpicture.align as A

    A.compare = fp_compare
    comp = timed("`fullpicture.compare(db=..., topic=...)` in all", lambda: fp.compare(db=args.db, topic=args.topic))
    total, total_cpu = time.perf_counter() - t_all, _cpu() - c_all
    encoded = emb.encoded - encoded0
    from fullpicture._compare import topic_terms

    with fp.open_store(args.db, settings) as again:  # the documents the topic's term family selects
        family = {d for t in topic_terms(args.topic, settings) for d in again.topic_ids(t)}
    print(f"store: {total_docs:,} documents ({n_filler:,} SYNTHETIC filler), topic {args.topic!r}: "
          f"{len(ids)} documents (LIKE scan: {len(like)}; with its term family {len(family)}); comparison: "
          f"{len(comp.events)} aligned events, {len(comp.claims)} claim groups; texts encoded: {encoded}; "
          f"documents read from the store: {calls['loaded']:,} ({calls['loaded_distinct']:,} distinct, "
          f"{len(calls['ids'] - family)} outside the topic); spaCy pipeline calls: {calls['spacy']}; texts run "
          f"through the sentence model: {calls['model_texts']}; load average {load0:.1f} -> "
          f"{os.getloadavg()[0]:.1f}, {os.cpu_count()} cores")
    print("| step | wall s | CPU s |\n|---|---:|---:|")
    for name, w, c in rows:
        print(f"| {name} | {w:.2f} | {c:.2f} |")
    for name, (w, c) in spent.items():
        print(f"| … of which {name} | {w:.2f} | {c:.2f} |")
    print(json.dumps({"total_s": round(total, 2), "cpu_s": round(total_cpu, 2), "encoded": encoded,
                      "model_texts": calls["model_texts"], "spacy_calls": calls["spacy"], "loaded": calls["loaded"]}))
    if not args.no_render:
        _time_report(comp)
    if args.cli is not None:
        _time_cli(args.db, args.topic, args.cli)
    if encoded or calls["model_texts"] or calls["spacy"]:
        print("ERROR: the comparison from the store analysed or encoded texts", file=sys.stderr)
        return 1
    if calls["ids"] - family:
        print("ERROR: the comparison read documents outside the topic", file=sys.stderr)
        return 1
    return 0


def _time_report(comp: Any) -> None:
    """The HTML report of ``comp`` part by part (wall and CPU), its size and its sections' bytes."""
    import re

    from fullpicture.report import render_html
    from fullpicture.report.html import report_context

    t0, c0 = time.perf_counter(), _cpu()
    report_context(comp)
    t1, c1 = time.perf_counter(), _cpu()
    page = render_html(comp)
    t2, c2 = time.perf_counter(), _cpu()
    size = len(page.encode("utf-8"))
    print(f"report: view model (`report_context`) {t1 - t0:.2f} s wall, {c1 - c0:.2f} CPU s; whole `render_html` "
          f"{t2 - t1:.2f} s wall, {c2 - c1:.2f} CPU s; {size / 1e6:.1f} MB")
    cuts = [(m.start(), m.group(1)) for m in re.finditer(r'<section id="([^"]+)"', page)]
    ends = [c for c, _ in cuts[1:]] + [page.index("</main>")]
    parts = ", ".join(f"{name} {len(page[a:b].encode('utf-8')) / 1e6:.2f}" for (a, name), b in zip(cuts, ends, strict=True))
    print(f"report sections, MB: {parts}; outside them {(size - sum(len(page[a:b].encode()) for (a, _), b in zip(cuts, ends, strict=True))) / 1e6:.2f}")


def _time_cli(db: Path, topic: str, out: Path) -> None:
    """The whole command in a child process: wall, the child's CPU, peak RSS and the report's size."""
    import resource
    import subprocess

    code = "import sys; from fullpicture.cli import main; sys.argv[0] = 'fullpicture'; main()"
    cmd = [sys.executable, "-c", code, "compare", "--db", str(db), "--topic", topic, "-o", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    size = out.stat().st_size if out.exists() else 0
    print(f"CLI `fullpicture compare --db {db.name} --topic {topic} -o {out.name}`: exit {done.returncode}, "
          f"**{wall:.1f} s wall, {cpu:.1f} CPU s**, peak RSS {after.ru_maxrss / 1024:.0f} MB, report "
          f"{size / 1e6:.1f} MB; load average {load0:.1f} -> {os.getloadavg()[0]:.1f}")
    if done.returncode:
        print(done.stderr[-2000:], file=sys.stderr)


def _count_work() -> dict[str, Any]:
    """Counters patched in (this process only): documents the store loads, spaCy pipeline
    calls (any analysis), texts run through the sentence model (any embedding)."""
    import spacy.language

    import fullpicture.store._store as store_mod
    from fullpicture.align._embed import Embedder

    calls: dict[str, Any] = {"loaded": 0, "loaded_distinct": 0, "ids": set(), "spacy": 0, "model_texts": 0}
    load_many = store_mod.Store._load_many

    def counted_load(self, conn, ids):  # noqa: ANN001, ANN202
        calls["loaded"] += len(ids)
        calls["ids"].update(ids)
        calls["loaded_distinct"] = len(calls["ids"])
        return load_many(self, conn, ids)

    store_mod.Store._load_many = counted_load  # type: ignore[method-assign]
    for name in ("__call__", "pipe"):
        real = getattr(spacy.language.Language, name)

        def counted(self, *a, _real=real, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
            calls["spacy"] += 1
            return _real(self, *a, **k)

        setattr(spacy.language.Language, name, counted)
    encode = Embedder._encode

    def counted_encode(self, texts, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls["model_texts"] += len(texts)
        return encode(self, texts, *a, **k)

    Embedder._encode = counted_encode  # type: ignore[method-assign]
    return calls


if __name__ == "__main__":
    sys.exit(main())
