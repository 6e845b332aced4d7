"""Learned loaded-language detector: a CRF over spaCy features and its tok2vec tensor.

Trained on BASIL's visible lexical-bias (``lex``) spans by ``scripts/train_loaded.py``
(``make train``), cross-validated by triplet. The weights ship as
``data/models/loaded.npz`` (the CRF's weights, exported: at run time each token's
label scores are its sparse weights plus tensor @ dense, and a forward-backward pass over
the three labels gives the marginals, so the detector costs a few milliseconds per document). Emits ``loaded_language`` cues with the mean token
marginal as confidence. The lexicons stay the source of counter-terms and naming.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from fullpicture.models import FramingCue

MODEL_FILE = "loaded.npz"
CATEGORY = "loaded_language"
_QUOTE_CHARS = "“”\"«»"


def model_path() -> str | None:
    """Path of the shipped weights, or None when they are missing."""
    ref = resources.files("fullpicture") / "data" / "models" / MODEL_FILE
    return str(ref) if ref.is_file() else None


@lru_cache(maxsize=4)
def _load(path: str) -> LoadedModel:
    return LoadedModel(path)


def _in_quotes(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    opened = -1
    for k, ch in enumerate(text):
        if ch in "“«" or (ch == '"' and opened < 0):
            opened = k
        elif ch in "”»\"" and opened >= 0:
            out.append((opened, k + 1))
            opened = -1
        elif ch == "\n":
            opened = -1
    return out


def _clean(word: str) -> str:
    """A word safe inside a CRFsuite attribute name (no whitespace)."""
    return "".join("_" if ch.isspace() else ch for ch in word) if not word.isalnum() else word


def doc_features(
    doc: Doc, evaluative: frozenset[str] = frozenset(), lexicon: Sequence[FramingCue] = ()
) -> list[list[str]]:
    """Sparse indicator features of every token (the tok2vec tensor is added separately).

    ``lexicon``: the framing lexicon's cues on this document; a token inside one gets its
    category as a feature.
    """
    text = doc.text
    n = len(doc)
    lexcat: dict[int, str] = {}
    for c in lexicon:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                lexcat[t.i] = c.category
    qlen = [0] * n
    for qs, qe in _in_quotes(text):
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is not None:
            words = sum(1 for t in span if t.is_alpha)
            for t in span:
                qlen[t.i] = words
    lowers = [_clean(t.lower_) for t in doc]
    lemmas = [_clean(t.lemma_.lower()) for t in doc]
    pos = [t.pos_ for t in doc]
    out: list[list[str]] = []
    for t in doc:
        i = t.i
        low = lowers[i]
        f = ["b", "w=" + low, "l=" + lemmas[i], "p=" + pos[i], "t=" + t.tag_, "d=" + t.dep_,
             "s3=" + low[-3:], "hp=" + t.head.pos_ + "|" + t.dep_]
        if qlen[i]:
            f.append("q")
            f.append("ql=" + str(min(qlen[i], 6)))
        if i in lexcat:
            f.append("lex")
            f.append("lex=" + lexcat[i])
        if lemmas[i] in evaluative or low in evaluative:
            f.append("eval")
        if t.ent_type_:
            f.append("ent")
        if t.is_title and i > 0 and not t.is_sent_start:
            f.append("title")
        if low.endswith("ly") and pos[i] == "ADV":
            f.append("lyadv")
        if "-" in low or (i + 1 < n and doc[i + 1].text == "-"):
            f.append("hyph")
        if i > 0:
            f.append("-1l=" + lemmas[i - 1])
            f.append("-1p=" + pos[i - 1])
        if i + 1 < n:
            f.append("1l=" + lemmas[i + 1])
            f.append("1p=" + pos[i + 1])
        out.append(f)
    return out


def crf_items(
    doc: Doc, evaluative: frozenset[str] = frozenset(), lexicon: Sequence[FramingCue] = ()
) -> list[dict[str, float]]:
    """Training items for CRFsuite: the sparse features plus the tensor dimensions."""
    tensor = doc.tensor
    out = []
    for k, f in enumerate(doc_features(doc, evaluative, lexicon)):
        d = dict.fromkeys(f, 1.0)
        for j, v in enumerate(tensor[k]):
            d[f"v{j}"] = float(v)
        out.append(d)
    return out


class LoadedModel:
    """Exported CRF state weights: sparse attribute rows, a dense matrix over the tensor."""

    def __init__(self, path: str) -> None:
        import numpy as np

        data = np.load(path, allow_pickle=False)
        self.labels = [str(x) for x in data["labels"]]
        self.index = {str(a): k for k, a in enumerate(data["attrs"])}
        self.sparse = data["sparse"]
        self.dense = data["dense"]
        self.trans = np.exp(data["trans"]).tolist()
        self.positive = [k for k, lab in enumerate(self.labels) if lab != "O"]

    def probabilities(self, doc: Doc, evaluative: frozenset[str], lexicon: Sequence[FramingCue] = ()) -> list[float]:
        """Per-token P(loaded): the CRF's marginals (state scores, transitions, forward-backward)."""
        import numpy as np

        feats = doc_features(doc, evaluative, lexicon)
        idx = self.index
        tok: list[int] = []
        att: list[int] = []
        for k, f in enumerate(feats):
            for a in f:
                j = idx.get(a)
                if j is not None:
                    tok.append(k)
                    att.append(j)
        scores = np.zeros((len(feats), len(self.labels)))
        if tok:
            np.add.at(scores, np.array(tok), self.sparse[np.array(att)])
        tensor = doc.tensor
        if tensor is not None and tensor.shape[0] == len(feats) and tensor.shape[1] == self.dense.shape[0]:
            scores += tensor @ self.dense
        scores -= scores.max(axis=1, keepdims=True)
        psi = np.exp(scores).tolist()
        return self._marginals(psi)

    def _marginals(self, psi: list[list[float]]) -> list[float]:
        """Forward-backward (scaled, linear space) over the chain; P(positive label) per token."""
        n = len(psi)
        if n == 0:
            return []
        labels = range(len(self.labels))
        tr = self.trans
        alpha = [psi[0]]
        for t in range(1, n):
            prev = alpha[-1]
            row = [sum(prev[a] * tr[a][b] for a in labels) * psi[t][b] for b in labels]
            z = sum(row) or 1.0
            alpha.append([x / z for x in row])
        beta: list[list[float]] = [[1.0] * len(labels) for _ in range(n)]
        for t in range(n - 2, -1, -1):
            nxt = [psi[t + 1][b] * beta[t + 1][b] for b in labels]
            row = [sum(tr[a][b] * nxt[b] for b in labels) for a in labels]
            z = sum(row) or 1.0
            beta[t] = [x / z for x in row]
        out = []
        for t in range(n):
            m = [alpha[t][k] * beta[t][k] for k in labels]
            z = sum(m) or 1.0
            out.append(sum(m[k] for k in self.positive) / z)
        return out


