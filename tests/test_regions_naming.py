"""Contested regions in the shape of real coverage: a border crossing spelled five ways by the
outlets of two sides, outposts that only one side's communiqués name, names in the definite forms
of a language read by the limited pipeline, and each side's words for the same wall, the same
protesters and the same operation. Sentences and outlets written for these tests; the shapes come
from the real multi-side corpora of northern Kosovo (May 2023) and of the Guerguerat crossing
(November 2020) kept outside the repository (docs/benchmarks/incidents.md)."""

from __future__ import annotations

import pytest


def _analyze(text: str):
    from fullpicture import analyze

    return analyze(text)


def _places(a) -> dict[str, tuple[tuple[float, float] | None, list[str]]]:
    return {e.name: ((round(e.geo.lat, 1), round(e.geo.lon, 1)) if e.geo else None, [m.text for m in e.mentions])
            for e in a.entities if e.type in ("GPE", "LOC")}


def _entries(a) -> set[str]:
    return {c.lexicon_entry for c in a.framing if c.lexicon_entry}


def test_crossing_spelled_by_each_side_is_one_place_with_coordinates():
    # a wire story quoting both sides, each with its own spelling of the same desert crossing
    a = _analyze(
        "Lorries waited for a third day at El Guerguerate, the Dune Courier reported on 14 November 2020. "
        "Drivers stuck at Guergarat said the road was closed, and a spokesman for the camp at Guerguarat "
        "said the protesters had left. Officials in Laayoune said the Guerguerat crossing was open again.")
    places = _places(a)
    assert "Guerguerat" in places, places
    point, mentions = places["Guerguerat"]
    assert point == (21.4, -17.0)
    assert {"El Guerguerate", "Guergarat", "Guerguarat"} <= set(mentions)


def test_outposts_of_one_sides_communiques_are_placed():
    a = _analyze(
        "The ministry said in Bir Lehlou on Sunday that its units shelled positions in the Mahbes sector "
        "and near Mahbès, according to the Sand Herald.")
    places = _places(a)
    assert places["Mahbes"][0] == (27.2, -9.0), places
    assert places["Bir Lahlou"][0] == (26.3, -9.6), places


def test_albanian_definite_forms_reach_the_town_record():
    # the limited pipeline: Albanian names in their definite and genitive forms
    a = _analyze(
        "Protestuesit u mblodhën sot para ndërtesës së komunës në Zveçan. Më vonë policia tha se "
        "situata në Zveçani ishte e qetë, ndërsa disa banorë të Leposaviqit shkuan drejt Mitrovicës.")
    assert a.document.language == "sq" and a.document.notice
    bases = {e.name: {(m.text, m.base) for m in e.mentions} for e in a.entities}
    assert ("Zveçani", "Zveçan") in bases.get("Zvečan", set()), bases
    assert ("Leposaviqit", "Leposaviq") in bases.get("Leposaviq", set()), bases
    assert not a.events and not a.claims


def test_north_mitrovica_in_three_languages_is_one_place():
    from fullpicture.nlp.places._gazetteer import fold, get_gazetteer

    g = get_gazetteer()
    ids = {tuple(g.lookup(fold(n))) for n in ("North Mitrovica", "Mitrovica e Veriut", "Северна Митровица")}
    assert len(ids) == 1 and next(iter(ids))
    assert g.place(next(iter(ids))[0]).cc == "XK"


def test_each_sides_words_for_one_protest_are_cues_with_counter_terms():
    from fullpicture.nlp.framing import counter_terms

    a = _analyze(
        "The Pale Gazette said Serb extremists attacked the soldiers outside the town hall. "
        "The River Tribune said the crowd was sitting peacefully when Pristina's police moved in, "
        "and that Kurti's mayors had no mandate.")
    got = _entries(a)
    assert {"rs_xk.criminal_gangs", "rs_xk.peaceful_protest", "rs_xk.so_called_police"} <= got, got
    assert "Serb protesters" in counter_terms("Serb extremists")
    assert "Kosovo Police" in counter_terms("Pristina's police")


def test_each_sides_words_for_one_wall_and_one_operation_are_cues():
    from fullpicture.nlp.framing import counter_terms

    a = _analyze(
        "Units shelled the Moroccan occupation forces behind the Wall of Humiliation and Shame, the Oasis "
        "Agency said. The Atlas Courier said the army carried out a non-offensive operation and reinforced "
        "the Moroccan defense wall, while the Polisario militants fled.")
    got = _entries(a)
    assert {"ma_eh.occupation_army", "ma_eh.wall_of_shame", "ma_eh.security_cordon", "ma_eh.defense_wall",
            "ma_eh.so_called_sadr"} <= got, got
    assert "wall of shame" in counter_terms("defense wall")
    assert "defense wall" in counter_terms("wall of shame")


