"""eval/realtext.py, the real-text scorer, on an invented two-side corpus (no real text here)."""

from __future__ import annotations

import json

from eval.realtext import main, run_corpus

NORTH = """Missiles hit the bus depot in Homs

On May 11, Eastland forces fired missiles at the bus depot in Homs. Seven civilians were killed.
"""
SOUTH = """Missiles hit an arms depot in Homs

On May 11, Eastland forces fired missiles at an arms depot in Homs. Two people were killed.
"""

GOLD = """
[incidents.depot]
label = "strike on a depot in Homs"
contested = ["figure:killed"]

[docs.north]
depot = ["Missiles hit the bus depot in Homs", "fired missiles at the bus depot", "Seven civilians were killed"]

[docs.south]
depot = ["Missiles hit an arms depot in Homs", "fired missiles at an arms depot", "Two people were killed"]
"""


def _corpus(tmp_path):
    for name, text, side in (("north", NORTH, "north"), ("south", SOUTH, "south")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(json.dumps({"perspective": side, "published": "2024-05-12"}))
    gold = tmp_path.parent / f"{tmp_path.name}.gold.toml"
    gold.write_text(GOLD, encoding="utf-8")
    return tmp_path, gold


def test_scorer_counts_rows_pairs_and_conflicts(tmp_path):
    corpus, gold = _corpus(tmp_path)
    sc, comp = run_corpus(corpus, gold, embeddings=False)
    r = sc.summary()
    assert not sc.missing_cues
    assert r["incidents"] == 1 and r["cross_side_pairs"] == 1 and r["multi_side_incidents"] == 1
    rows = [e for e in comp.events if any(m.document in {d for s in comp.sides for d in s.documents} for m in e.mentions)]
    assert r["rows_per_incident"] == sc.rows["depot"] <= len(rows)
    # one row holds both sides' reports of the strike, with the two tolls as a conflict
    assert r["pairs_in_one_row"] == 1 and r["aligned_across_sides"] == 1
    assert r["contested_surfaced"] == 1 and r["false_conflicts"] == 0
    # both tolls come from documents whose mentions in the row tell the strike
    assert r["contested_surfaced_own"] == 1


def test_scorer_cli_prints_a_table(tmp_path, capsys):
    corpus, gold = _corpus(tmp_path)
    assert main([str(corpus), str(gold), "--no-embeddings"]) == 0
    out = capsys.readouterr().out
    assert "| corpus | incidents | rows per incident |" in out and f"| {corpus.name} | 1 |" in out


def test_contested_counts_own_values_only_from_the_incidents_documents():
    from types import SimpleNamespace as NS

    from eval.realtext import Gold, score

    def doc(i, text, trig):
        k = text.index(trig)
        ev = NS(id="e1", trigger=NS(start=k, end=k + len(trig), text=trig))
        return NS(document=NS(id=i), text=text, events=[ev])

    # a and b tell a strike on one town, c a strike on another town; one row holds all three,
    # and its agent conflict sets b's value against c's (the other town's strike)
    docs = [doc("a", "Rockets hit Alpha town.", "hit"), doc("b", "Shells hit Alpha town.", "hit"),
            doc("c", "Drones struck Beta town.", "struck")]
    val = lambda side, d: NS(side=side, value=side, document=d)  # noqa: E731
    row = NS(id="r1", label="strike", mentions=[NS(document=d, event="e1") for d in "abc"],
             conflicts=[NS(field="agent", values=[val("west", "b"), val("east", "c")])])
    comp = NS(documents=docs, events=[row],
              sides=[NS(label="east", documents=["a", "c"]), NS(label="west", documents=["b"])])
    gold = Gold(incidents={"alpha": {"contested": ["agent"]}, "beta": {"contested": []}},
                docs={"a": {"alpha": ["Rockets hit Alpha"]}, "b": {"alpha": ["Shells hit Alpha"]},
                      "c": {"beta": ["Drones struck Beta"]}})
    r = score(comp, gold, {"a": "a", "b": "b", "c": "c"}).summary()
    assert r["contested_surfaced"] == 1 and r["contested_surfaced_own"] == 0


def test_target_dispute_is_scored_in_its_own_columns(tmp_path):
    """A bus depot against an arms depot: the sides dispute what was hit (field target), scored
    apart from the other columns; a --target-gold table says whether the dispute is real."""
    from eval.realtext import Gold, with_target_gold

    corpus, gold = _corpus(tmp_path)
    sc, comp = run_corpus(corpus, gold, embeddings=False)
    r = sc.summary()
    assert any(c.field == "target" for e in comp.events for c in e.conflicts)
    # unlisted: the target conflict is false, in its own column; the old columns do not see it
    assert r["target_contested"] == 0 and r["target_conflicts"] == 1 and r["target_false"] == 1
    assert r["false_conflicts"] == 0 and r["contested"] == 1
    sc, _ = run_corpus(corpus, gold, embeddings=False, target_marks={"depot": {"contested": True, "reason": "x"}})
    r = sc.summary()
    assert r["target_contested"] == r["target_surfaced"] == 1 and r["target_false"] == 0
    assert r["contested"] == 1 and r["contested_surfaced"] == 1  # figure:killed, as before
    # false removes a "target" the gold file lists
    g = Gold(incidents={"depot": {"contested": ["figure:killed", "target"]}}, docs={})
    assert with_target_gold(g, {"depot": False}).incidents["depot"]["contested"] == ["figure:killed"]
    assert g.incidents["depot"]["contested"] == ["figure:killed", "target"]
    marks = tmp_path.parent / "target_gold.toml"
    marks.write_text(f'[{corpus.name}]\ndepot = true\n', encoding="utf-8")
    assert main([str(corpus), str(gold), "--no-embeddings", "--target-gold", str(marks)]) == 0


def test_rows_of_several_documents_that_tell_no_incident_are_counted():
    """A row merging two documents' reaction words ("urged") that no gold cue covers is a row of
    no incident; a one-document row of no incident, or a row holding an incident, is not."""
    from types import SimpleNamespace as NS

    from eval.realtext import Gold, score

    def doc(i, text, trigs):
        evs = [NS(id=f"e{n}", trigger=NS(start=text.index(t), end=text.index(t) + len(t), text=t))
               for n, t in enumerate(trigs)]
        return NS(document=NS(id=i), text=text, events=evs)

    docs = [doc("a", "Shells hit Alpha town. The mayor urged calm.", ["hit", "urged"]),
            doc("b", "Rockets hit Alpha town. A union urged talks.", ["hit", "urged"])]
    rows = [NS(id="r1", label="strike", mentions=[NS(document=d, event="e0") for d in "ab"], conflicts=[]),
            NS(id="r2", label="urge", mentions=[NS(document=d, event="e1") for d in "ab"], conflicts=[]),
            NS(id="r3", label="urge", mentions=[NS(document="a", event="e1")], conflicts=[])]
    gold = Gold(incidents={"alpha": {"contested": []}},
                docs={"a": {"alpha": ["Shells hit Alpha"]}, "b": {"alpha": ["Rockets hit Alpha"]}})
    comp = NS(documents=docs, events=rows[:2], sides=[NS(label="east", documents=["a"]), NS(label="west", documents=["b"])])
    sc = score(comp, gold, {"a": "a", "b": "b"})
    assert sc.summary()["nogold_rows"] == 1
    # --errors names the row with each document's trigger
    assert [e for e in sc.errors if e.startswith("no-gold")] == ["no-gold row 'urge': a:urged, b:urged"]
    comp.events = [rows[0], rows[2]]
    assert score(comp, gold, {"a": "a", "b": "b"}).summary()["nogold_rows"] == 0
