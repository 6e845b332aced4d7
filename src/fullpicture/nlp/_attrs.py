"""spaCy's attribute ruler with its patterns read from token arrays: the same attributes, less time.

The English model's ``attribute_ruler`` (179 patterns: the tag map that gives every token its
POS and morphology, plus lemma and POS exceptions) runs a ``Matcher`` over every token of every
document and then sets each match's attributes token by token: about 13 % of the model's own
time on news text, as much as the parser. :class:`ArrayAttributeRuler` applies the same patterns
with numpy over ``doc.to_array`` and writes the results with one ``doc.from_array``:

* a pattern matches where all its token predicates hold (equality, ``IN``, ``NOT_IN``,
  ``REGEX`` on the attributes in :data:`_ATTRS`), at consecutive tokens for a longer pattern,
  as the ``Matcher`` would find it;
* the attributes of pattern *i* are written to the token at its ``index``, patterns in the
  order the ruler sorts its matches (by pattern number), so that a later pattern overrides an
  earlier one, as :meth:`AttributeRuler.set_annotations` does;
* a pattern set it cannot read this way (an operator such as ``OP``, another attribute, an
  extension) is applied by spaCy's own ruler, built from the same patterns.

``pipeline.parse_pipeline`` makes the model's ruler one (``[pipeline] array_attributes``);
``tests/test_attrs.py`` checks it against spaCy's ruler token by token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.util import minibatch

#: Token attributes a pattern may test here (read with ``doc.to_array``).
_ATTRS = ("ORTH", "TEXT", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE", "IS_PUNCT", "IS_ALPHA",
          "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "LIKE_NUM")
#: Attributes the ruler may write (``from_array`` sets each on the token only, as spaCy's
#: ``set_token_attrs`` does for these).
_WRITABLE = (POS, TAG, DEP, LEMMA, MORPH)


class _Rule:
    """One pattern of one ruler entry: per token position its predicates; the target token."""

    def __init__(self, preds: list[list[tuple[int, str, Any]]], index: int, attrs: dict[int, int]) -> None:
        self.preds = preds
        self.index = index
        self.attrs = attrs
        # the values the pattern's tokens must have: a document without one of them has no match
        self.needs = [(attr, operand) for row in preds for attr, kind, operand in row if kind == "EQ"]


def _predicate(vocab: Any, attr: int, value: Any) -> tuple[int, str, Any] | None:
    """(attribute, kind, operand) of one pattern key, or None when it cannot be read from arrays."""
    if isinstance(value, dict):
        if len(value) != 1:
            return None
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str | int) for v in arg):
            return attr, op, np.array(sorted({vocab.strings.add(v) if isinstance(v, str) else int(v) for v in arg}),
                                      dtype=np.uint64)
        if op == "REGEX" and isinstance(arg, str):
            return attr, "REGEX", re.compile(arg)
        return None
    if isinstance(value, bool):
        return attr, "EQ", int(value)
    if isinstance(value, str):
        return attr, "EQ", vocab.strings.add(value)
    if isinstance(value, int):
        return attr, "EQ", value
    return None


def _compile(ruler: AttributeRuler) -> list[_Rule] | None:
    """The ruler's patterns as :class:`_Rule` objects in match-sorting order, or None when one
    of them needs spaCy's Matcher."""
    rules: list[_Rule] = []
    for i, attrs in enumerate(ruler.attrs):
        if any(k not in _WRITABLE for k in attrs):
            return None
        _, patterns = ruler.matcher.get(str(i))
        for pattern in patterns:
            if not pattern:
                return None
            preds: list[list[tuple[int, str, Any]]] = []
            for tok in pattern:
                row = []
                for key, value in tok.items():
                    name = str(key).upper()
                    if name not in _ATTRS:
                        return None
                    pred = _predicate(ruler.vocab, IDS["ORTH" if name == "TEXT" else name], value)
                    if pred is None:
                        return None
                    row.append(pred)
                preds.append(row)
            index = ruler.indices[i]
            index = index + len(preds) if index < 0 else index
            if not 0 <= index < len(preds):
                return None  # spaCy raises on this; let it
            rules.append(_Rule(preds, index, dict(attrs)))
    return rules


class _Table:
    """Consecutive one-token patterns that each test one attribute for one value (the tag map:
    ``{"TAG": "NNS"}`` -> POS NOUN, Number=Plur): a token has one value, so at most one of them
    matches it, and they are applied at once through a look-up of the document's values."""

    def __init__(self, attr: int, rules: list[_Rule]) -> None:
        self.attr = attr
        self.by_value: dict[int, dict[int, int]] = {}
        for rule in rules:  # a later pattern for the same value overrides, as in the ruler
            self.by_value.setdefault(rule.preds[0][0][2], {}).update(rule.attrs)


