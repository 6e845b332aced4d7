"""A row of one document made only of peripheral verbs (help sent, residents fleeing, a side
backing or urging) told in the sentence of a violent happening joins that happening's row; a
meeting told beside it, or a move with a day of its own, keeps its row (align/_periphrows.py).
Invented words throughout."""

from __future__ import annotations

from fullpicture.settings import Settings
from tests.helpers import trigger_rows

_STRIKE = "A missile hit the market in Eastport on Tuesday, killing four people. "


def _rows(texts: dict[str, str], settings: Settings) -> dict[str, str]:
    return trigger_rows(settings, texts)[0]


def _with(settings: Settings, **align: object) -> Settings:
    return Settings(data={**settings.data, "align": {**settings.section("align"), **align}})


def _on(settings: Settings) -> Settings:
    return _with(settings, incident_periph_row_min_docs=2)


def _off(settings: Settings) -> Settings:
    return _with(settings, incident_periph_row_min_docs=0)


_TEXTS = {
    "north": _STRIKE + "The missile destroyed the market as residents fled.\n",
    "south": _STRIKE + "The Southland guard shelled the Eastport market, which the Northland army had urged"
             " traders to leave.\n",
}


def test_peripheral_verbs_join_the_row_their_sentence_tells(lexical):
    rows = _rows(_TEXTS, _on(lexical))
    strike = rows["north:hit"]
    assert strike and rows["south:hit"] == strike, rows
    periph = {k: r for k, r in rows.items() if k.split(":")[1] in ("fled", "urged")}
    assert len(periph) == 2 and all(r == strike for r in periph.values()), rows
    # "urged traders to leave": a leaving asked for, not done, keeps its row
    assert rows["south:leave"] and rows["south:leave"] != strike, rows


def test_the_rule_off_leaves_them_apart(lexical):
    rows = _rows(_TEXTS, _off(lexical))
    periph = [r for k, r in rows.items() if k.split(":")[1] in ("fled", "urged", "leave")]
    assert periph and any(r != rows["north:hit"] for r in periph), rows


def test_a_move_with_a_day_of_its_own_keeps_its_row(lexical):
    rows = _rows({
        "north": _STRIKE + "On Friday hundreds of residents fled Eastport after the strike on the market.\n",
        "south": _STRIKE,
    }, _on(lexical))
    assert rows["north:fled"] and rows["north:fled"] != rows["north:hit"], rows


_NEGATED = {"north": _STRIKE + "The missile destroyed the market, but no warning was issued to the traders.\n",
            "south": _STRIKE}


def test_a_verb_told_as_not_done_keeps_its_row(lexical):
    rows = _rows(_NEGATED, _on(lexical))
    assert rows["north:warning"] and rows["north:warning"] != rows["north:hit"], rows
    rows = _rows(_NEGATED, _with(_on(lexical), incident_periph_unreal=[]))
    assert rows["north:warning"] == rows["north:hit"], rows


def test_a_move_with_a_doer_of_its_own_keeps_its_row(lexical):
    rows = _rows({
        "north": _STRIKE + "The missile destroyed the market; Northland minister Karel Vostrin escaped the blast.\n",
        "south": _STRIKE,
    }, _on(lexical))
    assert rows["north:escaped"] and rows["north:escaped"] != rows["north:hit"], rows


_SINCE = {"north": _STRIKE + "Since the strike on the market, traders have demanded compensation.\n",
          "south": _STRIKE}


def test_a_call_told_since_the_happening_keeps_its_row(lexical):
    rows = _rows(_SINCE, _on(lexical))
    assert rows["north:demanded"] and rows["north:demanded"] != rows["north:hit"], rows
    rows = _rows(_SINCE, _with(_on(lexical), incident_periph_since_words=0))
    assert rows["north:demanded"] == rows["north:hit"], rows
