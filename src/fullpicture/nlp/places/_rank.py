"""Ranking a span's gazetteer candidates with the document's other places as context.

A candidate's score combines its population, its kind, whether its country and its
first-level division hold the document's other places, whether it lies near them, and
whether the text is its main name (weights in ``[entities.places]`` of the settings). The
context of a name never includes that name's own earlier choices: a name does not vote for
itself ("Dundalk" chosen in the US in a first pass must not make the US the document's
country in the second).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from fullpicture.nlp.places._regions import is_village
from fullpicture.nlp.places._shortdiv import short_divisions
from fullpicture.nlp.places._translit import fold, romanized_forms, short_name, skeleton

if TYPE_CHECKING:
    from fullpicture.nlp.places._resolve import PlaceIndex

# kinds whose (country, admin1 code) locate them inside a first-level division
_IN_ADMIN1 = ("city", "capital", "admin1", "admin2")


@dataclass
class DocContext:
    """Where the document's places lie, with each name's own contribution kept apart."""

    cc: dict[str, float] = field(default_factory=dict)
    admin1: dict[tuple[str, str], float] = field(default_factory=dict)
    anchors: list[tuple[float, float, str, str, str, float]] = field(default_factory=list)
    own_cc: dict[tuple[str, str], float] = field(default_factory=dict)
    own_admin1: dict[tuple[str, str, str], float] = field(default_factory=dict)
    # first-level divisions chosen per country, and per (name, country): "Karnataka, Kerala
    # and Puducherry" name divisions, so the third is the division, not its namesake city
    divisions: dict[str, float] = field(default_factory=dict)
    own_divisions: dict[tuple[str, str], float] = field(default_factory=dict)
    # first-level divisions the document names itself (a division, or a district inside one):
    # (country, admin1 code) -> count, and per name
    named: dict[tuple[str, str], float] = field(default_factory=dict)
    own_named: dict[tuple[str, str, str], float] = field(default_factory=dict)
    # per name, :meth:`others` as (longitude, latitude in radians, its cosine); reset by :meth:`add`
    _points: dict[str, list[tuple[float, float, float]]] = field(default_factory=dict)

    def add(self, pi: PlaceIndex, i: int, name: str, score: float = 0.0) -> None:
        """Count record ``i``, chosen for the (folded) ``name`` with ``score``."""
        self._points.clear()
        p = pi.place(i)
        if p.cc:
            self.cc[p.cc] = self.cc.get(p.cc, 0.0) + 1.0
            self.own_cc[(name, p.cc)] = self.own_cc.get((name, p.cc), 0.0) + 1.0
        if p.kind in _IN_ADMIN1 and p.cc and p.admin1:
            self.admin1[(p.cc, p.admin1)] = self.admin1.get((p.cc, p.admin1), 0.0) + 1.0
            k = (name, p.cc, p.admin1)
            self.own_admin1[k] = self.own_admin1.get(k, 0.0) + 1.0
        if p.kind in ("admin1", "admin2") and p.cc and p.admin1:
            self.named[(p.cc, p.admin1)] = self.named.get((p.cc, p.admin1), 0.0) + 1.0
            self.own_named[(name, p.cc, p.admin1)] = self.own_named.get((name, p.cc, p.admin1), 0.0) + 1.0
        if p.kind == "admin1" and p.cc:
            self.divisions[p.cc] = self.divisions.get(p.cc, 0.0) + 1.0
            self.own_divisions[(name, p.cc)] = self.own_divisions.get((name, p.cc), 0.0) + 1.0
        if p.kind not in ("country", "continent") and len(self.anchors) < 50:
            self.anchors.append((p.lat, p.lon, name, p.cc, p.admin1 if p.kind in _IN_ADMIN1 else "", score))

    def country(self, cc: str, name: str) -> float:
        """Places of the document in country ``cc``, not counting those of ``name`` itself."""
        return self.cc.get(cc, 0.0) - self.own_cc.get((name, cc), 0.0)

    def division(self, cc: str, admin1: str, name: str) -> float:
        """Places of the document in that first-level division, not counting ``name``'s."""
        return self.admin1.get((cc, admin1), 0.0) - self.own_admin1.get((name, cc, admin1), 0.0)

    def named_division(self, cc: str, admin1: str, name: str) -> float:
        """Names of the document (other than ``name``) chosen as that first-level division or
        as a second-level division inside it."""
        return self.named.get((cc, admin1), 0.0) - self.own_named.get((name, cc, admin1), 0.0)

    def peer_divisions(self, cc: str, name: str) -> float:
        """First-level divisions of country ``cc`` chosen for the document's other names."""
        return self.divisions.get(cc, 0.0) - self.own_divisions.get((name, cc), 0.0)

    def others(self, name: str) -> list[tuple[float, float]]:
        """Points of the document's other names' places."""
        return [(a[0], a[1]) for a in self.anchors if a[2] != name]

    def near(self, lat: float, lon: float, name: str, enough: float = -math.inf) -> float | None:
        """The distance in km from (``lat``, ``lon``) to the nearest of :meth:`others`
        (None when there is none): ``min`` of ``haversine_km`` over them, the same floats
        (its operations in its order, with each point's radians and cosine taken once). With
        ``enough``, the scan stops once ``min`` so far is at most ``enough``, and that value is
        returned: what the nearest is compared with (``<= enough``) answers the same."""
        pts = self._points.get(name)
        if pts is None:
            # a point met twice gives the same distance twice: its first place in the list kept,
            # the answer is min's (a later equal value never replaces the first smallest)
            seen = dict.fromkeys((a[0], a[1]) for a in self.anchors if a[2] != name)
            pts = self._points[name] = [(lon, math.radians(lat), math.cos(math.radians(lat))) for lat, lon in seen]
        if not pts:
            return None
        p1 = math.radians(lat)
        c1 = math.cos(p1)
        sin, radians, asin, sqrt = math.sin, math.radians, math.asin, math.sqrt
        best = 0.0
        for k, (lon2, p2, c2) in enumerate(pts):
            dp, dl = p2 - p1, radians(lon2 - lon)
            a = sin(dp / 2) ** 2 + c1 * c2 * sin(dl / 2) ** 2
            r = sqrt(a)
            d = 2 * 6371.0 * asin(r if r < 1.0 else 1.0)  # min(1.0, r), NaN included
            if k == 0 or d < best:  # builtins.min: the first of the smallest
                best = d
                if best <= enough:  # (never when the first distance is NaN: min keeps it)
                    return best
        return best

    def in_division(self, cc: str, admin1: str, name: str, min_score: float) -> list[tuple[float, float]]:
        """Points of the document's other names' places inside that first-level division,
        chosen with at least ``min_score``."""
        return [(a[0], a[1]) for a in self.anchors if a[2] != name and a[3] == cc and a[4] == admin1 and a[5] >= min_score]


