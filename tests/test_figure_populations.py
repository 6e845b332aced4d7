"""Who a figure counts: a facility's staff and the people held in it are two counts, and a
count added to one told before is no value of the toll (shapes seen on real coverage of a
strike on a prison, restated in invented words)."""

from __future__ import annotations

from fullpicture.align._figurevalues import comparable, population
from tests.helpers import analyze_text


def _populations(text: str) -> list[tuple[str, str | None, str]]:
    a = analyze_text(text, published="2022-07-29")
    return [(f.text, f.counts, population(a, f)) for f in a.figures]


def test_staff_and_prisoners_are_two_counts() -> None:
    found = _populations("The blast injured 75 prisoners at the Westfield jail. "
                         "Nine guards were hurt as well, the warden said.")
    pops = {text: pop for text, _, pop in found}
    assert pops["75"] == "prisoners" and pops["Nine"] == "staff"
    assert not comparable("prisoners", "staff")
    assert comparable("prisoners", "people")
    assert not comparable("staff", "people")  # the guards hurt are not the strike's toll


def test_a_count_added_to_an_earlier_one_is_a_part() -> None:
    found = _populations("The shelling killed 40 people and injured 70. Six employees of the depot "
                         "were also injured. Two more people died in hospital on Sunday.")
    pops = {text: pop for text, _, pop in found}
    assert pops["40"] == "people" and pops["70"] == "people"
    assert pops["Six"] == "part" and pops["Two"] == "part"


def test_more_without_an_earlier_count_of_its_kind_stands() -> None:
    found = _populations("Five soldiers were killed in the raid, and 12 more were wounded.")
    assert ("12", "injured", "part") not in found


def test_a_count_of_one_nationality_beside_the_whole_is_a_part() -> None:
    """"12 Ecuadorian soldiers were injured" beside "about 30 peacekeepers were injured" (a
    multinational force) counts the Ecuadorians among the 30: no rival toll of the injured."""
    found = _populations("About 30 peacekeepers were injured in the riot on Monday. Ecuador's defence "
                         "minister said 12 Ecuadorian soldiers were injured.")
    pops = {text: pop for text, _, pop in found}
    assert pops["About 30"] == "people" and pops["12"] == "part"
    # told alone, the nationality's count is the count
    alone = _populations("Ecuador's defence minister said 12 Ecuadorian soldiers were injured in the riot.")
    assert [pop for _, _, pop in alone] == ["servicemen"]


def test_a_count_among_the_casualties_is_a_part() -> None:
    found = _populations("Dozens of peacekeepers were hurt on Monday. Among the injured peacekeepers are "
                         "9 Peruvians, the mission said.")
    assert {text: pop for text, _, pop in found}["9"] == "part"


def test_members_of_an_armed_body_are_servicemen() -> None:
    """"About 25 BRIGFOR members were injured" counts servicemen (a count of civilians beside it
    is another count); "members of the family" stay people."""
    pops = {t: p for t, _, p in _populations("About 25 NATO members were injured in the scuffle at the bridge.")}
    assert pops["About 25"] == "servicemen"
    pops = {t: p for t, _, p in _populations("Twenty members of the army were wounded near the bridge.")}
    assert pops["Twenty"] == "servicemen"
    pops = {t: p for t, _, p in _populations("Five members of one family were killed in the shelling.")}
    assert pops["Five"] == "people"
    assert not comparable("servicemen", "civilians")


def test_limited_languages_say_whom_a_figure_counts() -> None:
    """The figures of the word-list languages carry who they count ("30 vojnika", "disa ushtarë",
    "20 soldados", "ثلاثة مدنيين"), so soldiers are never compared with civilians there either."""
    from fullpicture.models import Figure
    from fullpicture.nlp.figures.limited import find_counts, find_figures

    cases = [("sh", "U sukobu je povređeno 30 vojnika.", "soldiers"),
             ("sq", "Në përleshje u plagosën 25 ushtarë.", "soldiers"),
             ("es", "En el ataque murieron tres civiles.", "civilians"),
             ("ar", "قتل ثلاثة مدنيين في القصف.", "civilians"),
             ("sh", "U bolnicu je primljeno 53 povređenih.", None)]
    for family, text, want in cases:
        got = find_figures(text, family)
        assert got and got[0][1] == want, (family, text, got)
        assert [fig for fig, _ in got] == find_counts(text, family)
    a = analyze_text("Three drivers were killed.", published="2021-06-08")  # any analysis: population reads a.text
    soldiers = Figure(id="x", start=0, end=5, text="Three", value=3, unit="soldiers", counts="killed")
    civilians = soldiers.model_copy(update={"unit": "civilians"})
    assert population(a, soldiers) == "servicemen" and population(a, civilians) == "civilians"


def test_weapons_destroyed_count_no_people() -> None:
    """"destroying four launchers and 300 rockets": the things a strike destroyed are no toll to
    compare with another side's count of people (English, Russian and French alike)."""
    found = _populations("The ministry said its strike killed 60 fighters and destroyed four launchers "
                         "and 300 rockets near the depot.")
    pops = {text: pop for text, _, pop in found}
    assert pops["four"] == "things" and pops["300"] == "things" and pops["60"] == "servicemen", found
    for text, lang_word in (("Минобороны сообщило, что были уничтожены 4 пусковые установки и 300 ракет.", "4"),
                            ("Le ministère a affirmé avoir détruit 4 lanceurs et 300 roquettes près du dépôt.", "4")):
        found = _populations(text)
        assert [pop for t, _c, pop in found if t == lang_word] == ["things"], found
