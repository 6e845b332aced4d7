"""A civilian or unspecified site told as holding a military one: "the command post was located
in the old cinema", "le quartier général se trouvait dans l'école", "штаб находился в здании
школы". In that account the site was military, as where it is told as turned into one
(nlp/events/_converted.py): the military words are that side's label of the site another side
names as civilian (align/_targets.py). Found in the text alone, no parse: military words, a verb
of place (``[verbs]`` of data/align/held_sites.toml, word starts) at most ``gap`` words after
them, a word of place (``[links]``) right after the verb, and the site's first word at most
``gap`` words after that; no comma, colon or bracket between the military words and the site,
and no word of negation or denial before the site ("there was no headquarters in the school").
"""

from __future__ import annotations

from functools import lru_cache

from fullpicture._data import data_toml
from fullpicture.nlp.events._converted import Conversion, military_words
from fullpicture.nlp.events._targets import TargetLexicon, target_lexicon

Word = tuple[int, int, str]


@lru_cache(maxsize=8)
def _place_words(language: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The verbs of place (word starts) and words of place (exact) of ``language``."""
    data = data_toml("align", "held_sites.toml")
    verbs = tuple(w.lower() for w in data.get("verbs", {}).get(language, []))
    return verbs, frozenset(w.lower() for w in data.get("links", {}).get(language, []))


def _held_site(words: list[Word], b: int, found: list[tuple[int, int, str]], gap: int,
               language: str, lex: TargetLexicon) -> tuple[int, int, str] | None:
    """The civilian or unspecified site (first word, last word, class) the military words ending
    at word ``b`` are told as lying in, or None."""
    verbs, links = _place_words(language)
    verb = next((i for i in range(b + 1, min(len(words), b + gap + 2)) if words[i][2].startswith(verbs)), None)
    if not verbs or verb is None or verb + 1 >= len(words) or words[verb + 1][2] not in links:
        return None
    return next((s for s in found if verb + 1 < s[0] <= verb + 1 + gap and s[2] not in lex.roles
                 and lex.kinds.get(s[2]) in ("civilian", "unspecified")), None)


def held_sites(text: str, language: str, gap: int) -> list[Conversion]:
    """Every site the document tells as holding a military one (at most ``gap`` words between
    the military words and the verb, and between the verb's word of place and the site); none
    with ``gap`` 0 or a language of no lexicon."""
    lex = target_lexicon(language)
    if lex is None or gap <= 0 or not _place_words(language)[0]:
        return []
    out: list[Conversion] = []
    for context, words, found, a, b, cls in military_words(text, language, lex):
        site = _held_site(words, b, found, gap, language, lex)
        if site is None or any(c in text[words[b][1]:words[site[0]][0]] for c in ",;:()"):
            continue
        if any(w[2] in lex.negation or w[2] in lex.denial_verbs for w in words[:site[0]]):
            continue
        out.append(Conversion(site_start=words[site[0]][0], site_end=words[site[1]][1], site_class=site[2],
                              start=words[a][0], end=words[b][1], category=cls, context=context))
    return out
