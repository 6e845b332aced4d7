"""A word capitalised only because it opens a headline or sentence is no name."""

from __future__ import annotations


def test_an_adjective_opening_a_headline_is_no_organisation():
    from fullpicture import analyze

    a = analyze("Fierce clash between UNFOR soldiers and farmers: UNFOR attacked citizens who were staging a "
                "peaceful protest\n\nLoud explosions are heard in front of the town hall. There is a fierce "
                "conflict between the gathered citizens and the soldiers.")
    names = {e.name for e in a.entities}
    assert "Fierce" not in names, names
    assert all("Fierce" not in (e.name for e in a.entities if e.id in ev.agents) for ev in a.events)


def test_a_name_never_written_in_lower_case_stays():
    from fullpicture import analyze

    a = analyze("Hope Mensah told reporters on Monday that the talks would go on. "
                "Mensah said the government of Ghana wanted a deal.")
    assert any("Mensah" in e.name for e in a.entities), [e.name for e in a.entities]
