"""Who a count told as "the number of <noun>" or "the <noun> toll" counts, and the subgroup
counts that break a toll down.

"Volunteers count the dead children at 12 so far; the toll of grown-ups stands at 18" gives two
counts of subgroups, neither of which is the toll: read as counts of people, each clashed with the other
sides' whole tolls. Where the number names no noun of its own, the noun of the "number of" or
"toll" phrase before it says who it counts (``data/figures/counts.toml`` [toll_of]); only a class
other than generic people is taken, so "the number of people killed" keeps its reading. A
subgroup count that opens a breakdown of the toll told before it ("50 killed, including 20
children") is a part of that toll, as in French ("dont 20 enfants"). Every side is read alike.
"""

from __future__ import annotations

import functools
import re

from fullpicture.models import Analysis, Figure

_SENTENCE_BREAK = re.compile(r"[.!?;\n]\s")


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "counts.toml").get("toll_of", {}).get("patterns", {})
    return {lang: tuple(re.compile(p, re.I) for p in ps) for lang, ps in data.items()}


@functools.lru_cache(maxsize=4)
def _classes(language: str) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """(English words -> class; French or Russian word beginnings -> class, longest first)."""
    from fullpicture._data import data_toml, data_toml_lang

    extra = {str(k).lower(): str(v) for k, v in
             data_toml("figures", "counts.toml").get("toll_of", {}).get("classes", {}).get(language, {}).items()}
    if language == "en":
        words = {str(k).lower(): str(v) for k, v in data_toml("figures", "counts.toml").get("populations", {}).items()}
        return {**words, **extra}, ()
    stems = data_toml_lang("figures", "counts.toml", language).get("population_stems", {}).get("stems", {})
    merged = {**{str(k).lower(): str(v) for k, v in stems.items()}, **extra}
    return {}, tuple(sorted(merged.items(), key=lambda kv: -len(kv[0])))


def _word_class(word: str, language: str) -> str | None:
    words, stems = _classes(language)
    w = word.strip("\"'«»“”()").lower()
    if words:
        for key in (w, w[:-1] if w.endswith("s") else w, w[:-3] + "man" if w.endswith("men") else w):
            if key in words:
                return words[key]
        return None
    return next((cls for stem, cls in stems if w.startswith(stem)), None)


def toll_noun_population(a: Analysis, f: Figure) -> str | None:
    """The class of people a figure with no noun of its own counts, from the "number of" or
    "toll" phrase before it in its sentence ("the number of dead children at 12": children;
    "the adult toll stands at 18": adults); None where the phrase names generic people, no
    known class or is missing."""
    if f.unit:
        return None
    lang = a.document.language or "en"
    before = _SENTENCE_BREAK.split(a.text[max(0, f.start - 120) : f.start])[-1]
    for pat in _patterns().get(lang, ()):
        m = pat.search(before)
        if m is None:
            continue
        for w in m.group("np").split():
            cls = _word_class(w, lang)
            if cls is not None:
                return None if cls == "people" else cls
    return None


#: demographic subgroups whose count in a breakdown is a part of the toll
_SUBGROUPS = frozenset({"children", "women", "men", "adults"})


@functools.lru_cache(maxsize=4)
def _including(language: str) -> re.Pattern[str] | None:
    from fullpicture._data import data_toml, data_toml_lang

    if language == "en":
        words = data_toml("figures", "counts.toml").get("toll_of", {}).get("including", {}).get("en", [])
    else:
        words = data_toml_lang("figures", "counts.toml", language).get("population_stems", {}).get("including", [])
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                      + r")\s+(?:[\w-]+\s+){0,2}$", re.I)


def breakdown_subgroup(a: Analysis, f: Figure, population: str) -> bool:
    """Whether a count of a demographic subgroup (``population``) opens, right after an including
    word, the breakdown of a toll told before it ("90 killed, including 32 children", "в том
    числе 32 ребенка"): a part of that toll."""
    if population not in _SUBGROUPS:
        return False
    pat = _including(a.document.language or "en")
    return pat is not None and bool(pat.search(a.text[max(0, f.start - 40) : f.start]))
