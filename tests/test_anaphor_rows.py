"""A side that tells an act only through an anaphoric noun ("the incident", "l'affaire", "этот
инцидент") still speaks of it: the noun is a mention of the happening told elsewhere
(nlp/events/_anaphors.py), joined to the act's row (align/_anaphorrows.py); another incident, a
kind of incidents or one with a day of its own stays apart. Invented words throughout."""

from __future__ import annotations

from tests.helpers import trigger_rows

_STRIKE = "A missile hit the market in Eastport on Tuesday, killing four people. "


def _types(settings, text: str) -> dict[str, str]:
    from fullpicture import analyze_documents
    from fullpicture.ingest import load_text

    a = next(iter(analyze_documents([load_text(text, source="t", published="2022-05-04")], settings)))
    return {e.trigger.text: e.type for e in a.events}


def test_definite_anaphoric_nouns_are_mentions_in_three_languages(lexical):
    assert _types(lexical, "The ministry called the incident a fabrication.").get("incident") == "INCIDENT"
    assert _types(lexical, "Le ministère a qualifié l'affaire de mensonge.").get("affaire") == "INCIDENT"
    assert _types(lexical, "Министерство назвало этот инцидент выдумкой.").get("инцидент") == "INCIDENT"


def test_another_or_many_incidents_are_no_mention(lexical):
    found = _types(lexical, "Police reported another incident near the port. Such incidents are rare.")
    assert "incident" not in found and "incidents" not in found, found
    assert "incident" not in _types(lexical, "Un autre incident a eu lieu au port.")
    assert "инцидент" not in _types(lexical, "В порту произошёл другой инцидент.")


def test_a_side_told_only_through_the_incident_joins_the_act(lexical):
    rows, _ = trigger_rows(lexical, {
        "north": _STRIKE,
        "south": _STRIKE + "Residents buried the dead.\n",
        "west": "The Westland foreign ministry said the incident was staged by its enemies.\n",
    })
    strike = rows["north:hit"]
    assert strike and rows["south:hit"] == strike, rows
    assert rows["west:incident"] == strike, rows


def test_the_incident_with_a_day_of_its_own_keeps_its_row(lexical):
    rows, _ = trigger_rows(lexical, {
        "north": _STRIKE,
        "south": _STRIKE,
        "west": "The Westland ministry recalled the incident of 3 March 2015 at its border post.\n",
    })
    assert rows["west:incident"] != rows["north:hit"], rows


def test_a_rubric_heading_is_no_mention(lexical):
    text = "Происшествия\nВ порту Истпорта во вторник взорвался склад, погибли четыре человека.\n"
    assert "Происшествия" not in _types(lexical, text)
