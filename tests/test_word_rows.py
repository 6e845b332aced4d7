"""A row made only of words that name, label or react to a happening (an allegation, a denial, a
condemnation, "the crime") told in sentences of no happening joins the row its documents tell
the happening in; one that states a day of its own keeps its row (align/_wordrows.py). Invented
words throughout."""

from __future__ import annotations

from tests.helpers import trigger_rows

_STRIKE = "A missile hit the market in Eastport on Tuesday, killing four people. "


def _rows(texts: dict[str, str], lexical) -> tuple[dict[str, str], dict[str, int]]:
    return trigger_rows(lexical, texts)


def test_words_about_the_happening_join_its_row(lexical):
    rows, _ = _rows({
        "north": _STRIKE + "The Northland army rejected the allegations.\n",
        "south": _STRIKE + "Southland officials condemned the crime.\n",
    }, lexical)
    strike = rows["north:hit"]
    assert strike and rows["south:hit"] == strike
    words = {k: r for k, r in rows.items() if k.split(":")[1] in ("rejected", "allegations", "condemned", "crime")}
    assert words and all(r == strike for r in words.values()), rows


def test_words_with_a_day_of_their_own_keep_their_row(lexical):
    rows, _ = _rows({
        "north": _STRIKE + "On Friday the Northland army rejected the allegations.\n",
        "south": _STRIKE,
    }, lexical)
    assert rows["north:rejected"] and rows["north:rejected"] != rows["north:hit"], rows


def test_words_about_a_meeting_keep_their_row(lexical):
    # only the row of an act of violence takes them: words after a meeting may be news of their own
    meeting = "The two ministers met in Eastport on Tuesday. "
    rows, _ = _rows({
        "north": meeting + "The Northland cabinet rejected the allegations.\n",
        "south": meeting,
    }, lexical)
    assert rows["north:met"] and rows["south:met"] == rows["north:met"], rows
    assert rows["north:rejected"] and rows["north:rejected"] != rows["north:met"], rows
