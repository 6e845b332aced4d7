"""``fullpicture ingest`` at corpus scale, with the real analysis: rate and memory as the store
grows, kill -9 and resume, SQLite or PostgreSQL.

Usage:
    .venv/bin/python bench/ingest_scale.py --docs 100000 --milestones 1000,10000,100000
    .venv/bin/python bench/ingest_scale.py --docs 10000 --kill-at 3000,7000      # kill -9, resume
    .venv/bin/python bench/ingest_scale.py --docs 10000 --postgres              # a throwaway cluster
    .venv/bin/python bench/ingest_scale.py --docs 100000 --no-embed             # analysis and store only
    .venv/bin/python bench/ingest_scale.py --docs 100000 --postgres --stub --kill-at 30000,70000

``--stub`` replaces the analysis by a STUB (each document's analysis holds only its info,
text and zones, as in ``bench/bench_ingest.py``), to measure reading, the resume check and
the store's writes at scale without spaCy's cost; rows are labelled STUB.

Writes ``--docs`` short synthetic news-like documents (a headline, then two sentences: a
dateline and a reported event with a number, a place and a day, then a sentence saying the
claim could not be verified, numbered so every one is distinct; about 230 characters) as
JSON Lines files of 100 each, then runs the real command, ``fullpicture ingest CORPUS --db
DB`` (one process, real spaCy analysis, one transaction per ``[store] write_documents``
documents), in a subprocess.
Every second it samples the process's resident memory (``VmRSS``, and ``VmHWM``: its peak so
far) and CPU time from ``/proc``, and the number of stored documents. At each milestone it
prints wall and CPU seconds, the rate since the previous milestone and the peak RSS so far.
With ``--kill-at`` the run is killed (``SIGKILL``) once the store holds that many documents
and resumed by the same command. At the end the store must hold exactly ``--docs``
documents, no id twice, each with its zones and no zone twice, one story link per document
and the indexed-documents counter equal to them (SQLite: ``PRAGMA integrity_check`` too).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLACES = ["Kharkiv", "Gaza", "Pristina", "Famagusta", "Donetsk", "Baku", "Yerevan", "Mosul", "Aleppo", "Kherson"]
ACTORS = ["The army", "The ministry", "Local officials", "Rebels", "Police", "The governor", "Residents"]
VERBS = ["said", "reported", "denied", "confirmed", "claimed", "announced"]
EVENTS = ["shelled", "attacked", "evacuated", "arrested", "killed", "wounded", "blockaded"]
DAYS = ["Monday", "Tuesday", "Wednesday", "March 3", "May 12"]


#: ``--stub``: the ingest command with a STUB analysis (what the store needs, no NLP)
STUB = (
    "import fullpicture.batch as _b\n"
    "from fullpicture.models import Analysis as _A\n"
    "def _stub(documents, settings=None, *, workers=1, dask=False):\n"
    "    for d in documents:\n"
    "        yield _A(document=d.info, text=d.text, zones=list(d.zones))\n"
    "_b.analyze_many = _stub\n"
)


def short_doc(rng: random.Random, i: int) -> dict[str, str]:
    """One short synthetic news-like document (two sentences after a dateline), distinct by ``i``."""
    place = rng.choice(PLACES)
    text = (f"{place.upper()} — {rng.choice(ACTORS)} {rng.choice(VERBS)} that forces {rng.choice(EVENTS)} "
            f"{rng.randint(2, 900)} people near {place} on {rng.choice(DAYS)}. "
            f"The claim could not be verified independently (dispatch {i}).")
    return {"title": f"{rng.choice(EVENTS).capitalize()} near {place}", "text": text,
            "published": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "source": f"syn-{i}"}


def write_corpus(folder: Path, n: int, per_file: int = 100) -> int:
    """``n`` documents in JSON Lines files; returns the bytes written."""
    rng = random.Random(14)
    size = 0
    for f in range(0, n, per_file):
        lines = "".join(json.dumps(short_doc(rng, i)) + "\n" for i in range(f, min(n, f + per_file)))
        (folder / f"part-{f // per_file:06d}.jsonl").write_text(lines, encoding="utf-8")
        size += len(lines)
    return size


def _proc(pid: int) -> tuple[float, float, float]:
    """(VmRSS MB, VmHWM MB, CPU seconds) of a live process."""
    rss = hwm = 0.0
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return rss, hwm, cpu


class Counter:
    """Stored documents, through a separate read connection."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine

        self.engine = create_engine(url, future=True)

    def query(self, sql: str) -> int | str:
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with self.engine.connect() as conn:
                return conn.execute(text(sql)).scalar()  # type: ignore[no-any-return]
        except SQLAlchemyError:
            return 0

    def count(self) -> int:
        return int(self.query("SELECT COUNT(*) FROM documents") or 0)


