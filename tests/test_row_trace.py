"""Which stage of the incident rows joined two happenings (session 39, mixed rows).

The row tracer (``align/_rowtrace.py``) sees the labels after each stage; ``eval/rowtrace.py``
names, for each mention of another incident in a mixed row, the first stage that put it with the
row's incident. Invented corpus and words only: a strike on a depot in Homs and, in one of the two
reports, a protest in another town the next day.
"""

from __future__ import annotations

import json

from eval.rowtrace import first_stage, foreign_mentions, main

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incidents import incidents
from fullpicture.align._rowtrace import note, tracing

DAY = 738000


def _m(lemma: str, doc: str, place: str, day: int = DAY, kind: str = "ASSAULT") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, trigger=lemma, type=kind, family="material_conflict",
                           interval=(day, day), places=frozenset({place}), span=(0, 10))


def test_the_tracer_sees_every_stage_and_the_rows_do_not_depend_on_it():
    cfg = {**load_settings().section("align"), "embeddings": False}
    feats = [_m("strike", "a", "homs"), _m("kill", "a", "homs"), _m("strike", "b", "homs"),
             _m("protest", "b", "idlib", DAY + 1, "PROTEST")]
    seen: list[tuple[str, list[int]]] = []
    with tracing(lambda stage, fs, labels: seen.append((stage, list(labels)))):
        traced, _ = incidents(feats, cfg)
    plain, _ = incidents(feats, cfg)
    assert traced == plain
    names = [s for s, _ in seen]
    assert names[:5] == ["clustering", "definite anaphors", "same place", "told bare", "attachments"]
    assert all(len(labels) == len(feats) for _, labels in seen)
    # the last stage holds the rows: the same partition as the labels returned
    last = seen[-1][1]
    assert all((last[i] == last[j]) == (traced[i] == traced[j]) for i in range(4) for j in range(4))
    note("after", feats, traced)  # no tracer set: nothing happens


def test_first_stage_names_the_stage_that_joined_a_mention_with_the_rows_incident():
    a, b, c = ("a", 1), ("b", 5), ("b", 40)
    stages = [("clustering", {a: 0, b: 0, c: 1}), ("same place", {a: 0, b: 0, c: 1}),
              ("incident_named_days", {a: 0, b: 0, c: 0})]
    assert first_stage(stages, c, [a, b]) == "incident_named_days"
    assert first_stage(stages, b, [a]) == "clustering"
    assert first_stage(stages[:2], c, [a, b]) is None


def test_foreign_mentions_of_a_mixed_row_and_its_main_incident():
    a, b, c, d = ("a", 1), ("b", 5), ("b", 40), ("c", 3)
    incident_of = {a: "depot", b: "depot", c: "protest", d: "protest"}
    # one row holds the depot strike (two documents) and one report's protest; another row holds
    # only the other protest report: one mixed row, one foreign mention
    found = foreign_mentions({a: 0, b: 0, c: 0, d: 1}, incident_of)
    assert found == [(c, "depot", [a, b])]
    assert foreign_mentions({a: 0, b: 0, c: 1, d: 1}, incident_of) == []


NORTH = """Missiles hit the bus depot in Homs

On May 11, Eastland forces fired missiles at the bus depot in Homs. Seven civilians were killed.
On May 12, hundreds protested in Idlib against the war.
"""
SOUTH = """Missiles hit an arms depot in Homs

On May 11, Eastland forces fired missiles at an arms depot in Homs. Two people were killed.
"""
GOLD = """
[incidents.depot]
label = "strike on a depot in Homs"
[incidents.rally]
label = "protest in Idlib"

[docs.north]
depot = ["fired missiles at the bus depot"]
rally = ["hundreds protested in Idlib"]

[docs.south]
depot = ["fired missiles at an arms depot"]
"""


def test_the_script_prints_the_mixed_rows_by_stage(tmp_path, capsys):
    corpus = tmp_path / "towns"
    corpus.mkdir()
    for name, text in (("north", NORTH), ("south", SOUTH)):
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        (corpus / f"{name}.meta.json").write_text(json.dumps({"perspective": name, "published": "2024-05-12"}))
    gold = tmp_path / "towns.gold.toml"
    gold.write_text(GOLD, encoding="utf-8")
    assert main([str(corpus), str(gold), "--no-embeddings", "--mentions"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("towns: ") and "mixed rows" in out and out.rstrip().splitlines()[-1].startswith("all: ")
