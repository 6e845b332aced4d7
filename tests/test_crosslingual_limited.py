"""Cross-lingual alignment through word lists: a Spanish illustrative article (written for
fullpicture, tests/fixtures/multilingual/karabakh_2023_spanish.txt), read by the limited
pipeline, joins the English examples' offensive, exodus and explosion rows with its figures."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, FIXTURES
from tests.helpers import compare_files, words_by_language

ML = FIXTURES / "multilingual"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def comparison():
    return compare_files({
        "armenian": [EXAMPLES / "karabakh_2023_armenian.md"],
        "azerbaijani": [EXAMPLES / "karabakh_2023_azerbaijani.html"],
        "international": [ML / "karabakh_2023_spanish.txt"],
    })


def test_the_spanish_article_is_read_from_word_lists(comparison):
    es = next(a for a in comparison.documents if a.document.language == "es")
    assert "word lists" in (es.document.notice or "")
    assert {e.trigger.lemma for e in es.events} >= {"ofensiva", "explosión", "huir"}


@pytest.mark.parametrize(("date", "typ", "spanish"), [
    ("2023-09-19", "ASSAULT", "ofensiva"), ("2023-09-24", "DISPLACE", "huyeron"), ("2023-09-25", "ASSAULT", "explosión")])
def test_spanish_reports_join_the_english_rows(comparison, date, typ, spanish):
    rows = [e for e in comparison.events if e.date == date and e.type == typ and "international" in e.sides
            and spanish in words_by_language(comparison, e).get("es", [])]
    assert rows, [(e.id, e.type, e.date, words_by_language(comparison, e)) for e in comparison.events]
    assert {"armenian", "international"} <= set(rows[0].sides)


def test_the_explosion_toll_in_spanish_is_attached_to_its_row(comparison):
    row = next(e for e in comparison.events if e.date == "2023-09-25" and "international" in e.sides)
    es = next(a for a in comparison.documents if a.document.language == "es")
    ids = {m.event for m in row.mentions if m.document == es.document.id}
    figs = [f for f in es.figures if f.event in ids]
    assert any(f.counts == "killed" and f.value == 170 and f.low == 170 for f in figs), figs
