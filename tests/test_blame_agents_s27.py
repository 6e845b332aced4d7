"""Who a claim of responsibility, an accusation or a cause names as the doer of the act it holds
(nlp/events/_blame.py, ``[blame_agents]`` of ``data/events/plover.toml``: ``Event.blamed``), and
whose account that agent is (align/_agents.agent_account, ``conflict_agent_blamed`` and
``conflict_agent_accusers``).

Shapes restated in invented words from real multi-side coverage of an attack on a concert hall
and of a strike on a border city: one side's reports named no attacker in subject position, only
"group X claimed responsibility for the attack", "X claimed the attack", "Y stands behind the
attack", "X accused Y of carrying out the attack" or "the air defence's actions caused debris to
fall", so no agent value of that side was read and the one dispute of the story (one group's claim
against another side's accusation of a third party) was not surfaced. The one so named is the
agent as the claimant or the accuser tells it, never as fact: an accusation a side's outlet reports
is the accuser's side's account. The regional governor who "announced shelling" in the city had
been read as the shooter. Either side's words read alike.
"""

from __future__ import annotations

import pytest

from tests._events_helpers import compare_groups, entity_name

pytestmark = pytest.mark.slow


def _agents(text: str, trigger: str) -> list[list[str | None]]:
    from tests.helpers import analyze_text

    a = analyze_text(text, published="2031-05-12")
    return [[entity_name(a, x) for x in [*e.agents, *e.blamed]] for e in a.events if e.trigger.text == trigger]


@pytest.mark.parametrize(("text", "trigger", "agent"), [
    ("The Northern Front claimed responsibility for the attack on the hall in Westville.", "attack",
     "Northern Front"),
    ("The attack on the hall was claimed by the Northern Front.", "attack", "Northern Front"),
    ("Officials said Eastland was behind the attack on the hall.", "attack", "Eastland"),
    ("Eastland blamed Westland for the attack on the hall.", "attack", "Westland"),
    ("Eastland accused Westland of carrying out the attack on the hall.", "attack", "Westland"),
    ("Eastland accused Westland of shelling the hall.", "shelling", "Westland"),
    ("The attack was ordered by Westland, the minister said.", "attack", "Westland"),
    ("L'organisation Front du Nord a revendiqué l'attaque contre une salle de concert.", "attaque",
     "Front du Nord"),
    ("L'attaque a été revendiquée par le Front du Nord.", "attaque", "Front du Nord"),
    ("Le renseignement de l'Eastland a accusé les services spéciaux du Westland d'avoir planifié l'attaque.",
     "attaque", "Westland"),
    ("Секретарь совета заявил, что Боливия стоит за терактом в Вествиле.", "терактом", "Bolivia"),
    ("Власти Перу обвинили Боливию в теракте в концертном зале Вествиля.", "теракте", "Bolivia"),
])
def test_the_one_claimed_or_blamed_is_the_acts_agent(text: str, trigger: str, agent: str) -> None:
    assert _agents(text, trigger) == [[agent]]


def test_the_one_blamed_is_kept_apart_from_the_parses_agents() -> None:
    """Alignment reads the parse's agents as where mentions meet; a blamed doer is one account's."""
    from tests.helpers import analyze_text

    a = analyze_text("Eastland blamed Westland for the attack on the hall.", published="2031-05-12")
    attack = [e for e in a.events if e.trigger.text == "attack"]
    assert [e.agents for e in attack] == [[]] and [[entity_name(a, x) for x in e.blamed] for e in attack] == [["Westland"]]


def test_the_cause_of_falling_debris_is_its_agent() -> None:
    text = "A local official said errors by Westland air defence caused debris to fall on several homes."
    assert _agents(text, "fall") == [["Westland air defence"]]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Eastland denied responsibility for the attack on the hall.", "attack"),
    # the official who told of the shelling is no shooter (a gerund under a verb of announcing)
    ("Around noon on Friday, Governor Petrov of the Northvale region announced shelling in the city center.",
     "shelling"),
    ("The attack on the hall killed twelve people.", "attack"),
])
def test_a_denial_or_a_plain_report_names_no_agent(text: str, trigger: str) -> None:
    assert _agents(text, trigger) == [[]]


def test_a_claim_against_an_accusation_is_an_agent_conflict() -> None:
    """A wire tells the group's claim; the first side's outlet tells both the claim and the second
    side's accusation of the first: the accused is the second side's account (reported by the
    first), so the sides differ on who attacked, and no side is made to say what it reports."""
    from fullpicture import load_settings

    wire = ("Northern Front claims hall attack\n\nThe Northern Front claimed responsibility for the attack on "
            "the concert hall in Westville on Friday, killing 40 people.")
    first = ("Front claimed hall attack\n\nThe Northern Front claimed responsibility for the attack on the "
             "concert hall in Westville on Friday. Peruvian officials accused Bolivia of carrying out the "
             "attack on the concert hall in Westville.")
    comp = compare_groups(load_settings(), [
        ("international", [("2031-05-12", wire)]),
        ("bolivian", [("2031-05-12", first)]),
        ("peruvian", [("2031-05-12", "Forty killed at Westville hall\n\nGunmen opened fire in the concert hall "
                      "in Westville on Friday, killing 40 people.")]),
    ])
    conflicts = [c for e in comp.events for c in e.conflicts if c.field == "agent"]
    assert conflicts, [(e.label, e.sides) for e in comp.events]
    values = {(v.side, v.value, v.reported_by) for c in conflicts for v in c.values}
    assert ("peruvian", "Bolivia", "bolivian") in values
    assert any(side == "bolivian" and "Northern Front" in value for side, value, _ in values)
    assert not any(side == "bolivian" and value == "Bolivia" for side, value, _ in values)
