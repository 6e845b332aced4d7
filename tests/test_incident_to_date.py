"""The war's toll to date goes to the war's row, not to the story's (session 27,
align/_settingrows.join_to_date, align/_relative.told_to_date).

Shape restated in invented words from real multi-side coverage: reports of one strike in a long
war told the war's toll to date ("more than 9,000 have been killed in raids since 3 June", "since
the fighting began", "depuis le déclenchement du conflit"). Some of those sentences sat in the
strike's row (the toll of the whole war set against the strike's), some in the row of the war's
first day (the date of "since 3 June"), some in the war's row: reports that told the same
war-to-date toll rarely shared a row, and the toll of the first day met the war's. A toll or a
happening told next to a period phrase goes to the story's row of the war. The rule reads phrases,
never who tells them."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._relative import told_to_date
from fullpicture.align._settingrows import join_to_date


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _flag(sentence: str, word: str, language: str = "en") -> bool:
    cfg = _cfg()
    k = sentence.index(word)
    return told_to_date(sentence, (k, k + len(word)), language, int(cfg["incident_to_date_before_chars"]),
                        int(cfg["incident_to_date_after_chars"]))


def test_the_period_phrases_mark_the_toll_to_date() -> None:
    assert _flag("More than 9,000 people have been killed in raids since 3 June.", "killed")
    assert _flag("Officials say 9,400 have been killed in the province since the fighting began.", "killed")
    assert _flag("Le bilan compte 9000 morts dans la province depuis le lancement de l'offensive.", "morts", "fr")
    assert _flag("С начала войны в провинции погибли более 9000 человек.", "погибли", "ru")
    assert _flag("З початку війни в області загинули понад 9000 людей.", "загинули", "uk")
    # the story's strike, ranked over the period, stays the story's
    assert not _flag("It was the deadliest strike since the war began in June.", "strike")
    assert not _flag("The strike on Eastvale killed 12 people on Sunday.", "killed")
    assert not _flag("It was the first strike on the capital since March, killing two.", "strike")
    # "so far" tells the story's own running toll as often as the war's; a phrase ended by the
    # clause before the trigger
    assert not _flag("So far, 50 people have been reported injured in the strike.", "injured")
    assert not _flag("Since the war began in June: the army struck Eastvale, killing 12.", "killing")


def _m(doc: str, lemma: str, typ: str = "ASSAULT", to_date: bool = False) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=typ, sentence="...", span=(0, 50),
                           interval=(740000, 740000), extra={"to_date": to_date})


def test_the_toll_to_date_joins_the_war_s_row() -> None:
    feats = [
        _m("a", "strike"), _m("b", "strike"), _m("c", "airstrike"),
        _m("a", "kill", "KILL", to_date=True),  # "9,000 killed since 3 June" in the strike's row
        _m("b", "war"), _m("c", "war"),  # the war's row
        _m("c", "die", "KILL", to_date=True), _m("c", "raid"),  # "died in raids since 3 June": the first day's row
        _m("c", "attack", to_date=True),  # a happening told so stays: it would bring its agent
    ]
    labels = [0, 0, 0, 0, 1, 1, 2, 2, 2]
    out = join_to_date(feats, _cfg(incident_to_date_join=True), labels)
    assert out[0] == out[1] == out[2] == 0  # the strike keeps its row
    assert out[3] == out[6] == out[4] == out[5] == 1  # the tolls to date: the war's row
    assert out[7] == out[8] == 2
    assert join_to_date(feats, _cfg(incident_to_date_join=False), labels) == labels


def test_no_war_row_no_move() -> None:
    feats = [_m("a", "strike"), _m("b", "strike"), _m("a", "kill", "KILL", to_date=True)]
    assert join_to_date(feats, _cfg(incident_to_date_join=True), [0, 0, 0]) == [0, 0, 0]
    # a war's row of another story (no document shared) is no home
    feats += [_m("z", "war")]
    assert join_to_date(feats, _cfg(incident_to_date_join=True), [0, 0, 0, 1]) == [0, 0, 0, 1]
