"""A zero told for one scope, or for one class of people, is no rival to a count of the whole
(session 38).

Shape restated in invented words after real multi-side coverage: one side relays a count of
wounded in a struck headquarters, the other side's official says that nobody outside the
building was hurt; the gold disputes no injuries. A zero of the same scope as the count ("no one
was hurt" against "ten were wounded") still clashes.
"""

from __future__ import annotations

import pytest

from fullpicture.align._figurevalues import population
from tests.helpers import analyze_text, compare_texts, widest_row


def _pops(text: str) -> dict[str, str]:
    a = analyze_text(text, published="2031-04-02")
    return {f.text: population(a, f) for f in a.figures}


def test_a_zero_outside_the_struck_building_is_a_part() -> None:
    pops = _pops("The mayor of Tarnow said no one was injured outside the depot itself.")
    assert pops.get("no one") == "part", pops
    pops = _pops("Nobody outside the depot was hurt, the mayor of Tarnow said.")
    assert pops.get("Nobody") == "part", pops
    pops = _pops("No one on the ground was hurt when the drone fell near Tarnow, the mayor said.")
    assert pops.get("No one") == "part", pops


def test_a_zero_of_the_whole_stays_a_value() -> None:
    pops = _pops("The mayor of Tarnow said no one was injured in the strike on the depot.")
    assert pops.get("no one") == "people", pops


def test_a_zero_among_civilians_in_french_and_russian() -> None:
    fr = _pops("La frappe contre le dépôt de Tarnow n'a fait aucune victime parmi les civils, selon le maire.")
    assert [p for t, p in fr.items() if t.lower().startswith("aucune")] == ["part"], fr
    ru = _pops("Удар по складу в Тарнове обошёлся без жертв среди мирного населения, заявил мэр.")
    assert [p for t, p in ru.items() if t.lower().startswith("без")] == ["part"], ru


def _item(side: str, value: float, population: str):
    from fullpicture.models import Figure
    from fullpicture.models.comparison import ConflictValue

    fig = Figure(id=f"{side}{value}", start=0, end=1, text=str(int(value)), value=value, low=value,
                 high=value, counts="injured")
    return fig, ConflictValue(side=side, value=fig.text, document=f"{side}-doc", date="2031-04-02",
                              field="figure:injured", population=population)


def _clash(per_side, **cfg) -> bool:
    from fullpicture.align._figureclash import _clashes
    from tests.helpers import lexical_settings

    return bool(_clashes({"injured": per_side}, {**lexical_settings().section("align"), **cfg})[0])


def test_a_zero_of_civilians_meets_only_a_count_of_civilians() -> None:
    """"No civilians were hurt" against "ten were wounded": the ten may all be soldiers."""
    generic = {"north": [_item("north", 10, "people")], "south": [_item("south", 0, "civilians")]}
    assert not _clash(generic)
    assert _clash(generic, figure_scoped_zeros=False)
    same = {"north": [_item("north", 10, "civilians")], "south": [_item("south", 0, "civilians")]}
    assert _clash(same)
    whole = {"north": [_item("north", 10, "people")], "south": [_item("south", 0, "people")]}
    assert _clash(whole)


WOUNDED = ("Strike on the Tarnow depot\n\nA missile struck the army depot in Tarnow on Friday. The regional "
           "authorities reported ten people wounded in the strike on the depot, the Northland agency said.\n")
OUTSIDE = ("Strike on the Tarnow depot\n\nA missile struck the army depot in Tarnow on Friday. The governor "
           "said no one was injured outside the depot itself after the strike.\n")
NOBODY = ("Strike on the Tarnow depot\n\nA missile struck the army depot in Tarnow on Friday. The governor "
          "said no one was injured in the strike on the depot.\n")


@pytest.mark.slow
def test_nobody_hurt_outside_is_no_injured_conflict(lexical):
    row = widest_row(compare_texts(lexical, {"north": WOUNDED, "south": OUTSIDE}, "2031-04-02"))
    assert len({m.document for m in row.mentions}) == 2
    assert not [c for c in row.conflicts if c.field == "figure:injured"], row.conflicts
    row = widest_row(compare_texts(lexical, {"north": WOUNDED, "south": NOBODY}, "2031-04-02"))
    assert [c for c in row.conflicts if c.field == "figure:injured"], row.conflicts
