"""Word lists and tables of the entities layer, loaded once per process from data files."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from fullpicture._data import data_rows
from fullpicture.nlp.places._translit import fold


def _read(name: str) -> str:
    return resources.files("fullpicture").joinpath(f"data/gazetteer/{name}").read_text("utf-8")


@dataclass(frozen=True)
class Lexicon:
    """Lower-case word lists (multi-word entries as tuples of words)."""

    titles: frozenset[str]
    actor_verbs: frozenset[str]
    actor_nouns: frozenset[str]
    side_nouns: frozenset[str]
    feature_nouns: frozenset[str]
    locative_preps: frozenset[str]
    place_object_verbs: frozenset[str]
    not_place_words: frozenset[str]  # alone never a place ("Eastern", "Central")
    ethnonym_heads: frozenset[str]  # "African American": a people, no place
    team_cue_words: frozenset[str]  # "Notre Dame coach": a team, no place
    kin_nouns: frozenset[str]  # "girlfriend Olivia": a first name, no place
    demonyms: dict[str, str]  # folded adjective -> ISO alpha-2
    continent_demonyms: dict[str, str]  # folded adjective -> continent name ("european" -> Europe)
    leading_feature_nouns: frozenset[str] = frozenset()  # "barrage de Kakhovka" (fr, ru)
    name_linkers: frozenset[str] = frozenset()  # "de", "du", "d'" between such a noun and the name
    elided_articles: frozenset[str] = frozenset()  # "l'" that French NER takes into "l'Arménie"
    headline_verbs: frozenset[str] = frozenset()  # inflected verbs that end a title-case name
    day_name_heads: frozenset[str] = frozenset()  # "Day" of "Independence Day": a named day, no place
    # language -> its actor verbs ("démentir", "заявить"; English ones are ``actor_verbs``)
    actor_verbs_lang: dict[str, frozenset[str]] = field(default_factory=dict)
    # language -> place-taking contexts ("hit X", "quitté X", "в X"; lexicon.toml [place_contexts])
    place_contexts: dict[str, PlaceContexts] = field(default_factory=dict)
    # language -> nationality nouns ("biélorusse", "ukrainiens"; lexicon.toml [demonym_nouns])
    demonym_nouns: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class PlaceContexts:
    """Words of one language that make a place-taking context (see lexicon.toml)."""

    preps: frozenset[str]  # may be several words ("près de")
    verb_preps: frozenset[str]
    motion_preps: frozenset[str]
    motion_verbs: frozenset[str]
    object_verbs: frozenset[str]
    strike_verbs: frozenset[str]
    strike_subjects: frozenset[str]


_COMMON: set[str] = set()


def register_common_words(nlp: Any) -> None:
    """Take the English dictionary words from the pipeline's lemmatizer: the WordNet lemma
    index that spaCy's English model ships in its lemmatizer tables. Without one, no word is
    treated as common. Only an English pipeline's tables count: the French model's rule
    lemmatizer has a ``lemma_index`` too, and a process that built the French pipeline first
    took French words for the English list (and never read the English one)."""
    if getattr(nlp, "lang", "en") != "en":
        return
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return
    if not _COMMON:
        _COMMON.update(w for words in table.values() for w in words if "_" not in w)


def common_word(word: str) -> bool:
    """``word`` (lower case) is an English dictionary word (WordNet), proper names included
    ("paris" is one): callers combine it with the size of the place."""
    return word in _COMMON


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The shipped lexicon (data/gazetteer/lexicon.toml and demonyms.tsv)."""
    data = tomllib.loads(_read("lexicon.toml"))
    dem: dict[str, str] = {}
    cont: dict[str, str] = {}
    for row in data_rows("gazetteer", "demonyms.tsv"):
        cc, names = row[:2]
        cc = cc.strip()
        for n in names.split("|"):
            if cc.startswith(("continent:", "region:")):
                cont[fold(n)] = cc.split(":", 1)[1]
            else:
                dem[fold(n)] = cc
    return Lexicon(
        titles=frozenset(data["titles"]),
        actor_verbs=frozenset(data["actor_verbs"]),
        actor_nouns=frozenset(data["actor_nouns"]),
        side_nouns=frozenset(data["side_nouns"]),
        feature_nouns=frozenset(data["feature_nouns"]),
        locative_preps=frozenset(data["locative_preps"]),
        place_object_verbs=frozenset(data.get("place_object_verbs", [])),
        not_place_words=frozenset(data.get("not_place_words", [])),
        ethnonym_heads=frozenset(data.get("ethnonym_heads", [])),
        team_cue_words=frozenset(data.get("team_cue_words", [])),
        kin_nouns=frozenset(data.get("kin_nouns", [])),
        demonyms=dem,
        continent_demonyms=cont,
        leading_feature_nouns=frozenset(data.get("leading_feature_nouns", [])),
        name_linkers=frozenset(data.get("name_linkers", [])),
        elided_articles=frozenset(data.get("elided_articles", [])),
        headline_verbs=frozenset(data.get("headline_verbs", [])),
        day_name_heads=frozenset(data.get("day_name_heads", [])),
        actor_verbs_lang={lang: frozenset(v) for lang, v in data.get("actor_verbs_lang", {}).items()},
        place_contexts={lang: PlaceContexts(**{k: frozenset(v) for k, v in ctx.items()})
                        for lang, ctx in data.get("place_contexts", {}).items()},
        demonym_nouns={lang: frozenset(v) for lang, v in data.get("demonym_nouns", {}).items()},
    )
