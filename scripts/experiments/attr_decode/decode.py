"""Experiment (issue 12, thirtieth session): a document-level decode of the source chooser, its
training targets, and where the remaining source errors are. Nothing in the package changes.

``--dump`` records, as ``scripts/train_sources.py`` does, the chooser's options for every claim
of PolNeAR train out of fold (2 folds, seed 0; fold taggers from ``--folders``, trained there
first when the folder has none) and of dev with the shipped chain, into ``--work``. Without it
the records are read back and scored:

* decodes of one document's picks: ``none`` (each claim alone, as shipped); ``hard`` (claims
  in order of their best option's probability, none may take a span overlapping one already
  taken; a rule claim left without a candidate takes no source); ``soft`` (such spans lose
  ``pen`` from their score); ``keep`` (of claims that picked one span, those after the one
  with the highest cue-classifier probability drop it when theirs is under ``t``);
* targets: rule claims (which never take "no source" at run time) fitted without the "no
  source" option, or left out when no candidate is right;
* the gold sources by what became of them, and the predicted ones by why they are false.

Train figures are 2-fold CV (each fold judged by the chooser fitted on the other); dev uses
the shipped chooser (``--refit``: the one fitted on all of train's records). Scores here
compare candidate spans as they stand (no comma convention), so dev reads 77.22 where
``eval.polnear`` reads 77.3.

    PYTHONPATH=src python scripts/experiments/attr_decode/decode.py --dump --folders /tmp/attr_exp/folds
    PYTHONPATH=src python scripts/experiments/attr_decode/decode.py
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from eval.polnear import ROLES, new_counts, tally  # noqa: E402
from scripts import train_sources as ts  # noqa: E402
from scripts.train_cues import fold_models, fold_of, prf  # noqa: E402

KEEP = -7  # the claim column holding the cue classifier's keep probability


def _ov(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def dump(args: argparse.Namespace) -> None:
    """Parse, train the fold taggers where missing, and pickle train (out of fold) and dev records."""
    from scripts.train_attribution import parsed
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        items, docs = parsed(args.data, "train", args.cache)
        held = fold_of(len(docs), 2, 0)
        if not (args.folders / "fold1" / "attribution.crfsuite").is_file():
            fold_models(docs, items, held, 2, 0, args.folders)
        folders = [args.folders / f"fold{f}" for f in range(2)]
        exs = [ts.extractor(f, True, True) for f in folders]
        for f, cues in enumerate(ts.fold_cues(docs, items, held, folders, 2)):
            exs[f].cues = cues
        recs = [ts.collect(exs[held[k]], d, g) for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True))]
        args.work.mkdir(parents=True, exist_ok=True)
        with open(args.work / "train_recs.pkl", "wb") as fh:
            pickle.dump({"recs": recs, "held": held}, fh)
        ditems, ddocs = parsed(args.data, "dev", args.cache)
        ex = ts.extractor(None, True, True)
        dev = [ts.collect(ex, d, g) for d, (_, _, g) in zip(ddocs, ditems, strict=True)]
        with open(args.work / "dev_recs.pkl", "wb") as fh:
            pickle.dump({"recs": dev}, fh)


def scored(model, cands, x, offset: float) -> list:
    """Per claim its options' scores (as ``_source_model.pick``) and whether it may take none."""
    from fullpicture.nlp.claims._source_model import _LEARNED, ORIGIN_COLS, options

    mu, sd, w = model
    out: list = []
    k = 0
    for p in cands:
        if not p:
            out.append(None)
            continue
        z = ((options(x[k : k + len(p)]) - mu) / sd) @ w
        free = x[k, _LEARNED] > 0 or not x[k : k + len(p), :ORIGIN_COLS].any()
        z[0] = z[0] + offset if free else -np.inf
        out.append((z, free))
        k += len(p)
    return out


def decode(rec: dict, sc: list, mode: str, pen: float = 0.0, t: float = 0.0) -> list:
    """One document's picks (a span or None per claim) under decode ``mode``."""
    cands = rec["cands"]
    got = [None if s is None or not np.argmax(s[0]) else cands[j][int(np.argmax(s[0])) - 1]
           for j, s in enumerate(sc)]
    if mode == "none":
        return got
    if mode == "keep":
        starts = np.cumsum([0] + [len(p) for p in cands])[:-1]
        by = defaultdict(list)
        for j, s in enumerate(got):
            if s is not None:
                by[s].append(j)
        for js in by.values():
            js.sort(key=lambda j: -rec["x"][starts[j], KEEP])
            for j in js[1:]:
                if rec["x"][starts[j], KEEP] < t:
                    got[j] = None
        return got

    def conf(j: int) -> float:
        e = np.exp(sc[j][0] - sc[j][0].max())
        return float(e.max() / e.sum())

    taken: list = []
    got = [None] * len(cands)
    for j in sorted((j for j in range(len(cands)) if sc[j] is not None), key=lambda j: -conf(j)):
        z = sc[j][0].copy()
        for i in range(1, len(z)):
            if any(_ov(cands[j][i - 1], s) for s in taken):
                z[i] = -np.inf if mode == "hard" else z[i] - pen
        if not np.isfinite(z).any():
            continue
        b = int(np.argmax(z))
        if b:
            got[j] = cands[j][b - 1]
            taken.append(got[j])
    return got


def score(recs, model_of, offset: float, **kw) -> dict:
    """Counts of the records with their claims' sources decoded."""
    out = new_counts()
    for r, rec in enumerate(recs):
        pred = [(src, cue, con) for con, cue, src in rec["claims"]]
        if len(rec["x"]):
            got = decode(rec, scored(model_of(r), rec["cands"], rec["x"], offset), **kw)
            pred = [(got[j] if j >= 0 else s, cue, con) for (s, cue, con), j in zip(pred, rec["judged"], strict=True)]
        for n, role in enumerate(ROLES):
            tally(out, role, [c[n] for c in pred if c[n]], [a[n] for a in rec["gold"] if a[n]])
    return out


