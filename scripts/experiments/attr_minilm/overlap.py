"""Experiment (issue 12, twenty-second session): how many cue sentences alignment already embeds.

With ``[align] embeddings = true`` (the default), ``align/_texts.embedding_texts`` sends every
event sentence of the story zones through the int8 MiniLM. Of the sentences that hold a cue the
shipped claims chain judges or could add (those a state-reading role network would need, as in
``cost.py``), how many are among those texts (same text, whitespace stripped)? A pass that kept the
token states of those sentences would pay for both. First N PolNeAR train texts, each analysed
with ``fullpicture.analyze`` (shipped settings).

    PYTHONPATH=src python scripts/experiments/attr_minilm/overlap.py -n 40
"""

from __future__ import annotations

import argparse
import sys
from bisect import bisect_right
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))


def main() -> int:
    """Command line entry point."""
    from scripts import train_cues as tc
    from scripts.train_attribution import parsed
    from threadpoolctl import threadpool_limits

    import fullpicture as fp
    from fullpicture.align._texts import embedding_texts

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=40)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "polnear")
    args = ap.parse_args()
    tot_s = tot_cue = tot_ev = both = ch_cue = ch_both = 0
    with threadpool_limits(limits=1):
        items, docs = parsed(args.data, "train", args.cache)
        ex = tc.extractor(None)
        for (_, text, _), d in list(zip(items, docs, strict=True))[: args.n]:
            ex(d)
            judged, _, cands, _ = ex.rec
            sents = list(d.sents)
            starts = [s.start_char for s in sents]
            idx = {bisect_right(starts, c.cue[0]) - 1 for c in [*judged, *cands] if c.cue is not None}
            cue = {d.text[sents[i].start_char : sents[i].end_char].strip() for i in idx}
            ev = {t.strip() for t in embedding_texts(fp.analyze(text), events=True, claims=False)}
            tot_s, tot_cue, tot_ev, both = tot_s + len(sents), tot_cue + len(cue), tot_ev + len(ev), both + len(cue & ev)
            ch_cue += sum(len(s) for s in cue)
            ch_both += sum(len(s) for s in cue & ev)
    print(f"{args.n} texts: {tot_s} sentences; {tot_cue} hold a cue; alignment embeds {tot_ev} distinct texts "
          f"(event sentences, trigger lemmas); {both} cue sentences among them "
          f"({100 * both / max(1, tot_cue):.0f} %, {100 * ch_both / max(1, ch_cue):.0f} % of their characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
