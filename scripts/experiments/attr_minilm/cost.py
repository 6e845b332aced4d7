"""Experiment (issue 12, twenty-first session): what MiniLM states would cost at run time.

Over the first ``-n`` PolNeAR train texts (cached parse), counts the sentences that hold the
cue of a claim the cue classifier judges or of a candidate it could add (the shipped
extractor with the shipped role network picks them), and times the MiniLM runs (one ONNX
thread, CPU seconds) over those sentences only and over every sentence.

    PYTHONPATH=src python scripts/experiments/attr_minilm/cost.py -n 100
"""

from __future__ import annotations

import argparse
import os
import sys
from bisect import bisect_right
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src", Path(__file__).resolve().parent):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))


def cpu() -> float:
    """CPU seconds of this process so far."""
    t = os.times()
    return t.user + t.system


def main() -> int:
    """Command line entry point."""
    from scripts import train_cues as tc
    from scripts.train_attribution import parsed
    from states import encoder
    from threadpoolctl import threadpool_limits

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "polnear")
    args = ap.parse_args()
    with threadpool_limits(limits=1):
        items, docs = parsed(args.data, "train", args.cache)
        docs = docs[: args.n]
        ex = tc.extractor(None)
        need, total, toks = [], 0, 0
        t0 = cpu()
        for d in docs:
            ex(d)
            judged, _, cands, _ = ex.rec
            starts = [s.start_char for s in d.sents]
            need.append({bisect_right(starts, c.cue[0]) - 1 for c in [*judged, *cands] if c.cue is not None})
            total += len(starts)
            toks += len(d)
        t_ex = cpu() - t0
        enc = encoder()
        enc.docs_states(docs[:3])  # warm-up
        sents = [[d.text[s.start_char : s.end_char] for s in d.sents] for d in docs]
        t0 = cpu()
        enc.sentence_states([s[k] for s, ks in zip(sents, need, strict=True) for k in sorted(ks)])
        t_need = cpu() - t0
        t0 = cpu()
        enc.sentence_states([t for s in sents for t in s])
        t_all = cpu() - t0
        from fullpicture import load_settings
        from fullpicture.nlp.pipeline import parse_pipeline

        nlp = parse_pipeline(load_settings())
        texts = [t for _, t, _ in items[: args.n]]
        list(nlp.pipe(texts[:5]))  # warm-up
        t0 = cpu()
        list(nlp.pipe(texts, batch_size=16))
        t_parse = cpu() - t0
    n_need = sum(len(s) for s in need)
    print(f"{len(docs)} texts, {toks} tokens, {total} sentences; {n_need} ({100 * n_need / total:.0f} %) hold a "
          f"judged or candidate cue")
    print(f"extractor (shipped, recording) {t_ex:.1f} CPU s; MiniLM over those sentences {t_need:.1f} CPU s, "
          f"over every sentence {t_all:.1f} CPU s ({1000 * t_all / total:.1f} ms a sentence); the parse "
          f"(parse_pipeline) {t_parse:.1f} CPU s: {t_need / t_parse:.2f}x / {t_all / t_parse:.2f}x the parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
