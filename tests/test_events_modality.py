"""fp_events: each modality, and the claim that reports an event."""

from __future__ import annotations

import pytest

from tests.helpers import analyze_text


def _ev(a, trigger):
    hits = [e for e in a.events if trigger in e.trigger.text]
    assert hits, f"no event {trigger!r} in {[e.trigger.text for e in a.events]}"
    return hits[0]


def test_asserted():
    a = analyze_text("Russian forces shelled Kharkiv on Sunday.")
    e = _ev(a, "shelled")
    assert e.modality == "asserted" and e.source is None


def test_reported_names_its_claim():
    a = analyze_text("Officials said Russian forces shelled Kharkiv on Sunday.")
    e = _ev(a, "shelled")
    assert e.modality == "reported"
    claim = next(c for c in a.claims if c.id == e.source)
    assert claim.kind == "indirect" and claim.start <= e.trigger.start < claim.end


def test_reported_from_according_to():
    a = analyze_text("According to the ministry, drones attacked a depot.")
    e = _ev(a, "attacked")
    assert e.modality == "reported" and e.source is not None


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Kosovo will hold talks with EU mediators next week.", "talks"),
        ("The government plans to deploy more troops.", "deploy"),
    ],
)
def test_planned(text, trigger):
    assert _ev(analyze_text(text), trigger).modality == "planned"


def test_expected():
    a = analyze_text("The army is expected to withdraw from the town.")
    assert _ev(a, "withdraw").modality == "expected"


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("If the West delivered tanks, the front would hold.", "delivered"),
        ("The rebels might attack the airport.", "attack"),
    ],
)
def test_hypothetical(text, trigger):
    assert _ev(analyze_text(text), trigger).modality == "hypothetical"


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The army did not attack the town.", "attack"),
        ("Baku denies that the road was blockaded.", "blockaded"),
        ("Belgrade has never recognised the declaration.", "recognised"),
        ("The leaders failed to meet in Granada.", "meet"),
    ],
)
def test_negated(text, trigger):
    assert _ev(analyze_text(text), trigger).modality == "negated"


def test_nominal_object_of_a_negated_comment_keeps_its_own_modality():
    a = analyze_text("The ministry did not comment on the strike.")
    assert _ev(a, "comment").modality == "negated"
    assert _ev(a, "strike").modality == "asserted"


def test_nationality_adjective_is_not_the_place_of_an_event():
    from tests.helpers import analyze_text

    a = analyze_text("About 39,000 Greek Cypriots fled during the 1974 fighting, the government said.")
    ev = next(e for e in a.events if e.trigger.text == "fled")
    names = {e.id: e.name for e in a.entities}
    assert ev.place is None or names.get(ev.place) != "Greece"


# A nominal trigger that is its clause's subject, or the object of a light verb, takes the
# clause's modality. The check compared Tokens with `is` (spaCy makes a new Token per access),
# so it never held and every such noun came out "asserted".
@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        ("The army will launch an attack on the town tomorrow.", "attack", "planned"),
        ("The rebels might stage a protest in the capital.", "protest", "hypothetical"),
        ("The offensive did not begin on Monday.", "offensive", "negated"),
        ("An attack would be a disaster for the region.", "attack", "hypothetical"),
    ],
)
def test_nominal_trigger_takes_its_clause_modality(text, trigger, expected):
    assert _ev(analyze_text(text), trigger).modality == expected
