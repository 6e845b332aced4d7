"""Greedy average-link merging of event mentions over their scored pairs.

Pairs are taken in descending probability; two clusters merge when the mean probability of
their cross pairs (all of them up to ``max_link`` pairs, else ``max_link`` sampled ones)
reaches the threshold. Cross pairs that were never scored (outside the candidate set, or under
the threshold) must be scored then. One scoring call costs ~40 numpy calls whatever its size,
and most merges need one or two such pairs (at 1M mentions: 99k calls for 210k pairs), so the
features of the pairs the next ``ahead`` merges may need are computed together beforehand
(:class:`_Fetcher`, in ``_linkfetch``), each merge looked at as if all merges before it happened
(the clusters it meets are no larger than that); a merge that needs a pair this missed (sampled cross pairs)
fetches it then. The result is what scoring each merge's pairs on their own gives, bit for
bit: labels, probabilities, and the pairs the story gate cut for the incident join, in the
order and grouping of those calls (``tests/test_align_linking.py``).

The known probabilities are kept per live cluster, not in one dict of every pair ever scored
(45M pairs at 1M mentions, looked up all over memory): each cluster's dict holds its known
pairs with the other clusters, so a merge looks up and touches only its two clusters' dicts.
A merge moves the smaller dict's pairs into the larger one and drops the pairs that now fall
inside one cluster (never looked up again). The batches' scored features live until the next
batch only.

The sampled merges (``_sampled``) are drawn once: the look-ahead keeps its draws, and a merge
that meets the clusters and the generator's word it supposed takes them (the generator moved
past their words in one call). Two clusters whose sampled merge keeps failing keep their cross
pairs' known probabilities in a grid that their retries read.
"""

from __future__ import annotations

import random
from itertools import compress, filterfalse, repeat
from operator import is_
from typing import cast

import numpy as np

from fullpicture.align._eventpairs import PairScorer
from fullpicture.align._linkfetch import _Fetcher
from fullpicture.align._sampled import Grids, draw, keys

# merges whose pairs are fetched together (a batch of a few hundred to a few thousand pairs)
_AHEAD = 512


def _same(a: list[int], seen: list[int], size: int) -> bool:
    """Whether ``a`` holds what ``seen`` held at ``size`` members (a member list only grows)."""
    return len(a) == size and (a is seen or a == seen[:size])


def _incident(n: int, pairs: np.ndarray, probs: np.ndarray) -> list[dict[int, float] | None]:
    """Per mention, its known pairs (keys ``i * n + j``, ``i < j``) and their probabilities:
    every given pair in both its mentions' dicts, one key and one value object for both (the
    last of a repeated pair wins, as in one dict); a pair given as ``(j, i)`` with ``j >= i``
    is no cross pair and is left out."""
    ii = pairs[:, 0].astype(np.int64)
    jj = pairs[:, 1].astype(np.int64)
    ok = ii < jj
    ii, jj = ii[ok], jj[ok]
    keys = (ii * n + jj).tolist()
    vals = np.asarray(probs)[ok].tolist()
    # each pair twice, by mention (stable: a mention's pairs in their own order)
    ends = np.concatenate([ii, jj])
    order = np.argsort(ends, kind="stable")
    at = (order % max(1, len(keys))).tolist()
    keys, vals = list(map(keys.__getitem__, at)), list(map(vals.__getitem__, at))
    del at
    cut = np.searchsorted(ends[order], np.arange(n + 1)).tolist()
    inc: list[dict[int, float] | None] = [None] * n
    for x in np.flatnonzero(np.diff(cut)).tolist():
        s, e = cut[x], cut[x + 1]
        inc[x] = dict(zip(keys[s:e], vals[s:e], strict=True))
    return inc


