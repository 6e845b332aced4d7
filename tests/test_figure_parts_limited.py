"""A figure of a word-list language that counts a part of a group told beside it ("one of the
injured", "three of them seriously", "among the wounded guards 6 Danes") is no rival toll;
a count that breaks down into parts ("more than 50 people, of whom ...") is a mixed count.
Shapes seen on Serbian, Croatian, Bosnian, Slovene and Albanian reports of one clash, restated in
sentences written for these tests."""

from __future__ import annotations

import pytest

from fullpicture.align._figurevalues import population
from fullpicture.models import Figure
from fullpicture.nlp.figures.limited import figure_part, find_counts
from tests.helpers import analyze_text


def _parts(text: str, family: str) -> dict[str, str | None]:
    return {text[s:e]: figure_part(text, s, e, family, c) for s, e, _v, _vague, _b, c, _w in find_counts(text, family)}


@pytest.mark.parametrize(("family", "text", "want"), [
    # "one of the injured" and "two people seriously injured" after the whole count
    ("sh", "U sudaru kod mosta povrijeđeno je najmanje 30 ljudi. Jedan od ozlijeđenih je u kritičnom stanju, "
           "dok su dvije osobe teško povrijeđene.", {"najmanje 30": None, "Jedan": "part", "dvije": "part"}),
    # "of whom three seriously wounded": the part, and the whole that breaks down
    ("sh", "Povređeno je 17 policajaca, od kojih su trojica teško ranjena.", {"17": "mixed", "trojica": "part"}),
    # the worst hurt told in a sentence of their own
    ("sh", "U neredima je povređeno 20 demonstranata. Četvorica su teže ranjeni.", {"20": None, "Četvorica": "part"}),
    # a count among a set of the casualties
    ("sh", "Ministarstvo je saopštilo da je među ranjenim vojnicima 9 francuskih.", {"9": "part"}),
    ("sl", "Ranjenih je bilo 35 vojakov, od katerih so štirje huje poškodovani.", {"35": "mixed", "štirje": "part"}),
    ("sq", "Disa nga ushtarët u plagosën gjatë protestës.", {"Disa": "part"}),
    ("es", "Hubo 14 heridos en la protesta. Tres de los heridos están graves.", {"14": None, "Tres": "part"}),
    ("ar", "قتل 10 أشخاص بينهم ثلاثة أطفال.", {"10": "mixed"}),
])
def test_parts_of_a_count(family: str, text: str, want: dict[str, str | None]) -> None:
    assert _parts(text, family) == want


def test_a_part_is_never_compared_and_an_added_count_needs_one_told_before() -> None:
    """The align layer reads the part from the document's language: the worst hurt is a part;
    "two more" is a part only after a count of its kind."""
    base = analyze_text("Three drivers were injured.", published="2023-05-30")

    def pops(text: str, language: str) -> list[tuple[str, str]]:
        figs = [Figure(id=f"f{i}", start=s, end=e, text=text[s:e], value=v, counts=c)
                for i, (s, e, v, _vague, _b, c, _w) in enumerate(find_counts(text, "sh"))]
        a = base.model_copy(update={"text": text, "figures": figs,
                                    "document": base.document.model_copy(update={"language": language})})
        return [(f.text, population(a, f)) for f in figs]

    assert pops("Povređeno je 20 demonstranata. Trojica su teže ranjeni.", "sr") == [("20", "people"), ("Trojica", "part")]
    assert pops("Povrijeđeno je 12 policajaca, a još dvoje je povrijeđeno u bolnici.", "hr") == [
        ("12", "people"), ("dvoje", "part")]
    assert pops("Još dvoje je povrijeđeno u sukobu.", "bs") == [("dvoje", "people")]


@pytest.mark.parametrize(("family", "text", "want"), [
    ("sh", "U sukobu je povređeno sedamnaest policajaca.", (17.0, "injured")),
    ("sh", "Uhapšena je šestorica mladića.", (6.0, "detained")),
    ("sq", "Në përleshje u plagosën trembëdhjetë persona.", (13.0, "injured")),
    ("sl", "V spopadu je bilo ranjenih osemnajst ljudi.", (18.0, "injured")),
])
def test_number_words_from_thirteen_to_the_hundreds(family: str, text: str, want: tuple[float, str]) -> None:
    assert [(v, c) for _s, _e, v, _vague, _b, c, _w in find_counts(text, family)] == [want]


@pytest.mark.parametrize(("family", "text", "want"), [
    # two figures of one verb: the second, named, shares the first's count
    ("sh", "Ministar je rekao da je u neredima ozlijeđen 17 policajaca, većinom iz dvije jedinice, te više od 30 "
           "prosvjednika.", [("17", "injured", "police"), ("više od 30", "injured", "protesters")]),
    ("sh", "U napadu je ubijen jedan policajac i tri napadača.", [("jedan", "killed", "police"), ("tri", "killed", "militants")]),
    ("sq", "U plagosën 12 policë dhe 30 protestues.", [("12", "injured", "police"), ("30", "injured", "protesters")]),
    ("es", "Murieron dos policías y tres atacantes.", [("dos", "killed", "police"), ("tres", "killed", "militants")]),
    # "a" (whereas) opens another clause: the gathered crowd counts no one injured
    ("sh", "Ranjeno je pet policajaca, a 300 demonstranata se okupilo ispred zgrade.", [("pet", "injured", "police")]),
])
def test_a_coordinated_figure_shares_the_count_before_it(family: str, text: str, want: list[tuple[str, str, str]]) -> None:
    from fullpicture.nlp.figures.limited import find_figures

    assert [(text[s:e], c, who) for (s, e, _v, _vague, _b, c, _w), who in find_figures(text, family)] == want
