"""The attribution layer (``fp_claims``): who says what.

Reads: the parse, ``doc._.fp_zones``, ``doc._.fp_entities`` (sources are linked to entities).
Writes: ``doc._.fp_claims``.
"""

from fullpicture.nlp.claims.component import ClaimsComponent

__all__ = ["ClaimsComponent"]
