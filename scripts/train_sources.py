"""Train the attribution source chooser (``nlp/claims/_source_model.py``) on PolNeAR train.

    .venv/bin/python scripts/train_sources.py --data ../shared/data/polnear \
        [--out src/fullpicture/data/models/attribution_sources.npz] [--cache .cache/polnear]

The chooser judges the claims of the rules, the CRF tagger and the cue classifier, so it is
trained on their output where the tagger never saw the text, as ``scripts/train_cues.py``
does: PolNeAR train is cut in ``--folds`` folds (seed ``--seed``), and for each fold a CRF, a
role network and a cue-rate prior are trained on the other folds and run over it, with a cue
classifier fitted on the other folds' out-of-fold rows. Every claim with a cue (naming claims apart) gives a choice among a "no source"
option and its source candidates; the right option is the candidate whose characters are
exactly the source of the gold attribution whose cue overlaps the claim's (any gold source
of the document when no gold cue with a source overlaps it, with ``--fallback-targets``, not
shipped; several: shared equally), else "no source". With ``--crf-marginals`` (default, shipped) each candidate's row carries the fold
CRF's own marginals over it, read off the sequence it has just tagged, as at run time; with
``--source-runs`` too (default, shipped) the stretches of the cue's sentence where that CRF's
source marginal reaches ``[claims] source_run_min`` are candidates as well. One L2-regularised
conditional logit (Newton's method, no random state) is fitted on all choices and saved. The
script prints the cross-validated figures (each fold's claims judged by the model fitted on
the other folds) at several offsets of the "no source" score, and with ``--report-dev``
(default) PolNeAR dev with the shipped tagger at ``[claims] source_none_offset``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from eval.polnear import ROLES, add_counts, new_counts, tally  # noqa: E402
from scripts.train_cues import _FILES, fold_arguments, fold_setup, prf, run_folds  # noqa: E402


def extractor(folder: Path | None = None, crf: bool = True, runs: bool = True):
    """A shipped-like extractor (the tagger's files from ``folder`` when given) that records,
    instead of choosing sources, each document's claims, candidates and rows (with the CRF's
    marginals as columns when ``crf``, and its source runs among the candidates when ``runs``
    too, at ``[claims] source_run_min``)."""
    from fullpicture import load_settings
    from fullpicture.nlp.claims._cues import read_prior
    from fullpicture.nlp.claims._learned import AttributionExtractor
    from fullpicture.nlp.claims._source_model import chosen_for, rows
    from fullpicture.nlp.claims._tagger import AttributionTagger

    class Recorder(AttributionExtractor):
        rec: tuple = ()

        def _sources(self, doc, claims, probs):
            judged = chosen_for(claims)
            per, x = rows(doc, judged, self.tagger.roles, self.cue_prior, probs, self.tagger if crf else None,
                          least if crf and runs else None)
            self.rec = (judged, per, x)
            return claims

    settings = load_settings().data
    least = float(settings.get("claims", {}).get("source_run_min", 0.05))
    ex = Recorder.from_settings(settings)
    if folder is not None:
        ex.tagger = AttributionTagger(str(folder / _FILES[0]), clusters=str(folder / _FILES[1]),
                                      prior=str(folder / _FILES[2]), roles=str(folder / _FILES[3]))
        ex.cue_prior = read_prior(str(folder / _FILES[2]))
    return ex


def collect(ex, doc, gold) -> dict:
    """One document's claims (kind, content, cue, source), candidates, rows and labels."""
    out = ex(doc)
    judged, per, x = ex.rec
    jid = {id(c): k for k, c in enumerate(judged)}
    cands = [[sp for sp, _ in p] for p in per]
    return {
        "gold": [(a.source, a.cue, a.content) for a in gold],
        "claims": [(c.content, c.cue, c.source) for c in out], "judged": [jid.get(id(c), -1) for c in out],
        "cands": cands, "x": x,
    }


def fold_cues(docs, items, held: list[int], folders: list[Path], folds: int) -> list:
    """Per fold, the cue classifier fitted as ``scripts/train_cues.py`` fits it, on the other
    folds' out-of-fold rows only (so that its probabilities, a column of the chooser, are as
    unseen on train as on new text)."""
    from scripts import train_cues as tc

    from fullpicture.nlp.claims._cues import CueModel

    exs = [tc.extractor(f) for f in folders]
    recs = [tc.collect(exs[held[k]], d, g) for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True))]
    width = max(r[x].shape[1] for r in recs for x in ("x", "xc") if len(r[x]))
    base = width - 3 * docs[0].tensor.shape[1]
    out = []
    for f in range(folds):
        m = tc.fit_models([r for r, h in zip(recs, held, strict=True) if h != f], 10.0, False, width, base)
        part = {p: (m[p]["mu"], m[p]["sd"], m[p]["w"], float(m[p]["b"])) for p in ("keep", "add")}
        out.append(CueModel(part["keep"], part["add"], False, True))
    return out


