"""Build ``data/lexicons/words/subjectivity_en.tsv`` from two openly licensed sentiment lexicons.

    .venv/bin/python scripts/build_subjectivity.py --pattern en-sentiment.xml --vader vader_lexicon.txt

Sources (see data/lexicons/README.md for versions, licences and sha256):
* ``en-sentiment.xml``: the Pattern subjectivity lexicon for English adjectives (Tom De Smedt,
  Walter Daelemans; licence PDDL), as shipped in the PyPI wheel ``textblob==0.20.1``
  (``textblob/en/en-sentiment.xml``). Per word form: the highest subjectivity over its
  senses and the mean polarity.
* ``vader_lexicon.txt``: the VADER valence lexicon (C.J. Hutto; MIT), as shipped in the PyPI
  wheel ``vaderSentiment==3.3.2``. Alphabetic entries only (no emoticons); mean valence.

Output: one line per lower-case word, ``word<TAB>subjectivity<TAB>polarity<TAB>valence``; an
empty field when the word is not in that source. Sorted, so the file is reproducible.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "fullpicture" / "data" / "lexicons" / "words" / "subjectivity_en.tsv"


def pattern_entries(path: Path) -> dict[str, tuple[float, float]]:
    """word -> (max subjectivity, mean polarity) over the word's senses."""
    acc: dict[str, list[float]] = {}
    for w in ET.parse(path).getroot().iter("word"):
        form = (w.get("form") or "").lower()
        if not form or " " in form:
            continue
        a = acc.setdefault(form, [0.0, 0.0, 0.0])
        a[0] = max(a[0], float(w.get("subjectivity") or 0.0))
        a[1] += float(w.get("polarity") or 0.0)
        a[2] += 1
    return {f: (a[0], a[1] / a[2]) for f, a in acc.items()}


def vader_entries(path: Path) -> dict[str, float]:
    """word -> mean valence (alphabetic entries only)."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            out[parts[0].lower()] = float(parts[1])
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pattern", type=Path, required=True)
    ap.add_argument("--vader", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    pat, vad = pattern_entries(args.pattern), vader_entries(args.vader)
    lines = ["# word\tsubjectivity\tpolarity\tvalence  (Pattern en-sentiment, PDDL; VADER, MIT; see README.md)"]
    for word in sorted(set(pat) | set(vad)):
        s, p = pat.get(word, (None, None))
        v = vad.get(word)
        lines.append("\t".join([word, "" if s is None else f"{s:.2f}", "" if p is None else f"{p:.3f}",
                                "" if v is None else f"{v:.2f}"]))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} words -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
