"""The figures layer (``fp_figures``): quantities, their bounds and what they count.

Reads: tokens and the parse, ``doc._.fp_claims`` (a figure inside a claim names it).
Writes: ``doc._.fp_figures`` (``event`` is filled later by ``fp_events``).
"""

from fullpicture.nlp.figures.component import FiguresComponent, claim_for

__all__ = ["FiguresComponent", "claim_for"]
