"""Context features of the attribution tagger: layout and sentence flags, the dependency
path to the nearest verb and cue ancestor, and the neighbouring tokens.

Helpers of :func:`fullpicture.nlp.claims._features.doc_features`, which reads the token
attributes once and passes them here as plain lists; each adds to every token's list.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

_ANCESTOR_STEPS = 8


def flag_features(
    base: list[list[str]], starts: list[int], first_line: int, flags: tuple[list[bool], list[bool], list[bool]],
    lowers: list[str], ents: list[str], para_start: list[bool], in_quote: list[bool], has_nl: list[bool],
    ends_nl: list[bool], sent: tuple[list[bool], list[bool], list[bool], list[bool]],
) -> None:
    """Layout, quotation, case, entity and sentence flags (``flags``: each token's
    ``is_title``, ``is_upper`` and ``is_quote``)."""
    sent_start, sent_end, sent_has_cue, sent_has_quote = sent
    is_title, is_upper, is_quote = flags
    for i, f in enumerate(base):
        if para_start[i]:
            f.append("pstart")
        if starts[i] < first_line:
            f.append("line1")
        if in_quote[i]:
            f.append("inq")
        lo = lowers[i]
        if is_quote[i] or lo in ("“", "”", '"', "''", "``"):
            f.append("qmark")
        if is_title[i]:
            f.append("title")
        if is_upper[i] and len(lo) > 1:
            f.append("upper")
        if ents[i]:
            f.append("ent=" + ents[i])
        if sent_start[i]:
            f.append("sstart")
        if sent_end[i]:
            f.append("send")
        if sent_has_cue[i]:
            f.append("scue")
        if sent_has_quote[i]:
            f.append("squote")
        if has_nl[i] or (i > 0 and ends_nl[i - 1]):
            f.append("nl")


def path_features(
    base: list[list[str]], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str], cls: list[str],
    k0: list[str] | None,
) -> None:
    """The nearest verb above a token with the path of labels to it ("vp=nsubj|announce"), and
    the nearest ancestor that is a cue word with how the token hangs under it (a root cue is
    its own ancestor: "anc=speech|ROOT")."""
    for i, f in enumerate(base):
        below, cur, path = i, i, []
        for _ in range(3):
            below, cur = cur, heads[cur]
            if below == cur:
                break
            path.append(deps[below])
            if pos[cur] in ("VERB", "AUX"):
                p = ">".join(path)
                f.append("vp=" + p)
                f.append("vp=" + p + "|" + lemmas[cur])
                if k0 is not None:
                    f.append("vpk=" + p + "|" + k0[cur])
                break
        below, cur = i, i
        for step in range(_ANCESTOR_STEPS):
            below, cur = cur, heads[cur]
            ca = cls[cur]
            if ca:
                f.append("anc=" + ca + "|" + deps[below])
                f.append("ancd=" + deps[below] + "|" + ("L" if i < cur else "R"))
                f.append("ancs=" + str(min(step, 3)))
                break
            if below == cur:
                break


def neighbour_slots(
    lowers: list[str], pos: list[str], roles: list[str], cls: list[str], in_quote: list[bool], k0: list[str] | None,
) -> list[tuple[str, Sequence[str | None]]]:
    """Words and POS of the tokens two to each side; rule role, cluster, quote edge and cue
    class of the tokens next to it: (prefix, value per token, None where absent) slots in the
    order a token's list takes them (a token with no neighbour at k has "<k>BOUND" instead).
    The words, POS, roles and clusters are :class:`Shifted` views of the columns given."""
    n = len(lowers)
    out: list[tuple[str, Sequence[str | None]]] = []
    for k in (-2, -1, 1, 2):
        lo, hi = max(0, -k), min(n, n - k)  # tokens whose neighbour at k exists
        inside = range(lo, hi)
        pad: list[str | None] = [None] * max(0, min(lo, n))
        tail: list[str | None] = [None] * (n - max(hi, lo))
        bound: list[str | None] = ["" if not lo <= i < hi else None for i in range(n)]
        out.append((f"{k}BOUND", bound))
        out.append((f"{k}w=", Shifted(lowers, k)))
        out.append((f"{k}p=", Shifted(pos, k)))
        if k in (-2, 2):
            continue
        out.append((f"{k}r=", Shifted(roles, k)))
        if k0 is not None:
            out.append((f"{k}k=", Shifted(k0, k)))
        out.append((f"{k}qedge", [*pad, *("" if in_quote[i + k] != in_quote[i] else None for i in inside), *tail]))
        out.append((f"{k}cls=", [*pad, *(cls[i + k] or None for i in inside), *tail]))
    return out


class Shifted(Sequence[str | None]):
    """The value of the token ``k`` places away from each token of a column (None where there
    is none): a view of ``values``, so that a scorer can look each distinct value of the column
    up once for all its slots (:meth:`._crfscore.ScoreTagger.block_scores`)."""

    __slots__ = ("k", "values")

    def __init__(self, values: list[str], k: int) -> None:
        self.values = values
        self.k = k

    def bounds(self) -> tuple[int, int]:
        """Token bounds [lo, hi) of the tokens whose neighbour at k exists (hi <= lo: none)."""
        n = len(self.values)
        return max(0, -self.k), min(n, n - self.k)

    def as_list(self) -> list[str | None]:
        """The values as a list: None, the column's values shifted by k, None."""
        n, k = len(self.values), self.k
        lo, hi = self.bounds()
        return [*[None] * max(0, min(lo, n)), *(self.values[lo + k : hi + k] if hi > lo else ()),
                *[None] * (n - max(hi, lo))]

    def __len__(self) -> int:
        return len(self.values)

    @overload
    def __getitem__(self, i: int) -> str | None: ...

    @overload
    def __getitem__(self, i: slice) -> list[str | None]: ...

    def __getitem__(self, i: int | slice) -> str | None | list[str | None]:
        return self.as_list()[i]

    def __iter__(self) -> Iterator[str | None]:
        return iter(self.as_list())
