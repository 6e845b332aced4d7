"""A document's view names a place in the document's own words, not the gazetteer record's.

Neutrality: an article that writes "Stepanakert" must not be shown as saying "Khankendi" (the
record's name), and the reverse; the record's name stays available as a detail.
"""

from __future__ import annotations

from fullpicture.models import Entity, Mention
from fullpicture.report._items import collect_items, uid


def _entity(texts: list[str], name: str = "Khankendi") -> Entity:
    mentions, pos = [], 0
    for t in texts:
        mentions.append(Mention(start=pos, end=pos + len(t), text=t))
        pos += len(t) + 1
    return Entity(id="e1", name=name, type="GPE", mentions=mentions)


def test_written_name_is_the_documents_most_used_form() -> None:
    assert _entity(["Stepanakert", "Khankendi", "Stepanakert"]).written_name() == "Stepanakert"
    assert _entity(["Khankendi"]).written_name() == "Khankendi"
    assert _entity([]).written_name() == "Khankendi"
    # an inflected mention counts as its dictionary form
    e = _entity(["Степанакерта"])
    e.mentions[0].base = "Степанакерт"
    assert e.written_name() == "Степанакерт"


def test_document_items_use_the_documents_own_name() -> None:
    import fullpicture

    text = "The convoy left Stepanakert on Tuesday, officials in Stepanakert said."
    a = fullpicture.analyze(text)
    ent = next(e for e in a.entities if any(m.text == "Stepanakert" for m in e.mentions))
    items = collect_items(a, 0)
    item = items[uid(0, "entity", ent.id)]
    assert item.label == "Stepanakert"
    if ent.name != "Stepanakert":
        assert f"record: {ent.name}" in item.detail
