"""French and Russian time expressions: the written test set (>= 40 each), value accuracy >= 0.9."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_date_set_value_accuracy(language):
    import tomllib
    from pathlib import Path

    from eval.dates_multilingual import score

    floors = tomllib.loads((Path(__file__).resolve().parents[1] / "eval" / "floors.toml").read_text("utf-8"))
    res = score(language)
    assert res["n"] >= 40
    assert res["accuracy"] >= floors["languages"][f"dates_{language}_accuracy"], res["misses"]


def test_pipeline_uses_the_language_grammar():
    from fullpicture import analyze

    a = analyze("Le 19 septembre 2023, l'armée a lancé une offensive. Le lendemain, un cessez-le-feu "
                "a été conclu avec la médiation des soldats de la paix russes.")
    assert [(t.text, t.value) for t in a.timexes] == [("19 septembre 2023", "2023-09-19"), ("Le lendemain", "2023-09-20")]
    r = analyze("19 сентября 2023 года армия начала наступление. На следующий день было заключено "
                "перемирие при посредничестве российских миротворцев.")
    assert [(t.text, t.value) for t in r.timexes] == [("19 сентября 2023 года", "2023-09-19"), ("На следующий день", "2023-09-20")]


def test_unknown_language_has_no_grammar():
    from fullpicture.nlp.time._intl import load_grammar

    assert load_grammar("tr") is None