def _plan(rules: list[_Rule]) -> list[_Rule | _Table]:
    """The rules in order, runs of tag-map-like rules (:class:`_Table`) grouped."""
    def simple(r: _Rule) -> int | None:
        if len(r.preds) == 1 and len(r.preds[0]) == 1 and r.preds[0][0][1] == "EQ":
            return r.preds[0][0][0]
        return None

    plan: list[_Rule | _Table] = []
    run: list[_Rule] = []
    for rule in [*rules, None]:
        attr = simple(rule) if rule is not None else None
        if run and (attr is None or attr != simple(run[0])):
            plan.append(_Table(simple(run[0]) or 0, run) if len(run) > 1 else run[0])
            run = []
        if rule is None:
            break
        if attr is None:
            plan.append(rule)
        else:
            run.append(rule)
    return plan


class ArrayAttributeRuler(AttributeRuler):
    """``attribute_ruler`` applied from token arrays (see the module docstring). The patterns
    and everything else are spaCy's ruler's (a saved pipeline reloads as spaCy's ruler)."""

    def _compiled(self) -> tuple[list[_Rule | _Table], list[int | str], dict[int, int], list[int | str],
                                 dict[int, int]] | None:
        """The plan of the current patterns, the attributes read and written, or None."""
        key = (id(self.matcher), len(self.attrs))
        cached = self.__dict__.get("_fp_compiled")
        if cached is None or cached[0] != key:
            rules = _compile(self)
            if rules is None:
                cached = (key, None)
            else:
                read: list[int | str] = sorted({attr for r in rules for row in r.preds for attr, _, _ in row})
                written: list[int | str] = [a for a in _WRITABLE if any(a in r.attrs for r in rules)]
                cached = (key, (_plan(rules), read, {int(a): k for k, a in enumerate(read)},
                                written, {int(a): k for k, a in enumerate(written)}))
            self.__dict__["_fp_compiled"] = cached
        return cached[1]

    def __call__(self, doc: Doc) -> Doc:
        """Set the patterns' attributes on ``doc``."""
        compiled = self._compiled()
        if compiled is None or not len(doc) or not compiled[3]:
            return super().__call__(doc)
        self._apply([doc], compiled)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Set the patterns' attributes on each document of ``stream``, ``batch_size`` at a time:
        each pattern runs once over the batch's arrays joined end to end, and a match of a longer
        pattern that would cross from one document into the next is dropped, so every document
        gets what :meth:`__call__` gives it alone. A batch that fails is done one document at a
        time, as spaCy's ``pipe`` does (errors go to the error handler)."""
        for docs in minibatch(stream, size=max(1, batch_size)):
            compiled = self._compiled()
            vocab = docs[0].vocab
            todo = [d for d in docs if len(d)]
            if compiled is not None and compiled[3] and len(todo) > 1 and all(d.vocab is vocab for d in todo):
                try:
                    self._apply(todo, compiled)
                except Exception:  # noqa: BLE001 - redone one by one below, where errors are handled
                    pass
                else:
                    for doc in docs:
                        yield doc if len(doc) else self(doc)
                    continue
            yield from super().pipe(docs, batch_size=batch_size)

    def _apply(self, docs: list[Doc], compiled: Any) -> None:
        """Apply the compiled patterns to ``docs`` (non-empty, one vocabulary), each document's
        attributes written with one ``from_array`` where they changed."""
        plan, read, self._col, written, self._out_col = compiled
        sizes = [len(d) for d in docs]
        n = sum(sizes)
        if read:
            values = np.concatenate([d.to_array(read).reshape(len(d), -1) for d in docs]) if len(docs) > 1 \
                else docs[0].to_array(read).reshape(n, -1)
        else:
            values = np.zeros((n, 0), dtype=np.uint64)
        out = np.concatenate([d.to_array(written).reshape(len(d), -1) for d in docs]) if len(docs) > 1 \
            else docs[0].to_array(written).reshape(n, -1)
        before = out.copy()
        state = _DocState(docs[0], values, sizes)
        for step in plan:
            if isinstance(step, _Table):
                self._table(step, state, out)
            else:
                self._rule(step, state, out)
        lo = 0
        for doc, size in zip(docs, sizes, strict=True):
            part = out[lo : lo + size]
            if not np.array_equal(part, before[lo : lo + size]):
                doc.from_array(written, np.ascontiguousarray(part))  # type: ignore[arg-type]
            lo += size

    def _table(self, table: _Table, state: _DocState, out: np.ndarray) -> None:
        col = self._col[table.attr]
        present = state.present(col)
        keys = [v for v in table.by_value if v in present]
        if len(keys) * 4 < len(present):  # few of the table's values occur: one mask each
            for value in keys:
                at = np.flatnonzero(state.values[:, col] == value)
                for attr, v in table.by_value[value].items():
                    out[at, self._out_col[attr]] = v
            return
        uniq, inverse = state.unique(col)
        rows_of = [table.by_value.get(int(u)) for u in uniq]
        for attr, k in self._out_col.items():
            found = [r.get(attr) if r is not None else None for r in rows_of]
            has = np.fromiter((v is not None for v in found), dtype=bool, count=len(found))
            if not has.any():
                continue
            new = np.fromiter((v or 0 for v in found), dtype=np.uint64, count=len(found))
            rows = has[inverse]
            out[rows, k] = new[inverse][rows]

    def _rule(self, rule: _Rule, state: _DocState, out: np.ndarray) -> None:
        n, width = len(state.values), len(rule.preds)
        if width > n:
            return
        for attr, operand in rule.needs:
            if operand not in state.present(self._col[attr]):
                return  # a value the pattern needs occurs nowhere in the document
        hit: np.ndarray | None = None
        regexes = []
        for j, row in enumerate(rule.preds):
            for pred in row:
                if pred[1] == "REGEX":
                    regexes.append((j, pred))
                    continue
                m = state.mask(self._col[pred[0]], pred)[j : n - width + 1 + j]
                hit = m if hit is None else hit & m
                if not hit.any():
                    return
        at = np.flatnonzero(hit) if hit is not None else np.arange(n - width + 1)
        if width > 1 and state.joined:  # a match within one document only
            at = at[state.doc_of[at] == state.doc_of[at + width - 1]]
        for j, pred in regexes:  # searched only where the rest of the pattern holds
            if len(at):
                at = at[state.search(self._col[pred[0]], pred, at + j)]
        if not len(at):
            return
        at = at + rule.index
        for attr, value in rule.attrs.items():
            out[at, self._out_col[attr]] = value


