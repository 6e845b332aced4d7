"""The framing layer (``fp_framing``): how a story is told.

Reads: tokens and the parse, ``doc._.fp_entities``, ``doc._.fp_zones``; the YAML lexicons.
Writes: ``doc._.fp_framing`` and ``doc._.fp_framing_profile``.
"""

from fullpicture.nlp.framing.component import (
    FramingComponent,
    counter_terms,
    lexicon_entries,
    lexicon_files,
    profile_of,
    topic_family,
)

__all__ = ["FramingComponent", "counter_terms", "lexicon_entries", "lexicon_files", "profile_of", "topic_family"]
