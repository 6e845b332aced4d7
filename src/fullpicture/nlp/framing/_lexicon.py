"""Load framing lexicons (YAML data files) and look up counter-terms.

A lexicon file holds ``lexicon`` metadata (id, default conflict, named sources) and a
list of ``entries``; see ``data/lexicons/README.md``. Files are parsed once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from fullpicture._errors import ConfigError

CATEGORIES = frozenset(
    {
        "euphemism",
        "delegitimizing",
        "victimhood",
        "dehumanizing",
        "triumph",
        "loaded",
        "contested",
        "naming",
        "propaganda",
        "hedge",
        "certainty",
    }
)
MATCH_MODES = frozenset({"lemma", "lower", "exact"})
_REQUIRED = ("id", "terms", "category", "source")


@dataclass(frozen=True)
class LexEntry:
    """One lexicon entry: terms of one category with their counter-terms and source."""

    id: str
    terms: tuple[str, ...]
    category: str
    source: str
    conflict: str = "general"
    subcategory: str | None = None
    counter_terms: tuple[str, ...] = ()
    technique: str | None = None
    match: str = "lower"
    file: str = ""


def _as_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return [v.strip() for v in value]
    raise ConfigError(f"{where}: expected a string or a list of strings")


def parse_lexicon(data: Any, name: str) -> list[LexEntry]:
    """Validate the parsed YAML of one lexicon file and return its entries."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"{name}: a lexicon file needs a top-level 'entries' list")
    meta = data.get("lexicon") or {}
    if not isinstance(meta, dict):
        raise ConfigError(f"{name}: 'lexicon' must be a mapping")
    sources = meta.get("sources") or {}
    default_conflict = str(meta.get("conflict", "general"))
    out: list[LexEntry] = []
    for i, raw in enumerate(data["entries"]):
        where = f"{name}: entry {i}"
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: must be a mapping")
        missing = [k for k in _REQUIRED if not raw.get(k)]
        if missing:
            raise ConfigError(f"{where} ({raw.get('id', '?')}): missing {', '.join(missing)}")
        category = str(raw["category"])
        if category not in CATEGORIES:
            raise ConfigError(f"{where}: unknown category {category!r} (one of {sorted(CATEGORIES)})")
        match = str(raw.get("match", "lower"))
        if match not in MATCH_MODES:
            raise ConfigError(f"{where}: match must be one of {sorted(MATCH_MODES)}")
        source = str(raw["source"])
        source = str(sources.get(source, source)).strip()
        out.append(
            LexEntry(
                id=str(raw["id"]),
                terms=tuple(_as_list(raw["terms"], where)),
                category=category,
                source=source,
                conflict=str(raw.get("conflict", default_conflict)),
                subcategory=str(raw["subcategory"]) if raw.get("subcategory") else None,
                counter_terms=tuple(_as_list(raw.get("counter_terms"), where)),
                technique=str(raw["technique"]) if raw.get("technique") else None,
                match=match,
                file=name,
            )
        )
    return out


def _read_yaml(text: str, name: str) -> Any:
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}: not valid YAML ({exc})") from exc


def _shipped_dir() -> Any:
    return resources.files("fullpicture").joinpath("data/lexicons")


@lru_cache(maxsize=1)
def shipped_entries() -> tuple[LexEntry, ...]:
    """All entries of the lexicon files shipped in ``data/lexicons/*.yaml``."""
    out: list[LexEntry] = []
    for entry in sorted(_shipped_dir().iterdir(), key=lambda p: p.name):
        if entry.name.endswith((".yaml", ".yml")):
            out.extend(parse_lexicon(_read_yaml(entry.read_text(encoding="utf-8"), entry.name), entry.name))
    return tuple(out)


@lru_cache(maxsize=64)
def user_entries(path: str) -> tuple[LexEntry, ...]:
    """Entries of a user lexicon file (same format as the shipped ones)."""
    p = Path(path).expanduser()
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{p}: lexicon file cannot be read ({exc.strerror or exc})") from exc
    return tuple(parse_lexicon(_read_yaml(text, str(p)), str(p)))


def load_entries(extra_files: tuple[str, ...] = ()) -> tuple[LexEntry, ...]:
    """Shipped entries plus those of ``extra_files``; ids must be unique."""
    entries = list(shipped_entries())
    for path in extra_files:
        entries.extend(user_entries(str(path)))
    seen: dict[str, str] = {}
    for e in entries:
        if e.id in seen:
            raise ConfigError(f"{e.file}: lexicon entry id {e.id!r} already defined in {seen[e.id]}")
        seen[e.id] = e.file
    return tuple(entries)


@lru_cache(maxsize=16)
def word_list(name: str) -> dict[str, Any]:
    """A shipped word-list file ``data/lexicons/words/<name>.yaml`` (harm, quotes, evaluative)."""
    path = _shipped_dir().joinpath("words").joinpath(f"{name}.yaml")
    data = _read_yaml(path.read_text(encoding="utf-8"), f"words/{name}.yaml")
    if not isinstance(data, dict) or not data.get("source"):
        raise ConfigError(f"words/{name}.yaml: needs a mapping with a 'source'")
    return data


def _norm(term: str) -> str:
    return " ".join(term.lower().split())


def find_counter_terms(term: str, entries: tuple[LexEntry, ...]) -> list[str]:
    """Counter-terms of ``term``: those its entries list, plus terms of entries listing it."""
    key = _norm(term)
    out: list[str] = []
    for e in entries:
        if key in {_norm(t) for t in e.terms}:
            out.extend(e.counter_terms)
        elif key in {_norm(t) for t in e.counter_terms}:
            out.extend(e.terms)
    seen: set[str] = set()
    result = []
    for t in out:
        if _norm(t) != key and _norm(t) not in seen:
            seen.add(_norm(t))
            result.append(t)
    return result
