"""General news event types (data/events/news.toml): courts, crime, health, personnel, elections,
business, launches, contests, awards, ceremonies and accidents are typed events of the shipped
detection; PLOVER's types keep their words, reporting verbs stay claims, and the incident model
(a happening with its consequences) holds for the new types. Sentences invented for the tests.
"""

from __future__ import annotations

import pytest

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incidents import hosts_of
from tests.helpers import analyze_text


def _types(text: str) -> dict[str, str]:
    a = analyze_text(text, published="2024-03-05")
    return {e.trigger.text: e.type for e in a.events}


@pytest.mark.parametrize(
    ("text", "trigger", "typ"),
    [
        # courts
        ("The trial of the former mayor of Northtown opened on Monday.", "trial", "JUDICIAL"),
        ("A jury found him guilty of fraud after two days.", "found him guilty", "JUDICIAL"),
        ("The driver pleaded not guilty to all counts.", "pleaded not guilty", "JUDICIAL"),
        ("An appeals court overturned the verdict on Friday.", "overturned", "JUDICIAL"),
        # crime
        ("Thieves stole three paintings from the Eastvale museum.", "stole", "CRIME"),
        ("The robbery at the Westport bank lasted ten minutes.", "robbery", "CRIME"),
        ("The coach was arrested for drunk driving on the highway.", "drunk driving", "CRIME"),
        # health
        ("The striker needed knee surgery after training.", "surgery", "HEALTH"),
        ("The singer checked herself into a rehab clinic in Southfield.", "checked herself into", "HEALTH"),
        ("The senator was hospitalized after a heart attack.", "heart attack", "HEALTH"),
        # personnel
        ("The club appointed a new manager on Tuesday.", "appointed", "PERSONNEL"),
        ("The minister stepped down after the report.", "stepped down", "PERSONNEL"),
        # elections
        ("Voters in Northland elected a new parliament.", "elected", "ELECTION"),
        ("The election was held on Sunday.", "election", "ELECTION"),
        # business
        ("The chipmaker agreed to acquire its rival for $5 billion.", "acquire", "TRANSACTION"),
        ("The merger of the two airlines was approved.", "merger", "TRANSACTION"),
        # launches
        ("The company unveiled a new phone in Westport.", "unveiled", "LAUNCH"),
        ("The vendor issued a patch for the browser flaw.", "patch", "LAUNCH"),
        # contests
        ("The home side won the final 3-1.", "won", "CONTEST"),
        ("Their victory sealed the championship.", "victory", "CONTEST"),
        ("The forward set a record on Saturday.", "set a record", "CONTEST"),
        # awards
        ("The novelist was awarded the national prize.", "awarded", "AWARD"),
        # ceremonies
        ("Hundreds attended a vigil for the victims.", "vigil", "CEREMONY"),
        ("The funeral took place in Eastvale.", "funeral", "CEREMONY"),
        # accidents (added to DISASTER)
        ("A power outage hit the east of the city.", "outage", "DISASTER"),
        ("The shipwreck off the coast left two fishermen dead.", "shipwreck", "DISASTER"),
    ],
)
def test_each_news_type_is_detected(text: str, trigger: str, typ: str) -> None:
    found = _types(text)
    assert found.get(trigger) == typ, found


def test_plover_types_keep_their_words() -> None:
    # a lemma PLOVER types stays with its type: "fired" is an attack, "convicted" a sanction,
    # "resigned" a concession, "deal" an agreement
    assert _types("Troops fired missiles at the depot.").get("fired") == "ASSAULT"
    assert _types("A court convicted the two officers.").get("convicted") == "SANCTION"
    assert _types("The minister resigned on Monday.").get("resigned") == "CONCEDE"
    assert _types("Both sides signed the deal.").get("deal") == "AGREE"


@pytest.mark.parametrize(
    "text",
    [
        "The unit came under heavy fire near the bridge.",  # gunfire, no blaze
        "The army launched missiles at the port.",  # no product launch
        "The rocket launch was seen from the coast.",
        "The officials said the talks would go on.",  # a reporting verb is a claim, no event
        "The spokesman told reporters the border was calm.",
    ],
)
def test_no_news_type_in_conflict_and_reporting_words(text: str) -> None:
    news = {"JUDICIAL", "CRIME", "HEALTH", "PERSONNEL", "ELECTION", "TRANSACTION", "LAUNCH", "CONTEST",
            "AWARD", "CEREMONY"}
    found = _types(text)
    assert not {t for t in found.values() if t in news}, found
    assert not any(w in found for w in ("fire", "said", "told", "launch")), found
    # missiles launched at a port are an attack, as missiles fired at a depot (session 24: the
    # verb "launch" of a projectile is ASSAULT); never a product launch
    assert found.get("launched", "ASSAULT") == "ASSAULT", found


def test_news_types_are_english_only() -> None:
    from fullpicture.nlp.events._data import event_lexicon

    assert event_lexicon("en").nouns.get("trial") == "JUDICIAL"
    fr = event_lexicon("fr")
    assert "trial" not in fr.nouns and "JUDICIAL" not in fr.plover


def test_the_wounded_taken_to_hospital_are_the_blast_s_consequence() -> None:
    a = analyze_text("A gas explosion tore through a market in Eastvale on Monday. "
                     "Nine people were hospitalized.", published="2024-03-05")
    hosp = [e for e in a.events if e.trigger.lemma in ("hospitalize", "hospitalise")]
    assert hosp and hosp[0].type == "HEALTH"
    mk = lambda lemma, typ, span: MentionFeatures(  # noqa: E731
        doc="a", lemma=lemma, type=typ, family=None, span=span)
    feats = [mk("explosion", "ASSAULT", (0, 60)), mk("hospitalize", "HEALTH", (61, 90))]
    assert hosts_of(feats, load_settings().section("align")) == {1: 0}


def test_a_crime_hosts_its_dead() -> None:
    mk = lambda lemma, typ, span: MentionFeatures(  # noqa: E731
        doc="a", lemma=lemma, type=typ, family="material_conflict", span=span)
    feats = [mk("robbery", "CRIME", (0, 50)), mk("kill", "ASSAULT", (0, 50)),  # "a guard was killed in the robbery"
             mk("injury", "HEALTH", (51, 90))]  # "two clerks suffered injuries"
    assert hosts_of(feats, load_settings().section("align")) == {1: 0, 2: 0}


def test_injuries_stay_a_consequence_not_a_health_event() -> None:
    # "died of their injuries" after a clash: the injuries are the clash's, not a health event
    a = analyze_text("Soldiers clashed at the border post on Monday. Three of them later died of their injuries.",
                     published="2024-03-05")
    assert all(e.type != "HEALTH" for e in a.events), [(e.trigger.text, e.type) for e in a.events]


def test_a_drowning_after_a_clash_is_no_disaster_of_its_own() -> None:
    a = analyze_text("Troops clashed on the river bank on Monday night. Two soldiers drowned in the river.",
                     published="2024-03-05")
    assert all(e.type != "DISASTER" for e in a.events), [(e.trigger.text, e.type) for e in a.events]