@lru_cache(maxsize=1 << 14)
def _skeleton(folded: str) -> str:
    return skeleton(folded) if len(folded) >= 4 else ""


def _saint(name: str) -> str:
    """"St. Petersburg" and "Saint Petersburg" are the same main name."""
    for short in ("st. ", "st "):
        if name.startswith(short):
            return "saint " + name[len(short):]
    return name


@lru_cache(maxsize=1 << 14)
def romanizes_to(name: str, main: str) -> bool:
    """A folded Cyrillic name is the record's Latin main name transliterated ("смара" Smara,
    "баньска" Banjska): the same romanization skeleton."""
    if name.isascii() or not main.isascii():
        return False
    key = _skeleton(main)
    return bool(key) and any(_skeleton(r) == key for r in romanized_forms(name))


def same_name(main: str, text: str) -> bool:
    """``text`` is the main name ``main`` of a record, or that name in another romanization."""
    name, m = fold(text).removeprefix("the "), fold(main)
    return _saint(m) == _saint(name) or (bool(_skeleton(name)) and _skeleton(name) == _skeleton(m))


def score(pi: PlaceIndex, i: int, text: str, via_skel: bool, ctx: DocContext, cfg: dict[str, Any],
          villages: bool = False) -> float:
    """Context score of candidate ``i`` for the surface ``text`` (higher is better); ``villages``:
    every candidate of the name is a small town (:func:`villages_only`)."""
    p = pi.place(i)
    name = fold(text).removeprefix("the ")
    s = cfg["pop_weight"] * math.log10(p.pop + 10) + cfg["kind_bonus"].get(p.kind, 0.0)
    in_cc = ctx.country(p.cc, name) if p.cc else 0.0
    if in_cc > 0:
        s += cfg["country_bonus"] * min(1.0, in_cc)
    if p.kind in _IN_ADMIN1 and p.admin1 and ctx.division(p.cc, p.admin1, name) > 0:
        s += cfg.get("admin1_bonus", 0.0)
        # one of several same-named villages, in a division the document names: "X, Y oblast"
        # is how a report tells them apart (a city of note keeps its own weight: "Buffalo")
        if villages and ctx.named_division(p.cc, p.admin1, name) > 0:
            s += cfg.get("named_division_bonus", 0.0)
    near = ctx.near(p.lat, p.lon, name, cfg["near_km"]) if p.kind not in ("country", "continent") else None
    if near is not None:
        if near <= cfg["near_km"]:
            s += cfg["near_bonus"]
        elif near > cfg["remote_km"] and in_cc <= 0:
            s -= cfg["remote_penalty"]
    main = fold(p.name)
    if _saint(main) == _saint(name) or fold(short_name(p.name)) == name:  # "Burton" (upon Trent)
        s += cfg["main_name_bonus"]
    elif (_skeleton(name) and _skeleton(name) == _skeleton(main)) or romanizes_to(name, main):
        s += cfg.get("translit_name_bonus", 0.0)  # its main name in another romanization or script
    if via_skel:
        s -= cfg["skeleton_penalty"]
    if i in pi.user_ids:
        s += cfg["user_bonus"]
    if i in pi.linked.get(name, ()):
        s += cfg.get("lexicon_bonus", 0.0)
    if is_village(p):  # a village of regions.tsv: meant where the document places others in its division
        home = bool(p.admin1) and ctx.division(p.cc, p.admin1, name) > 0
        s += cfg.get("village_bonus", 0.0) * (1.0 if home else -1.0)
    return s


