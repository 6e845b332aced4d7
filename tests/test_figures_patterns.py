"""fp_figures: every figure pattern, approximations as bounds, ACLED vague numbers, links."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _fig(a, text):
    hits = [f for f in a.figures if f.text == text]
    assert hits, f"no figure {text!r} in {[f.text for f in a.figures]}"
    f = hits[0]
    assert a.text[f.start : f.end] == f.text  # offsets are exact
    return f


def test_count_of_people_killed():
    a = analyze_text("Police said 40 Serbs were killed in the village.")
    f = _fig(a, "40")
    assert (f.value, f.low, f.high, f.approximate, f.vague) == (40, 40, 40, False, False)
    assert f.unit == "Serbs" and f.counts == "killed"


def test_nearly_is_an_upper_bound():
    a = analyze_text("Nearly 90,000 residents fled the city.")
    f = _fig(a, "Nearly 90,000")
    assert (f.value, f.low, f.high, f.approximate) == (90000, None, 90000, True)
    assert f.unit == "residents"


def test_percent():
    a = analyze_text("The province was 70% ethnic Albanian before the war.")
    f = _fig(a, "70%")
    assert f.value == 70 and f.unit == "percent"


def test_duration_in_a_compound_adjective():
    a = analyze_text("The city endured a ten-month siege.")
    f = _fig(a, "ten")
    assert f.value == 10 and f.unit == "months"


def test_coordinated_counts():
    a = analyze_text("The explosion killed four policemen and two civilians.")
    four, two = _fig(a, "four"), _fig(a, "two")
    assert (four.value, four.unit, four.counts) == (4, "policemen", "killed")
    assert (two.value, two.unit, two.counts) == (2, "civilians", "killed")


@pytest.mark.parametrize(
    "text, fig, value, low, high",
    [
        ("Dozens were detained overnight.", "Dozens", 12, 12, None),
        ("Hundreds of people fled the shelling.", "Hundreds", 100, 100, None),
        ("Tens of thousands were displaced by the fighting.", "Tens of thousands", 10000, 10000, None),
    ],
)
def test_vague_numbers_follow_acled(text, fig, value, low, high):
    f = _fig(analyze_text(text), fig)
    assert (f.value, f.low, f.high, f.vague, f.approximate) == (value, low, high, True, True)


@pytest.mark.parametrize(
    "text, fig, low, high",
    [
        ("Over 100,000 people crossed the border.", "Over 100,000", 100000, None),
        ("At least 34 people were injured.", "At least 34", 34, None),
        ("Up to 40 servicemen were killed, the ministry said.", "Up to 40", None, 40),
        ("About 30 gunmen attacked the patrol.", "About 30", None, None),
    ],
)
def test_approximators(text, fig, low, high):
    f = _fig(analyze_text(text), fig)
    assert (f.low, f.high, f.approximate, f.vague) == (low, high, True, False)


def test_large_numbers_and_currency():
    a = analyze_text("The city had about 1.4 million people. The EU gave $5 million in aid.")
    assert _fig(a, "about 1.4 million").value == 1_400_000
    money = _fig(a, "$5 million")
    assert money.value == 5_000_000 and money.unit == "dollars"


def test_dates_and_years_are_not_figures():
    a = analyze_text("On 19 September 2023 the talks resumed in Brussels at 5 a.m., as in 2008.")
    assert not [f for f in a.figures if f.text in ("19", "2023", "5", "2008")]


def test_figure_links_claim_and_event():
    a = analyze_text("The army said that 12 soldiers were killed in the attack.")
    f = _fig(a, "12")
    claim = next(c for c in a.claims if c.id == f.claim)
    assert claim.kind == "indirect"
    ev = next(e for e in a.events if e.id == f.event)
    assert ev.trigger.text == "killed" and f.id in ev.figures


def test_shot_dead_counts_killed():
    from tests.helpers import analyze_text

    a = analyze_text("In the village, 14 farmers were shot dead while harvesting wheat.")
    assert [(f.value, f.counts) for f in a.figures] == [(14.0, "killed")]


def test_a_bound_in_scare_quotes_is_still_a_bound():
    """An outlet quoting a ministry's 'far fewer' keeps it an upper bound, not a toll of 400."""
    a = analyze_text('Local officials insist that "far fewer" than 400 recruits died in the blast.')
    f = [f for f in a.figures if f.value == 400][0]
    assert (f.low, f.high, f.approximate) == (None, 400, True)
    assert f.text == '"far fewer" than 400' and a.text[f.start : f.end] == f.text


