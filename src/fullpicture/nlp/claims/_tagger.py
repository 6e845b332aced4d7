"""The learned attribution tagger: a linear-chain CRF over token features (BIO per role).

Trained on PolNeAR train by ``scripts/train_attribution.py`` (``make train``); the weights
ship as ``data/models/attribution.crfsuite``. The tagger labels every token as the source,
cue or content of an attribution (or none), with a marginal probability per token; spans
are maximal runs of one role. :mod:`fullpicture.nlp.claims._merge` groups them into claims.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from spacy.tokens import Doc

from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.claims._crfscore import ScoreTagger
from fullpicture.nlp.claims._data import ClaimLexicon, claim_lexicon
from fullpicture.nlp.claims._features import doc_features, feature_blocks, prior_bucket
from fullpicture.nlp.claims._roleprob import load_roles, roles_path

MODEL_FILE = "attribution.crfsuite"
CLUSTERS_FILE = "attribution_clusters.npz"
PRIOR_FILE = "attribution_cue_prior.tsv"
_ROLE = {"SRC": "source", "CUE": "cue", "CON": "content"}
#: the roles of :meth:`AttributionTagger.role_marginals`, by the ending of their labels
MARGINAL_ROLES = ("-CUE", "-CON", "-SRC", "O")


@dataclass
class TaggedSpan:
    """One role span found by the tagger: token bounds, characters and mean confidence."""

    role: str
    i: int
    j: int
    start: int
    end: int
    confidence: float


def model_path() -> str | None:
    """Path of the shipped CRF weights, or None when they are missing."""
    ref = resources.files("fullpicture") / "data" / "models" / MODEL_FILE
    return str(ref) if ref.is_file() else None


def clusters_path() -> str | None:
    """Path of the shipped k-means centres of spaCy's tok2vec vectors, or None."""
    ref = resources.files("fullpicture") / "data" / "models" / CLUSTERS_FILE
    return str(ref) if ref.is_file() else None


def prior_path() -> str | None:
    """Path of the shipped cue rates of lemmas in PolNeAR train, or None."""
    ref = resources.files("fullpicture") / "data" / "models" / PRIOR_FILE
    return str(ref) if ref.is_file() else None


@lru_cache(maxsize=2)
def load_prior(path: str | None) -> dict[str, str]:
    """"lemma|V" -> cue-rate bucket, from a TSV of lemma, POS letter, cue count, total count."""
    if path is None:
        return {}
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            lemma, tag, cue, total = line.rstrip("\n").split("\t")
            b = prior_bucket(int(cue), int(total))
            if b:
                out[lemma + "|" + tag] = b
    return out


@lru_cache(maxsize=2)
def load_centroids(path: str | None) -> tuple[np.ndarray, ...]:
    """The k-means centres (one array per clustering, in file order); () without a file."""
    if path is None:
        return ()
    with np.load(path) as z:
        return tuple(np.asarray(z[k], dtype=np.float32) for k in sorted(z.files, key=lambda k: int(k.split("_")[1])))


@lru_cache(maxsize=2)
def _load(path: str) -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


@lru_cache(maxsize=2)
def _load_scores(path: str) -> ScoreTagger | None:
    """The numpy state scorer of the weights at ``path`` (:mod:`._crfscore`: the same labels
    and marginals as pycrfsuite on the strings), or None where the file does not read as a
    CRFsuite model it can reproduce (the tagger then keeps pycrfsuite on the strings)."""
    try:
        with open(path, "rb") as fh:
            return ScoreTagger(fh.read())
    except (ValueError, struct.error):
        return None


def decode(doc: Doc, tags: list[str], probs: list[float] | None = None) -> list[TaggedSpan]:
    """Spans of maximal B/I runs of one role (token bounds, edge whitespace tokens left out)."""
    out: list[TaggedSpan] = []
    i = 0
    n = len(tags)
    toks = token_arrays(doc)
    space, idx, text = toks.is_space, toks.idx, toks.text
    while i < n:
        tag = tags[i]
        if tag == "O":
            i += 1
            continue
        role = tag[2:]
        j = i + 1
        while j < n and tags[j] == "I-" + role:
            j += 1
        a, b = i, j
        while a < b and space[a]:
            a += 1
        while b > a and space[b - 1]:
            b -= 1
        if b > a:
            s, e = idx[a], idx[b - 1] + len(text[b - 1])
            conf = sum(probs[i:j]) / (j - i) if probs else 1.0
            out.append(TaggedSpan(_ROLE[role], i, j, s, e, conf))
        i = j
    return out


