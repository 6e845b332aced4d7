"""Whose land a count is counted in, a toll's first stage, a war's place (session 24): invented texts.

A sentence that gives the toll of one territory beside the toll of another ("11 in Freedonia,
while 27 died in rebel-held areas") tells two parts of the toll, not two rival tolls; the same
territory named for both counts ("Freedonia says 11 died in Tarnow, Ruritania says 27 died in
Tarnow") is two accounts of one count and stays comparable. A wire's quote of the first count of
a toll that a state's reports raised through that day ("so far four were injured", then six, then 21)
is an earlier stage of that toll, not a rival count. Towns and numbers are made up; both sides'
wordings are read alike.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._entityconflicts import _entity_conflict
from fullpicture.align._figureclash import _figure_conflicts
from fullpicture.align._figureitems import incident_figures
from fullpicture.align._figurevalues import population
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex
from tests.helpers import analyze_text


def _populations(text: str) -> list[tuple[float | None, str]]:
    a = analyze(text)
    return [(f.value, population(a, f)) for f in a.figures if f.counts == "killed"]


def test_two_territories_tolls_in_one_sentence_are_parts():
    assert _populations("The toll from the flood has grown to 11 in Freedonia, according to officials in the "
                        "capital, while 27 people have died in rebel-held territory.") == [(11.0, "part"), (27.0, "part")]
    assert _populations("The strike killed 11 people in Tarnow and 27 people in Valdor, the governor said.") == [
        (11.0, "part"), (27.0, "part")]
    # the other way round: the rebels' land first, the state's second
    assert _populations("The toll has grown to 27 in government-held areas, while 11 people have died in "
                        "Ruritania.") == [(27.0, "part"), (11.0, "part")]


def test_one_territorys_toll_told_twice_is_two_accounts():
    assert _populations("Freedonia says 11 people died in Tarnow, while Ruritania says 27 people died in Tarnow.") == [
        (11.0, "people"), (27.0, "people")]
    assert _populations("Freedonia says 11 people died in the strike, while Ruritania says 27 people died in the "
                        "attack.") == [(11.0, "people"), (27.0, "people")]
    # a count alone in its sentence keeps its place without becoming a part
    assert _populations("The strike killed 11 people in Tarnow.") == [(11.0, "people")]


def _members(text: str, side: str) -> list[Member]:
    a = analyze_text(text, published="2024-06-05")
    return [Member(side=side, analysis=a, event=e) for e in a.events]


def test_territories_parts_make_no_conflict_but_rival_tolls_do():
    parts = _members("The flood in Tarnow killed 11 people in Freedonia on Tuesday, while 27 people died in "
                     "rebel-held territory.\n", "wire")
    own = _members("The flood in Tarnow on Tuesday killed 38 people, the Freedonian ministry said.\n", "freedonian")
    cfg: dict = {}
    figs = incident_figures(own + parts, accounts=False)
    assert not [c for c in _figure_conflicts(figs, cfg) if c.field == "figure:killed"]
    rival = _members("The flood in Tarnow on Tuesday killed 27 people, the wire reported.\n", "wire")
    # (38 is the sum of the parts; a single rival toll of 27 against it is a conflict)
    figs = incident_figures(own + rival, accounts=False)
    assert [c.field for c in _figure_conflicts(figs, cfg)] == ["figure:killed"]


def test_a_war_tells_no_place_to_contest_but_a_setting_off_does():
    a = analyze("The war spread to Zorvik in Moldova on Monday, the ministry said.")
    b = analyze("The war reached Tirana in Albania on Monday, the ministry said.")
    members = [Member(side=s, analysis=x, event=e) for s, x in (("north", a), ("south", b))
               for e in x.events if (e.trigger.lemma or "").lower() == "war"]
    assert len(members) == 2
    idx = EntityIndex([a, b])
    cfg = {"conflict_place_types": [m.event.type for m in members]}
    assert _entity_conflict(members, idx, "place", {**cfg, "place_conflict_skip_settings": True}) is None
    # the same two mentions with the setting off: two places, a conflict (the rule is what removes it)
    off = _entity_conflict(members, idx, "place", {**cfg, "place_conflict_skip_settings": False})
    assert off is not None and len({v.side for v in off.values}) == 2


def _dated(text: str, side: str, day: str) -> list[Member]:
    a = analyze_text(text, published=day)
    return [Member(side=side, analysis=a, event=e) for e in a.events]


MORNING = "A missile hit a block of flats in Zorvik on Friday night. Six people were injured.\n"
EVENING = "The missile strike on a block of flats in Zorvik on Friday injured 21 people, police said.\n"
QUOTE = ("A missile hit a block of flats in Zorvik on Friday night, the governor said. \"So far four residents were "
         "injured, all in hospital,\" he wrote.\n")


def _injured_conflicts(members: list[Member], early: bool) -> list[str]:
    figs = incident_figures(members, accounts=False)
    return [c.field for c in _figure_conflicts(figs, {"figure_early_relays": early}) if c.field == "figure:injured"]


def test_a_wires_first_count_of_a_toll_that_rose_that_day_is_an_earlier_stage():
    day = "2024-06-07"
    members = (_dated(MORNING, "moldovan", day) + _dated(EVENING, "moldovan", day)
               + _dated(QUOTE, "wire", day))
    assert _injured_conflicts(members, early=False) == ["figure:injured"]  # the shape: a false conflict
    assert _injured_conflicts(members, early=True) == []


def test_a_lower_count_stays_a_rival_where_no_toll_rose_that_day_or_a_state_states_it():
    day = "2024-06-07"
    # the state's side states one value only: no rise to be a stage of
    alone = _dated(EVENING, "moldovan", day) + _dated(QUOTE, "wire", day)
    assert _injured_conflicts(alone, early=True) == ["figure:injured"]
    # the wire's lower count told the next day: no stage of that day's rise
    late = (_dated(MORNING, "moldovan", day) + _dated(EVENING, "moldovan", day)
            + _dated(QUOTE, "wire", "2024-06-08"))
    assert _injured_conflicts(late, early=True) == ["figure:injured"]
    # another state's side with the lower count: its own account, a conflict
    rival = (_dated(MORNING, "moldovan", day) + _dated(EVENING, "moldovan", day)
             + _dated(QUOTE, "romanian", day))
    assert _injured_conflicts(rival, early=True) == ["figure:injured"]


def test_the_previous_times_toll_recalled_in_a_later_report_is_no_account():
    assert _populations("Tarnow had been shelled before. Last time, on the 3rd, after rockets fell on the old "
                        "quarter, according to the authorities, they killed seven people and wounded 22.") == [
        (7.0, "recalled")]
    a = analyze("Город уже подвергался обстрелу. Тогда погибли 7 человек, 22 были ранены.")
    assert {f.counts: population(a, f) for f in a.figures} == {"killed": "recalled", "injured": "recalled"}
    a = analyze("La ville avait déjà été bombardée. La dernière fois, sept personnes avaient été tuées.")
    assert [population(a, f) for f in a.figures if f.counts == "killed"] == ["recalled"]
    # the report's own toll, and "the time" of no previous happening, stay values
    assert _populations("A missile hit Tarnow on Friday, killing 7 people.") == [(7.0, "people")]
    assert _populations("At the time of the strike, 7 people were killed in Tarnow.") == [(7.0, "people")]


def test_the_toll_of_attacks_on_a_whole_land_is_a_running_total():
    assert _populations("The attacks on the country's territories have killed 80 civilians, officials said.") == [
        (80.0, "total")]
    a = analyze("Les attaques contre les territoires du pays ont fait 80 morts et 300 blessés parmi les civils.")
    assert {population(a, f) for f in a.figures} == {"total"}
    a = analyze("Обстрелы по территории страны унесли жизни 80 человек.")
    assert [population(a, f) for f in a.figures] == ["total"]
    # one attack on one town tells its own toll
    assert _populations("The attack on the town killed 8 people.") == [(8.0, "people")]


def test_a_noun_of_the_act_governing_the_counted_people_counts_them():
    def counts(text: str) -> list[tuple[str | None, float | None]]:
        return [(f.counts, f.value) for f in analyze(text).figures]

    assert counts("The barrage came in response to the killing of six fighters in Telmar.") == [("killed", 6.0)]
    assert counts("The deaths of 12 people in Tarnow shocked the town.") == [("killed", 12.0)]
    assert counts("The wounding of 7 soldiers in Tarnow was reported on Monday.") == [("injured", 7.0)]
    # "of" after a noun of no act keeps what the number's own words count
    assert counts("The arrival of 40 soldiers in Tarnow was reported on Monday.")[0][0] != "killed"
