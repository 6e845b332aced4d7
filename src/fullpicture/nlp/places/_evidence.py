"""Evidence for and against a place reading of a span: place prepositions and verbs, a
name heading its noun phrase after "the", titles and case names, dictionary words, NER's
untagged capitalised runs and names before feature nouns ("the Kerch bridge")."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.places._coref import Mention
from fullpicture.nlp.places._translit import fold
from fullpicture.nlp.places._wordlists import Lexicon, common_word

if TYPE_CHECKING:
    from fullpicture.nlp.places._resolve import PlaceIndex

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TITLE_WORDS = frozenset({"mr", "mrs", "ms", "miss", "sir", "dr", "madam", "lady", "lord", "dame"})
PERSON_TITLES_BEFORE = frozenset({"mr", "mrs", "ms", "dr", "sir", "president", "minister", "general", "gen", "col"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def state_school(doc: Doc, start: int, end: int, pi: PlaceIndex, min_pop: int) -> bool:
    """"Ohio State", "Mississippi State": a first-level division and "State" that together
    name no place: the university (or its team) named after the state."""
    if end - start != 2 or doc[end - 1].text != "State" or pi.candidates(doc[start:end].text, min_pop, False):
        return False
    return any(pi.place(i).kind == "admin1" for i, _ in pi.candidates(doc[start].text, min_pop, False))


def strip_det(doc: Doc, start: int, end: int) -> int:
    while start < end - 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start


def locative(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in lex.locative_preps:
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() in lex.place_object_verbs:
        return True
    return start > 0 and doc[start - 1].lower_ in lex.locative_preps and doc[start - 1].lower_ != "of"


@lru_cache(maxsize=8)
def weekday_names(language: str) -> frozenset[str]:
    """The weekday names of ``language`` (lower case; the time layer's word lists, English's
    too): a weekday that opens a sentence ("Vendredi, le porte-parole a déclaré") is capitalised
    and tagged as a place by NER, but names no place. Abbreviations ("Mon", "Sun") are left out."""
    from fullpicture.nlp.time._intl import load_grammar
    from fullpicture.nlp.time._lexicon import load_lexicon

    words = set(load_lexicon().weekdays)
    g = load_grammar(language) if language and language != "en" else None
    if g is not None:
        words |= set(g.words.get("weekdays", {}))
    return frozenset(w for w in words if len(w) >= 5 and " " not in w)


def name_like(text: str) -> bool:
    """Capitalised, or a letter of a caseless script (Arabic, Hebrew, CJK...)."""
    ch = text[:1]
    return ch.isupper() or (ch.isalpha() and ch.lower() == ch.upper())


def capitalised_runs(doc: Doc, taken: set[int], lex: Lexicon, max_len: int) -> list[tuple[int, int]]:
    """Untagged name-like runs: proper nouns, or capitalised words after "in/near/from"."""
    out: list[tuple[int, int]] = []
    toks = token_arrays(doc)
    text, lower, is_alpha, pos = toks.text, toks.lower, toks.is_alpha, toks.pos
    i, n = 0, len(doc)
    while i < n:
        after_prep = i > 0 and lower[i - 1] in lex.locative_preps and lower[i - 1] != "of"
        if i in taken or not is_alpha[i] or not name_like(text[i]) or not (after_prep or pos[i] == "PROPN"):
            i += 1
            continue
        j = i + 1
        while j < n and j - i < max_len and j not in taken and is_alpha[j] and name_like(text[j]):
            j += 1
        out.append((i, j))
        i = j
    return out


def not_a_place(doc: Doc, m: Mention, p: Any, near_sure: bool, lex: Lexicon, sure_cc: set[str], pcfg: dict[str, Any],
                 name_parts: frozenset[str] = frozenset()) -> bool:
    """Evidence against a place reading: a title word ("Miss"), a party in a case name
    ("v. Ferguson"), or common English words ("Congress", "Queen City") that resolve only to a
    small place, with neither a place label in a locative context nor a tagged place of the
    document nearby ("Klamath Falls" beside "Oregon") to back them."""
    if m.end - m.start == 1 and doc[m.start].lower_.rstrip(".") in TITLE_WORDS:
        return True
    if m.start > 0 and doc[m.start - 1].lower_ in ("v.", "v", "vs.", "vs"):
        return True
    if m.end < len(doc) and doc[m.end].text == ":" and doc[m.start : m.end].text.isupper():
        return True  # a transcript's speaker label ("WALLACE:")
    if the_head(doc, m) and ((p.kind == "city" and not fold(p.name).startswith("the "))
                              or fold(m.text) in lex.demonyms):
        return True  # "a letter to the Duma", "the Irish need 85 points": a chamber, a people
    words = [t for t in doc[m.start : m.end] if t.is_alpha]
    if (len(words) == 1 and fold(m.text) in name_parts and p.kind in ("city", "admin2")
            and p.pop < pcfg.get("alternate_min_pop", 0) and fold(p.name) != fold(m.text).removeprefix("the ")
            and not strong_locative(doc, m.start, m.end, lex)):
        return True  # part of a person's name elsewhere, a small town's alternate name ("Lester"), no "in X"
    if not words or not all(common_word(t.lower_) or _agent_plural(t.lower_) for t in words):
        return False
    if m.label in PLACE_LABELS and (near_sure or strong_locative(doc, m.start, m.end, lex)):
        return False
    if m.label in ("PERSON", "") and near_sure and strong_locative(doc, m.start, m.end, lex):
        return False  # "In Klamath Falls, Oregon" though NER says PERSON
    small = p.pop < pcfg.get("common_word_min_pop", 100_000)
    alternate = fold(p.name) != fold(m.text).removeprefix("the ") and p.kind not in ("country", "continent")
    if alternate and len(words) == 1 and m.label not in PLACE_LABELS and (p.kind in ("admin1", "admin2") or (p.kind == "city" and small)):
        return True  # "House" is an alternate name of Hesse; "the House" is a chamber
    return (p.kind in ("city", "admin2") and small) or (
        p.kind == "admin1" and p.cc not in sure_cc and (alternate or p.pop < pcfg.get("common_word_admin1_max_pop", 5_000_000)))


def the_head(doc: Doc, m: Mention) -> bool:
    """A one-word name after "the" that heads its noun phrase ("to the Duma", "the Irish
    need"), not one modifying a noun ("the Moscow metro"): English puts no article before a
    city's name, nor before a nationality adjective used as a place."""
    if m.end - m.start != 1 or m.start == 0 or doc[m.start - 1].lower_ != "the":
        return False
    tok = doc[m.start]
    if tok.dep_ in ("compound", "amod", "nmod", "poss") or (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS"):
        return False
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text in (",", "-") and doc[tok.i + 2].text[:1].isupper():
        return False  # "the Pittsburgh, Pennsylvania-based company"
    return not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN"))


def strong_locative(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A locative context other than "of" ("the attention of Congress" is not one), and not
    before a possessive ("a role in Machado's citizenship": "in" governs the citizenship)."""
    if end < len(doc) and (doc[end].tag_ == "POS" or doc[end].text in POSSESSIVE):
        return False
    root = doc[start:end].root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return False
    return locative(doc, start, end, lex)


def governed_locative(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """The name is the object of a place preposition other than "of" ("in Holt", not "from
    Obama being ...", "daughter of Aung San") or of a place-taking verb."""
    root = doc[start:end].root
    if end < len(doc) and (doc[end].tag_ == "POS" or doc[end].text in POSSESSIVE):
        return False
    if root.dep_ == "pobj" and root.head.lower_ in lex.locative_preps and root.head.lower_ != "of":
        return True
    return root.dep_ == "dobj" and root.head.lemma_.lower() in lex.place_object_verbs


def before_feature(doc: Doc, end: int, lex: Lexicon) -> bool:
    """A feature noun follows ("Kerch bridge", "Yelenovka detention center")."""
    if end + 1 < len(doc) and f"{doc[end].lower_} {doc[end + 1].lower_}" in lex.feature_nouns and doc[end + 1].pos_ == "NOUN":
        return True
    return end < len(doc) and doc[end].lower_ in lex.feature_nouns and doc[end].pos_ == "NOUN"


def feature_split(doc: Doc, start: int, end: int, lex: Lexicon) -> int | None:
    """End token of the place name inside "Kerch bridge" / "Banjska monastery" spans."""
    last = doc[end - 1].lower_
    two = f"{doc[end - 2].lower_} {last}" if end - start >= 3 else ""
    if two in lex.feature_nouns:
        return end - 2
    if end - start >= 2 and last in lex.feature_nouns:
        return end - 1
    return None


def leading_feature(doc: Doc, start: int, end: int, lex: Lexicon) -> int | None:
    """Start token of the name inside a span that opens with a common noun of a feature
    (French, Russian: "barrage de Kakhovka", "hôpital Al-Ahli", "аэропорт Домодедово"), past
    the lower-case words that qualify the noun ("gare ferroviaire de X", "centrale nucléaire
    de X")."""
    if end - start < 2 or not doc[start].is_lower or doc[start].lower_ not in lex.leading_feature_nouns:
        return None
    i = start + 1
    while i < end - 1 and (doc[i].lower_ in lex.name_linkers or doc[i].is_lower):
        i += 1
    return i if doc[i].text[:1].isupper() else None


def city_state(doc: Doc, pi: PlaceIndex, ms: list[Mention], spans: list[tuple[str, list[tuple[int, bool]]]]) -> None:
    """"Williamsburg, Virginia", "Springfield, Ill.", "Toledo, Spain": a place followed by a
    comma and a state or country keeps only its candidates inside that state or country."""
    for k in range(len(ms) - 1):
        m, nxt = ms[k], ms[k + 1]
        if nxt.start != m.end + 1 or doc[m.end].text != "," or not spans[k][1]:
            continue
        where = {(pi.place(c).cc, pi.place(c).admin1 if pi.place(c).kind == "admin1" else "")
                 for c, _ in spans[k + 1][1] if pi.place(c).kind in ("admin1", "country")}
        if not where:
            continue
        keep = [c for c in spans[k][1] if (pi.place(c[0]).cc, pi.place(c[0]).admin1) in where
                or (pi.place(c[0]).cc, "") in where]
        if keep:
            spans[k] = (spans[k][0], keep)


def trim_lowercase_head(doc: Doc, m: Mention, name: str) -> None:
    """"north west London": a place span NER opened with lower-case words before the name it
    contains is the name alone."""
    if name == m.text or not m.text.endswith(name) or not m.text[: len(m.text) - len(name)].islower():
        return
    at = doc[m.start].idx + len(m.text) - len(name)
    for k in range(m.start + 1, m.end):
        if doc[k].idx == at:
            m.start, m.text = k, name
            return


def surname_locative(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A place context strong enough for a name the document also gives a person as surname:
    a place preposition other than "of", not before a possessive, and not "to" after a noun
    ("references to Machado")."""
    if not strong_locative(doc, start, end, lex):
        return False
    root = doc[start:end].root
    return not (root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.pos_ in ("NOUN", "PROPN"))


def _agent_plural(word: str) -> bool:
    """The plural of a dictionary agent noun ("newcomers", "farmers"): WordNet's index lists
    only the singular, and no place is named by one ("Newcomers" is no Newcomerstown)."""
    return word.endswith("ers") and common_word(word[:-1])


def place_context(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A place-taking context of the document's language governs ``doc[start:end]``
    (``lexicon.toml`` ``[place_contexts]``): a place preposition before it ("near X", "в X",
    "près de X"), one attached to a verb ("fought in X"), one after a verb of motion ("fled
    to X", "left ... for X", "partis de X"), or a verb that takes a place as object ("shelled
    X", "a quitté X"; "hit X" when a blast or a missile hits). Not before a possessive."""
    ctx = lex.place_contexts.get(doc.lang_ or "en")
    if ctx is None or (end < len(doc) and (doc[end].tag_ == "POS" or doc[end].text in POSSESSIVE)):
        return False
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i != root.i and root.head.i < start:
        root = root.head  # "in Zvečan and X": the first conjunct's context
    before = [t.lower_ for t in doc[max(0, start - 3) : start]]
    if any(before[len(before) - len(p.split()):] == p.split() for p in ctx.preps):
        return True
    prep = _preposition(doc, root, start)
    if prep is not None:
        gov = prep.head if root.dep_ == "pobj" else root.head
        word = prep.lower_
        if word in ctx.verb_preps and gov.pos_ in ("VERB", "AUX"):
            return True
        return word in ctx.motion_preps and gov.lemma_.lower() in ctx.motion_verbs
    # an object, or a bare oblique the French parser puts for one ("quitté Xankəndi mardi")
    if root.dep_ not in ("dobj", "obj", "obl", "obl:mod") or root.head.i == root.i:
        return False
    verb = root.head.lemma_.lower()
    if verb in ctx.object_verbs:
        return True
    return verb in ctx.strike_verbs and any(
        c.dep_ in ("nsubj", "nsubj:pass") and c.lemma_.lower() in ctx.strike_subjects for c in root.head.children)


def _preposition(doc: Doc, root: Any, start: int) -> Any:
    """The preposition governing a name: its head in English ("pobj"), its "case" child in
    Universal Dependencies (French, Russian), else an adposition right before it."""
    if root.dep_ == "pobj" and root.head.i != root.i:
        return root.head
    case = next((c for c in root.children if c.dep_ == "case" and c.i < start), None)
    if case is not None:
        return case
    return doc[start - 1] if start > 0 and doc[start - 1].pos_ == "ADP" else None


def sized_place(pi: PlaceIndex, p: Any, min_pop: int) -> bool:
    """A place of real size for a name only its context makes a place: at least ``min_pop``
    people, anything above a town (a country, first-level division, capital, curated region),
    or a town that names its first-level division (Khankendi of the "Khankendi region")."""
    if p.kind not in ("city", "admin2") or p.pop >= min_pop:
        return True
    return p.kind == "city" and any(
        pi.place(i).kind == "admin1" and pi.place(i).cc == p.cc for i in pi.gaz.lookup(f"{fold(p.name)} region"))
