"""A staging word that charges a doer, and a headline taken for a name, give a rival-cause agent
conflict no value (align/_causes.py, ``[align] conflict_cause_charge_chars``,
``conflict_agent_clause_names``; session 41).

Shapes restated in invented words from real multi-side coverage of a police operation: one state
charged the other with a provocation over the operation (an accusation that names the doer, not
a claim that the operation was staged), and a headline in title case that the parser read as an
organisation holding the act's own word. Before, the staging word stood as one side's rival cause
against the other sides' doer, and the headline fragment stood as a doer beside the state itself.
"""

from __future__ import annotations

from tests.test_agent_causes_s35 import _conflict

RAID = ("western", "Zembla police special forces launched a raid in the north of Varnia on Tuesday, arresting 12 people.")
CHARGED = ("eastern", "Ruritania accused Zembla of provocation over the police raid in Varnia on Tuesday.")
HEADLINE = ("northern", "Zemblan Police Raids Anger Varnia\n\nPolice raided villages in the north of Varnia on Tuesday.")
STAGED = ("eastern", "The ministry said the police raid in the north of Varnia on Tuesday was a staged provocation.")


def test_a_provocation_an_accusation_charges_is_no_rival_cause():
    off = _conflict([CHARGED, RAID], conflict_cause_charge_chars=0)
    assert off is not None and any(v.value == "provocation" for v in off.values)  # the shape before
    assert _conflict([CHARGED, RAID]) is None


def test_a_staging_told_without_an_accused_is_still_a_rival_cause():
    conflict = _conflict([STAGED, RAID])
    assert conflict is not None
    assert {v.side for v in conflict.values} == {"eastern", "western"}
    assert any("provocation" in v.value for v in conflict.values if v.side == "eastern")


def test_a_headline_taken_for_a_name_is_no_attacker():
    off = _conflict([STAGED, HEADLINE], conflict_agent_clause_names=False)
    assert off is not None and any("Raids" in v.value for v in off.values)  # the shape before
    conflict = _conflict([STAGED, HEADLINE])
    assert conflict is None or not any("Raids" in v.value for v in conflict.values)
