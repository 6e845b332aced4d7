"""A happening recalled months later is one row, apart from the story's (session 24,
align/_recalled.py).

Shape restated in invented words from real multi-side coverage: reports of a rescue recalled the
seizure of the captives months before, on its own stated day, each with other words ("seized at a
harvest fair on 3 March", "during the 3 March attack", "the fair"). One report's "taken on
3 March" sat alone in a row, others' recalled attack sat in the rescue's row (stated eight months
before that row's day), and the rest formed a row of the seizure's day: reports of both sides
that told the seizure never met. A mention stating its own day long before its report's
publication, far from its row's day, goes to the row of its day among the story's rows. The rule
reads days and words, never who tells them."""

from __future__ import annotations

from datetime import date

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._recalled import split_recalled

SEIZED = 740000  # the recalled day
RESCUE = SEIZED + 240  # the story's day, eight months later


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _m(doc: str, lemma: str, day: int, firm: bool = True, published: int = RESCUE, typ: str = "ASSAULT",
       **extra: object) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=typ, sentence="...", span=(0, 50),
                           interval=(day, day), date_firm=firm,
                           extra={"published": (published, published), **extra})


def _story() -> list[MentionFeatures]:
    return [
        _m("a", "raid", RESCUE), _m("b", "raid", RESCUE), _m("c", "rescue", RESCUE, typ="AID"),
        _m("a", "attack", SEIZED),  # recalled inside the rescue's row
        _m("b", "abduct", SEIZED, typ="COERCE"), _m("c", "abduct", SEIZED, typ="COERCE"),
        _m("d", "take", SEIZED, typ="COERCE"), _m("d", "raid", RESCUE),
    ]


def test_a_recalled_mention_goes_to_the_row_of_its_day() -> None:
    feats = _story()
    labels = [0, 0, 0, 0, 1, 1, 2, 0]  # the story's row, the seizure's row, one report's seizure
    out = split_recalled(feats, _cfg(incident_recalled_days=60), labels)
    assert out[3] == out[4] == out[5] == out[6]  # the recalled attack and every seizure: one row
    assert out[0] == out[1] == out[2] == out[7] != out[3]  # the rescue keeps its row


def test_off_or_a_near_day_changes_nothing() -> None:
    feats = _story()
    labels = [0, 0, 0, 0, 1, 1, 2, 0]
    assert split_recalled(feats, _cfg(incident_recalled_days=0), labels) == labels
    # the seizure 30 days before the rescue: within the horizon, no recalled happening
    near = [MentionFeatures(**{**f.__dict__, "interval": (RESCUE - 30, RESCUE - 30)})
            if f.interval == (SEIZED, SEIZED) else f for f in feats]
    assert split_recalled(near, _cfg(incident_recalled_days=60), labels) == labels


def test_a_mention_told_at_the_time_is_not_recalled() -> None:
    # a report published the day of the seizure, sitting in the rescue's row by mistake, recalls
    # nothing: it stays
    feats = _story()
    feats[3] = _m("a", "attack", SEIZED, published=SEIZED + 1)
    labels = [0, 0, 0, 0, 1, 1, 2, 0]
    out = split_recalled(feats, _cfg(incident_recalled_days=60), labels)
    assert out[3] == out[0]


def test_an_inherited_day_or_a_span_is_no_recalled_day() -> None:
    feats = _story()
    feats[3] = _m("a", "attack", SEIZED, firm=False)
    labels = [0, 0, 0, 0, 1, 1, 2, 0]
    assert split_recalled(feats, _cfg(incident_recalled_days=60), labels)[3] == 0
    month = MentionFeatures(**{**_story()[3].__dict__, "interval": (SEIZED, SEIZED + 30)})
    feats[3] = month
    assert split_recalled(feats, _cfg(incident_recalled_days=60), labels)[3] == 0


