"""A side's stray figure does not hide a contested toll (issue 9).

Invented texts restating a shape seen on real coverage of a barracks strike: one side's
ministry gives a toll and later raises it (an update series), the other side's command gives a
toll several times larger in three articles, and one of those articles also repeats the
ministry's first figure without naming its source. That one repeated figure used to read as the
two sides agreeing, so the contested toll was not surfaced.
"""

from __future__ import annotations

import pytest

from fullpicture import analyze_documents
from fullpicture.align import compare
from fullpicture.ingest import load_text
from fullpicture.models.comparison import Side

NORTH = [
    ("2024-05-02", "Ministry: 40 soldiers killed in strike on Dalhaven barracks\n\n"
     "The defence ministry said on Monday that 40 soldiers were killed when rockets struck the barracks in Dalhaven."),
    ("2024-05-02", "Rocket strike on Dalhaven barracks\n\n"
     "The defence ministry said 40 servicemen died in the rocket strike on the Dalhaven barracks on Monday."),
    ("2024-05-04", "Dalhaven toll rises\n\n"
     "The defence ministry said on Wednesday that 55 soldiers were killed in the rocket strike on the Dalhaven barracks on Monday."),
]
SOUTH = [
    ("2024-05-02", "Command: 300 killed in Dalhaven\n\n"
     "Our forces struck the barracks in Dalhaven on Monday, killing 300 soldiers, the army command said."),
    ("2024-05-02", "Strike on Dalhaven barracks\n\n"
     "The army command said 300 soldiers were killed in the rocket strike on the Dalhaven barracks on Monday. "
     "The ministry mentioned a far smaller number, 40 killed servicemen."),
    ("2024-05-02", "Dalhaven barracks hit\n\n"
     "About 300 soldiers were killed in the rocket strike on the Dalhaven barracks on Monday, the army command said."),
]


@pytest.fixture(scope="module")
def comparison(lexical):
    docs = [load_text(t, source=f"{side}{i}", published=d)
            for side, texts in (("north", NORTH), ("south", SOUTH)) for i, (d, t) in enumerate(texts)]
    analyses = list(analyze_documents(docs, lexical))
    sides = [Side(label=label, origin="user", documents=[a.document.id for a in analyses if a.document.source.startswith(label)])
             for label in ("north", "south")]
    return compare(analyses, sides, settings=lexical)


def _killed(comparison):
    return [c for e in comparison.events for c in e.conflicts if c.field == "figure:killed"]


def test_the_contested_toll_is_surfaced_with_each_sides_own_values(comparison):
    (conflict,) = _killed(comparison)
    by_side: dict[str, set[str]] = {}
    for v in conflict.values:
        by_side.setdefault(v.side, set()).add(v.value)
    assert by_side["north"] == {"40", "55"}  # the ministry's figure and its update
    assert "300" in by_side["south"] and "40" not in by_side["south"]  # the repeated figure is a stray


def test_the_update_series_stays_a_series(comparison):
    series = [s for e in comparison.events for s in e.updates if s.field == "figure:killed" and s.side == "north"]
    assert series and [v.value for v in series[0].values][-1] == "55"
