"""A day or a place told in the words of a happening's cause is the cause's (session 42, mixed).

Shape restated in invented words from real multi-side coverage: reports of a reprisal strike told
it "ordered in response to the attack on <town>, on <day>", so the strike took the earlier
attack's day and town and its reports were filed with the attack's; one report also told the
attack again at the country both were told at, and the same-place union of that report joined the
two rows, which then showed a false toll conflict (the attack's dead against the strike's).
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._causeapart import cause_unit
from fullpicture.align._causewords import borrowed
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._samehappening import _join_same_place
from fullpicture.align._util import UnionFind
from tests.helpers import analyze_text


def _told(text: str, trigger: str) -> tuple[bool, bool]:
    a = analyze_text(text, published="2031-03-06")
    ev = next(e for e in a.events if e.trigger.text == trigger)
    return borrowed(a, ev, a.document.language, "reprisal")


def test_a_day_and_a_town_after_the_phrase_of_cause_are_the_causes() -> None:
    fr = "La milice a incendié le marché en représailles à l'embuscade contre un convoi, le 3 mars 2031, à Westburg."
    assert _told(fr, "incendié") == (True, True)
    assert _told(fr, "embuscade") == (False, False)  # the cause keeps what it is told with
    en = "Militiamen burned the Eastvale market in retaliation for the ambush on a convoy on 3 March 2031 near Westburg."
    day, _ = _told(en, "burned")
    assert day


def test_a_day_told_before_the_phrase_is_the_happenings_own() -> None:
    en = "Militiamen burned the Eastvale market on 5 March 2031, in retaliation for the ambush near Westburg."
    assert _told(en, "burned") == (False, False)
    plain = "Militiamen burned the Eastvale market on 3 March 2031 near Westburg."
    assert _told(plain, "burned") == (False, False)


DAY = 740000  # the attack's day; the reprisal three days later


def _m(lemma: str, sentence: str, word: str, span: tuple[int, int], day: int, cause: bool) -> MentionFeatures:
    at = sentence.index(word)
    return MentionFeatures(doc="d", lemma=lemma, sentence=sentence, trigger=word, type="ASSAULT",
                           family="ASSAULT", span=span, interval=(day, day), date_firm=True,
                           places=frozenset({"eastvale"}),
                           extra={"at": at, "where": frozenset({"eastvale"}),
                                  "cause_unit": cause_unit(sentence, (at, at + len(word)), "en", "reprisal")
                                  if cause else None})


def _joined(reprisal_day: int, **over: object) -> bool:
    """Whether one report's same-place union joins the reprisal's row (0) and the attack's (1)."""
    s1 = "Troops shelled the Eastvale depot in retaliation for the attack on the convoy."
    s2 = "The shelling of Eastvale went on."
    s3 = "The attack on the convoy near Eastvale was the worst in years."
    feats = [_m("shell", s1, "shelled", (0, 80), reprisal_day, False),
             _m("attack", s1, "attack", (0, 80), reprisal_day, True),
             _m("shelling", s2, "shelling", (81, 120), reprisal_day, False),
             _m("attack", s3, "attack", (121, 190), DAY, False),
             _m("attack", s3, "attack", (121, 190), DAY, False)]
    assert feats[1].extra["cause_unit"] is not None
    events = [0, 1, 0, 1, 1]  # the clustering's rows: the shelling's, the attack's
    cfg = {**load_settings().section("align"), **over}
    uf: UnionFind[int] = UnionFind()
    _join_same_place(feats, cfg, events, uf)
    return uf.find(0) == uf.find(1)


def test_one_reports_same_place_union_keeps_a_cause_and_its_later_sequel_apart() -> None:
    assert _joined(DAY + 3, incident_same_place_cause_apart=False)  # one place, days within the slack
    assert not _joined(DAY + 3)


def test_a_reprisal_told_the_same_day_as_its_cause_may_still_join() -> None:
    """Two sides' fire of one day, each told as the answer to the other's, may be one exchange."""
    assert _joined(DAY)


def test_a_response_told_as_a_predicate_noun_opens_a_unit_of_cause() -> None:
    """"The strike became the answer to the attack": Russian and Ukrainian tell the response with
    the instrumental noun, no "в ответ на"."""
    ru = "Удар стал ответом на нападение на пост в Заречье."
    k = ru.index("нападение")
    assert cause_unit(ru, (k, k + 9), "ru", "reprisal") is not None
    assert cause_unit(ru, (0, 4), "ru", "reprisal") is None
    uk = "Удар став відповіддю на напад на блокпост."
    k = uk.index("напад ")
    assert cause_unit(uk, (k, k + 5), "uk", "reprisal") is not None
