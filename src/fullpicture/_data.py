"""Read the shipped language-data files under ``fullpicture/data/``; where derived data is cached."""

from __future__ import annotations

import functools
import os
import pickle
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any


def data_text(area: str, name: str) -> str:
    """The text of ``data/<area>/<name>``."""
    return resources.files("fullpicture").joinpath("data", area, name).read_text(encoding="utf-8")


def data_rows(area: str, name: str) -> list[list[str]]:
    """The rows of the tab-separated file ``data/<area>/<name>``, each split on tabs; blank lines
    and lines starting with ``#`` are left out."""
    return [ln.split("\t") for ln in data_text(area, name).splitlines() if ln.strip() and not ln.startswith("#")]


def data_toml(area: str, name: str) -> dict[str, Any]:
    """The parsed TOML file ``data/<area>/<name>``: parsed once per process (many readers take
    their own part of one file), each call given its own copy, which the caller may change."""
    return pickle.loads(_parsed(area, name))  # a fresh copy in ~1/30 of a parse's time


@functools.cache
def _parsed(area: str, name: str) -> bytes:
    return pickle.dumps(tomllib.loads(data_text(area, name)), protocol=pickle.HIGHEST_PROTOCOL)


@functools.cache
def _words_by_language(area: str, name: str, table: str) -> dict[str, frozenset[str]]:
    data = data_toml(area, name).get(table, {})
    return {lang: frozenset(w.lower() for w in words) for lang, words in data.items()}


def language_words(area: str, name: str, table: str, language: str | None) -> frozenset[str]:
    """The lower-cased word list for ``language`` (None: English) in table ``table`` of
    ``data/<area>/<name>``, a table of one list per language code; empty when the language has
    none. The file is read once per process."""
    return _words_by_language(area, name, table).get(language or "en", frozenset())


def data_toml_lang(area: str, name: str, language: str = "en") -> dict[str, Any]:
    """``data/<area>/<stem>.<language>.toml`` when the language has its own file, else ``name``.

    English data files carry no language suffix; French and Russian ones are ``*.fr.toml`` and
    ``*.ru.toml`` beside them, with the same keys.
    """
    if language and language != "en":
        stem = name.rsplit(".", 1)[0]
        variant = resources.files("fullpicture").joinpath("data", area, f"{stem}.{language}.toml")
        if variant.is_file():
            return tomllib.loads(variant.read_text(encoding="utf-8"))
    return data_toml(area, name)


def cache_dir() -> Path:
    """``$FULLPICTURE_CACHE_DIR`` or ``~/.cache/fullpicture`` (XDG aware): where files derived
    from the shipped data and models are kept between processes (gazetteer index, lemmas)."""
    env = os.environ.get("FULLPICTURE_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "fullpicture"
