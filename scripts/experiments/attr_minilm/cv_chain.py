"""Experiment (issue 12, twenty-first session): the whole learned chain with MiniLM states.

For tagger folders written by ``roles_cv.py --save`` (one variant of the role network),
runs what ``scripts/train_cues.py`` and ``scripts/train_sources.py`` run, 2-fold on PolNeAR
train (fold taggers: CRF, clusters and prior of ``--folds-from``; role network of the
variant), then PolNeAR dev with the ``full`` folder (the shipped CRF with the variant's role
network trained on all of train, cue classifier and source chooser fitted on every
out-of-fold row). The role network reads the PCA'd MiniLM states (``states.py``) of a token
and its head when its first layer is that much wider; ``--cue-states`` also gives the cue
classifier the states of the cue, its subject and its object (its ``--vectors`` columns).

    PYTHONPATH=src python scripts/experiments/attr_minilm/cv_chain.py /tmp/attr21/plus [--cue-states]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from weakref import WeakKeyDictionary

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
for _p in (ROOT, ROOT / "src", Path(__file__).resolve().parent):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

_Z: WeakKeyDictionary = WeakKeyDictionary()  # doc -> PCA'd states (tokens x dims)
_MEMO: WeakKeyDictionary = WeakKeyDictionary()  # doc -> {id(net): probs}
_CUE_DIMS = [32]  # leading PCA dimensions the cue classifier reads (--cue-dims)


def attach(docs, states, mu, proj) -> None:
    """Each document's whitened states, for the patched functions."""
    for d, s in zip(docs, states, strict=True):
        z = ((s.astype(np.float32) - mu) @ proj).astype(np.float32)
        z[np.all(s == 0, axis=1)] = 0.0
        _Z[d] = z


def token_probs(doc, tokens, net):
    """Role probabilities of some tokens (the full document's forward pass, memoised), with the
    state columns when the network's first layer has them."""

    from fullpicture.nlp._tokens import token_arrays
    from fullpicture.nlp.claims._roleprob import forward, role_inputs

    if net is None or not tokens or doc.tensor is None or doc.tensor.shape[0] != len(doc) or len(doc) == 0:
        return None
    memo = _MEMO.setdefault(doc, {})
    p = memo.get(id(net))
    if p is None:
        toks = token_arrays(doc)
        heads = np.asarray(toks.head, dtype=np.int64)
        x = role_inputs(doc.tensor, heads, list(toks.dep), list(toks.pos), net.deps, net.pos)
        extra = net.w1.shape[0] - x.shape[1]
        if extra:
            z = _Z[doc]
            variant = "plus" if extra == 2 * z.shape[1] else "plus4"
            x = np.concatenate([x, state_cols_z(z, heads, variant)], axis=1)
        p = memo[id(net)] = forward((net.w1, net.b1, net.w2, net.b2), x)
    return p[np.asarray(tokens, dtype=np.int64)]


def state_cols_z(z, heads, variant):
    """``roles_cv.state_cols`` on states already whitened."""
    if variant == "plus":
        return np.concatenate([z, z[heads]], axis=1)
    n = len(z)
    pad = np.zeros((1, z.shape[1]), np.float32)
    zp = np.concatenate([pad, z, pad])
    return np.concatenate([z, z[heads], zp[0:n], zp[2 : n + 2]], axis=1)


def cue_vectors(doc, t):
    """The cue classifier's vector columns from the states: cue, subject, object."""
    from fullpicture.nlp.claims._cues import _object, _subject

    z = _Z[doc][:, :_CUE_DIMS[0]]
    zero = np.zeros(z.shape[1], dtype=np.float32)
    s, o = _subject(t), _object(t)
    return [z[t.i], z[s.i] if s is not None else zero, z[o.i] if o is not None else zero]


def patch(cue_states: bool, src_states: bool = False) -> None:
    """Point the claims modules at the functions above."""
    from fullpicture.nlp.claims import _cues, _learned, _source_model

    for m in (_cues, _learned, _source_model):
        m.token_probs = token_probs
    if cue_states:
        _cues._vectors = cue_vectors
    if src_states:
        original = _source_model.rows

        def rows(doc, claims, net, prior=None, keep=None):
            """The chooser's rows with each candidate head's states inserted before the claim columns."""
            per, x = original(doc, claims, net, prior, keep)
            if not len(x):
                return per, x
            z = _Z[doc][:, : _CUE_DIMS[0]]
            heads = [hd for p in per for _, hd in p]
            zs = np.stack([z[h] if 0 <= h < len(z) else np.zeros(z.shape[1], np.float32) for h in heads])
            w = x.shape[1] - _source_model._CLAIM_COLS
            return per, np.hstack([x[:, :w], zs.astype(np.float64), x[:, w:]])

        _source_model.rows = rows


