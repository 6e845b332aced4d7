"""A learned source chooser: for each attribution, which span is its source, or none.

The rules and the tagger each pick a source one way (the parse's subject, the nearest tagged
source), with bounds that often miss PolNeAR's conventions: an apposition kept or cut
("Jane Roe, the mayor, said"), a relative clause, a time phrase or an adverb ("Even China")
in or out. For every claim with a cue (naming claims apart), :func:`candidates` (:mod:`._source_cands`) lists source spans: the claim's own
source, the cue's parse subject (a passive's agent, a noun's possessor, the object of
"according to", through conj/xcomp chains), the object that a raising verb hands to an
infinitive cue ("forced the chief to admit"), each with variant bounds (whole phrase; cut
at its first comma; through its first apposition and the comma closing it; cut before a
prepositional phrase or a clause on the head; without a leading adverb or predeterminer;
the head's own noun phrase). One logistic model (``data/models/attribution_sources.npz``,
trained out-of-fold on PolNeAR train by ``scripts/train_sources.py``) scores each
candidate from the parse (head's part of speech, dependency and entity type, the shape of
the span, its place beside the cue) and the role network's source probabilities for its
tokens and the tokens just outside it (and, in a model trained with them, ``crf`` in the file,
the CRF tagger's own source and content marginals there, :func:`_crf_cols`; in a model
trained with ``runs`` too, the stretches of the cue's sentence the CRF calls source are
candidates as well, :func:`source_runs`), against a "no source" option scored from the claim
(its kind, origin, whether it had a source): a conditional logit over one claim's options.
The best option wins, "no source" with ``[claims] source_none_offset`` added to its score;
only the tagger's and the cue classifier's claims may take it (a rule's claim keeps a source,
unless all its candidates come from runs).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._roleprob import LABELS, RoleNet, token_probs
from fullpicture.nlp.claims._source_cands import (
    _FROM_RUN,
    _LEAD_DEPS,
    _ORIGINS,
    _RELATIVE,
    _SHAPES,
    candidates,
    source_runs,
)
from fullpicture.nlp.claims._source_pairs import pair_columns
from fullpicture.nlp.claims._tagger import AttributionTagger

SOURCES_FILE = "attribution_sources.npz"
_HPOS = ("PROPN", "NOUN", "PRON", "DET", "NUM")
_HDEP = ("nsubj", "nsubjpass", "pobj", "poss", "dobj", "appos", "conj", "compound")
_ENTS = ("PERSON", "ORG", "GPE", "NORP")
_KINDS = ("direct", "indirect", "according_to", "unsourced", "naming")
_SRC = LABELS.index("SRC")

Model = tuple[np.ndarray, np.ndarray, np.ndarray]
ORIGIN_COLS = len(_ORIGINS)  # a row's first columns: the candidate's origins (none: found from a run alone)
RUN_COLS = 4  # in a model trained with the CRF's source runs: found from a run, a run's own bounds, and
# whether the candidate overlaps another judged claim's source, or its cue or content
_OTHER_SOURCE, _OTHER_CLAIM = _FROM_RUN + 2, _FROM_RUN + 3
CRF_COLS = 5  # the CRF's marginals over a candidate (:func:`crf_table`), in a model trained with them
_CLAIM_COLS = len(_KINDS) + 11  # the last columns of a row describe the claim, not the candidate
_CUE = LABELS.index("CUE")
_LEARNED = -_CLAIM_COLS + len(_KINDS)  # the column that says the claim is the tagger's or added


def sources_path() -> str | None:
    """Path of the shipped source chooser, or None when it is missing."""
    ref = resources.files("fullpicture") / "data" / "models" / SOURCES_FILE
    return str(ref) if ref.is_file() else None


@lru_cache(maxsize=4)
def load_sources(path: str | None) -> Model | None:
    """The chooser saved by ``scripts/train_sources.py`` (mean, scale, weights), or None."""
    if path is None:
        return None
    with np.load(path) as z:
        return (np.asarray(z["mu"], dtype=np.float64), np.asarray(z["sd"], dtype=np.float64),
                np.asarray(z["w"], dtype=np.float64))


@lru_cache(maxsize=8)
def _flag(path: str | None, key: str) -> bool:
    if path is None:
        return False
    with np.load(path) as z:
        return key in z.files and bool(z[key])


def sources_crf(path: str | None) -> bool:
    """Whether the chooser at ``path`` was trained with the CRF's marginals (``crf`` in the file)."""
    return _flag(path, "crf")


