"""Organisations in Russian NER spans: unions of states and generic abbreviations.

Run inside ``russian_context.refine_by_context`` (after the dictionary rules of
``russian_ents``); each rule can be left out by name (``eval.multilingual_ner --without``):

* ``union_org``: a union of states that acts as one body is an organisation, not a place:
  a LOC span whose words the OpenCorpora dictionary knows only as organisations (``Orgn``,
  never ``Geox``: "ЕС", "ОПЕК") or whose lemmas are one of ``org_unions`` in
  ``data/lang/entities.ru.toml`` ("Евросоюз", "Европейский союз": the dictionary files
  "евросоюз" under toponyms) becomes ORG. Slovnet reads "ЕС" and "Евросоюз" as places; the
  news gold of factRuEval and the silver labels of WikiNEuRal both call them organisations.
  States, living or dead ("СССР", "Югославия"), stay places.
* ``generic_abbr``: a one-word span that is an abbreviation of a common noun
  (``generic_abbreviations``: "СМИ" the media, "ПВО" air defence, "БПЛА" a drone, "ВВП",
  "ДТП") is no name and is dropped. A list, not the dictionary's ``Abbr`` words without
  ``Orgn``: those include named bodies ("ОБСЕ", "ВТО", "СБ").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from fullpicture.nlp.lang.russian_ents import STRESS, _config, _lemmas, _words

ORG_RULES = ("union_org", "generic_abbr")


@lru_cache(maxsize=20_000)
def _grammemes(word: str) -> tuple[frozenset[str], ...]:
    """The grammeme sets of the dictionary's parses of ``word`` (no guesses)."""
    from fullpicture.nlp.lang.russian import _analyzer

    return tuple(frozenset(p.tag.grammemes) for p in _analyzer().parse(word.replace(STRESS, "")) if p.is_known)


def _organisation_word(word: str) -> bool:
    """The dictionary knows ``word`` as an organisation's name and never as a place."""
    parses = _grammemes(word)
    return any("Orgn" in g for g in parses) and not any("Geox" in g for g in parses)


@lru_cache(maxsize=1)
def _unions() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(str(name).split()) for name in _config().get("org_unions", []))


def _union_name(words: list[str]) -> bool:
    """``words`` inflect as one of ``org_unions`` ("Европейского союза" -> "европейский союз")."""
    unions = _unions()
    lemmas = [_lemmas(w) for w in words]
    return any(len(u) == len(lemmas) and all(x in ls for x, ls in zip(u, lemmas, strict=True)) for u in unions)


def union_orgs(doc: Doc, ents: list[Span]) -> list[Span]:
    """LOC spans that name a union of states acting as one body become ORG (module docstring)."""
    out = []
    for e in ents:
        words = _words(e)
        if e.label_ == "LOC" and words and (all(_organisation_word(w) for w in words) or _union_name(words)):
            e = Span(doc, e.start, e.end, label="ORG")
        out.append(e)
    return out


def _generic_abbreviation(span: Span) -> bool:
    words = _words(span)
    generic = frozenset(str(w) for w in _config().get("generic_abbreviations", []))
    return len(words) == 1 and len(span) == 1 and words[0].isupper() and words[0].lower() in generic


def drop_generic_abbreviations(ents: list[Span]) -> list[Span]:
    """Without the one-word spans that are common abbreviations (module docstring)."""
    return [e for e in ents if not _generic_abbreviation(e)]


def refine_orgs(doc: Doc, ents: list[Span], skip: frozenset[str] = frozenset()) -> list[Span]:
    """The rules of the module docstring, less those named in ``skip`` (:data:`ORG_RULES`)."""
    if "generic_abbr" not in skip:
        ents = drop_generic_abbreviations(ents)
    if "union_org" not in skip:
        ents = union_orgs(doc, ents)
    return ents