def link_mean(vals: list[float], keys_: list[int], n: int, doc: np.ndarray | None, own: bool = True) -> float:
    """The mean probability of a merge's cross pairs (keys ``i * n + j``); with ``doc`` (a
    document id per mention), the mean over the document pairs of each one's mean: a document
    that tells the story in many mentions (a long report, or one in another language scored
    on multilingual vectors) weighs as one document, not by its mentions' count. Without
    ``own``, the pairs of one document's mentions across the two clusters are left out where
    pairs of two documents exist: a document's own pairs would weigh as much as a whole other
    document, and hold apart the happenings one long report tells."""
    if doc is None or len(vals) == 1:
        return sum(vals) / len(vals)
    k = np.asarray(keys_, dtype=np.int64)
    da, db = doc[k // n], doc[k % n]
    group = np.minimum(da, db) * (int(doc.max()) + 1) + np.maximum(da, db)
    u, inv = np.unique(group, return_inverse=True)
    if len(u) == 1:
        return sum(vals) / len(vals)
    tot = np.bincount(inv, weights=np.asarray(vals, dtype=np.float64), minlength=len(u))
    means = tot / np.bincount(inv, minlength=len(u))
    if not own:
        other = (u // (int(doc.max()) + 1)) != (u % (int(doc.max()) + 1))
        if other.any():
            means = means[other]
    return float(means.mean())


def average_link(scorer: PairScorer, n: int, pairs: np.ndarray, probs: np.ndarray, thr: float,
                 max_link: int, ahead: int = _AHEAD, doc: np.ndarray | None = None,
                 own: bool = True, apart: dict[int, set[int]] | None = None) -> tuple[list[int], int]:
    """Cluster label per mention, and the number of pairs scored for the merges (``pairs``,
    ``probs``: the scored pairs at the threshold or above, as ``(m, 2)`` and ``(m,)``; ``doc``:
    a document id per mention, to weigh each document pair alike, :func:`link_mean`; ``own``:
    whether a document's own pairs across the two clusters count among them; ``apart``: mention
    -> the mentions its cluster may never join, two happenings its text tells apart)."""
    ahead = max(1, ahead)
    # per live cluster (by root), the mentions it may never be merged with
    banned: dict[int, set[int]] = {x: set(ys) for x, ys in (apart or {}).items() if ys}
    # the pairs' two ends as two lists of ints (a list per pair would be millions of small
    # containers for the garbage collector to track and scan)
    pi, pj = pairs[:, 0].tolist(), pairs[:, 1].tolist()
    # per live cluster (by root), the known pairs between it and the other clusters: a pair of
    # two clusters is in both dicts; a merge keeps the larger dict, adds the smaller one's pairs
    # and drops the pairs that fall inside the merged cluster (never looked up again)
    inc = _incident(n, pairs, probs)
    members: list[list[int] | None] = [[i] for i in range(n)]
    root_of = list(range(n))
    rng = random.Random(0)
    bits = rng.getrandbits
    # the generator's words taken so far; the look-ahead's draws of the sampled merges, by
    # step: the word they start at, the member lists and sizes drawn from, the pairs, the words
    used = 0
    drawn: dict[int, tuple[int, list[int], int, list[int], int, list[int], int]] = {}
    # and the cross pairs of the others: the member lists and sizes, the pairs
    made: dict[int, tuple[list[int], int, list[int], int, list[int]]] = {}
    grids = Grids(n)

    def live(r: int, size: int) -> bool:
        m = members[r]
        return m is not None and len(m) == size
    extra = 0
    fetcher = _Fetcher(scorer, n)
    order = np.argsort(-probs, kind="stable").tolist()
    # pairs of clusters (root * n + root) whose merge failed with every cross pair taken, and
    # their sizes then (size * n + size)
    failed: dict[int, int] = {}
    below = (probs < thr).tolist()
    empty: dict[int, float] = {}

    def prefetch(step: int, ks: list[int]) -> _Fetcher:
        """Score beforehand the pairs the merges ``ks`` may need. Each is looked at as if every
        merge before it in ``ks`` happened (the clusters it will meet contain no more than
        that); two mentions already together that way may still be apart: then the pairs
        inside their common cluster, when few. The draws of the sampled merges are kept in
        ``drawn``: a merge that meets the clusters and the generator's word supposed here takes
        them as they are."""
        fetcher = _Fetcher(scorer, n)
        fetched = fetcher.row
        need: dict[int, None] = {}
        up: dict[int, int] = {}  # speculative merges: root -> the root it joined
        grown: dict[int, list[int]] = {}  # speculative members of a root that grew
        inside: set[int] = set()  # roots whose pairs inside were added, unchanged since
        # the draws of the merges of large clusters, from a copy of the generator
        copy = random.Random()
        copy.setstate(rng.getstate())
        sbits = copy.getrandbits
        at = used
        drawn.clear()
        made.clear()

        def find(r: int) -> int:
            while r in up:
                r = up[r]
            return r

        def add_inside(a: list[int]) -> None:
            """The pairs inside ``a`` (speculatively one cluster) across its real clusters."""
            for t, x in enumerate(a):
                rx = root_of[x]
                known = inc[rx] or empty
                for y in a[t + 1 :]:
                    if root_of[y] != rx:
                        c = x * n + y if x < y else y * n + x
                        if c not in known and c not in fetched:
                            need[c] = None

        def add(ra: int, rb: int, cross: list[int]) -> None:
            """The pairs ``cross`` of clusters ``ra`` and ``rb`` (speculative) not known yet."""
            if ra not in grown or rb not in grown:
                # one side is a real cluster: its dict holds every known pair of the merge
                known = inc[ra if ra not in grown else rb] or empty
                need.update(dict.fromkeys(filterfalse(fetched.__contains__,
                                                      filterfalse(known.__contains__, cross))))
                return
            for c in cross:
                x = c // n
                rx = root_of[x]
                if c not in (inc[rx] or empty) and c not in fetched:
                    need[c] = None

        for s, k in enumerate(ks, step):
            if below[k]:
                break
            i, j = pi[k], pj[k]
            ra, rb = find(root_of[i]), find(root_of[j])
            a = grown.get(ra) or members[ra]
            assert a is not None
            if ra == rb:
                # together already (clusters never split: the merge will be skipped), or the
                # pairs inside this cluster added before in this batch
                if root_of[i] == root_of[j] or ra in inside:
                    continue
                inside.add(ra)
                if len(a) * (len(a) - 1) // 2 <= max_link:
                    add_inside(a)
                continue
            b = grown.get(rb) or members[rb]
            assert b is not None
            if len(a) * len(b) > max_link:
                # sampled: the pairs the merge draws if its clusters are then as supposed here,
                # supposed to fail (most merges of two large clusters retry a pair that failed)
                cells, took = draw(sbits, len(a), len(b), max_link)
                drawn[s] = (at, a, len(a), b, len(b), cells, took)
                at += took
                g = None if ra in grown or rb in grown else grids.get(ra, rb, len(a), len(b))
                if g is None:
                    add(ra, rb, keys(cells, a, b, n))
                elif g.unknown:  # a full grid: nothing to fetch
                    cn = np.asarray(cells, dtype=np.intp)
                    gaps = cn[np.isnan(g.p[cn])].tolist()
                    if gaps:
                        need.update(dict.fromkeys(filterfalse(fetched.__contains__, keys(gaps, a, b, n))))
                continue
            if failed.get(ra * n + rb) == len(a) * n + len(b):
                continue  # two real clusters, unchanged, that failed to merge: they will again
            cross = [x * n + y if x < y else y * n + x for x in a for y in b]
            made[s] = (a, len(a), b, len(b), cross)
            add(ra, rb, cross)
            if len(a) < len(b):  # the larger cluster's root stays, as in the merge below
                ra, rb, a, b = rb, ra, b, a
            grown[ra] = a + b
            grown.pop(rb, None)
            inside.discard(ra)
            up[rb] = ra
        if need:
            fetcher.fetch(list(need))
        return fetcher

    for step, k in enumerate(order):
        if below[k]:
            break
        if step % ahead == 0:
            fetcher = prefetch(step, order[step : step + ahead])
            if step % (64 * ahead) == 0:
                grids.prune(live)
        i, j = pi[k], pj[k]
        ra, rb = root_of[i], root_of[j]
        if ra == rb:
            continue
        a, b = members[ra], members[rb]
        assert a is not None and b is not None
        if banned and ((ra in banned and not banned[ra].isdisjoint(b)) or (rb in banned and not banned[rb].isdisjoint(a))):
            continue  # one text tells a mention of each apart: never one happening
        if len(a) * len(b) <= max_link:
            if failed.get(ra * n + rb) == len(a) * n + len(b):
                continue  # these two clusters, unchanged, failed on all their cross pairs before
            m = made.get(step)
            if m is not None and _same(a, m[0], m[1]) and _same(b, m[2], m[3]):
                cross = m[4]  # as the look-ahead supposed
            else:
                cross = [x * n + y if x < y else y * n + x for x in a for y in b]
            g = None
        else:
            d = drawn.get(step)
            if d is not None and d[0] == used and _same(a, d[1], d[2]) and _same(b, d[3], d[4]):
                # as the look-ahead supposed: its draws, and the generator past their words
                cells, took = d[5], d[6]
                bits(32 * took)
            else:
                cells, took = draw(bits, len(a), len(b), max_link)
            used += took
            # a retry of two clusters kept as a grid reads the cells; else the pairs' keys
            g = grids.get(ra, rb, len(a), len(b))
            cross = cells if g is not None else keys(cells, a, b, n)
        da, db = inc[ra], inc[rb]
        if da is None:
            da = inc[ra] = {}
        if db is None:
            db = inc[rb] = {}
        # one look-up a cross pair, in the smaller of the two clusters' dicts (None: never
        # scored, or scored under the threshold)
        known = da if len(da) <= len(db) else db
        vals: list[float | None] | list[float]
        if g is None:
            vals = list(map(known.get, cross))
            missing = list(compress(cross, map(is_, vals, repeat(None))))
        else:  # the cells' probabilities (NaN: unknown), as the dicts hold them
            cn = np.asarray(cross, dtype=np.intp)
            v = g.p[cn]
            missing = cn[np.isnan(v)].tolist() if g.unknown else []
            vals = v.tolist()
        if missing:
            if g is not None:
                gaps, missing = missing, keys(missing, a, b, n)
            elif len(a) * len(b) > max_link:
                gaps = list(compress(cells, map(is_, vals, repeat(None))))
            extra += len(missing)
            need = list(filterfalse(fetcher.row.__contains__, dict.fromkeys(missing)))
            if need:
                fetcher.fetch(need)
            got = fetcher.probs(missing)
            da.update(zip(missing, got, strict=True))
            db.update(zip(missing, got, strict=True))
            if len(a) * len(b) > max_link:  # the grids of these clusters, either way round
                grids.fill(ra, rb, len(a), len(b), gaps, got)
            vals = list(map(known.__getitem__, cross)) if g is None else g.p[cn].tolist()
        if doc is None:
            avg = sum(cast("list[float]", vals)) / len(cross)  # no None left
        else:
            avg = link_mean(cast("list[float]", vals), cross if g is None else keys(cross, a, b, n), n, doc, own)
        if avg >= thr:
            if len(a) < len(b):
                ra, rb, a, b = rb, ra, b, a
                da, db = db, da
            # the pairs of the smaller dict go to the larger one, or out of both when they now
            # fall inside the merged cluster: those are the pairs both dicts hold (a pair of the
            # two clusters; any other pair has one end in a third cluster)
            small, large = (da, db) if len(da) < len(db) else (db, da)
            inside = small.keys() & large.keys()
            large.update(small)
            for c in inside:
                del large[c]
            inc[ra], inc[rb] = large, None
            a.extend(b)
            for x in b:
                root_of[x] = ra
            members[rb] = None
            if rb in banned:
                banned.setdefault(ra, set()).update(banned.pop(rb))
        elif len(a) * len(b) <= max_link:
            # every cross pair taken (a member list only grows, so equal sizes are the same
            # lists, and a pair's probability, once known, stays): a retry gives the same mean
            failed[ra * n + rb] = len(a) * n + len(b)
        else:
            grids.failed(ra, rb, a, b, known, live)
    roots: dict[int, int] = {}
    return [roots.setdefault(root_of[i], len(roots)) for i in range(n)], extra
