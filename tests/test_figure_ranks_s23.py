"""Who a count counts and who speaks for a state (session 23, second piece): invented texts.

A side's count of the commanders its strike killed is the ranked among the dead, not a toll to
set against the other side's count of people; a war spreads over both states' land and tells no
place to contest; a speaker named by a nation's people ("Palestinians say", "по сообщениям
палестинцев") speaks for that state. Towns and numbers are made up.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._agents import people_state
from fullpicture.align._figurevalues import comparable, population


def _populations(text: str) -> list[str]:
    a = analyze(text)
    return [population(a, f) for f in a.figures]


def test_a_count_of_commanders_is_the_ranked_among_the_dead():
    assert _populations("The army said three field commanders died in the strike on Zorvik.") == ["commanders"]
    assert _populations("The army said it had killed two senior militants in Zorvik.") == ["commanders"]
    assert _populations("L'armée a affirmé avoir tué deux chefs militaires lors du bombardement de Zorvik.") == [
        "commanders"]
    assert _populations("The strike killed 40 civilians in Zorvik.") == ["civilians"]
    assert not comparable("commanders", "people") and comparable("commanders", "commanders")


def test_a_speaker_named_by_a_nations_people_speaks_for_its_state():
    assert people_state("Palestinians", "en") == "PS" and people_state("палестинцев", "ru") == "PS"
    assert people_state("Officials", "en") is None
    assert people_state("a group of Palestinians in the camp", "en") is None  # no speaker of three words