def _foreign_alternate(pi: PlaceIndex, i: int, text: str, ctx: DocContext, cfg: dict[str, Any],
                       inner: bool = False) -> bool:
    """A minor place reached only by an alternate name, in a country where the document places
    nothing else, while it places things elsewhere: more likely a gap of the gazetteer
    ("Banjska", a Kosovo village, is also an alternate name of Bulgaria's Bansko) than the
    place meant. A region of the project's own table (``regions.tsv``: contested and historical
    regions such as "ДНР" in a story that also names Russia) is no such gap. A name the
    document also uses inside a larger name (``inner``: "the Yida refugee camp", a camp whose
    name is also an alternate name of a city of millions abroad) is held to this at any size:
    a camp, school or village named after a place is as often a place the gazetteer lacks.
    A name in another script is held to this up to ``foreign_alternate_script_max_pop``: its
    transliteration, or its lemma's, reaches the alternate names of larger towns abroad (a
    Caucasus village's declined name spelling a Nordic city's name in another language)."""
    p = pi.place(i)
    name = fold(text).removeprefix("the ")
    key = "foreign_alternate_max_pop" if name.isascii() else "foreign_alternate_script_max_pop"
    limit = math.inf if inner else float(cfg.get(key, cfg.get("foreign_alternate_max_pop", 0)))
    return bool(
        p.cc and ctx.country(p.cc, name) <= 0 and any(v > 0 for c, v in ctx.cc.items() if c != p.cc)
        and p.pop < limit and i not in pi.user_ids
        and p.kind not in ("country", "continent", "admin1", "capital", "region")
        and fold(p.name) != name and not romanizes_to(name, fold(p.name))
        and not (inner and same_name(p.name, name))  # "Kharkov" is Kharkiv spelled otherwise
    )


def _remote_gap(pi: PlaceIndex, i: int, text: str, ctx: DocContext, cfg: dict[str, Any]) -> bool:
    """A small town in a country where the document places nothing else, farther than
    ``remote_km`` from every other place it names: a village the gazetteer lacks that shares its
    name with a town of another continent ("Moura" of a story told in Mali is no town of
    Portugal or Australia), not the place meant. Below ``remote_gap_max_pop`` for a name written
    as the record's, below ``foreign_alternate_max_pop`` for one in another script (a Cyrillic
    spelling reaches a namesake abroad through its transliteration). The story must be told
    somewhere: another country holds at least ``remote_gap_min_others`` of its other names (a
    town chosen wrongly abroad is no such place to measure from)."""
    p = pi.place(i)
    name = fold(text).removeprefix("the ")
    limit = float(cfg.get("foreign_alternate_max_pop" if not name.isascii() else "remote_gap_max_pop", 0))
    if p.kind != "city" or p.pop >= limit or i in pi.user_ids or is_village(p) or not p.cc or ctx.country(p.cc, name) > 0:
        return False
    # the story is told somewhere: another country holds at least that many of its other names
    if max((ctx.country(c, name) for c in ctx.cc if c != p.cc), default=0.0) < float(cfg.get("remote_gap_min_others", 1)):
        return False
    near = ctx.near(p.lat, p.lon, name)
    return near is not None and near > float(cfg["remote_km"])


