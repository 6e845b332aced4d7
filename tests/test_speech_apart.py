"""Calls and pledges that several reports of a violent happening share part by report.

Invented shape: two reports of one shelling of Eastvale each tell a call by a different party
("the Nordic council urged calm", "Westland's envoy urged restraint") in a sentence of its own;
merged by their word they made a row that tells no happening. Each report's call now stays with
its report. Two outlets' reports of a vote that share an appeal (no violence told) keep their row,
and so does a threat told in the sentence of the act.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._speechrows import split_speech_rows

DAY = 739000


def _mention(doc: str, lemma: str, kind: str, at: int) -> MentionFeatures:
    sentence = f"In Eastvale someone did {lemma} on the day."
    return MentionFeatures(doc=doc, lemma=lemma, trigger=lemma, type=kind, interval=(DAY, DAY),
                           sentence=sentence, span=(at, at + len(sentence)), date_firm=False,
                           places=frozenset({"eastvale"}), extra={"at": 24})


def _cfg(min_docs: int = 2) -> dict:
    return {**load_settings().section("align"), "incident_speech_row_min_docs": min_docs,
            "incident_speech_row_story_docs": 2}


def test_shared_calls_of_a_violent_story_part_by_report() -> None:
    feats = [_mention("a", "shell", "ASSAULT", 0), _mention("a", "urge", "REQUEST", 100),
             _mention("b", "shell", "ASSAULT", 0), _mention("b", "warn", "THREATEN", 100),
             _mention("b", "urge", "REQUEST", 200)]
    labels = [0, 1, 0, 1, 1]
    out = split_speech_rows(feats, _cfg(), labels)
    assert out[0] == out[2] == 0  # the shelling's row is untouched
    assert out[1] != out[3] and out[1] not in (0, 1) and out[3] not in (0, 1)
    assert out[3] == out[4]  # one report's words stay together
    assert split_speech_rows(feats, _cfg(0), labels) == labels  # switched off


def test_a_row_with_a_happening_or_of_a_political_story_stays() -> None:
    # the row holds a movement of people besides the call: not only words
    feats = [_mention("a", "shell", "ASSAULT", 0), _mention("a", "urge", "REQUEST", 100),
             _mention("b", "shell", "ASSAULT", 0), _mention("b", "leave", "DISPLACE", 100)]
    assert split_speech_rows(feats, _cfg(), [0, 1, 0, 1]) == [0, 1, 0, 1]
    # two outlets' vote with an appeal each: no violent row, the appeal row is aligned as it stands
    feats = [_mention("c", "vote", "ELECTION", 0), _mention("c", "urge", "REQUEST", 100),
             _mention("d", "vote", "ELECTION", 0), _mention("d", "urge", "REQUEST", 100)]
    assert split_speech_rows(feats, _cfg(), [0, 1, 0, 1]) == [0, 1, 0, 1]


def test_a_report_that_tells_no_violent_row_keeps_the_row_whole() -> None:
    feats = [_mention("a", "shell", "ASSAULT", 0), _mention("a", "urge", "REQUEST", 100),
             _mention("b", "shell", "ASSAULT", 0), _mention("b", "urge", "REQUEST", 100),
             _mention("c", "urge", "REQUEST", 100)]
    assert split_speech_rows(feats, _cfg(), [0, 1, 0, 1, 1]) == [0, 1, 0, 1, 1]


def test_a_word_told_in_the_sentence_of_the_act_keeps_its_row() -> None:
    # "the gang shelled the mill after threatening to" in one sentence: one speaker's threat, part
    # of the story, told by both reports
    feats = [_mention("a", "shell", "ASSAULT", 0), _mention("a", "threaten", "THREATEN", 100),
             _mention("b", "shell", "ASSAULT", 0), _mention("b", "threaten", "THREATEN", 100)]
    feats[1].span = feats[0].span
    cfg = {**_cfg(), "incident_speech_row_own_sentence": True}
    assert split_speech_rows(feats, cfg, [0, 1, 0, 1]) == [0, 1, 0, 1]
    # told in a sentence of its own in each report, the row parts
    feats[1].span = (100, 140)
    out = split_speech_rows(feats, cfg, [0, 1, 0, 1])
    assert out[1] != out[3] and out[1] not in (0, 1) and out[0] == out[2] == 0
