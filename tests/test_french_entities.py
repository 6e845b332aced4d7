"""French NER corrections (nlp/lang/french_ents.py).

Sentences written for the test; the spans are the shapes of the French model's errors on
news: a ministry tagged as a place, an organisation's name cut before the name it governs,
a headline's name run into the dateline under it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab


def _refine(words: list[str], spans: list[tuple[int, int, str]], skip: frozenset[str] = frozenset(),
            spaces: list[bool] | None = None) -> list[tuple[str, str]]:
    from fullpicture.nlp.lang.french_ents import refine_french

    doc = Doc(Vocab(), words=words, spaces=spaces)
    ents = [Span(doc, a, b, label=t) for a, b, t in spans]
    return [(e.text, e.label_) for e in refine_french(doc, ents, skip)]


def test_a_ministry_tagged_as_a_place_is_an_organisation():
    words = ["Le", "ministère", "voisin", "de", "la", "Défense", "a", "démenti", "hier", "."]
    assert _refine(words, [(1, 6, "GPE")]) == [("ministère voisin de la Défense", "ORG")]
    words = ["L'", "armée", "de", "Valdor", "a", "tiré", "."]
    assert _refine(words, [(0, 4, "GPE")]) == [("L' armée de Valdor", "ORG")]
    # a place stays a place; the rule left out keeps the model's label
    assert _refine(["Il", "vit", "à", "Valdor", "."], [(3, 4, "GPE")]) == [("Valdor", "GPE")]
    assert _refine(words, [(0, 4, "GPE")], frozenset({"org_head"})) == [("L' armée de Valdor", "GPE")]


def test_an_organisation_cut_before_the_name_it_governs_is_joined_to_it():
    words = ["Le", "Bureau", "des", "douanes", "du", "Front", "uni", "a", "publié", "un", "bilan", "."]
    assert _refine(words, [(1, 5, "ORG"), (5, 7, "ORG")]) == [("Bureau des douanes du Front uni", "ORG")]
    # a place ending with a linking word is cut; one left without a name is dropped
    words = ["Le", "delta", "du", "Fleuve", "Bleu", "et", "la", "plaine", "de", "Sorn", "."]
    assert _refine(words, [(1, 3, "GPE"), (3, 5, "GPE")]) == [("Fleuve Bleu", "GPE")]
    words = ["La", "vallée", "de", "Sorn", "de", "l'", "autre", "côté", "."]
    assert _refine(words, [(3, 5, "GPE")]) == [("Sorn", "GPE")]


def test_a_name_never_runs_over_a_line_break():
    words = ["Incendie", "à", "Varnek", "\n\n", "OSTROV", ",", "3", "mai"]
    spaces = [True, True, False, False, False, True, True, False]
    got = _refine(words, [(2, 5, "GPE")], spaces=spaces)
    assert got == [("Varnek", "GPE"), ("OSTROV", "GPE")]


def test_a_number_tagged_as_a_place_is_no_name():
    # a count opening a sentence, tagged as a place: dropped, so that it stays a figure
    words = ["38", "passagers", "étaient", "à", "bord", "près", "de", "Lille", "."]
    assert _refine(words, [(0, 1, "GPE"), (7, 8, "GPE")]) == [("Lille", "GPE")]
    assert _refine(words, [(0, 1, "GPE")], frozenset({"no_letter"})) == [("38", "GPE")]
