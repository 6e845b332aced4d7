"""Ranking candidates with the document's other places (issue 11, second round).

Each test restates, in invented sentences or bare name lists, the shape of an error seen on
real news: a name voting for its own first guess, a town named after a state's neighbour,
a state that holds the document's other places, a direction word or a month read as a place.
"""

from __future__ import annotations

import pytest

from fullpicture.nlp.places._resolve import resolve_all


def _resolve(pi, cfg, names):
    spans = [(n, pi.candidates(n, cfg["skeleton_min_pop"])) for n in names]
    return [pi.place(r[0]) if r else None for r in resolve_all(pi, spans, cfg)]


def test_a_name_does_not_vote_for_its_own_first_guess(pi, cfg):
    # "Dundalk" alone is the larger US town; beside an Irish suburb it is the Irish town, and its
    # own first-pass choice must not make the US the document's country
    dundrum, dundalk = _resolve(pi, cfg, ["Dundrum", "Dundalk"])
    assert dundalk.cc == "IE"


def test_first_level_division_of_the_other_places_decides(pi, cfg):
    # the state abbreviation puts a small namesake town before the large one
    gainesville, va = _resolve(pi, cfg, ["Gainesville", "Va."])
    assert (gainesville.cc, gainesville.admin1) == ("US", "VA")
    town, florida = _resolve(pi, cfg, ["Parkland", "Florida"])
    assert (town.cc, town.admin1) == ("US", "FL")


def test_state_named_like_the_capital_when_it_holds_other_places(pi, cfg):
    washington, tacoma = _resolve(pi, cfg, ["Washington", "Tacoma"])
    assert washington.kind == "admin1" and tacoma.admin1 == washington.admin1
    # with places elsewhere in the country, "Washington" stays the capital
    washington, _, _ = _resolve(pi, cfg, ["Washington", "Parkland", "Florida"])
    assert washington.kind == "capital"
    # and a state whose only other place lies in the namesake city itself stays the city
    new_york, brooklyn = _resolve(pi, cfg, ["New York", "Brooklyn"])
    assert new_york.kind in ("city", "capital")


@pytest.mark.parametrize("word", ["Eastern", "Central", "Northern", "East", "January", "Easter"])
def test_direction_words_and_months_are_no_places(pi, cfg, word):
    assert pi.candidates(word, cfg["skeleton_min_pop"]) == []


def test_longer_names_with_direction_words_stay(pi, cfg):
    assert pi.candidates("Eastern Europe", cfg["skeleton_min_pop"])


def test_possessive_is_not_part_of_the_place(ent_nlp):
    doc = ent_nlp("Illustrative text. Teachers said North Carolina's schools lacked money.")
    texts = {m.text for e in doc._.fp_entities if e.geo is not None for m in e.mentions}
    assert "North Carolina" in texts and not any(t.endswith("'s") for t in texts)


def _place_texts(doc):
    return {m.text for e in doc._.fp_entities if e.geo is not None for m in e.mentions}


def test_part_of_a_persons_name_is_no_small_town(ent_nlp):
    # a news anchor's surname is also a small American town; near the document's other
    # American places it must still stay a person
    doc = ent_nlp("Illustrative text. NBC's Lester Holt will moderate the debate in New York and Ohio voters "
                  "are watching. The candidate cannot mock the ratings if Holt asks him about his taxes.")
    assert "Holt" not in _place_texts(doc)


def test_person_named_after_a_clause_preposition_is_no_foreign_town(ent_nlp):
    # "from <name> being ..." is no locative context: the name is the subject of the clause
    doc = ent_nlp("Illustrative text. Voters in Ohio heard every theory, from Obama being a secret agent "
                  "to stories about the governor.")
    assert "Obama" not in _place_texts(doc)


def test_a_name_after_a_person_s_title_is_no_small_town():
    # the headline names the president alone; the body gives his title: never a town in Japan
    from tests.helpers import analyze_text

    a = analyze_text("Leaders denounce the test; Obama, others vow consequences.\n\n"
                     "The council condemned the nuclear test on Friday. In a statement, President Obama "
                     "called it provocative, and officials in Seoul and Tokyo agreed.")
    assert not [e for e in a.entities if e.geo is not None and any(m.text == "Obama" for m in e.mentions)]
