"""A site told as turned into, or used as, a military one: "the school was turned into a firing
position", "the building had become a base", "l'hôpital servait de base", "больницу
переоборудовали в опорный пункт".

Such a sentence tells what the speaker says the place had become, whichever act it reports: a
side that tells the place so names what was hit as military, against another side's civilian
noun for the same place (align/_targets.py). Found in the text alone, no parse: a verb of
conversion or use (``[conversion_verbs]`` of data/events/targets.toml, word starts) at most
``gap`` words before the words of a military site (a military class of the target lexicon that
is no class of people), the word right after the verb a word of linking (``[conversion_links]``:
"as", "into", "в") or the site's own, and at most one other word between ("a makeshift base"),
with the words of a civilian or unspecified site (the hospital, the building) before that
military site in the same sentence. A copula after words of the place aimed at (``[copulas]``,
``[aim_subjects]``: "the targeted site was a depot") says what that place was, as a conversion
does. A sentence with a word of negation or
of denial before the military site tells none ("was never used as a base", "denies that the
school was turned into a base").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from fullpicture._data import data_toml
from fullpicture.nlp.events._targets import TargetLexicon, _matches, _words, target_lexicon

_SENTENCE_ENDS = (". ", "! ", "? ", "\n")


@dataclass(frozen=True)
class Conversion:
    """A site told as turned into a military one: the site's words and class, the military
    words (offsets into the document's text) and their class."""

    site_start: int
    site_end: int
    site_class: str
    start: int
    end: int
    category: str
    aim: bool = False  # the site is the act's own aim ("the targeted location is a camp")
    context: tuple[int, int] = (0, 0)  # offsets of the sentence and the one before it


@lru_cache(maxsize=8)
def _verbs(language: str) -> tuple[str, ...]:
    data = data_toml("events", "targets.toml").get("conversion_verbs", {})
    return tuple(w.lower() for w in data.get(language, []))


@lru_cache(maxsize=8)
def _links(language: str) -> frozenset[str]:
    data = data_toml("events", "targets.toml").get("conversion_links", {})
    return frozenset(w.lower() for w in data.get(language, []))


def _linked(words: list[tuple[int, int, str]], verb: int, a: int, site_words: set[int],
            links: frozenset[str]) -> bool:
    """Whether the words between the verb (index ``verb``) and the military words (``a``) link
    them: the first a word of linking or of a site, at most one other word in all."""
    between = range(verb + 1, a)
    if not between:
        return True
    if words[verb + 1][2] not in links and verb + 1 not in site_words:
        return False
    return sum(1 for i in between if words[i][2] not in links and i not in site_words) <= 1


@lru_cache(maxsize=8)
def _copulas(language: str) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """The copulas of ``language`` and its words of the place aimed at, longest first."""
    data = data_toml("events", "targets.toml")
    cop = frozenset(w.lower() for w in data.get("copulas", {}).get(language, []))
    subj = sorted((tuple(p.lower().split()) for p in data.get("aim_subjects", {}).get(language, [])),
                  key=len, reverse=True)
    return cop, tuple(subj)


def _aim_copula(words: list[tuple[int, int, str]], a: int, gap: int, language: str) -> tuple[int, int] | None:
    """(copula, first word of the subject) where the words before the military words at ``a``
    say what the place aimed at was: a word of the place aimed at (``[aim_subjects]``: "the
    targeted site", "la cible") right before a copula at most ``gap`` words before ``a``."""
    cop, subjects = _copulas(language)
    for i in range(a - 1, max(-1, a - gap - 2), -1):
        if words[i][2] not in cop:
            continue
        for subj in subjects:
            k = i - len(subj)
            if k >= 0 and tuple(w[2] for w in words[k:i]) == subj:
                return i, k
        return None
    return None


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    out, lo = [], 0
    for i in range(len(text)):
        if text.startswith(_SENTENCE_ENDS, i):
            out.append((lo, i + 1))
            lo = i + 1
    out.append((lo, len(text)))
    return [(a, b) for a, b in out if b > a]


def military_words(text: str, language: str, lex: TargetLexicon) -> Iterator[
        tuple[tuple[int, int], list[tuple[int, int, str]], list[tuple[int, int, str]], int, int, str]]:
    """Each match of a military class (no role) in each sentence of ``text``: the context (from
    the sentence before's start to the sentence's end), the sentence's words, all its matches,
    and the match's first word, last word and class."""
    sentences = _sentences(text)
    for j, (lo, hi) in enumerate(sentences):
        words = _words(text, lo, hi, language)
        found = _matches(words, lex)
        for a, b, cls in found:
            if lex.kinds.get(cls) == "military" and cls not in lex.roles:
                yield (sentences[j - 1][0] if j else lo, hi), words, found, a, b, cls


def conversions(text: str, language: str, gap: int) -> list[Conversion]:
    """Every site the document tells as turned into or used as a military one (at most ``gap``
    words between the verb and the military words); none with ``gap`` 0 or a language of no
    lexicon."""
    lex = target_lexicon(language)
    verbs, links = _verbs(language), _links(language)
    if lex is None or not verbs or gap <= 0:
        return []
    out: list[Conversion] = []
    for context, words, found, a, b, cls in military_words(text, language, lex):
        verb = next((i for i in range(a - 1, max(-1, a - gap - 2), -1)
                     if words[i][2].startswith(verbs)), None)
        aimed = _aim_copula(words, a, gap, language) if verb is None else None
        if aimed is not None:
            verb = aimed[0]
        if verb is None or any(c in text[words[verb][1]:words[a][0]] for c in ",;:()"):
            continue
        sites = [(s0, s1, c) for s0, s1, c in found if s1 < a and c not in lex.roles
                 and lex.kinds.get(c) in ("civilian", "unspecified")]
        if aimed is not None:
            sites = [(aimed[1], verb - 1, "")]
        site_words = {i for s0, s1, _ in sites for i in range(s0, s1 + 1)}
        if not _linked(words, verb, a, site_words, links):
            continue
        if not sites or any(w[2] in lex.negation or w[2] in lex.denial_verbs for w in words[:a]):
            continue
        s0, s1, scls = sites[-1]
        out.append(Conversion(site_start=words[s0][0], site_end=words[s1][1], site_class=scls,
                              start=words[a][0], end=words[b][1], category=cls, aim=aimed is not None,
                              context=context))
    return out
