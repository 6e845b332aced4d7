"""``fp_places``: place names of a document in a language without a full pipeline.

Runs in the limited pipeline (see :mod:`fullpicture.nlp.lang`) in place of ``fp_entities``:
it writes only places (``GPE``/``LOC`` entities linked to the gazetteer record of their
English name, see :mod:`._limited`), no people, organisations, events or claims. The naming
table and the map then count these documents' names of places; nothing else reads them.

Reads: the text and ``doc._.fp_info.language``. Writes: ``doc._.fp_entities``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fullpicture.models import Entity, Geo, Mention
from fullpicture.nlp._doctext import doc_text
from fullpicture.nlp.extensions import synced
from fullpicture.nlp.places._limited import limited_places
from fullpicture.nlp.places._regions import FEATURE_KINDS
from fullpicture.nlp.places._resolve import PlaceIndex
from fullpicture.nlp.places.component import _config


class PlacesComponent:
    """The ``fp_places`` component (the gazetteer opened once per process)."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.cfg, files = _config(settings)
        self.limited = dict(self.cfg.get("limited", {}))
        from fullpicture.nlp.framing._lexicon import shipped_entries

        naming = [(e.terms, e.counter_terms) for e in shipped_entries()
                  if e.category == "naming" and "place" in (e.subcategory or "")]
        self.index = PlaceIndex.build(files, naming)

    @synced
    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.fp_entities`` to the document's places."""
        info = doc._.fp_info
        language = getattr(info, "language", None)
        found = limited_places(doc_text(doc), language, self.index, self.cfg["places"], self.limited)
        doc._.fp_entities = place_entities(found, self.index)
        return doc


def place_entities(found: list[Any], pi: PlaceIndex) -> list[Entity]:
    """One entity per gazetteer record, in order of first mention; an inflected mention
    carries the form that was found in the gazetteer as its ``base``."""
    groups: dict[int, list[Any]] = {}
    for f, rec in sorted(found, key=lambda x: x[0].start):
        groups.setdefault(rec, []).append(f)
    out: list[Entity] = []
    for n, (rec, fs) in enumerate(groups.items(), 1):
        p = pi.place(rec)
        geo = Geo(lat=round(p.lat, 5), lon=round(p.lon, 5), geonames_id=p.gid or None, country=p.cc or None,
                  source=pi.source(rec))
        mentions = [Mention(start=f.start, end=f.end, text=f.text, embedded=f.leads,
                            base=f.form if f.how == "ending" else None) for f in fs]
        aliases = list(dict.fromkeys(f.form for f in fs))
        etype = "LOC" if p.kind == "continent" or p.kind in FEATURE_KINDS else "GPE"
        out.append(Entity(id=f"e{n}", name=p.name, type=etype, aliases=aliases, geo=geo, mentions=mentions))
    return out


@Language.factory("fp_places", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> PlacesComponent:
    """Factory for ``fp_places``."""
    return PlacesComponent(settings)