def start_postgres() -> tuple[str, list[str], str, str]:
    """A throwaway PostgreSQL cluster on a Unix socket (as the ``postgres`` user when root):
    (URL, command prefix, pg_ctl, data folder)."""
    import glob
    import pwd

    bindirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    initdb = shutil.which("initdb") or next(f"{d}/initdb" for d in bindirs if os.path.exists(f"{d}/initdb"))
    pg_ctl = shutil.which("pg_ctl") or next(f"{d}/pg_ctl" for d in bindirs if os.path.exists(f"{d}/pg_ctl"))
    base = tempfile.mkdtemp(prefix="fp-pg-")
    prefix: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(base, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = os.path.join(base, "data")
    subprocess.run([*prefix, initdb, "-D", data, "-A", "trust", "-U", "fp"], check=True, capture_output=True)
    subprocess.run([*prefix, pg_ctl, "-D", data, "-o", f"-k {base} -p {port} -c listen_addresses=''",
                    "-l", os.path.join(base, "log"), "-w", "start"], check=True, capture_output=True)
    return f"postgresql+psycopg://fp@/postgres?host={base}&port={port}", prefix, pg_ctl, data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--milestones", default="1000,10000,100000")
    ap.add_argument("--kill-at", default="", help="stored counts at which to kill -9 the run, e.g. 3000,7000")
    ap.add_argument("--postgres", action="store_true", help="a throwaway local PostgreSQL cluster instead of SQLite")
    ap.add_argument("--keep", action="store_true", help="keep the corpus and the SQLite file")
    ap.add_argument("--no-embed", action="store_true", help="pass --no-embed (no sentence vectors stored at ingest)")
    ap.add_argument("--stub", action="store_true", help="STUB analysis (info, text, zones): storage only, no spaCy")
    args = ap.parse_args()
    milestones = sorted(int(m) for m in args.milestones.split(",") if m and int(m) <= args.docs)
    kills = sorted(int(k) for k in args.kill_at.split(",") if k)
    work = Path(tempfile.mkdtemp(prefix="fp-scale-"))
    corpus = work / "corpus"
    corpus.mkdir()
    size = write_corpus(corpus, args.docs)
    pg = None
    if args.postgres:
        pg = start_postgres()
        url = pg[0]
    else:
        url = f"sqlite:///{work / 'corpus.db'}"
    db = url if args.postgres else str(work / "corpus.db")
    counter = Counter(url)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    cmd = [sys.executable, "-c", (STUB if args.stub else "") + "from fullpicture.cli import main; main()", "ingest", str(corpus), "--db", db, *(["--no-embed"] if args.no_embed else [])]
    print(f"ingest_scale: {args.docs:,} documents ({size / args.docs:.0f} characters of JSON each), "
          f"{'PostgreSQL' if args.postgres else 'SQLite'}{', --no-embed' if args.no_embed else ''}"
          f"{', STUB analysis (no spaCy)' if args.stub else ''}, load average {os.getloadavg()[0]:.1f}", flush=True)
    print("| stored | wall s | CPU s | docs/s since previous | peak RSS MB (this process) | RSS MB now | run |")
    print("|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    t0 = time.monotonic()
    cpu_done = 0.0  # CPU of the runs already finished or killed
    prev = (0, t0)
    runs, ok = 0, True
    last_peak = 0.0  # peak RSS of the last run, from wait4 at its exit
    log = open(work / "ingest.log", "ab")  # noqa: SIM115 - closed in the finally below
    try:
        while True:
            runs += 1
            proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=log)
            cpu = rss = hwm = 0.0
            killed = False
            while True:
                time.sleep(1.0)
                # reaped here, not by Popen.poll, so that its peak RSS and CPU at exit are known
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    proc.returncode = os.waitstatus_to_exitcode(status)
                    hwm, cpu = max(hwm, usage.ru_maxrss / 1024), usage.ru_utime + usage.ru_stime
                    last_peak = hwm
                else:
                    try:
                        r, h, c = _proc(proc.pid)
                    except (OSError, IndexError):
                        continue
                    if h:  # an exiting process reads as zeros
                        rss, hwm, cpu = r, h, c
                n = counter.count()
                if milestones and n >= milestones[0]:
                    while milestones and n >= milestones[0]:
                        milestones.pop(0)
                    now = time.monotonic()
                    rate = (n - prev[0]) / max(1e-9, now - prev[1])
                    print(f"| {n:,} | {now - t0:.0f} | {cpu_done + cpu:.0f} | {rate:.1f} | {hwm:.0f} | "
                          f"{'exited' if pid else f'{rss:.0f}'} | {runs} |", flush=True)
                    prev = (n, now)
                if pid:
                    break
                if kills and n >= kills[0]:
                    kills.pop(0)
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    killed = True
                    print(f"ingest_scale: kill -9 at {n:,} stored (run {runs}); resuming", flush=True)
                    break
            cpu_done += cpu
            if not killed:
                break
        code = proc.returncode
        n = counter.count()
        distinct = int(counter.query("SELECT COUNT(DISTINCT id) FROM documents") or 0)
        hollow = int(counter.query("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
                                   "(SELECT 1 FROM zones z WHERE z.document_id = d.id)") or 0)
        integrity = "n/a (PostgreSQL)" if args.postgres else counter.query("PRAGMA integrity_check")
        # nothing written twice: a document's zones once each, one story link per document, the
        # indexed-documents counter equal to the documents
        twice = int(counter.query("SELECT COUNT(*) FROM (SELECT document_id, seq FROM zones "
                                  "GROUP BY document_id, seq HAVING COUNT(*) > 1) t") or 0)
        links = int(counter.query("SELECT COUNT(*) FROM story_documents") or 0)
        indexed = int(counter.query("SELECT documents FROM story_key_counts WHERE key = '#documents'") or 0)
        wall = time.monotonic() - t0
        ok = (code == 0 and n == distinct == links == indexed == args.docs and hollow == 0 and twice == 0
              and integrity in ("ok", "n/a (PostgreSQL)"))
        print(f"ingest_scale: {'OK' if ok else 'FAILED'}: exit {code}, {n:,} stored of {args.docs:,}, {distinct:,} distinct, "
              f"{hollow} without zones, {twice} zones twice, {links:,} story links, counter {indexed:,}, "
              f"integrity_check {integrity}; {runs} run(s), {wall:.0f} s wall, "
              f"{cpu_done:.0f} s CPU, {args.docs / wall:.1f} docs/s overall; peak RSS of the last run {last_peak:.0f} MB (wait4); load average {os.getloadavg()[0]:.1f}", flush=True)
        if not ok:
            print(f"ingest_scale: log in {work / 'ingest.log'}", file=sys.stderr)
    finally:
        log.close()
        counter.engine.dispose()
        if pg is not None:
            subprocess.run([*pg[1], pg[2], "-D", pg[3], "-m", "fast", "stop"], capture_output=True)
            if not args.keep:
                shutil.rmtree(os.path.dirname(pg[3]), ignore_errors=True)
        if not args.keep and ok:
            shutil.rmtree(work, ignore_errors=True)
        elif args.keep:
            print(f"ingest_scale: kept {work}" + ("" if args.postgres else f" (store {work / 'corpus.db'})"), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
