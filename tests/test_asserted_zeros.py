"""Zeros nobody asserts, and zeros a broader count implies (issue 9, the ECB+ conflicts gate),
restated in invented words: a hedged zero ("there seemed to be no casualties"), a zero of what
was not seen or not confirmed is no figure; an asserted one stays; a clock time's minutes are
no count; a side's "no casualties" stands for none killed only where the side gives no killed
figure of its own."""

from __future__ import annotations

import pytest

from fullpicture import analyze_documents
from fullpicture.ingest import load_text
from tests.helpers import compare_texts, widest_row


def _zeros(settings, text: str) -> list[tuple[str, str | None]]:
    a = next(iter(analyze_documents([load_text(text, source="z")], settings)))
    return [(f.text, f.counts) for f in a.figures if f.value == 0]


@pytest.mark.parametrize("text", [
    "There seemed to be no casualties after the blast at the depot.",
    "The watchman says he did not see any casualties near the depot.",
    "So far no casualties have been confirmed by the district office.",
    "There have been no deaths or injuries confirmed after the shelling.",
    "The brigade did not report any casualties among its crews.",
])
def test_a_zero_nobody_asserts_is_no_figure(lexical, text):
    assert _zeros(lexical, text) == []


@pytest.mark.parametrize(("text", "counts"), [
    ("A monitor said later that there were no casualties in the depot.", {"casualties"}),
    ("Inspectors found no casualties on the ground near the depot.", {"casualties"}),
    ("The relief group confirmed there were no dead or wounded at the depot.", {"killed", "injured"}),
    ("The shelling did not cause any casualties, the mayor said.", {"casualties"}),
    ("No one was killed or injured in the blast, the mayor said.", {"killed", "injured"}),
])
def test_an_asserted_zero_stays(lexical, text, counts):
    assert {c for _, c in _zeros(lexical, text)} == counts


def test_the_minutes_of_a_clock_time_count_nothing(lexical):
    a = next(iter(analyze_documents([load_text(
        "Posted: March 04,2024 15: 50 GMT\n\nSix people were killed in the blast at the depot.\n",
        source="t")], lexical)))
    assert sorted(f.value for f in a.figures if f.counts == "killed") == [6.0]


ONE = """Jets strike depot near Tarvik

Norvanian jets struck a fuel depot near Tarvik on Tuesday, killing 12 workers, the district governor said.
A monitor who spoke to workers later said there were no casualties.
"""

TWO = """Depot near Tarvik hit

Norvanian jets struck a fuel depot near Tarvik on Tuesday. No one was killed, the Ostrian ministry said.
"""


@pytest.mark.slow
def test_no_casualties_yields_to_the_sides_own_toll(lexical):
    """Side one states 12 killed and, from a monitor, "no casualties": its killed figure is 12,
    which meets side two's "no one was killed" (the implied zero used to agree with it)."""
    row = widest_row(compare_texts(lexical, {"one": ONE, "two": TWO}, "2024-03-06"))
    assert len({m.document for m in row.mentions}) == 2
    killed = [c for c in row.conflicts if c.field == "figure:killed"]
    assert killed, [c.field for c in row.conflicts]
    mine = {v.value for v in killed[0].values if v.side == "one"}
    assert mine == {"12"}, mine