def _namesake_city(pi: PlaceIndex, text: str, cands: list[tuple[int, bool]], min_pop: int,
                   ctx: DocContext | None = None, min_score: float = 0.0) -> list[tuple[int, bool]]:
    """Drop a first-level division when a capital or a city of at least ``min_pop`` in the same
    country bears the same main name: "New York", "Washington" are the cities; "Quebec" (a
    city of 0.5M) stays the province. A division that holds other places of the document
    stays ("Washington" beside "Tacoma" is the state), when that place was chosen with at
    least ``min_score``."""
    places = [pi.place(i) for i, _ in cands]
    bigs = [p for p in places if p.kind == "capital" or (p.kind == "city" and p.pop >= min_pop)]
    if not bigs:
        return cands
    name = fold(text).removeprefix("the ")
    near_km = 400.0

    def holds_others(p: Any) -> bool:
        """Another name of the document lies in the division, away from the namesake city."""
        from fullpicture.nlp.places._resolve import haversine_km

        pts = ctx.in_division(p.cc, p.admin1, name, min_score) if ctx is not None else []
        return any(all(haversine_km(a, b, c.lat, c.lon) > near_km for c in bigs if c.cc == p.cc) for a, b in pts)

    big = {c.cc for c in bigs}
    return [c for c, p in zip(cands, places, strict=True) if not (p.kind == "admin1" and p.cc in big and not holds_others(p))]


def _peer_division(pi: PlaceIndex, cands: list[tuple[int, bool]], best: tuple[int, bool], text: str, ctx: DocContext,
                   sc: Callable[[int, str, bool], float], cfg: dict[str, Any]) -> tuple[int, bool]:
    """The first-level division of the same country that a city ``best`` shares its name with,
    when the document's other names are at least ``peer_divisions`` divisions of that country
    and the division scores within ``peer_division_bonus`` of the city ("Tamil Nadu,
    Karnataka, Kerala and Puducherry": the territory, not its capital). A country of the same
    name ("Georgia" beside US states) is never set aside this way."""
    p = pi.place(best[0])
    name = fold(text).removeprefix("the ")
    if p.kind not in ("city", "capital") or ctx.peer_divisions(p.cc, name) < float(cfg.get("peer_divisions", math.inf)):
        return best
    floor = sc(best[0], text, best[1]) - float(cfg.get("peer_division_bonus", 0.0))
    divs = [(sc(c[0], text, c[1]), c) for c in cands if pi.place(c[0]).kind == "admin1" and pi.place(c[0]).cc == p.cc]
    divs = [d for d in divs if d[0] > floor]
    return max(divs)[1] if divs else best


def _abbreviated(text: str, cands: list[tuple[int, bool]]) -> bool:
    """The candidates are those an all-capital abbreviation reaches by its initials or a postal
    code (:meth:`PlaceIndex.abbreviation`: loose matches, which acronyms get no other way)."""
    return all(v for _c, v in cands) and text.replace(".", "").isupper()


def villages_only(pi: PlaceIndex, cands: list[tuple[int, bool]], cfg: dict[str, Any]) -> bool:
    """Every candidate is a town of fewer than ``named_division_max_pop`` people (several
    same-named villages, none a city of note)."""
    top = int(cfg.get("named_division_max_pop", 0))
    return bool(cands) and all(pi.place(i).kind == "city" and pi.place(i).pop < top for i, _v in cands)


def _memo_score(pi: PlaceIndex, ctx: DocContext, cfg: dict[str, Any],
                villages: frozenset[str] = frozenset()) -> Callable[[int, str, bool], float]:
    """:func:`score` with this context, each (record, name, via_skel) computed once; ``villages``:
    the names whose candidates are all small towns."""
    memo: dict[tuple[int, str, bool], float] = {}

    def sc(i: int, text: str, via: bool) -> float:
        key = (i, text, via)
        if key not in memo:
            memo[key] = score(pi, i, text, via, ctx, cfg, text in villages)
        return memo[key]

    return sc