def counts(recs, model: tuple | None, offset: float) -> dict:
    """(hits, predicted, gold) per role and regime of the recorded claims, their sources chosen
    by ``model`` (None: as recorded)."""
    from fullpicture.nlp.claims._source_model import pick

    out = new_counts()
    for rec in recs:
        pred = [(src, cue, con) for con, cue, src in rec["claims"]]
        if model is not None and len(rec["x"]):
            got = pick(model, [[(sp, 0) for sp in p] for p in rec["cands"]], rec["x"], offset)
            pred = [((got[j][0] if got[j] is not None else None) if j >= 0 else s, cue, con)
                    for (s, cue, con), j in zip(pred, rec["judged"], strict=True)]
        for n, role in enumerate(ROLES):
            tally(out, role, [c[n] for c in pred if c[n]], [a[n] for a in rec["gold"] if a[n]])
    return out


def choices(recs, fallback: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every claim's options stacked (:func:`._source_model.options`), their targets and the
    first row of each claim; with ``fallback`` a claim whose cue no gold attribution with a
    source shares has any gold source of its document as target (:func:`_targets`), else
    "no source"."""
    from fullpicture.nlp.claims._source_model import ORIGIN_COLS, options

    blocks, ys, starts, n = [], [], [], 0
    for rec in recs:
        gs = {a[0] for a in rec["gold"] if a[0]} if fallback else set()
        cues = {j: cue for (_, cue, _), j in zip(rec["claims"], rec["judged"], strict=True) if j >= 0}
        k = 0
        for j, p in enumerate(rec["cands"]):
            if not p:
                continue
            blocks.append(options(rec["x"][k : k + len(p)]))
            parsed = rec["x"][k : k + len(p), :ORIGIN_COLS].any(1).tolist()
            k += len(p)
            y = np.array([0.0] + _targets(p, own_sources(rec["gold"], cues.get(j)), gs, parsed))
            y[0] = float(not y.any())
            ys.append(y / y.sum())
            starts.append(n)
            n += len(p) + 1
    return np.vstack(blocks), np.concatenate(ys), np.asarray(starts, dtype=np.int64)


def fit_choice(a: np.ndarray, y: np.ndarray, starts: np.ndarray, lam: float, iters: int = 30
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """An L2-regularised conditional logit on standardised columns (Newton's method)."""
    mu = a.mean(0)
    sd = a.std(0)
    sd[sd < 1e-6] = 1.0
    x = (a - mu) / sd
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(x))))
    theta = np.zeros(x.shape[1])
    for _ in range(iters):
        z = x @ theta
        z -= np.maximum.reduceat(z, starts)[group]
        e = np.exp(z)
        p = e / np.add.reduceat(e, starts)[group]
        g = x.T @ (p - y) + lam * theta
        xp = np.add.reduceat(x * p[:, None], starts)
        h = (x * p[:, None]).T @ x - xp.T @ xp + np.diag(np.full(len(theta), lam + 1e-6))
        step = np.linalg.solve(h, g)
        theta -= step
        if np.abs(step).max() < 1e-8:
            break
    return mu, sd, theta


def own_sources(gold: list, cue: tuple[int, int] | None) -> set:
    """The gold sources of the attributions whose cue overlaps a claim's cue."""
    if cue is None:
        return set()
    return {s for s, c, _ in gold if s and c and c[0] < cue[1] and cue[0] < c[1]}


def _targets(cands: list, own: set, anywhere: set, parsed: list[bool] | None = None) -> list[float]:
    """Which candidates are right: those that are the source of the claim's own gold
    attribution (its cue overlapping the claim's); when none is, nor has that attribution
    a source, any gold source of the document (a claim whose cue PolNeAR bounds otherwise)
    among the candidates the parse ties to the claim (``parsed``; not those found only from
    the CRF's source runs of the sentence, mostly other attributions' sources)."""
    hit = [float(sp in own) for sp in cands]
    if not any(hit) and not own:
        ok = parsed or [True] * len(cands)
        hit = [float(sp in anywhere and tied) for sp, tied in zip(cands, ok, strict=True)]
    return hit


