"""Document similarity (tf-idf cosine) and story clustering of documents.

Used as the document-level signal of event coreference and, when enabled, as the first
blocking level (documents about different stories never share an event).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

import numpy as np

from fullpicture.align._util import STOPWORDS, words


def tfidf_vectors(texts: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """Sparse unit tf-idf vectors (sublinear tf, smoothed idf) of each document."""
    bags = {
        d: Counter(w for w in words(t) if len(w) > 2 and w not in STOPWORDS and not w.isdigit())
        for d, t in texts.items()
    }
    df: Counter[str] = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    n = len(bags)
    out = {}
    for d, bag in bags.items():
        v = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w]) + 1) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out[d] = {w: x / norm for w, x in v.items()}
    return out


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def cluster_documents(
    vecs: Mapping[str, Mapping[str, float]], threshold: float
) -> dict[str, int]:
    """Average-link clustering of documents; returns document -> cluster number.

    Quadratic in the number of documents given (call it per topic or per time window).
    """
    ids = sorted(vecs)
    sim = np.array([[cosine(vecs[a], vecs[b]) for b in ids] for a in ids]) if ids else np.zeros((0, 0))
    clusters = [[i] for i in range(len(ids))]
    while len(clusters) > 1:
        best, bi, bj = -1.0, -1, -1
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                s = float(sim[np.ix_(clusters[i], clusters[j])].mean())
                if s > best:
                    best, bi, bj = s, i, j
        if best < threshold:
            break
        clusters[bi] += clusters.pop(bj)
    return {ids[i]: c for c, members in enumerate(clusters) for i in members}
