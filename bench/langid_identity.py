"""Language identification with and without the English fast path: the same answer on every text.

Usage (from the repository root, ``PYTHONPATH=src``)::

    .venv/bin/python -m bench.langid_identity --data ../shared/data --texts FOLDER

``detect_language`` answers English without lingua for a long text that is ``plainly_english``
(``ingest/_lang.py``). This compares it with ``lingua_language`` (lingua always) on the texts of
the shared data sets that are here (none is a test split): PolNeAR dev and train, BASIL
articles, GeoWebNews, TempEval-3 train, ECB+ documents (tokens joined), factRuEval devset, the
first 1,500 WikiNEuRal-fr and -ru validation sentences one by one and 500 groups of eight, the
invented sentences of ``tests/test_language_id.py`` (alone and five times over), and every text
of each ``--texts`` folder. It prints the number of texts, the differences (the first ten), how
many took the fast path per source, and the CPU seconds of each side over a second pass (the
first loads lingua's models).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _conllu_sentences(path: Path) -> list[str]:
    sents: list[str] = []
    cur: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(" ".join(cur))
                cur = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) > 1:
                cur.append(cols[1])
    return sents


def texts(data: Path, folders: list[Path]) -> list[tuple[str, str]]:
    """(source, text) of every text read (see the module docstring)."""
    out: list[tuple[str, str]] = []
    for sub in ("polnear/dev/text", "polnear/train/text"):
        out += [("polnear", p.read_text(encoding="utf-8")) for p in sorted((data / sub).glob("*.txt"))]
    for p in sorted((data / "basil" / "articles").rglob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        out.append(("basil", (d.get("title") or "") + "\n\n" + "\n\n".join(" ".join(x) for x in d["body-paragraphs"])))
    out += [("geowebnews", p.read_text(encoding="utf-8")) for p in sorted((data / "geowebnews" / "brat").glob("*.txt"))]
    for p in sorted((data / "tempeval3" / "train").rglob("*.tml")):
        t = p.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*)</TEXT>", t, re.S)
        out.append(("tempeval3", re.sub(r"<[^>]+>", "", m.group(1) if m else t)))
    for p in sorted((data / "ecbplus" / "ECB+").rglob("*.xml")):
        out.append(("ecbplus", " ".join(re.findall(r"<token[^>]*>([^<]*)</token>", p.read_text(encoding="utf-8")))))
    ner = data / "multilingual-ner"
    out += [("factrueval", p.read_text(encoding="utf-8")) for p in sorted((ner / "factrueval" / "devset").glob("*.txt"))]
    for lang in ("fr", "ru"):
        f = ner / f"wikineural-{lang}" / "val.conllu"
        if f.is_file():
            sents = _conllu_sentences(f)
            out += [(f"wikineural-{lang}", s) for s in sents[:1500]]
            out += [(f"wikineural-{lang} x8", " ".join(sents[i : i + 8])) for i in range(0, min(len(sents), 4000), 8)]
    for folder in folders:
        out += [(folder.name, p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.txt"))]
    sys.path.insert(0, str(ROOT))
    from tests.test_language_id import CASES

    out += [("tests", t) for _, t in CASES] + [("tests x5", " ".join([t] * 5)) for _, t in CASES]
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--texts", type=Path, action="append", default=[], help="a folder of .txt files (repeatable)")
    args = ap.parse_args(argv)
    from fullpicture.ingest._lang import _DEFAULT, detect_language, lingua_language, plainly_english

    items = texts(args.data, args.texts)
    per = Counter(src for src, _ in items)
    fast: Counter[str] = Counter()
    diffs = []
    for src, t in items:
        a, b = detect_language(t), lingua_language(t, _DEFAULT)
        if len(t.strip()) >= 400 and plainly_english(t[:1200], _DEFAULT):
            fast[src] += 1
        if a != b:
            diffs.append((src, b, a, t[:60]))
    cpu = {}
    for name, fn in (("lingua always", lambda t: lingua_language(t, _DEFAULT)), ("with the fast path", detect_language)):
        t0 = time.process_time()
        for _, t in items:
            fn(t)
        cpu[name] = time.process_time() - t0
    print(f"{len(items)} texts, {len(diffs)} differences {diffs[:10]}")
    print("texts per source:", dict(per))
    print("fast path per source:", dict(fast))
    print("CPU s (second pass): " + ", ".join(f"{k} {v:.2f}" for k, v in cpu.items()))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
