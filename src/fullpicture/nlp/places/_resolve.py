"""Place candidates and their resolution against the gazetteer (plus user alias files)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

from fullpicture._errors import ConfigError
from fullpicture.nlp.places._gazetteer import (  # noqa: F401  (haversine_km: re-exported)
    Gazetteer,
    Place,
    get_gazetteer,
    haversine_km,
)
from fullpicture.nlp.places._translit import fold, romanized_forms


@dataclass
class UserPlace:
    """A place from a user alias file."""

    name: str
    aliases: list[str]
    lat: float | None
    lon: float | None
    geonames_id: int | None
    country: str | None
    source: str


def _float(v: Any) -> float | None:
    return None if v in (None, "") else float(v)


def load_alias_file(path: str | Path) -> list[UserPlace]:
    """Read one alias file (YAML or CSV; format in data/gazetteer/README.md)."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{p}: alias file cannot be read ({exc.strerror})") from exc
    rows: list[dict[str, Any]]
    try:
        if p.suffix.lower() == ".csv":
            rows = list(csv.DictReader(io.StringIO(raw)))
            for r in rows:
                r["aliases"] = [a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()]
        else:
            data = yaml.safe_load(raw) or {}
            rows = data.get("places", []) if isinstance(data, dict) else []
    except (yaml.YAMLError, csv.Error) as exc:
        raise ConfigError(f"{p}: alias file is not valid ({exc})") from exc
    out: list[UserPlace] = []
    for i, r in enumerate(rows):
        if not isinstance(r, dict) or not r.get("name"):
            raise ConfigError(f"{p}: entry {i + 1} has no 'name'")
        try:
            gid = r.get("geonames_id")
            up = UserPlace(
                name=str(r["name"]).strip(),
                aliases=[str(a) for a in (r.get("aliases") or [])],
                lat=_float(r.get("lat")),
                lon=_float(r.get("lon")),
                geonames_id=int(gid) if gid not in (None, "") else None,
                country=(str(r["country"]).strip().upper() or None) if r.get("country") else None,
                source=f"user:{p.name}",
            )
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{p}: entry {i + 1} ({r.get('name')}): bad number ({exc})") from exc
        if up.geonames_id is None and (up.lat is None or up.lon is None):
            raise ConfigError(f"{p}: entry {i + 1} ({up.name}) needs geonames_id or lat and lon")
        out.append(up)
    return out


