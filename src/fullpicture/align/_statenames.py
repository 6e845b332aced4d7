"""The state an actor, a place or a speaker's words name: an ISO code from a country, a place in
it (none in a territory whose government is itself contested), a demonym, a state's body or
abbreviation (``data/align/state_words.tsv``), a side label, or a nation's people noun
("Palestinians say"). Split from ``_agents`` (which reads these for whose account an agent
belongs to, and re-exports them)."""

from __future__ import annotations

from functools import lru_cache

from fullpicture.align._util import country_code
from fullpicture.models import Entity
from fullpicture.nlp.events._agents import actor_state
from fullpicture.nlp.places._resolve import haversine_km
from fullpicture.nlp.places._translit import fold
from fullpicture.nlp.places._wordlists import get_lexicon


def state_of(ent: Entity | None) -> str | None:
    """The ISO code of the state an actor belongs to: a country, a place in it (a capital
    speaking for its government), or an organisation named by a demonym or a country
    ("Russian Defence Ministry", "Ministry of Defence of Armenia"); None when unknown, and for
    a place in a territory whose government is contested (Artsakh, Donetsk, Tskhinvali)."""
    if ent is None:
        return None
    if ent.type in ("GPE", "LOC"):
        cc = country_code(ent.name)
        if cc:
            return cc
        if ent.geo is None or not ent.geo.country:  # unplaced: a state its words name ("l'Algérie")
            return name_state(ent.name) if ent.geo is None else None
        if in_contested_territory(ent.geo.lat, ent.geo.lon):
            return None
        return ent.geo.country.upper()
    if ent.type not in ("ORG", "GROUP", "NORP"):
        return None
    return name_state(ent.name)


@lru_cache(maxsize=1)
def _contested() -> tuple[tuple[float, float, float], ...]:
    from fullpicture._data import data_text

    rows = []
    for line in data_text("gazetteer", "contested.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            _, lat, lon, km = line.split("\t")
            rows.append((float(lat), float(lon), float(km)))
    return tuple(rows)


def in_contested_territory(lat: float, lon: float) -> bool:
    """Whether a point lies in a territory whose government is itself contested
    (``data/gazetteer/contested.tsv``): a place there names no state."""
    return any(haversine_km(lat, lon, clat, clon) <= km for clat, clon, km in _contested())


@lru_cache(maxsize=1)
def _state_words() -> dict[tuple[str, ...], str]:
    """Folded word runs of ``data/align/state_words.tsv`` (French and Russian demonyms, a
    state's bodies and abbreviations: "ВСУ", "ISPR", "PLA") -> ISO code."""
    from fullpicture._data import data_text

    out: dict[tuple[str, ...], str] = {}
    for line in data_text("align", "state_words.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            cc, words = line.split("\t")[:2]
            for w in words.split("|"):
                out[tuple(fold(x) for x in w.split())] = cc.strip().upper()
    return out


def name_state(name: str) -> str | None:
    """The ISO code of the state an actor's words name: a demonym ("Russian Defence Ministry",
    "une source gouvernementale indienne"), a state's body ("ВСУ", "ISPR") or a capitalised
    country name ("Ministry of Defence of Armenia", "Russia's defence ministry"); None when
    they name none."""
    lex = get_lexicon()
    words = [w.strip(",.;:!?\"“”«»()[]") for w in name.replace("’", "'").split()]
    words = [w for w in words if w]
    for w in words:
        base = fold(w.removesuffix("'s"))
        if base in lex.demonyms:
            return lex.demonyms[base].upper()
    folded, known = [fold(w) for w in words], _state_words()
    for i in range(len(folded)):
        for j in (i + 3, i + 2, i + 1):
            if j <= len(folded) and tuple(folded[i:j]) in known:
                return known[tuple(folded[i:j])]
    for i in range(len(words)):
        if not words[i][:1].isupper():
            continue
        for j in (i + 2, i + 1):
            if j == i + 1 and len(words[i]) <= 2 and not words[i].isupper():
                continue  # "La", "De", "Il", "Al" are articles, not the codes of Laos, Germany, Israel, Albania
            if j <= len(words):
                cc = country_code(" ".join(words[i:j]).removesuffix("'s"))
                if cc:
                    return cc
    for w in words:  # the limited languages' actor words ("المغربية"), and country names of scripts without case
        # (a number is no caseless name: "100" is no ISO numeric code of a state)
        cc = actor_state(w) or (country_code(w) if w[:1].isalpha() and not (w[:1].isupper() or w[:1].islower())
                                else None)
        if cc:
            return cc
    return None


def side_state(side: str) -> str | None:
    """The state a side label names ("armenian", "Russia"), None for other labels."""
    lex = get_lexicon()
    return (lex.demonyms.get(fold(side)) or country_code(side) or "").upper() or None


@lru_cache(maxsize=1)
def _nation_nouns() -> dict[str, dict[str, str]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "victims.toml").get("nation_nouns", {})
    return {lang: {w.lower(): cc.upper() for cc, words in by_cc.items() for w in words}
            for lang, by_cc in data.items()}


def people_state(text: str, language: str | None) -> str | None:
    """The state whose people a speaker of at most three words names ("Palestinians say ...",
    "по сообщениям палестинцев"): a nation's people noun (``[nation_nouns]`` of
    ``data/figures/victims.toml``, or an English capitalised demonym in the plural); None else."""
    words = [w.strip(",.;:!?\"“”«»()'’") for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > 3:
        return None
    nouns = _nation_nouns().get(language or "en", {})
    for w in words:
        cc = nouns.get(w.lower())
        if cc is None and (language or "en") == "en" and w[:1].isupper() and len(w) > 4 and w.endswith("s"):
            cc = get_lexicon().demonyms.get(fold(w[:-1]), "").upper() or None
        if cc:
            return cc
    return None
