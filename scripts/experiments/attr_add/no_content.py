"""Analysis (issue 12, thirty-third session): gold attributions that no claim or candidate reaches.

On the out-of-fold rows of ``add_models.py --dump`` (PolNeAR train), each gold attribution with
a source and a cue that no recorded claim's or candidate's cue overlaps is put in a bucket: its
cue's head is not a verb or noun; the head is covered by another claim; the cue classifier's
candidate function (``nlp/claims/_cues.candidate``) would build a claim on it (so the role
network or an overlap kept it out); or it builds none (no content), with the gold content
after or before the cue. The "after" ones are then counted by how the gold content's root
hangs on the cue in the parse, with three examples each.

    PYTHONPATH=src python scripts/experiments/attr_add/no_content.py --rows ROWS.pkl
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))


def _over(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def hang(doc, t, content: tuple[int, int]) -> str:
    """How the gold content's root hangs on the cue's head ``t`` in the parse."""
    cs = doc.char_span(content[0], content[1], alignment_mode="expand")
    if cs is None or not len(cs):
        return "?"
    cr = cs.root
    if cr.head.i == t.i:
        return f"{t.pos_} -> {cr.dep_}"
    if cr.head.head.i == t.i:
        via = f"prep:{cr.head.lower_}" if cr.head.dep_ == "prep" else cr.head.dep_
        return f"{t.pos_} -> {via} -> {cr.dep_}"
    if cs.start <= t.head.i < cs.end:
        return f"{t.pos_} on the content ({t.dep_})"
    return f"{t.pos_} elsewhere ({t.dep_})"


def main() -> int:
    """Command line entry point."""
    from scripts.train_attribution import parsed
    from threadpoolctl import threadpool_limits

    from fullpicture import load_settings
    from fullpicture.nlp._shared import doc_text
    from fullpicture.nlp.claims._cues import candidate, speech_quotes
    from fullpicture.nlp.claims._learned import AttributionExtractor

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    args = ap.parse_args()
    threadpool_limits(1)
    with args.rows.open("rb") as fh:
        recs = pickle.load(fh)["recs"]
    items, docs = parsed(args.data, "train", ROOT / ".cache" / "polnear")
    lex = AttributionExtractor.from_settings(load_settings().data).rules.lex
    buckets: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for r, doc, (_, text, gold) in zip(recs, docs, items, strict=True):
        spans = [sp for c in r["base"] for sp in (c[1], c[2], c[3]) if sp]
        cues = [c[2] for c in r["base"] + r["cands"] if c[2]]
        quotes = speech_quotes(doc, doc_text(doc))
        for a in gold:
            if not a.source or not a.cue or any(_over(a.cue, c) for c in cues):
                continue
            t = doc.char_span(a.cue[0], a.cue[1], alignment_mode="expand").root
            if t.pos_ not in ("VERB", "NOUN"):
                buckets[f"cue head {t.pos_}"] += 1
            elif any(_over((t.idx, t.idx + len(t)), s) for s in spans):
                buckets["cue head covered by a claim"] += 1
            elif candidate(doc, t, quotes, 0.5, lex.candidate_prepositions,
                           t.lemma_.lower() not in lex.document_verbs) is not None:
                buckets["a candidate would be built (role network, overlap)"] += 1
            elif not a.content:
                buckets["no content, no gold content"] += 1
            elif a.content[0] < a.cue[1]:
                buckets["no content, gold content before"] += 1
            else:
                buckets["no content, gold content after"] += 1
                key = hang(doc, t, a.content)
                shapes[key] += 1
                examples.setdefault(key, []).append(f"{text[a.cue[0]:a.cue[1]]} || {text[a.content[0]:a.content[1]][:50]}")
    for k, v in buckets.most_common():
        print(f"{v:6d}  {k}")
    print("no content, gold content after, by how it hangs on the cue:")
    for k, v in shapes.most_common(25):
        print(f"{v:6d}  {k}   e.g. {examples[k][:3]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
