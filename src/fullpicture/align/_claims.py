"""Claims across documents: agreement, contradiction, or made by one side only.

Two claims from different sides are *about the same thing* when their sentence
similarity (MiniLM cosine, or content-word Jaccard without embeddings) is high. Among
those, a pair *contradicts* when its figures about the same count clash, when exactly one
is negated, or when they use antonymous predicates (``data/align/antonyms.tsv``); it
*agrees* when the similarity is higher still and nothing contradicts. Claims in neither
relation form ``only`` groups.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

import numpy as np

from fullpicture.align._claimpairs import (
    dense_pairs,
    lexical_pairs,
    lexical_similarity,
    shared_event_pairs,
)
from fullpicture.align._embed import VectorCache
from fullpicture.align._figurevalues import figure_text, ranges_clash
from fullpicture.align._util import (
    EMBED_CLAIMS,
    MATCH_CLAIMS,
    Progress,
    UnionFind,
    bound_progress,
    outside_story,
    words,
)
from fullpicture.models import Analysis, Claim, Figure
from fullpicture.models.comparison import ClaimGroup, ClaimMember

NEGATORS = frozenset({"not", "no", "never", "n't", "nobody", "nothing", "neither", "nor", "none", "without"})
_SUFFIXES = ("ing", "ed", "es", "s", "d")


def forms(word: str) -> set[str]:
    """Candidate base forms of an inflected word (attacked -> attack, denied -> deny)."""
    out = {word}
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            out.add(word[: -len(suf)])
    if word.endswith(("ied", "ies")) and len(word) > 4:
        out.add(word[:-3] + "y")
    if word.endswith("ing") and len(word) > 5:
        out.add(word[:-3] + "e")
    return out


@functools.lru_cache(maxsize=1)
def antonyms() -> dict[str, frozenset[str]]:
    """Antonym pairs (base forms) from the shipped data file (symmetric)."""
    text = resources.files("fullpicture").joinpath("data/align/antonyms.tsv").read_text("utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b = (x.strip().lower() for x in line.split("\t")[:2])
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


def _tokens(text: str) -> list[str]:
    toks = words(text.replace("n’t", " n't").replace("n't", " n't"))
    return ["n't" if t in {"t", "n't"} else t for t in toks]


def negated(text: str) -> bool:
    """Odd number of negators (a double negative reads as positive)."""
    return sum(t in NEGATORS for t in _tokens(text)) % 2 == 1


def claim_words(text: str) -> tuple[bool, frozenset[str]]:
    """What :func:`contradiction` reads of a claim's text: whether it is negated, and the
    candidate base forms of its words."""
    toks = _tokens(text)
    return sum(t in NEGATORS for t in toks) % 2 == 1, frozenset(f for w in toks for f in forms(w))


def contradiction(
    a: Claim, b: Claim, figs_a: list[Figure], figs_b: list[Figure], cfg: dict[str, Any],
    words_of: Callable[[str], tuple[bool, frozenset[str]]] = claim_words,
) -> str | None:
    """Why two claims about the same thing contradict, or None. ``words_of``: :func:`claim_words`,
    or a cached version of it when many pairs share claims."""
    for fa in figs_a:
        for fb in figs_b:
            if fa.counts and fa.counts == fb.counts and ranges_clash(fa, fb, cfg):
                return f"figures differ ({fa.counts}): {figure_text(fa)} vs {figure_text(fb)}"
    neg_a, sa = words_of(a.text)
    neg_b, sb = words_of(b.text)
    if neg_a != neg_b:
        return "one claim negates the other"
    ant = antonyms()
    held = [w for w in sa - sb if w in ant]  # a word without antonyms cannot hit
    if held:
        only_b = sb - sa
        for w in sorted(held):
            hit = ant[w] & only_b
            if hit:
                return f"antonymous predicates: {w} / {sorted(hit)[0]}"
    return None


def thresholds(cfg: dict[str, Any], dense: bool) -> tuple[float, float]:
    """(agree, contradict) similarity thresholds: MiniLM cosine, static-vector cosine (their
    scale differs: ``claim_*_similarity_static``) or word overlap without embeddings."""
    if not dense:
        return float(cfg.get("claim_agree_lexical", 0.7)), float(cfg.get("claim_contradict_lexical", 0.5))
    sfx = "_static" if str(cfg.get("claim_embed_model", "minilm")) == "static" else ""
    return (float(cfg.get(f"claim_agree_similarity{sfx}", 0.72)),
            float(cfg.get(f"claim_contradict_similarity{sfx}", 0.55)))


def _candidates(
    texts: list[str], sides: list[int], cfg: dict[str, Any], shared: set[tuple[int, int]],
    cache: VectorCache | None = None, progress: Callable[[int, int], None] | None = None,
) -> tuple[list[tuple[int, int, Any]], bool]:
    """Cross-side pairs to check, in (i, j) order, with their similarity; and whether the
    similarity is the embeddings' (dense) or the lexical one (see ``_claimpairs``)."""
    dense = bool(cfg.get("embeddings", True)) and bool(texts)
    contra_t = thresholds(cfg, dense)[1]
    found: dict[tuple[int, int], Any] = {}
    if dense:
        from fullpicture.align._embed import embedder_for

        v = embedder_for(cfg, "claims").embed(texts, cache, progress)
        ii, jj, ss = dense_pairs(v, sides, contra_t, int(cfg.get("claim_block_rows", 1024)))
        found = dict(zip(zip(ii.tolist(), jj.tolist(), strict=True), ss, strict=True))
        rest = sorted(shared - found.keys())
        if rest:
            a = np.array(rest, dtype=np.int64)
            found.update(zip(rest, np.einsum("ij,ij->i", v[a[:, 0]], v[a[:, 1]]), strict=True))
    elif contra_t > 0:
        found = lexical_pairs(texts, sides, contra_t)
        found.update({p: lexical_similarity(texts[p[0]], texts[p[1]]) for p in shared - found.keys()})
    else:  # every cross-side pair qualifies
        n = len(texts)
        found = {(i, j): lexical_similarity(texts[i], texts[j])
                 for i in range(n) for j in range(i + 1, n) if sides[i] != sides[j]}
    return [(i, j, found[(i, j)]) for i, j in sorted(found)], dense


