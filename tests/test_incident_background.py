"""The story's background goes to the war's row, never the story's (session 28,
align/_background.py, align/_settingrows.py).

Shapes restated in invented words from real multi-side coverage: reports of one strike told the
war it belongs to and the place's past in passing ("the mill has been hit again and again since the
feud began", "touché à maintes reprises", "a ten-month offensive", "the militia lobs shells
on the farms nearly every night"). Those happenings took the report's day and place and joined
the strike's row (their agents and figures set against the strike's), while the war's own words
were scattered: a war told with the day it began, long before the strike ("since the war between
Northland and Southland broke out in May of last year"), was taken for another war, recalled. The
rules read phrases, never who tells them: each side's word for the war and its habits alike."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._background import (
    join_background,
    told_as_period,
    told_begun,
    told_lasting,
    told_lasting_setting,
)
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._settingrows import join_setting_rows


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _span(sentence: str, word: str) -> tuple[int, int]:
    k = sentence.index(word)
    return k, k + len(word)


def _chars() -> int:
    return int(_cfg()["incident_background_chars"])


def _lasting(sentence: str, word: str, language: str = "en") -> bool:
    return told_lasting(sentence, _span(sentence, word), language, _chars())


def test_a_lasting_frame_marks_the_happening() -> None:
    assert _lasting("The clinic in Eastvale has been shelled repeatedly.", "shelled")
    assert _lasting("Eastfield lobs shells on the orchards of the plain nearly every night.", "lobs")
    assert _lasting("Le moulin a été frappé à plusieurs reprises par la grêle.", "frappé", "fr")
    assert _lasting("Армия неоднократно обстреливала этот район.", "обстреливала", "ru")
    assert _lasting("Ворог неодноразово обстрілював це місто.", "обстрілював", "uk")
    assert _lasting("The mill saw sieges throughout 30 years of feud.", "sieges")
    assert _lasting("Отряд постоянно обстреливает этот холм.", "обстреливает", "ru")
    # the frame of a count, of a ranking, or of another happening told between
    assert not _lasting("Число пасажирів потяга постійно росте.", "потяга", "uk")
    assert not _lasting("It was the worst flood of the river for years.", "flood")
    s = "The two clubs have repeatedly blamed each other for breaking the pact."
    k = s.index("breaking")
    assert not told_lasting(s, (k, k + 8), "en", _chars(), [s.index("blamed")])
    # the story's own strike, and a frame of another clause
    assert not _lasting("A missile struck the clinic in Eastvale on Tuesday, killing four.", "struck")
    assert not _lasting("The town was hit repeatedly last year; on Tuesday a missile struck the clinic.", "struck")
    assert not _lasting("A missile struck the clinic, which had been hit repeatedly before.", "struck")


def test_the_period_and_the_start_of_the_war() -> None:
    s = "Ten medics have been killed since the start of the occupation of the valley."
    assert told_as_period(s, _span(s, "occupation"), "en", _chars())
    s = "Десять медиков погибли с начала операции в долине."
    assert told_as_period(s, _span(s, "операции"), "ru", _chars())
    s = "Dix soignants ont été tués depuis le début de l'offensive dans la vallée."
    assert told_as_period(s, _span(s, "offensive"), "fr", _chars())
    s = "Ten medics have been killed since the war between Northland and Southland broke out in May."
    assert told_begun(s, _span(s, "war"), "en", _chars())
    s = "Dix soignants ont péri depuis le début de la guerre en mai."
    assert told_begun(s, _span(s, "guerre"), "fr", _chars())
    # the strike of the story is no period, and a war told with no start has no start
    s = "The strike on the clinic killed four, the deadliest since the start of the year."
    assert not told_as_period(s, _span(s, "strike"), "en", _chars())
    s = "The war in the valley has driven thousands from their homes."
    assert not told_begun(s, _span(s, "war"), "en", _chars())


def test_a_happening_measured_in_months_lasts() -> None:
    s = "The ten-month offensive has left the valley in ruins."
    assert told_lasting_setting(s, _span(s, "offensive"), "en")
    s = "Une offensive de dix mois a ravagé la vallée."
    assert told_lasting_setting(s, _span(s, "offensive"), "fr")
    # an age is no duration
    s = "A 13-year-old was killed in the strike."
    assert not told_lasting_setting(s, _span(s, "killed"), "en")


def _m(doc: str, lemma: str, span: int = 0, **flags: bool) -> MentionFeatures:
    typ = "KILL" if lemma == "kill" else "ASSAULT"
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=typ, sentence="...", span=(span, span + 50),
                           interval=(740000, 740000), extra=dict(flags))


def test_background_leaves_the_story_s_row() -> None:
    feats = [
        _m("a", "strike"), _m("b", "strike"), _m("c", "strike"),
        _m("a", "shell", span=100, lasting=True),  # "the clinic has been shelled repeatedly"
        _m("a", "kill", span=100),  # ... "killing dozens over the months": its sentence's toll
        _m("b", "war"), _m("c", "war"),  # the war's row
        # the war named inside the strike's row ("a strike in the war"): the war's row too (session
        # 30: a war word absorbed into the story's row was the held-out set's commonest miss)
        _m("c", "war", span=200),
        _m("a", "offensive", span=300, lasting_setting=True),  # "the ten-month offensive": report a tells the war
        _m("d", "strike"), _m("d", "fire", span=100, lasting=True),  # a report that tells no war
        _m("e", "strike"), _m("e", "fire", span=100, lasting=True),  # ... another one, of another side
    ]
    labels = [0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0]
    out = join_background(feats, _cfg(incident_background_join=True), labels)
    assert out[0] == out[1] == out[2] == out[9] == out[11] == 0  # the strike keeps its row
    assert out[3] == out[4] == out[8] == out[5] == out[7] == 1  # the background: the war's row
    # a report that tells no war keeps its habits to itself: two sides' "they fire at us every
    # night" are two happenings
    assert out[10] not in (0, 1) and out[12] not in (0, 1) and out[10] != out[12]
    assert join_background(feats, _cfg(incident_background_join=False), labels) == labels


def test_lasting_happenings_form_one_war_row_when_none_exists() -> None:
    feats = [_m("a", "strike"), _m("b", "strike"), _m("a", "offensive", span=100, lasting_setting=True),
             _m("b", "campaign", span=100, lasting_setting=True)]
    out = join_background(feats, _cfg(incident_background_join=True), [0, 0, 0, 0])
    assert out[0] == out[1] == 0 and out[2] == out[3] != 0


def test_a_frame_on_a_stated_day_is_the_story_s() -> None:
    # "the army bombed the district several times on 3 May": the story's strike, several blasts
    feats = [_m("a", "strike"), _m("b", "bomb", span=100, lasting=True, stated_day=True)]
    assert join_background(feats, _cfg(incident_background_join=True), [0, 0]) == [0, 0]


def test_a_row_of_background_only_stays() -> None:
    feats = [_m("a", "fire", lasting=True), _m("b", "shell", lasting=True)]
    assert join_background(feats, _cfg(incident_background_join=True), [0, 0]) == [0, 0]


def test_a_war_told_with_the_day_it_began_is_the_story_s_war() -> None:
    def war(doc: str, day: int, firm: bool, begun: bool = False) -> MentionFeatures:
        return MentionFeatures(doc=doc, lemma="war", type="ASSAULT", family="ASSAULT", sentence="...",
                               span=(100, 150), interval=(day, day), date_firm=firm, extra={"begun": begun})

    story = [_m(d, "strike") for d in "abc"]
    today = 740000
    feats = [*story, war("a", today, False), war("b", today, False), war("c", today - 600, True, begun=True)]
    labels = [0, 0, 0, 1, 1, 2]
    out = join_setting_rows(feats, _cfg(), labels)
    assert out[5] == out[3] == out[4]
    # a war told on a day long before, with no start told, is another war, recalled
    feats[5] = war("c", today - 600, True)
    assert join_setting_rows(feats, _cfg(), labels)[5] != out[3]


# Session 30: a war or campaign told as background, whatever its word, is one row of the war.
# Shapes restated in invented words: "since the feud's assault on the valley began" told beside a
# toll, "the ongoing offensive", "Northland launched an air campaign against Southland ten days
# ago", "a strike that took place during the recent aggression against the valley", "reporters
# wounded throughout the fighting": each report's own word for the war formed a row of its
# own (keyed on its word, its start date or the strike's day) or joined the strike's row.


def test_a_happening_told_as_the_start_of_a_period_is_the_war() -> None:
    from fullpicture.align._background import told_war_start

    chars = int(_cfg()["incident_background_start_chars"])
    s = "Ninety medics have been killed since the feud's assault on the valley began in May."
    assert told_war_start(s, _span(s, "assault"), "en", chars)
    s = "Ninety medics have been killed since the start of the siege of Eastvale."
    assert told_war_start(s, _span(s, "siege"), "en", chars)
    s = "Quatre-vingt-dix soignants ont péri depuis que l'offensive a commencé."
    assert told_war_start(s, _span(s, "offensive"), "fr", chars)
    s = "Девяносто медиков погибли с тех пор как началась операция в долине."
    assert told_war_start(s, _span(s, "операция"), "ru", chars)
    # a plain act between "since" and "began" is no period's start
    s = "Since Monday the militia struck the farms and began to advance."
    assert not told_war_start(s, _span(s, "struck"), "en", chars, kind=False)
    s = "The strike on the clinic killed four, the deadliest since the start of the year."
    assert not told_war_start(s, _span(s, "strike"), "en", chars)


def test_a_lasting_kind_told_going_on_started_or_as_a_span_is_the_war() -> None:
    from fullpicture.align._background import told_during, told_launched, told_ongoing

    s = "Reporters covering the ongoing offensive in the valley were warned."
    assert told_ongoing(s, _span(s, "offensive"), "en")
    s = "Les reporters qui couvrent la guerre en cours dans la vallée."
    assert told_ongoing(s, _span(s, "guerre"), "fr")
    s = "Ten days ago, Northland launched an air campaign against Southland."
    assert told_launched(s, _span(s, "campaign"), "en")
    s = "Нордландия начала операцию против Саутландии десять дней назад."
    assert told_launched(s, _span(s, "операцию"), "ru")
    s = "The strike on the mill took place during the recent aggression against the valley."
    assert told_during(s, _span(s, "aggression"), "en")
    # the story's strike itself, and a strike told plainly
    s = "The ongoing investigation into the strike on the mill has found nothing."
    assert not told_ongoing(s, _span(s, "strike"), "en")
    s = "The offensive on the ridge began at dawn; a drone struck the mill."
    assert not told_launched(s, _span(s, "offensive"), "en")


def test_the_kind_decides_what_a_span_makes_the_war() -> None:
    from fullpicture.align._eventfeat import _background_flags

    chars, start = _chars(), int(_cfg()["incident_background_start_chars"])

    def setting(s: str, word: str, lemma: str) -> bool:
        return _background_flags(s, _span(s, word), "en", chars, (), lemma, start)["lasting_setting"]

    assert setting("Two guards died during the long offensive in the hills.", "offensive", "offensive")
    # an operation or an assault names one act as often as the whole: "during" leaves it the act
    assert not setting("Two guards died during the operation in the camp.", "operation", "operation")
    assert not setting("Two guards died during the raid on the camp.", "raid", "raid")
    # a happening framed by the war itself is the war's
    assert setting("Dozens of nurses were killed throughout the war.", "killed", "kill")
    assert not setting("Two reporters were killed in the strike on Tuesday.", "killed", "kill")


def test_habits_told_by_frequency_words_last() -> None:
    assert _lasting("Since then the militia has frequently targeted reporters in the valley.", "targeted")
    assert _lasting("La milice a systématiquement visé les reporters.", "visé", "fr")
    assert _lasting("Ополченцы систематически обстреливают этот холм.", "обстреливают", "ru")


def test_the_war_s_words_from_a_report_that_shares_no_row_join_the_war() -> None:
    # reports a, b, c, d tell the strike; b and c tell "the war" in a row of their own; d tells
    # "Northland launched an air campaign ten days ago" in a row with another strike of its own
    feats = [*(_m(d, "strike") for d in "abcd"), _m("b", "war", span=100), _m("c", "war", span=100),
             _m("d", "strike", span=200), _m("d", "campaign", span=300, lasting_setting=True)]
    labels = [0, 0, 0, 0, 1, 1, 2, 2]
    out = join_background(feats, _cfg(incident_background_join=True), labels)
    assert out[7] == out[4] == out[5]
    assert out[6] != out[4]  # its other strike stays out of the war's row
    assert out[0] == out[1] == out[2] == out[3] != out[4]


def test_a_campaign_told_with_a_start_long_before_its_report_is_the_war() -> None:
    from fullpicture.align._eventfeat import _begun_long_ago

    def offensive(day: int, begun: bool = True, lemma: str = "offensive") -> MentionFeatures:
        return MentionFeatures(doc="a", lemma=lemma, type="ASSAULT", family="ASSAULT", sentence="...",
                               span=(0, 50), interval=(day, day), date_firm=True,
                               extra={"begun": begun, "published": (740100, 740100)})

    f = offensive(740000)  # "the offensive, which began on 3 March", told in June
    _begun_long_ago(f, 30)
    assert f.extra.get("lasting_setting")
    for g in (offensive(740095), offensive(740000, begun=False), offensive(740000, lemma="raid")):
        _begun_long_ago(g, 30)  # begun days ago, told with no start, or an act's word
        assert not g.extra.get("lasting_setting")


def test_a_war_word_with_no_row_of_the_war_stays() -> None:
    # a speaker calling the raid a pretext, a year into the invasion, in the one report that
    # names the war: with no row of the war to go to, the word is no row of its own
    feats = [_m("a", "strike"), _m("b", "strike"), _m("a", "war", span=100)]
    assert join_background(feats, _cfg(incident_background_join=True), [0, 0, 0]) == [0, 0, 0]
