"""Error buckets of attribution extraction on PolNeAR (train/dev): what kind of gold span is missed.

For each role, a gold span is *missed* when no predicted span of that role overlaps it and
a *boundary* error when one overlaps with other offsets (longer, shorter or shifted). Gold
sources are bucketed by form (pronoun; coordinated "X and Y"; with a comma, such as an
apposition; three words or more; one or two words), cues by length (one word or several),
contents by whether they hold a quotation mark.

    .venv/bin/python -m eval.polnear_buckets --data ../shared/data/polnear --split dev [--rules] [--naming]

Predictions are those of ``eval.polnear`` (the shipped extractor on ``parse_pipeline``'s parse,
the one ``fp_claims`` sees at run time and the tagger was trained on);
``--naming`` scores naming claims too (``eval.polnear`` does), without it they are left out.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from eval.polnear import DEFAULT, ROLES, load_split

_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me"}


def source_form(text: str) -> str:
    """The bucket of a gold source's text."""
    if text.lower() in _PRONOUNS:
        return "pronoun"
    if " and " in text or " & " in text:
        return "coordinated"
    if "," in text:
        return "comma"
    return "3+ words" if len(text.split()) >= 3 else "1-2 words"


def form(role: str, text: str) -> str:
    """The bucket of a gold span of ``role``."""
    if role == "source":
        return source_form(text)
    if role == "cue":
        return "multi-word" if len(text.split()) > 1 else "one word"
    return "quoted" if any(ch in text for ch in "\"“”") else "unquoted"


def error(gold: tuple[int, int], pred: list[tuple[int, int]]) -> str | None:
    """None when matched exactly, else 'missed' or 'boundary'."""
    if gold in pred:
        return None
    return "boundary" if any(p[0] < gold[1] and gold[0] < p[1] for p in pred) else "missed"


def buckets(items: list, learned: bool = True, naming: bool = False) -> dict[str, Counter]:
    """Per role: Counter of (form, 'gold' | 'missed' | 'boundary')."""
    from fullpicture import load_settings
    from fullpicture.nlp.claims._learned import AttributionExtractor
    from fullpicture.nlp.pipeline import parse_pipeline

    nlp = parse_pipeline(load_settings())
    ex = AttributionExtractor(learned=learned)
    out = {r: Counter() for r in ROLES}
    for (_, text, gold), doc in zip(items, nlp.pipe([t for _, t, _ in items], batch_size=16), strict=True):
        pred = [c for c in ex(doc) if naming or c.kind != "naming"]
        for role in ROLES:
            ps = [getattr(c, role) for c in pred if getattr(c, role)]
            for a in gold:
                g = getattr(a, role)
                if not g:
                    continue
                f = form(role, text[g[0] : g[1]])
                out[role][f, "gold"] += 1
                e = error(g, ps)
                if e:
                    out[role][f, e] += 1
    return out


def table(res: dict[str, Counter]) -> str:
    """A Markdown table: role, form, gold count, missed, boundary errors."""
    lines = ["| role | gold form | gold | missed | boundary |", "|---|---|---:|---:|---:|"]
    for role in ROLES:
        c = res[role]
        forms = sorted({f for f, _ in c}, key=lambda f: -c[f, "gold"])
        for f in forms:
            lines.append(f"| {role} | {f} | {c[f, 'gold']} | {c[f, 'missed']} | {c[f, 'boundary']} |")
        tot = [sum(c[f, k] for f in forms) for k in ("gold", "missed", "boundary")]
        lines.append(f"| {role} | **all** | {tot[0]} | {tot[1]} | {tot[2]} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--split", choices=("train", "dev"), default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--rules", action="store_true", help="the rule-based extractor alone")
    ap.add_argument("--naming", action="store_true", help="score naming claims too")
    args = ap.parse_args(argv)
    if not (args.data / "README.md").is_file():
        print(f"PolNeAR not found at {args.data}", file=sys.stderr)
        return 2
    print(table(buckets(load_split(args.data, args.split, args.limit), not args.rules, args.naming)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