def export(crf_path: str, out_path: str, dims: int = 96) -> None:
    """Write a CRFsuite model's state weights as the compact ``.npz`` the runtime reads."""
    import numpy as np
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(crf_path)
    info = tagger.info()
    labels = sorted(info.labels)
    col = {lab: k for k, lab in enumerate(labels)}
    dense = np.zeros((dims, len(labels)), dtype=np.float32)
    sparse_w: dict[str, list[float]] = {}
    for (attr, lab), w in info.state_features.items():
        if attr.startswith("v") and attr[1:].isdigit():
            dense[int(attr[1:]), col[lab]] = w
        else:
            sparse_w.setdefault(attr, [0.0] * len(labels))[col[lab]] = w
    attrs = sorted(sparse_w)
    trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), w in info.transitions.items():
        trans[col[a], col[b]] = w
    np.savez_compressed(
        out_path, labels=np.array(labels), attrs=np.array(attrs), trans=trans,
        sparse=np.array([sparse_w[a] for a in attrs], dtype=np.float32).reshape(len(attrs), len(labels)),
        dense=dense,
    )


def spans_from(doc: Doc, probs: list[float], threshold: float) -> list[tuple[int, int, float]]:
    """Token runs whose loaded probability is at least ``threshold``: (i, j, mean prob)."""
    out: list[tuple[int, int, float]] = []
    i, n = 0, len(doc)
    while i < n:
        if probs[i] < threshold or doc[i].is_space or doc[i].is_punct and doc[i].text not in _QUOTE_CHARS:
            i += 1
            continue
        j = i + 1
        while j < n and probs[j] >= threshold and not doc[j].is_space:
            j += 1
        out.append((i, j, sum(probs[i:j]) / (j - i)))
        i = j
    return out


class LoadedLanguageTagger:
    """Finds loaded word choices in a parsed Doc; build once, call per document."""

    def __init__(self, evaluative: frozenset[str] = frozenset(), threshold: float = 0.5, path: str | None = None) -> None:
        self.path = path or model_path()
        self.evaluative = evaluative
        self.threshold = threshold

    def probabilities(self, doc: Doc, lexicon: Sequence[FramingCue] = ()) -> list[float]:
        """P(token is inside a loaded span) for every token."""
        if self.path is None or len(doc) == 0:
            return [0.0] * len(doc)
        return _load(self.path).probabilities(doc, self.evaluative, lexicon)

    def cues(self, doc: Doc, lexicon: Sequence[FramingCue] = ()) -> list[FramingCue]:
        """``loaded_language`` cues with their confidence (all at least ``threshold``)."""
        probs = self.probabilities(doc, lexicon)
        text = doc.text
        out = []
        for i, j, p in spans_from(doc, probs, self.threshold):
            s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
            out.append(FramingCue(start=s, end=e, text=text[s:e], category=CATEGORY, subcategory="learned",
                                  confidence=round(p, 3)))
        return out
