"""A compared document's own outlet is who reports, never who acted (session 42).

Invented texts restating the shape of a false agent value seen on real coverage: a newspaper's
report names the newspaper itself in a sentence the parser reads as an act ("when the Courier
contacted officials ..."), and the outlet's name became a doer in its side's account. The outlet
is known from the document's web address (align/_notactors.row_outlets)."""

from __future__ import annotations

from fullpicture.align._entityconflicts import _entity_conflict
from fullpicture.align._notactors import outlet_keys, row_outlet
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex
from fullpicture.settings import load_settings
from tests.helpers import analyze_text


def test_outlet_names_from_web_addresses():
    keys = outlet_keys(["https://www.daily-courier.co.example/news/1", "tribune.example", None,
                        "https://news.evening-star.example/a"])
    assert keys == {"dailycourier", "tribune", "news", "eveningstar"}
    assert row_outlet("Daily Courier", keys) and row_outlet("Tribune", keys)
    assert not row_outlet("Romania", keys) and not row_outlet("Courier", keys)
    assert outlet_keys([]) == frozenset() and not row_outlet("Tribune", frozenset())


_TEXTS = [
    ("east", "Romanian drones struck the Varn depot on 3 May 2031. The Courier attacked the officials over the "
             "delay in the lists of the dead.", "https://www.courier.example/varn-depot"),
    ("west", "Bulgarian drones struck the Varn depot on 3 May 2031, the ministry said.", "https://west.example/a"),
]


def _values(**over: object) -> list[tuple[str, str]]:
    analyses = []
    for _, text, url in _TEXTS:
        a = analyze_text(text, published="2031-05-04")
        analyses.append(a.model_copy(update={"document": a.document.model_copy(update={"url": url})}))
    members = [Member(side=s, analysis=a, event=e) for (s, _, _), a in zip(_TEXTS, analyses, strict=True)
               for e in a.events]
    c = _entity_conflict(members, EntityIndex(analyses), "agent", {**load_settings().section("align"), **over})
    assert c is not None  # the sides blame different states either way
    return sorted((v.side, v.value) for v in c.values)


def test_the_reporting_outlet_is_no_doer_of_its_side():
    before = _values(conflict_agent_row_outlets=False)
    assert ("east", "Courier") in before  # the shape before: the outlet is a value of its side
    after = _values()
    assert ("east", "Courier") not in after
    assert {side for side, _ in after} == {"east", "west"}


def test_a_name_written_as_a_web_host_is_no_actor():
    from fullpicture.align._notactors import not_actor

    assert not_actor("COURIER.TEST") and not_actor("daily-courier.info")
    assert not not_actor("Romania") and not not_actor("U.S.") and not not_actor("St.Petersburg")