def align_claims(
    analyses: list[Analysis],
    side_of: Mapping[str, str],
    cfg: dict[str, Any],
    claim_events: Mapping[tuple[str, str], set[str]] | None = None,
    cache: VectorCache | None = None,
    progress: Progress | None = None,
) -> list[ClaimGroup]:
    """Group claims across sides into agree / contradict / only groups.

    ``claim_events`` maps (document, claim id) to the aligned events the claim reports
    (through its figures or the events' ``source``): claims about one aligned event are
    checked for contradiction whatever their wording. ``cache``: claim vectors kept across runs;
    ``progress(stage, done, total)`` follows the texts the model encodes and the pairs checked.
    """
    claim_events = claim_events or {}
    # editorial notes, bios and boilerplate are about the article, not the story
    items: list[tuple[Analysis, Claim]] = [
        (a, c) for a in analyses if a.document.id in side_of for c in a.claims
        if c.kind != "editor" and not outside_story(a, c.start)
    ]
    if not items:
        return []
    label_ids: dict[str, int] = {}
    sides = [label_ids.setdefault(side_of[a.document.id], len(label_ids)) for a, _ in items]
    by_event: dict[str, list[int]] = {}
    for k, (a, c) in enumerate(items):
        for ev in claim_events.get((a.document.id, c.id), ()):
            by_event.setdefault(ev, []).append(k)
    shared = shared_event_pairs(by_event.values(), sides)
    pairs, dense = _candidates([c.text for _, c in items], sides, cfg, shared, cache,
                               bound_progress(progress, EMBED_CLAIMS))
    agree_t, contra_t = thresholds(cfg, dense)
    figs = {
        (a.document.id, c.id): [f for f in a.figures if f.claim == c.id] for a, c in items
    }
    uf: UnionFind[int] = UnionFind()
    contradicts: list[tuple[int, int, str]] = []
    paired: set[int] = set()
    n = len(items)
    tick = bound_progress(progress, MATCH_CLAIMS)
    if tick is not None:
        tick(0, len(pairs))
    seen_words: dict[str, tuple[bool, frozenset[str]]] = {}  # each claim's words read once, not per pair

    def words_of(text: str) -> tuple[bool, frozenset[str]]:
        found = seen_words.get(text)
        if found is None:
            found = seen_words[text] = claim_words(text)
        return found

    for k, (i, j, sim) in enumerate(pairs, 1):
        if tick is not None and (k % 4096 == 0 or k == len(pairs)):
            tick(k, len(pairs))
        ai, ci = items[i]
        aj, cj = items[j]
        if sim < contra_t and (i, j) not in shared:
            continue
        why = contradiction(ci, cj, figs[(ai.document.id, ci.id)], figs[(aj.document.id, cj.id)], cfg, words_of)
        if why:
            contradicts.append((i, j, why))
            paired.update((i, j))
        elif sim >= agree_t:
            uf.union(i, j)
            paired.update((i, j))

    def member(k: int) -> ClaimMember:
        a, c = items[k]
        return ClaimMember(document=a.document.id, claim=c.id, side=side_of[a.document.id])

    groups: list[ClaimGroup] = []
    comps: dict[object, list[int]] = {}
    for k in range(n):
        comps.setdefault(uf.find(k), []).append(k)
    for ks in comps.values():
        if len(ks) > 1:
            groups.append(ClaimGroup(id="", relation="agree", members=[member(k) for k in ks],
                                     reason="same assertion by several sides"))
    for i, j, why in contradicts:
        groups.append(ClaimGroup(id="", relation="contradict", members=[member(i), member(j)], reason=why))
    for k in range(n):
        if k not in paired:
            groups.append(ClaimGroup(id="", relation="only", members=[member(k)]))
    for x, g in enumerate(groups, 1):
        g.id = f"c{x}"
    return groups
