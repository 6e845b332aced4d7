"""Clause shapes of an attribution on the parse: a said-colon that hands its content to the next
paragraph, a sentence that is a paragraph by itself, an attribution set off by commas inside the
clause it attributes, a quoted clause, a clause hung on the cue after it, a passive cue's
subject, an according-to phrase after the subject it interrupts."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.claims._data import ClaimLexicon
from fullpicture.nlp.claims._spans import quote_window, subtree_bounds

_SUBJ = ("nsubj", "nsubjpass", "csubj")

_PARAGRAPH_AFTER = re.compile(r"(?<=:)[ \t]*\n\s*\S")


def _next_paragraph(doc: Doc, cue_j: int) -> tuple[int, int] | None:
    """'The governor added:' ending its paragraph: the next paragraph is what was said (a
    quotation set off as a block, often without quotation marks)."""
    text = doc_text(doc)
    end = doc[cue_j - 1].idx + 1
    if doc[cue_j - 1].text != ":" or not _PARAGRAPH_AFTER.match(text, end):
        return None
    start = end
    while start < len(text) and text[start].isspace():
        start += 1
    stop = text.find("\n", start)
    stop = len(text) if stop < 0 else stop
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return (start, stop) if stop - start > 2 else None


def _own_paragraph(text: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start:end`` is a paragraph by itself (blank lines around it)."""
    before, after = text[:start].rstrip(" \t"), text[end:].lstrip(" \t")
    return (before == "" or before.endswith("\n\n")) and (after == "" or after.startswith("\n\n"))


_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_CLAUSAL = {"ccomp", "xcomp", "conj", "parataxis", "advcl", "csubj"}
_BORROWING = {"advcl", "xcomp", "conj"}  # deps of a participle that shares its head verb's speaker


def _interrupted(doc: Doc, tok: Token, subj: Token | None, i: int, j: int, cues: frozenset[str] | set[str]) -> bool:
    """'The bridge, the mayor said, will reopen in spring': whether the attribution of cue
    verb ``tok`` (its speaker, the verb, the verb's adjuncts), set off by commas, interrupts
    the clause of tokens [i, j) that starts before it and goes on after it with a finite
    verb. PolNeAR's content is then both pieces (Content and Content2), scored as their hull.
    Not when the rest opens with a subordinate clause or phrase ('…, X said, after officials
    warned …') or holds an attribution of its own ('…, X said, but officials said …': a cue
    lemma of ``cues`` with a subject)."""
    a = tok.i  # the attribution's first token: after the comma before it
    while a > i and doc[a - 1].text != ",":
        a -= 1
    b = tok.i + 1  # the comma after it
    while b < j and doc[b].text != ",":
        b += 1
    if a <= i + 1 or b >= j - 1 or subj is not None and not a <= subj.i < b:
        return False  # no piece on one side, or a speaker outside the attribution
    core = set(range(subj.left_edge.i, subj.right_edge.i + 1)) if subj is not None else set()
    if any(k not in core and not (doc[k].head.i == tok.i and doc[k].dep_ in ("aux", "neg", "advmod", "npadvmod"))
           for k in range(a, tok.i)):
        return False
    for k in range(tok.i + 1, b):  # what follows the verb hangs on it, and is no clause of its own
        t = doc[k]
        while t.head.i != tok.i and t.head.i != t.i:
            t = t.head
        if t.head.i != tok.i or t.dep_ in _CLAUSAL:
            return False
    before = [t for t in doc[i : a - 1] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[b + 1 : j] if not (t.is_punct or t.is_space)]
    if not before or not after or after[0].tag_ == "VBG" or after[0].dep_ in ("mark", "prep"):
        return False
    if any(t.lemma_.lower() in cues and any(c.dep_ in _SUBJ for c in t.children) for t in after):
        return False
    return any(t.tag_ in _FINITE for t in after)


def _object_preposition(prep: Token, tok: Token, lex: ClaimLexicon) -> bool:
    """Whether ``prep``, right after active cue verb ``tok`` and hung on it, is one of the
    lexicon's ``object_prepositions`` with an object of its own."""
    return (prep.dep_ == "prep" and prep.head.i == tok.i and prep.lower_ in lex.object_prepositions
            and any(c.dep_ in ("pobj", "pcomp") for c in prep.children)
            and not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children))  # "was charged with": a passive


def _quoted(doc: Doc, c: Token, quotes: list[tuple[int, int]]) -> bool:
    """Whether a clause's subtree overlaps a quotation."""
    i, j = subtree_bounds(c)
    s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
    return any(qs < e and s < qe for qs, qe in quote_window(quotes, s, e))


def _clause_after(tok: Token, sent: Span) -> int | None:
    """The end of a clause hung on the cue verb after it ('X, the agency said, and Y'), or None."""
    right = [c for c in tok.rights if c.dep_ in ("conj", "ccomp", "parataxis")]
    return min(right[-1].right_edge.i + 1, sent.end) if right else None


def _passive_subject(doc: Doc, sent: Span, tok: Token, subj: Token | None, cs: int) -> int:
    """'The contractor was accused of using the funds': the start of a content after a
    passive cue verb with no agent, moved back to the verb's passive subject (PolNeAR marks
    the subject and the complement as Content and Content2, scored as their hull)."""
    if subj is not None or cs < tok.idx:
        return cs
    sp = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
    if sp is None or sp.left_edge.i < sent.start or sp.lower_ in ("that", "which", "who", "what", "it"):
        return cs
    return doc[sp.left_edge.i].idx


def _subject_first(lead: Span, sj: int, sent: Span) -> bool:
    """'The ceasefire, according to the ministry, was broken': an according-to phrase (ending
    at token ``sj``) that interrupts a clause whose subject comes before it (``lead``); the
    content is both pieces, as PolNeAR marks them (Content and Content2)."""
    return sj < sent.end and any(t.dep_ in _SUBJ and t.head.i >= sj for t in lead)


def _addressee(obj: Token, lemma: str, lex: ClaimLexicon) -> bool:
    """Whether ``obj``, the object of cue verb ``lemma``, is whom it was said to ("told
    reporters", "told me"), not what was said ("told stories")."""
    return lemma in lex.addressee and (
        obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in ("PERSON", "ORG", "NORP")
        or obj.lemma_.lower() in lex.addressee_nouns)
