"""Learned loaded-language detector: a token logistic model over spaCy features, two sentiment
lexicons and the parse's tok2vec tensor.

Trained on BASIL's visible lexical-bias (``lex``) spans by ``scripts/train_loaded.py``
(``make train``), cross-validated by triplet. The weights ship as ``data/models/loaded.npz``
(one weight per sparse feature, a dense vector over the 96-dimensional tensor, a bias): a
token's probability is the logistic of their sum, so the detector reads NumPy arrays only.
Candidate tokens at or above the threshold form spans (a hyphen between two joins them; a
short quotation holding one is taken whole, marks included); each span is a
``loaded_language`` cue whose confidence is its highest token probability. The lexicons stay
the source of counter-terms and naming. Static word vectors are used at training time only:
their learned weights are folded into each lemma's ``l=`` feature weight, so nothing here
reads vectors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache, reduce
from importlib import resources
from itertools import repeat
from operator import add
from typing import Any

from spacy.tokens import Doc

from fullpicture.models import FramingCue
from fullpicture.nlp._doctext import doc_text
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.framing._loaded_features import quotations
from fullpicture.nlp.framing._loaded_score import PrefixWeights, weighted_sums

MODEL_FILE = "loaded.npz"
CATEGORY = "loaded_language"
QUOTE_MAX_WORDS = 3  # default of ``[framing] loaded_quote_max_words``


def model_path() -> str | None:
    """Path of the shipped weights, or None when they are missing."""
    ref = resources.files("fullpicture") / "data" / "models" / MODEL_FILE
    return str(ref) if ref.is_file() else None


@lru_cache(maxsize=4)
def _load(path: str) -> LoadedModel:
    return LoadedModel(path)


class LoadedModel:
    """Logistic weights: sparse feature weights, a dense vector over the tensor, a bias."""

    def __init__(self, path: str) -> None:
        import numpy as np

        data = np.load(path, allow_pickle=False)
        self._names = data["attrs"]
        self.weights = data["weights"].astype(np.float64)
        # each name's weight (a repeated name: its last, as the index says), in the index's order
        self._weights = PrefixWeights(zip(self._names.tolist(), self.weights.tolist(), strict=True))
        self.dense = data["dense"].astype(np.float64)
        self.bias = float(data["bias"])

    @cached_property
    def index(self) -> dict[str, int]:
        """Feature name -> its column (a repeated name: its last), made on first use."""
        names: list[str] = self._names.tolist()  # Python strings, read in one call
        return dict(zip(names, range(len(names)), strict=True))

    @cached_property
    def _wlist(self) -> list[float]:
        """The weights as Python floats (the per-token sums' values), made on first use."""
        return list(self.weights.tolist())

    def weights_cache(self) -> dict[Any, Any]:
        """The weights' cache of feature weights made on first use (a cache only)."""
        return self._weights.cache

    def probabilities(self, doc: Doc, evaluative: frozenset[str], lexicon: Sequence[FramingCue] = ()) -> list[float]:
        """P(token is loaded) for every token (0 for punctuation and space)."""
        import numpy as np

        out = np.zeros(len(doc))
        idx, sums = weighted_sums(doc, self._weights, evaluative, lexicon)  # token_features' sums, bit for bit
        if not idx:
            return out.tolist()
        rows = np.array(idx)
        z = np.array(sums, dtype=np.float64)
        tensor = doc.tensor
        if tensor is not None and tensor.shape == (len(doc), self.dense.shape[0]):
            z += tensor[rows] @ self.dense
        out[rows] = 1.0 / (1.0 + np.exp(-(z + self.bias)))
        return out.tolist()


def _total(weight: Callable[[str, float], float], feats: list[str]) -> float:
    """The summed weights of the known features, added left to right (as ``sum`` of numpy
    scalars did; ``sum`` of floats compensates rounding since Python 3.12). An unknown
    feature adds 0.0, which leaves any sum as it is (``x + 0.0 == x``); ``reduce`` runs the
    same additions in the same order as a loop, without a bytecode step per feature."""
    return reduce(add, map(weight, feats, repeat(0.0)), 0)


def decode(doc: Doc, probs: Sequence[float], threshold: float, quote_max: int = QUOTE_MAX_WORDS) -> list[tuple[int, int, float]]:
    """Spans (start token, end token, confidence) of tokens at or above ``threshold``.

    A hyphen between two predicted tokens joins them; a quotation of at most ``quote_max``
    words holding a predicted token is taken whole, its marks included (a scare quote).
    """
    n = len(doc)
    toks = token_arrays(doc)  # token attributes as lists: no Token object per token
    punct, space, text = toks.is_punct, toks.is_space, toks.text
    pred = [probs[i] >= threshold and not (punct[i] or space[i]) for i in range(n)]
    for i in range(1, n - 1):
        if pred[i - 1] and pred[i + 1] and text[i] in ("-", "–"):
            pred[i] = True
    score = list(probs)
    for qs, qe in quotations(doc_text(doc)):
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None:
            continue
        start, end = span.start, span.end
        if not any(pred[start:end]):
            continue
        if 0 < sum(toks.is_alpha[start:end]) <= quote_max:
            top = max(probs[start:end])
            for i in range(start, end):
                if not space[i]:
                    pred[i] = True
                    score[i] = top
    out: list[tuple[int, int, float]] = []
    i = 0
    while i < n:
        if not pred[i]:
            i += 1
            continue
        j = i + 1
        while j < n and pred[j]:
            j += 1
        out.append((i, j, max(score[i:j])))
        i = j
    return out


class LoadedLanguageTagger:
    """Finds loaded word choices in a parsed Doc; build once, call per document."""

    def __init__(self, evaluative: frozenset[str] = frozenset(), threshold: float = 0.5, path: str | None = None,
                 quote_max: int = QUOTE_MAX_WORDS) -> None:
        self.path = path or model_path()
        self.evaluative = evaluative
        self.threshold = threshold
        self.quote_max = quote_max

    def probabilities(self, doc: Doc, lexicon: Sequence[FramingCue] = ()) -> list[float]:
        """P(token is inside a loaded span) for every token."""
        if self.path is None or len(doc) == 0:
            return [0.0] * len(doc)
        return _load(self.path).probabilities(doc, self.evaluative, lexicon)

    def cache(self) -> dict[Any, Any] | None:
        """The model's weight cache (:attr:`~fullpicture.nlp.framing._loaded_score.PrefixWeights.cache`),
        None without a model file."""
        return _load(self.path).weights_cache() if self.path is not None else None

    def cues(self, doc: Doc, lexicon: Sequence[FramingCue] = ()) -> list[FramingCue]:
        """``loaded_language`` cues with their confidence (all at least ``threshold``)."""
        probs = self.probabilities(doc, lexicon)
        text = doc_text(doc)
        # a name the lexicons record as one side's naming choice ("Leposavić") is counted apart, as
        # naming, never as the writer's loaded word
        names = [(c.start, c.end) for c in lexicon if c.category == "naming"]
        out = []
        toks = token_arrays(doc)
        for i, j, p in decode(doc, probs, self.threshold, self.quote_max):
            s, e = toks.idx[i], toks.idx[j - 1] + len(toks.text[j - 1])
            if any(ns <= s and e <= ne for ns, ne in names):
                continue
            out.append(FramingCue(start=s, end=e, text=text[s:e], category=CATEGORY, subcategory="learned",
                                  confidence=round(float(p), 3)))
        return out


def save(path: str, attrs: Sequence[str], weights: Any, dense: Any, bias: float) -> None:
    """Write the weights in the ``.npz`` layout :class:`LoadedModel` reads (float32)."""
    import numpy as np

    np.savez_compressed(path, attrs=np.array(list(attrs)), weights=np.asarray(weights, dtype=np.float32),
                        dense=np.asarray(dense, dtype=np.float32), bias=np.float32(bias))
