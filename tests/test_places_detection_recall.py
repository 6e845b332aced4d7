"""Place names the layer used to miss in running text (issue 11, GeoWebNews detection recall).

A football club named "X City" is the city X when no place is named with "City"; a dateline
naming a division without its type word; initials written with their dots; an organisation's
initials that spell a country whose people the story names; and a place inside an
organisation's name after another word, when the story names that place on its own. The
sentences are invented; each restates the shape of a miss.
"""

from __future__ import annotations

from fullpicture.nlp.places._contained import contained_place, span_candidates


def _places(doc):
    return {m.text: e.name for e in doc._.fp_entities if e.geo is not None and e.type in ("GPE", "LOC")
            for m in e.mentions}


def test_city_club_is_its_city(pi, cfg):
    name, cands = span_candidates(pi, "Birmingham City", cfg)
    assert name == "Birmingham" and {pi.place(c).kind for c, _v in cands} <= {"city", "capital"}
    # a place named with "City" is looked up as written, and another settlement word still
    # makes another place ("Washington Township" is not Washington)
    assert span_candidates(pi, "Mexico City", cfg)[0] == "Mexico City"
    assert contained_place(pi, "Washington Township", 100_000) is None
    # a country's name before "City" is no city: nothing
    assert contained_place(pi, "Kenya City", 100_000) is None


def test_city_club_in_running_text(ent_nlp):
    doc = ent_nlp("Illustrative text. Burnley travel to Birmingham City on Saturday for the league match.")
    assert _places(doc).get("Birmingham City") == "Birmingham"


def test_capitalised_dateline_of_a_division_without_its_type_word(ent_nlp):
    doc = ent_nlp("SOUTH WAZIRISTAN, May 3 (APP): The army chief opened a new market and a school.")
    assert _places(doc).get("SOUTH WAZIRISTAN") == "South Waziristan Agency"


def test_dotted_initials_in_running_text(ent_nlp):
    # a Canadian story: the province's dotted initials before a noun, no full name anywhere
    doc = ent_nlp("Illustrative text. The mayor of Jasper, Alberta, said tourists cross the B.C. border daily.")
    assert "British Columbia" in (_places(doc).get("B.C.") or "")
    # undotted initials alone stay unresolved in running text ("the VA hotline")
    doc = ent_nlp("Illustrative text. Veterans in Ohio said the VA hotline went to voicemail.")
    assert "VA" not in _places(doc)


def test_initials_of_a_country_whose_people_the_story_names(ent_nlp):
    doc = ent_nlp("Illustrative text. Mining employs many South Africans. That SA holds vast platinum "
                  "reserves is well known in Rustenburg and Pretoria.")
    assert _places(doc).get("SA") == "South Africa"
    # a company's legal form after its name is no country
    doc = ent_nlp("Illustrative text. Mining employs many South Africans, and Anglo SA said output rose.")
    assert "SA" not in _places(doc)


def test_place_inside_an_organisation_name_the_story_names(ent_nlp):
    text = ("The Tidal Energy Wales Annual Conference aims to bring investors together. "
            "Delegates discussed tidal projects in Wales and their funding.")
    inside = text.index("Wales")

    def starts(doc):
        return {m.start for e in doc._.fp_entities if e.geo is not None and e.type in ("GPE", "LOC") for m in e.mentions}

    assert inside in starts(ent_nlp(text))
    # without the place named on its own, a region's name after another word inside an
    # organisation's name stays part of that name
    assert inside not in starts(ent_nlp(text[: text.index(" Delegates")]))


def test_self_declared_republic_by_its_russian_initials():
    # "НКР" (the self-declared Nagorno-Karabakh Republic's Russian initials) is the curated
    # region, as "ДНР" is the Donetsk People's Republic
    from fullpicture import analyze

    a = analyze("Власти НКР заявили, что обстрел продолжался всю ночь в Мартуни.")
    names = {e.name for e in a.entities if e.type in ("GPE", "LOC") and e.geo is not None}
    assert "Nagorno-Karabakh" in names


def test_town_by_the_romanization_of_its_russian_name(pi, cfg):
    # GeoNames holds Hola Prystan's Russian name in Cyrillic only; an English text romanizes it
    (town,) = [pi.place(c) for c, _v in span_candidates(pi, "Golaya Pristan", cfg)[1]]
    assert town.name == "Hola Prystan" and town.cc == "UA"
    # a romanization that is already another place's name adds no namesake to it
    assert pi.place(span_candidates(pi, "Berlin", cfg)[1][0][0]).cc == "DE"