def _pr(res: dict) -> str:
    """Content overlap P/R/F and cue P/R of a result."""
    c, q = res[("content", "overlap")], res[("cue", "exact")]
    return f"  (content overlap P/R/F {c[0]:.2f}/{c[1]:.2f}/{c[2]:.2f}; cue P/R {q[0]:.2f}/{q[1]:.2f})"


def main() -> int:
    """Command line entry point."""
    from roles_cv import load_states
    from scripts import train_cues as tc
    from scripts import train_sources as ts
    from scripts.train_attribution import parsed
    from threadpoolctl import threadpool_limits

    from fullpicture import load_settings
    from fullpicture.nlp.claims._cues import CueModel

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "polnear")
    ap.add_argument("--cue-states", action="store_true")
    ap.add_argument("--cue-dims", type=int, default=32)
    ap.add_argument("--src-states", action="store_true", help="the candidate head's states as chooser columns")
    ap.add_argument("--lam", type=float, default=10.0)
    ap.add_argument("--no-dev", action="store_true")
    ap.add_argument("--states", default="minilm_states", help="states file stem in CACHE (as roles_cv.py --states)")
    args = ap.parse_args()
    patch(args.cue_states, args.src_states)
    _CUE_DIMS[0] = args.cue_dims
    cfg = load_settings().section("claims")
    keep_min, add_min = float(cfg.get("cue_keep_min", 0.0)), float(cfg.get("cue_add_min", 1.0))
    offset = float(cfg.get("source_none_offset", 0.0))
    with np.load(args.folder / "full" / "attribution_roles.npz") as zf:
        mu, proj = zf["mu"], zf["proj"]
    t0 = os.times()
    with threadpool_limits(limits=1):
        items, docs = parsed(args.data, "train", args.cache)
        attach(docs, load_states(args.cache, "train", args.states), mu, proj)
        held = tc.fold_of(len(docs), 2, 0)
        folders = [args.folder / f"fold{f}" for f in (0, 1)]
        exs = [tc.extractor(f) for f in folders]
        recs = [tc.collect(exs[held[k]], d, g) for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True))]
        width = max(r[x].shape[1] for r in recs for x in ("x", "xc") if len(r[x]))
        vdim = min(args.cue_dims, proj.shape[1]) if args.cue_states else docs[0].tensor.shape[1]
        base = width - 3 * vdim
        vec = args.cue_states
        cv = {f: tc.fit_models([r for r, h in zip(recs, held, strict=True) if h != f], args.lam, vec, width, base)
              for f in (0, 1)}
        tag = (" +cue-states" if vec else "") + (" +src-states" if args.src_states else "")
        dims = f" (dims {args.cue_dims})" if vec or args.src_states else ""
        print(f"{args.folder.name}{tag}{dims}: train 2-fold CV", flush=True)
        print("  tagger alone:      " + tc.line(tc.score(recs, None, 0, 1)), flush=True)
        print("  with the cues:     " + tc.line(tc.cv_score(recs, held, cv, keep_min, add_min)), flush=True)
        fold_cues = []
        for f in (0, 1):
            m = cv[f]
            part = {p: (m[p]["mu"], m[p]["sd"], m[p]["w"], float(m[p]["b"])) for p in ("keep", "add")}
            fold_cues.append(CueModel(part["keep"], part["add"], vec))
        sx = [ts.extractor(f) for f in folders]
        for f in (0, 1):
            sx[f].cues = fold_cues[f]
        srecs = [ts.collect(sx[held[k]], d, g) for k, (d, (_, _, g)) in enumerate(zip(docs, items, strict=True))]
        models = {f: ts.fit_all([r for r, h in zip(srecs, held, strict=True) if h != f], args.lam) for f in (0, 1)}
        print(f"  chooser {offset:+.1f}:     " + ts.line(ts.prf(ts.cv_counts(srecs, held, models, offset))), flush=True)
        pc = tc.prf(ts.cv_counts(srecs, held, models, offset))
        print(_pr(pc), flush=True)
        t1 = os.times()
        print(f"  train CPU {t1.user + t1.system - t0.user - t0.system:.0f} s", flush=True)
        if args.no_dev:
            return 0
        full = tc.fit_models(recs, args.lam, vec, width, base)
        part = {p: (full[p]["mu"], full[p]["sd"], full[p]["w"], float(full[p]["b"])) for p in ("keep", "add")}
        chooser = ts.fit_all(srecs, args.lam)
        dev_items, dev_docs = parsed(args.data, "dev", args.cache)
        attach(dev_docs, load_states(args.cache, "dev", args.states), mu, proj)
        ex = ts.extractor(args.folder / "full")
        ex.cues = CueModel(part["keep"], part["add"], vec)
        dev = [ts.collect(ex, d, g) for d, (_, _, g) in zip(dev_docs, dev_items, strict=True)]
        res = ts.prf(ts.counts(dev, chooser, offset))
        print("  dev:               " + ts.line(res), flush=True)
        print(_pr(res), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
