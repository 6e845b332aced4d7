"""Experiment (issue 12, thirtieth session): keep a nested attribution that ``_merge.univocal``
drops when the cue classifier gives it at least T, the outer content cut before it.

Train: 2-fold CV (seed 0) with the fold taggers of ``decode.py --dump`` (``--folders``), fold
cue classifiers as ``scripts/train_sources.py`` fits them and fold choosers fitted on the
other fold's records of ``decode.py``; dev: the shipped chain. Scores as ``eval.polnear``.

    PYTHONPATH=src python scripts/experiments/attr_decode/nested.py dev
    PYTHONPATH=src python scripts/experiments/attr_decode/nested.py train
"""

from __future__ import annotations

import copy
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from eval.polnear import ROLES, new_counts, tally  # noqa: E402
from scripts import train_sources as ts  # noqa: E402
from scripts.train_cues import fold_of, prf  # noqa: E402

THRESHOLDS = [None, 0.95, 0.9, 0.8, 0.6]
_TAIL = " \t\n,;:—–-“\"«("


def _end(text: str, start: int, lo: int) -> int:
    end = start
    while end > lo and text[end - 1] in _TAIL:
        end -= 1
    return end


def run_doc(ex, doc, chooser) -> dict:
    """Per threshold (None: as shipped), the final claims of one document."""
    import fullpicture.nlp.claims._merge as merge_mod
    from fullpicture.nlp._shared import doc_text
    from fullpicture.nlp._tokens import token_arrays
    from fullpicture.nlp.claims._cues import cue_token, predict
    from fullpicture.nlp.claims._cues import rows as cue_rows
    from fullpicture.nlp.claims._learned import _commas
    from fullpicture.nlp.claims._source_model import choose

    dropped: list = []
    orig = merge_mod.univocal

    def recording(claims):
        out = orig(claims)
        ids = {id(c) for c in out}
        dropped.extend(c for c in claims if id(c) not in ids)
        return out

    merge_mod.univocal = recording
    try:
        rules = ex.rules(doc)
        claims = merge_mod.rules_first(doc, ex.tagger(doc, rules), rules)
    finally:
        merge_mod.univocal = orig
    unlike = ex._unlike_cues(doc, claims + dropped)

    def ok(c) -> bool:
        return id(c) not in unlike and not ex._clauseless(doc, c) and not ex._physical_act(doc, c)

    claims = [c for c in claims if ok(c)]
    nested = [c for c in dropped if ok(c) and c.cue is not None and c.kind != "naming" and cue_token(doc, c) is not None]
    probs: dict = {}
    claims = ex._vet(doc, claims, probs)
    pn: list = []
    if nested:
        x = cue_rows(doc, nested, ex.rules.lex, ex.tagger.roles, ex.cue_prior, ex.cues.vectors,
                     ex.tagger if ex.cues.crf else None)
        pn = predict(ex.cues.keep, x).tolist() if len(x) else []
    text = doc_text(doc)
    toks = token_arrays(doc)
    starts = [toks.idx[a] for a, _ in toks.sents]
    out = {}
    for t in THRESHOLDS:
        cl = copy.deepcopy(claims)
        pr = {id(b): probs[id(a)] for a, b in zip(claims, cl, strict=True) if id(a) in probs}
        for c, p in sorted(zip(nested, pn, strict=True), key=lambda z: -z[1]) if t is not None else ():
            if p < t:
                continue
            first = min(sp[0] for sp in (c.source, c.cue, c.content) if sp is not None)
            outer = [o for o in cl if o.kind != "naming" and o.content[0] <= c.cue[0] < o.content[1]]
            if not outer or any(first <= o.content[0] or _end(text, first, o.content[0]) - o.content[0] < 3
                                for o in outer):
                continue
            for o in outer:
                o.content = (o.content[0], _end(text, first, o.content[0]))
            kept = copy.deepcopy(c)
            cl.append(kept)
            pr[id(kept)] = p
        cl.sort(key=lambda c: (c.cue or c.content)[0])
        cl = choose(doc, cl, chooser, ex.tagger.roles, ex.source_none_offset, ex.cue_prior, pr,
                    ex.tagger if ex.sources_crf else None, ex.source_run_min)
        out[t] = _commas(text, cl, starts)
    return out


def main() -> int:
    """Command line entry point: ``train`` or ``dev``."""
    from scripts.train_attribution import parsed
    from threadpoolctl import threadpool_limits

    from fullpicture import load_settings
    from fullpicture.nlp.claims._learned import AttributionExtractor

    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    data = ROOT.parent.parent / "shared" / "data" / "polnear"
    data = data if (data / "README.md").is_file() else Path("/work/shared/data/polnear")
    cache = ROOT / ".cache" / "polnear"
    work = Path("/tmp/attr_exp")
    with threadpool_limits(limits=1):
        items, docs = parsed(data, split, cache)
        if split == "dev":
            ex = AttributionExtractor.from_settings(load_settings().data)
            exs, choosers, held = [ex], [ex.sources], [0] * len(docs)
        else:
            held = fold_of(len(docs), 2, 0)
            folders = [work / "folds" / f"fold{f}" for f in range(2)]
            exs = [ts.extractor(f, True, True) for f in folders]
            for f, cues in enumerate(ts.fold_cues(docs, items, held, folders, 2)):
                exs[f].cues = cues
            with open(work / "train_recs.pkl", "rb") as fh:
                tr = pickle.load(fh)
            choosers = [ts.fit_all([r for r, h in zip(tr["recs"], tr["held"], strict=True) if h != f], 10.0)
                        for f in range(2)]
        counts = {t: new_counts() for t in THRESHOLDS}
        for k, (d, (_, _, gold)) in enumerate(zip(docs, items, strict=True)):
            for t, claims in run_doc(exs[held[k]], d, choosers[held[k]]).items():
                for role in ROLES:
                    tally(counts[t], role, [getattr(c, role) for c in claims if getattr(c, role)],
                          [getattr(a, role) for a in gold if getattr(a, role)])
    for t in THRESHOLDS:
        print(f"{split} T {t}: {ts.line(prf(counts[t]))}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