def test_one_of_the_worst_is_no_count_of_one():
    a = analyze_text("Dozens of recruits were killed in one of the deadliest strikes of the war.")
    assert [f.value for f in a.figures if f.counts == "killed"] == [12]  # "dozens" alone
    a = analyze_text("In the raid one of the most senior officers was injured.")
    assert [(f.value, f.counts) for f in a.figures] == [(1, "injured")]


@pytest.mark.parametrize(
    "text, fig, low, high",
    [
        ("Medics believe 150-200 villagers died in the mudslide.", "150-200", 150, 200),
        ("Between 40 and 60 guards were wounded at the depot.", "Between 40 and 60", 40, 60),
        ("Two or three fishermen drowned near the pier.", "Two or three", 2, 3),
        ("An inquiry put the toll at the low end of the 80 to 240 range.", "80 to 240", 80, 240),
    ],
)
def test_a_range_of_two_numbers_is_one_closed_figure(text, fig, low, high):
    """A toll stated as a range is one figure from its low to its high end, not two tolls."""
    a = analyze_text(text)
    f = _fig(a, fig)
    assert (f.low, f.high) == (low, high)
    assert not [g for g in a.figures if g is not f and g.value == high]


def test_a_rise_from_one_toll_to_another_is_no_range():
    a = analyze_text("The toll of the flood climbed from 30 to 50 overnight. The match ended 3-1.")
    assert not [f for f in a.figures if f.low is not None and f.high is not None and f.low < f.high]


def test_two_dozen_is_twenty_four():
    a = analyze_text("Officials said about two dozen peacekeepers were injured in the riot. Two dozen pickets were detained.")
    hurt = _fig(a, "about two dozen")
    assert (hurt.value, hurt.counts) == (24, "injured")
    assert _fig(a, "Two dozen").value == 24
    assert not [f for f in a.figures if f.value == 2]


def test_a_toll_sentence_without_an_event_joins_the_happening_told_just_before():
    """"A review put the death toll at 10 to 20." names no happening: its toll is that of the
    violent event told in the sentences just before it, in the same paragraph."""
    a = analyze_text("A shell hit the grain depot in Westmoor, killing 40 workers. The governor rejected the figure. "
                     "An independent review estimated the death toll at 10 to 20.\n\n"
                     "A second annex put the death toll at 300.")
    toll = _fig(a, "10 to 20")
    ev = next(e for e in a.events if e.id == toll.event)
    assert ev.trigger.text in ("hit", "killing")
    other = next(f for f in a.figures if f.value == 300)
    assert other.event is None  # another paragraph: no happening of its own told before it


@pytest.mark.parametrize(
    "text, counts",
    [
        ("Militants fired at the outpost without causing casualties.", "casualties"),
        ("The drone strike did not cause any injuries, the spokesman said.", "injured"),
        ("The raid on the market ended without any deaths.", "killed"),
    ],
)
def test_a_negated_casualty_noun_is_a_zero_count(text, counts):
    """"without causing casualties" says no one was hurt: a zero that a rival count contests."""
    a = analyze_text(text)
    assert [(f.value, f.counts) for f in a.figures] == [(0, counts)]


def test_a_negated_noun_of_no_casualty_is_no_zero():
    a = analyze_text("The patrol did not meet any soldiers. The convoy left without warning.")
    assert not a.figures
