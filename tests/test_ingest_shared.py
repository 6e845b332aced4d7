"""Sanity of zoning on real news text (PolNeAR dev articles; skipped without ../shared)."""

from __future__ import annotations

import re

import pytest

from fullpicture.ingest import Document, iter_documents


@pytest.mark.shared
def test_real_news_is_mostly_body_and_editor_notes_are_found(shared_data):
    root = shared_data / "polnear" / "dev" / "text"
    if not root.is_dir():
        pytest.skip("polnear dev text not present")
    items = list(iter_documents([root]))
    docs = [d for d in items if isinstance(d, Document)]
    assert len(docs) == len(items) > 50  # real articles: no reader errors
    total = sum(len(d.text) for d in docs)
    body = sum(z.end - z.start for d in docs for z in d.zones if z.kind in ("body", "inline_note"))
    assert body / total > 0.97  # zoning must not eat article text
    cue = re.compile(r"^(editor['’]s note|correction)\s*:", re.I | re.M)
    for d in docs:
        for m in cue.finditer(d.text):
            kind = next(z.kind for z in d.zones if z.start <= m.start() < z.end)
            assert kind == "editorial_note", (d.info.source, d.text[m.start():m.start() + 60])
        assert all(z.start < z.end for z in d.zones)
        assert d.zones[0].start == 0 and d.zones[-1].end == len(d.text)
