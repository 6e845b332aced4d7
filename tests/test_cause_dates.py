"""A happening named as the cause of another ("in retaliation for an attack on 22 April") is an
earlier, different happening: its date stays its own, and "the strikes" told after it refer to
the strikes, not to it. Shapes seen on real retaliation coverage, restated in invented text
(issue 9: one incident, one row; no background happening merged into the news).

2031-05-07 is a Wednesday."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._incidents import incident_labels
from tests.helpers import analyze_text

PUB = "2031-05-07"
TEXT = ("Northland launched missile strikes on Southland on Wednesday, May 7, in retaliation for an "
        "attack on pilgrims near Lakeside on April 22 that killed 20 people. "
        "Southland called the strikes an act of war. "
        "Officials said the missiles hit four villages.")


def _ev(a, trigger):
    return next(e for e in a.events if e.trigger.text == trigger)


def test_a_date_inside_a_phrase_of_cause_dates_only_the_cause():
    a = analyze_text(TEXT, published=PUB)
    assert _ev(a, "attack").date == "2031-04-22"
    assert _ev(a, "strikes").date == "2031-05-07"
    # the next sentences go on with the strikes' day, not the recalled attack's
    later = [e for e in a.events if e.trigger.start > TEXT.index("Southland called")]
    assert later and all(e.date == "2031-05-07" for e in later)


def test_a_happening_inside_a_phrase_of_cause_takes_no_date_from_the_clause_it_explains():
    text = "Northland launched missile strikes on Southland on May 7 in response to a recent attack on pilgrims."
    a = analyze_text(text, published=PUB)
    assert _ev(a, "strikes").date == "2031-05-07" and _ev(a, "strikes").date_source == "sentence"
    assert _ev(a, "attack").date_source != "sentence"


def test_the_recalled_attack_stays_out_of_the_strikes_incident():
    a = analyze_text(TEXT, published=PUB)
    inc, _ = incident_labels([a], load_settings().section("align"))
    of = {e.trigger.text: inc[(a.document.id, e.id)] for e in a.events}
    assert of["attack"] != of["strikes"]


def test_a_following_phrase_dates_only_its_own_happening():
    # spaCy reads "following" as a verb here (advcl): still a unit of its own
    text = ("Northland struck nine camps in Southland on May 7 following the attack on pilgrims on April 22. "
            "Southland said the strikes hit a school.")
    a = analyze_text(text, published=PUB)
    assert _ev(a, "attack").date == "2031-04-22"
    later = [e for e in a.events if e.trigger.start > text.index("Southland said")]
    assert later and all(e.date == "2031-05-07" for e in later)


# Russian and French phrases of cause are language data (data/events/background.*.toml)
RU = ("Северия нанесла ракетные удары по Югории в ответ на нападение на паломников 22 апреля. "
      "Власти Югории заявили, что ракеты попали в четыре деревни.")


def test_a_russian_phrase_of_cause_dates_only_the_cause():
    a = analyze_text(RU, published=PUB)
    assert a.document.language == "ru"
    dates = {e.trigger.text: e.date for e in a.events}
    assert dates.get("нападение") == "2031-04-22"
    assert dates.get("удары") == "2031-05-07"  # the report's day, not the recalled attack's
    later = [e for e in a.events if e.trigger.start > RU.index("Власти")]
    assert all(e.date == "2031-05-07" for e in later)


def test_a_russian_reprisal_phrase_leaves_the_narrative_time_alone():
    text = ("В отместку за обстрел 22 апреля армия Северии атаковала базы Югории. "
            "По данным властей, в результате удара погибли пять человек.")
    a = analyze_text(text, published=PUB)
    dates = {e.trigger.text: e.date for e in a.events}
    assert dates.get("обстрел") == "2031-04-22"
    assert dates.get("атаковала") != "2031-04-22"
    later = [e for e in a.events if e.trigger.start > text.index("По данным")]
    assert later and all(e.date != "2031-04-22" for e in later)


def test_a_french_phrase_of_cause_dates_only_the_cause():
    text = ("La Nordie a frappé neuf sites en Sudie le 7 mai en représailles à l'attaque du 22 avril. "
            "Selon les autorités, les frappes ont détruit une école.")
    a = analyze_text(text, published=PUB)
    assert a.document.language == "fr"
    dates = {e.trigger.text: e.date for e in a.events}
    assert dates.get("attaque") == "2031-04-22"
    assert dates.get("frappé") == "2031-05-07"
    later = [e for e in a.events if e.trigger.start > text.index("Selon")]
    assert later and all(e.date == "2031-05-07" for e in later)
