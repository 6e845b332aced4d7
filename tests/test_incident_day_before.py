"""A happening told on the day before the story's is a row of its own (session 27,
align/_relative.py).

Shape restated in invented words from real multi-side coverage: reports of a shelling of a city
told, as its cause or background, the barrage on the other country the day before ("the attack
came a day after a barrage on Southland killed 52", "au lendemain de bombardements", "a day earlier").
Most such mentions state no day of their own and inherit the report's, so the barrage and its 52
dead sat in the shelling's row, where its toll met the shelling's. A mention told after such a
phrase, or just before an "earlier" one, whose day (its own, else the inherited one less one)
lies before its row's day leaves the row; every report's mention of that day forms one row. The
rule reads phrases and days, never who tells them."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._relative import split_day_before, told_day_before

DAY = 740000  # the story's day


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _flag(sentence: str, word: str, language: str = "en") -> bool:
    cfg = _cfg()
    k = sentence.index(word)
    return told_day_before(sentence, (k, k + len(word)), language, int(cfg["incident_relative_after_chars"]),
                           int(cfg["incident_relative_before_chars"]))


def test_the_phrases_mark_the_other_day_s_happening_only() -> None:
    s = "The shelling came a day after a barrage on Southland killed 52 people."
    assert _flag(s, "barrage") and _flag(s, "killed")
    assert not _flag(s, "shelling")  # the story's happening, before the phrase
    s = "The raid looked like an answer to a heavy assault on Northland a day earlier."
    assert _flag(s, "assault") and not _flag(s, "raid")
    assert _flag("L'assaut a eu lieu au lendemain de bombardements sur Westmark, qui ont fait 12 morts.",
                 "bombardements", "fr")
    assert _flag("Накануне армия обстреляла город Крайск.", "обстреляла", "ru")
    assert _flag("Напередодні армія обстріляла місто Крайськ.", "обстріляла", "uk")
    # no phrase, or "the day before the attack" (the attack is the later happening)
    assert not _flag("A barrage on Southland killed 52 people.", "barrage")
    assert not _flag("Sirens sounded the day before the attack on Eastport.", "attack")


def test_a_speech_dated_the_day_before_marks_nothing() -> None:
    s = "He had said the day before that six were killed."
    k = s.index("killed")
    assert not told_day_before(s, (k, k + 6), "en", 160, 30, said=[s.index(" the day")])


def _m(doc: str, lemma: str, day: int, firm: bool = True, before: bool = False, span: int = 0,
       typ: str = "ASSAULT") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=typ, sentence="...", span=(span, span + 50),
                           interval=(day, day), date_firm=firm, extra={"published": (DAY, DAY), "day_before": before})


def _story() -> list[MentionFeatures]:
    return [
        _m("a", "shell", DAY), _m("b", "attack", DAY), _m("c", "strike", DAY),
        _m("a", "barrage", DAY, firm=False, before=True, span=100),  # "a day after a barrage"
        _m("a", "kill", DAY, firm=False, before=True, span=100, typ="KILL"),  # "... killed 52"
        _m("b", "strike", DAY - 1, before=True, span=100),  # "the strikes a day earlier" (dated)
        _m("c", "assault", DAY, firm=False, before=True, span=100),
    ]


def test_the_day_before_s_mentions_leave_the_row_as_one_row() -> None:
    feats = _story()
    labels = [0] * len(feats)
    out = split_day_before(feats, _cfg(incident_relative_days=30), labels)
    assert out[0] == out[1] == out[2]  # the story's row keeps its happening
    assert out[3] == out[4] == out[5] == out[6] != out[0]  # every report's barrage: one row


def test_a_toll_alone_or_the_story_s_own_day_stays() -> None:
    feats = _story()
    labels = [0] * len(feats)
    # a toll told the day before with no happening of its sentence leaving ("he said the day
    # before that six were killed"): it stays with the story
    alone = [*feats[:3], _m("a", "kill", DAY, firm=False, before=True, span=200, typ="KILL")]
    assert split_day_before(alone, _cfg(incident_relative_days=30), [0] * 4) == [0] * 4
    # a report published the next day tells the story's happening "a day after": its inherited
    # day less one is the row's day, so it stays
    late = [*feats[:3], _m("d", "shell", DAY + 1, firm=False, before=True, span=300)]
    assert split_day_before(late, _cfg(incident_relative_days=30), [0] * 4) == [0] * 4
    assert split_day_before(feats, _cfg(incident_relative_days=0), labels) == labels
