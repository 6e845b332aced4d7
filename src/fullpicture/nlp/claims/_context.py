"""Context features of the attribution tagger: layout and sentence flags, the dependency
path to the nearest verb and cue ancestor, and the neighbouring tokens.

Helpers of :func:`fullpicture.nlp.claims._features.doc_features`, which reads the token
attributes once and passes them here as plain lists; each adds to every token's list.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from fullpicture.nlp.claims._columns import Column, code, flag, shifted, sparse

_ANCESTOR_STEPS = 8


Slot = tuple[str, Sequence[str | None]]


def flag_slots(
    starts: list[int], first_line: int, flags: tuple[list[bool], list[bool], list[bool]],
    lowers: tuple[list[str], np.ndarray], ents: list[str], in_quote: np.ndarray, newlines: tuple[np.ndarray, np.ndarray],
    sents: list[tuple[int, int]], cls: list[str],
) -> list[Slot]:
    """Layout, quotation, case, entity and sentence flags as slots, in the order a token's
    list takes them (``flags``: each token's ``is_title``, ``is_upper`` and ``is_quote``;
    ``lowers``: the distinct lower forms and each token's index among them; ``newlines``:
    whether each token holds a line break, and whether it ends with one with no space after)."""
    n = len(starts)
    is_title, is_upper, is_quote = (np.array(f, dtype=bool) for f in flags)
    lnames, lcode = lowers
    has_nl, ends_nl = newlines
    after_nl = np.zeros(n, dtype=bool)
    after_nl[1:] = ends_nl[:-1]
    para = np.ones(n, dtype=bool)
    para[1:] = ends_nl[:-1] | has_nl[:-1]
    qmark = is_quote | np.array([lo in _QUOTES for lo in lnames], dtype=bool)[lcode]
    upper = is_upper & np.array([len(lo) > 1 for lo in lnames], dtype=bool)[lcode]
    enames, ecode = code(ents)
    ecode = np.array([-1 if e == "" else k for k, e in enumerate(enames)] + [-1], dtype=np.intp)[ecode]
    erows = np.flatnonzero(ecode >= 0)
    s_cue = np.zeros(n, dtype=bool)
    s_quote = np.zeros(n, dtype=bool)
    for a, b in sents:
        if any(cls[a:b]):
            s_cue[a:b] = True
        if in_quote[a:b].any():
            s_quote[a:b] = True
    return [
        ("pstart", flag(para)), ("line1", flag(np.array(starts) < first_line)), ("inq", flag(in_quote)),
        ("qmark", flag(qmark)), ("title", flag(is_title)), ("upper", flag(upper)),
        ("ent=", Column(enames, ecode[erows], erows, n)),
        ("sstart", sparse(n, [a for a, _ in sents], [""] * len(sents))),
        ("send", sparse(n, [b - 1 for _, b in sents], [""] * len(sents))),
        ("scue", flag(s_cue)), ("squote", flag(s_quote)), ("nl", flag(has_nl | after_nl)),
    ]


_QUOTES = frozenset(("\u201c", "\u201d", '"', "''", "``"))


def path_slots(
    heads: np.ndarray, deps: tuple[list[str], np.ndarray], verbs: np.ndarray, lemmas: tuple[list[str], np.ndarray],
    cls: list[str], k0: tuple[Sequence[str], np.ndarray] | None,
) -> list[Slot]:
    """The nearest verb above a token with the path of labels to it ("vp=nsubj|announce"), and
    the nearest ancestor that is a cue word with how the token hangs under it (a root cue is
    its own ancestor: "anc=speech|ROOT"), as slots in the order a token's list takes them
    (``deps``, ``lemmas``, ``k0``: coded columns; ``verbs``: whether a token is a verb or an
    auxiliary), each step taken for all tokens at once."""
    n = len(heads)
    dnames, dcode = deps
    up = [np.arange(n)]
    for _ in range(3):
        up.append(heads[up[-1]])
    steps = np.zeros(n, dtype=np.intp)  # steps up to the nearest verb (0: none within three)
    alive = np.ones(n, dtype=bool)
    for s in (1, 2, 3):
        alive &= up[s] != up[s - 1]
        steps[alive & (steps == 0) & verbs[up[s]]] = s
    rows = np.flatnonzero(steps)
    chain = np.stack(up)
    verb = chain[steps[rows], rows]
    base = len(dnames) + 1
    key = np.zeros(len(rows), dtype=np.int64)
    for j in (2, 1, 0):  # the labels below the verb, nearest the token first, as digits
        key = key * base + np.where(steps[rows] > j, dcode[chain[j, rows]] + 1, 0)
    keys, path = np.unique(key, return_inverse=True)
    path = path.reshape(-1)
    pnames = [">".join(dnames[d - 1] for d in _digits(int(x), base)) for x in keys.tolist()]
    out: list[Slot] = [("vp=", Column(pnames, path, rows, n)),
                       ("vp=", _pairs(pnames, path, *lemmas, verb, rows, n))]
    if k0 is not None:
        out.append(("vpk=", _pairs(pnames, path, k0[0], k0[1], verb, rows, n)))
    cnames, ccode = code(cls)
    is_cue = np.array([c != "" for c in cnames], dtype=bool)[ccode]
    below = cur = np.arange(n)
    done = np.zeros(n, dtype=bool)
    at = np.full(n, -1, dtype=np.intp)  # steps up to the nearest cue ancestor (-1: none)
    cue = np.zeros(n, dtype=np.intp)
    under = np.zeros(n, dtype=np.intp)
    for step in range(_ANCESTOR_STEPS):
        below, cur = cur, heads[cur]
        hit = ~done & is_cue[cur]
        at[hit], cue[hit], under[hit] = step, cur[hit], below[hit]
        done |= hit | (below == cur)
        if done.all():
            break
    rows = np.flatnonzero(at >= 0)
    cue, under = cue[rows], under[rows]
    out.extend((
        ("anc=", _pairs(cnames, ccode[cue], dnames, dcode, under, rows, n)),
        ("ancd=", _pairs(dnames, dcode[under], ("L", "R"), (rows >= cue).astype(np.intp), None, rows, n)),
        ("ancs=", Column(_STEPS, np.minimum(at[rows], 3), rows, n)),
    ))
    return out


def _digits(x: int, base: int) -> list[int]:
    """The non-zero base-``base`` digits of ``x``, lowest first."""
    out = []
    while x:
        x, d = divmod(x, base)
        out.append(d)
    return out


def _pairs(left: Sequence[str], lcode: np.ndarray, right: Sequence[str], rcode: np.ndarray, at: np.ndarray | None,
           rows: np.ndarray, n: int) -> Column:
    """The column of "left|right" on ``rows`` (``rcode`` read at the tokens ``at``, or as given
    where ``at`` is None)."""
    r = rcode[at] if at is not None else rcode
    keys, inv = np.unique(lcode.astype(np.int64) * len(right) + r, return_inverse=True)
    names = [left[a] + "|" + right[b] for a, b in (divmod(x, len(right)) for x in keys.tolist())]
    return Column(names, inv.reshape(-1), rows, n)


_STEPS = ("0", "1", "2", "3")


def neighbour_slots(
    lowers: list[str], pos: list[str], roles: list[str], cls: list[str], in_quote: list[bool], k0: list[str] | None,
    coded: dict[str, tuple[list[str], np.ndarray]] | None = None,
) -> list[Slot]:
    """Words and POS of the tokens two to each side; rule role, cluster, quote edge and cue
    class of the tokens next to it: (prefix, value per token, None where absent) slots in the
    order a token's list takes them (a token with no neighbour at k has "<k>BOUND" instead),
    as :class:`._columns.Column` (``coded``: columns already coded, by "w", "p", "r", "k")."""
    n = len(lowers)
    have = coded or {}
    cols = {key: have[key] if key in have else code(values)
            for key, values in (("w", lowers), ("p", pos), ("r", roles), ("k", k0 or [])) if key != "k" or k0 is not None}
    cnames, ccode = code(cls)
    ccode = np.array([-1 if c == "" else j for j, c in enumerate(cnames)] + [-1], dtype=np.intp)[ccode]
    quote = np.array(in_quote, dtype=bool)
    out: list[Slot] = []
    for k in (-2, -1, 1, 2):
        lo, hi = max(0, -k), min(n, n - k)  # tokens whose neighbour at k exists
        bound = np.ones(n, dtype=bool)
        bound[lo:hi] = False
        out.append((f"{k}BOUND", flag(bound)))
        out.append((f"{k}w=", shifted(*cols["w"], k)))
        out.append((f"{k}p=", shifted(*cols["p"], k)))
        if k in (-2, 2):
            continue
        out.append((f"{k}r=", shifted(*cols["r"], k)))
        if k0 is not None:
            out.append((f"{k}k=", shifted(*cols["k"], k)))
        edge = np.zeros(n, dtype=bool)
        if hi > lo:
            edge[lo:hi] = quote[lo + k : hi + k] != quote[lo:hi]
        out.append((f"{k}qedge", flag(edge)))
        out.append((f"{k}cls=", shifted(cnames, ccode, k)))
    return out
