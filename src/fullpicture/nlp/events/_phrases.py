"""Multiword triggers matched on lemmas ("laid down their arms", "opened heavy fire").

Between two words of a phrase one token may sit: an article or a possessive ("laid down *their*
arms"), or an adjective of the phrase's next word ("opened *heavy* fire", "открыли *плотный*
огонь", "used *excessive* force"): the phrase names the same act whatever its noun is told with.
A noun before it makes another thing of it ("used the *air* force", "a *task* force"): no filler.
"""

from __future__ import annotations

from spacy.tokens import Doc

FILLER_POS = ("DET", "PRON")
# an adjective of the next word of the phrase
_MODIFIER_POS = ("ADJ",)
_MODIFIER_DEPS = ("amod",)


def _filler(doc: Doc, k: int, word: str) -> bool:
    """Whether token ``k`` may sit before the phrase's next ``word`` (a lemma)."""
    tok = doc[k]
    if tok.lemma_.lower() == word:
        return False
    if tok.pos_ in FILLER_POS:
        return True
    nxt = k + 1
    return (tok.pos_ in _MODIFIER_POS and tok.dep_ in _MODIFIER_DEPS and nxt < len(doc)
            and tok.head.i == nxt and doc[nxt].lemma_.lower() == word)


def match_phrase(doc: Doc, i: int, words: tuple[str, ...]) -> int | None:
    """End token of ``words`` (lemmas) starting at token ``i``; one article, possessive or
    adjective of the next word may sit between two words."""
    k = i + 1
    for w in words[1:]:
        if k < len(doc) and _filler(doc, k, w):
            k += 1
        if k >= len(doc) or doc[k].lemma_.lower() != w:
            return None
        k += 1
    return k
