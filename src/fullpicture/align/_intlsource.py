"""Figures a state's side quotes from an international body: that body's account.

A toll that one side's outlet reports from a wire's investigation, a UN agency or a rights
group ("about 800 may have died ... This was stated in a report by <agency>") is not the
outlet's own state's count: it sits under the compared side that stands for international
bodies (``[align] figure_international_sides``), with ``reported_by`` naming the reporting side,
so that a side's own count and the body's count can clash (``data/figures/international.toml``).
Every state's side is read alike.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from fullpicture.align._util import claim_by_id
from fullpicture.models import Analysis, Claim, Figure


@functools.lru_cache(maxsize=1)
def _data() -> tuple[dict[str, re.Pattern[str]], dict[str, tuple[re.Pattern[str], ...]]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "international.toml")
    bodies: dict[str, re.Pattern[str]] = {}
    for lang, names in data.get("bodies", {}).items():
        alts = []
        for name in sorted(names, key=len, reverse=True):
            word = re.escape(name)
            # acronyms in capitals only ("AP", "UN", "WHO"): the words "who", "un" are no bodies
            alts.append(word if name.isupper() else f"(?i:{word})")
        bodies[lang] = re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")
    after = {lang: tuple(re.compile(p, re.I) for p in ps) for lang, ps in data.get("after", {}).items()}
    return bodies, after


def names_body(text: str, language: str) -> bool:
    """Whether ``text`` (a claim's source) names an international body or a news agency."""
    pat = _data()[0].get(language) or _data()[0].get("en")
    return bool(text and pat is not None and pat.search(text))


#: claim kinds of the outlet's own words: their source may be named in the next sentence
_OWN_WORDS = frozenset({"author", "editor", "unsourced"})
_SENTENCE_END = re.compile(r"[.!?…](?:[\"»”’)]*)\s+")


def _next_sentence(text: str, end: int) -> str:
    """The sentence after the one that holds ``end`` (at most 300 characters of it)."""
    hit = _SENTENCE_END.search(text, end)
    if hit is None:
        return ""
    rest = text[hit.end() : hit.end() + 300]
    stop = _SENTENCE_END.search(rest)
    return rest[: stop.start() + 1] if stop else rest


def _sourced_claim(a: Analysis, f: Figure) -> Claim | None:
    """The figure's claim when it has a source of its own (not the outlet's own words)."""
    claim = claim_by_id(a, f.claim)
    if claim is not None and claim.source is not None and claim.kind not in _OWN_WORDS:
        return claim
    return None


def attributed_after(a: Analysis, f: Figure) -> str | None:
    """The sentence that names the source of the figure's sentence after it ("This was stated in
    a report by <agency>", "Такие данные приводит <ministry>"): the next sentence (a
    paragraph of its own too) or the one after it in the figure's paragraph, where the figure's
    claim is the outlet's own words; None otherwise."""
    if _sourced_claim(a, f) is not None:
        return None
    pats = _data()[1].get(a.document.language or "en", ())
    end = f.end
    for step in range(2):
        hit = _SENTENCE_END.search(a.text, end)
        if hit is None or (step and "\n\n" in a.text[end : hit.end()]):
            return None  # the sentence after the next one: within the figure's paragraph only
        nxt = _next_sentence(a.text, end).strip()
        if nxt and any(p.match(nxt) for p in pats):
            return nxt
        if "\n\n" in hit.group(0):
            return None
        end = hit.end()
    return None


def quoted_from_body(a: Analysis, f: Figure) -> bool:
    """Whether the figure's account is an international body's: its claim's source names one,
    or (its claim having no source of its own) a sentence after it attributes the figure's
    sentence to one (:func:`attributed_after`)."""
    lang = a.document.language or "en"
    claim = _sourced_claim(a, f)
    if claim is not None and claim.source is not None:
        return names_body(claim.source.text, lang)
    nxt = attributed_after(a, f)
    return nxt is not None and names_body(nxt, lang)


def international_side(sides: Iterable[str], labels: Iterable[str]) -> str | None:
    """The one compared side whose label is one of ``labels`` (``figure_international_sides``),
    None when none or several are."""
    wanted = {x.lower() for x in labels}
    found = [s for s in sides if s.lower() in wanted]
    return found[0] if len(found) == 1 else None
