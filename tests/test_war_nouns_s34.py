"""A noun that names a war or a campaign is the war where no day of its own tells one act
(session 34, align/_eventfeat._war_noun, align/_background.told_to_come, align/_settingrows).

Shapes restated in invented words from real multi-side coverage: one side calls the war "the
aggression on Southland" or "the conflict", another "la guerre" or "война"; with no day of their
own, those nouns took the report's day and joined the strike's row, or formed one-report rows keyed
on the word; a piece published a year on, whose telling of the strike formed a row apart, kept its
war words out of the war's row; a war's place, told in each side's words, was set as a conflict.
Told at a town or against a facility ("the aggression against the Northgate prison"), still to
come ("an impending offensive") or over ("after an offensive"),
the noun names one act or no war going on. The rules read words and places, never who tells them."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._background import told_to_come
from fullpicture.align._eventfeat import _war_noun
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import war_nouns
from fullpicture.align._settingrows import join_setting_rows

DAY = 740000


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _span(sentence: str, word: str) -> tuple[int, int]:
    k = sentence.index(word)
    return k, k + len(word)


def _noun(lemma: str, day: int = DAY, firm: bool = False, **extra: object) -> MentionFeatures:
    return MentionFeatures(doc="a", lemma=lemma, type="ASSAULT", family="ASSAULT", sentence="...",
                           span=(0, 50), interval=(day, day), date_firm=firm,
                           extra={"published": (DAY, DAY), **extra})


def test_war_nouns_are_read_from_the_data_in_each_language() -> None:
    assert {"aggression", "conflict", "conflit", "агрессия", "агресія"} <= war_nouns()
    # words that name one act as often, or a day's clash, are none
    assert not {"operation", "assault", "siege", "fighting", "strike"} & war_nouns()


def test_a_war_noun_with_no_day_of_its_own_is_the_war() -> None:
    f = _noun("aggression")  # "the aggression on Southland", dated by its report
    _war_noun(f, 30)
    assert f.extra.get("lasting_setting")
    g = _noun("conflict", DAY - 400, firm=True)  # "the conflict of two years ago"
    _war_noun(g, 30)
    assert g.extra.get("lasting_setting")


def test_a_war_noun_on_its_own_day_or_at_a_town_is_one_act() -> None:
    for f in (_noun("offensive", DAY - 2, firm=True),  # "the offensive on Tuesday"
              _noun("aggression", towns=(("g1", 1.0, 2.0),)),  # "the aggression on Westville"
              _noun("aggression", facility=frozenset({("prison", "g4")})),  # "... on the Northgate prison"
              _noun("strike")):  # no war noun at all
        _war_noun(f, 30)
        assert not f.extra.get("lasting_setting")


def test_a_war_noun_still_to_come_or_ended_is_no_war_going_on() -> None:
    for s, w, lang in (("Greenfield warned of an impending major offensive on the valley.", "offensive", "en"),
                       ("Le ministre a évoqué l'offensive prévue contre la ville.", "offensive", "fr"),
                       ("Генерал говорил о предстоящем наступлении на город.", "наступлении", "ru"),
                       ("The clinic closed after an offensive by the militia.", "offensive", "en"),
                       ("L'hôpital est vide après une offensive de la milice.", "offensive", "fr")):
        assert told_to_come(s, _span(s, w), lang), s
    for s, w, lang in (("The aggression on Southland goes on.", "aggression", "en"),
                       ("Le conflit entre les deux pays dure.", "conflit", "fr"),
                       ("Агрессия против страны продолжается.", "Агрессия", "ru"),
                       # a call to end it: the war goes on
                       ("They urged an end to the aggression against the valley.", "aggression", "en")):
        assert not told_to_come(s, _span(s, w), lang), s


def _m(doc: str, lemma: str, span: int = 0) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type="ASSAULT", family="ASSAULT", sentence="...",
                           span=(span, span + 50), interval=(DAY, DAY), date_firm=False)


def test_a_war_row_of_a_report_whose_strike_formed_a_row_apart_joins_the_war() -> None:
    # reports a-d tell the strike (row 0) and a, b the war (row 1); report e, a year on, tells
    # the strike in a row of its own (row 2) and the war in another (row 3)
    feats = [*(_m(d, "strike") for d in "abcd"), _m("a", "war", 100), _m("b", "guerre", 100),
             _m("e", "massacre", 200), _m("e", "aggression", 300)]
    feats[7].extra["lasting_setting"] = True
    labels = [0, 0, 0, 0, 1, 1, 2, 3]
    out = join_setting_rows(feats, _cfg(), labels)
    assert out[7] == out[4] == out[5]
    assert out[6] == 2 and out[0] == 0
    # off: only the rows whose reports all tell the story's row join
    assert join_setting_rows(feats, _cfg(incident_setting_story_share=0.0), labels) == labels
    # a report that tells only a war (another story's) stays apart
    feats2 = [*(_m(d, "strike") for d in "abcd"), _m("a", "war", 100), _m("b", "guerre", 100), _m("z", "war", 300)]
    labels2 = [0, 0, 0, 0, 1, 1, 2]
    assert join_setting_rows(feats2, _cfg(), labels2) == labels2
