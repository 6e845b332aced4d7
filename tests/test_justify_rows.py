"""A row of one document made only of verbs that tell what an act was for (defend, protect a
border, an airspace) joins the row its document tells the act in; one with a day of its own, told
as not done, or told of no state's ground ("defended the plan"), keeps its row
(align/_justifyrows.py). Invented words throughout."""

from __future__ import annotations

from fullpicture.settings import Settings
from tests.helpers import trigger_rows

_DOWNING = "Northland fighters shot down a Southland drone over the Redwater valley on Tuesday. "


def _rows(texts: dict[str, str], settings: Settings) -> dict[str, str]:
    return trigger_rows(settings, texts)[0]


def _with(settings: Settings, **align: object) -> Settings:
    return Settings(data={**settings.data, "align": {**settings.section("align"), **align}})


def _on(settings: Settings) -> Settings:
    return _with(settings, incident_justify_row_min_docs=2)


def _off(settings: Settings) -> Settings:
    return _with(settings, incident_justify_row_min_docs=0)


_TEXTS = {
    "north": _DOWNING + "The Northland premier said the pilots had acted to defend the country's airspace.\n",
    "south": _DOWNING + "Southland called it an act of piracy.\n",
}


def _word(rows: dict[str, str], word: str) -> str:
    return next(r for k, r in rows.items() if k.startswith("north:") and k.split(":")[1] == word)


def test_a_justification_joins_the_row_of_the_act(lexical):
    rows = _rows(_TEXTS, _on(lexical))
    act = rows["north:shot down"]
    assert act and rows["south:shot down"] == act, rows
    assert _word(rows, "defend") == act, rows


def test_the_rule_off_leaves_it_apart(lexical):
    rows = _rows(_TEXTS, _off(lexical))
    assert _word(rows, "defend") != rows["north:shot down"], rows


def test_a_justification_with_a_day_of_its_own_keeps_its_row(lexical):
    rows = _rows({
        "north": _DOWNING + "On Friday Northland troops defended the Redwater border post.\n",
        "south": _DOWNING,
    }, _on(lexical))
    assert _word(rows, "defended") != rows["north:shot down"], rows


def test_a_justification_told_as_not_done_keeps_its_row(lexical):
    texts = {
        "north": _DOWNING + "The premier said the army would not defend the Redwater border.\n",
        "south": _DOWNING,
    }
    rows = _rows(texts, _on(lexical))
    assert _word(rows, "defend") != rows["north:shot down"], rows


def test_a_defence_of_no_ground_keeps_its_row(lexical):
    texts = {
        "north": _DOWNING + "The Northland premier later defended the new budget plan.\n",
        "south": _DOWNING,
    }
    rows = _rows(texts, _on(lexical))
    assert _word(rows, "defended") != rows["north:shot down"], rows
    rows = _rows(texts, _with(_on(lexical), incident_justify_object_chars=0))
    assert _word(rows, "defended") == rows["north:shot down"], rows
