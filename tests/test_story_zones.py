"""Events and figures come from the story only, never from notes, bios or page chrome."""

from __future__ import annotations

from fullpicture import analyze

TEXT = (
    "Illustrative headline written for the fullpicture project\n\n"
    "Two missiles hit the station on Friday and 30 people were killed, the regional office said.\n\n"
    "See also: Allies send 20 armoured vehicles to the front\n\n"
    "Jane Roe is a correspondent who covered the 2008 war, in which 600 soldiers were killed.\n\n"
    "Leave a Reply\n\n"
    "Your email address will not be published. Required fields are marked *\n"
)


def test_no_events_or_figures_outside_the_story() -> None:
    a = analyze(TEXT)
    kinds = {z.kind for z in a.zones}
    assert {"boilerplate", "author_bio"} <= kinds
    story = [(z.start, z.end) for z in a.zones if z.kind in ("heading", "body")]

    def inside(start: int) -> bool:
        return any(s <= start < e for s, e in story)

    assert a.events and all(inside(e.trigger.start) for e in a.events)
    assert {e.trigger.lemma for e in a.events}.isdisjoint({"send", "leave", "cover"})
    values = {f.value for f in a.figures}
    assert 30 in values and not values & {20, 600}
    assert all(inside(f.start) for f in a.figures)
