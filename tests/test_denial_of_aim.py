"""A state that tells it did the act and denies what it hit disputes the target, not the doer
(align/_denials.denies_aim, align/_entityconflicts ``conflict_denial_own_doer_words``). Places,
sentences and numbers invented."""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._denials import denies_aim


def _denial(a):
    return next(e for e in a.events if e.type == "REJECT")


def test_a_denial_of_an_aim_names_aiming_or_striking_in_its_clause():
    a = analyze("The ministry of Norway denied targeting the clinic in Lask.")
    assert denies_aim(a, _denial(a), 12)
    a = analyze("The ministry of Norway rejected the accounts of a missile hit on the school in Lask.")
    assert denies_aim(a, _denial(a), 12)
    a = analyze("The ministry of Norway denied any involvement in the blast in Lask.")
    assert not denies_aim(a, _denial(a), 12)  # a denial of any part in it: the doer disputed
    a = analyze("The ministry of Norway denied any involvement. Its jets struck a depot in Lask later.")
    assert not denies_aim(a, _denial(a), 12)  # another sentence
    a = analyze("The ministry of Norway denied targeting the clinic in Lask.")
    assert not denies_aim(a, _denial(a), 0)  # reach 0: off


SW1 = """Norwegian missile hits clinic in Lask

A Norwegian missile hit the clinic in Lask on Monday, wounding 12 patients, the Swedish health ministry said.
"""

SW2 = """Norway denies targeting Lask clinic

A Norwegian missile hit the clinic in Lask on Monday. Norway denied targeting the clinic in Lask.
"""

NO1 = """Norwegian missiles strike command post in Lask

Norwegian missiles struck a command post near the clinic in Lask on Monday, the Norwegian army said.
"""


def _agent(lexical, **align):
    from fullpicture import analyze_documents
    from fullpicture.align import compare
    from fullpicture.ingest import load_text
    from fullpicture.models.comparison import Side
    from fullpicture.settings import Settings

    docs = [load_text(t, source=n, published="2024-06-04") for n, t in (("sw1", SW1), ("sw2", SW2), ("no1", NO1))]
    an = list(analyze_documents(docs, lexical))
    sides = [Side(label="swedish", origin="user", documents=[an[0].document.id, an[1].document.id]),
             Side(label="norwegian", origin="user", documents=[an[2].document.id])]
    settings = Settings(data={**lexical.data, "align": {**lexical.section("align"), **align}})
    comp = compare(an, sides, settings=settings)
    row = max(comp.events, key=lambda e: len({m.document for m in e.mentions}))
    return [c for c in row.conflicts if c.field == "agent"]


def test_a_state_that_tells_it_struck_and_denies_the_aim_disputes_no_doer(lexical):
    assert not _agent(lexical)
    (off,) = _agent(lexical, conflict_denial_own_doer_words=0)  # switch off: the denial read as of the doer
    assert any(v.value.endswith("denied") for v in off.values)
