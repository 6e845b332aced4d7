"""Context features of the attribution tagger: layout and sentence flags, the dependency
path to the nearest verb and cue ancestor, and the neighbouring tokens.

Helpers of :func:`fullpicture.nlp.claims._features.doc_features`, which reads the token
attributes once and passes them here as plain lists; each adds to every token's list.
"""

from __future__ import annotations

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
) -> list[tuple[str, list[str | None]]]:
    """Words and POS of the tokens two to each side; rule role, cluster, quote edge and cue
    class of the tokens next to it: (prefix, value per token, None where absent) slots in the
    order a token's list takes them (a token with no neighbour at k has "<k>BOUND" instead)."""
    n = len(lowers)
    out: list[tuple[str, list[str | None]]] = []
    for k in (-2, -1, 1, 2):
        lo, hi = max(0, -k), min(n, n - k)  # tokens whose neighbour at k exists
        inside = range(lo, hi)
        pad: list[str | None] = [None] * max(0, min(lo, n))
        tail: list[str | None] = [None] * (n - max(hi, lo))

        def shifted(values: list[str], pad: list[str | None] = pad, tail: list[str | None] = tail,
                    lo: int = lo, hi: int = hi, k: int = k) -> list[str | None]:
            return [*pad, *(values[lo + k : hi + k] if hi > lo else ()), *tail]

        bound: list[str | None] = ["" if not lo <= i < hi else None for i in range(n)]
        out.append((f"{k}BOUND", bound))
        out.append((f"{k}w=", shifted(lowers)))
        out.append((f"{k}p=", shifted(pos)))
        if k in (-2, 2):
            continue
        out.append((f"{k}r=", shifted(roles)))
        if k0 is not None:
            out.append((f"{k}k=", shifted(k0)))
        out.append((f"{k}qedge", [*pad, *("" if in_quote[i + k] != in_quote[i] else None for i in inside), *tail]))
        out.append((f"{k}cls=", [*pad, *(cls[i + k] or None for i in inside), *tail]))
    return out
