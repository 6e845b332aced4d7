"""Attributed claims of Ukrainian documents, read by the limited pipeline from reporting forms and
punctuation (nlp/claims/limited.py, data/claims/limited.uk.toml). Sentences, names and places
written for these tests."""

from __future__ import annotations

import json

from fullpicture.nlp.claims.limited import find_claims, limited_cues
from fullpicture.nlp.lang import limited_notice
from fullpicture.nlp.lang.words import read


def _claims(text: str) -> list[tuple[str, str, str | None, str]]:
    """(kind, cue, source, content) of each claim of ``text``."""
    cues = limited_cues("uk")
    assert cues is not None
    reading = read(text, "uk")
    ws = reading.words
    out = []
    for f in find_claims(text, reading, cues):
        cue = text[ws[f.cue[0]].start : ws[f.cue[1] - 1].end]
        src = text[ws[f.source[0]].start : ws[f.source[1] - 1].end] if f.source else None
        out.append((f.kind, cue, src, text[f.content[0] : f.content[1]]))
    return out


def test_only_families_with_a_list_have_cues():
    assert limited_cues("uk") is not None
    assert limited_cues("sh") is None


def test_according_to_before_and_after_the_content():
    assert _claims("За даними рятувальників, у селі Вербівка загинули троє людей.") == [
        ("according_to", "За даними", "рятувальників", "у селі Вербівка загинули троє людей.")]
    assert _claims("Міст відкриють у четвер, за словами мера Зоряного.") == [
        ("according_to", "за словами", "мера Зоряного", "Міст відкриють у четвер")]


def test_a_possessive_names_the_source():
    assert _claims("За його словами, ремонт триватиме тиждень.") == [
        ("according_to", "За його словами", "його", "ремонт триватиме тиждень.")]


def test_an_unnamed_source_is_unsourced():
    got = _claims("За попередніми даними, пожежу локалізували.")
    assert got == [("unsourced", "За попередніми даними", None, "пожежу локалізували.")]


def test_a_verb_with_a_complementizer():
    assert _claims("Голова громади Петро Ковальчук заявив, що пожежу вже загасили.") == [
        ("indirect", "заявив", "Голова громади Петро Ковальчук", "пожежу вже загасили.")]
    # a time word before the speaker is no part of it
    assert _claims("Раніше речниця Марта Гнатюк повідомила журналістам, що рейси скасовано.") == [
        ("indirect", "повідомила", "речниця Марта Гнатюк", "рейси скасовано.")]


def test_a_verb_after_the_content():
    assert _claims("Пошкоджено два склади, — повідомили вчора в обласній адміністрації.") == [
        ("indirect", "повідомили", "обласній адміністрації", "Пошкоджено два склади")]
    # the medium after the speaker ends the source
    got = _claims("«Світла немає в трьох районах», — повідомив мер Іван Сидоренко у своєму телеграм-каналі.")
    assert got == [("direct", "повідомив", "мер Іван Сидоренко", "«Світла немає в трьох районах»")]


def test_a_postposed_verb_with_an_object_is_no_claim():
    # "..., заявили про ...": what follows the verb is its object, not who speaks
    assert _claims("Мешканці зібралися біля ради, заявили про нові вимоги.") == []


def test_a_colon_opens_the_content():
    got = _claims("Речник сказав у своєму телеграм-каналі: «Усіх евакуйовано».")
    assert got == [("direct", "сказав", "Речник", "«Усіх евакуйовано».")]


def test_about_this_reports_the_sentence_before():
    text = "Уночі над містом збили дрон. Про це повідомив начальник гарнізону."
    assert _claims(text) == [("indirect", "повідомив", "начальник гарнізону", "Уночі над містом збили дрон.")]


def test_a_clock_time_is_no_clause_break():
    # "о 14:30" is no colon before a content
    assert _claims("Мер повідомив о 14:30 про відкриття мосту.") == []


def test_ukrainian_documents_get_claims_and_figures_their_owner(tmp_path):
    from fullpicture import analyze

    text = ("Увечері в селищі Зоряне стався вибух на складі пального. За даними обласної поліції, загинули "
            "четверо людей, ще семеро поранені. Голова селищної ради Ольга Мельник заявила, що рятувальники "
            "працюватимуть на місці всю ніч. Про це також повідомили в державній службі з надзвичайних ситуацій.")
    p = tmp_path / "zoriane.txt"
    p.write_text(text, encoding="utf-8")
    (tmp_path / "zoriane.meta.json").write_text(json.dumps({"published": "2031-05-04", "perspective": "a"}))
    a = analyze(p)
    assert a.document.language == "uk"
    assert "attributed claims" in (a.document.notice or "")
    got = {(c.kind, c.source.text if c.source else None) for c in a.claims}
    assert ("according_to", "обласної поліції") in got and ("indirect", "Голова селищної ради Ольга Мельник") in got
    police = next(c for c in a.claims if c.kind == "according_to")
    counted = [f for f in a.figures if f.counts]
    assert counted and all(f.claim == police.id for f in counted if police.start <= f.start < police.end)
    assert any(police.start <= f.start < police.end for f in counted)


def test_the_notice_says_which_layers_ran():
    assert "attributed claims" in limited_notice("uk")
    assert limited_notice("sr").endswith("people, organisations and claims not analysed")