def sources_runs(path: str | None) -> bool:
    """Whether the chooser at ``path`` was trained with the CRF's source runs among its
    candidates (``runs`` in the file: its rows carry :data:`RUN_COLS` more flag columns)."""
    return _flag(path, "runs")


def _onehot(v: str, vocab: tuple[str, ...]) -> list[float]:
    return [1.0 if v == x else 0.0 for x in vocab]


def _row(doc: Doc, c: RawClaim, sp: tuple[int, int], head: int, flags: list[int], a: int, b: int,
         probs: np.ndarray, claim: list[float], cue_t: int, ents: list[str], crf: list[float], runs: bool = False
         ) -> list[float]:
    """One candidate's features (``probs``: source probabilities of tokens a-1 .. b; ``cue_t``:
    the cue's root token, :func:`._source_pairs.pair_columns`; ``crf``: the CRF's columns,
    :func:`crf_table`; ``runs``: the model reads the run flags); token attributes read from the document's arrays
    (:func:`fullpicture.nlp._tokens.token_arrays`; ``ents``: its ``ent_type``, read once per
    document)."""
    arr = token_arrays(doc)
    dep, heads = arr.dep, arr.head
    hi = head if head >= 0 else a
    toks = range(a, b)
    inside = probs[1:-1] if len(probs) > 2 else np.zeros(1)
    cue = c.cue or c.content
    text = doc_text(doc)[sp[0]:sp[1]]
    flag = [0.0] * (len(_ORIGINS) + len(_SHAPES) + (RUN_COLS if runs else 0))
    for f in flags:
        flag[f] = 1.0  # a run's flags come only with runs (:func:`rows`)
    before = sp[1] <= cue[0]
    gap = (cue[0] - sp[1]) if before else (sp[0] - cue[1])
    first = dep[a]
    return [*flag, float(len(flags) // 2), np.log1p(b - a), float("," in text.rstrip(",")), float(text.endswith(",")),
            float("(" in text), float(any(dep[k] in ("relcl", "acl") for k in toks)),
            float(any(dep[k] == "prep" and heads[k] == hi for k in toks)), float(any(dep[k] == "cc" for k in toks)),
            *_onehot(arr.pos[hi], _HPOS), *_onehot(dep[hi], _HDEP), *_onehot(ents[hi], _ENTS),
            float(arr.lower[hi] in _RELATIVE), float(first == "det"), float(first in _LEAD_DEPS),
            float(arr.is_title[a]), float(before), np.log1p(max(gap, 0)),
            float(inside.mean()), float(inside.min()), float(probs[0]), float(probs[-1]),
            *_boundary(doc, c, hi, a, b, ents), float(inside.max()), *pair_columns(doc, doc[hi], doc[max(cue_t, 0)], a, b),
            *crf, *claim]


def _boundary(doc: Doc, c: RawClaim, h: int, a: int, b: int, ents: list[str]) -> list[float]:
    """What lies at a candidate's edges (head token ``h``, tokens a..b), and how it sits
    beside the claim's own source (``ents``: each token's entity type)."""
    arr = token_arrays(doc)
    words = arr.text
    n = arr.n
    nxt = b if b < n else -1
    prv = a - 1 if a > 0 else -1
    toks = range(a, b)
    s0, e0 = (arr.idx[a], arr.idx[b - 1] + len(words[b - 1])) if b > a else (0, 0)
    given = c.source
    return [float(nxt >= 0 and words[nxt] == ","), float(nxt >= 0 and arr.lower[nxt] in _RELATIVE),
            float(nxt >= 0 and ents[nxt] in ("DATE", "TIME")), float(nxt >= 0 and words[nxt] == "("),
            float(prv >= 0 and words[prv] == ","), float(any(ents[k] in ("DATE", "TIME") for k in toks)),
            np.log1p(sum(words[k] == "," for k in toks)), np.log1p(max(h - a, 0)), np.log1p(max(b - 1 - h, 0)),
            float(ents[h] != "PERSON" and any(ents[k] == "PERSON" for k in toks)),
            float(given is not None and given[0] <= s0 and e0 <= given[1] and (s0, e0) != given),
            float(given is not None and s0 <= given[0] and given[1] <= e0 and (s0, e0) != given)]


def _claim(doc: Doc, c: RawClaim, n_cands: int, cue_p: float, keep: float | None,
           prior: dict[str, tuple[int, int]], speakers: dict[str, int], sent: tuple[int, int]) -> list[float]:
    """The claim's own columns: kind, origin, the cue classifier's probability, the cue's
    role-network probability and training rate, the speaker's other claims, its place."""
    cue_n, tot = prior.get((c.cue_lemma or "") + "|V", (0, 0))
    spk = _speaker(doc, c)
    return [*_onehot(c.kind, _KINDS), float(c.confidence is not None), float(c.source is not None),
            np.log1p(n_cands), float(keep is not None), keep if keep is not None else 0.0, cue_p,
            cue_n / tot if tot else 0.0, np.log1p(tot), np.log1p(speakers.get(spk, 1) - 1) if spk else 0.0,
            sent[0] / max(sent[1], 1), float(sent[0] == 0)]


def _speaker(doc: Doc, c: RawClaim) -> str:
    """The lower-cased head word of a claim's source ("" without one)."""
    if c.source_head is not None and 0 <= c.source_head < len(doc):
        return doc[c.source_head].lower_
    return doc_text(doc)[c.source[0]:c.source[1]].lower() if c.source is not None else ""


def crf_table(doc: Doc, ids: list[int], crf: AttributionTagger | None) -> tuple[np.ndarray, np.ndarray]:
    """The CRF's source and content marginals of tokens ``ids`` (``crf`` must have tagged
    ``doc`` last; a role's B and I summed), as arrays whose index k + 1 is token k (zeros
    elsewhere, and all zeros without ``crf`` or when it tagged another document)."""
    n = len(doc)
    src, con = np.zeros(n + 2), np.zeros(n + 2)
    mcon = crf.role_marginals(doc, ids, 1) if crf is not None else {}
    msrc = crf.role_marginals(doc, ids, 2) if crf is not None else {}
    for k in ids:
        if k in mcon:
            con[k + 1], src[k + 1] = mcon[k], msrc[k]
    return src, con


def _crf_cols(src: np.ndarray, con: np.ndarray, a: int, b: int) -> list[float]:
    """A candidate's CRF columns (tokens a..b; :func:`crf_table`'s arrays): mean and least
    source marginal inside, the source marginal of the tokens just before and just after it,
    the mean content marginal inside."""
    inside = src[a + 1 : b + 1] if b > a else np.zeros(1)
    return [float(inside.mean()), float(inside.min()), float(src[a]), float(src[b + 1]),
            float(con[a + 1 : b + 1].mean()) if b > a else 0.0]


def _claim_runs(doc: Doc, claims: list[RawClaim], crf: AttributionTagger | None, least: float | None
                ) -> list[list[tuple[int, int]]]:
    """Per claim the CRF's source runs (:func:`source_runs`, marginal at least ``least``) of
    its cue's sentence; empty lists without ``crf`` or ``least``."""
    if crf is None or least is None:
        return [[] for _ in claims]
    sents = token_arrays(doc).sents
    starts = [a for a, _ in sents]
    which = []
    for c in claims:
        cs = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand") if c.cue is not None else None
        which.append(bisect_right(starts, cs.start) - 1 if cs is not None and len(cs) else -1)
    ids = sorted({k for w in set(which) if w >= 0 for k in range(*sents[w])})
    src, _ = crf_table(doc, ids, crf)
    runs = {w: source_runs(doc, list(range(*sents[w])), src, least) for w in set(which) if w >= 0}
    return [runs.get(w, []) for w in which]


def rows(doc: Doc, claims: list[RawClaim], net: RoleNet | None, prior: dict[str, tuple[int, int]] | None = None,
         keep: dict[int, float] | None = None, crf: AttributionTagger | None = None, run_min: float | None = None
         ) -> tuple[list[list[tuple[tuple[int, int], int]]], np.ndarray]:
    """Per claim its candidates ((chars), head), and one feature row per candidate (in order);
    ``prior`` is the cue-rate table, ``keep`` the cue classifier's probabilities by claim ``id``;
    with ``crf`` (the tagger that tagged ``doc`` last) each row carries :func:`_crf_cols`, and
    with ``run_min`` too the CRF's source runs of the cue's sentence are candidates
    (:func:`source_runs`) and each row carries their flags."""
    per: list[list[tuple[tuple[int, int], int]]] = []
    spans = []
    cue_tok: list[int] = []
    runs = crf is not None and run_min is not None
    for c, found in zip(claims, _claim_runs(doc, claims, crf, run_min), strict=True):
        cands = candidates(doc, c, found)
        per.append([(sp, hd) for sp, hd, _ in cands])
        cs = doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand") if c.cue is not None else None
        cue_tok.append(cs.root.i if cs is not None and len(cs) else -1)
        for sp, hd, flags in cands:
            tok = doc.char_span(sp[0], sp[1], alignment_mode="expand")
            a, b = (tok.start, tok.end) if tok is not None else (0, 0)
            spans.append((c, sp, hd, flags, a, b, cue_tok[-1]))
    if not spans or net is None:
        return per, np.zeros((0, 0))
    n = len(doc)
    ids = sorted({k for *_, a, b, _ in spans for k in range(max(a - 1, 0), min(b + 1, n))}
                 | {t for t in cue_tok if t >= 0})
    probs = token_probs(doc, ids, net)
    if probs is None:
        return per, np.zeros((0, 0))
    src = np.zeros(n + 2)
    src[np.asarray(ids) + 1] = probs[:, _SRC]  # index k + 1 is token k; 0 and n + 1 past the edges
    cue = np.zeros(n + 2)
    cue[np.asarray(ids) + 1] = probs[:, _CUE]
    speakers: dict[str, int] = {}
    for c in claims:
        spk = _speaker(doc, c)
        speakers[spk] = speakers.get(spk, 0) + 1
    starts = [a for a, _ in token_arrays(doc).sents]  # doc.sents' starts, without a Span per sentence
    keep = keep or {}
    info = {id(c): _claim(doc, c, len(p), float(cue[t + 1]) if t >= 0 else 0.0, keep.get(id(c)), prior or {},
                          speakers, (bisect_right(starts, max(t, 0)) - 1, len(starts)))
            for c, p, t in zip(claims, per, cue_tok, strict=True)}
    ents = token_arrays(doc).ent_type
    csrc, ccon = crf_table(doc, ids, crf)
    out = [_row(doc, c, sp, hd, fl, a, b, src[a : b + 2], info[id(c)], t, ents,
                _crf_cols(csrc, ccon, a, b) if crf is not None else [], runs)
           for c, sp, hd, fl, a, b, t in spans]
    if runs:
        # every claim's source, and every cue and content, listed once for all the candidates
        sources = [(o, o.source) for o in claims if o.source is not None]
        parts = [(o, x) for o in claims for x in (o.cue, o.content) if x is not None]
        for row, (c, sp, *_) in zip(out, spans, strict=True):
            row[_OTHER_SOURCE], row[_OTHER_CLAIM] = _others(sources, parts, c, sp)
    return per, np.asarray(out, dtype=np.float64)


def _others(sources: list[tuple[RawClaim, tuple[int, int]]], parts: list[tuple[RawClaim, tuple[int, int]]],
            c: RawClaim, sp: tuple[int, int]) -> tuple[float, float]:
    """Whether span ``sp`` overlaps the source of a claim other than ``c``, and whether it
    overlaps another claim's cue or content (``sources``: (claim, source) of each claim with
    one; ``parts``: (claim, span) of each claim's cue and content)."""
    a, b = sp
    return (float(any(x[0] < b and a < x[1] for o, x in sources if o is not c)),
            float(any(x[0] < b and a < x[1] for o, x in parts if o is not c)))


def options(x: np.ndarray) -> np.ndarray:
    """One claim's options: a "no source" row, then its candidates' rows. A candidate row keeps
    its own columns (the claim's columns zeroed); the "no source" row has only its flag and
    the claim's columns (a conditional logit compares the options of one claim)."""
    w = x.shape[1] - _CLAIM_COLS
    none = np.zeros((1, x.shape[1] + 1))
    none[0, w] = 1.0
    none[0, w + 1 :] = x[0, w:]
    return np.vstack([none, np.hstack([x[:, :w], np.zeros((len(x), 1 + _CLAIM_COLS))])])


def pick(model: Model, per: list[list[tuple[tuple[int, int], int]]], x: np.ndarray, none_offset: float
         ) -> list[tuple[tuple[int, int], int] | None]:
    """Per claim its best option (``none_offset`` added to the "no source" score, when the claim
    may take it): a candidate, or None."""
    mu, sd, w = model
    out: list[tuple[tuple[int, int], int] | None] = []
    k = 0
    for cands in per:
        if not cands:
            out.append(None)
            continue
        z = ((options(x[k : k + len(cands)]) - mu) / sd) @ w
        # a rule's claim keeps a source (its bounds may change): "no source" is for learned ones,
        # and for a rule's claim whose candidates all come from the CRF's runs (it had none)
        free = x[k, _LEARNED] > 0 or not x[k : k + len(cands), :ORIGIN_COLS].any()
        z[0] = z[0] + none_offset if free else -np.inf
        best = int(np.argmax(z))
        out.append(cands[best - 1] if best else None)
        k += len(cands)
    return out


def chosen_for(claims: list[RawClaim]) -> list[RawClaim]:
    """The claims whose source is chosen: those with a cue, naming claims apart (who calls a
    thing by a name is what a naming claim is shown for; the cue classifier never judges them
    either)."""
    return [c for c in claims if c.cue is not None and c.kind != "naming"]


def choose(doc: Doc, claims: list[RawClaim], model: Model, net: RoleNet | None, none_offset: float,
           prior: dict[str, tuple[int, int]] | None = None, keep: dict[int, float] | None = None,
           crf: AttributionTagger | None = None, run_min: float | None = None) -> list[RawClaim]:
    """The claims with the chooser's sources, in place (others keep theirs, :func:`chosen_for`);
    ``prior``, ``keep``, ``crf`` and ``run_min`` (given only to a model trained with their
    columns) as for :func:`rows`."""
    judged = chosen_for(claims)
    per, x = rows(doc, judged, net, prior, keep, crf, run_min)
    if not len(x):
        return claims
    for c, got in zip(judged, pick(model, per, x, none_offset), strict=True):
        c.source, c.source_head = (got[0], got[1] if got[1] >= 0 else None) if got is not None else (None, None)
    return claims
