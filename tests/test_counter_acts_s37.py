"""A counter-act told beside the act is no rival account of its doer (session 37).

Shape restated in invented words after real multi-side coverage: an aid group says a state's
aircraft bombed its clinic; the state's command tells the strike with no doer and says an armed
group had been firing on its own forces before it. The armed group is the doer of the fire the
strike answered, not the other side's doer of the strike.
"""

from __future__ import annotations

import pytest

from tests.helpers import compare_texts, widest_row

AID = ("Clinic bombed in Harlow\n\nUS aircraft struck the Harlow clinic on Sunday, killing twelve patients, "
       "the charity said. The United States bombed a clinic full of wounded patients, the charity said.\n")
COMMAND = ("Strike hit clinic in Harlow\n\nAn air strike hit the Harlow clinic on Sunday and several civilians "
           "were hit by mistake, the command said. The command said Black Pine Front fighters had fired on US "
           "soldiers before the strike.\n")


def _agents(lexical, **align):
    row = widest_row(compare_texts(lexical, {"aid": AID, "american": COMMAND}, "2030-05-06", **align))
    assert {"aid", "american"} <= set(row.sides)  # one row for the one strike
    return [c for c in row.conflicts if c.field == "agent"]


@pytest.mark.slow
def test_fire_on_the_doers_forces_is_no_rival_doer(lexical):
    assert not _agents(lexical, conflict_agent_counter_acts=True)


@pytest.mark.slow
def test_counter_acts_off_sets_the_armed_group_against_the_state(lexical):
    conflicts = _agents(lexical, conflict_agent_counter_acts=False)
    assert conflicts and {v.side for v in conflicts[0].values} == {"aid", "american"}
