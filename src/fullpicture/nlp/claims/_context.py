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


def neighbour_features(
    base: list[list[str]], lowers: list[str], pos: list[str], roles: list[str], cls: list[str], in_quote: list[bool],
    k0: list[str] | None,
) -> None:
    """Words and POS of the tokens two to each side; rule role, cluster, quote edge and cue
    class of the tokens next to it."""
    n = len(base)
    for k in (-2, -1, 1, 2):
        pw, pp = f"{k}w=", f"{k}p="  # each prefix formatted once, not once per token
        w = [pw + x for x in lowers]
        p = [pp + x for x in pos]
        bound = f"{k}BOUND"
        lo, hi = max(0, -k), min(n, n - k)  # tokens whose neighbour at k exists
        for i in range(min(lo, n)):
            base[i].append(bound)
        for i in range(max(hi, lo), n):
            base[i].append(bound)
        if k in (-2, 2):
            for i in range(lo, hi):
                base[i].extend((w[i + k], p[i + k]))
            continue
        pr, pk, pc = f"{k}r=", f"{k}k=", f"{k}cls="
        r = [pr + x for x in roles]
        ks = [pk + x for x in k0] if k0 is not None else None
        c = [pc + x if x else "" for x in cls]
        edge = f"{k}qedge"
        for i in range(lo, hi):
            j = i + k
            f = base[i]
            f.extend((w[j], p[j], r[j]))
            if ks is not None:
                f.append(ks[j])
            if in_quote[j] != in_quote[i]:
                f.append(edge)
            if c[j]:
                f.append(c[j])
