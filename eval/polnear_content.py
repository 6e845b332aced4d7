"""Where PolNeAR's content overlap F1 is lost: each gold content and predicted content classed.

``eval.polnear`` matches predicted contents to gold contents one-to-one and greedily (each
prediction, in the extractor's order, takes the first unmatched gold content it overlaps).
This script replays that matching and classes what is left over:

* an unmatched **gold** content is ``overlapped, taken`` (a prediction overlaps it but was
  matched to another gold content: one predicted content spans two gold attributions),
  ``claim on its cue, content elsewhere``, ``claim on its cue, no content``, or
  ``no claim on its cue`` (the cue was missed);
* an unmatched **prediction** is ``gold content already taken`` (a second claim on one gold
  content), ``gold cue, content elsewhere`` or ``no gold cue`` (a claim PolNeAR does not
  have), each by the claim's kind.

Predictions are the shipped extractor's (``AttributionExtractor.from_settings``, as in
``eval.polnear``) on ``parse_pipeline``'s parse. On train the shipped tagger has seen the
text, so its classes there are in-sample: design on train with the fold taggers of
``scripts/train_cues.py`` (``run`` takes any extractor), report on dev.

    .venv/bin/python -m eval.polnear_content --data ../shared/data/polnear --split train [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from eval.polnear import DEFAULT, load_split

Span = tuple[int, int]


def _ov(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def classes(pred: list[tuple[str, Span | None, Span | None]], gold: list[tuple[Span | None, Span | None]]
            ) -> tuple[Counter, Counter]:
    """(gold classes, prediction classes) of one document. ``pred``: (kind, content, cue) per
    claim in the extractor's order; ``gold``: (cue, content) per attribution."""
    pc = [p for p in pred if p[1] is not None]
    gc = [g for g in gold if g[1] is not None]
    used = [False] * len(gc)
    hit = [False] * len(pc)
    for i, (_, content, _) in enumerate(pc):
        for k, (_, g) in enumerate(gc):
            if not used[k] and _ov(content, g):
                used[k] = hit[i] = True
                break
    gcl: Counter = Counter({"matched": sum(used)})
    for k, (cue, g) in enumerate(gc):
        if used[k]:
            continue
        on_cue = [p for p in pred if _ov(p[2], cue)]
        if any(_ov(p[1], g) for p in pc):
            gcl["overlapped, taken"] += 1
        elif any(p[1] is not None for p in on_cue):
            gcl["claim on its cue, content elsewhere"] += 1
        elif on_cue:
            gcl["claim on its cue, no content"] += 1
        else:
            gcl["no claim on its cue"] += 1
    pcl: Counter = Counter()
    for i, (kind, content, cue) in enumerate(pc):
        if hit[i]:
            pcl["matched", kind] += 1
        elif any(_ov(content, g) for _, g in gc):
            pcl["gold content already taken", kind] += 1
        elif any(_ov(cue, c) for c, _ in gold):
            pcl["gold cue, content elsewhere", kind] += 1
        else:
            pcl["no gold cue", kind] += 1
    return gcl, pcl


def run(items: list, extractor: Any = None) -> tuple[Counter, Counter]:
    """Gold and prediction classes summed over ``items`` (``load_split``'s articles)."""
    from fullpicture import load_settings
    from fullpicture.nlp.claims._learned import AttributionExtractor
    from fullpicture.nlp.pipeline import parse_pipeline

    settings = load_settings()
    nlp = parse_pipeline(settings)
    ex = extractor or AttributionExtractor.from_settings(settings.data)
    gold_c: Counter = Counter()
    pred_c: Counter = Counter()
    for (_, _, gold), doc in zip(items, nlp.pipe([t for _, t, _ in items], batch_size=16), strict=True):
        g, p = classes([(c.kind, c.content, c.cue) for c in ex(doc)], [(a.cue, a.content) for a in gold])
        gold_c.update(g)
        pred_c.update(p)
    return gold_c, pred_c


def table(gold_c: Counter, pred_c: Counter) -> str:
    """Two Markdown tables: gold contents by class, predicted contents by class and kind."""
    lines = ["| gold content | n |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in gold_c.most_common()]
    lines += ["", "| predicted content | kind | n |", "|---|---|---:|"]
    lines += [f"| {k} | {kind} | {v} |" for (k, kind), v in sorted(pred_c.items(), key=lambda kv: (kv[0][0] != "matched", -kv[1]))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--split", choices=("train", "dev"), default="train")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    if not (args.data / "README.md").is_file():
        print(f"PolNeAR not found at {args.data}", file=sys.stderr)
        return 2
    print(table(*run(load_split(args.data, args.split, args.limit))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
