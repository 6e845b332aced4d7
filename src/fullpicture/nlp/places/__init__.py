"""The who-and-where layer (``fp_entities``): entities, actors and geoparsed places.

Reads: spaCy's ``doc.ents``, the parse, ``doc._.fp_zones``; the gazetteer and alias files.
Writes: ``doc._.fp_entities``, ``token._.fp_entity``.
"""

from fullpicture.nlp.places.component import EntitiesComponent, entity_at, entity_by_id

__all__ = ["EntitiesComponent", "entity_at", "entity_by_id"]
