"""Quality gate: events, figures and claims on the annotated fixture articles stay above the floors."""

from __future__ import annotations

import tomllib
from pathlib import Path

from eval.events_fixtures import DEFAULT, evaluate

FLOORS = Path(__file__).resolve().parents[1] / "eval" / "floors.toml"


def test_fixture_floors():
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))["events"]
    res = evaluate(DEFAULT)
    assert res["docs"] >= 12
    for key, floor in floors.items():
        assert res[key][2] >= floor, (key, res[key])


def test_gold_offsets_match_the_texts():
    import json

    for gpath in sorted((DEFAULT / "gold" / "events").glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        text = (DEFAULT / gold["article"]).read_text(encoding="utf-8")
        for e in gold["events"]:
            assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]
        for f in gold["figures"]:
            assert text[f["start"] : f["end"]] == f["text"]
        for c in gold["claims"]:
            assert text[c["cue"]["start"] : c["cue"]["end"]] == c["cue"]["text"]


def test_articles_are_marked_illustrative_and_have_meta():
    import json

    txts = sorted(DEFAULT.glob("*.txt"))
    assert len(txts) >= 12
    for p in txts:
        assert "illustrative" in p.read_text(encoding="utf-8").splitlines()[0].lower()
        meta = json.loads(p.with_suffix(".meta.json").read_text(encoding="utf-8"))
        assert meta["kind"] in ("wire", "opinion", "press_release", "brief")
        assert len(meta["published"]) == 10 and meta["perspective"] and meta["conflict"]
