"""Word clusters of the Navec embeddings for the Russian entity CRF (``russian_learned``).

    python scripts/build_ru_clusters.py            # writes src/fullpicture/data/models/ru_clusters.npz

Source: ``navec_news_v1_1B_250K_300d_100q.tar`` inside the pinned ``natasha==1.6.0`` wheel (MIT;
the same embeddings Slovnet's NER reads; nothing is downloaded). Each of Navec's 250,002 rows
(its vocabulary is lowercase) is unpacked from the product quantisation and L2-normalised;
plain k-means (Lloyd, fixed seed 0, 15 iterations, starting from distinct random rows) runs on
the ``--sample`` most frequent words for each size in ``--sizes``; then every row gets the
index of its nearest centre. The ``.npz`` holds one integer array per size, indexed by Navec
id (``k64``, ``k256``, ``k1024``), and the sha256 of the Navec file it was built from (the
loader refuses a Navec whose sha256 differs: the ids would not match). Member dates are fixed,
so the bytes are the same on every run in one environment.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import time
from pathlib import Path

import numpy as np
from build_static_minilm import write_npz  # the same fixed-date .npz writer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

OUT = ROOT / "src" / "fullpicture" / "data" / "models" / "ru_clusters.npz"


def kmeans(x: np.ndarray, k: int, seed: int = 0, iters: int = 15) -> np.ndarray:
    """Plain k-means (Lloyd) from k distinct random rows, fixed seed and iteration count."""
    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iters):
        a = nearest(x, c)
        sums = np.zeros_like(c)
        np.add.at(sums, a, x)
        counts = np.bincount(a, minlength=k)
        keep = counts > 0
        c[keep] = sums[keep] / counts[keep, None]
    return c


def nearest(x: np.ndarray, c: np.ndarray, chunk: int = 20000) -> np.ndarray:
    """Index of each row's nearest centre (squared Euclidean), in chunks."""
    cc = (c * c).sum(1)[None]
    return np.concatenate([(cc - 2 * x[i : i + chunk] @ c.T).argmin(1) for i in range(0, len(x), chunk)])


def main() -> None:
    """Cluster Navec's rows and write the cluster ids."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="64,256,1024")
    ap.add_argument("--sample", type=int, default=100_000, help="cluster the N most frequent words")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    from fullpicture.nlp.lang.russian import navec as load_navec
    from fullpicture.nlp.lang.russian import navec_path

    t0 = time.process_time()
    path = navec_path()
    navec = load_navec()
    x = navec.pq.unpack().astype(np.float32)
    x /= np.clip(np.linalg.norm(x, axis=1, keepdims=True), 1e-12, None)
    counts = np.asarray(navec.vocab.counts)
    top = np.sort(np.argsort(-counts, kind="stable")[: args.sample])
    arrays: dict[str, np.ndarray] = {}
    for k in (int(s) for s in args.sizes.split(",")):
        c = kmeans(x[top], k)
        arrays[f"k{k}"] = nearest(x, c).astype(np.uint8 if k <= 256 else np.uint16)
        print(f"k={k}: {time.process_time() - t0:.0f} CPU s", flush=True)
    arrays["navec_sha256"] = np.frombuffer(hashlib.sha256(path.read_bytes()).hexdigest().encode(), dtype=np.uint8)
    buf = io.BytesIO()
    write_npz(buf, arrays)
    args.out.write_bytes(buf.getvalue())
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes) sha256 {hashlib.sha256(buf.getvalue()).hexdigest()}")


if __name__ == "__main__":
    main()
