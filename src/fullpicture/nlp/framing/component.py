"""``fp_framing``: how a story is told. Loaded and contested terms, scare quotes, naming
choices, harm with or without an agent, hedges, evaluation of actors, and persuasion
techniques, each anchored to its span; plus a per-document :class:`FramingProfile`.

All language data lives in ``data/lexicons/`` (YAML, each entry with a source).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fullpicture._safetext import fold_marks
from fullpicture.models import FramingCue, FramingProfile
from fullpicture.nlp._doctext import token_starts
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.extensions import synced
from fullpicture.nlp.framing._lexicon import LexEntry, find_counter_terms, load_entries, word_list
from fullpicture.nlp.framing._loaded import QUOTE_MAX_WORDS, LoadedLanguageTagger
from fullpicture.nlp.framing._match import LexiconMatcher
from fullpicture.nlp.framing._profile import LOADED_CATEGORIES, build_profile, naming_cues
from fullpicture.nlp.framing._quotes import ScareQuoteFinder
from fullpicture.nlp.framing._syntax import EntityLookup, EvaluationFinder, HarmFinder
from fullpicture.nlp.lang import LIMITED

__all__ = ["LOADED_CATEGORIES", "build_profile", "counter_terms", "lexicon_entries", "lexicon_files", "topic_family"]


def lexicon_files(settings: dict[str, Any]) -> tuple[str, ...]:
    """User lexicon files named in settings: plugins' ``lexicon_files`` then ``framing.user_lexicons``."""
    plugins = settings.get("plugins", {}) or {}
    framing = settings.get("framing", {}) or {}
    files = list(plugins.get("lexicon_files", []) or []) + list(framing.get("user_lexicons", []) or [])
    return tuple(dict.fromkeys(str(f) for f in files))


def lexicon_entries(extra_files: Iterable[str] = ()) -> tuple[LexEntry, ...]:
    """The shipped lexicon entries plus those of ``extra_files`` (raises ConfigError if invalid)."""
    return load_entries(tuple(str(f) for f in extra_files))


def counter_terms(term: str, extra_files: Iterable[str] = ()) -> list[str]:
    """The other side's words for ``term`` ("invasion" -> ["special military operation", ...]).

    >>> "special military operation" in counter_terms("invasion")
    True
    """
    return find_counter_terms(term, lexicon_entries(extra_files))


def _fold(text: str) -> str:
    """Lower case without diacritics, one space between words ("Zvečan" -> "zvecan")."""
    return " ".join(fold_marks(text).split())


def topic_family(term: str, extra_files: Iterable[str] = ()) -> list[str]:
    """``term`` with its alias and counter-term family from the lexicons, so that a topic finds
    every side's documents: "Khankendi" -> Khankendi, Xankəndi, Stepanakert; "Karabakh" ->
    Karabakh, Artsakh, Nagorno-Karabakh... (the term first; no duplicates, case-insensitive). The
    term is matched without case, diacritics or punctuation ("Zvecan" finds "Zvečan, Zveçan")."""
    key = _fold(term)  # "Zvecan", as typed or as English wires write it, finds "Zvečan"
    out = [term]
    for e in lexicon_entries(extra_files):
        if key and key in {_fold(t) for t in (*e.terms, *e.counter_terms)}:
            out.extend([*e.terms, *e.counter_terms])
    seen: set[str] = set()
    return [t for t in out if not (t.casefold() in seen or seen.add(t.casefold()))]  # type: ignore[func-returns-value]


def _count_tokens(doc: Doc) -> int:
    """Tokens that are neither punctuation nor space."""
    if not len(doc):
        return 0
    from spacy.attrs import IS_PUNCT, IS_SPACE

    flags = doc.to_array([IS_PUNCT, IS_SPACE])
    return int((flags.sum(axis=1) == 0).sum())


def _adjective_starts(doc: Doc) -> frozenset[int]:
    """The offsets of the tokens used as adjectives or modifiers, or opening a line in capitals
    (see :meth:`FramingComponent.cues`), read from the token arrays."""
    toks = token_arrays(doc)
    pos, ent_type, dep, head, text = toks.pos, toks.ent_type, toks.dep, toks.head, toks.text
    is_upper, ws, idx = toks.is_upper, toks.whitespace, toks.idx
    return frozenset(
        idx[i] for i in range(len(text))
        if pos[i] == "ADJ" or ent_type[i] == "NORP"
        or (dep[i] in ("amod", "compound") and pos[head[i]] == "NOUN" and head[i] == i + 1)
        or (is_upper[i] and len(text[i]) > 3 and (i == 0 or (text[i - 1] + ws[i - 1]).endswith("\n")))
    )


def _mark_quoted(cues: list[FramingCue], claims: list[Any]) -> None:
    """Note the speaker on word-choice cues inside a direct quotation: the source's words."""
    quotes = [(c.start, c.end, c.source.text if c.source else None) for c in claims if c.kind == "direct"]
    if not quotes:
        return
    for cue in cues:
        for start, end, speaker in quotes:
            if start <= cue.start and cue.end <= end:
                extra = f"inside a direct quotation of {speaker}" if speaker else "inside a direct quotation"
                cue.note = f"{cue.note}; {extra}" if cue.note else extra
                break


