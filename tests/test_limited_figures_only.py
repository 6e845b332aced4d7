"""Turkish, Azerbaijani and Armenian: casualty figures from word lists, and still no happenings.

Issue 10 keeps Turkish and Azerbaijani documents free of events; Armenian, the other side of the
same stories, is read no better (figures, dates and places only). The sentences are invented
for these tests.
"""

from __future__ import annotations

import json

import pytest

from fullpicture.nlp.figures.limited import find_figures
from fullpicture.nlp.lang import limited_notice
from fullpicture.nlp.lang.words import figure_list_family, sentences, word_list_family


def _figs(text: str, family: str) -> list[tuple[float, str, str | None]]:
    return [(fig[2], fig[5], who) for fig, who in find_figures(text, family)]


def test_figure_families_have_no_happenings():
    for lang in ("hy", "az", "tr"):
        assert figure_list_family(lang) == lang
        assert word_list_family(lang) is None  # no happenings from word lists
        assert limited_notice(lang) == f"language {lang}: entities, events and claims not analysed"
    assert figure_list_family("sr") == "sh" and figure_list_family("ka") is None


@pytest.mark.parametrize(("family", "text", "want"), [
    ("hy", "Գիշերային մարտում զոհվել են երեք զինծառայող, ևս 7 հոգի վիրավորվել է։",
     [(3.0, "killed", "soldiers"), (7.0, "injured", "people")]),
    ("hy", "Ըստ նախարարության՝ ավելի քան 20 զինվոր զոհվել է։", [(20.0, "killed", "soldiers")]),
    ("az", "Gecə döyüşlərində 3 hərbçi şəhid olub, daha 6 nəfər yaralanıb.",
     [(3.0, "killed", "soldiers"), (6.0, "injured", "people")]),
    ("az", "Atəş nəticəsində iki mülki şəxs həlak olub.", [(2.0, "killed", "civilians")]),
    ("tr", "Gece çatışmalarında 3 asker şehit oldu, 9 asker yaralandı.",
     [(3.0, "killed", "soldiers"), (9.0, "injured", "soldiers")]),
    ("tr", "Saldırıda en az 4 sivil hayatını kaybetti.", [(4.0, "killed", "civilians")]),
])
def test_counted_figures(family, text, want):
    assert _figs(text, family) == want


@pytest.mark.parametrize(("family", "text"), [
    ("az", "İyulun 14-də kənddə 70 yaşlı sakin həlak olub."),  # a day after its month, an age
    ("hy", "Հուլիսի 9-ին 65-ամյա բնակիչ է զոհվել։"),
    ("tr", "12 Temmuz günü 60 yaşındaki bir çoban öldü."),
])
def test_days_and_ages_count_no_one(family, text):
    values = {v for v, _c, _w in _figs(text, family)}
    assert not values & {14.0, 9.0, 12.0, 70.0, 65.0, 60.0}


def test_armenian_sentences_end_at_the_armenian_full_stop():
    text = "Գյուղը հրետակոծվել է։ Տուժածներ չկան։"
    assert len(sentences(text)) == 2


def _doc(tmp_path, name: str, text: str):
    p = tmp_path / f"{name}.txt"
    p.write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.meta.json").write_text(json.dumps({"published": "2021-05-03", "perspective": "a"}))
    return p


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("hy", "Մայիսի 2-ին սահմանային դիրքում զոհվել են երկու զինծառայող, ևս չորս զինծառայող վիրավորվել է։ "
           "Պաշտպանության նախարարությունը հայտնել է, որ հակառակորդը կրակ է բացել գիշերը։", {(2.0, "killed"), (4.0, "injured")}),
    ("az", "Mayın 2-də sərhəddə gedən atışmada iki hərbçi şəhid olub, daha dörd hərbçi yaralanıb. "
           "Müdafiə Nazirliyi bildirib ki, qarşı tərəf gecə saatlarında atəş açıb.", {(2.0, "killed"), (4.0, "injured")}),
    ("tr", "2 Mayıs'ta sınırdaki çatışmada iki asker şehit oldu, dört asker yaralandı. "
           "Bakanlık, karşı tarafın gece saatlerinde ateş açtığını açıkladı.", {(2.0, "killed"), (4.0, "injured")}),
])
def test_a_document_gets_its_counted_figures_and_no_events(tmp_path, lang, text, want):
    from fullpicture import analyze

    a = analyze(_doc(tmp_path, lang, text))
    assert a.document.language == lang
    assert a.document.notice == f"language {lang}: entities, events and claims not analysed"
    assert not a.events and not a.claims
    assert {(f.value, f.counts) for f in a.figures if f.counts} == want
    assert all(a.text[f.start:f.end] == f.text for f in a.figures)
