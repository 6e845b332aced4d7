"""Cross-document event coreference: blocking, pair scoring, average-link clustering.

The engine works on :class:`MentionFeatures`, built from analyses (``_eventfeat``) or
from a benchmark (``eval/ecbplus.py``), so the evaluated code is the shipped code.

* Blocking: each mention joins a few blocks (type family x date bucket, x trigger lemma,
  x place). Small blocks are compared all-pairs; blocks larger than ``max_block`` are
  sorted by date and compared within a sliding window of ``neighbourhood`` mentions, so
  the number of candidate pairs grows near-linearly with the number of mentions.
* Score (``_eventpairs``): a logistic model over features (lemma identity, trigger and sentence
  similarity, document similarity, type, date compatibility, place, participants).
* Clustering (``_linking``): greedy average-link merging over the candidate pairs (descending
  score), the pairs a merge must score fetched ahead in batches.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from fullpicture.align._blocking import candidate_pairs, scored_pairs
from fullpicture.align._causeapart import told_apart
from fullpicture.align._datedapart import dated_apart, merged
from fullpicture.align._eventpairs import (  # noqa: F401  (re-exported: the engine's API)
    FEATURES,
    MentionFeatures,
    PairScorer,
    Vectors,
    pair_features,
    value_ids,
    weights,
)
from fullpicture.align._linking import average_link as _average_link
from fullpicture.align._util import gc_paused


def cluster(
    feats: Sequence[MentionFeatures],
    cfg: dict[str, Any],
    vec: Vectors | None = None,
    pairs: np.ndarray | None = None,
    scored: list[tuple[np.ndarray, np.ndarray]] | None = None,
) -> tuple[list[int], dict[str, int]]:
    """Cluster mentions; returns (cluster label per mention, statistics). ``scored``: when a
    list, the candidate pairs at the threshold or above and their probabilities are appended
    (and, with ``incident_join_placed_gate``, the pairs of happenings the story gate cut at
    ``story_gate_placed`` or more alike, with their probabilities without the gate)."""
    with gc_paused(bool(cfg.get("gc_pause", False))):
        return _cluster(feats, cfg, vec, pairs, scored)


def _cluster(feats: Sequence[MentionFeatures], cfg: dict[str, Any], vec: Vectors | None,
             pairs: np.ndarray | None, scored: list[tuple[np.ndarray, np.ndarray]] | None
             ) -> tuple[list[int], dict[str, int]]:
    """:func:`cluster` (the collector paused or not)."""
    n = len(feats)
    if pairs is None:
        pairs = candidate_pairs(feats, cfg)
    scorer = PairScorer(feats, cfg, vec)
    if scored is not None and cfg.get("incident_join_placed_gate", False):
        scorer.cut_pairs = []
    thr = float(cfg.get("threshold", 0.5))
    max_link = int(cfg.get("max_link_pairs", 400))
    n_candidates = len(pairs)
    # scored in chunks (memory stays bounded); only pairs at the threshold or above matter
    pairs, probs = scored_pairs(scorer, pairs, thr, int(cfg.get("score_chunk_pairs", 1_000_000)))
    if scored is not None:
        scored.append((pairs, probs))
    # in a comparison across languages only (``vec.lang`` set): on one language (ECB+, BASIL) it
    # costs more than it gives (docs/benchmarks/incidents.md, session 20)
    doc = scorer.doc if cfg.get("link_by_document_pair", False) and scorer.vec.lang is not None else None
    own = bool(cfg.get("link_own_document_pairs", True))
    apart = told_apart(feats) if cfg.get("link_cause_apart", False) else None
    apart = merged(apart, dated_apart(feats, cfg))
    labels, extra = _average_link(scorer, n, pairs, probs, thr, max_link, doc=doc, own=own, apart=apart)
    if scored is not None and scorer.cut_pairs:
        scored.append((np.concatenate([c[0] for c in scorer.cut_pairs]),
                       np.concatenate([c[1] for c in scorer.cut_pairs])))
    stats = {"mentions": n, "candidate_pairs": int(n_candidates), "extra_pairs": extra}
    return labels, stats


def sigmoid(x: float) -> float:
    """The logistic function."""
    return 1.0 / (1.0 + math.exp(-x))
