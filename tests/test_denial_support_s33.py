"""A denial told with a support verb, and a side's later admission (session 33).

Invented texts restating shapes seen on real coverage of an air strike on a gathering: the
striking side's alliance "denied conducting an airstrike" on the hall (the act is the noun the
support verb carries, not another act), and a week later the same side's press reports the
inquiry that found the alliance's aircraft struck; the wires blame the alliance's lead state.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._denials import denies_other_act
from fullpicture.align._entityconflicts import _agent_denial
from fullpicture.settings import load_settings
from tests.helpers import row_members


def _denial(text: str, word: str):
    a = analyze(text)
    return a, next(e for e in a.events if e.trigger.text == word)


def test_a_support_verb_carries_the_act_its_object_names():
    a, denial = _denial("The Moldovan army denied conducting an airstrike on the wedding hall in Zorvik.", "denied")
    assert not denies_other_act(a, denial, {"ASSAULT"}, 40)
    assert denies_other_act(a, denial, {"ASSAULT"}, 0)  # off: read as another act, as before
    b, denial = _denial("L'armée moldave a nié avoir mené une frappe contre la salle de Zorvik.", "nié")
    assert not denies_other_act(b, denial, {"ASSAULT"}, 40)


def test_a_support_verb_of_no_act_stays_another_act():
    a, denial = _denial("The Moldovan army denied conducting a review of the footage from Zorvik.", "denied")
    assert denies_other_act(a, denial, {"ASSAULT"}, 40)
    b, denial = _denial("The governor denied organising the ceremony, after the airstrike on Zorvik.", "denied")
    assert denies_other_act(b, denial, {"ASSAULT"}, 40)  # not a support verb


def _row(later: bool):
    """A denial by the alliance's lead state, the same side's report a week later of the inquiry
    that found that state struck, and a wire that blames it."""
    texts = [("alliance", "2031-05-02", "Moldova denied conducting an airstrike on the wedding hall in Zorvik on Friday."),
             ("alliance", "2031-05-09", "An inquiry found that Moldova bombed the wedding hall in Zorvik last week."),
             ("wire", "2031-05-02", "Moldova bombed the wedding hall in Zorvik on Friday, killing 40 guests.")]
    members, index = row_members([(side, text, day) for side, day, text in texts])
    cfg = {**load_settings().section("align"), "conflict_denial_later_blame": later}
    return _agent_denial(members, index, cfg)


def test_a_later_admission_does_not_unmake_the_denial_before_it():
    conflict = _row(later=True)
    assert conflict is not None and {v.side for v in conflict.values} == {"alliance", "wire"}
    assert _row(later=False) is None  # off: the side's own later blame silences its denial


def test_a_refusal_to_say_is_no_denial_of_the_act():
    a, refusal = _denial("The palace spokesman refused to formally confirm the pilot's death.", "refused")
    assert denies_other_act(a, refusal, {"ASSAULT"}, 40)
    b, refusal = _denial("Le parquet de Zorvik a refusé de commenter, selon son porte-parole.", "refusé")
    assert denies_other_act(b, refusal, {"ASSAULT"}, 40)
    c, denial = _denial("The Moldovan army denied striking the school in Zorvik.", "denied")
    assert not denies_other_act(c, denial, {"ASSAULT"}, 40)
