"""Lexicon matching: compile PhraseMatchers once, turn matches into framing cues."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from fullpicture.models import FramingCue
from fullpicture.nlp.framing._lemmacache import cached_lemmas, lemma_doc
from fullpicture.nlp.framing._lexicon import LexEntry

# Entity types whose capitalised words are names, not the writer's word choice
# ("Kosovo Liberation Army" is not the loaded word "liberation").
_NAME_TYPES = frozenset({"ORG", "WORK_OF_ART", "FAC", "EVENT", "LAW", "PERSON", "PRODUCT"})
_LEMMA_PIPES = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")


def _is_general(entry: LexEntry) -> bool:
    return entry.conflict == "general"


class LexiconMatcher:
    """All lexicon entries compiled into three PhraseMatchers (ORTH, LOWER, LEMMA)."""

    def __init__(self, nlp: Language, entries: tuple[LexEntry, ...]) -> None:
        self.entries = entries
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        lemma_terms: list[tuple[str, str]] = []
        by_matcher: dict[str, dict[str, list[Doc]]] = {"exact": defaultdict(list), "lower": defaultdict(list)}
        for idx, entry in enumerate(entries):
            key = str(idx)
            for term in entry.terms:
                # an acronym matches as written: "SMO", not the Serbian auxiliary "smo"
                acronym = len(term) >= 2 and term.isupper() and term.isalpha()
                mode = "exact" if entry.match == "exact" or acronym else "lower"
                by_matcher[mode][key].append(nlp.make_doc(term))
                if mode == "exact" and term.upper() != term:
                    # datelines and headlines in capitals ("KYIV, May 12")
                    by_matcher[mode][key].append(nlp.make_doc(term.upper()))
                if entry.match == "lemma":
                    lemma_terms.append((key, term))
        for key, docs in by_matcher["exact"].items():
            self.exact.add(key, docs)
        for key, docs in by_matcher["lower"].items():
            self.lower.add(key, docs)
        self._add_lemma_patterns(nlp, lemma_terms)

    def _add_lemma_patterns(self, nlp: Language, lemma_terms: list[tuple[str, str]]) -> None:
        enable = [p for p in _LEMMA_PIPES if p in nlp.pipe_names]
        if "lemmatizer" not in enable or not lemma_terms:
            return
        procs = [nlp.get_pipe(name) for name in enable]
        tokens = [nlp.make_doc(term) for _, term in lemma_terms]

        def compute() -> list[list[str]]:
            out = []
            for doc in tokens:  # the enabled pipes by hand: safe inside a running pipeline
                for proc in procs:
                    doc = proc(doc)
                out.append([t.lemma_ for t in doc])
            return out

        words = [([t.text for t in d], [bool(t.whitespace_) for t in d]) for d in tokens]
        lemmas = cached_lemmas(nlp, enable, words, compute)
        grouped: dict[str, list[Doc]] = defaultdict(list)
        for (key, _), (ws, sp), lm in zip(lemma_terms, words, lemmas, strict=True):
            grouped[key].append(lemma_doc(nlp, ws, sp, lm))
        for key, docs in grouped.items():
            self.lemma.add(key, docs)

    def _raw_matches(self, doc: Doc) -> dict[tuple[int, int], list[int]]:
        spans: dict[tuple[int, int], list[int]] = defaultdict(list)
        has_lemma = doc.has_annotation("LEMMA")
        matchers = [self.exact, self.lower] + ([self.lemma] if has_lemma and len(self.lemma) else [])
        for matcher in matchers:
            for match_id, start, end in matcher(doc):
                idx = int(doc.vocab.strings[match_id])
                if idx not in spans[(start, end)]:
                    spans[(start, end)].append(idx)
        return spans

    def _inside_name(self, doc: Doc, start: int, end: int, entry: LexEntry) -> bool:
        if entry.category == "naming" or any(c.isupper() for t in entry.terms for c in t):
            return False
        toks = doc[start:end]
        return all(t.ent_type_ in _NAME_TYPES and (t.is_title or t.is_upper) for t in toks) and not (
            toks[0].is_sent_start and len(toks) == 1
        )

    def cues(self, doc: Doc) -> list[FramingCue]:
        """Non-overlapping lexicon cues (longest match wins), sorted by position."""
        raw = self._raw_matches(doc)
        kept: list[tuple[int, int, list[int]]] = []
        taken: set[int] = set()
        for (start, end), idxs in sorted(raw.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), kv[0][0])):
            if any(i in taken for i in range(start, end)):
                continue
            idxs = [i for i in idxs if not self._inside_name(doc, start, end, self.entries[i])]
            if not idxs:
                continue
            taken.update(range(start, end))
            kept.append((start, end, idxs))
        out = [self._cue(doc, start, end, idxs) for start, end, idxs in kept]
        return sorted(out, key=lambda c: (c.start, c.end))

    def _cue(self, doc: Doc, start: int, end: int, idxs: list[int]) -> FramingCue:
        entries = sorted((self.entries[i] for i in idxs), key=_is_general)
        primary = entries[0]
        span = doc[start:end]
        text_lower = span.text.lower()
        counters: list[str] = []
        for e in entries:
            for t in e.counter_terms:
                if t.lower() != text_lower and t not in counters:
                    counters.append(t)
        note_parts = [f"conflict: {primary.conflict}"]
        if len(entries) > 1:
            note_parts.append("also: " + ", ".join(e.id for e in entries[1:]))
        technique = next((e.technique for e in entries if e.technique), None)
        return FramingCue(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            category=primary.category,
            subcategory=primary.subcategory,
            counter_terms=counters,
            lexicon_entry=primary.id,
            technique=technique,
            note="; ".join(note_parts),
        )


def entry_index(entries: tuple[LexEntry, ...]) -> dict[str, LexEntry]:
    """Entries by id."""
    return {e.id: e for e in entries}


def summary(entries: tuple[LexEntry, ...]) -> dict[str, Any]:
    """Counts of entries per conflict and category (for docs and tests)."""
    out: dict[str, Any] = {"conflicts": defaultdict(int), "categories": defaultdict(int)}
    for e in entries:
        out["conflicts"][e.conflict] += 1
        out["categories"][e.category] += 1
    return {k: dict(v) for k, v in out.items()}