def _language(settings: dict[str, Any]) -> str:
    """``[pipeline] language`` (default en): the learned detector was trained on English."""
    section = settings.get("pipeline", {})
    return str(section.get("language", "en")) if isinstance(section, dict) else "en"


class FramingComponent:
    """Finds framing cues; all matchers and word lists are compiled once here."""

    def __init__(self, nlp: Language, settings: dict[str, Any]) -> None:
        self.settings = settings
        cfg = settings.get("framing", {}) or {}
        self.entries = lexicon_entries(lexicon_files(settings))
        self._nlp = nlp
        self._matcher: LexiconMatcher | None = None
        quotes = word_list("quotes")
        self.quotes = ScareQuoteFinder(
            quotes.get("speech_verbs", []),
            quotes.get("distancing_markers", []),
            int(cfg.get("scare_quote_max_words", 4)),
            int(cfg.get("speech_verb_window", 3)),
        )
        self.harm = HarmFinder(word_list("harm"), int(cfg.get("harm_max_span_tokens", 14)))
        self.evaluation = EvaluationFinder(word_list("evaluative"))
        self.top_n = int(cfg.get("top_terms", 10))
        ev = word_list("evaluative")
        evaluative = frozenset(str(w).lower() for w in [*ev.get("positive", []), *ev.get("negative", [])])
        self.loaded = (
            LoadedLanguageTagger(evaluative, float(cfg.get("loaded_emit_min", 0.2)),
                                 quote_max=int(cfg.get("loaded_quote_max_words", QUOTE_MAX_WORDS)))
            if cfg.get("learned_loaded", True) and _language(settings) == "en" else None
        )
        # the limited pipeline (a language without tagger or parser): the lexicons' terms only
        self.limited = _language(settings) == LIMITED
        self.profile_min = float(cfg.get("report_min_confidence", 0.5))
        self.skip_zones = frozenset(cfg.get("skip_zones", []))

    def cues(self, doc: Doc) -> list[FramingCue]:
        """All cues of an analysed doc, sorted by start offset."""
        ents = EntityLookup(doc)
        cues = self.matcher.cues(doc)
        if self.loaded is not None and doc.tensor is not None and doc.tensor.shape[0] == len(doc):
            cues.extend(self.loaded.cues(doc, list(cues)))
        for cue in cues:
            span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
            if span is not None and cue.target is None and cue.category in ("naming", "contested"):
                cue.target = next((ents.ids[t.i] for t in span if t.i in ents.ids), None)
        # adjective uses of a name ("Russian" for Russia), a bare name modifying a common noun
        # ("Sahrawi refugees": a demonym), and an upper-case dateline at the start of a line
        # ("GAZA (Agency) —": the filing place): not choices of a name
        adjectives = _adjective_starts(doc)
        if not self.limited:  # there, an entity's name is its English record's: mentions translate it
            cues.extend(naming_cues(doc._.fp_entities or [], cues, adjectives))
        _mark_quoted(cues, list(doc._.fp_claims or []))
        names = [(m.start, m.end) for e in (doc._.fp_entities or []) for m in e.mentions]
        if not self.limited:
            cues.extend(self.quotes.find(doc, list(doc._.fp_claims or []), names))
        if doc.has_annotation("DEP"):
            cues.extend(self.harm.find(doc, ents))
            cues.extend(self.evaluation.find(doc, ents))
        if self.skip_zones and doc._.fp_zones:
            at = {idx: i for i, idx in enumerate(token_starts(doc))}
            cues = [c for c in cues if c.start not in at or doc[at[c.start]]._.fp_zone not in self.skip_zones]
        return sorted(cues, key=lambda c: (c.start, c.end, c.category))

    @property
    def cache(self) -> dict[Any, Any] | None:
        """The loaded-language model's weight cache, which :func:`~fullpicture.nlp._zone.trim_caches`
        empties past ``[pipeline] lemma_cache`` entries (None without the model)."""
        return self.loaded.cache() if self.loaded is not None else None

    @property
    def matcher(self) -> LexiconMatcher:
        """Compiled on first use: lemma patterns need the tagger and lemmatizer weights, which
        ``spacy.load`` reads only after it has built every component."""
        if self._matcher is None:
            self._matcher = LexiconMatcher(self._nlp, self.entries)
        return self._matcher

    @synced
    def __call__(self, doc: Doc) -> Doc:
        cues = self.cues(doc)
        doc._.fp_framing = cues
        doc._.fp_framing_profile = build_profile(cues, _count_tokens(doc), self.top_n, self.profile_min)
        return doc


@Language.factory("fp_framing", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> FramingComponent:
    """Factory for ``fp_framing``."""
    return FramingComponent(nlp, settings)


def profile_of(cues: Iterable[FramingCue], tokens: int, top_n: int = 10, min_confidence: float = 0.5) -> FramingProfile:
    """Recompute a profile from stored cues (for the store and the comparison)."""
    return build_profile(cues, tokens, top_n, min_confidence)
