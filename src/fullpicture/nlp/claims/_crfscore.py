"""The CRF's state scores gathered in numpy, decoded by CRFsuite: pycrfsuite without strings.

pycrfsuite spends most of a document's tagging time turning its ~26,000 attribute strings
into C++ strings and looking each up in the model's attribute table. This module reads the
shipped weights once (``read_crf``: the model file's feature table and its attribute and
label tables), maps the strings to row ids with one dict, and sums each token's state scores
in numpy, adding the weights in the token's attribute order as CRFsuite does (its
``state[l] += w * 1.0``; one feature per attribute and label), so the sums are the same
doubles bit for bit.

Viterbi and the marginals stay CRFsuite's own: ``score_model`` builds, in memory, a model
with the shipped transition weights and one attribute per label (``L0``, ``L1`` ...) whose
only feature gives that label weight 1.0. Tagging with each token's seven scores as the
values of those attributes makes CRFsuite's state scores ``0 + 1.0 * s``, the same doubles,
and hence the same labels and marginals as the shipped model on the feature strings.
:class:`ScoreTagger` is built only when the shipped model reads as expected; otherwise the
tagger keeps pycrfsuite on the strings.
"""

from __future__ import annotations

import struct
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np

from fullpicture.nlp.claims._columns import Column

# distinct values a slot's table keeps across documents before it starts afresh (memory only:
# the ids are the same either way)
_TABLE_CAP = 100_000
Slots = Sequence[tuple[str, Sequence[str | None]]]
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")])


@dataclass(frozen=True)
class CrfWeights:
    """A CRFsuite model's labels, attribute names and weights as arrays."""

    labels: list[str]
    attrs: list[str]
    features: np.ndarray  # the FEAT table, in file order (type 0 state, 1 transition)


def _cqdb(raw: bytes, off: int) -> list[str]:
    """The strings of a CQDB chunk at ``off``, by id (from its backward array)."""
    cid, _size, _flag, _order, n, bwd = struct.unpack_from("<4sIIIII", raw, off)
    if cid != b"CQDB":
        raise ValueError("not a CQDB chunk")
    out = []
    for k, o in enumerate(np.frombuffer(raw, "<u4", n, off + bwd).tolist()):
        i, size = struct.unpack_from("<II", raw, off + o)
        if i != k:
            raise ValueError("CQDB ids out of order")
        out.append(raw[off + o + 8 : off + o + 7 + size].decode("utf-8"))
    return out


