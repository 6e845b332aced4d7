"""Store.add_many: a batch of analyses in one transaction, and what each document became."""

from __future__ import annotations

import pytest

from fullpicture.ingest import load_text
from fullpicture.models import Analysis, Entity, Mention
from fullpicture.store import _store, open_store


def _analysis(i: int) -> Analysis:
    doc = load_text(f"Invented note {i}: the council of district {i} met in Harbourtown on Monday.", source=f"<{i}>")
    j = doc.text.index("council")
    return Analysis(document=doc.info, text=doc.text, zones=list(doc.zones),
                    entities=[Entity(id="e1", name="council", type="ORG",
                                     mentions=[Mention(start=j, end=j + 7, text="council")])])


def test_batch_stores_each_new_document_once_with_its_story(tmp_path):
    store = open_store(tmp_path / "c.db")
    first = _analysis(0)
    assert store.add(first)
    batch = [_analysis(1), first, _analysis(2), _analysis(1)]
    assert store.add_many(batch) == [True, False, True, False]  # stored before; twice in the batch
    assert store.count() == 3 and len(set(store.ids())) == 3
    for a in batch[:3]:
        assert store.get(a.document.id).entities[0].mentions[0].text == "council"
    with store.engine.connect() as conn:  # every document is in the search index and in a story
        n = conn.exec_driver_sql("SELECT count(*) FROM story_documents").scalar()
    assert n == 3
    store.close()


def test_one_bad_document_costs_only_itself(tmp_path, monkeypatch):
    store = open_store(tmp_path / "c.db")
    good_rows = _store._rows
    bad = _analysis(5)

    def rows(a: Analysis):
        if a.document.id == bad.document.id:
            raise ValueError("unstorable")
        return good_rows(a)

    monkeypatch.setattr(_store, "_rows", rows)
    out = store.add_many([_analysis(4), bad, _analysis(6)])
    assert out[0] is True and out[2] is True
    assert isinstance(out[1], ValueError)
    assert store.count() == 2 and not store.has(bad.document.id)
    store.close()


@pytest.mark.parametrize("n", [0, 1])
def test_small_batches(tmp_path, n):
    store = open_store(tmp_path / "c.db")
    assert store.add_many([_analysis(i) for i in range(n)]) == [True] * n
    assert store.count() == n
    store.close()
