"""Static sentence vectors distilled from all-MiniLM-L6-v2: a table of one vector per word-piece
(``data/models/minilm/static.npz``, built by ``scripts/build_static_minilm.py``; origin,
licence and checksum in ``data/models/README.md``). A sentence's vector is the mean of its
pieces' rows (MiniLM's tokenizer, the same truncation), L2-normalised: about 0.2 ms a
sentence instead of MiniLM's ~8 ms, and the same on every machine and in every batch.

Its cosines run on another scale than MiniLM's, so thresholds that compare them have their
own settings (``[align] claim_*_similarity_static``). Vectors are computed, never stored: the
table look-up is cheaper than reading a stored vector back.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from fullpicture._errors import ConfigError

STATIC_SHA256 = "cb7adab4e86b184b88f45769b90a4675732d2260fe1cf3bd9d1f84c0cb93e65b"


def static_path() -> Path:
    """The shipped table of piece vectors."""
    from importlib import resources

    return Path(str(resources.files("fullpicture").joinpath("data", "models", "minilm", "static.npz")))


class StaticEmbedder:
    """Embed sentences as normalised means of distilled MiniLM piece vectors."""

    def __init__(self, max_tokens: int = 128, path: Path | None = None, sha256: str | None = None) -> None:
        from tokenizers import Tokenizer

        from fullpicture.align._embed import TOKENIZER_SHA256, _tokenizer_path, checked

        path = path or static_path()
        blob = path.read_bytes() if path.is_file() else b""
        digest = hashlib.sha256(blob).hexdigest()
        want = STATIC_SHA256 if sha256 is None else sha256
        if not blob or (want and digest != want):
            raise ConfigError(f"static vectors {path} missing or changed (sha256 {digest[:12]}…); "
                              "reinstall fullpicture")
        with np.load(io.BytesIO(blob)) as z:
            self.table = (z["vectors"].astype(np.float32) * z["scales"][:, None]).astype(np.float32)
            self.meta: dict[str, Any] = json.loads(str(z["meta"].item()))
        self.dim = int(self.table.shape[1])
        tok = Tokenizer.from_file(str(checked(_tokenizer_path(), TOKENIZER_SHA256)))
        tok.no_padding()
        tok.enable_truncation(max_length=max(1, max_tokens - 2))  # MiniLM's [CLS] and [SEP] not counted
        self._tok = tok
        self._dot = tok.token_to_id(".") or 0
        self.model_id = f"static-minilm/{digest}/max{max_tokens}"
        self.encoded = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """``(n, dim)`` float32 unit vectors, one per text (a text without pieces counts as ".")."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        ids = [e.ids or [self._dot] for e in self._tok.encode_batch(list(texts), add_special_tokens=False)]
        lens = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter((i for x in ids for i in x), dtype=np.int64, count=int(lens.sum()))
        starts = np.zeros(len(ids), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        sums = np.add.reduceat(self.table[flat], starts, axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        self.encoded += len(texts)
        return (sums / np.clip(norms, 1e-12, None)).astype(np.float32)

    def embed(self, texts: Sequence[str], cache: Any = None,
              progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        """Like :meth:`~fullpicture.align._embed.CachedEncoder.embed`; ``cache`` is not used
        (computing a vector is cheaper than looking one up)."""
        uniq = list(dict.fromkeys(texts))
        if len(uniq) == len(texts):
            return self.encode(uniq)
        pos = {t: k for k, t in enumerate(uniq)}
        return self.encode(uniq)[[pos[t] for t in texts]]


@functools.lru_cache(maxsize=2)
def get_static(max_tokens: int = 128) -> StaticEmbedder:
    """The process-wide static embedder (the table loads once)."""
    return StaticEmbedder(max_tokens)
