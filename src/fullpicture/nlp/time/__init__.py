"""The time layer (``fp_time``): TIMEX3 time expressions and narrative time.

Reads: tokens, sentences and tags of spaCy's pipeline, ``doc._.fp_info`` (publication date).
Writes: ``doc._.fp_timexes``, ``token._.fp_timex`` and ``doc._.fp_narrative``.
"""

from fullpicture.nlp.time.component import TimeTagger, reference_date_at

__all__ = ["TimeTagger", "reference_date_at"]