def test_a_setting_or_a_happening_told_apart_stays() -> None:
    feats = _story()
    feats[3] = _m("a", "war", SEIZED)  # the war begun that day lasts: no one-day happening
    labels = [0, 0, 0, 0, 1, 1, 2, 0]
    assert split_recalled(feats, _cfg(incident_recalled_days=60), labels)[3] == 0
    feats[3] = _m("a", "attack", SEIZED, distinct=True)
    assert split_recalled(feats, _cfg(incident_recalled_days=60), labels)[3] == 0


def test_another_storys_row_of_that_day_is_never_joined() -> None:
    # in a pooled comparison, another story's happening on the same day shares no document with
    # this story's rows: the recalled mentions form a row of their own, the other row is left
    feats = _story()[:4] + [_m("x", "flood", SEIZED, typ="DISASTER"), _m("y", "flood", SEIZED, typ="DISASTER")]
    labels = [0, 0, 0, 0, 1, 1]
    out = split_recalled(feats, _cfg(incident_recalled_days=60), labels)
    assert out[3] not in (out[0], out[4])
    assert out[4] == out[5] and out[0] == out[1] == out[2]


def _late(extra_row: bool = False, setting_only: bool = False) -> tuple[list[MentionFeatures], list[int]]:
    """The strike's row told at the time by two reports, a war row of that day, and a reportage
    a year on whose one mention of the strike ("the blast of <day>") sits alone."""
    year = SEIZED + 400
    feats = [_m("a", "strike", SEIZED, published=SEIZED), _m("b", "hit", SEIZED, published=SEIZED + 1),
             _m("a", "war", SEIZED, firm=False, published=SEIZED), _m("b", "war", SEIZED, published=SEIZED + 1),
             _m("r", "explosion", SEIZED, published=year)]
    labels = [0, 0, 1, 1, 2]
    if setting_only:
        feats[:2] = [_m("a", "invasion", SEIZED, published=SEIZED), _m("b", "war", SEIZED, published=SEIZED + 1)]
    if extra_row:  # another happening of that day, told at the time by two other reports
        feats += [_m("x", "shelling", SEIZED, published=SEIZED), _m("y", "shelling", SEIZED, published=SEIZED)]
        labels += [3, 3]
    return feats, labels


def test_a_row_only_a_late_report_tells_joins_the_one_row_of_its_day() -> None:
    feats, labels = _late()
    out = split_recalled(feats, _cfg(incident_recalled_days=60), labels)
    assert out[4] == out[0] == out[1]
    assert out[2] == out[3] != out[0]  # the war told that day is no happening of the day


def test_a_late_row_with_two_rows_of_its_day_or_only_a_war_stays() -> None:
    feats, labels = _late(extra_row=True)
    out = split_recalled(feats, _cfg(incident_recalled_days=60), labels)
    assert out[4] not in (out[0], out[5])
    feats, labels = _late(setting_only=True)
    out = split_recalled(feats, _cfg(incident_recalled_days=60), labels)
    assert out[4] != out[0]


def test_a_late_row_needs_a_report_of_the_time_and_its_type_family() -> None:
    feats, labels = _late()
    late = [MentionFeatures(**{**f.__dict__, "extra": {"published": (SEIZED + 400, SEIZED + 400)}}) for f in feats]
    out = split_recalled(late, _cfg(incident_recalled_days=60), labels)
    assert out[4] != out[0]  # every report a year on: no row of the time to join
    feats[4] = _m("r", "talks", SEIZED, published=SEIZED + 400, typ="CONSULT")
    out = split_recalled(feats, _cfg(incident_recalled_days=60), labels)
    assert out[4] != out[0]


