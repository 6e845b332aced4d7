"""Attributions the parse buries: an opening according-to phrase whose clause the parse hangs on
the source (its verb read as a noun), and a "told" with its addressee set off after or inside
the clause it reports. Invented sentences of the shapes found on PolNeAR dev."""

from __future__ import annotations

import pytest

from fullpicture import load_settings
from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.pipeline import parse_pipeline
from tests.conftest import attribution_texts


@pytest.fixture(scope="module")
def chain():
    settings = load_settings()
    return parse_pipeline(settings), AttributionExtractor.from_settings(settings.data), AttributionExtractor(learned=False)


def _claims(ex, nlp, text: str) -> list[tuple[str | None, str | None, str]]:
    return [(src, cue, content) for src, cue, content, _ in attribution_texts(ex(nlp(text)), text)]


@pytest.mark.parametrize("shipped", [True, False])
def test_an_according_to_source_ends_at_its_comma_when_the_parse_takes_the_clause_for_it(chain, shipped):
    nlp, learned, rules = chain
    text = "The council met on Monday. According to local radio host Dana Voss, the plan reeks of panic and haste."
    doc = nlp(text)
    reeks = next(t for t in doc if t.text == "reeks")
    assert reeks.pos_ == "NOUN"  # the shape under test: no verb in the clause
    got = [c for c in _claims(learned if shipped else rules, nlp, text) if c[1] == "According to"]
    assert got == [("local radio host Dana Voss", "According to", "the plan reeks of panic and haste")]


@pytest.mark.parametrize("shipped", [True, False])
@pytest.mark.parametrize("text, content", [
    ("The pier was closed. The ferry, she told reporters, will run late.", "The ferry, she told reporters, will run late"),
    ("The pier was closed. The problem now, she told me on Tuesday, is that the ferry runs late.", "The problem now"),
])
def test_told_with_an_addressee_set_off_by_commas_reports_the_clause(chain, shipped, text, content):
    nlp, learned, rules = chain
    doc = nlp(text)
    told = next(t for t in doc if t.text == "told")
    assert told.dep_ == "parataxis" and any(c.dep_ == "dobj" for c in told.children)  # the shape under test
    got = [c for c in _claims(learned if shipped else rules, nlp, text) if c[1] == "told"]
    assert got == [("she", "told", content)]

