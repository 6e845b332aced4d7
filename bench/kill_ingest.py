"""kill -9 at random moments while ``fullpicture ingest`` writes its store, then resume.

Usage:
    .venv/bin/python bench/kill_ingest.py                       # 1,000 documents, 50 kills
    .venv/bin/python bench/kill_ingest.py --concurrent          # two ingests at once on a new DB
    .venv/bin/python bench/kill_ingest.py --docs 200 --kills 10 --seed 3
    .venv/bin/python bench/kill_ingest.py --cold --uniform      # fresh interpreters, kill at any moment

Writes ``--docs`` short distinct articles to a temporary folder, then ``--kills`` times starts
``fullpicture ingest`` (two at once with ``--concurrent``, from a new database) on the same
SQLite file and sends SIGKILL at a random moment **of its writing phase**: once the run has
stored its first new document, after a further uniform(0, D) s, where D is twice the time the
measured write rate needs to store an equal share of the documents left (or ``--max-delay``),
so the kills spread over the whole corpus. Each run after a kill is the resume of the one before; a last resume (two with ``--concurrent``) runs to the end.

Each run is the real command (``fullpicture.cli.main(["ingest", ...])``). By default it is a
child forked from a parent that has already built the pipeline (the model, the gazetteer and
the lexicons are loaded once, so a run costs its documents, not a model load); ``--cold``
starts a fresh interpreter for every run instead. The child wraps ``Store.add`` to write a
marker on a pipe before and after each document's transaction, so the bench knows, after
each kill, whether the process died inside a transaction and which documents it had
reported as committed.

Checks after every kill: ``PRAGMA integrity_check`` is ``ok``; no document twice; every
stored document whole (it has its zones) and equal to its source file; no document lost:
every document that a killed run reported committed is stored, and the count never goes
down. At the end: exactly ``--docs`` documents. Prints a one-line verdict and a Markdown
row for docs/benchmarks.md; exit status 0 when everything held.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
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


def _child(corpus: Path, db: Path, fd: int) -> int:
    """One ingest run, writing ``B`` before and ``E <id>`` after each committed document on ``fd``."""
    from fullpicture.store._store import Store

    add = Store.add

    def traced(self, analysis):  # type: ignore[no-untyped-def]
        os.write(fd, b"B\n")
        ok = add(self, analysis)
        os.write(fd, f"E {analysis.document.id if ok else '-'}\n".encode())
        return ok

    Store.add = traced  # type: ignore[method-assign]
    from fullpicture.cli import main

    try:
        main(["ingest", str(corpus), "--db", str(db)])
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0


class Run:
    """One ingest process (forked from the warm parent, or a fresh interpreter) and its marker pipe."""

    def __init__(self, corpus: Path, db: Path, log: Path, cold: bool) -> None:
        r, w = os.pipe()
        os.set_blocking(r, False)
        self.fd, self.buf, self.code = r, b"", None
        if cold:
            env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
            with open(log, "ab") as out:
                self.proc: subprocess.Popen | None = subprocess.Popen(
                    [sys.executable, __file__, "--child", str(corpus), str(db), str(w)], env=env,
                    stdout=out, stderr=out, pass_fds=(w,), start_new_session=True)
            self.pid = self.proc.pid
        else:
            self.proc = None
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the child: a whole ingest, then exit without the parent's cleanup
                code = 70
                try:
                    os.setsid()
                    os.close(r)
                    out = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                    os.dup2(out, 1)
                    os.dup2(out, 2)
                    code = _child(corpus, db, w)
                finally:
                    os._exit(code)
            self.pid = pid
        os.close(w)

    def read(self) -> None:
        """Take what the child wrote so far."""
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except BlockingIOError:
                return
            if not chunk:
                return
            self.buf += chunk

    def alive(self) -> bool:
        self.read()
        if self.code is not None:
            return False
        if self.proc is not None:
            self.code = self.proc.poll()
        else:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.code = os.waitstatus_to_exitcode(status)
        return self.code is None

    def kill(self) -> None:
        if self.alive():
            os.killpg(self.pid, signal.SIGKILL)
        self.wait()

    def wait(self) -> int:
        while self.alive():
            time.sleep(0.05)
        self.read()
        os.close(self.fd)
        return int(self.code or 0)

    def committed(self) -> set[str]:
        """Ids the run reported as committed (before it died)."""
        return {ln.split()[1] for ln in self.buf.decode().splitlines() if ln.startswith("E ") and ln.split()[1] != "-"}

    def in_transaction(self) -> bool:
        """Whether it died between the start and the end of a ``Store.add``."""
        lines = self.buf.decode().splitlines()
        return bool(lines) and lines[-1] == "B"


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=60)
        try:
            return int(con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _check(db: Path, corpus: Path) -> tuple[str, int, int, int, int, set[str]]:
    """(integrity_check, documents, distinct ids, documents without zones, documents unlike their file, ids)."""
    if not db.exists():
        return "ok", 0, 0, 0, 0, set()
    con = sqlite3.connect(db, timeout=60)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        if "documents" not in tables:
            return integrity, 0, 0, 0, 0, set()
        rows = con.execute("SELECT id, source, text FROM documents").fetchall()
        hollow = con.execute("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
                             "(SELECT 1 FROM zones z WHERE z.document_id = d.id)").fetchone()[0]
    finally:
        con.close()
    ids = {r[0] for r in rows}
    unlike = sum(1 for _id, source, text in rows
                 if (corpus / Path(source).name).read_text(encoding="utf-8").strip() != text.strip())
    return integrity, len(rows), len(ids), hollow, unlike, ids


def _warm_parent() -> None:
    """Build the pipeline (model, gazetteer, lexicons) once: forked runs inherit it."""
    from fullpicture import analyze
    from fullpicture.cli._common import load_settings_or_exit
    from fullpicture.nlp.pipeline import get_pipeline

    get_pipeline(load_settings_or_exit(None))
    analyze("The council of Lyon met on Monday in Paris and said 40 villages were flooded.")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--concurrent", action="store_true", help="two ingests at once, from a new database")
    ap.add_argument("--max-delay", type=float, default=None,
                    help="kill uniform(0, this) s after the run stored its first new document (uniform(0.2, this) s "
                         "after the start with --uniform, default 18); by default chosen after each run from the "
                         "measured write rate, so that the kills spread over the whole corpus")
    ap.add_argument("--uniform", action="store_true", help="kill at uniform(0.2, --max-delay) s after the start instead")
    ap.add_argument("--cold", action="store_true", help="a fresh interpreter per run (model loaded each time)")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--child", nargs=3, metavar=("CORPUS", "DB", "FD"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return _child(Path(args.child[0]), Path(args.child[1]), int(args.child[2]))
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="fp-kill-"))
    corpus = work / "corpus"
    corpus.mkdir()
    for i in range(args.docs):
        (corpus / f"a{i:05d}.txt").write_text(TEMPLATE.format(n=i + 1, m=(i * 7) % 97 + 2), encoding="utf-8")
    db, log = work / "corpus.db", work / "ingest.log"
    width = 2 if args.concurrent else 1
    t0, c0 = time.monotonic(), time.process_time()
    if not args.cold:
        _warm_parent()
    warm_s = time.monotonic() - t0
    bad: list[str] = []
    stored, in_tx, lost, kills_mid, before = 0, 0, 0, 0, 0
    rate = 20.0  # documents/s while writing: a first guess, then measured
    delays: list[float] = []
    for k in range(args.kills):
        runs = [Run(corpus, db, log, args.cold) for _ in range(width)]
        if args.uniform:
            time.sleep(rng.uniform(0.2, args.max_delay or 18.0))
        else:  # the writing phase: wait for the first new document (or the end), then a random moment
            deadline = time.monotonic() + 600
            while time.monotonic() < deadline and all(r.alive() for r in runs) and _count(db) <= before:
                time.sleep(0.02)
            first = _count(db)
            # mean delay: the time to store an equal share of what is left before the next kill
            share = max(1.0, (args.docs - first) / (args.kills - k + 1))
            delay = rng.uniform(0.0, args.max_delay if args.max_delay else 2 * share / rate)
            delays.append(delay)
            time.sleep(delay)
        for r in runs:
            r.kill()
        integrity, n, distinct, hollow, unlike, ids = _check(db, corpus)
        committed = set().union(*(r.committed() for r in runs))
        missing = committed - ids
        in_tx += sum(r.in_transaction() for r in runs)
        kills_mid += n > before
        lost += len(missing)
        if integrity != "ok" or n != distinct or hollow or unlike or missing or n < before:
            bad.append(f"after kill {k + 1}: integrity {integrity}, {n} documents ({before} before), {distinct} distinct, "
                       f"{hollow} without zones, {unlike} unlike their file, {len(missing)} committed but missing")
        if not args.uniform and delays[-1] > 0.05 and n > first:
            rate = 0.7 * rate + 0.3 * max(1.0, (n - first) / delays[-1])
        before = n
    runs = [Run(corpus, db, log, args.cold) for _ in range(width)]
    codes = [r.wait() for r in runs]
    integrity, n, distinct, hollow, unlike, ids = _check(db, corpus)
    stored = n
    wall = time.monotonic() - t0
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - c0 + children.ru_utime + children.ru_stime
    ok = (not bad and codes == [0] * width and integrity == "ok" and n == distinct == args.docs
          and hollow == 0 and unlike == 0)
    for msg in bad:
        print("kill_ingest:", msg, file=sys.stderr)
    if codes != [0] * width:
        print(f"kill_ingest: resume exit codes {codes}; log: {log}", file=sys.stderr)
    mode = "two concurrent ingests, new database" if args.concurrent else "one ingest"
    mode += ", fresh interpreters" if args.cold else ", forked from a warm parent"
    span = f"{min(delays):.2f}-{max(delays):.2f} s" if delays else ""
    mode += (f", killed at uniform(0.2, {args.max_delay or 18:g}) s" if args.uniform
             else f", killed {span} after its first new document")
    print(f"kill_ingest: {'OK' if ok else 'FAILED'}: {args.kills} kill -9 x {width} process(es) ({kills_mid} after new documents "
          f"were stored, {in_tx} process(es) killed inside a document's transaction), then resume; integrity_check "
          f"{integrity}, {stored} documents of {args.docs}, {distinct} distinct, {hollow} without zones, {unlike} unlike "
          f"their file, {lost} committed-then-lost; {wall:.0f} s wall, {cpu:.0f} s CPU (warm-up {warm_s:.0f} s), "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"| {mode} | {args.docs:,} | {args.kills} ({kills_mid} mid-write, {in_tx} inside a transaction) | {integrity} "
          f"| {stored:,} | {stored - distinct} | {lost} | {wall:.0f} s / {cpu:.0f} s CPU |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
