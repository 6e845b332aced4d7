"""Place candidates and their resolution against the gazetteer (plus user alias files)."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from fullpicture._errors import ConfigError
from fullpicture.nlp.places._gazetteer import Gazetteer, Place, get_gazetteer
from fullpicture.nlp.places._translit import fold


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


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
    # contested names linked by the framing lexicon's place-name entries: folded name -> records
    linked: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, files: list[str], naming: Sequence[tuple[Sequence[str], Sequence[str]]] = ()) -> PlaceIndex:
        """Load the gazetteer, the alias ``files`` and the ``naming`` links: (terms,
        counter-terms) of the framing lexicon's place-name entries ("Maraş" ↔ "Varosha")."""
        from fullpicture.nlp.places._wordlists import get_lexicon

        lex = get_lexicon()
        idx = cls(get_gazetteer(), demonyms=lex.demonyms, continent_demonyms=lex.continent_demonyms)
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
        n = len(self.gaz.cols["gid"])
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
        out += [(i, False) for i in sorted(self.linked.get(f, ())) if (i, False) not in out]
        cc = self.demonyms.get(f)
        if cc and cc in self.gaz.country_of:
            return out + [(self.gaz.country_of[cc], False)]
        if f in self.continent_demonyms:  # "European" -> Europe, never a city's alternate name
            name = fold(self.continent_demonyms[f])
            return out + [(i, False) for i in self.gaz.lookup(name) if self.gaz.cols["kind"][i] in ("continent", "region", "admin1")]
        acronym = text.isupper() and len(f.replace(" ", "")) <= 4  # "APC", "NATO"; "CAIRO" is a name
        # acronyms name countries and continents ("UK", "EU"); dotted ones also states ("N.J.")
        allowed = ("country", "continent", "admin1") if "." in text else ("country", "continent")
        out += [(i, False) for i in self.gaz.lookup(f) if not acronym or self.gaz.cols["kind"][i] in allowed]
        if text.endswith("."):  # dotted abbreviations ("Ill.", "Calif.", "N.J.")
            out += [(i, False) for i in self.gaz.lookup(f + ".") if (i, False) not in out]
        if skeleton and not out and not acronym and f.isascii() and len(f) >= 5:
            for i in self.gaz.lookup_skeleton(f):
                p = self.gaz.place(i)
                if p.pop >= skeleton_min_pop or p.kind in ("country", "admin1", "capital"):
                    out.append((i, True))
        return out


def score(pi: PlaceIndex, i: int, text: str, via_skel: bool, doc_cc: dict[str, float], anchors: list[tuple[float, float]], cfg: dict[str, Any]) -> float:
    """Context score of candidate ``i`` for the surface ``text`` (higher is better)."""
    p = pi.place(i)
    s = cfg["pop_weight"] * math.log10(p.pop + 10) + cfg["kind_bonus"].get(p.kind, 0.0)
    if p.cc and doc_cc.get(p.cc):
        s += cfg["country_bonus"] * min(1.0, doc_cc[p.cc])
    if anchors and p.kind not in ("country", "continent"):
        near = min(haversine_km(p.lat, p.lon, a, b) for a, b in anchors)
        if near <= cfg["near_km"]:
            s += cfg["near_bonus"]
        elif near > cfg["remote_km"] and not doc_cc.get(p.cc):
            s -= cfg["remote_penalty"]
    if fold(p.name) == fold(text).removeprefix("the "):
        s += cfg["main_name_bonus"]
    if via_skel:
        s -= cfg["skeleton_penalty"]
    if i in pi.user_ids:
        s += cfg["user_bonus"]
    if i in pi.linked.get(fold(text).removeprefix("the "), ()):
        s += cfg.get("lexicon_bonus", 0.0)
    return s


def _foreign_alternate(pi: PlaceIndex, i: int, text: str, doc_cc: dict[str, float], own: float, cfg: dict[str, Any]) -> bool:
    """A minor place reached only by an alternate name, in a country where the document places
    nothing else (``own``: the count ``doc_cc`` has for it from this very name), while it places
    things elsewhere: more likely a gap of the gazetteer ("Banjska", a Kosovo village, is also
    an alternate name of Bulgaria's Bansko) than the place meant."""
    p = pi.place(i)
    limit = float(cfg.get("foreign_alternate_max_pop", 0))
    return bool(
        p.cc and doc_cc.get(p.cc, 0.0) - own <= 0 and any(v > 0 for c, v in doc_cc.items() if c != p.cc)
        and p.pop < limit and i not in pi.user_ids
        and p.kind not in ("country", "continent", "admin1", "capital")
        and fold(p.name) != fold(text).removeprefix("the ")
    )


