"""Name helpers of the gazetteer build (:mod:`._gazetteer`), and the great-circle distance.

Which GeoNames alternate names to keep (no codes, links or transliteration keys), a name
without its type words ("Kherson Oblast" -> "Kherson"), whether a name is in Latin script, and
the names a division named after its main city is reached by ("Zaporizhzhia region", "Kharkov
oblast": the city's Latin-script names with a type word, not those of a foreign town near it);
:func:`haversine_km` serves the build and every caller of the gazetteer.
"""

from __future__ import annotations

import math
from typing import Any

from fullpicture.nlp.places._translit import fold


def _keep_alt(alt: str, main_folded: str) -> bool:
    """Drop GeoNames alternate names that are codes, links or lower-case transliteration keys."""
    if len(alt) < 2 or any(ch.isdigit() for ch in alt) or "http" in alt:
        return False
    if alt.isascii():
        if alt == alt.lower() and fold(alt) != main_folded:
            return False  # 'mytrwfytsa'-style keys
        if alt.isupper() and len(alt) <= 4:
            return False  # IATA / ICAO codes
    return True


_ADMIN_WORDS = ("region", "province", "oblast", "governorate", "state", "prefecture", "district")


def _latin_name(name: str) -> bool:
    """A name in Latin script (the spellings English and French text use)."""
    import unicodedata

    return all(not ch.isalpha() or ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in name)


_NEIGHBOUR_KM = 150.0  # a foreign town this near whose main name a city's alternate is


def _city_named_division(cc: str, code: str, names: list[str], city_in_admin: dict[tuple[str, str, str], dict[str, Any]],
                         main_ccs: dict[str, list[tuple[str, float, float]]] | None = None) -> list[str]:
    """"Zaporizhzhia region", "Kharkov oblast", "Nikolaev province": a division named after its
    main city is reached by every Latin-script name of that city with a type word after it
    (the city's GeoNames alternate names carry the transliteration variants), except an
    alternate that is the main name of a town of another country within ``_NEIGHBOUR_KM`` and of
    none of its own (``main_ccs``: "Tovuz", a former name of Armenian towns, is the Azerbaijani
    town across the border, and makes no "Tovuz district" of Armenia's Tavush)."""
    city = None
    for where in (code, "*"):  # a city in the division, else a large one of the country ("Kiev" oblast)
        for n in names:
            c = city_in_admin.get((cc, where, fold(_strip_type(n))))
            if c is not None and (city is None or int(c["population"]) > int(city["population"])):
                city = c
        if city is not None:
            break
    if city is None:
        return []
    main = fold(city["name"])
    lat, lon = float(city["latitude"]), float(city["longitude"])

    def foreign(alt: str) -> bool:
        towns = (main_ccs or {}).get(fold(alt), [])
        return (not any(t[0] == cc for t in towns)
                and any(haversine_km(lat, lon, t[1], t[2]) <= _NEIGHBOUR_KM for t in towns))

    stems = [city["name"], *(a for a in city["alternatenames"] if _keep_alt(a, main) and _latin_name(a) and not foreign(a))]
    return [f"{n} {w}" for n in dict.fromkeys(stems) for w in _ADMIN_WORDS]

def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


_TYPE_WORDS = (
    "oblast", "oblast'", "province", "region", "governorate", "district", "state", "county",
    "prefecture", "krai", "kray", "republic", "canton", "department", "municipality", "raion",
)


def _strip_type(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _TYPE_WORDS:
        words.pop()
    while len(words) > 1 and words[0].lower() in _TYPE_WORDS + ("of",):
        words.pop(0)
    return " ".join(words)