def test_a_wrong_year_under_the_same_words_told_that_day_is_no_recalled_happening() -> None:
    # session 25: a report of the strike published that day carries a photo line "the tower hit
    # by a missile on 3 May" with the year before written by mistake; the line after it takes that
    # year too. Its headline and its later lines tell the strike with the same words on the day.
    # The stray year leaves the report's strike where it is; a report recalling the seizure with
    # other words (the rescue's) still moves it.
    day = RESCUE
    when = date.fromordinal(day)
    stray = when.replace(year=when.year - 1).toordinal()  # the same day of the month, a year before
    feats = [
        _m("p", "strike", day, firm=False, published=day),  # the headline: the publication's day
        _m("p", "hit", stray, published=day), _m("p", "strike", stray, published=day),
        _m("p", "hit", day, firm=False, published=day),  # a later line: the narrative's day
        _m("q", "strike", day, published=day), _m("r", "hit", day, published=day + 1),
        _m("s", "attack", day, published=day),
    ]
    labels = [0] * 7
    out = split_recalled(feats, _cfg(incident_recalled_days=60), labels)
    assert out == [out[0]] * 7
    # the same report with no recent mention of those words: its old day is a recalled one
    feats[0] = _m("p", "rescue", day, firm=False, published=day, typ="AID")
    feats[3] = _m("p", "free", day, firm=False, published=day, typ="AID")
    out = split_recalled(feats, _cfg(incident_recalled_days=60), labels)
    assert out[1] == out[2] != out[0]
    assert out[0] == out[3] == out[4] == out[5] == out[6]
    # the same word for a recent happening of another day (the rescue raid recalling the seizure
    # raid months before) is no wrong year: the old day is recalled
    feats = _story()
    feats[3] = _m("a", "raid", SEIZED)
    out = split_recalled(feats, _cfg(incident_recalled_days=60), [0, 0, 0, 0, 1, 1, 2, 0])
    assert out[3] == out[4] != out[0]


# Session 29: a happening told apart, days from the story's own (invented shape): "A missile hit
# the depot in Lindow on Friday, killing six. Earlier, on Wednesday, a rocket struck a school in
# Lindow. Two people died there." Every report tells the depot on Friday; one also tells the
# Wednesday strike, with its own stated day and a toll that inherits that day, and the pair model
# put both in the Friday row.
FRIDAY = 740100


def _s(doc: str, lemma: str, day: int, start: int, firm: bool = True, typ: str = "ASSAULT") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=typ, sentence="...",
                           span=(start, start + 40), interval=(day, day), date_firm=firm,
                           extra={"published": (FRIDAY + 1, FRIDAY + 1)})


def _apart_story() -> list[MentionFeatures]:
    return [
        _s("a", "hit", FRIDAY, 0), _s("a", "kill", FRIDAY, 0, firm=False),
        _s("b", "strike", FRIDAY, 0), _s("c", "attack", FRIDAY, 0),
        _s("a", "strike", FRIDAY - 2, 50),  # "Earlier, on Wednesday, a rocket struck a school"
        _s("a", "die", FRIDAY - 2, 100, firm=False),  # "Two people died there." (inherits Wednesday)
        _s("a", "die", FRIDAY - 2, 300, firm=False),  # far on in the report: not carried along
    ]


def test_a_happening_told_apart_leaves_the_row_with_its_toll() -> None:
    feats = _apart_story()
    labels = [0] * len(feats)
    out = split_recalled(feats, _cfg(incident_recalled_days=60, incident_apart_days=2, incident_apart_elsewhere=False), labels)
    assert out[4] == out[5] != out[0]  # the Wednesday strike and its dead: a row of their own
    assert out[0] == out[1] == out[2] == out[3] == out[6]  # Friday's row keeps the rest
    # off: nothing moves
    assert split_recalled(feats, _cfg(incident_recalled_days=60, incident_apart_days=0, incident_apart_elsewhere=False), labels) == labels