class AttributionTagger:
    """Tags a parsed Doc with attribution roles; build once, call per document."""

    def __init__(
        self, path: str | None = None, lex: ClaimLexicon | None = None, clusters: str | None = None,
        prior: str | None = None, roles: str | None = None, role_features: bool = False,
    ) -> None:
        self.path = path or model_path()
        self.lex = lex or claim_lexicon()
        self.centroids = load_centroids(clusters or clusters_path())
        self.prior = load_prior(prior or prior_path())
        # the role network: a filter of learned cues (AttributionExtractor); as CRF features
        # only for weights trained with them (``--role-folds``; not the shipped ones)
        self.roles = load_roles(roles or roles_path())
        self.role_features = role_features
        self._last: tuple[Doc, Any] | None = None  # the document tagged last, and its tagger
        # per role (cue, content, source, outside) the marginals read for it so far
        self._roles: tuple[dict[int, float], ...] = ({}, {}, {}, {})

    @property
    def available(self) -> bool:
        """Whether weights were found."""
        return self.path is not None

    def __call__(self, doc: Doc, rules: list[Any]) -> list[TaggedSpan]:
        """Role spans of one document, given the rule extractor's claims on it."""
        if self.path is None or len(doc) == 0:
            return []
        scorer = _load_scores(self.path)
        tagger: Any
        if scorer is not None and not self.role_features:
            blocks = feature_blocks(doc, rules, self.lex, self.centroids, self.prior)
            tagger, tags = scorer, scorer.tag_scores(scorer.block_scores(blocks.head, blocks.mid, blocks.tail))
        else:
            tagger = _load(self.path)
            feats = doc_features(doc, rules, self.lex, self.centroids, self.prior,
                                 self.roles if self.role_features else None)
            tags = tagger.tag(feats)
        self._last, self._roles = (doc, tagger), ({}, {}, {}, {})
        # marginals only where a span is (decode averages them over its tokens)
        probs = [tagger.marginal(t, k) if t != "O" else 0.0 for k, t in enumerate(tags)]
        return decode(doc, tags, probs)

    def marginals(self, doc: Doc, tokens: Iterable[int]) -> dict[int, tuple[float, float, float, float]]:
        """The CRF's marginal probabilities of (cue, content, source, outside) of ``tokens`` of
        ``doc`` (the document this tagger tagged last), each role's B and I summed (see
        :meth:`role_marginals`); {} when ``doc`` is not the last one tagged."""
        ks = list(tokens)
        tables = [self.role_marginals(doc, ks, role) for role in range(len(MARGINAL_ROLES))]
        return {k: (tables[0][k], tables[1][k], tables[2][k], tables[3][k]) for k in ks} if tables[0] else {}

    def role_marginals(self, doc: Doc, tokens: Iterable[int], role: int) -> dict[int, float]:
        """The CRF's marginal probability of one role (an index into :data:`MARGINAL_ROLES`: cue,
        content, source, outside; a role's B and I summed) of tokens of ``doc`` (the document
        this tagger tagged last): a table that holds at least ``tokens`` (each read once per
        document and role: a caller reads only the roles it needs); {} when ``doc`` is not the
        last one tagged (the CRF keeps only its last sequence)."""
        if self._last is None or self._last[0] is not doc:
            return {}
        out = self._roles[role]
        todo = set(tokens).difference(out)
        if todo:
            tagger = self._last[1]
            crf = tagger.tagger if isinstance(tagger, ScoreTagger) else tagger  # pycrfsuite's own Tagger
            marginal, suffix = crf.marginal, MARGINAL_ROLES[role]
            names = [lb for lb in crf.labels() if lb.endswith(suffix)] if suffix != "O" else ["O"]
            if len(names) == 2:  # B and I of the role: the sum written out
                b, i = names
                for k in todo:  # sum() adds from 0, and 0 + x is x: the same doubles
                    out[k] = marginal(b, k) + marginal(i, k)
            elif names == ["O"]:
                for k in todo:
                    out[k] = marginal("O", k)
            else:
                for k in todo:
                    out[k] = sum(marginal(lb, k) for lb in names)
        return out
