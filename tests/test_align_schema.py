"""The comparison JSON validates against docs/schema/comparison.v2.json; real-model checks."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import numpy as np
import pytest

from fullpicture import load_settings
from fullpicture.align import assign_sides, compare
from tests.conftest import EXAMPLES
from tests.fixtures.align.build import north, south

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schema" / "comparison.v2.json"


@pytest.fixture(scope="module")
def real_comparison():
    """Builders with the shipped settings: the real MiniLM model runs."""
    docs = [north(), south()]
    return compare(docs, assign_sides(docs), settings=load_settings())


def test_schema_file_is_up_to_date():
    from scripts.gen_comparison_schema import schema

    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == schema()


def test_comparison_json_validates(real_comparison):
    data = json.loads(json.dumps(real_comparison.to_json_dict()))
    assert data["schema"] == "fullpicture/comparison/v2"
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    bad = dict(data, events=[{"id": "e1"}])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_real_model_embeddings():
    from fullpicture.align._embed import get_embedder

    emb = get_embedder()
    v = emb.embed(["Troops shelled the town.", "The army bombarded the city.", "The recipe needs flour."])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
    assert get_embedder() is emb  # one session per process


def test_real_model_aligns_paraphrased_triggers(real_comparison):
    ev = next(e for e in real_comparison.events if any(m.event == "ev1" and m.document == "doc-north" for m in e.mentions))
    assert {m.document for m in ev.mentions} == {"doc-north", "doc-south"}
    flight = next(e for e in real_comparison.events if any(m.event == "ev2" and m.document == "doc-south" for m in e.mentions))
    assert {m.event for m in flight.mentions} == {"ev2", "ev3"}


def test_end_to_end_on_examples_structure():
    from fullpicture import analyze

    paths = sorted(
        p for p in EXAMPLES.iterdir() if p.suffix in (".md", ".html") and p.stem.lower() != "readme"
    )
    if len(paths) < 2:
        pytest.skip("examples not present")
    docs = [analyze(p) for p in paths]
    comp = compare(docs)
    data = json.loads(json.dumps(comp.to_json_dict()))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(comp.documents) == len(paths)
    assert sum(len(s.documents) for s in comp.sides) == len(paths)
    ids = {d.document.id: {e.id for e in d.events} for d in comp.documents}
    for ev in comp.events:
        assert ev.sides and all(m.event in ids[m.document] for m in ev.mentions)
    labels = {s.label for s in comp.sides}
    for om in comp.omissions:
        assert set(om.reported_by) | set(om.missing_from) <= labels
