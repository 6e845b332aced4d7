"""Experiment (issue 12, thirty-third session): new columns for the cue classifier's add model.

The add model (``nlp/claims/_cues.py``) turns a verb or noun no claim covers into a claim. Its
logistic model is on a plateau with the shipped columns (``add_models.py``); this script asks
whether new evidence about a candidate helps. On the out-of-fold rows that ``add_models.py
--dump`` writes (PolNeAR train, 2 folds, seed 0), it scores the cue stage by 2-fold
cross-validation (as ``scripts/train_cues.py`` prints it; keep model as shipped) with the
shipped columns plus:

- the candidate lemma's rate of gold cues among the add model's candidates (smoothed, with the
  log count), target-encoded from the training fold's documents only and cross-fitted inside it
  (5 inner folds by document), so no row sees its own label;
- the candidate's object: a person (PERSON or a personal pronoun), a group (ORG/NORP/GPE), a
  clause, another word (one-hot);
- headline title case (80 % of the sentence's longer words capitalised), and that with a PROPN head;
- the cue inside another claim's content (a nested cue);
- the object's own cue rate in the fold's cue prior (``attribution_cue_prior.tsv``, trained on
  the other fold's documents), its log count, a lexicon verb or report noun, a noun object;
- the same lemma rate among the keep model's claims, for the keep model;
- the oracle add and keep models (the rows' labels), for the headroom.

    PYTHONPATH=src python scripts/experiments/attr_add/add_columns.py --rows ROWS.pkl --folders FOLDS
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from scripts import train_cues as tc  # noqa: E402
from scripts.experiments.attr_add import add_models as am  # noqa: E402

_PERSONAL = {"i", "we", "you", "he", "she", "they", "him", "her", "them", "us", "me"}


def _tag(t) -> str:
    return "V" if t.pos_ == "VERB" else "N" if t.pos_ == "NOUN" else "A" if t.pos_ == "ADJ" else ""


def candidate_columns(doc, rec: dict, cue: tuple[int, int], prior: dict, lex) -> tuple[str, list[float]]:
    """A candidate's cue lemma and its new columns (object kind 4, title case 2, nested 1, object prior 5)."""
    from fullpicture.nlp.claims._cues import _object

    t = doc.char_span(cue[0], cue[1], alignment_mode="expand").root
    o = _object(t)
    kind = [0.0] * 4
    if o is not None:
        k = 0 if o.ent_type_ == "PERSON" or o.lower_ in _PERSONAL else 1 if o.ent_type_ in ("ORG", "NORP", "GPE") \
            else 2 if o.dep_ in ("ccomp", "xcomp") else 3
        kind[k] = 1.0
    words = [w for w in t.sent if w.is_alpha and len(w) > 3]
    title = float(len(words) >= 3 and sum(w.text[0].isupper() for w in words) >= 0.8 * len(words))
    nested = float(any(c[1] and c[1][0] <= cue[0] and cue[1] <= c[1][1] for c in rec["base"]))
    obj = [0.0] * 5
    if o is not None:
        lem = o.lemma_.lower()
        n, tot = prior.get(lem + "|" + _tag(o), (0, 0))
        obj = [1.0, n / tot if tot else 0.0, float(np.log1p(tot)), float(lem in lex.report_nouns or lem in lex.verbs),
               float(o.dep_ == "dobj" and o.pos_ == "NOUN")]
    return t.lemma_.lower(), [*kind, title, title * float(t.pos_ == "PROPN"), nested, *obj]


def _table(recs, idx, lemmas, ykey: str) -> dict[str, tuple[float, int]]:
    tab: dict[str, tuple[float, int]] = {}
    for k in idx:
        for lem, y in zip(lemmas[k], recs[k][ykey], strict=True):
            p, n = tab.get(lem, (0.0, 0))
            tab[lem] = (p + y, n + 1)
    return tab


def _encode(tab, lems: list[str], prior: float, a: float = 5.0) -> np.ndarray:
    out = [((tab.get(m, (0.0, 0))[0] + a * prior) / (tab.get(m, (0.0, 0))[1] + a), np.log1p(tab.get(m, (0.0, 0))[1]))
           for m in lems]
    return np.asarray(out, dtype=np.float64).reshape(-1, 2)


def lemma_rates(recs, held, lemmas, ykey: str, inner: int = 5) -> dict[int, dict[int, np.ndarray]]:
    """Per outer fold f, each document's lemma-rate columns: from the training fold's table for
    the held-out documents, cross-fitted over ``inner`` folds for the training documents."""
    out = {}
    for f in (0, 1):
        tr = [k for k in range(len(recs)) if held[k] != f]
        prior = float(np.concatenate([recs[k][ykey] for k in tr]).mean())
        tab = _table(recs, tr, lemmas, ykey)
        cols = {k: _encode(tab, lemmas[k], prior) for k in range(len(recs)) if held[k] == f}
        order = tr[:]
        random.Random(1).shuffle(order)
        sub = {k: n % inner for n, k in enumerate(order)}
        for g in range(inner):
            t2 = _table(recs, [k for k in tr if sub[k] != g], lemmas, ykey)
            cols.update({k: _encode(t2, lemmas[k], prior) for k in tr if sub[k] == g})
        out[f] = cols
    return out


