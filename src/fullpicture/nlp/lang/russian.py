"""A Russian spaCy pipeline from the models that the ``natasha`` wheel ships.

``natasha`` 1.6.0 bundles Navec embeddings and Slovnet morphology, syntax and NER models
(MIT; see ``data/models/README.md``). Its own Python API cannot be imported on Python >= 3.11
(it needs ``pymorphy2``), so only its data files are used: they are located without
importing the package and loaded with ``slovnet``/``navec``. Tokens and sentences come from
``razdel``; lemmas from ``pymorphy3`` (OpenCorpora dictionaries), disambiguated by the
Slovnet part of speech, as natasha does. The result is an ordinary spaCy ``Doc``: ``pos_``,
``morph``, ``lemma_``, ``head``/``dep_`` (Universal Dependencies) and ``ents`` (PER/LOC/ORG).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Span
from spacy.vocab import Vocab

from fullpicture._errors import ConfigError
from fullpicture.nlp.lang.russian_ents import STRESS, refine_entities
from fullpicture.nlp.lang.russian_learned import relabel

_FILES = {
    "emb": "emb/navec_news_v1_1B_250K_300d_100q.tar",
    "morph": "model/slovnet_morph_news_v1.tar",
    "syntax": "model/slovnet_syntax_news_v1.tar",
    "ner": "model/slovnet_ner_news_v1.tar",
}


def natasha_data_dir() -> Path:
    """The ``natasha/data`` folder of the installed wheel (the package itself is not imported)."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("the Russian models come from the 'natasha' package: pip install --no-deps natasha==1.6.0")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def navec_path() -> Path:
    """The Navec embeddings file inside the natasha wheel."""
    return natasha_data_dir() / _FILES["emb"]


