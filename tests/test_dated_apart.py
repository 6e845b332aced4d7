"""Two happenings one report dates apart (its own stated day, month or year, more than a few days
apart) are two happenings: the mention clustering never merges them (session 38)."""

from __future__ import annotations

from datetime import date
from typing import Any

import fullpicture.align._events as events_mod
from fullpicture import load_settings
from fullpicture.align._datedapart import dated_apart, merged, stated_time
from fullpicture.align._eventpairs import MentionFeatures

PUB = date(2031, 5, 14).toordinal()


def _day(y: int, m: int = 0, d: int = 0) -> tuple[int, int]:
    if not m:
        return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
    return date(y, m, d).toordinal(), date(y, m, d).toordinal()


def _m(lemma: str, type_: str, when: tuple[int, int] | None, firm: bool = True, doc: str = "d1") -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, sentence=f"... {lemma} ...", trigger=lemma, type=type_,
                           interval=when, date_firm=firm, places=frozenset({"Eastvale"}),
                           extra={"published": (PUB, PUB)})


def _cfg(**kw: Any) -> dict[str, Any]:
    return {**load_settings().section("align"), **kw}


def test_a_year_long_past_is_apart_from_the_day_of_the_strike() -> None:
    strike = _m("strike", "ASSAULT", _day(2031, 5, 12))      # "a missile struck the Eastvale port on 12 May"
    annexed = _m("annex", "COERCE", _day(2019))              # "the peninsula Northland annexed in 2019"
    this_year = _m("attack", "ASSAULT", _day(2031))          # "attacks on the port this year": holds the day
    undated = _m("raid", "ASSAULT", _day(2031, 5, 14), firm=False)  # dated by its report only
    killed = _m("kill", "ASSAULT", _day(2019))               # a consequence is no happening of its own
    other_doc = _m("annex", "COERCE", _day(2019), doc="d2")
    got = dated_apart([strike, annexed, this_year, undated, killed, other_doc],
                      _cfg(link_dated_apart_days=3, link_dated_apart_span_days=28))
    # the 2019 annexation is apart from the strike's day and from this year's attacks, which
    # hold that day
    assert got == {0: {1}, 1: {0, 2}, 2: {1}}


def test_days_within_the_slack_two_days_and_misread_years_stay_together() -> None:
    strike = _m("strike", "ASSAULT", _day(2031, 5, 12))
    next_day = _m("shelling", "ASSAULT", _day(2031, 5, 14))  # two days on: within 3 days
    week_before = _m("raid", "ASSAULT", _day(2031, 5, 5))    # two stated days: left to the pair model
    march = _m("raid", "ASSAULT", (date(2031, 3, 1).toordinal(), date(2031, 3, 31).toordinal()))
    count = _m("attack", "ASSAULT", _day(1300))              # "some 1300 attacks": a count, no year
    cfg = _cfg(link_dated_apart_days=3, link_dated_apart_years=100, link_dated_apart_span_days=28)
    assert dated_apart([strike, next_day, week_before, march, count], cfg) == {
        0: {3}, 1: {3}, 2: {3}, 3: {0, 1, 2}}
    # with no span asked for, two stated days a week apart are apart too
    assert dated_apart([strike, week_before], {**cfg, "link_dated_apart_span_days": 0}) == {0: {1}, 1: {0}}
    assert stated_time(count, 100) is None and stated_time(count, 0) == _day(1300)
    # a report with no day of publication states no time
    undated_report = MentionFeatures(doc="d3", lemma="raid", type="ASSAULT", interval=_day(2031, 5, 5))
    assert stated_time(undated_report, 0) is None
    assert dated_apart([strike, march], _cfg(link_dated_apart_days=0)) == {}


def test_the_table_joins_the_cause_table_and_reaches_the_linking(monkeypatch: Any) -> None:
    assert merged(None, {}) is None
    assert merged({0: {1}, 1: {0}}, {1: {2}, 2: {1}}) == {0: {1}, 1: {0, 2}, 2: {1}}
    seen: dict[str, Any] = {}
    real = events_mod._average_link

    def spy(*args: Any, **kw: Any) -> Any:
        seen["apart"] = kw.get("apart")
        return real(*args, **kw)

    monkeypatch.setattr(events_mod, "_average_link", spy)
    feats = [_m("strike", "ASSAULT", _day(2031, 5, 12)), _m("strike", "ASSAULT", _day(2019))]
    events_mod.cluster(feats, _cfg(link_dated_apart_days=3, link_dated_apart_span_days=28))
    assert seen["apart"] and seen["apart"].get(0) == {1}