def test_french_terms_of_one_side_are_cues():
    a = _analyze(
        "Selon l'état-major, les milices du Polisario ont pris la fuite après une opération non offensive, "
        "et le mur de défense reste sécurisé. La prétendue RASD dénonce une agression marocaine, écrit "
        "le Courrier des Dunes.")
    assert a.document.language == "fr"
    got = _entries(a)
    assert {"ma_eh.so_called_sadr", "ma_eh.security_cordon", "ma_eh.defense_wall", "ma_eh.aggression"} <= got, got


@pytest.mark.parametrize("text", [
    "Police set up a security cordon around the stadium before the match, and fans held a peaceful protest outside.",
    "The gang was charged with running criminal groups in the port; the court said the line of defense failed.",
])
def test_generic_phrases_name_no_side_of_these_conflicts(text):
    a = _analyze(text)
    assert not {e for e in _entries(a) if e.startswith(("rs_xk.", "ma_eh."))}


def test_a_sides_place_name_is_naming_not_loaded_language():
    # a town name that the lexicons record as one side's naming choice, in a sentence the
    # parser may not tag as a place: counted as naming, never as the writer's loaded word
    a = _analyze(
        "Special units of the police were asked to leave the municipal buildings in Zvečan, Leposavić, "
        "and Zubin Potok, the Pale Gazette reported.")
    spans = {c.text: c.category for c in a.framing if c.text == "Leposavić"}
    assert spans.get("Leposavić") in (None, "naming")
    assert not [c for c in a.framing if c.text == "Leposavić" and c.category == "loaded_language"]


def test_a_case_form_that_is_another_languages_name_keeps_the_writers_name():
    # Serbian genitive "Kosova" is spelled like the Albanian and Turkish name of the country: in a
    # Serbian text the naming table must show the Serbian name, not the other side's
    a = _analyze(
        "Na severu Kosova situacija je i dalje napeta, rekao je juče predsednik opštine posle sastanka u "
        "Beogradu. Građani Kosova očekuju da se situacija smiri, javlja Rečni dnevnik.")
    assert a.document.language == "sr"
    kosovo = next(e for e in a.entities if e.name == "Kosovo")
    assert {(m.text, m.base) for m in kosovo.mentions} == {("Kosova", "Kosovo")}
    b = _analyze(
        "Situata në veri të Kosovës është e tensionuar, tha kryetari i komunës pas takimit. Kosova pret "
        "që situata të qetësohet, shkruan Gazeta e Luginës.")
    assert b.document.language == "sq"
    kosova = next(e for e in b.entities if e.name == "Kosovo")
    assert ("Kosova", None) in {(m.text, m.base) for m in kosova.mentions}


@pytest.mark.parametrize(("text", "lang", "absent", "present"), [
    ("Više od 40 ljudi povređeno je juče u Zvečanu, javlja Rečni dnevnik. On je rekao da je situacija mirna, "
     "a više od deset osoba je zadržano u bolnici.", {"sr", "hr", "bs"}, {"Visé", "On"}, {"Zvečan"}),
    ("Disa ushtarë u lënduan sot në Zveçan, shkruan Gazeta e Luginës. Disa banorë thanë se situata është e qetë, "
     "ndërsa disa të tjerë u larguan.", {"sq"}, {"Deesa"}, {"Zvečan"}),
])
def test_sentence_opening_function_words_are_no_places(text, lang, absent, present):
    a = _analyze(text)
    assert a.document.language in lang
    names = {e.name for e in a.entities}
    assert not names & absent, names
    assert present <= names, names


def test_a_two_word_name_declined_in_both_words_is_found():
    # Serbian locative of an adjective + noun name: both words carry the ending
    a = _analyze(
        "Povređeni su prevezeni u bolnicu u Kosovskoj Mitrovici, a situacija u Zvečanu je mirna, javlja Rečni "
        "dnevnik. Građani su se okupili i u Zubinom Potoku posle podne.")
    assert a.document.language in {"sr", "hr", "bs"}
    bases = {e.name: {(m.text, m.base) for m in e.mentions} for e in a.entities}
    assert ("Kosovskoj Mitrovici", "Kosovska Mitrovica") in bases.get("Mitrovicë", set()), bases
    assert ("Zubinom Potoku", "Zubin Potok") in bases.get("Zubin Potok", set()), bases


def test_a_rejected_word_names_no_country_for_the_guard():
    # a section label at the end of a page ("Politika") looks like a place abroad and is rejected;
    # it must not make every declined name of the article a guess in another country
    a = _analyze(
        "Nekoliko desetina ljudi povređeno je danas u sukobu u Zvečanu. Povređeni su prevezeni u bolnicu u "
        "Kosovskoj Mitrovici, izjavio je direktor bolnice. Kako javljaju novinari, situacija je napeta.\n\n"
        "Povezane vesti\n\nPolitika, najnovije vesti")
    names = {e.name for e in a.entities}
    assert {"Zvečan", "Mitrovicë"} <= names, names
