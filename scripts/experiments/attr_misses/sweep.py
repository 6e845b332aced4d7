"""Experiment (issue 12, twenty-second session): recall-side thresholds of the chain, judged with the chooser.

The cue classifier's thresholds (``[claims] cue_keep_min``, ``cue_add_min``, ``cue_candidate_min``)
were chosen by CV before the source chooser existed, and ``learned_min_cue_prob`` (the role
network's cue probability a tagger claim needs) before the cue classifier. This reruns, for each
setting, the whole chain out of fold on PolNeAR train exactly as ``attr_minilm/cv_chain.py`` does
(2 folds, seed 0; fold taggers of ``--folds-from``; cue classifier refitted on the other fold's rows
collected at that setting; chooser refitted; shipped none offset) and prints source / cue / content
exact / content overlap F1 with source and content-overlap P/R. Never run on dev.

    PYTHONPATH=src python scripts/experiments/attr_misses/sweep.py "0.1,0.3,0.4,0.02" "0.1,0.3,0.35,0.02"
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))


def run(docs, items, held, folders, setting: tuple[float, float, float, float], offset: float) -> str:
    """One setting (min cue prob, keep, add, candidate) scored by 2-fold CV."""
    from scripts import train_cues as tc
    from scripts import train_sources as ts

    from fullpicture.nlp.claims._cues import CueModel

    mcp, keep, add, cand = setting
    exs = [tc.extractor(f) for f in folders]
    for e in exs:
        e.min_cue_prob, e.cue_limits = mcp, (keep, add, cand)
    recs = [tc.collect(exs[held[k]], d, g) for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True))]
    width = max(r[x].shape[1] for r in recs for x in ("x", "xc") if len(r[x]))
    base = width - 3 * docs[0].tensor.shape[1]
    cv = {f: tc.fit_models([r for r, h in zip(recs, held, strict=True) if h != f], 10.0, False, width, base)
          for f in (0, 1)}
    sx = [ts.extractor(f) for f in folders]
    for f in (0, 1):
        part = {p: (cv[f][p]["mu"], cv[f][p]["sd"], cv[f][p]["w"], float(cv[f][p]["b"])) for p in ("keep", "add")}
        sx[f].cues = CueModel(part["keep"], part["add"], False)
        sx[f].min_cue_prob, sx[f].cue_limits = mcp, (keep, add, cand)
    srecs = [ts.collect(sx[held[k]], d, g) for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True))]
    models = {f: ts.fit_all([r for r, h in zip(srecs, held, strict=True) if h != f], 10.0) for f in (0, 1)}
    res = ts.prf(ts.cv_counts(srecs, held, models, offset))
    s, c = res[("source", "exact")], res[("content", "overlap")]
    return (f"{ts.line(res)}  | source P/R {s[0]:.2f}/{s[1]:.2f}; content overlap P/R {c[0]:.2f}/{c[1]:.2f}")


def main() -> int:
    """Command line entry point."""
    from scripts import train_cues as tc
    from scripts.train_attribution import parsed
    from threadpoolctl import threadpool_limits

    from fullpicture import load_settings

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("settings", nargs="+", help="MIN_CUE_PROB,KEEP,ADD,CANDIDATE")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "polnear")
    ap.add_argument("--folds-from", type=Path, default=Path("/tmp/attr"))
    args = ap.parse_args()
    offset = float(load_settings().section("claims").get("source_none_offset", 0.0))
    with threadpool_limits(limits=1):
        items, docs = parsed(args.data, "train", args.cache)
        held = tc.fold_of(len(docs), 2, 0)
        folders = [args.folds_from / f"fold{f}" for f in (0, 1)]
        for s in args.settings:
            t0 = os.times()
            setting = tuple(float(v) for v in s.split(","))
            line = run(docs, items, held, folders, setting, offset)  # type: ignore[arg-type]
            t1 = os.times()
            print(f"{s:22s} {line}  ({t1.user + t1.system - t0.user - t0.system:.0f} CPU s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
