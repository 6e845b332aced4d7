"""The state a person speaks or acts for, from the title the document gives the person (session 33).

Invented texts restating shapes seen on real coverage of a plane crash and a pipeline blast: a
state's spokesman, named with the title once, denies the state's involvement; a report names the
other state's president as the one behind the crash. The person alone is an actor of no state;
the title names it.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._persontitle import person_state


def _state(text: str, name: str, reach: int = 40) -> str | None:
    a = analyze(text)
    ent = next(e for e in a.entities if e.type == "PERSON" and name in e.name)
    return person_state(a, ent, reach)


def test_a_title_before_the_name_gives_the_state():
    text = "Moldovan presidential spokesman Arvo Lenn denied any involvement in the crash. Lenn called it a lie."
    assert _state(text, "Lenn") == "MD"
    assert _state(text, "Lenn", 0) is None  # the setting at 0: off


def test_an_apposition_after_the_name_gives_the_state():
    assert _state("Arvo Lenn, the Romanian defence minister, said the plane was shot down.", "Lenn") == "RO"


def test_an_act_or_a_cue_before_the_name_is_no_title():
    assert _state("Moldova accused Arvo Lenn of ordering the attack.", "Lenn") is None
    assert _state("The envoy said Arvo Lenn had signed the order.", "Lenn") is None  # no state named
