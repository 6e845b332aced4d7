"""Triggers of title-case and all-caps headlines (nlp/events/_headline.py): the tagger reads a
headline's capitalised words as names, so its happenings are found from the words' inflections;
a word the running text also writes capitalised is a name. Headlines invented for the tests."""

from __future__ import annotations

import pytest

from fullpicture.nlp.events._headline import candidates, headline_rules
from tests.helpers import analyze_text


def _triggers(text: str) -> dict[str, tuple[str, str]]:
    a = analyze_text(text, published="2024-03-05")
    return {e.trigger.text: (e.trigger.lemma, e.type) for e in a.events}


@pytest.mark.parametrize(
    ("headline", "trigger", "lemma", "typ"),
    [
        ("Eastland Bombs Refugee Camp Near Northtown", "Bombs", "bomb", "ASSAULT"),
        ("Chipmaker to Acquire Storage Start-Up for Two Billion", "Acquire", "acquire", "TRANSACTION"),
        ("Pop Singer Checks Into Rehab Clinic After Tour", "Checks Into", "check", "HEALTH"),
        ("Rovers Clinch Title With Late Victory Over United", "Clinch", "clinch", "CONTEST"),
        ("CONVICT ESCAPES DURING PRISON TRANSFER", "ESCAPES", "escape", "DISPLACE"),
    ],
)
def test_a_title_case_headline_tells_its_happening(headline: str, trigger: str, lemma: str, typ: str) -> None:
    found = _triggers(headline + "\nThe story was reported on Tuesday.")
    assert found.get(trigger) == (lemma, typ)


def test_a_headline_name_is_no_trigger() -> None:
    # "Fire" opens a name (the line's first word: no bare verb); "Strike Force" is written
    # capitalised in the running text too, so it is a name, not a strike
    found = _triggers("Fire Department Praises Strike Force Volunteers\n"
                      "The Strike Force volunteers helped the city on Monday.")
    assert "Fire" not in found
    assert "Strike" not in found


def test_nouns_of_a_headline_compound_are_no_verbs() -> None:
    # a singular noun before a bare form is no subject ("Rail Depot Strike": no stationing), and
    # a word after a hyphen belongs to its compound ("Eastland-Backed": no support of its own)
    found = _triggers("Dozens Feared Dead in Northtown Rail Station Strike\n"
                      "Blast Kills Prisoners Held by Eastland-Backed Forces\n"
                      "The story was reported on Tuesday.")
    assert "Station" not in found
    assert "Backed" not in found
    assert found.get("Strike") == ("strike", "ASSAULT")


def test_running_text_is_not_read_as_a_headline() -> None:
    # a sentence of running text keeps the tagger's reading: "Bombs" in a name stays a name
    found = _triggers("The band Bombs Away played in Northtown on Monday night to a small crowd.")
    assert "Bombs" not in found


def test_candidate_lemmas_of_regular_inflections() -> None:
    rules = headline_rules()
    assert ("stop", True) in candidates("Stopped", rules)
    assert ("acquire", True) in candidates("Acquired", rules)
    assert ("bomb", True) in candidates("BOMBS", rules)
    assert candidates("Rehab", rules)[0] == ("rehab", False)
