"""A division's bare name: "Suffolk" in a document that names "Suffolk County".

The ranking (:func:`._rank.rank_spans`) and the repeats (:mod:`._repeats`) move a bare name to
the first- or second-level division the document names with its type word when the bare name
went to a namesake town far from it (:func:`short_divisions`); :func:`division_stem` reads the
division's name without its type word, :func:`namesake_far_off` tells the namesake apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fullpicture.nlp.places._translit import fold

if TYPE_CHECKING:
    from fullpicture.nlp.places._resolve import PlaceIndex


DIVISION_WORDS = ("county", "parish", "borough", "district", "province", "region", "oblast")


def division_stem(pi: PlaceIndex, text: str, idx: int | None) -> str | None:
    """The folded name without its type word of a division resolved to a first- or
    second-level division ("Suffolk County" -> "suffolk"); None for other names."""
    words = fold(text).removeprefix("the ").split()
    if idx is None or len(words) < 2 or words[-1] not in DIVISION_WORDS:
        return None
    return " ".join(words[:-1]) if pi.place(idx).kind in ("admin1", "admin2") else None


def namesake_far_off(pi: PlaceIndex, idx: int, division: int, near_km: float) -> bool:
    """Record ``idx`` (chosen for the bare name) is a town or division other than ``division``,
    below a million people and farther than ``near_km`` from it: a namesake, not the place meant."""
    from fullpicture.nlp.places._resolve import haversine_km

    p, q = pi.place(idx), pi.place(division)
    return idx != division and p.kind in ("city", "admin2") and p.pop < 1_000_000 and haversine_km(p.lat, p.lon, q.lat, q.lon) > near_km


def short_divisions(pi: PlaceIndex, texts: list[str], result: list[tuple[int, float] | None],
                    near_km: float) -> list[tuple[int, float] | None]:
    """"Suffolk" in a document that names "Suffolk County": the county, when the bare name
    went to a namesake town far from it (Suffolk, Virginia, in a Long Island story). A bare
    name chosen near the division ("Kherson" beside "Kherson region", "Los Angeles" beside
    its county) stays: the city and its division are two places."""
    divisions: dict[str, tuple[int, float]] = {}
    for text, r in zip(texts, result, strict=True):
        stem = division_stem(pi, text, r[0] if r else None)
        if stem is not None and r is not None:
            divisions.setdefault(stem, r)
    if not divisions:
        return result
    out = list(result)
    for k, (text, r) in enumerate(zip(texts, result, strict=True)):
        d = divisions.get(fold(text).removeprefix("the "))
        if r is not None and d is not None and namesake_far_off(pi, r[0], d[0], near_km):
            out[k] = d
    return out
