"""Name checks of ``fp_entities``'s mention collection, by the document's language and gazetteer.

Small lookups :func:`~fullpicture.nlp.places._annotate.collect` makes on a name: the countries
whose people the document names, the places an all-capital name abbreviates, a nationality
noun of the language, a word of the Russian dictionary, and a Russian mention's dictionary
form for the naming table.
"""

from __future__ import annotations

from spacy.tokens import Doc

from fullpicture.nlp.places._base import base_form
from fullpicture.nlp.places._coref import Mention
from fullpicture.nlp.places._resolve import PlaceIndex
from fullpicture.nlp.places._translit import fold
from fullpicture.nlp.places._wordlists import Lexicon


def _demonym_countries(doc: Doc, lex: Lexicon) -> set[str]:
    """Countries whose people or adjective the document names ("South Africans", "Syrian")."""
    out: set[str] = set()
    for tok in doc:
        if not tok.text[:1].isupper():
            continue
        for k in (2, 1):
            f = fold(doc[tok.i : tok.i + k].text)
            cc = lex.demonyms.get(f) or (lex.demonyms.get(f[:-1]) if f.endswith("s") else None)
            if cc:
                out.add(cc)
                break
    return out


def _abbreviation(doc: Doc, pi: PlaceIndex, start: int, text: str, own_names: frozenset[str]) -> list[tuple[int, bool]]:
    """The countries and divisions an all-capital name abbreviates (:meth:`PlaceIndex.abbreviation`),
    in running text only where it stands for a place: one the document names in full ("NJ"
    beside "New Jersey"), after a place name and a comma ("Paterson, NJ"), or written with its
    dots ("the B.C. border" in a story placed in Canada). "RT" (a network)
    and "the VA" (an agency), which NER may tag as places, name neither."""
    cands = pi.abbreviation(text)
    named = [c for c in cands if fold(pi.place(c[0]).name) in own_names]
    after_place = start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ in ("GPE", "LOC")
    # written with its dots ("B.C.", "N.S.W."), the initials are an abbreviation, no acronym of a
    # network or an agency; the ranking keeps them only in a country the document places
    dotted = text.count(".") >= 2
    return named or (cands if after_place or dotted else [])


def _dictionary_form(doc: Doc, pi: PlaceIndex, m: Mention, read_back: str | None, min_pop: int) -> str | None:
    """A Russian mention's dictionary form for the naming table: the analyser's
    (:func:`base_form`) when it names the mention's place too ("Краматорска" ->
    "Краматорск"), else the form read back from a case ending ("Баньске" -> "Баньска", not
    the analyser's "Баньск"), else the text as written when the gazetteer holds it ("";
    "Смара", not "Смар"), else the analyser's ("Донецкой области" -> "Донецкая область")."""
    base = base_form(doc, m.start, m.end)
    if m.place is None or base is None:
        return read_back if m.place is not None and read_back is not None else base
    if _names(pi, base, m.place, min_pop):
        return base
    if read_back is not None:
        return read_back
    return "" if any(i == m.place for i, _v in pi.candidates(m.text, min_pop, False)) else base


def _names(pi: PlaceIndex, form: str, place: int, min_pop: int) -> bool:
    """``form`` reaches record ``place``, as written or through its romanization."""
    if any(i == place for i, _v in pi.candidates(form, min_pop, False)):
        return True
    hit = pi.cross_script([form])
    return hit is not None and any(i == place for i, _v in hit[1])


def _dictionary_word(doc: Doc, name: str) -> bool:
    """The last word of a Russian name is in the language's dictionary (pymorphy's): a place
    with a Russian name of its own ("Нева", "Британия"), not a foreign name ("Баньска")."""
    words = name.split()
    if doc.lang_ != "ru" or not words:
        return False
    from fullpicture.nlp.lang.russian import _analyzer

    return bool(_analyzer().word_is_known(words[-1].lower()))


def _nationality_noun(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """``doc[start:end]`` is one word (after an elided article) of the language's nationality
    nouns (lexicon.toml ``[demonym_nouns]``)."""
    words = [t.text.lower() for t in doc[start:end]]
    if len(words) == 2 and words[0] in lex.elided_articles:
        words = words[1:]
    return len(words) == 1 and words[0] in lex.demonym_nouns.get(doc.lang_, frozenset())
