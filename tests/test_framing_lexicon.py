"""Framing lexicons: sources, coverage, counter-terms, user lexicon files."""

from __future__ import annotations

import pytest

from fullpicture._errors import ConfigError
from fullpicture.nlp.framing import counter_terms, lexicon_entries
from fullpicture.nlp.framing._lexicon import CATEGORIES, shipped_entries, word_list


def test_every_entry_has_a_citable_source():
    entries = shipped_entries()
    assert len(entries) > 100
    for e in entries:
        # a resolved reference, not a bare key: long enough to name a work or an institution
        assert e.source and len(e.source) > 25 and " " in e.source, e.id
    for name in ("harm", "quotes", "evaluative"):
        assert len(word_list(name)["source"]) > 25


def test_entries_are_well_formed():
    ids = [e.id for e in shipped_entries()]
    assert len(ids) == len(set(ids))
    for e in shipped_entries():
        assert e.terms and all(t.strip() for t in e.terms)
        assert e.category in CATEGORIES


def test_coverage_of_conflicts_and_categories():
    entries = shipped_entries()
    conflicts = {e.conflict for e in entries} - {"general"}
    assert len(conflicts) >= 5
    assert {"russia_ukraine", "israel_palestine", "serbia_kosovo", "armenia_azerbaijan", "cyprus"} <= conflicts
    cats = {e.category for e in entries}
    assert {"euphemism", "delegitimizing", "victimhood", "dehumanizing", "triumph", "loaded"} <= cats
    techniques = {e.technique for e in entries if e.technique}
    assert {"Doubt", "Flag-Waving", "Appeal_to_fear-prejudice", "Loaded_Language"} <= techniques


def test_counter_terms_both_directions():
    assert "special military operation" in counter_terms("invasion")
    assert "invasion" in counter_terms("Special Military Operation")
    militants = counter_terms("militants")
    assert "fighters" in militants and "terrorists" in militants
    assert "liberated territories" in counter_terms("occupied territories")
    assert "Kyiv" in counter_terms("Kiev")
    assert "Artsakh" in counter_terms("Nagorno-Karabakh")
    assert counter_terms("a word no lexicon has") == []


USER_LEXICON = """
lexicon:
  id: test_user
  conflict: test_conflict
  sources:
    mine: "Illustrative source written for the fullpicture tests (a user's own reference)"
entries:
  - id: user.stabilisation
    terms: [stabilisation measures, stabilization measures]
    category: euphemism
    counter_terms: [crackdown]
    source: mine
"""


def test_user_lexicon_file_extends_lookup_and_pipeline(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_LEXICON, encoding="utf-8")
    assert counter_terms("stabilisation measures", [str(path)]) == ["crackdown"]
    assert "stabilisation measures" in counter_terms("crackdown", [str(path)])
    assert any(e.id == "user.stabilisation" for e in lexicon_entries([str(path)]))

    from fullpicture import load_settings
    from fullpicture.nlp.pipeline import build_pipeline
    from fullpicture.settings import Settings

    base = load_settings()
    data = dict(base.data)
    data["framing"] = {**base.section("framing"), "user_lexicons": [str(path)]}
    nlp = build_pipeline(Settings(data=data))
    doc = nlp("The army announced new stabilisation measures in the eastern districts.")
    cues = [c for c in doc._.fp_framing if c.lexicon_entry == "user.stabilisation"]
    assert len(cues) == 1
    assert cues[0].text == "stabilisation measures" and cues[0].counter_terms == ["crackdown"]
    assert doc.text[cues[0].start : cues[0].end] == cues[0].text


def test_invalid_user_lexicon_raises_config_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - {id: x.1, terms: [foo], category: loaded}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="source"):
        lexicon_entries([str(bad)])
    worse = tmp_path / "worse.yaml"
    worse.write_text("entries: [ {id: x.2, terms: [foo], category: nonsense, source: s s s} ]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="category"):
        lexicon_entries([str(worse)])
    with pytest.raises(ConfigError):
        lexicon_entries([str(tmp_path / "missing.yaml")])


def test_readme_example_is_a_valid_lexicon():
    import re
    from importlib import resources

    import yaml

    from fullpicture.nlp.framing._lexicon import parse_lexicon

    readme = resources.files("fullpicture").joinpath("data/lexicons/README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", readme, re.S).group(1)
    [entry] = parse_lexicon(yaml.safe_load(block), "README")
    assert entry.id == "myc.special_op" and entry.counter_terms == ("invasion",)
    assert entry.source.startswith("Ministry of X")