@lru_cache(maxsize=1)
def navec() -> Any:
    """The Navec embeddings, loaded once per process: Slovnet's models and the word clusters of
    ``russian_learned`` share them."""
    from navec import Navec

    return Navec.load(str(navec_path()))


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Any]:
    from slovnet import NER, Morph, Syntax

    root = natasha_data_dir()
    emb = navec()
    morph = Morph.load(str(root / _FILES["morph"]), batch_size=16).navec(emb)
    syntax = Syntax.load(str(root / _FILES["syntax"]), batch_size=16).navec(emb)
    ner = NER.load(str(root / _FILES["ner"]), batch_size=16).navec(emb)
    return morph, syntax, ner


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=20_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of ``word``, kept per process: several layers read the same words."""
    return tuple(_analyzer().parse(word))


# OpenCorpora part of speech -> UD (after natasha.morph.vocab, MIT)
_OC_UD = {
    "ADJF": "ADJ", "ADJS": "ADJ", "ADVB": "ADV", "COMP": "ADV", "VERB": "VERB", "GRND": "VERB",
    "INFN": "VERB", "PRTF": "VERB", "PRTS": "VERB", "NOUN": "NOUN", "NPRO": "PRON", "NUMR": "NUM",
    "Apro": "DET", "CONJ": "CCONJ", "INTJ": "INTJ", "PRCL": "PART", "PREP": "ADP",
}


# OpenCorpora grammemes of proper names: first name, surname, patronymic, place, organisation
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@lru_cache(maxsize=50_000)
def lemmatize(word: str, pos: str) -> str:
    """The dictionary form of ``word`` (lower case) whose part of speech agrees with ``pos``."""
    if not word or not any(ch.isalpha() for ch in word):
        return word.lower()
    found = parses(word.replace(STRESS, ""))
    want = {"PROPN": "NOUN", "AUX": "VERB"}.get(pos, pos)
    if pos == "PROPN":  # a name's parse first: "Песков" is the surname, not "песок" (sand)
        for p in found:
            if str(p.tag.POS) == "NOUN" and _NAME_GRAMMEMES & set(p.tag.grammemes):
                return str(p.normal_form)
    for p in found:
        if _OC_UD.get(str(p.tag.POS), "X") == want:
            return str(p.normal_form)
    return str(found[0].normal_form) if found else word.lower()


class RazdelTokenizer:
    """spaCy tokenizer from ``razdel``: whitespace runs become spaCy whitespace tokens."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from razdel import tokenize

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for tok in tokenize(text):
            gap = text[pos : tok.start]
            _gap(gap, words, spaces)
            words.append(tok.text)
            spaces.append(False)
            pos = tok.stop
        _gap(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_disk(self, *_: Any, **__: Any) -> None:  # pragma: no cover - never serialized
        return None

    def from_disk(self, *_: Any, **__: Any) -> RazdelTokenizer:  # pragma: no cover
        return self


def _gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    if not gap:
        return
    if gap[0] == " " and words:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


def repair_tree(ids: list[int], heads: Any, deps: list[str]) -> None:
    """Make one sentence's tree valid in place: one root, no cycles. Slovnet may return several
    roots or a cycle, and spaCy then fails on ``Span.root`` ("E039 array bounds exceeded").
    ``heads`` holds relative offsets; extra roots and tokens on a cycle hang from the root."""
    roots = [i for i in ids if deps[i] == "ROOT"]
    root = roots[0] if roots else ids[0]
    heads[root], deps[root] = 0, "ROOT"
    for i in roots[1:]:
        heads[i], deps[i] = root - i, "dep"
    for i in ids:
        for _ in range(len(ids) + 1):
            path: set[int] = set()
            j = i
            while deps[j] != "ROOT" and j not in path:
                path.add(j)
                j += int(heads[j])
            if deps[j] == "ROOT":
                break
            heads[j], deps[j] = root - j, "dep"  # j lies on a cycle


class RussianAnalyzer:
    """``fp_ru``: sentences, UD tags and morphology, lemmas, dependency tree and NER.

    Slovnet multiplies small matrices with numpy; OpenBLAS's worker threads cost more than
    they save on them (on 2 busy cores, 7x the CPU time of one thread), so the BLAS pool is
    limited to ``blas_threads`` (``[pipeline] ru_blas_threads``; 0: leave it alone) while a
    document is analysed, and restored afterwards.
    """

    def __init__(self, blas_threads: int = 1, learned: bool = True) -> None:
        self.morph, self.syntax, self.ner = _models()
        self.blas_threads = blas_threads
        self.learned = learned
        self._pools: Any = None
        if blas_threads > 0:
            from threadpoolctl import ThreadpoolController

            self._pools = ThreadpoolController()

    def __call__(self, doc: Doc) -> Doc:
        if self._pools is None:
            return self._analyse(doc)
        with self._pools.limit(limits=self.blas_threads, user_api="blas"):
            return self._analyse(doc)

    def _analyse(self, doc: Doc) -> Doc:
        from razdel import sentenize

        text = doc.text
        sents: list[list[int]] = []
        for s in sentenize(text):
            ids = [t.i for t in doc.char_span(s.start, s.stop, alignment_mode="expand") or [] if not t.is_space]
            if ids:
                sents.append(ids)
        words = [[doc[i].text.replace(STRESS, "") or doc[i].text for i in ids] for ids in sents]
        heads = np.zeros(len(doc), dtype="int64")
        deps = ["dep"] * len(doc)
        for ids, m, s in zip(sents, self.morph.map(words), self.syntax.map(words), strict=True):
            for i, mt, st in zip(ids, m.tokens, s.tokens, strict=True):
                tok = doc[i]
                tok.pos_ = mt.pos
                if mt.feats:
                    tok.morph = MorphAnalysis(doc.vocab, dict(mt.feats))
                tok.lemma_ = lemmatize(tok.text, mt.pos)
                h = int(st.head_id)
                if h == 0 or h > len(ids):
                    deps[i] = "ROOT"
                else:
                    heads[i] = ids[h - 1] - i
                    deps[i] = st.rel
            repair_tree(ids, heads, deps)
            subject_by_agreement(doc, ids, heads, deps)
        for tok in doc:
            if tok.is_space:
                tok.pos_ = "SPACE"
                deps[tok.i] = "dep"
                # attach whitespace to the previous token (as spaCy's parsers do)
                heads[tok.i] = -1 if tok.i > 0 else 0
        arr = np.zeros((len(doc), 2), dtype="uint64")
        arr[:, 0] = heads.astype("uint64")
        arr[:, 1] = [doc.vocab.strings.add(d) for d in deps]
        doc.from_array([HEAD, DEP], arr)  # type: ignore[arg-type]
        ents: list[Span] = []
        spans = list(sentenize(text))
        for s, found in zip(spans, ner_spans(self.ner, [text[s.start : s.stop] for s in spans]), strict=True):
            for start, stop, label in found:
                span = doc.char_span(s.start + start, s.start + stop, label=label, alignment_mode="expand")
                if span is not None and (not ents or span.start >= ents[-1].end):
                    ents.append(span)
        starts = {ids[0] for ids in sents}
        ents = refine_entities(doc, ents, starts)
        doc.ents = relabel(doc, ents, starts) if self.learned else ents
        return doc


def subject_by_agreement(doc: Doc, ids: list[int], heads: Any, deps: list[str]) -> None:
    """A finite verb left without a subject, whose ``obj`` dependents include exactly one
    nominative noun agreeing with it in number (and gender, in the past singular), gets that
    noun as ``nsubj``. Russian word order is free and nominative and accusative often look
    alike, so the parser can take the subject for an object ("Украинское командование
    обвинило ... российские войска": "обвинило" is neuter singular like "командование")."""
    def _feat(morph: MorphAnalysis, name: str) -> list[str]:
        return list(morph.get(name, []))

    kids: dict[int, list[int]] = {}
    for i in ids:
        if deps[i] != "ROOT":
            kids.setdefault(i + int(heads[i]), []).append(i)
    for v in ids:
        verb = doc[v].morph
        if doc[v].pos_ != "VERB" or "Fin" not in _feat(verb, "VerbForm") or _feat(verb, "Person") in (["1"], ["2"]):
            continue
        if any(deps[k] in ("nsubj", "nsubj:pass") for k in kids.get(v, [])):
            continue
        number, gender = _feat(verb, "Number"), _feat(verb, "Gender")
        agree = [k for k in kids.get(v, []) if deps[k] == "obj" and doc[k].pos_ in ("NOUN", "PROPN")
                 and _feat(doc[k].morph, "Case") == ["Nom"] and _feat(doc[k].morph, "Number") == number
                 and (not gender or _feat(doc[k].morph, "Gender") == gender)]
        if len(agree) == 1 and number:
            deps[agree[0]] = "nsubj"


def ner_spans(ner: Any, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Slovnet NER spans ``(start, stop, type)`` of each text, offsets into that text.

    Stress marks (U+0301, common in encyclopedic and teaching texts: "Бо́льшая") make a word
    unknown to the embeddings, and the model then takes it for a name; they are removed before
    tagging and the offsets mapped back.
    """
    plain: list[str] = []
    maps: list[list[int] | None] = []
    for text in texts:
        if STRESS in text:
            keep = [i for i, ch in enumerate(text) if ch != STRESS]
            plain.append("".join(text[i] for i in keep))
            maps.append([*keep, len(text)])
        else:
            plain.append(text)
            maps.append(None)
    out = []
    for markup, offsets in zip(ner.map(plain), maps, strict=True):
        if offsets is None:
            out.append([(sp.start, sp.stop, sp.type) for sp in markup.spans])
        else:
            out.append([(offsets[sp.start], offsets[sp.stop - 1] + 1, sp.type) for sp in markup.spans])
    return out


@Language.factory("fp_ru", default_config={"blas_threads": 1, "learned": True})
def make_russian(nlp: Language, name: str, blas_threads: int, learned: bool) -> RussianAnalyzer:
    """Factory for ``fp_ru`` (the Slovnet models load once per process); ``learned``: end the
    entities with the CRF layer of ``russian_learned``."""
    return RussianAnalyzer(blas_threads, learned)


def russian_pipeline(blas_threads: int = 1, learned: bool = True) -> Language:
    """A blank Russian spaCy pipeline with the razdel tokenizer and ``fp_ru``."""
    nlp = spacy_blank_ru()
    nlp.tokenizer = RazdelTokenizer(nlp.vocab)
    nlp.add_pipe("fp_ru", config={"blas_threads": blas_threads, "learned": learned})
    return nlp


def spacy_blank_ru() -> Language:
    """``spacy.blank("ru")`` (Russian stop words and lexical attributes, no models)."""
    import spacy

    return spacy.blank("ru")
