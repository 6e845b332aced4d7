"""Benchmark of ``fullpicture serve``: concurrency, home page, search.

Builds a store of N synthetic stored analyses (no NLP: the server is measured, not the
pipeline), serves it on 127.0.0.1 and measures

* 200 (``--concurrency``) simultaneous requests for document pages: resets, p50, p99;
* the home page (stories, coverage, blindspots) and a search, sequentially: median, max.

    python bench/bench_serve.py --docs 1000 --concurrency 200
"""

from __future__ import annotations

import argparse
import http.client
import random
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

PLACES = [("Stepanakert", "Khankendi", 174875, 39.8153, 46.7519), ("Shushi", "Shusha", 585103, 39.7581, 46.7487),
          ("Nicosia", "Lefkoşa", 146268, 35.1753, 33.3642), ("Famagusta", "Gazimağusa", 146617, 35.125, 33.9417),
          ("Yerevan", "Yerevan", 616052, 40.1811, 44.5136), ("Baku", "Baku", 587084, 40.3777, 49.892)]
SIDES = ["armenian", "azerbaijani", "greek_cypriot", "turkish_cypriot"]
VERBS = ["shelled", "attacked", "visited", "blockaded", "evacuated", "negotiated over"]


def synthetic(i: int, rng: random.Random) -> object:
    from fullpicture.models import Analysis

    side = SIDES[i % len(SIDES)]
    p = PLACES[(i // 7) % len(PLACES)]
    name = p[0] if side in ("armenian", "greek_cypriot") else p[1]
    day = 1 + (i // 20) % 28
    month = 1 + (i // 560) % 12
    verb = rng.choice(VERBS)
    body = (f"Illustrative synthetic text {i}. On {day} March 2024 forces {verb} {name}. "
            + " ".join(f"Sentence {k} about {name} and the negotiations." for k in range(40)))
    start = body.index(name)
    return Analysis.model_validate({
        "document": {"id": f"{i:064x}", "source": f"bench/{side}/{i}.txt", "title": f"Forces {verb} {name} ({i})",
                     "published": f"2024-{month:02d}-{day:02d}", "site": f"{side}-news.example", "language": "en",
                     "perspective": {"label": side, "origin": "declared"}},
        "text": body,
        "zones": [{"kind": "body", "start": 0, "end": len(body)}],
        "entities": [{"id": "e1", "name": name, "type": "GPE",
                      "geo": {"lat": p[3], "lon": p[4], "geonames_id": p[2]},
                      "mentions": [{"start": start, "end": start + len(name), "text": name}]}],
    })


def build(db: Path, n: int) -> float:
    from fullpicture.store import open_store

    rng = random.Random(0)
    t0 = time.perf_counter()
    store = open_store(db)
    try:
        for i in range(n):
            store.add(synthetic(i, rng))  # type: ignore[arg-type]
    finally:
        store.close()
    return time.perf_counter() - t0


def get(port: int, path: str) -> tuple[int, float]:
    t0 = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        r.read()
        return r.status, time.perf_counter() - t0
    finally:
        conn.close()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=20, help="sequential requests per page for home/search")
    ap.add_argument("--idle", type=int, default=1000, help="idle connections to open (closed by the server's timeout)")
    ap.add_argument("--story-db", default=None,
                    help="a real store (e.g. from eval.stories --keep): time its largest comparison page")
    ap.add_argument("--story-only", action="store_true", help="only the comparison page of --story-db")
    args = ap.parse_args()
    if args.story_only and args.story_db:
        story_page(Path(args.story_db))
        return
    from fullpicture.web import Data, make_server

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t_build = build(db, args.docs)
        data = Data(db)
        srv = make_server(data, 0)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        while not srv.server.started:
            time.sleep(0.02)
        port = srv.server_address[1]
        get(port, "/")  # warm
        ids = [f"{i:064x}" for i in range(args.docs)]

        def one(k: int) -> tuple[int, float, str]:
            try:
                s, t = get(port, f"/doc/{ids[k % len(ids)]}")
                return s, t, ""
            except OSError as exc:
                return 0, 0.0, type(exc).__name__

        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            res = list(pool.map(one, range(args.concurrency)))
        wall = time.perf_counter() - t0
        ok = [t for s, t, _ in res if s == 200]
        failed = [e or str(s) for s, _, e in res if s != 200]
        print(f"store: {args.docs} documents built in {t_build:.1f} s")
        print(f"{args.concurrency} concurrent document pages: {len(ok)} ok, {len(failed)} failed {sorted(set(failed))}, "
              f"p50 {pct(ok, .5):.3f} s, p99 {pct(ok, .99):.3f} s, all done in {wall:.2f} s")
        for label, path in (("home page", "/"), ("home JSON", "/api/stories"),
                            ("search 'Khankendi' (expanded)", "/search?q=Khankendi"),
                            ("search JSON", "/api/search?q=negotiations&side=armenian")):
            times = []
            for _ in range(args.repeat):
                s, t = get(port, path)
                assert s == 200, (path, s)
                times.append(t)
            print(f"{label}: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
        idle(port, args.idle, float(data.settings.get("web", "header_timeout_s", 10.0)))
        srv.shutdown()
        srv.server_close()
        data.close()
    if args.story_db:
        story_page(Path(args.story_db))


def idle(port: int, n: int, timeout: float) -> None:
    """Open ``n`` connections that send nothing; count those the server closes in time."""
    import resource
    import socket

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, n + 256)), hard))
    socks = []
    t0 = time.perf_counter()
    for _ in range(n):
        socks.append(socket.create_connection(("127.0.0.1", port), timeout=30))
    closed = 0
    for s in socks:
        s.settimeout(max(0.1, timeout + 10 - (time.perf_counter() - t0)))
        try:
            closed += s.recv(1) == b""
        except TimeoutError:
            pass
        except OSError:
            closed += 1
        s.close()
    status, _ = get(port, "/api/documents")
    print(f"{n} idle connections: {closed} closed by the server within {time.perf_counter() - t0:.1f} s "
          f"(header timeout {timeout:g} s); server still answers: {status == 200}")


def story_page(db: Path) -> None:
    """Time the comparison page of the whole store (the largest story), with progress pages."""
    from fullpicture.web import Data, make_server

    data = Data(db)
    srv = make_server(data, 0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    while not srv.server.started:
        time.sleep(0.02)
    port = srv.server_address[1]
    n = data.count()
    import os

    from fullpicture.align._embed import embedder_for

    emb = embedder_for(data.settings.section("align"))
    encoded0, load0 = emb.encoded, os.getloadavg()[0]
    cpu0 = sum(os.times()[:4])
    t0 = time.perf_counter()
    first = None
    polls = 0
    while True:
        status, t = get(port, "/compare")
        first = first if first is not None else t
        polls += status == 202
        if status != 202:
            break
        time.sleep(2)  # what the progress page's refresh does
    total = time.perf_counter() - t0
    cpu = sum(os.times()[:4]) - cpu0
    print(f"comparison page of {n} documents: HTTP {status} after {total:.1f} s ({cpu:.1f} CPU s in the server "
          f"process); first answer (progress page) after {first:.2f} s; {polls} progress pages shown meanwhile; "
          f"texts embedded: {emb.encoded - encoded0}; load average {load0:.1f} -> {os.getloadavg()[0]:.1f}")
    srv.shutdown()
    srv.server_close()
    data.close()


if __name__ == "__main__":
    main()