@dataclass
class PlaceIndex:
    """The shared gazetteer plus this pipeline's user aliases (an overlay; never mutates it)."""

    gaz: Gazetteer
    user: dict[str, list[int]] = field(default_factory=dict)
    extra: list[Place] = field(default_factory=list)
    user_ids: set[int] = field(default_factory=set)
    sources: dict[int, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    continent_demonyms: dict[str, str] = field(default_factory=dict)
    not_place_words: frozenset[str] = frozenset()
    # contested names linked by the framing lexicon's place-name entries: folded name -> records
    linked: dict[str, set[int]] = field(default_factory=dict)
    # a romanization-skeleton match must also be spelled like the record's main name (difflib
    # ratio): "Kharkov" is Kharkiv, "Makeen" is no Macon ([entities.places] skeleton_min_ratio)
    skeleton_min_ratio: float = 0.0
    # a Cyrillic name the gazetteer holds only in Latin letters ("Баньска" for Banjska) is
    # matched through its romanization's skeleton to a place at least this populous, or above
    # a town ([entities.places] cross_script_min_pop)
    cross_script_min_pop: int = 0

    @classmethod
    def build(cls, files: list[str], naming: Sequence[tuple[Sequence[str], Sequence[str]]] = ()) -> PlaceIndex:
        """Load the gazetteer, the alias ``files`` and the ``naming`` links: (terms,
        counter-terms) of the framing lexicon's place-name entries ("Maraş" ↔ "Varosha")."""
        from fullpicture.nlp.places._wordlists import get_lexicon

        lex = get_lexicon()
        idx = cls(get_gazetteer(), demonyms=lex.demonyms, continent_demonyms=lex.continent_demonyms,
                  not_place_words=lex.not_place_words)
        idx._link_names(naming)
        by_gid: dict[int, int] | None = None
        for f in files:
            for up in load_alias_file(f):
                target: int | None = None
                if up.geonames_id is not None:
                    if by_gid is None:
                        by_gid = {g: i for i, g in enumerate(idx.gaz.cols["gid"]) if g}
                    target = by_gid.get(up.geonames_id)
                if target is None:
                    if up.lat is None or up.lon is None:
                        raise ConfigError(f"{f}: {up.name}: geonames_id {up.geonames_id} not in the gazetteer; give lat and lon")
                    target = len(idx.gaz.cols["gid"]) + len(idx.extra)
                    idx.extra.append(Place(target, up.geonames_id or 0, up.name, up.lat, up.lon, 0, up.country or "", "user", ""))
                    idx.sources[target] = up.source
                idx.user_ids.add(target)
                for n in [up.name, *up.aliases]:
                    lst = idx.user.setdefault(fold(n), [])
                    if target not in lst:
                        lst.append(target)
        return idx

    def _link_names(self, naming: Sequence[tuple[Sequence[str], Sequence[str]]]) -> None:
        """Each entry's place is the record that most of its names (at least two) resolve to
        by exact look-up; every name of the entry is then linked to it."""
        for terms, counters in naming:
            names = [*terms, *counters]
            votes: dict[int, int] = {}
            for n in names:
                for i in set(self.gaz.lookup(fold(n))):
                    votes[i] = votes.get(i, 0) + 1
            best = max(votes.values(), default=0)
            if best < 2:
                continue
            ids = {i for i, v in votes.items() if v == best}
            for n in names:
                self.linked.setdefault(fold(n).removeprefix("the "), set()).update(ids)

    def place(self, i: int) -> Place:
        """Record ``i`` (base gazetteer or user overlay)."""
        n = self.gaz.size
        return self.extra[i - n] if i >= n else self.gaz.place(i)

    def source(self, i: int) -> str:
        """geonames | pycountry | user:<file> for record ``i``."""
        if i in self.sources:
            return self.sources[i]
        p = self.place(i)
        return "geonames" if p.gid else "pycountry"

    def candidates(self, text: str, skeleton_min_pop: int, skeleton: bool = True) -> list[tuple[int, bool]]:
        """``(record id, via_skeleton)`` for a surface name; user names and demonyms first.

        Short all-capital names ("APC") only match countries and user aliases ("UK", "US").
        """
        f = fold(text)
        if f.startswith("the "):
            f = f[4:]
        if not f:
            return []
        out = [(i, False) for i in self.user.get(f, [])]
        if f in self.not_place_words:  # "Eastern", "Central": only a user alias makes them places
            return out
        out += [(i, False) for i in sorted(self.linked.get(f, ())) if (i, False) not in out]
        cc = self.demonyms.get(f)
        if cc and cc in self.gaz.country_of:
            return out + [(self.gaz.country_of[cc], False)]
        if f in self.continent_demonyms:  # "European" -> Europe, never a city's alternate name
            name = fold(self.continent_demonyms[f])
            return out + [(i, False) for i in self.gaz.lookup(name) if self.gaz.cols["kind"][i] in ("continent", "region", "admin1")]
        # "APC", "NATO", and "FAMa" (an army's initials with a lower-case last letter); "CAIRO" is a name
        acronym = is_acronym(text) and len(f.replace(" ", "")) <= 4
        # acronyms name countries and continents ("UK", "EU"); dotted ones also states ("N.J.")
        allowed = ("country", "continent", "admin1") if "." in text else ("country", "continent")
        out += [(i, False) for i in self.gaz.lookup(f) if not acronym or self.gaz.cols["kind"][i] in allowed]
        if not out and not acronym and " " not in f and len(f) >= 4 and f.isascii():
            out += [(i, False) for i in _with_article(self.gaz, f)]  # "Qamishli": "Al Qāmishlī"
        if text.endswith("."):  # dotted abbreviations ("Ill.", "Calif.", "N.J.")
            out += [(i, False) for i in self.gaz.lookup(f + ".") if (i, False) not in out]
        if skeleton and not out and not acronym and f.isascii() and len(f) >= 5:
            for i in self.gaz.lookup_skeleton(f):
                p = self.gaz.place(i)
                if (p.pop >= skeleton_min_pop or p.kind in ("country", "admin1", "capital")) and _spelled_alike(f, p.name, self.skeleton_min_ratio):
                    out.append((i, True))
        return out

    def abbreviation(self, text: str) -> list[tuple[int, bool]]:
        """Countries and first-level divisions that a short all-capital name abbreviates
        ("SA", "NJ", "B.C."; see :meth:`Gazetteer.abbreviated`), marked as loose matches: the
        ranking keeps only those in a country where the document places something else."""
        letters = text.replace(".", "")
        if not (2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()):
            return []
        return [(i, True) for i in self.gaz.abbreviated(letters)]

    def cross_script(self, texts: Sequence[str], exact_only: bool = False,
                     any_size: bool = False) -> tuple[str, list[tuple[int, bool]]] | None:
        """The first of ``texts`` (a Cyrillic name and its other forms) that reaches records
        the gazetteer holds only in Latin letters, and those records: places of at least
        ``cross_script_min_pop`` people or above a town whose name is a romanization of one
        of the texts, else, in a second pass, those of the same skeleton spelled like it
        ("Кашмир" is the region Kashmir, not Kashmor of the same skeleton; "Баньска" ->
        Banjska; "Лепосавич" -> Leposaviq; ``exact_only``: the first pass alone; ``any_size``:
        the first pass takes places of any size, for a name that already reaches a namesake,
        where the ranking then chooses: "Еленовка", an old name of Sevan, also spells the
        Latin "Yelenovka" of a village in Donetsk oblast). The second pass also returns smaller
        places, which the ranking keeps only in a first-level division where the document places
        another name (:func:`~fullpicture.nlp.places._rank.rank_spans`). None when nothing
        matches or it is turned off."""
        if not self.cross_script_min_pop:
            return None
        folded = [(t, fold(t)) for t in texts if len(fold(t)) >= 4]
        small: tuple[str, list[tuple[int, bool]]] | None = None
        for t, f in folded:
            exact = [i for form in romanized_forms(f) for i in self.gaz.lookup(form)]
            big = [(i, False) for i in exact if any_size or self._big(i)]
            if big:
                return t, list(dict.fromkeys(big))
            if exact and small is None:  # loose: kept by the ranking only beside a name of its division
                small = (t, [(i, True) for i in dict.fromkeys(exact)])
        for t, f in folded if not exact_only else ():
            out: list[tuple[int, bool]] = []
            for form in romanized_forms(f):
                for i in self.gaz.lookup_skeleton(form):
                    if (i, True) not in out and _spelled_alike(form, self.gaz.place(i).name, self.skeleton_min_ratio):
                        out.append((i, True))
            if any(self._big(i) for i, _v in out):
                return t, [c for c in out if self._big(c[0])]
            if out and small is None:
                small = (t, out)
        return small

    def _big(self, i: int) -> bool:
        p = self.gaz.place(i)
        return p.pop >= self.cross_script_min_pop or p.kind not in ("city", "admin2")


_SUN_LETTERS = frozenset("tdrzsn")


def is_acronym(text: str) -> bool:
    """``text`` is written as initials: all capitals ("APC"), or one word opening with two
    capitals and ending in lower case ("FAMa", "FARDc"); "McAllen", "DeKalb" are names."""
    return text.isupper() or (" " not in text and len(text) >= 3 and text[:2].isalpha() and text[:2].isupper())


def _with_article(gaz: Gazetteer, f: str) -> list[int]:
    """Records whose name is ``f`` with the Arabic article that English often drops
    ("Qamishli" for "Al Qāmishlī", "Bab" for "Al Bab", "Raqqah" for "Ar Raqqah")."""
    forms = [f"al {f}", f"al-{f}", f"el {f}"]
    if f[0] in _SUN_LETTERS:
        forms += [f"a{f[0]} {f}", f"a{f[0]}-{f}"]
    out: list[int] = []
    for form in forms:
        out += [i for i in gaz.lookup(form) if i not in out]
    return out


def _spelled_alike(folded: str, name: str, min_ratio: float) -> bool:
    """The folded text and a record's main name (with or without an Arabic article: "Qamishli",
    "Al Qāmishlī") are at least ``min_ratio`` alike."""
    if min_ratio <= 0:
        return True
    main = fold(name)
    forms = {main, *(main[len(a):] for a in ("al ", "al-", "el ", "el-", "ad ", "as ", "ar ") if main.startswith(a))}
    return any(SequenceMatcher(None, folded, m).ratio() >= min_ratio for m in forms)


def resolve_all(pi: PlaceIndex, spans: list[tuple[str, list[tuple[int, bool]]]], cfg: dict[str, Any],
                weak: frozenset[int] = frozenset(), inner: frozenset[str] = frozenset()) -> list[tuple[int, float] | None]:
    """Pick one record per span, using the document's other places (but not the ``weak``
    spans) as context; ``inner``: folded names also used inside a larger name (see :mod:`._rank`)."""
    from fullpicture.nlp.places._rank import rank_spans

    return rank_spans(pi, spans, cfg, weak, inner)