def test_a_day_told_apart_needs_its_report_to_tell_the_rows_day() -> None:
    feats = _apart_story()
    # a report that tells only the Wednesday day (a day misread, nothing on Friday) is no
    # report telling two happenings: its mention stays
    feats[4] = _s("d", "strike", FRIDAY - 2, 50)
    labels = [0] * len(feats)
    assert split_recalled(feats, _cfg(incident_recalled_days=60, incident_apart_days=2, incident_apart_elsewhere=False), labels)[4] == 0
    # a day next to the row's (a night strike told on either date) stays too
    feats = _apart_story()
    feats[4] = _s("a", "strike", FRIDAY - 1, 50)
    assert split_recalled(feats, _cfg(incident_recalled_days=60, incident_apart_days=2, incident_apart_elsewhere=False), labels)[4] == 0


def test_a_statement_an_inquiry_or_a_later_day_stays() -> None:
    labels = [0] * len(_apart_story())
    cfg = _cfg(incident_recalled_days=60, incident_apart_days=2, incident_apart_elsewhere=False)
    # "The ministry said on Wednesday ...": an act of word is dated by its telling
    feats = _apart_story()
    feats[4] = _s("a", "say", FRIDAY - 2, 50, typ="STATEMENT")
    assert split_recalled(feats, cfg, labels)[4] == 0
    # "a first inquiry, published on Wednesday, found ...": likewise
    feats[4] = _s("a", "inquiry", FRIDAY - 2, 50, typ="INVESTIGATE")
    assert split_recalled(feats, cfg, labels)[4] == 0
    # "the strike on Sunday", two days after the row's day: the row's happening told late, or
    # a follow-up that keeps its row
    feats[4] = _s("a", "strike", FRIDAY + 2, 50)
    assert split_recalled(feats, cfg, labels)[4] == 0


# Session 41: the day before, in another town (invented shape): "Two rockets hit the station in
# Hollin on Friday; dozens died. We recall that on Thursday an airstrike hit the bridge near
# Marrow." Every report tells the station on Friday; one recalls Thursday's strike on another
# town, which the pair model and the same-place union put in Friday's row. A day told apart one
# day before the row's leaves it only when told at a town the row's mentions of its day never
# name (shipped: incident_apart_days = 1, incident_apart_elsewhere = true); a strike told that
# day at the row's own town, at a country, or at no place may be the row's night or a second
# round, and stays.
HOLLIN, MARROW = frozenset({"hollin"}), frozenset({"marrow"})


def _placed(doc: str, lemma: str, day: int, start: int, places: frozenset[str], firm: bool = True,
            country: bool = False) -> MentionFeatures:
    f = _s(doc, lemma, day, start, firm=firm)
    return MentionFeatures(**{**f.__dict__, "places": places,
                              "geo": (50.0, 37.0, "XX", country) if places else None})


def _two_towns(place: frozenset[str], country: bool = False) -> list[MentionFeatures]:
    return [
        _placed("a", "hit", FRIDAY, 0, HOLLIN), _placed("a", "die", FRIDAY, 0, frozenset(), firm=False),
        _placed("b", "strike", FRIDAY, 0, HOLLIN), _placed("c", "attack", FRIDAY, 0, HOLLIN),
        _placed("a", "strike", FRIDAY - 1, 50, place, country=country),  # "on Thursday ... near Marrow"
    ]


def test_the_day_before_in_another_town_leaves_the_row() -> None:
    feats = _two_towns(MARROW)
    labels = [0] * len(feats)
    out = split_recalled(feats, _cfg(), labels)
    assert out[4] != out[0]  # Thursday's strike near Marrow: a row of its own
    assert out[0] == out[1] == out[2] == out[3]  # the station's row keeps the rest
    # the rule switched off: it stays
    assert split_recalled(feats, _cfg(incident_apart_days=0), labels) == labels


def test_the_day_before_at_the_rows_town_a_country_or_no_place_stays() -> None:
    labels = [0] * 5
    for feats in (_two_towns(HOLLIN), _two_towns(MARROW, country=True), _two_towns(frozenset())):
        assert split_recalled(feats, _cfg(), labels) == labels