def rank_spans(pi: PlaceIndex, spans: list[tuple[str, list[tuple[int, bool]]]], cfg: dict[str, Any],
               weak: frozenset[int] = frozenset(), inner: frozenset[str] = frozenset()) -> list[tuple[int, float] | None]:
    """Pick one record per span, using the document's other places as context: the first pass
    with the unambiguous names as context, each further one with the previous pass's choices
    (three passes, so that a choice corrected in the second reaches the names it supports).
    Spans whose index is in ``weak`` (place names inside an organisation's name: "Mississippi
    State") are resolved but give no context to the others. ``inner``: folded names the document
    also uses inside a larger name ("Yida" of "the Yida camp"; see :func:`_foreign_alternate`)."""
    min_pop = int(cfg.get("namesake_city_min_pop", 1_000_000))
    # user alias files take priority over the gazetteer (data/gazetteer/README.md)
    spans = [(text, [c for c in cands if c[0] in pi.user_ids] or cands) for text, cands in spans]
    ctx = DocContext()
    sc0 = _memo_score(pi, DocContext(), cfg)
    margin = float(cfg.get("sure_margin", 1e9))
    for k, (text, cands) in enumerate(spans):
        if k in weak or (cands and _abbreviated(text, cands)):
            continue
        cands = _namesake_city(pi, text, cands, min_pop)
        if len(cands) == 1 or (cands and all(pi.place(c).kind == "country" for c, _ in cands)):
            ctx.add(pi, cands[0][0], fold(text).removeprefix("the "), sc0(cands[0][0], text, cands[0][1]))
        elif cands:  # a name whose best candidate wins clearly without context ("Florida")
            ranked = sorted(((sc0(c, text, v), c) for c, v in cands), reverse=True)
            if ranked[0][0] - ranked[1][0] >= margin:
                ctx.add(pi, ranked[0][1], fold(text).removeprefix("the "), ranked[0][0])
    villages = frozenset(text for text, cands in spans if villages_only(pi, cands, cfg))
    division_min = float(cfg.get("division_min_score", 0.0))
    skeleton_min = int(cfg.get("skeleton_min_pop", 0))  # the least population reached by a skeleton
    script_min = int(cfg.get("cross_script_min_pop", 0))  # ... by a name in another script
    result: list[tuple[int, float] | None] = []
    previous: list[tuple[int, float] | None] | None = None
    for _pass in range(int(cfg.get("passes", 3))):
        if _pass >= 2 and result == previous:
            break  # a later pass has the same context as the last one, so the same choices
        previous, result = result, []
        sc = _memo_score(pi, ctx, cfg, villages)  # a name repeats; its context is fixed in a pass
        for text, all_cands in spans:
            cands = _namesake_city(pi, text, all_cands, min_pop, ctx, division_min)
            if _abbreviated(text, cands):  # "SA": South Africa in a story that places things there
                cands = [c for c in cands if ctx.country(pi.place(c[0]).cc, fold(text).removeprefix("the ")) > 0]
            if not cands:
                result.append(None)
                continue
            best = max(cands, key=lambda c: (sc(c[0], text, c[1]), -c[0]))
            name = fold(text).removeprefix("the ")
            best = _peer_division(pi, cands, best, text, ctx, sc, cfg)
            p = pi.place(best[0])
            if _pass and best[1] and p.kind not in ("country", "admin1", "capital") and ctx.country(p.cc, name) <= 0:
                result.append(None)  # a romanization-skeleton match in a country the document places nothing else in
                continue
            small = skeleton_min if name.isascii() else script_min
            if best[1] and p.kind == "city" and p.pop < small and (not _pass or ctx.division(p.cc, p.admin1, name) <= 0):
                result.append(None)  # a small place reached by its skeleton, where the document places nothing near
                continue
            if _pass and (_foreign_alternate(pi, best[0], text, ctx, cfg, name in inner) or _remote_gap(pi, best[0], text, ctx, cfg)):
                result.append(None)
                continue
            result.append((best[0], sc(best[0], text, best[1])))
        ctx = DocContext()
        for k, ((text, _c), r) in enumerate(zip(spans, result, strict=True)):
            if r is not None and k not in weak:
                ctx.add(pi, r[0], fold(text).removeprefix("the "), r[1])
    return short_divisions(pi, [text for text, _c in spans], result, float(cfg["near_km"]))
