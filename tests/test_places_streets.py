"""Named roads (issue 11: "named roads and corridors"): a street is placed at the city the
document places it in, keeps an entity of its own without the city's GeoNames id, and is no
place at all when the document names no city. Invented sentences restating shapes seen in
real news."""

from __future__ import annotations

from tests.helpers import analyze_text


def _places(a):
    return {m.text: e for e in a.entities if e.geo for m in e.mentions}


def test_street_at_the_city_after_it():
    a = analyze_text("Ice cream\n\nA new museum is opening on Collins Avenue in Miami Beach next week. "
                     "Fans queued on Ocean Drive in Miami.")
    p = _places(a)
    assert p["Collins Avenue"].geo.lat == p["Miami Beach"].geo.lat
    assert p["Ocean Drive"].geo.lat == p["Miami"].geo.lat
    assert p["Collins Avenue"].geo.geonames_id is None and p["Collins Avenue"].id != p["Miami Beach"].id


def test_street_at_the_document_s_city():
    a = analyze_text("Old houses\n\nThe faubourg grew downriver from New Orleans. Royal Street was the "
                     "return route of the streetcar, and Press Street marked the lower border.")
    p = _places(a)
    assert p["Royal Street"].geo.lat == p["New Orleans"].geo.lat
    assert "Press Street" in p


def test_no_city_no_street():
    a = analyze_text("Fire\n\nCrews were called to the 200 block of River Avenue after 11 p.m. Friday.")
    assert "River Avenue" not in _places(a)


def test_saints_and_figures_of_speech_are_no_streets():
    a = analyze_text("Vatican\n\nThe statue of the Doctor of the Church St. Gregory of Narek was unveiled in Rome. "
                     "Main Street voters in Ohio are angry, and Wall Street fell.")
    p = _places(a)
    assert not any("St." in t for t in p) and "Main Street" not in p
    assert p["Wall Street"].geo.country == "US"  # a landmark standing for the markets
