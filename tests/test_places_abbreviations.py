"""Abbreviated place names and divisions listed together (issue 11, GeoWebNews exact ids).

An all-capital abbreviation that the gazetteer has no name for ("SA", "NJ", "B.C.") reaches
the countries and first-level divisions whose initials (or US postal code) it spells, and
keeps only those in a country where the document places something else. A name listed among
first-level divisions of one country is the division, not its namesake city.
"""

from __future__ import annotations

from fullpicture.nlp.places._contained import span_candidates
from fullpicture.nlp.places._resolve import resolve_all


def _resolve(pi, cfg, names):
    spans = [span_candidates(pi, n, cfg) for n in names]
    return [pi.place(r[0]) if r else None for r in resolve_all(pi, spans, cfg)]


def test_initials_of_a_country_the_document_places(pi, cfg):
    # a story about two provinces of one country that calls it by its initials
    *_provinces, sa = _resolve(pi, cfg, ["Limpopo", "Mpumalanga", "SA"])
    assert sa is not None and sa.kind == "country" and sa.cc == "ZA"


def test_initials_without_context_stay_unresolved(pi, cfg):
    # the same letters alone name three countries and divisions: none is chosen
    assert _resolve(pi, cfg, ["SA"]) == [None]
    # nor when the document places things only in a fourth country
    assert _resolve(pi, cfg, ["Lyon", "SA"])[1] is None


def test_postal_codes_and_dotted_initials_of_divisions(pi, cfg):
    *_, nj = _resolve(pi, cfg, ["Paterson", "Hackensack", "NJ"])
    assert nj is not None and nj.kind == "admin1" and (nj.cc, nj.admin1) == ("US", "NJ")
    *_, tx = _resolve(pi, cfg, ["Houston", "Austin", "TX"])
    assert tx is not None and (tx.cc, tx.admin1) == ("US", "TX")
    # Canadian province by its dotted initials beside a neighbouring province's town
    *_, bc = _resolve(pi, cfg, ["Calgary", "Alberta", "B.C."])
    assert bc is not None and bc.kind == "admin1" and bc.cc == "CA" and "Columbia" in bc.name


def test_abbreviation_is_no_candidate_of_a_lower_case_word(pi):
    assert pi.abbreviation("Sa") == [] and pi.abbreviation("S") == [] and pi.abbreviation("ABCDE") == []


def test_conventional_name_of_a_country(pi, cfg):
    assert _resolve(pi, cfg, ["the Islamic Republic"])[0].cc == "IR"


def test_a_name_listed_among_divisions_is_the_division(pi, cfg):
    # a union territory named like its capital, listed with three states of its country
    *_, last = _resolve(pi, cfg, ["Tamil Nadu", "Karnataka", "Kerala", "Puducherry"])
    assert last is not None and last.kind == "admin1" and last.cc == "IN"
    # alone, or beside one division, the name stays the city
    assert _resolve(pi, cfg, ["Puducherry"])[0].kind == "city"
    assert _resolve(pi, cfg, ["Tamil Nadu", "Puducherry"])[1].kind == "city"


def test_a_country_named_like_a_division_is_not_set_aside(pi, cfg):
    # a country beside two US states stays the country ("invasions of Georgia and Ukraine")
    *_, georgia, _ukraine = _resolve(pi, cfg, ["Ohio", "Florida", "Georgia", "Ukraine"])
    assert georgia is not None and georgia.kind == "country"


def _places(doc):
    return {m.text: e.name for e in doc._.fp_entities if e.geo is not None for m in e.mentions}


def test_initials_in_running_text_need_a_place(ent_nlp):
    # a broadcaster's and an agency's initials that NER may tag as places are no places,
    # though their letters spell a Russian republic and a US state and the text names the
    # countries: neither is named in full nor follows a place and a comma
    doc = ent_nlp("Illustrative text. Russia annexed Crimea in 2014. In July, RT said the vote was fair. "
                  "Veterans in Ohio and Texas said the VA hotline went to voicemail.")
    found = _places(doc)
    assert "RT" not in found and "VA" not in found
    assert found.get("Russia") == "Russia"


def test_nigerian_local_government_area_by_its_type_word(pi, cfg):
    # the gazetteer names the division bare; the press writes "X LGA" / "X Local Government Area"
    for name in ("Guma LGA", "Guma Local Government Area"):
        (area,) = _resolve(pi, cfg, [name])
        assert area is not None and area.kind == "admin2" and area.cc == "NG"


def test_town_on_a_river_goes_by_its_first_name(pi, cfg):
    # "X upon Y" / "X-on-Y" is called X: the large town before a village whose main name is X
    from fullpicture.nlp.places._translit import short_name

    assert short_name("Burton upon Trent") == "Burton" and short_name("Stoke-on-Trent") == "Stoke"
    assert short_name("Frankfurt am Main") == "" and short_name("Burton") == ""
    *_, burton = _resolve(pi, cfg, ["Derby", "Burton"])
    assert burton is not None and burton.name == "Burton upon Trent"


def test_division_named_without_its_type_word(pi, cfg):
    # the gazetteer holds the agency only with its type word; the text drops it (any case)
    for name in ("South Waziristan", "SOUTH WAZIRISTAN"):
        (area,) = _resolve(pi, cfg, [name])
        assert area is not None and area.kind == "admin2" and area.cc == "PK"


def test_division_without_type_word_in_running_text(ent_nlp):
    doc = ent_nlp("Illustrative text. Drone strikes hit South Waziristan on Monday, officials in Pakistan said.")
    assert _places(doc).get("South Waziristan") == "South Waziristan Agency"


def test_crimea_and_kashmir_by_their_russian_and_french_names(pi, cfg):
    # "Крым" is also the alternate name of a village near Rostov; the peninsula's division wins
    for name in ("Крым", "Крим", "Crimée"):
        (crimea,) = _resolve(pi, cfg, [name])
        assert crimea is not None and crimea.kind == "admin1" and crimea.cc == "UA"
    (kashmir,) = _resolve(pi, cfg, ["Cachemire"])
    assert kashmir is not None and kashmir.name == "Kashmir"