def oof_with(recs, held, key: str, ykey: str, base: list[int], extra: Callable[[int, int], np.ndarray],
             lam: float = 10.0) -> list[np.ndarray]:
    """Out-of-fold probabilities of rows ``key`` with ``extra(f, k)`` columns beside the shipped ones."""
    out: list[np.ndarray] = [np.zeros(0)] * len(recs)
    for f in (0, 1):
        tr = [k for k in range(len(recs)) if held[k] != f and len(recs[k][key])]
        m = tc.fit(np.concatenate([np.hstack([recs[k][key][:, base], extra(f, k)]) for k in tr]),
                   np.concatenate([recs[k][ykey] for k in tr]), lam)
        for k in range(len(recs)):
            if held[k] == f and len(recs[k][key]):
                out[k] = tc._prob(m, np.hstack([recs[k][key][:, base], extra(f, k)]))
    return out


def auc(recs, p: list[np.ndarray], ykey: str = "ya") -> float:
    """Area under the ROC curve of probabilities ``p`` against the rows' labels."""
    ys = np.concatenate([r[ykey] for r in recs])
    rk = np.argsort(np.argsort(np.concatenate([q for q in p if len(q)]))) + 1
    npos = ys.sum()
    return float((rk[ys == 1].sum() - npos * (npos + 1) / 2) / (npos * (len(ys) - npos)))


def main() -> int:
    """Command line entry point."""
    from scripts.train_attribution import parsed
    from threadpoolctl import threadpool_limits

    from fullpicture import load_settings
    from fullpicture.nlp.claims._cues import read_prior
    from fullpicture.nlp.claims._learned import AttributionExtractor

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=Path, required=True)
    ap.add_argument("--folders", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    args = ap.parse_args()
    threadpool_limits(1)
    with args.rows.open("rb") as fh:
        d = pickle.load(fh)
    recs, held = d["recs"], d["held"]
    width = max(r[x].shape[1] for r in recs for x in ("x", "xc") if len(r[x]))
    base = list(range(width - 3 * d["tdim"]))
    _, docs = parsed(args.data, "train", ROOT / ".cache" / "polnear")
    lex = AttributionExtractor.from_settings(load_settings().data).rules.lex
    priors = [read_prior(str(args.folders / f"fold{f}" / "attribution_cue_prior.tsv")) for f in (0, 1)]
    lemmas, cols, klemmas = [], [], []
    for k, (r, doc) in enumerate(zip(recs, docs, strict=True)):
        got = [candidate_columns(doc, r, cue, priors[held[k]], lex) for _, _, cue, _ in r["cands"]]
        lemmas.append([g[0] for g in got])
        cols.append(np.asarray([g[1] for g in got], dtype=np.float64).reshape(-1, 12))
        kl = [""] * len(r["x"])
        for (_, _, cue, _), j in zip(r["base"], r["judged"], strict=True):
            if j >= 0:
                kl[j] = doc.char_span(cue[0], cue[1], alignment_mode="expand").root.lemma_.lower()
        klemmas.append(kl)
    pk = am.oof(recs, held, am.logit(10.0), "x", "yk", base)
    pa = am.oof(recs, held, am.logit(10.0), "xc", "ya", base)
    print(f"shipped columns (add AUC {auc(recs, pa):.4f}): {am.score(recs, pk, pa)}", flush=True)
    rates = lemma_rates(recs, held, lemmas, "ya")
    variants: dict[str, Callable[[int, int], np.ndarray]] = {
        "lemma rate among candidates": lambda f, k: rates[f][k],
        "object kind": lambda f, k: cols[k][:, 0:4],
        "title case": lambda f, k: cols[k][:, 4:6],
        "nested cue": lambda f, k: cols[k][:, 6:7],
        "object's cue rate": lambda f, k: cols[k][:, 7:12],
        "all of these": lambda f, k: np.hstack([rates[f][k], cols[k]]),
    }
    for name, extra in variants.items():
        p2 = oof_with(recs, held, "xc", "ya", base, extra)
        figs = "; ".join(f"add >= {a}: {am.score(recs, pk, p2, a)}" for a in (0.35, 0.4, 0.45))
        print(f"+ {name} (add AUC {auc(recs, p2):.4f}): {figs}", flush=True)
    krates = lemma_rates(recs, held, klemmas, "yk")
    pk2 = oof_with(recs, held, "x", "yk", base, lambda f, k: krates[f][k])
    print(f"keep model + lemma rate among its claims: {am.score(recs, pk2, pa)}", flush=True)
    oracle_a = [r["ya"] for r in recs]
    oracle_k = [r["yk"] for r in recs]
    print(f"oracle add: {am.score(recs, pk, oracle_a)}", flush=True)
    print(f"oracle keep: {am.score(recs, oracle_k, pa)}", flush=True)
    print(f"oracle both: {am.score(recs, oracle_k, oracle_a)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