def oracle(recs) -> tuple[int, int]:
    """(claims with a gold source among their candidates, claims judged)."""
    n = hit = 0
    for rec in recs:
        gs = {a[0] for a in rec["gold"] if a[0]}
        for p in rec["cands"]:
            n += 1
            hit += any(sp in gs for sp in p)
    return hit, n


def line(res: dict) -> str:
    """Source exact, cue, content exact and content overlap F1, with source P/R."""
    f = " / ".join(f"{res[k][2]:.2f}" for k in (("source", "exact"), ("cue", "exact"), ("content", "exact"),
                                               ("content", "overlap")))
    s, o = res[("source", "exact")], res[("source", "overlap")]
    return f"{f}  (source exact P/R {s[0]:.1f}/{s[1]:.1f}; source overlap F1 {o[2]:.2f})"


def cv_counts(recs, held: list[int], models: dict, offset: float) -> dict:
    """Each fold's claims judged by the model fitted on the other folds, counts summed."""
    total = new_counts()
    for f, model in models.items():
        add_counts(total, counts([r for r, h in zip(recs, held, strict=True) if h == f], model, offset))
    return total


def fit_all(recs, lam: float, fallback: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The chooser fitted on every claim of ``recs`` (``fallback``: :func:`choices`)."""
    return fit_choice(*choices(recs, fallback), lam)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    fold_arguments(ap, "attribution_sources.npz")
    ap.add_argument("--crf-marginals", action=argparse.BooleanOptionalAction, default=True,
                    help="the CRF's source and content marginals over each candidate as columns (shipped)")
    ap.add_argument("--source-runs", action=argparse.BooleanOptionalAction, default=True,
                    help="with --crf-marginals, the CRF's source runs among the candidates (shipped)")
    ap.add_argument("--fallback-targets", action=argparse.BooleanOptionalAction, default=False,
                    help="a claim whose cue matches no gold cue learns any gold source of its document "
                         "(not shipped: it learns \"no source\")")
    return run_folds(ap.parse_args(argv), _run)


def _run(args: argparse.Namespace, tmp: Path) -> int:
    from scripts.train_attribution import parsed

    from fullpicture import load_settings

    items, docs, held, folders = fold_setup(args, tmp)
    exs = [extractor(f, args.crf_marginals, args.source_runs) for f in folders]
    for f, cues in enumerate(fold_cues(docs, items, held, folders, args.folds)):
        exs[f].cues = cues
    recs = [collect(exs[held[k]], d, g) for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True))]
    hit, n = oracle(recs)
    offset = float(load_settings().section("claims").get("source_none_offset", 0.0))
    print(f"train, {args.folds}-fold CV (seed {args.seed}); a gold source among the candidates of {hit} of "
          f"{n} claims:", file=sys.stderr)
    print("  as extracted:         " + line(prf(counts(recs, None, 0))), file=sys.stderr)
    models = {f: fit_all([r for r, h in zip(recs, held, strict=True) if h != f], args.lam, args.fallback_targets)
              for f in range(args.folds)}
    for t in sorted({-1.0, -0.5, 0.0, offset}):
        mark = " (shipped)" if t == offset else ""
        print(f"  chooser, none {t:+.2f}:  " + line(prf(cv_counts(recs, held, models, t))) + mark, file=sys.stderr)
    mu, sd, w = fit_all(recs, args.lam, args.fallback_targets)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(args.out, mu=mu, sd=sd, w=w, crf=np.bool_(args.crf_marginals),
             runs=np.bool_(args.crf_marginals and args.source_runs))
    print(f"-> {args.out}", file=sys.stderr)
    if args.report_dev:
        dev_items, dev_docs = parsed(args.data, "dev", args.cache)
        ex = extractor(None, args.crf_marginals, args.source_runs)
        dev = [collect(ex, d, g) for d, (_, _, g) in zip(dev_docs, dev_items, strict=True)]
        print("dev, shipped tagger:", file=sys.stderr)
        print("  as extracted:         " + line(prf(counts(dev, None, 0))), file=sys.stderr)
        for t in sorted({-1.0, -0.5, 0.0, offset}):
            print(f"  chooser, none {t:+.2f}:  " + line(prf(counts(dev, (mu, sd, w), t))), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
