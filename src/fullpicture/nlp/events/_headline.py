"""Triggers of title-case and all-caps headlines.

In "Sudan Bombs Refugee Camp" or "AMD to Acquire Server Start-Up" the tagger reads every
capitalised word as part of a proper name (PROPN, lemma = the word), so the lexicon never sees
"bomb" or "acquire". Inside such a line a PROPN word is looked up by its regular inflections
(``data/events/headlines.toml``); a word written capitalised inside a running-text sentence of
the same document is a name ("Fire Department") and is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from fullpicture._data import data_toml
from fullpicture.nlp._tokens import token_arrays


@dataclass(frozen=True)
class HeadlineRules:
    """Suffix rewrites for candidate lemmas and the words that mark a bare verb form."""

    suffixes: tuple[tuple[str, str], ...]
    verb_markers: frozenset[str]
    compound_heads: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def headline_rules() -> HeadlineRules:
    """The shipped rules (``data/events/headlines.toml``)."""
    data = data_toml("events", "headlines.toml")["headlines"]
    return HeadlineRules(tuple((a, b) for a, b in data["suffixes"]), frozenset(data["verb_markers"]),
                         frozenset(data.get("compound_heads", [])))


def candidates(word: str, rules: HeadlineRules) -> list[tuple[str, bool]]:
    """Candidate lemmas of a capitalised word, each with whether it was inflected."""
    w = word.lower()
    out = [(w, False)]
    for suf, rep in rules.suffixes:
        if w.endswith(suf) and len(w) > len(suf) + 2:
            base = w[: -len(suf)]
            out.append((base + rep, True))
            if suf in ("ed", "ing") and len(base) > 3 and base[-1] == base[-2]:
                out.append((base[:-1], True))  # "stopped", "stopping"
    return out


def _lines(text: list[str]) -> list[list[int]]:
    """The document's token indices line by line, from its tokens' texts (a headline is a line
    of its own, and the parser may run a sentence across its line break)."""
    out: list[list[int]] = [[]]
    for i, word in enumerate(text):
        if "\n" in word:
            out.append([])
        else:
            out[-1].append(i)
    return [line for line in out if line]


def headline_tokens(doc: Doc, min_words: int, min_share: float) -> tuple[set[int], frozenset[str]]:
    """Token indices of the document's title-case (or all-caps) lines, and the lower-cased words
    written capitalised inside its running text (names, not headline casing).

    A line is a headline when at least ``min_words`` of its words have four letters or more and
    at least ``min_share`` of those begin with a capital."""
    heads: set[int] = set()
    names: set[str] = set()
    toks = token_arrays(doc)
    text, is_alpha = toks.text, toks.is_alpha
    for line in _lines(text):
        long = [i for i in line if is_alpha[i] and len(text[i]) >= 4]
        caps = sum(1 for i in long if text[i][0].isupper())
        if len(long) >= min_words and caps >= min_share * len(long):
            heads.update(line)
        else:
            lower, sent_start = toks.lower, toks.sent_start
            names.update(lower[i] for i in line if not sent_start[i] and text[i][:1].isupper() and is_alpha[i])
    return heads, frozenset(names)


def is_verb_slot(tok: Token, lines: set[int], rules: HeadlineRules) -> bool:
    """A bare verb form is a verb after "to", "will" and the like, or after its headline's plural
    subject ("Colts Clinch Berth": a singular subject takes "-s", so "Rail Station Strike" holds
    no verb); the first word of a line is no verb of its own ("Fire Department ...")."""
    if tok.i == 0 or tok.i - 1 not in lines:
        return False
    prev = tok.doc[tok.i - 1]
    if prev.lower_ in rules.verb_markers:
        return True
    return prev.pos_ in ("PROPN", "NOUN") and prev.lower_.endswith("s") and not prev.lower_.endswith("ss")


def in_compound(tok: Token) -> bool:
    """A word after a hyphen is part of a compound word ("Russian-Backed", "Start-Up")."""
    return tok.i > 1 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_


def bare_opener(tok: Token, nouns: dict[str, str]) -> str | None:
    """The lexicon noun of a capitalised word that opens a paragraph and that the tagger read as a
    name ("Evacuation began at dawn ..." after a blank line, "Атака на склад ..."): the word's
    lemma (or its lower-cased form, or that form less a plural ending) when that is a trigger noun, the word is no part of a named
    entity and no capitalised word follows it (a name such as "Rescue Service" is left alone)."""
    doc = tok.doc
    if tok.pos_ != "PROPN" or tok.ent_iob_ not in ("O", "") or not tok.text[:1].isupper() or tok.text.isupper():
        return None
    if tok.i > 0 and not (doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text):
        return None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper():
        return None
    for word in (tok.lemma_.lower(), *(c for c, _ in candidates(tok.text, headline_rules()))):
        if word in nouns:
            return word
    return None


def compound_modifier(tok: Token, rules: HeadlineRules) -> bool:
    """A headline word followed by a noun it modifies as the first word of a compound name
    (``compound_heads``: "War Zone", "Attack Helicopter"): no happening of its own."""
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in rules.compound_heads
