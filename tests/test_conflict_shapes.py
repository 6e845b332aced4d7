"""Shapes behind wrong figure conflicts on real news (issue 9), restated in invented sentences:
a clause on a region recalling an old disaster does not date today's killing; a headline's bare
toll is the hedged toll of its own body ("Three dead" over "killing at least three"); a camp named
with another country's city's alternate name is no place in that country."""

from __future__ import annotations

import pytest

from fullpicture.align._figureitems import headline_bound
from fullpicture.nlp.places._resolve import resolve_all
from tests.helpers import analyze_text

PUB = "2031-03-07"  # a Friday


def _ev(a, trigger):
    return next(e for e in a.events if e.trigger.text == trigger)


def test_a_date_on_another_happening_dates_only_it():
    """"in a valley ravaged by the floods of 1998": the floods' year is not the day of the
    landslide's deaths told in the same sentence."""
    a = analyze_text("A landslide buried the hamlet on Tuesday, killing at least four herders in a valley "
                     "ravaged by the great floods of 1998.", published=PUB)
    killing = _ev(a, "killing")
    assert killing.date != "1998"
    assert killing.date == "2031-03-04"


@pytest.mark.parametrize("text", [
    "The raid, which began on Monday, killed nine guards.",
    "The raid of Monday killed nine guards.",
    "Nine guards were killed in the raid on Monday.",
])
def test_a_date_on_the_events_own_happening_still_dates_it(text):
    """The raid that killed the guards is the killing's happening: its day dates the killing."""
    a = analyze_text(text, published=PUB)
    assert _ev(a, "killed").date == "2031-03-03"


def _figures(a, counts):
    return sorted((f for f in a.figures if f.counts == counts), key=lambda f: f.start)


def test_a_headline_toll_is_the_bound_its_body_states():
    """The headline drops the body's "at least": its three is "at least three", so a later
    report of eleven dead does not contradict it."""
    a = analyze_text("Three dead as storm hits coastal villages\n\nA storm struck the coast on Tuesday, "
                     "killing at least three fishermen, the harbour office said.\n", published=PUB)
    head, body = _figures(a, "killed")[:2]
    assert head.low == head.high == 3
    bound = headline_bound(a, head)
    assert bound.id == body.id and bound.high is None and bound.low == 3


def test_an_exact_body_toll_keeps_the_headline_exact():
    a = analyze_text("Three dead as storm hits coastal villages\n\nA storm struck the coast on Tuesday, "
                     "killing three fishermen, the harbour office said.\n", published=PUB)
    head = _figures(a, "killed")[0]
    assert headline_bound(a, head).id == head.id


def _resolve(pi, cfg, names, inner=frozenset()):
    spans = [(n, pi.candidates(n, cfg["skeleton_min_pop"])) for n in names]
    return [pi.place(r[0]) if r else None for r in resolve_all(pi, spans, cfg, inner=frozenset(inner))]


def test_a_camp_named_like_a_foreign_city_is_not_that_city(pi, cfg):
    """"Bombay" is an old name of Mumbai; a "Bombay camp" in a story set in Chad and Sudan is
    no place in India, however large Mumbai is."""
    got = _resolve(pi, cfg, ["Bombay", "Chad", "Sudan"], inner={"bombay"})
    assert got[0] is None
    assert got[1].cc == "TD"


def test_the_same_name_alone_keeps_its_city(pi, cfg):
    """Without a larger name around it, the big city's alternate name keeps its city."""
    got = _resolve(pi, cfg, ["Bombay", "Chad", "Sudan"])
    assert got[0] is not None and got[0].cc == "IN"


def test_a_spelling_variant_inside_a_larger_name_keeps_its_city(pi, cfg):
    """"the Kharkov station" in a story that names only Russian towns: Kharkov is Kharkiv
    spelled otherwise, not a borrowed name."""
    got = _resolve(pi, cfg, ["Kharkov", "Belgorod", "Kursk"], inner={"kharkov"})
    assert got[0] is not None and got[0].cc == "UA"


def test_a_camp_in_a_sentence_takes_no_foreign_city():
    a = analyze_text("Jets bombed the Bombay refugee camp in Chad on Thursday. Bombay is home to "
                     "9,000 people who fled Sudan.", published=PUB)
    assert not any(e.geo is not None and e.geo.country == "IN" for e in a.entities)


def test_a_russian_more_than_with_its_conjunction_is_a_bound():
    """"более чем 15 раненых" (more than 15 wounded) bounds the count; it is no exact 15."""
    a = analyze_text("Власти сообщают о более чем 15 раненых.", published=PUB)
    f = next(f for f in a.figures if f.counts == "injured")
    assert f.text == "более чем 15" and f.low == 15 and f.high is None
