"""A happening a later report recalls joins the earlier happening's row (session 34,
align/_recallmark.py).

Shapes restated in invented words from real multi-side coverage: pieces about a second raid on a
depot in Marlow weeks after the first recalled the first in a clause ("earlier this month, two
guards died when the depot was shelled", "le dépôt a déjà été bombardé", "on the 4th, the
ministry had accused the rebels of raids on the Marlow depot"); a follow-up on an inquiry told
the first strike with a word of recall ("a raid on the Kelby ferry last month"), another "after
the massacre of the Kelby ferry". Those
mentions sat in the later happening's row (same place, same verbs), so every pair between the
first reports and the recalls was lost. Guards: a word of recall with a break word between ("but
has previously praised such raids"), a recalled happening with no row of its day, a named one
with no row of its name, a word of recall for a row months before, "after the raid" with no name,
the rule off.
"""

from __future__ import annotations

import pytest

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._recallmark import join_recalled_earlier, recall_marker

FIRST = 740000  # the first raid's day
SECOND = FIRST + 20  # the second raid, three weeks on


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _m(doc: str, lemma: str, day: int, firm: bool = True, published: int = SECOND, typ: str = "ASSAULT",
       span: tuple[int, int] = (0, 50), **extra: object) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=typ, family=typ, sentence="...", span=span,
                           interval=(day, day), date_firm=firm,
                           extra={"published": (published, published), "by_report": not firm, **extra})


def _story(recall: MentionFeatures) -> tuple[list[MentionFeatures], list[int]]:
    feats = [
        _m("a", "raid", FIRST, published=FIRST), _m("b", "strike", FIRST, published=FIRST),
        _m("c", "attack", FIRST),  # one later report's recall already in the first row
        _m("c", "raid", SECOND), _m("d", "strike", SECOND), _m("c", "kill", SECOND),
        recall,
    ]
    return feats, [0, 0, 0, 1, 1, 1, 1]  # the first raid's row; the second's, holding the recall


def _at(sentence: str, word: str) -> tuple[int, int]:
    start = sentence.index(word)
    return start, start + len(word)


@pytest.mark.parametrize(("language", "sentence", "word", "kind"), [
    ("en", "Earlier this month, two guards died when the Marlow depot was shelled.", "died", "recall"),
    ("en", "A raid on the Kelby ferry last month that killed nine people is under review.", "killed", "recall"),
    ("en", "The depot had already been hit by drones.", "hit", "already"),
    ("en", "The new massacre came after the massacre of the Kelby ferry.", "massacre of", "already"),
    ("fr", "Le dépôt de Marlow a été bombardé le mois dernier.", "bombardé", "recall"),
    ("fr", "Le dépôt de Marlow a déjà été bombardé.", "bombardé", "already"),
    ("fr", "Depuis ce bombardement, les gardes ont quitté le dépôt.", "bombardement", "already"),
    ("ru", "Ранее склад уже был атакован беспилотниками.", "атакован", "recall"),
    ("uk", "Минулого місяця склад було атаковано.", "атаковано", "recall"),
])
def test_a_word_of_recall_near_the_trigger(language: str, sentence: str, word: str, kind: str) -> None:
    assert recall_marker(sentence, _at(sentence, word), language, 60) == kind


@pytest.mark.parametrize(("language", "sentence", "word"), [
    ("en", "Officials deny mounting raids abroad but have previously praised such attacks.", "raids"),
    ("en", "Two guards at the depot were killed by a drone on Monday.", "killed"),
    ("fr", "Deux gardes ont été tués lundi et le dépôt a été évacué.", "tués"),
])
def test_no_word_of_recall(language: str, sentence: str, word: str) -> None:
    assert recall_marker(sentence, _at(sentence, word), language, 60) == ""


def test_a_recalled_mention_joins_the_earlier_row() -> None:
    cfg = _cfg()
    # a word of recall, its day inherited from the report
    feats, labels = _story(_m("d", "kill", SECOND, firm=False, recall_marker="recall"))
    assert join_recalled_earlier(feats, cfg, labels)[6] == 0
    # its own stated day, the first raid's
    feats, labels = _story(_m("d", "raid", FIRST))
    assert join_recalled_earlier(feats, cfg, labels)[6] == 0
    # a day inherited from an earlier sentence that stated the first raid's day
    feats, labels = _story(_m("d", "raid", FIRST, firm=False, by_report=False))
    assert join_recalled_earlier(feats, cfg, labels)[6] == 0


def test_a_later_report_naming_the_earlier_place_joins_it() -> None:
    cfg = _cfg()
    marlow = frozenset({"marlow"})
    region = frozenset({"westshire"})

    def story(second_at: frozenset[str]) -> tuple[list[MentionFeatures], list[int]]:
        feats, labels = _story(_m("e", "blast", SECOND, firm=False, names=marlow))
        feats[0] = _m("a", "raid", FIRST, published=FIRST, names=marlow)
        feats[3] = _m("c", "raid", SECOND, names=second_at)
        return feats, labels

    # the later row's firm happening is told at the region (an admission of strikes there)
    feats, labels = story(region)
    assert join_recalled_earlier(feats, cfg, labels)[6] == 0
    # a second raid told at the depot itself with its own day: the report's blast is that raid
    feats, labels = story(marlow)
    assert join_recalled_earlier(feats, cfg, labels)[6] == 1


def test_the_rest_of_a_sentence_a_word_of_recall_opens_follows() -> None:
    feats, labels = _story(_m("d", "kill", SECOND, firm=False, recall_marker="recall", span=(100, 180)))
    feats.append(_m("d", "attack", SECOND, firm=False, span=(100, 180)))
    labels.append(1)
    out = join_recalled_earlier(feats, _cfg(), labels)
    assert out[6] == out[7] == 0
    assert out[3] == out[4] == out[5] == 1  # the second raid keeps its row


def test_guards() -> None:
    cfg = _cfg()
    # off
    feats, labels = _story(_m("d", "raid", FIRST))
    assert join_recalled_earlier(feats, _cfg(incident_recall_gap_days=0), labels) == labels
    # no row of its day
    feats, labels = _story(_m("d", "raid", FIRST - 9))
    assert join_recalled_earlier(feats, cfg, labels)[6] == 1
    # a named happening with no row of its name
    feats, labels = _story(_m("d", "raid", FIRST, names=frozenset({"kelby"})))
    assert join_recalled_earlier(feats, cfg, labels)[6] == 1
    # "after the raid" (read as "already") with no name: stays
    feats, labels = _story(_m("d", "raid", SECOND, firm=False, recall_marker="already"))
    assert join_recalled_earlier(feats, cfg, labels)[6] == 1
    # a word of recall for a row months before its report
    far = [MentionFeatures(**{**f.__dict__, "interval": (FIRST - 90, FIRST - 90),
                              "extra": {**f.extra, "published": (FIRST - 90, FIRST - 90)}})
           if i < 3 else f for i, f in enumerate(_story(_m("d", "kill", SECOND, firm=False,
                                                             recall_marker="recall"))[0])]
    assert join_recalled_earlier(far, cfg, [0, 0, 0, 1, 1, 1, 1])[6] == 1
    # the rows share no document: two stories
    feats, labels = _story(_m("e", "raid", FIRST))
    feats[2:6] = [_m("a", "attack", FIRST), _m("e", "raid", SECOND), _m("f", "strike", SECOND),
                  _m("f", "kill", SECOND)]
    assert join_recalled_earlier(feats, cfg, labels)[6] == 1
    assert int(load_settings().section("align")["incident_recall_gap_days"]) > 0
