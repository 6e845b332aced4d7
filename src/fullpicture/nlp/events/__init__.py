"""The events layer (``fp_events``): typed event mentions with their arguments.

Reads: the parse, ``doc._.fp_entities``, ``doc._.fp_timexes``, ``doc._.fp_narrative``,
``doc._.fp_claims`` and ``doc._.fp_figures``.
Writes: ``doc._.fp_events`` and the ``event`` of each figure.
"""

from fullpicture.nlp.events.component import EventsComponent

__all__ = ["EventsComponent"]
