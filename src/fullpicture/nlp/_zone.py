"""Memory flat over any number of documents: each batch runs inside spaCy's memory zone.

spaCy's vocabulary keeps every new word it sees (a lexeme and its strings: about 0.3 MB per
1,000 short news documents, since every number, name and typo is new), and the rule
lemmatizer caches every (word, tag) it lemmatised. Over 100,000 documents that is tens of
megabytes that are never used again. ``nlp.memory_zone()`` (spaCy >= 3.8) marks what a block
adds as transient and frees it at the end of the block, so:

* a batch's Docs must be converted to models inside the zone (nothing of spaCy's outlives it:
  a Doc, a Token or a string hash made inside is invalid afterwards);
* everything a component builds lazily on first use (the framing lexicon's PhraseMatchers add
  their keys to the string store) must be built *outside* any zone, or its strings would be
  freed with the first batch: :func:`memory_zone` therefore runs one warm-up text through a
  pipeline, outside a zone, before its first zone;
* the lemmatizer's cache, and the framing model's cache of feature weights, are emptied when
  they pass ``lemma_cache`` entries (caches only: the output is the same with or without them);
* the first blocks run without a zone, until the string store has grown by
  ``zone_after_strings`` strings: inside a zone every lexeme is made anew for each batch (its
  attributes computed by Python functions) and spaCy's tokenizer caches nothing, which costs
  more than the model's own work on a small run. The words of the first documents (the
  common ones) then stay for the whole process; the growth is bounded (that many strings and
  one batch's), and every block after it runs in a zone, so memory stays flat. The warm-up
  text runs only then, before the first zone (a short run never reaches one, and its plain
  blocks build what they use outside any zone themselves).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy.language import Language

#: Exercises every component once (dateline, figure, place, quotation, claim, event, framing
#: cue), so that whatever a component builds on first use is built before the first zone.
WARM_UP_TEXT = (
    "KYIV, May 12 — Police said on Monday that 12 people were killed in shelling near Kharkiv.\n\n"
    '"We will not surrender," the mayor told reporters, calling the attack a massacre.'
)

_WARM: dict[int, bool] = {}
_BASE: dict[int, int] = {}  # per pipeline: the size of its string store when its first block began
log = logging.getLogger(__name__)


def warm_up(nlp: Language) -> bool:
    """Run :data:`WARM_UP_TEXT` through ``nlp`` once per pipeline, outside any memory zone;
    False if that failed (the pipeline then runs without zones: nothing it builds on first
    use may be built inside one)."""
    key = id(nlp)
    if key not in _WARM:
        try:
            nlp(WARM_UP_TEXT)
            _WARM[key] = True
        except Exception as exc:  # a plugin component may refuse the warm-up text
            log.warning("memory zone off for this pipeline: the warm-up failed (%s: %s)",
                        type(exc).__name__, str(exc)[:200])
            _WARM[key] = False
    return _WARM[key]


def trim_caches(nlp: Language, limit: int) -> None:
    """Empty a component's ``cache`` dict (spaCy's lemmatizer; the framing layer's loaded-language
    weights, :mod:`fullpicture.nlp.framing._loaded_score`) or ``array_cache`` dict (the array
    lemmatizer's, :mod:`fullpicture.nlp._lemma`) once it holds over ``limit`` entries."""
    for _, proc in nlp.pipeline:
        for name in ("cache", "array_cache"):
            cache = getattr(proc, name, None)
            if isinstance(cache, dict) and len(cache) > limit:
                cache.clear()


@contextmanager
def memory_zone(nlp: Language, enabled: bool = True, lemma_cache: int = 50_000, permanent: int = 0) -> Iterator[None]:
    """A block whose Docs, strings and lexemes spaCy frees at its end (when ``enabled``, spaCy
    has memory zones and no zone is open already; otherwise a plain block).

    ``permanent``: while the string store holds fewer than this many strings more than when
    the first block began, the block is a plain one, and what it adds stays (see the module).
    The warm-up text runs before the first zone, not before the first block: a plain block
    builds what it uses outside any zone anyway, and a run that never reaches a zone (fewer
    documents than the growth takes) never pays for the warm-up."""
    if not enabled or not hasattr(nlp, "memory_zone") or getattr(nlp.vocab, "in_memory_zone", True):
        yield
        return
    if permanent > 0 and len(nlp.vocab.strings) < _BASE.setdefault(id(nlp), len(nlp.vocab.strings)) + permanent:
        yield  # its words' lexemes and the tokenizer's cache entries stay for the next blocks
        trim_caches(nlp, lemma_cache)
        return
    if not warm_up(nlp):  # only now: a plain block builds what it needs outside any zone itself
        yield
        return
    zone: Any = nlp.memory_zone()
    with zone:
        yield
    trim_caches(nlp, lemma_cache)