def _namesake_city(pi: PlaceIndex, text: str, cands: list[tuple[int, bool]], min_pop: int) -> list[tuple[int, bool]]:
    """Drop a first-level division when a capital or a city of at least ``min_pop`` in the same
    country bears the same main name: "New York", "Washington" are the cities; "Quebec" (a
    city of 0.5M) stays the province."""
    big = {pi.place(i).cc for i, _ in cands
           if pi.place(i).kind == "capital" or (pi.place(i).kind == "city" and pi.place(i).pop >= min_pop)}
    if not big:
        return cands
    return [c for c in cands if not (pi.place(c[0]).kind == "admin1" and pi.place(c[0]).cc in big)]


def _memo_score(pi: PlaceIndex, doc_cc: dict[str, float], anchors: list[tuple[float, float]],
                cfg: dict[str, Any]) -> Callable[[int, str, bool], float]:
    """:func:`score` with this context, each (record, name, via_skel) computed once."""
    memo: dict[tuple[int, str, bool], float] = {}

    def sc(i: int, text: str, via: bool) -> float:
        key = (i, text, via)
        if key not in memo:
            memo[key] = score(pi, i, text, via, doc_cc, anchors, cfg)
        return memo[key]

    return sc


def resolve_all(pi: PlaceIndex, spans: list[tuple[str, list[tuple[int, bool]]]], cfg: dict[str, Any]) -> list[tuple[int, float] | None]:
    """Pick one record per span, using the document's other places as context (two passes)."""
    min_pop = int(cfg.get("namesake_city_min_pop", 1_000_000))
    # user alias files take priority over the gazetteer (data/gazetteer/README.md)
    spans = [(text, [c for c in cands if c[0] in pi.user_ids] or cands) for text, cands in spans]
    spans = [(text, _namesake_city(pi, text, cands, min_pop)) for text, cands in spans]
    doc_cc: dict[str, float] = {}
    anchors: list[tuple[float, float]] = []
    for _text, cands in spans:
        if len(cands) == 1 or (cands and all(pi.place(c).kind == "country" for c, _ in cands)):
            p = pi.place(cands[0][0])
            doc_cc[p.cc] = doc_cc.get(p.cc, 0.0) + 1.0
            if p.kind not in ("country", "continent"):
                anchors.append((p.lat, p.lon))
    result: list[tuple[int, float] | None] = []
    own: dict[tuple[str, str], float] = {}  # pass-1 country counts that a name gave itself
    for _pass in range(2):
        result = []
        sc = _memo_score(pi, doc_cc, anchors, cfg)  # a name repeats; its context is fixed in a pass
        for text, cands in spans:
            if not cands:
                result.append(None)
                continue
            best = max(cands, key=lambda c: (sc(c[0], text, c[1]), -c[0]))
            own_cc = own.get((fold(text), pi.place(best[0]).cc), 0.0)
            if _pass and best[1] and pi.place(best[0]).kind not in ("country", "admin1", "capital") and doc_cc.get(pi.place(best[0]).cc, 0.0) - own_cc <= 0:
                result.append(None)  # a romanization-skeleton match in a country the document places nothing else in
                continue
            if _pass and _foreign_alternate(pi, best[0], text, doc_cc, own_cc, cfg):
                result.append(None)
                continue
            result.append((best[0], sc(best[0], text, best[1])))
        doc_cc, anchors, own = {}, [], {}
        for (text, _c), r in zip(spans, result, strict=True):
            if r is not None:
                p = pi.place(r[0])
                if p.cc:
                    doc_cc[p.cc] = doc_cc.get(p.cc, 0.0) + 1.0
                    own[(fold(text), p.cc)] = own.get((fold(text), p.cc), 0.0) + 1.0
                if p.kind not in ("country", "continent"):
                    anchors.append((p.lat, p.lon))
        anchors = anchors[:50]
    return result
