"""Stories: documents about one incident and its follow-ups, grouped incrementally.

A document's *keys* are the places it names (by GeoNames id where linked, so
"Stepanakert" and "Khankendi" are one key, in any language), the other entities it names,
and the content words of its title. It joins the story whose keys cover the largest weighted
share of its own, among stories dated within a window of its date; below a threshold it
starts a new story. Tunables: ``[stories]`` in ``data/settings/web.toml``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_STOP = frozenset(["about", "after", "again", "against", "also", "among", "amid", "and", "are", "around", "been", "before", "being", "between", "both", "but", "can", "could", "did", "does", "during", "each", "else", "ever", "from", "further", "have", "having", "here", "into", "just", "like", "more", "most", "much", "must", "near", "next", "only", "other", "over", "said", "says", "same", "should", "since", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "through", "under", "until", "upon", "very", "was", "were", "what", "when", "where", "which", "while", "will", "with", "within", "without", "would", "your", "news", "report", "reports"])
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


@dataclass
class DocKeys:
    """What a document contributes to story matching."""

    id: str
    date: str | None
    side: str
    keys: dict[str, str]  # key -> display name


def side_of(perspective_label: str | None, site: str | None) -> str:
    """A stored document's side: its perspective, else its site, else 'unknown'."""
    return perspective_label or site or "unknown"


def iso_day(value: str | None) -> str | None:
    """YYYY-MM-DD from a published value, when it has one."""
    if value and len(value) >= 10 and value[:4].isdigit() and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None


def doc_keys(doc_id: str, title: str | None, published: str | None, side: str,
             entities: Iterable[dict[str, Any]]) -> DocKeys:
    """The keys of one document from its title and its stored entities' JSON."""
    keys: dict[str, str] = {}
    for e in entities:
        name = str(e.get("name") or "").strip()
        if not name:
            continue
        geo = e.get("geo") or {}
        etype = str(e.get("type") or "")
        surface = Counter(str(m.get("text") or "").strip() for m in e.get("mentions") or [] if m.get("text"))
        if surface:  # the name this document uses (the entity's name may be the gazetteer's)
            name = max(surface.items(), key=lambda kv: (kv[1], kv[0] == name, -len(kv[0])))[0] or name
        if geo.get("geonames_id"):
            keys.setdefault(f"p:gn{geo['geonames_id']}", name)
        elif etype in PLACE_TYPES:
            keys.setdefault("p:" + name.casefold(), name)
        elif etype in ("PERSON", "ORG", "NORP", "EVENT"):
            keys.setdefault("e:" + name.casefold(), name)
    for w in _WORD.findall(title or ""):
        lw = w.casefold()
        if lw not in _STOP:
            keys.setdefault("w:" + lw, w)
    return DocKeys(doc_id, iso_day(published), side, {k[:200]: v for k, v in keys.items()})


def weight(key: str, settings: dict[str, Any]) -> float:
    """How much a shared key of this kind counts."""
    kind = key[:2]
    if kind == "p:":
        return float(settings.get("weight_place", 3.0))
    if kind == "e:":
        return float(settings.get("weight_entity", 2.0))
    return float(settings.get("weight_word", 1.0))


def similarity(doc: DocKeys, story_keys: dict[str, Any], settings: dict[str, Any],
               idf: dict[str, float] | None = None) -> float:
    """Weighted share of the document's keys that the story has; each key weighs its kind's
    weight times its rarity (``idf``: keys most documents have, like a country, count less)."""
    idf = idf or {}
    w = {k: weight(k, settings) * idf.get(k, 1.0) for k in doc.keys}
    total = sum(w.values())
    if not total:
        return 0.0
    return sum(v for k, v in w.items() if k in story_keys) / total


def rarity(n_docs: int, df: dict[str, int], keys: Iterable[str]) -> dict[str, float]:
    """Inverse document frequency of each key among the documents indexed so far."""
    return {k: math.log((1 + n_docs) / (1 + df.get(k, 0))) + 1.0 for k in keys}


def story_id(first_doc: str) -> str:
    """A stable, short id for the story a document starts."""
    return hashlib.sha256(("story:" + first_doc).encode()).hexdigest()[:12]


def merge_keys(story_keys: dict[str, Any], doc: DocKeys, max_keys: int) -> dict[str, Any]:
    """Story keys ``{key: [count, [display names]]}`` with the document's added, the most
    frequent ``max_keys`` kept."""
    counts = {k: int(v[0]) for k, v in story_keys.items()}
    names: dict[str, list[str]] = {k: [str(n) for n in v[1]] for k, v in story_keys.items()}
    for k, name in doc.keys.items():
        counts[k] = counts.get(k, 0) + 1
        known = names.setdefault(k, [])
        if name not in known and len(known) < 3:
            known.append(name)
    kept = sorted(counts, key=lambda k: (-counts[k], k))[:max_keys]
    return {k: [counts[k], names[k]] for k in kept}


def story_title(keys: dict[str, Any], settings: dict[str, Any]) -> str:
    """A neutral title: the most shared places and names, every side's name for each."""
    ranked = sorted(keys.items(), key=lambda kv: (-kv[1][0] * weight(kv[0], settings), kv[0]))
    parts: list[str] = []
    for k, (_, names) in ranked:
        if k.startswith("w:") and len(parts) >= 2:
            continue
        label = " / ".join(names[:2])
        if label and label not in parts:
            parts.append(label)
        if len(parts) == 3:
            break
    return " · ".join(parts) or "Untitled story"


def dumps(value: Any) -> str:
    """Compact JSON for the story columns."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
