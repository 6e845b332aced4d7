"""The language data of the limited pipeline's place names (``data/gazetteer``): case endings,
joined clitics and function words per language (``inflection.toml``), language-tagged country
names that only these documents read (``limited_aliases.tsv``), and each language's own country
names (``country_names_i18n.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from fullpicture.nlp.places._translit import fold


@dataclass(frozen=True)
class Inflection:
    """The case endings, apostrophe rule and joined clitics of one language."""

    endings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    apostrophe: bool = False
    prefixes: tuple[str, ...] = ()
    capitalised_nouns: bool = False
    function_words: frozenset[str] = frozenset()  # folded; never a name written alone
    min_stem: int = 3  # letters a stem keeps before an ending of three or more ("Києві" -> "Київ": 2)


@lru_cache(maxsize=1)
def inflections() -> dict[str, Inflection]:
    """Language code -> its :class:`Inflection` (``data/gazetteer/inflection.toml``)."""
    from fullpicture._data import data_toml

    out: dict[str, Inflection] = {}
    for sec in data_toml("gazetteer", "inflection.toml").values():
        endings = sorted(((k, tuple(v)) for k, v in dict(sec.get("endings", {})).items()), key=lambda e: -len(e[0]))
        inf = Inflection(tuple(endings), bool(sec.get("apostrophe", False)),
                         tuple(sorted(sec.get("prefixes", []), key=len, reverse=True)), bool(sec.get("capitalised_nouns", False)),
                         frozenset(fold(w) for w in sec.get("function_words", [])), int(sec.get("min_stem", 3)))
        for lang in sec.get("languages", []):
            out[str(lang)] = inf
    return out


@lru_cache(maxsize=1)
def limited_aliases() -> dict[tuple[str, str], str]:
    """(language, folded name) -> ISO country code, from ``data/gazetteer/limited_aliases.tsv``."""
    from fullpicture._data import data_text

    out: dict[tuple[str, str], str] = {}
    for line in data_text("gazetteer", "limited_aliases.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            langs, cc, name = line.split("\t")[:3]
            for lang in langs.split(","):
                out[(lang.strip(), fold(name))] = cc.strip()
    return out


@lru_cache(maxsize=1)
def own_country_names() -> dict[str, dict[str, str]]:
    """language -> {folded country name in that language: ISO code}, from
    ``data/gazetteer/country_names_i18n.tsv`` ("sr-Latn" counts as "sr")."""
    from fullpicture._data import data_text

    out: dict[str, dict[str, str]] = {}
    for line in data_text("gazetteer", "country_names_i18n.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            cc, lang, name = line.split("\t")[:3]
            out.setdefault(lang.split("-")[0], {})[fold(name)] = cc
    return out