def rule_choices(recs, variant: str):
    """:func:`ts.choices` with rule claims fitted without "no source" (``drop_none``) or left
    out where no candidate is right (both variants)."""
    from fullpicture.nlp.claims._source_model import _LEARNED, ORIGIN_COLS, options

    blocks, ys, starts, n = [], [], [], 0
    for rec in recs:
        cues = {j: cue for (_, cue, _), j in zip(rec["claims"], rec["judged"], strict=True) if j >= 0}
        k = 0
        for j, p in enumerate(rec["cands"]):
            if not p:
                continue
            xx = rec["x"][k : k + len(p)]
            k += len(p)
            o = options(xx)
            y = np.array([0.0, *ts._targets(p, ts.own_sources(rec["gold"], cues.get(j)), set(),
                                             xx[:, :ORIGIN_COLS].any(1).tolist())])
            y[0] = float(not y.any())
            if not (xx[0, _LEARNED] > 0 or not xx[:, :ORIGIN_COLS].any()):
                if y[0]:
                    continue
                if variant == "drop_none":
                    o, y = o[1:], y[1:]
            blocks.append(o)
            ys.append(y / y.sum())
            starts.append(n)
            n += len(o)
    return np.vstack(blocks), np.concatenate(ys), np.asarray(starts, dtype=np.int64)


def errors(recs, model_of, offset: float) -> Counter:
    """Gold sources by what became of them; predicted sources by why they are false."""
    out: Counter = Counter()
    for r, rec in enumerate(recs):
        got = (decode(rec, scored(model_of(r), rec["cands"], rec["x"], offset), "none") if len(rec["x"])
               else [None] * len(rec["cands"]))
        preds = [(cue, got[j] if j >= 0 else src, j, con) for (con, cue, src), j in zip(rec["claims"], rec["judged"],
                                                                                       strict=True)]
        for gsrc, gcue, _ in rec["gold"]:
            if not gsrc:
                continue
            mine = [p for p in preds if _ov(p[0], gcue)]
            if not mine:
                out["gold: no claim on its cue" + (", inside a predicted content" if any(_ov(p[3], gcue) for p in preds)
                                                   else "")] += 1
            elif any(p[1] == gsrc for p in mine):
                out["gold: right"] += 1
            else:
                inc = any(p[2] >= 0 and gsrc in rec["cands"][p[2]] for p in mine)
                out[f"gold: {'none' if all(p[1] is None for p in mine) else 'wrong'}, "
                    f"{'among' if inc else 'not among'} the candidates"] += 1
        for cue, s, _, _ in preds:
            if s is None:
                continue
            g = [a for a in rec["gold"] if _ov(a[1], cue)]
            if not g:
                out["false: no gold cue"] += 1
            elif not any(a[0] for a in g):
                out["false: gold cue without source"] += 1
            elif not any(a[0] == s for a in g):
                out["false: another span"] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "polnear")
    ap.add_argument("--folders", type=Path, default=Path("/tmp/attr_exp/folds"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/attr_exp"))
    ap.add_argument("--dump", action="store_true")
    ap.add_argument("--refit", action="store_true", help="dev with the chooser fitted on these train records")
    args = ap.parse_args(argv)
    if not (args.data / "README.md").is_file():
        args.data = Path("/work/shared/data/polnear")
    if args.dump:
        dump(args)
        return 0
    import fullpicture.nlp.claims._source_model as sm

    with open(args.work / "train_recs.pkl", "rb") as fh:
        tr = pickle.load(fh)
    with open(args.work / "dev_recs.pkl", "rb") as fh:
        dv = pickle.load(fh)
    recs, held = tr["recs"], tr["held"]
    golds = [[x[0] for x in rec["gold"] if x[0]] for rec in recs]
    shared = sum(1 for g in golds for i, a in enumerate(g) for b in g[:i] if a == b)
    print(f"train: gold sources {sum(1 for rec in recs for a in rec['gold'] if a[0])}, "
          f"pairs of attributions with one identical source span {shared}")
    fits = {"base": lambda rs: ts.fit_all(rs, 10.0)}
    fits.update({v: (lambda rs, v=v: ts.fit_choice(*rule_choices(rs, v), 10.0)) for v in ("drop_unhit", "drop_none")})
    decodes = [{"mode": "none"}, {"mode": "hard"}, {"mode": "soft", "pen": 1.0}, {"mode": "soft", "pen": 2.0},
               {"mode": "soft", "pen": 4.0}, {"mode": "keep", "t": 0.5}, {"mode": "keep", "t": 0.7}]
    shipped = sm.load_sources(sm.sources_path())
    for name, fit in fits.items():
        models = {f: fit([r for r, h in zip(recs, held, strict=True) if h != f]) for f in range(2)}
        dev_model = fit(recs) if args.refit or name != "base" else shipped
        for kw in decodes if name == "base" else decodes[:2]:
            c = score(recs, lambda r, m=models: m[held[r]], -1.0, **kw)
            d = score(dv["recs"], lambda r, m=dev_model: m, -1.0, **kw)
            print(f"{name:10s} {kw}: train CV {ts.line(prf(c))} | dev {ts.line(prf(d))}", flush=True)
        if name == "base":
            for label, rs, mo in (("train CV", recs, lambda r, m=models: m[held[r]]),
                                  ("dev", dv["recs"], lambda r, m=dev_model: m)):
                print(label + ": " + "; ".join(f"{k} {v}" for k, v in sorted(errors(rs, mo, -1.0).items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
