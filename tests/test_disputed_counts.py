"""Counts contested without a rival number (issue 9), in invented words after real coverage:
a side that rejects the other side's toll ("X disputes this figure", "they inflated the numbers
of casualties") and a side that says nobody died ("without causing any deaths") both contest
the other side's count; a dispute nobody is named for, or told away from the incident,
contests nothing."""

from __future__ import annotations

import pytest

from fullpicture import analyze_documents
from fullpicture.align import compare
from fullpicture.ingest import load_text
from fullpicture.models.comparison import Side
from fullpicture.settings import Settings

BO = """Shell kills 60 at Riberalta clinic

A shell struck the Riberalta clinic on Monday, killing 60 patients, the Bolivian health ministry said.
"""

PY_DISPUTES = """Shell hits Riberalta clinic

A shell struck the Riberalta clinic on Monday. The Bolivian health ministry said 60 patients were killed. Paraguay disputes this figure.
"""

PY_QUOTE = """Shell hits Riberalta clinic

A shell struck the Riberalta clinic on Monday. "They inflated the numbers of casualties," a spokesman for the Paraguayan army said.
"""

PY_REPORTS = """Shell hits Riberalta clinic

A shell struck the Riberalta clinic on Monday. The Paraguayan army denied the reports of civilian deaths at the clinic.
"""

PY_PREDICATE = """Shell hits Riberalta clinic

A shell struck the Riberalta clinic on Monday. The toll was grossly inflated, a Paraguayan army spokesman said.
"""

PY_NOBODY = """Shell hits Riberalta clinic

A shell struck the Riberalta clinic on Monday. Nobody named disputes this figure yet, the report said.

Analysts expect more shelling.
"""

PY_ZERO = """Shell hits Riberalta clinic

A shell struck the Riberalta clinic on Monday without causing any deaths, the Paraguayan army said.
"""


def _row(lexical, other: str, **align):
    docs = [load_text(BO, source="bo", published="2024-06-04"), load_text(other, source="py", published="2024-06-04")]
    an = list(analyze_documents(docs, lexical))
    sides = [Side(label="bolivian", origin="user", documents=[an[0].document.id]),
             Side(label="paraguayan", origin="user", documents=[an[1].document.id])]
    settings = Settings(data={**lexical.data, "align": {**lexical.section("align"), **align}})
    comp = compare(an, sides, settings=settings)
    row = max(comp.events, key=lambda e: len({m.document for m in e.mentions}))
    assert len({m.document for m in row.mentions}) == 2  # one row for the one shelling
    return row


def _killed(row):
    return [c for c in row.conflicts if c.field == "figure:killed"]


@pytest.mark.parametrize("text, words", [(PY_DISPUTES, "disputes this figure"),
                                         (PY_QUOTE, "inflated the numbers of casualties"),
                                         (PY_PREDICATE, "The toll was grossly inflated"),
                                         (PY_REPORTS, "denied the reports of civilian deaths")])
def test_a_side_rejecting_the_others_toll_contests_it(lexical, text, words):
    row = _row(lexical, text)
    (killed,) = _killed(row)
    assert {v.value for v in killed.values if v.side == "paraguayan"} == {words}
    assert "60" in {v.value for v in killed.values if v.side == "bolivian"}
    assert {v.side for v in killed.values} == {"bolivian", "paraguayan"}
    (dispute,) = [v for v in killed.values if v.side == "paraguayan"]
    assert dispute.start is not None and dispute.end is not None  # the words, with offsets
    assert not _killed(_row(lexical, text, figure_disputes=False))  # switch off: the old reading


def test_a_report_of_deaths_rejected_is_no_toll_of_its_own():
    """What a rejected report is about names the count; a rejected report of a visit, of a
    convoy or of an attack contests no toll."""
    from fullpicture.align._disputes import _lexicon

    pats, nouns = _lexicon()
    hits = [m for p in pats["en"] for m in [p.search("The ministry denied the reports of a convoy.")] if m]
    assert not hits
    (m,) = [m for p in pats["en"] for m in [p.search("It rejected claims of deaths there.")] if m]
    assert nouns[m.group("noun").lower()] == "killed"


PY_RELAYED = """Shell hits Riberalta clinic

A shell struck the Riberalta clinic on Monday. Several outlets claimed that 60 patients were killed. The Paraguayan army on Tuesday dismissed the allegations about the killings of patients.
"""


def test_the_count_a_side_relays_only_to_reject_is_not_its_own(lexical):
    row = _row(lexical, PY_RELAYED)
    (killed,) = _killed(row)
    mine = {v.value for v in killed.values if v.side == "paraguayan"}
    assert mine == {"dismissed the allegations about the killings"}  # not the 60 it rejects
    assert "60" in {v.value for v in killed.values if v.side == "bolivian"}
    (off,) = _killed(_row(lexical, PY_RELAYED, figure_disputed_relays=False))
    assert "60" in {v.value for v in off.values if v.side == "paraguayan"}  # switch off: the old reading


def test_a_dispute_nobody_is_named_for_contests_nothing(lexical):
    assert not _killed(_row(lexical, PY_NOBODY))


def test_a_zero_in_words_contests_the_other_sides_toll(lexical):
    row = _row(lexical, PY_ZERO)
    (killed,) = _killed(row)
    assert {v.value for v in killed.values if v.side == "paraguayan"} == {"without causing any deaths"}
    assert "60" in {v.value for v in killed.values if v.side == "bolivian"}


@pytest.mark.parametrize("lang, words", [
    ("en", "Officials dismissed the figures"), ("en", "an exaggerated death toll"),
    ("fr", "le bilan est largement exagéré"), ("fr", "Les autorités contestent ce bilan"),
    ("ru", "Власти назвали завышенными цифры"), ("ru", "оспаривают эти данные"),
    # a rejected report of the dead, whatever number it gave
    ("en", "the army dismissed allegations about the killings of villagers"),
    ("fr", "l'état-major a démenti les informations faisant état de morts"),
    ("ru", "штаб опроверг сообщения о гибели жителей"),
])
def test_dispute_phrases_of_each_language(lang, words):
    from fullpicture.align._disputes import _lexicon

    assert any(p.search(words) for p in _lexicon()[0][lang])

