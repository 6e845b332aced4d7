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
    heads: list[int], deps: list[str], pos: list[str], lemmas: list[str], cls: list[str], k0: list[str] | None,
) -> list[Slot]:
    """The nearest verb above a token with the path of labels to it ("vp=nsubj|announce"), and
    the nearest ancestor that is a cue word with how the token hangs under it (a root cue is
    its own ancestor: "anc=speech|ROOT"), as slots in the order a token's list takes them."""
    n = len(heads)
    vp: list[str | None] = [None] * n
    vpl: list[str | None] = [None] * n
    vpk: list[str | None] = [None] * n
    anc: list[str | None] = [None] * n
    ancd: list[str | None] = [None] * n
    ancs: list[str | None] = [None] * n
    for i in range(n):
        below, cur, path = i, i, []
        for _ in range(3):
            below, cur = cur, heads[cur]
            if below == cur:
                break
            path.append(deps[below])
            if pos[cur] in ("VERB", "AUX"):
                p = vp[i] = ">".join(path)
                vpl[i] = p + "|" + lemmas[cur]
                if k0 is not None:
                    vpk[i] = p + "|" + k0[cur]
                break
        below, cur = i, i
        for step in range(_ANCESTOR_STEPS):
            below, cur = cur, heads[cur]
            ca = cls[cur]
            if ca:
                anc[i] = ca + "|" + deps[below]
                ancd[i] = deps[below] + "|" + ("L" if i < cur else "R")
                ancs[i] = _STEPS[min(step, 3)]
                break
            if below == cur:
                break
    out: list[Slot] = [("vp=", vp), ("vp=", vpl)]
    if k0 is not None:
        out.append(("vpk=", vpk))
    out.extend((("anc=", anc), ("ancd=", ancd), ("ancs=", ancs)))
    return out


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
