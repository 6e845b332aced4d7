"""Whose account a count or an agent is, and what a count counts (session 22).

Invented texts restating shapes seen on real coverage of a missile strike that one side says
killed its civilians and the other says killed the first side's servicemen: the second side's
press says its strike "destroyed" or "eliminated" the soldiers; a wire tells one side's toll
inside a clause that opens with the other side as its speaker ("where X said ... had killed N")
and goes on after the ministry's sentence with "It said that ..."; a wire relays, inside one
side's admission, a count of people that side's own press never counts; a governor denies
organising a ceremony in a sentence the parser gives the attacker; an envoy supposes what the
other side's missile would have done; a rescue "from two separate locations".
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._agents import accuser_agents, own_account
from fullpicture.align._denials import denies_other_act
from fullpicture.align._figurevalues import population, relayed_strangers
from fullpicture.align._innersource import inner_state, pronoun_state
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex
from fullpicture.models import Figure
from fullpicture.models.comparison import ConflictValue


def _counts(text: str) -> list[tuple[float, str | None]]:
    return [(f.value, f.counts) for f in analyze(text).figures]


def test_people_destroyed_are_killed():
    assert (70.0, "killed") in _counts("Военным удалось уничтожить более 70 боевиков противника у Зорвика.")
    assert (70.0, "killed") in _counts("Более 70 военнослужащих противника уничтожены ударом по Зорвику.")
    assert (40.0, "killed") in _counts("The army said it eliminated 40 fighters near Zorvik on Sunday.")


def test_things_destroyed_stay_destroyed():
    assert (4.0, "destroyed") in _counts("Уничтожены 4 пусковые установки у Зорвика.")
    assert (12.0, "destroyed") in _counts("The strike on Zorvik destroyed 12 tanks.")


def test_a_clause_that_opens_with_its_speaker_gives_the_count_to_it():
    a = analyze("Moldova said its missiles had hit a barracks in Zorvik, where Romania said enemy strikes had "
                "killed 23 people and wounded 85.")
    assert {f.text: inner_state(a, f) for f in a.figures} == {"23": "RO", "85": "RO"}


def test_a_pronoun_speaker_goes_on_with_the_speaker_before_it():
    a = analyze("Moldova's defence ministry accused Romania of hiding troops among civilians. The defence ministry "
                "said its forces had fired two missiles at a meeting of Romania's army. It said that more than 70 "
                "soldiers were killed in the raid.")
    fig = next(f for f in a.figures if f.value == 70)
    idx = EntityIndex([a])
    assert pronoun_state(a, fig.claim, idx, 400) == "MD"
    assert pronoun_state(a, fig.claim, idx, 0) is None  # the setting at 0: off


def test_a_named_speaker_is_no_pronoun():
    a = analyze("The defence ministry of Moldova said that more than 70 soldiers were killed in Zorvik.")
    fig = next(f for f in a.figures if f.value == 70)
    assert pronoun_state(a, fig.claim, EntityIndex([a]), 400) is None


def _item(value: float, population: str, reported_by: str | None) -> tuple[Figure, ConflictValue]:
    fig = Figure(id=f"f{value:g}", start=0, end=2, text=f"{value:g}", value=value, low=value, high=value,
                 counts="killed")
    return fig, ConflictValue(side="north", value=f"{value:g}", document="d", population=population,
                              reported_by=reported_by)


def test_a_relayed_count_of_people_the_sides_own_press_never_counts_is_left_out():
    own = [_item(70, "servicemen", None), _item(71, "militants", None)]
    kept = relayed_strangers([*own, _item(23, "civilians", "wire")])
    assert [f.value for f, _ in kept] == [70, 71]


def test_a_relayed_count_of_people_or_of_a_counted_class_stays():
    own = [_item(70, "servicemen", None)]
    items = [*own, _item(23, "people", "wire"), _item(72, "servicemen", "wire")]
    assert relayed_strangers(items) == items
    only_relayed = [_item(23, "civilians", "wire"), _item(70, "servicemen", "wire")]
    assert relayed_strangers(only_relayed) == only_relayed  # no own value: nothing to tell by


def test_a_denial_of_another_act_is_no_denial_of_the_attack():
    a = analyze("The governor said he had been invited to the ceremony, but denied organising the event.")
    denial = next(e for e in a.events if e.trigger.text == "denied")
    assert denies_other_act(a, denial, {"ASSAULT"})
    b = analyze("The Moldovan army denied striking the school in Zorvik.")
    denial = next(e for e in b.events if e.trigger.text == "denied")
    assert not denies_other_act(b, denial, {"ASSAULT"})


def test_a_supposed_strike_names_no_agent():
    a = analyze("If a Moldovan missile had struck the school in Zorvik, nothing would be left, the envoy said.")
    strike = next(e for e in a.events if e.trigger.text == "struck")
    members = [Member(side="romania", analysis=a, event=strike)]
    idx = EntityIndex([a])
    assert own_account(members, idx, {"conflict_agent_unreal": ["negated", "hypothetical"]}) == []
    assert own_account(members, idx, {"conflict_agent_unreal": ["negated"]}) == members


def test_places_count_no_people():
    a = analyze("Four hostages were rescued by the army from two separate locations in Zorvik, the army said.")
    two = next(f for f in a.figures if f.value == 2)
    assert population(a, two) == "things"


def _accusers_of(text: str, trigger: str) -> set[str]:
    a = analyze(text)
    act = next(e for e in a.events if e.trigger.text == trigger)
    names = {e.id: e.name for e in a.entities}
    return {names[x] for x in accuser_agents(a, act, 80)}


def test_an_accuser_is_no_doer_of_the_act_it_imputes():
    assert _accusers_of("La Moldavie a accusé mercredi la Roumanie d'avoir abattu un avion de transport près de "
                        "Zorvik.", "abattu") == {"Moldova"}


def test_an_act_told_after_the_accusation_clause_keeps_its_agent():
    assert _accusers_of("Moldova accused Romania on Wednesday after its forces shot down a transport plane near "
                        "Zorvik.", "shot down") == set()


def test_a_count_told_with_a_hedge_of_disbelief_is_disputed_by_the_teller():
    from fullpicture.align._disputes import hedged_disputes

    a = analyze("A transport plane crashed near Zorvik in the morning. Moldova's defence ministry said the plane "
                "was allegedly carrying 48 prisoners.")
    fig = next(f for f in a.figures if f.value == 48)
    rival = fig.model_copy(update={"counts": "killed"})
    value = ConflictValue(side="moldovan", value="48", document="d", population="prisoners")
    by_count = {"killed": {"moldovan": [(rival, value)]}}
    sides = {"MD": "moldovan", "RO": "romanian"}
    (got,) = hedged_disputes(a, "romanian", [0], by_count, sides, EntityIndex([a]))
    assert got[0] == "killed" and got[1].side == "romanian" and got[1].value.startswith("allegedly")
    # the same words in the state's own outlet, or with no hedge: no dispute
    assert hedged_disputes(a, "moldovan", [0], by_count, sides, EntityIndex([a])) == []
    plain = analyze("A transport plane crashed near Zorvik in the morning. Moldova's defence ministry said the "
                    "plane was carrying 48 prisoners.")
    assert hedged_disputes(plain, "romanian", [0], by_count, sides, EntityIndex([plain])) == []


def test_the_object_of_an_act_noun_is_its_target_not_an_agent():
    from fullpicture.align._agents import act_object

    a = analyze("Moldova's subsequent bombardment and invasion of Romania has killed at least 900 people.")
    ro = next(e for e in a.entities if e.name == "Romania")
    md = next(e for e in a.entities if e.name == "Moldova")
    acts = {"ASSAULT", "COERCE", "SEIZE", "DISPLACE"}
    assert act_object(a, ro.mentions[0].start, acts)
    assert not act_object(a, md.mentions[0].start, acts)
    b = analyze("The president of Romania said on Sunday that troops had attacked Zorvik.")
    ro = next(e for e in b.entities if e.name == "Romania")
    assert not act_object(b, ro.mentions[0].start, acts)  # "president" is no act
