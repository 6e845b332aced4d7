"""Experiment (issue 12, twenty-second session): the shapes of the attributions the chain misses.

Runs the shipped learned chain out of fold on PolNeAR train (2 folds, ``scripts/train_cues.fold_of``
seed 0; fold taggers from ``--folds-from`` as ``scripts/train_cues.py`` writes them; cue classifier
and source chooser refitted on the other fold, shipped thresholds; the same records as
``attr_minilm/cv_chain.py``) and sorts every gold attribution that has a source:

* ``exact``: a predicted source equals it;
* ``wrong``: a predicted cue overlaps its cue, but no predicted source equals its source;
* ``missed``: no predicted cue overlaps its cue (a missed attribution). Of these, ``cand``
  says whether the tagger proposed a claim there that the cue classifier turned down.

Missed attributions are then counted by shape: the cue's root lemma and POS (and whether the
claim lexicon lists it), the source's side of the cue, quote marks in the content, nesting (the
cue inside another gold content), a headline, and the cue's length. Never run on dev.

    PYTHONPATH=src python scripts/experiments/attr_misses/misses.py [--folds-from /tmp/attr] [--show 30]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

_QUOTES = ('"', "\u201c", "\u201d", "''", "``")


def _over(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def final_claims(rec: dict, model, offset: float) -> list[tuple]:
    """(source, cue, content) of a document's claims with the chooser's sources (as ``train_sources.counts``)."""
    from fullpicture.nlp.claims._source_model import pick

    pred = [(src, cue, con) for con, cue, src in rec["claims"]]
    if len(rec["x"]):
        got = pick(model, [[(sp, 0) for sp in p] for p in rec["cands"]], rec["x"], offset)
        pred = [((got[j][0] if got[j] is not None else None) if j >= 0 else s, cue, con)
                for (s, cue, con), j in zip(pred, rec["judged"], strict=True)]
    return pred


def shape(doc, text: str, g: tuple, golds: list[tuple], lex) -> dict:
    """Shape tags of one gold attribution (source, cue, content)."""
    src, cue, con = g
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    lem = root.lemma_.lower() if root is not None else ""
    ctext = text[con[0]:con[1]] if con else ""
    first_nl = text.find("\n")
    return {
        "lemma": lem or text[cue[0]:cue[1]].lower(),
        "pos": root.pos_ if root is not None else "-",
        "listed": "verb" if lem in lex.verbs else "noun" if lem in lex.report_nouns else "no",
        "side": "after" if src[0] > cue[0] else "before",
        "quotes": any(q in ctext for q in _QUOTES),
        "nested": any(o is not g and o[2] and o[2][0] <= cue[0] and cue[1] <= o[2][1] for o in golds),
        "headline": first_nl >= 0 and cue[0] < first_nl,
        "cue_len": min(3, len(span)) if span is not None else 0,
        "no_content": not con,
    }


def main() -> int:
    """Command line entry point."""
    from scripts import train_cues as tc
    from scripts import train_sources as ts
    from scripts.train_attribution import parsed
    from threadpoolctl import threadpool_limits

    from fullpicture import load_settings
    from fullpicture.nlp.claims._cues import CueModel
    from fullpicture.nlp.claims._data import claim_lexicon

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "polnear")
    ap.add_argument("--folds-from", type=Path, default=Path("/tmp/attr"))
    ap.add_argument("--show", type=int, default=25)
    ap.add_argument("--dump", type=Path, default=None, help="write the missed rows (json) for reading")
    args = ap.parse_args()
    cfg = load_settings().section("claims")
    offset = float(cfg.get("source_none_offset", 0.0))
    lex = claim_lexicon()
    with threadpool_limits(limits=1):
        items, docs = parsed(args.data, "train", args.cache)
        held = tc.fold_of(len(docs), 2, 0)
        folders = [args.folds_from / f"fold{f}" for f in (0, 1)]
        exs = [tc.extractor(f) for f in folders]
        recs = [tc.collect(exs[held[k]], d, g) for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True))]
        width = max(r[x].shape[1] for r in recs for x in ("x", "xc") if len(r[x]))
        base = width - 3 * docs[0].tensor.shape[1]
        cv = {f: tc.fit_models([r for r, h in zip(recs, held, strict=True) if h != f], 10.0, False, width, base)
              for f in (0, 1)}
        sx = [ts.extractor(f) for f in folders]
        for f in (0, 1):
            part = {p: (cv[f][p]["mu"], cv[f][p]["sd"], cv[f][p]["w"], float(cv[f][p]["b"])) for p in ("keep", "add")}
            sx[f].cues = CueModel(part["keep"], part["add"], False)
        srecs = [ts.collect(sx[held[k]], d, g) for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True))]
        models = {f: ts.fit_all([r for r, h in zip(srecs, held, strict=True) if h != f], 10.0) for f in (0, 1)}
    status: Counter = Counter()
    tags: dict[str, Counter] = {}
    rows = []
    for k, (doc, (name, text, _), rec, srec) in enumerate(zip(docs, items, recs, srecs, strict=True)):
        pred = final_claims(srec, models[held[k]], offset)
        psrc = {p[0] for p in pred if p[0]}
        golds = [g for g in srec["gold"]]
        for g in golds:
            if not g[0] or not g[1]:
                continue
            if g[0] in psrc:
                status["exact"] += 1
                continue
            if any(_over(p[1], g[1]) for p in pred):
                status["wrong"] += 1
                continue
            cand = any(_over(c[2], g[1]) for c in rec["cands"])
            status["missed, candidate turned down" if cand else "missed, never proposed"] += 1
            sh = shape(doc, text, g, golds, lex)
            sh["cand"] = cand
            for key, v in sh.items():
                tags.setdefault(key, Counter())[str(v)] += 1
            rows.append({"doc": name, "cue": text[g[1][0]:g[1][1]], "src": text[g[0][0]:g[0][1]], **sh})
    n = sum(status.values())
    print(f"gold attributions with a source and cue: {n}")
    for key, v in status.most_common():
        print(f"  {key:32s} {v:6d} ({100 * v / n:.1f} %)")
    miss = len(rows)
    for key, c in tags.items():
        top = c.most_common(args.show if key == "lemma" else 12)
        print(f"missed by {key}: " + ", ".join(f"{a} {b} ({100 * b / miss:.0f}%)" for a, b in top))
    combo = Counter((r["listed"], r["pos"], r["side"], r["quotes"], r["nested"]) for r in rows)
    print("missed by (listed, pos, source side, quotes, nested):")
    for key, v in combo.most_common(15):
        print(f"  {key}: {v}")
    if args.dump:
        args.dump.write_text(json.dumps(rows, indent=0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
