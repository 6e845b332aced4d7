"""kill -9 at random moments during ``fullpicture ingest``, then resume: nothing lost, nothing twice.

Usage:
    .venv/bin/python bench/kill_ingest.py                       # 1,000 documents, 50 kills
    .venv/bin/python bench/kill_ingest.py --concurrent          # two ingests at once on a new DB
    .venv/bin/python bench/kill_ingest.py --docs 200 --kills 10 --seed 3

Writes ``--docs`` short distinct articles to a temporary folder, then ``--kills`` times starts
``fullpicture ingest`` (two at once with ``--concurrent``) on the same SQLite file and sends
SIGKILL after a random delay (uniform in [0.2, --max-delay] s: while loading the model, while
analysing, while writing). After every kill: ``PRAGMA integrity_check`` must be ``ok``. Finally
one resume (two with ``--concurrent``) runs to the end, and the store must hold exactly
``--docs`` documents, no duplicate, each with its zones. Prints a one-line verdict and a
Markdown row for docs/benchmarks.md; exit status 0 when everything held.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ("Illustrative text written for the fullpicture project, number {n}.\n\n"
            "The council of district {n} met on Monday and agreed to reopen the gate on the upper river. "
            "Officials said {m} villages had been flooded since March.")


def _start(corpus: Path, db: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    cmd = [sys.executable, "-c", "from fullpicture.cli import main; main()", "ingest", str(corpus), "--db", str(db)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=60)
        try:
            return int(con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _check(db: Path) -> tuple[str, int, int, int]:
    """(integrity_check, documents, distinct ids, documents without zones)."""
    if not db.exists():
        return "ok", 0, 0, 0
    con = sqlite3.connect(db, timeout=60)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        if "documents" not in tables:
            return integrity, 0, 0, 0
        n = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        distinct = con.execute("SELECT COUNT(DISTINCT id) FROM documents").fetchone()[0]
        hollow = con.execute("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
                             "(SELECT 1 FROM zones z WHERE z.document_id = d.id)").fetchone()[0]
        return integrity, n, distinct, hollow
    finally:
        con.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--concurrent", action="store_true", help="two ingests at once, from a new database")
    ap.add_argument("--max-delay", type=float, default=18.0)
    ap.add_argument("--mid-write", action="store_true",
                    help="kill only once the run has stored a new document, then after uniform(0, 3) s")
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="fp-kill-"))
    corpus = work / "corpus"
    corpus.mkdir()
    for i in range(args.docs):
        (corpus / f"a{i:05d}.txt").write_text(TEMPLATE.format(n=i + 1, m=(i * 7) % 97 + 2), encoding="utf-8")
    db = work / "corpus.db"
    width = 2 if args.concurrent else 1
    t0 = time.monotonic()
    bad: list[str] = []
    progress: list[int] = []
    for k in range(args.kills):
        before = _check(db)[1] if args.mid_write else 0
        procs = [_start(corpus, db) for _ in range(width)]
        if args.mid_write:  # wait for the first new document (or the end), then a random moment
            deadline = time.monotonic() + 600
            while time.monotonic() < deadline and all(p.poll() is None for p in procs) and _count(db) <= before:
                time.sleep(0.25)
            time.sleep(rng.uniform(0.0, 3.0))
        else:
            time.sleep(rng.uniform(0.2, args.max_delay))
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
        integrity, n, distinct, hollow = _check(db)
        progress.append(n)
        if integrity != "ok" or n != distinct or hollow:
            bad.append(f"after kill {k + 1}: integrity {integrity}, {n} documents, {distinct} distinct, {hollow} without zones")
    procs = [_start(corpus, db) for _ in range(width)]
    outs = [p.communicate() for p in procs]
    codes = [p.returncode for p in procs]
    integrity, n, distinct, hollow = _check(db)
    wall = time.monotonic() - t0
    ok = not bad and codes == [0] * width and integrity == "ok" and n == distinct == args.docs and hollow == 0
    for msg in bad:
        print("kill_ingest:", msg, file=sys.stderr)
    for code, (_out, err) in zip(codes, outs, strict=True):
        if code != 0:
            print(f"kill_ingest: resume exited {code}: {err.strip()[-500:]}", file=sys.stderr)
    kills_mid = sum(1 for a, b in zip([0, *progress], progress, strict=False) if b > a)
    mode = "two concurrent ingests, new database" if args.concurrent else "one ingest"
    mode += ", killed mid-write" if args.mid_write else f", killed at uniform(0.2, {args.max_delay:g}) s"
    print(f"kill_ingest: {'OK' if ok else 'FAILED'}: {args.kills} kill -9 ({kills_mid} while documents were being stored), "
          f"then resume; integrity_check {integrity}, {n} documents of {args.docs}, {distinct} distinct, "
          f"{hollow} without zones, {wall:.0f} s")
    print(f"| {mode} | {args.docs:,} | {args.kills} ({kills_mid} mid-write) | {integrity} | {n:,} | {n - distinct} | {wall:.0f} s |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
