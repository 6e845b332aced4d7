"""fp_time: finding and normalizing time expressions.

All texts here are illustrative sentences written for this project.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def time_nlp():
    """spaCy's English pipeline plus fp_time only (isolates this layer)."""
    import spacy

    from fullpicture import load_settings
    from fullpicture.nlp import time as _time  # noqa: F401

    settings = load_settings()
    nlp = spacy.load(settings.get("pipeline", "model"), exclude=["ner"])
    nlp.add_pipe("fp_time", config={"settings": settings.data})
    return nlp


def tag(nlp, text: str, published: str | None = "2023-09-25"):
    """Run the pipeline on ``text`` and return the doc."""
    from fullpicture.models import DocumentInfo

    doc = nlp.make_doc(text)
    doc._.fp_info = DocumentInfo(id="test", source="<test>", published=published)
    return nlp(doc)


def by_text(doc) -> dict[str, object]:
    """Timexes keyed by their surface text."""
    return {t.text: t for t in doc._.fp_timexes}


def test_offsets_match_text_and_tokens(time_nlp):
    text = "Illustrative text. On 3 March 2021 the siege began; it lasted three years and ended last week."
    doc = tag(time_nlp, text)
    assert [t.text for t in doc._.fp_timexes] == ["3 March 2021", "three years", "last week"]
    for tx in doc._.fp_timexes:
        assert text[tx.start : tx.end] == tx.text
        covered = [tok for tok in doc if tok.idx >= tx.start and tok.idx + len(tok) <= tx.end]
        assert covered and all(tok._.fp_timex == tx.id for tok in covered)
    assert [t.id for t in doc._.fp_timexes] == ["t1", "t2", "t3"]


def test_explicit_dates_and_granularities(time_nlp):
    doc = tag(time_nlp, "Illustrative text. Elections were held on September 19, 2023, after a vote in May 2020, "
                        "a crisis in 2020 and unrest in the 1990s; growth slowed in the third quarter of 2020.")
    tx = by_text(doc)
    assert tx["September 19, 2023"].value == "2023-09-19" and tx["September 19, 2023"].anchor == "explicit"
    assert tx["May 2020"].value == "2020-05"
    assert tx["2020"].value == "2020"
    assert tx["the 1990s"].value == "199"
    assert tx["the third quarter of 2020"].value == "2020-Q3"


def test_durations(time_nlp):
    doc = tag(time_nlp, "Illustrative text. After a 48-hour truce and a six-month siege, the decade-long "
                        "conflict entered its fourth year; talks took three years and two days.")
    tx = by_text(doc)
    assert (tx["48-hour"].type, tx["48-hour"].value) == ("DURATION", "PT48H")
    assert tx["six-month"].value == "P6M"
    assert tx["decade-long"].value == "P10Y"
    assert tx["three years"].value == "P3Y"
    assert tx["two days"].value == "P2D"


def test_vague_durations_and_refs(time_nlp):
    doc = tag(time_nlp, "Illustrative text. Over the past weeks the shelling grew, and a few days ago it "
                        "stopped. For now, people return; queues lasted for days.")
    tx = by_text(doc)
    assert (tx["the past weeks"].type, tx["the past weeks"].value) == ("DURATION", "PXW")
    assert tx["a few days ago"].value == "PAST_REF"
    assert tx["now"].value == "PRESENT_REF"
    assert (tx["days"].type, tx["days"].value) == ("DURATION", "PXD")


def test_sets(time_nlp):
    doc = tag(time_nlp, "Illustrative text. Monitors patrol every week, meet twice a month and report daily.")
    tx = by_text(doc)
    assert (tx["every week"].type, tx["every week"].value) == ("SET", "P1W")
    assert tx["twice a month"].value == "P1M" and tx["twice a month"].type == "SET"
    assert tx["daily"].type == "SET"


def test_not_time_expressions(time_nlp):
    doc = tag(time_nlp, "Illustrative text. Officials may decide. Some 2000 troops and a 6-year-old girl "
                        "fled; prices fall in the spring of discontent? No: costs rose 2010 dollars.")
    texts = [t.text for t in doc._.fp_timexes]
    assert "May" not in texts and "may" not in texts
    assert "2000" not in texts
    assert not any("6-year" in t for t in texts)


def test_since_keeps_signal_out_of_span(time_nlp):
    doc = tag(time_nlp, "Illustrative text. The army has held the town since May 2019.")
    (tx,) = doc._.fp_timexes
    assert (tx.text, tx.value, tx.mod) == ("May 2019", "2019-05", "ON_OR_AFTER")


def test_approximate_modifiers(time_nlp):
    doc = tag(time_nlp, "Illustrative text. The blockade lasted nearly two years; the talks lasted about a month.")
    tx = by_text(doc)
    assert tx["nearly two years"].mod == "EQUAL_OR_LESS"
    assert tx["about a month"].value == "P1M" and tx["about a month"].mod == "APPROX"
