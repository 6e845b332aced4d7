"""The per-document framing profile, computed from cues alone (so the store can recompute it)."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from fullpicture.models import Entity, FramingCue, FramingProfile
from fullpicture.models.framing import LOADED_LANGUAGE
from fullpicture.nlp.lang import script_of

# Categories whose cues are the writer's loaded word choices.
LOADED_CATEGORIES = frozenset(
    {"euphemism", "delegitimizing", "victimhood", "dehumanizing", "triumph", "loaded", "contested", "propaganda"}
)


_LOWER_OK = frozenset({"of", "and", "the", "al", "el", "de", "du", "la", "le", "del", "-"})


def _words(name: str) -> list[str]:
    return [w for w in name.replace("-", " - ").split() if w]


def _is_name(name: str) -> bool:
    """Every word capitalised, apart from particles: a proper name, not a description."""
    words = _words(name)
    return bool(words) and all(w[:1].isupper() or w.lower() in _LOWER_OK for w in words)


def _fold(text: str) -> str:
    """Lower case without diacritics ("Zvečan" -> "zvecan")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _shares_word(a: str, b: str) -> bool:
    """Names sharing a word or a derived form of one ("Republic of Azerbaijan" / "Azerbaijani")."""
    wa = {_fold(w) for w in _words(a)} - _LOWER_OK
    wb = {_fold(w) for w in _words(b)} - _LOWER_OK
    return any(x == y or _inflected(x, y) for x in wa for y in wb)


def _inflected(a: str, b: str) -> bool:
    """Derived forms of one name ("Russia" / "Russian", "Morocco" / "Moroccan")."""
    a, b = a.lower(), b.lower()
    if len(a) == len(b):
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= min(len(a), len(b)) - 2


def naming_cues(
    entities: Iterable[Entity], existing: list[FramingCue], adjectives: frozenset[int] = frozenset()
) -> list[FramingCue]:
    """Naming cues for mentions whose text is one of several known names of an entity.

    Only proper names count, and names sharing a word ("Putin" / "Vladimir Putin",
    "Russian forces" / "Russian Defence Ministry") are not alternatives; metonymic
    mentions (``actor``) and adjective mentions (start offsets in ``adjectives``:
    "Russian" for Russia) are skipped.
    A name in another script is a translation, not a choice ("Краматорск" is no alternative
    to "Kramatorsk"). Lexicon naming cues already at the same span get the entity as target
    instead.
    """
    by_span = {(c.start, c.end): c for c in existing if c.category == "naming"}
    out: list[FramingCue] = []
    for ent in entities:
        variants: dict[str, str] = {}
        for name in [ent.name, *ent.aliases]:
            if name and name.strip():
                variants.setdefault(name.strip().lower(), name.strip())
        if len(variants) < 2:
            continue
        alternatives: dict[str, list[str]] = {}  # per mention text: the entity's other names
        for m in ent.mentions:
            key = m.text.strip().lower()
            if key not in variants or m.actor or m.start in adjectives:
                continue
            cue = by_span.get((m.start, m.end))
            if cue is not None:
                cue.target = cue.target or ent.id
                continue
            if not _is_name(m.text):
                continue
            others = alternatives.get(m.text)
            if others is None:  # worked out once per text (a name is repeated in an article)
                others = alternatives[m.text] = [
                    v for v in variants.values()
                    if _is_name(v) and not _shares_word(v, m.text) and _fold(v) != _fold(m.text)
                    and script_of(v) == script_of(m.text)
                ]
            if not others:
                continue
            out.append(
                FramingCue(
                    start=m.start,
                    end=m.end,
                    text=m.text,
                    category="naming",
                    subcategory="entity alias",
                    counter_terms=list(others),
                    target=ent.id,
                    note=f"entity: {ent.name}",
                )
            )
    return out


def _rate(count: int, tokens: int) -> float | None:
    return round(1000.0 * count / tokens, 3) if tokens else None




def _loaded_language(cues: list[FramingCue], top_n: int) -> list[dict]:
    """Loaded-language terms, most frequent first: category, and the learned confidence if any."""
    terms: dict[str, dict] = {}
    for c in cues:
        item = terms.setdefault(c.text.lower(), {"term": c.text.lower(), "count": 0, "category": c.category,
                                                 "confidence": None})
        item["count"] += 1
        if c.confidence is not None:
            item["confidence"] = max(item["confidence"] or 0.0, c.confidence)
    return sorted(terms.values(), key=lambda d: (-d["count"], d["term"]))[:top_n]


def build_profile(cues: Iterable[FramingCue], tokens: int, top_n: int = 10, min_confidence: float = 0.5) -> FramingProfile:
    """Summarise a document's cues: counts, top loaded terms, names, tone, harm, hedges.

    Learned cues below ``min_confidence`` are left out of the profile (they stay in the cues).
    Loaded language (the word-choice categories scored against BASIL and the learned
    detector), naming choices and agentless harm are kept apart.
    """
    cues = [c for c in cues if c.confidence is None or c.confidence >= min_confidence]
    loaded = [c for c in cues if c.category in LOADED_LANGUAGE]
    counts = Counter(c.category for c in cues)
    term_counts: Counter[str] = Counter()
    term_info: dict[str, FramingCue] = {}
    for c in cues:
        if c.category in LOADED_CATEGORIES:
            term = c.text.lower()
            term_counts[term] += 1
            term_info.setdefault(term, c)
    top_terms = [
        {
            "term": term,
            "count": n,
            "category": term_info[term].category,
            "lexicon_entry": term_info[term].lexicon_entry,
            "counter_terms": list(term_info[term].counter_terms),
        }
        for term, n in sorted(term_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top_n]
    ]
    names: dict[tuple[str | None, str], dict] = {}
    for c in cues:
        if c.category != "naming":
            continue
        key = (c.lexicon_entry or c.target, c.text.lower())
        item = names.setdefault(
            key,
            {
                "name": c.text,
                "entity": c.target,
                "lexicon_entry": c.lexicon_entry,
                "alternatives": list(c.counter_terms),
                "count": 0,
            },
        )
        item["count"] += 1
        item["entity"] = item["entity"] or c.target
    polar: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in cues:
        if c.category == "evaluation" and c.target:
            polar[c.target][0 if c.subcategory == "positive" else 1] += 1
    tone = {t: round((p - n) / (p + n), 3) for t, (p, n) in sorted(polar.items()) if p + n}
    with_agent = counts.get("harm_agent", 0)
    without = counts.get("harm_agentless", 0)
    techniques = Counter(c.technique for c in cues if c.technique)
    return FramingProfile(
        category_counts=dict(sorted(counts.items())),
        top_terms=top_terms,
        names_chosen=sorted(names.values(), key=lambda d: (-d["count"], d["name"])),
        tone=tone,
        harm_with_agent=with_agent,
        harm_without_agent=without,
        agentless_harm_share=round(without / (with_agent + without), 3) if with_agent + without else None,
        hedge_rate=_rate(counts.get("hedge", 0), tokens),
        certainty_rate=_rate(counts.get("certainty", 0), tokens),
        tokens=tokens,
        techniques=dict(sorted(techniques.items())),
        loaded_language=_loaded_language(loaded, top_n),
        loaded_language_rate=_rate(len(loaded), tokens),
        naming_choices=counts.get("naming", 0),
    )
