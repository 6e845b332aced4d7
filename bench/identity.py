"""Output identity check for speed work: a change must leave every output byte-identical.

Usage (from the repository root, ``PYTHONPATH=src``)::

    # 1. on the code before the change
    .venv/bin/python -m bench.identity /tmp/before --polnear 40 \\
        --corpus /work/fp/realtext_kram --corpus /work/fp/realtext_zvecan --corpus /work/fp/realtext_guerguerat
    # 2. on the code after it, checked against the first snapshot
    .venv/bin/python -m bench.identity /tmp/after --polnear 40 --corpus ... --against /tmp/before

A snapshot is a folder of files:

* ``analysis.jsonl``: one analysis JSON a line (the JSON ``fullpicture analyze --jsonl`` prints)
  of ``examples/``, ``tests/fixtures/articles/``, the first ``--polnear`` texts of PolNeAR dev
  (``--data``/polnear/dev/text, skipped when absent), the first ``--train`` texts of PolNeAR
  train, every text of each ``--texts`` folder (analysed, not compared) and every document of
  each ``--corpus``;
* ``compare_<corpus>.json``: the comparison JSON (``fullpicture compare --json``) of each
  ``--corpus`` folder, sides from the declared perspectives, with the shipped settings
  (sentence embeddings on, unless ``--no-embeddings``);
* ``sha256.txt``: the digest of each file.

With ``--against DIR`` every file is compared byte for byte with DIR's; the first differing
line of each file that differs is printed, and the exit status is 1. Real text stays outside
the repository: corpora are read from where they are, and snapshots are written where asked.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_EXTS = {".txt", ".md", ".html", ".htm", ".jsonl"}


def _files(folder: Path, limit: int | None = None) -> list[Path]:
    out = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in _EXTS)
    return out[:limit] if limit is not None else out


def snapshot(out: Path, paths: list[Path], corpora: list[Path], embeddings: bool) -> dict[str, str]:
    """Write the analyses of ``paths`` and the comparisons of ``corpora`` under ``out``;
    return each file's sha256."""
    import fullpicture
    from fullpicture.cli._common import json_text
    from fullpicture.ingest import read_path
    from fullpicture.settings import Settings, load_settings

    out.mkdir(parents=True, exist_ok=True)
    settings = load_settings()
    docs = [d for p in paths for d in read_path(p, settings=settings)]
    with (out / "analysis.jsonl").open("w", encoding="utf-8") as fh:
        for a in fullpicture.analyze_documents(docs, settings):
            fh.write(json_text(a.to_json_dict()) + "\n")
    cmp_settings = Settings(data={**settings.data, "align": {**settings.section("align"), "embeddings": embeddings}})
    for corpus in corpora:
        comp = fullpicture.compare([corpus], settings=cmp_settings)
        text = json.dumps(comp.to_json_dict(), ensure_ascii=False, indent=1) + "\n"
        (out / f"compare_{corpus.name}.json").write_text(text, encoding="utf-8")
    digests = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
               for p in sorted(out.iterdir()) if p.is_file() and p.name != "sha256.txt"}
    (out / "sha256.txt").write_text("".join(f"{h}  {n}\n" for n, h in digests.items()), encoding="utf-8")
    return digests


def differences(new: Path, old: Path) -> list[str]:
    """One line per file of ``old`` that ``new`` lacks or holds with other bytes."""
    lines: list[str] = []
    for o in sorted(old.iterdir()):
        if not o.is_file() or o.name == "sha256.txt":
            continue
        n = new / o.name
        if not n.is_file():
            lines.append(f"{o.name}: missing")
            continue
        a, b = o.read_bytes(), n.read_bytes()
        if a == b:
            continue
        la, lb = a.split(b"\n"), b.split(b"\n")
        k = next((i for i, (x, y) in enumerate(zip(la, lb, strict=False)) if x != y), min(len(la), len(lb)))
        x = la[k].decode("utf-8", "replace") if k < len(la) else ""
        y = lb[k].decode("utf-8", "replace") if k < len(lb) else ""
        at = next((i for i, (c, d) in enumerate(zip(x, y, strict=False)) if c != d), min(len(x), len(y)))
        lines.append(f"{o.name}: differs at line {k + 1}, column {at + 1}: "
                     f"before …{x[max(0, at - 60):at + 60]!r} after …{y[max(0, at - 60):at + 60]!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="folder to write the snapshot to")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--polnear", type=int, default=40, help="first N PolNeAR dev texts (0: none)")
    ap.add_argument("--train", type=int, default=0, help="first N PolNeAR train texts too (analysed only)")
    ap.add_argument("--texts", type=Path, action="append", default=[],
                    help="a folder whose texts are analysed, not compared (repeatable)")
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="a real-text corpus folder (repeatable)")
    ap.add_argument("--no-embeddings", action="store_true")
    ap.add_argument("--against", type=Path, help="a snapshot to compare with, byte for byte")
    args = ap.parse_args(argv)
    paths = [*_files(ROOT / "examples"), *_files(ROOT / "tests" / "fixtures" / "articles")]
    polnear = args.data / "polnear" / "dev" / "text"
    if args.polnear and polnear.is_dir():
        paths += _files(polnear, args.polnear)
    train = args.data / "polnear" / "train" / "text"
    if args.train and train.is_dir():
        paths += _files(train, args.train)
    for folder in args.texts:
        paths += _files(folder)
    for corpus in args.corpus:
        paths += _files(corpus)
    t0 = time.process_time()
    digests = snapshot(args.out, paths, args.corpus, not args.no_embeddings)
    print(f"{len(paths)} files, {len(args.corpus)} comparisons, {time.process_time() - t0:.1f} CPU s; "
          f"snapshot in {args.out}", file=sys.stderr)
    for name, h in digests.items():
        print(f"{h[:16]}  {name}")
    if args.against is None:
        return 0
    diff = differences(args.out, args.against)
    for line in diff:
        print(line)
    print("IDENTICAL" if not diff else f"DIFFERENT: {len(diff)} file(s)")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
