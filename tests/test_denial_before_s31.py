"""A denial dated days before a row's happening denies an earlier one (session 31): invented dates.

"... comes after Monday's shelling of a clinic. Eastland rejected blame for the clinic shelling",
in the row of Wednesday's shelling of a school: no agent conflict in Thursday's row.
"""

from __future__ import annotations

from fullpicture.align._denials import denies_earlier
from fullpicture.models import Event
from fullpicture.models.events import Evidence, Trigger


def _ev(date: str | None) -> Event:
    return Event(id="e1", type="REJECT", trigger=Trigger(start=0, end=6, text="denied"),
                 evidence=Evidence(start=0, end=40), date=date)


def test_a_denial_dated_before_the_happening_denies_another():
    assert denies_earlier(_ev("2024-03-05"), "2024-03-07", 2)
    assert not denies_earlier(_ev("2024-03-06"), "2024-03-07", 2)  # a day before: the date may be off
    assert not denies_earlier(_ev("2024-03-08"), "2024-03-07", 2)  # a denial the next day
    assert not denies_earlier(_ev("2024-03"), "2024-03-07", 2)
    assert not denies_earlier(_ev("2024-03-05"), "2024-03-07", 0)