def read_crf(raw: bytes) -> CrfWeights:
    """Labels, attributes and the feature table of a CRFsuite 1d model file's bytes."""
    magic, _size, kind, _ver, _nf, nl, na, off_f, off_l, off_a, _lr, _ar = struct.unpack_from("<4sI4sIIIIIIIII", raw, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError("not a CRFsuite 1d model")
    cid, _csize, num = struct.unpack_from("<4sII", raw, off_f)
    if cid != b"FEAT":
        raise ValueError("no feature chunk")
    feats = np.frombuffer(raw, _FEATURE, num, off_f + 12).copy()
    labels, attrs = _cqdb(raw, off_l), _cqdb(raw, off_a)
    if len(labels) != nl or len(attrs) != na:
        raise ValueError("table sizes differ from the header")
    return CrfWeights(labels, attrs, feats)


def state_matrix(m: CrfWeights) -> np.ndarray:
    """(attributes + 1) x labels state weights; the last row (unknown attributes) all zero."""
    st = m.features[m.features["type"] == 0]
    pairs = st["src"].astype(np.int64) * len(m.labels) + st["dst"]
    if len(pairs) and np.bincount(pairs).max() > 1:
        raise ValueError("two state features for one attribute and label")
    w = np.zeros((len(m.attrs) + 1, len(m.labels)))
    w[st["src"], st["dst"]] = st["w"]
    return w


def score_model(labels: Sequence[str], trans: dict[tuple[str, str], float]) -> bytes:
    """Bytes of a CRFsuite model over ``labels`` with transition weights ``trans`` (0 where
    absent) and one attribute ``L<k>`` per label k whose feature gives k weight 1.0."""
    import pycrfsuite

    n = len(labels)
    # every label bigram once, labels first seen in order (CRFsuite numbers them so)
    ys = [labels[k] for i in range(n) for j in range(n) for k in (i, j)]
    xs = [{f"L{labels.index(y)}": 1.0} for y in ys]
    tr = pycrfsuite.Trainer(verbose=False)
    tr.append(xs, ys)
    tr.set_params({"max_iterations": 5, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scores.crfsuite"
        tr.train(str(path))
        raw = bytearray(path.read_bytes())
    m = read_crf(bytes(raw))
    if m.labels != list(labels):
        raise ValueError("label order differs")
    off = struct.unpack_from("<I", raw, 28)[0] + 12
    seen: set[tuple[int, int, int]] = set()
    for k, f in enumerate(m.features.tolist()):
        kind, src, dst = f[0], f[1], f[2]
        if kind == 0:
            if m.attrs[src] != f"L{dst}":
                raise ValueError("unexpected state feature")
            w = 1.0
        else:
            w = float(trans.get((labels[src], labels[dst]), 0.0))
        seen.add((kind, src, dst))
        struct.pack_into("<d", raw, off + 20 * k + 12, w)
    if len(seen) != n + n * n:
        raise ValueError("the score model lacks a feature")
    return bytes(raw)


class ScoreTagger:
    """Tags feature-string sequences as pycrfsuite would with the model ``raw``, exactly."""

    def __init__(self, raw: bytes) -> None:
        import pycrfsuite

        m = read_crf(raw)
        self.labels = m.labels
        self.weights = state_matrix(m)
        self.index = {a: k for k, a in enumerate(m.attrs)}
        self.unknown = len(m.attrs)
        tr = m.features[m.features["type"] == 1]
        trans = {(m.labels[s], m.labels[d]): w for s, d, w in zip(tr["src"].tolist(), tr["dst"].tolist(),
                                                                   tr["w"].tolist(), strict=True)}
        self.names = [f"L{k}" for k in range(len(m.labels))]
        self._tables: dict[str, dict[str | None, int]] = {}
        self._raw = score_model(m.labels, trans)
        self.tagger: Any = pycrfsuite.Tagger()
        self.tagger.open_inmemory(self._raw)
        if self.tagger.labels() != m.labels:
            raise ValueError("score model labels differ")

    def scores(self, feats: Sequence[Sequence[str]]) -> np.ndarray:
        """Tokens x labels state scores, each the sum of its attributes' weights in order."""
        out = np.zeros((len(feats), self.weights.shape[1]))
        self._add_lists(out, feats)
        return out

    def block_scores(self, head: Slots, mid: Slots, tail: Slots) -> np.ndarray:
        """The state scores of :meth:`scores` on features given as slots (head, mid and tail:
        :class:`fullpicture.nlp.claims._features.FeatureBlocks`), each slot's distinct values
        looked up once; the same sums in the same order. A :class:`._columns.Column` is
        gathered from its codes (added to its ``rows`` alone where it has them)."""
        n = next((len(v) for _, v in chain(head, mid, tail)), 0)
        out = np.zeros((n, self.weights.shape[1]))
        w = self.weights
        for prefix, values in chain(head, mid, tail):
            if not isinstance(values, Column):
                out += w[self._slot_ids(prefix, values)]
            elif values.rows is None:
                out += w[self._column_ids(prefix, values)]
            elif len(values.rows):
                out[values.rows] += w[self._column_ids(prefix, values)]
        return out

    def _table(self, prefix: str) -> dict[str | None, int]:
        """The value -> row table of ``prefix``, kept across documents (made afresh past
        ``_TABLE_CAP`` values)."""
        table = self._tables.get(prefix)
        if table is None or len(table) > _TABLE_CAP:
            table = self._tables[prefix] = {None: self.unknown}
        return table

    def _column_ids(self, prefix: str, col: Column) -> np.ndarray:
        """Row ids of ``prefix + value`` for each coded value of ``col`` (unknown where the
        code is -1)."""
        table = self._table(prefix)
        names = col.names
        get, unk = self.index.get, self.unknown
        for v in set(names).difference(table):
            table[v] = get(prefix + v, unk)
        rows = np.fromiter(chain(map(table.__getitem__, names), (unk,)), np.intp, len(names) + 1)
        return rows[col.codes]

    def _slot_ids(self, prefix: str, values: Sequence[str | None]) -> np.ndarray:
        """Row ids of ``prefix + value`` for each value (unknown where None)."""
        table = self._table(prefix)
        get, unk = self.index.get, self.unknown
        for v in set(values).difference(table):
            table[v] = get(prefix + v, unk)  # type: ignore[operator]
        return np.fromiter(map(table.__getitem__, values), np.intp, len(values))

    def _add_lists(self, out: np.ndarray, feats: Sequence[Sequence[str]]) -> None:
        """Add each token's attribute weights to its row of ``out``, in the list's order."""
        n = len(feats)
        if n == 0:
            return
        lens = np.fromiter(map(len, feats), np.intp, n)
        flat = np.fromiter(map(self.index.get, chain.from_iterable(feats), repeat(self.unknown)), np.intp,
                           int(lens.sum()))
        # one row per attribute position, unknown (all-zero weights) past a token's last
        ids = np.full((int(lens.max()), n), self.unknown, dtype=np.intp)
        ids.T[np.arange(len(ids)) < lens[:, None]] = flat
        w = self.weights
        for col in ids:  # position by position: each token's weights added in its order
            out += w[col]

    def tag_scores(self, scores: np.ndarray) -> list[str]:
        """Viterbi labels of one sequence given its state scores (then :meth:`marginal` reads
        this sequence)."""
        if scores.shape[1] != 7:
            items = [dict(zip(self.names, row, strict=True)) for row in scores.tolist()]
        else:  # the shipped model's seven labels: a dict display, not a zip per token
            items = [{"L0": a, "L1": b, "L2": c, "L3": d, "L4": e, "L5": f, "L6": g}
                     for a, b, c, d, e, f, g in scores.tolist()]
        return list(self.tagger.tag(items))

    def tag(self, feats: Sequence[Sequence[str]]) -> list[str]:
        """Viterbi labels of one sequence of feature lists, as pycrfsuite's ``tag``."""
        return self.tag_scores(self.scores(feats))

    def marginal(self, label: str, t: int) -> float:
        """Marginal probability of ``label`` at position ``t`` of the last tagged sequence."""
        return float(self.tagger.marginal(label, t))