class _DocState:
    """One document's attribute arrays (or a batch's, joined) and what is computed from them once."""

    def __init__(self, doc: Doc, values: np.ndarray, sizes: list[int] | None = None) -> None:
        self.doc = doc  # the vocabulary's strings are read through it
        self.values = values
        #: several documents' arrays joined: each row's document number
        self.joined = sizes is not None and len(sizes) > 1
        self.doc_of = np.repeat(np.arange(len(sizes)), sizes) if sizes is not None and self.joined else np.zeros(0, dtype=np.intp)
        self._unique: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._present: dict[int, set[int]] = {}
        self._masks: dict[int, np.ndarray] = {}
        self._found: dict[int, dict[int, bool]] = {}

    def unique(self, col: int) -> tuple[np.ndarray, np.ndarray]:
        """The distinct values of a column and each token's index among them."""
        got = self._unique.get(col)
        if got is None:
            uniq, inverse = np.unique(self.values[:, col], return_inverse=True)
            got = self._unique[col] = (uniq, inverse.reshape(-1))
        return got

    def present(self, col: int) -> set[int]:
        """The values a column holds."""
        got = self._present.get(col)
        if got is None:
            got = self._present[col] = set(self.unique(col)[0].tolist())
        return got

    def search(self, col: int, pred: tuple[int, str, Any], at: np.ndarray) -> np.ndarray:
        """Whether a REGEX predicate holds at the tokens ``at`` (each distinct value searched once)."""
        memo = self._found.setdefault(id(pred), {})
        strings, rx = self.doc.vocab.strings, pred[2]
        out = []
        for v in self.values[at, col].tolist():
            got = memo.get(v)
            if got is None:
                got = memo[v] = bool(rx.search(strings[v]))
            out.append(got)
        return np.array(out, dtype=bool)

    def mask(self, col: int, pred: tuple[int, str, Any]) -> np.ndarray:
        """Where a (non-regex) predicate holds."""
        key = id(pred)
        m = self._masks.get(key)
        if m is None:
            _attr, kind, operand = pred
            values = self.values[:, col]
            if kind == "EQ":
                m = values == operand
            elif kind == "IN":
                m = np.isin(values, operand)
            else:
                m = ~np.isin(values, operand)
            self._masks[key] = m
        return m


def use_array_attributes(nlp: Language) -> bool:
    """Make ``nlp``'s ``attribute_ruler`` an :class:`ArrayAttributeRuler` (same object, same
    patterns, same name and factory); False (nothing changed) when there is none or a pattern
    needs spaCy's Matcher."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if type(ruler) is not AttributeRuler or _compile(ruler) is None:
        return False
    ruler.__class__ = ArrayAttributeRuler
    return True
