"""One clash placed at two levels by two sides (issue 9, cross-document joining).

Invented texts restating a shape of real coverage of a clash in a disputed region: a local
outlet places the clash in its town, a wire service abroad only in the country. The two
documents share few words, so their tf-idf cosine falls under the story gate; the lower gate
for happenings of one type, day and place needed one place *id* on both sides, so a town and
the country that contains it never met. Places now count as compatible for that gate when one
contains the other (or they lie within ``place_conflict_km``), as long as at least one of them is
no country: two reports that both say only "in the country" still face the full gate.
"""

from __future__ import annotations

from tests.helpers import cross_side_rows

TOWN = ("Peacekeepers turn on a peaceful crowd\n\n"
        "On Monday peacekeepers brutally attacked peaceful citizens in Bitola, witnesses told our reporter. "
        "Tear gas and stun grenades were thrown into the crowd sitting in front of the town hall, and "
        "dozens of our people were injured. The local hospital confirmed that a young man suffered "
        "gunshot wounds.\n")
COUNTRY = ("Troops hurt as unrest flares\n\n"
           "On Monday masked men attacked international troops in North Macedonia in front of the town hall, "
           "hurling petrol bombs, rocks and bottles at the soldiers. The troops answered with tear gas. Thirty "
           "soldiers were wounded, three of them seriously, the mission command said.\n")
COUNTRY_TOO = ("Fuel marchers clash with police\n\n"
               "Farmers angry over diesel prices attacked police officers in North Macedonia on Monday, the "
               "interior ministry said, describing flares hurled at a patrol near a grain depot.\n")


def _rows(lexical, first: str, second: str, **align):
    return cross_side_rows(lexical, {"north": first, "south": second}, "2024-05-27", **align)


def test_a_town_and_its_country_meet_in_one_row(lexical):
    rows = _rows(lexical, TOWN, COUNTRY)
    assert rows, "the town's and the country's reports of one clash never meet"


def test_equal_places_alone_kept_them_apart(lexical):
    """The shape really is the gate's: with the old equality of places, the reports stay apart."""
    assert not _rows(lexical, TOWN, COUNTRY, story_gate_placed_within=False)


def test_two_reports_placed_only_in_the_country_face_the_full_gate(lexical):
    """'In the country' on both sides is no evidence of one happening (a country has many a day)."""
    assert not _rows(lexical, COUNTRY, COUNTRY_TOO)
