"""Value accuracy of the French and Russian time grammar on the date test set.

The set (``tests/fixtures/time_intl/{fr,ru}.tsv``) was written for fullpicture: news-style
sentences with a publication date, one expression and its TIMEX3 value per line. An
expression counts as correct when a time expression overlapping it has exactly that value.

    python -m eval.dates_multilingual
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "fixtures" / "time_intl"


def load(language: str) -> list[tuple[str, str, str, str]]:
    """(publication date, sentence, expression, value) rows of one language."""
    rows = []
    for line in (SET / f"{language}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            dct, sent, expr, value = line.split("\t")
            rows.append((dct, sent, expr, value))
    return rows


def score(language: str) -> dict[str, object]:
    """Value accuracy and the misses of one language."""
    from fullpicture.nlp.time._calendar import parse_ref
    from fullpicture.nlp.time._intl import load_grammar, tag_intl

    g = load_grammar(language)
    assert g is not None, language
    rows = load(language)
    misses = []
    for dct, sent, expr, value in rows:
        start = sent.find(expr)
        end = start + len(expr)
        got = [t for t in tag_intl(g, sent, parse_ref(dct))[0] if t.start < end and start < t.end]
        if not any(t.value == value for t in got):
            misses.append({"sentence": sent, "expression": expr, "gold": value, "got": [t.value for t in got]})
    return {"language": language, "n": len(rows), "correct": len(rows) - len(misses),
            "accuracy": round((len(rows) - len(misses)) / len(rows), 3), "misses": misses}


def main() -> None:
    """Print the scores as JSON."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--languages", nargs="*", default=["fr", "ru"])
    args = ap.parse_args()
    print(json.dumps([score(lang) for lang in args.languages], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
