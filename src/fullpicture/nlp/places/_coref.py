"""Lightweight within-document coreference: surnames, acronyms, titles and roles."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.places._translit import fold
from fullpicture.nlp.places._wordlists import Lexicon

_CONNECTORS = {"of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la", "le"}
_LEFT_DEPS = {"compound", "amod", "nmod", "poss", "case", "npadvmod"}


@dataclass
class Mention:
    """A mention being clustered (token offsets; ``key`` names its cluster)."""

    start: int
    end: int
    label: str
    text: str
    place: int | None = None
    key: tuple[str, ...] | None = None
    actor: bool = False
    definite: bool = False  # "the president": a role reference, not a name
    embedded: bool = False  # a place name inside an organisation/event name ("Washington Post")
    roles: list[str] = field(default_factory=list)
    form: str | None = None  # the dictionary form of an inflected (Russian) name, when it differs

    @property
    def name(self) -> str:
        """The name as clustering compares it: the dictionary form, else the text."""
        return self.form or self.text


def _title_words(lex: Lexicon, text: str) -> bool:
    low = text.lower()
    words = low.replace(",", " ").split()
    return any(w in lex.titles for w in words) or any(t in low for t in lex.titles if " " in t)


def _trim(span: Span) -> str:
    toks = [t for t in span]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].lower_ in ("the", "a", "an")):
        toks.pop(0)
    if not toks:
        return ""
    return span.doc[toks[0].i : toks[-1].i + 1].text


def person_roles(doc: Doc, start: int, end: int, lex: Lexicon) -> list[str]:
    """Titles, roles and affiliations attached to the person name ``doc[start:end]``."""
    roles: list[str] = []
    inside = set(range(start, end))
    i, left = start - 1, start
    while i >= 0:
        tok = doc[i]
        if tok.is_punct or tok.dep_ not in _LEFT_DEPS or not (tok.head.i in inside or left <= tok.head.i < start):
            break
        left = i
        i -= 1
    if left < start:
        text = _trim(doc[left:start])
        if text and _title_words(lex, text):
            roles.append(text)
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i not in inside:
            text = _trim(doc[child.left_edge.i : child.right_edge.i + 1])
            if text and len(text.split()) <= 14 and _title_words(lex, text):
                roles.append(text)
    if root.dep_ == "appos" and root.head.i not in inside:
        head: Token = root.head
        if head.pos_ in ("NOUN", "PROPN") and head.ent_type_ in ("", "NORP"):
            text = _trim(doc[head.left_edge.i : min(head.right_edge.i + 1, start)])
            if text and _title_words(lex, text):
                roles.append(text)
    return roles


def acronym(text: str) -> str:
    """Initials of the capitalised words of a name ("North Atlantic Treaty Organization" -> NATO)."""
    return "".join(w[0] for w in text.replace("-", " ").split() if w[:1].isupper() and w.lower() not in _CONNECTORS)


def _part_of(folded: str, names: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> tuple[str, ...] | None:
    """Key of an earlier longer name of which ``folded`` is a prefix or a suffix."""
    toks = tuple(folded.split())
    if not toks or all(t in _CONNECTORS for t in toks):
        return None
    for full, key in reversed(names):
        if len(full) > len(toks) and (full[: len(toks)] == toks or full[-len(toks) :] == toks):
            return key
    return None


def cluster(mentions: list[Mention], lex: Lexicon) -> None:
    """Give every mention a cluster ``key`` (mentions are in text order)."""
    persons: list[tuple[tuple[str, ...], list[str], tuple[str, ...]]] = []  # (name tokens, roles, key)
    orgs: dict[str, tuple[str, ...]] = {}  # acronym -> key
    org_names: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for m in mentions:
        if m.key is not None:
            continue
        if m.definite:
            head = fold(m.name).removeprefix("the ")
            for _toks, roles, key in reversed(persons):
                if any(head in fold(r) for r in roles):
                    m.key = key
                    break
            continue
        if m.label == "PERSON" and len(m.text.split()) == 1:
            part = _part_of(fold(m.name), org_names)
            if part is not None:  # "Polisario" after "the Polisario Front"
                m.key = part
                continue
        if m.label == "PERSON":
            toks = tuple(fold(m.name).split())
            match = None
            for ptoks, roles, key in reversed(persons):
                if toks and set(toks) <= set(ptoks) and (toks[-1] == ptoks[-1] or len(toks) > 1):
                    match = (ptoks, roles, key)
                    break
            if match:
                m.key = match[2]
                match[1].extend(r for r in m.roles if r not in match[1])
                if len(toks) > len(match[0]):
                    persons.append((toks, match[1], match[2]))
            else:
                m.key = ("PERSON", " ".join(toks))
                persons.append((toks, list(m.roles), m.key))
            continue
        if m.label in ("ORG", "PERSON_OR_ORG"):
            f = fold(m.name).removeprefix("the ")
            if m.text.isupper() and m.text.isalpha() and m.text in orgs:
                m.key = orgs[m.text]
                continue
            part = _part_of(f, org_names)
            if part is not None:
                m.key = part
                continue
            m.key = ("ORG", f)
            org_names.append((tuple(f.split()), m.key))
            acr = acronym(m.text)
            if len(acr) >= 2:
                orgs.setdefault(acr, m.key)
            continue
        m.key = (m.label, fold(m.name).removeprefix("the "))
    _surname_before_full_name(mentions, persons)
    # Acronyms defined after their first use ("NATO ... the North Atlantic Treaty Organization").
    for m in mentions:
        if m.label == "ORG" and m.text.isupper() and m.key == ("ORG", fold(m.name)) and m.text in orgs:
            m.key = orgs[m.text]


def _surname_before_full_name(mentions: list[Mention], persons: list[tuple[tuple[str, ...], list[str], tuple[str, ...]]]) -> None:
    """A surname met before the full name (a headline's "Mayor Leontiev: ...", then "Vladimir
    Leontiev" in the text) joins the one full name of the document that ends with it."""
    for m in mentions:
        if m.label != "PERSON" or m.key is None or len(m.key) != 2 or " " in m.key[1]:
            continue
        fulls = {key for toks, _r, key in persons if len(toks) > 1 and toks[-1] == m.key[1]}
        if len(fulls) == 1:
            full = fulls.pop()
            for o in mentions:
                if o.key == m.key:
                    o.key = full


def definite_roles(doc: Doc, taken: set[int], lex: Lexicon) -> list[Mention]:
    """"the president"-style mentions (the + optional modifiers + a title noun) not inside a name."""
    out: list[Mention] = []
    toks = token_arrays(doc)  # the token attributes as lists: no Token object per token
    lower, pos, tag, punct = toks.lower, toks.pos, toks.tag, toks.is_punct
    n = len(lower)
    for i, low in enumerate(lower):
        if low != "the" or i in taken:
            continue
        j = i + 1
        while j < n and j - i <= 3 and j not in taken:
            word = lower[j]
            two = f"{word} {lower[j + 1]}" if j + 1 < n else ""
            if two in lex.titles and j + 1 not in taken and (j + 2 >= n or pos[j + 2] != "PROPN"):
                out.append(Mention(i, j + 2, "PERSON", toks.span_text(i, j + 2), definite=True))
                break
            if word in lex.titles and tag[j] == "NN" and (j + 1 >= n or pos[j + 1] not in ("PROPN", "NOUN")):
                out.append(Mention(i, j + 1, "PERSON", toks.span_text(i, j + 1), definite=True))
                break
            if pos[j] not in ("ADJ", "NOUN", "PROPN") or punct[j]:
                break
            j += 1
    return out
