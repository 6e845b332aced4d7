"""Experiment (issue 12, twenty-first session; not shipped): MiniLM token states of PolNeAR.

Runs ``scripts/experiments/minilm_states.StateEncoder`` (the int8 ONNX all-MiniLM-L6-v2 that
fullpicture ships for sentence vectors; each spaCy sentence run alone, every token the mean
state of the word pieces overlapping it) over the cached PolNeAR parse
(``scripts/train_attribution.parsed``) and writes the states as float16 to
``.cache/polnear/minilm_states_{split}.npz`` (one array per document), which ``roles_cv.py``
and ``cv_chain.py`` read.

    PYTHONPATH=src python scripts/experiments/attr_minilm/states.py --split train
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src", ROOT / "scripts" / "experiments"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))


def encoder():
    """The shared experiment's encoder, without its disk cache (every sentence runs)."""
    from minilm_states import StateEncoder

    return StateEncoder(cache=None)


def main() -> int:
    """Command line entry point."""
    from scripts.train_attribution import parsed

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "polnear")
    ap.add_argument("--out", type=Path, default=None, help="default: CACHE/minilm_states_SPLIT.npz")
    args = ap.parse_args()
    _, docs = parsed(args.data, args.split, args.cache)
    enc = encoder()
    t0 = os.times()
    states = []
    for k in range(0, len(docs), 50):
        states += [s.astype(np.float16) for s in enc.docs_states(docs[k : k + 50])]
    t1 = os.times()
    print(f"{args.split}: {len(docs)} documents, {enc.encoded} sentences, {enc.runs} model inputs, "
          f"{t1.user + t1.system - t0.user - t0.system:.1f} CPU s", file=sys.stderr)
    np.savez(args.out or args.cache / f"minilm_states_{args.split}.npz", *states)
    return 0


if __name__ == "__main__":
    sys.exit(main())
