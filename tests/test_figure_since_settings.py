"""The number of days that makes a "since" toll a running total is read from the settings the
caller passes (``[align] figure_total_since_days``), not from the shipped file: a user's settings
file moves it. Invented town and numbers."""

from __future__ import annotations

from pathlib import Path

from fullpicture import analyze_document, load_settings
from fullpicture.align._figureitems import incident_figures_for
from fullpicture.align._figurevalues import population
from fullpicture.align._rowmembers import Member
from fullpicture.models import Analysis

# a toll counted since a day 78 days before the report
TEXT = "Some 9,120 people have been killed in the province of Zorvik since 3 June, the ministry said."


def _analysis() -> Analysis:
    from fullpicture.ingest import Document
    from fullpicture.ingest._document import content_id
    from fullpicture.models import DocumentInfo, Zone

    info = DocumentInfo(id=content_id(TEXT), source="<test>", published="2024-08-20", format="text", language="en")
    return analyze_document(Document(text=TEXT, info=info, zones=(Zone(kind="body", start=0, end=len(TEXT)),)),
                            load_settings())


def _user_align(tmp_path: Path, days: int) -> dict:
    user = tmp_path / f"since{days}.toml"
    user.write_text(f"[align]\nfigure_total_since_days = {days}\n", encoding="utf-8")
    return load_settings(user).section("align")


def test_a_settings_file_moves_the_days_that_make_a_since_toll_a_running_total(tmp_path: Path):
    a = _analysis()
    toll = next(f for f in a.figures if f.value == 9120)
    assert population(a, toll) == "total"  # the shipped days: 78 days before the report is long before
    assert population(a, toll, load_settings().section("align")) == "total"
    assert population(a, toll, _user_align(tmp_path, 100)) == "people"  # a start within 100 days
    assert population(a, toll, _user_align(tmp_path, 0)) == "people"  # 0: the rule is off
    assert population(a, toll, _user_align(tmp_path, 60)) == "total"


def test_the_incidents_figures_read_the_settings_they_are_given(tmp_path: Path):
    a = _analysis()
    ev = next(e for e in a.events if any(f.value == 9120 for f in a.figures if f.event == e.id or f.id in e.figures))
    members = [Member(side="Eastland", analysis=a, event=ev)]

    def pops(cfg: dict) -> set[str | None]:
        return {cv.population for per in incident_figures_for(members, cfg, None).values()
                for items in per.values() for _, cv in items}

    assert pops(load_settings().section("align")) == {"total"}
    assert pops(_user_align(tmp_path, 100)) == {"people"}


def test_the_period_rule_and_the_running_total_rule_read_one_list_of_since_words():
    from fullpicture.align._relative import _period, since_words, told_to_date
    from fullpicture.align._sincetotal import _since_words

    for lang, words in since_words().items():
        assert words, lang
        for w in words:  # each opener opens both a period phrase and a running total's date
            assert _since_words()[lang].search(f"{w} "), (lang, w)
    assert all("{since}" not in p.pattern for lang in since_words() for p in _period(lang)[0])
    # "загинули 12 осіб від 3 червня" (invented): the second Ukrainian opener reaches the period rule too
    sentence = "Загинули 12 осіб від 3 червня."
    assert told_to_date(sentence, (0, 8), "uk", 60, 60)
