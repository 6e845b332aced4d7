"""Each framing cue type on short illustrative sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def cues_of(nlp):
    def run(text: str):
        doc = nlp(text)
        for c in doc._.fp_framing:
            assert doc.text[c.start : c.end] == c.text  # provenance: exact offsets
        return doc._.fp_framing

    return run


def _cats(cues, category):
    return [c for c in cues if c.category == category]


@pytest.mark.parametrize(
    ("text", "category", "term"),
    [
        ("The ministry described the raid as a counter-terrorism operation.", "euphemism", "counter-terrorism operation"),
        ("State television blamed the regime in the capital.", "delegitimizing", "regime"),
        ("Refugees spoke of ethnic cleansing in their villages.", "victimhood", "ethnic cleansing"),
        ("A commentator called the refugees vermin.", "dehumanizing", "vermin"),
        ("The offensive was a blitz that routed the defenders.", "triumph", "blitz"),
        ("The senator slammed the draconian new rules.", "loaded", "slammed"),
        ("Columns of separatists moved toward the town.", "delegitimizing", "separatists"),
    ],
)
def test_lexicon_categories(cues_of, text, category, term):
    found = [c for c in _cats(cues_of(text), category) if c.text.lower() == term]
    assert found, (text, category)
    assert found[0].lexicon_entry


def test_counter_terms_on_cue_and_lemma_matching(cues_of):
    smo = [c for c in cues_of("Moscow calls it a special military operation.") if c.lexicon_entry == "ru_ua.smo"]
    assert smo and "invasion" in smo[0].counter_terms
    # lemma matching: an inflection not listed in the lexicon
    massacre = [c for c in cues_of("Witnesses accused the unit of massacring villagers.") if c.category == "victimhood"]
    assert [c.text for c in massacre] == ["massacring"]


def test_loaded_word_inside_a_name_is_not_a_cue(cues_of):
    cues = cues_of("Fighters of the Kosovo Liberation Army entered the town.")
    assert not [c for c in cues if c.lexicon_entry == "gen.liberation"]


def test_scare_quotes_versus_real_quotations(cues_of):
    sq = _cats(cues_of('The government\'s "reforms" have emptied the villages.'), "scare_quote")
    assert [c.text for c in sq] == ['"reforms"'] and sq[0].subcategory == "unattributed"
    marked = _cats(cues_of("Officials announced the result of the so-called “referendum” on Sunday."), "scare_quote")
    assert marked and marked[0].subcategory == "so_called"
    assert not _cats(cues_of('"We will not retreat," the commander said.'), "scare_quote")
    assert not _cats(cues_of('The minister said the talks were "constructive".'), "scare_quote")
    assert not _cats(cues_of('Moscow calls it a "special military operation".'), "scare_quote")
    long_quote = 'He told reporters: "The convoy left the city at dawn and reached the border by noon."'
    assert not _cats(cues_of(long_quote), "scare_quote")


def test_a_quoted_name_before_its_noun_is_no_scare_quote(cues_of):
    """'the "Tanjug" news agency' in real wire copy: the marks set off a name, not a doubt."""
    assert not _cats(cues_of('The "Kestrel" regiment held the plant until May.'), "scare_quote")
    assert not _cats(cues_of('Reporters of the "Morning Star" daily saw the convoy.'), "scare_quote")
    assert _cats(cues_of('The "volunteers" regiment held the plant.'), "scare_quote")  # no capital: a doubt


def test_scare_quote_skips_direct_claims():
    import spacy

    from fullpicture.models import Claim, ClaimSource
    from fullpicture.nlp.framing._quotes import ScareQuoteFinder

    nlp = spacy.blank("en")
    doc = nlp('Residents praised the "heroes" of the night.')
    finder = ScareQuoteFinder([], [], 4, 3)
    assert len(finder.find(doc, [])) == 1
    claim = Claim(id="c1", start=21, end=29, text='"heroes"', kind="direct", source=ClaimSource(text="Residents"))
    assert finder.find(doc, [claim]) == []


def test_naming_choice_from_lexicon(cues_of):
    cues = _cats(cues_of("Shelling resumed near Kharkov and Artemovsk on Tuesday."), "naming")
    names = {c.text: c.counter_terms for c in cues}
    assert "Kharkiv" in names["Kharkov"] and "Bakhmut" in names["Artemovsk"]


def test_naming_choice_from_entity_aliases():
    from fullpicture.models import Entity, Mention
    from fullpicture.nlp.framing._profile import naming_cues

    text = "Police entered Mitrovicë while Putin and Vladimir Putin spoke."
    ents = [
        Entity(id="e1", name="Mitrovica", type="GPE", aliases=["Mitrovicë", "Kosovska Mitrovica"],
               mentions=[Mention(start=15, end=24, text="Mitrovicë")]),
        Entity(id="e2", name="Vladimir Putin", type="PERSON", aliases=["Putin"],
               mentions=[Mention(start=31, end=36, text="Putin")]),
    ]
    assert text[15:24] == "Mitrovicë"
    cues = naming_cues(ents, [])
    assert len(cues) == 1
    assert cues[0].target == "e1" and set(cues[0].counter_terms) == {"Mitrovica", "Kosovska Mitrovica"}


def test_a_repeated_alias_gets_a_cue_at_each_mention_with_its_own_list():
    from fullpicture.models import Entity, Mention
    from fullpicture.nlp.framing._profile import naming_cues

    text = "Boats left Morvasee at dawn; by noon Morvasee was empty and Lake Tessel calm."
    ents = [Entity(id="e1", name="Lake Tessel", type="LOC", aliases=["Morvasee"],
                   mentions=[Mention(start=11, end=19, text="Morvasee"), Mention(start=37, end=45, text="Morvasee"),
                             Mention(start=60, end=71, text="Lake Tessel")])]
    assert text[11:19] == text[37:45] == "Morvasee" and text[60:71] == "Lake Tessel"
    cues = naming_cues(ents, [])
    assert [(c.start, c.counter_terms) for c in cues] == [(11, ["Lake Tessel"]), (37, ["Lake Tessel"]),
                                                          (60, ["Morvasee"])]
    cues[0].counter_terms.append("changed")
    assert cues[1].counter_terms == ["Lake Tessel"]  # each cue's list is its own


def test_agentless_and_agentive_harm(cues_of):
    cues = cues_of("Three civilians were killed in the village. Dozens of homes were destroyed.")
    agentless = _cats(cues, "harm_agentless")
    assert [c.subcategory for c in agentless] == ["passive", "passive"]
    assert _cats(cues_of("The deaths of five children shocked the region."), "harm_agentless")
    inanimate = _cats(cues_of("An explosion destroyed the school."), "harm_agentless")
    assert inanimate and inanimate[0].subcategory == "inanimate_cause"
    active = _cats(cues_of("Government troops killed three civilians near the river."), "harm_agent")
    assert active and "troops" in (active[0].note or "")
    by = _cats(cues_of("Two men were killed by Serbian police in the north."), "harm_agent")
    assert by and by[0].subcategory == "passive" and "police" in by[0].text
    chained = _cats(cues_of("Russian forces launched a missile strike, killing seven civilians."), "harm_agent")
    assert any(c.text == "killing seven civilians" for c in chained)


def test_hedges_and_certainty(cues_of):
    cues = cues_of("The rebels allegedly fired first, reportedly from the roof. This is clearly false.")
    assert [c.text for c in _cats(cues, "hedge")] == ["allegedly", "reportedly"]
    assert [c.text for c in _cats(cues, "certainty")] == ["clearly"]


def test_evaluation_of_actors(cues_of, nlp):
    doc = nlp("Russia's aggression against Ukraine continued. The Armenian delegation was constructive.")
    ev = _cats(doc._.fp_framing, "evaluation")
    neg = [c for c in ev if c.text == "aggression"]
    pos = [c for c in ev if c.text == "constructive"]
    assert neg and neg[0].subcategory == "negative" and neg[0].target
    assert pos and pos[0].subcategory == "positive" and pos[0].target
    tone = doc._.fp_framing_profile.tone
    assert tone[neg[0].target] < 0 < tone[pos[0].target]
    negated = _cats(cues_of("The Serbian delegation was not constructive."), "evaluation")
    assert negated and negated[0].subcategory == "negative"


def test_propaganda_techniques(cues_of):
    cues = cues_of("What about the bombing of Belgrade? We must defend the motherland against this existential threat.")
    techniques = {c.technique for c in cues if c.technique}
    assert {"Whataboutism,Straw_Men,Red_Herring", "Flag-Waving", "Appeal_to_fear-prejudice"} <= techniques
    label = [c for c in cues_of("They are terrorists and thugs.") if c.technique == "Name_Calling,Labeling"]
    assert len(label) == 2


def test_works_without_the_other_layers(settings):
    """With the entity and claims layers absent, targets fall back to spaCy NER names."""
    import spacy

    import fullpicture.nlp.framing  # noqa: F401  (registers the factory)

    nlp = spacy.load(settings.get("pipeline", "model"))
    nlp.add_pipe("fp_framing", config={"settings": settings.data})
    doc = nlp("Serbia's aggression was condemned. Three civilians were killed.")
    cats = {c.category for c in doc._.fp_framing}
    assert {"evaluation", "harm_agentless"} <= cats
    tone = doc._.fp_framing_profile.tone
    assert tone and all(k.startswith("ner:") for k in tone) and min(tone.values()) < 0


def test_cue_inside_direct_quotation_names_the_speaker():
    from fullpicture.models import Claim, ClaimSource, FramingCue
    from fullpicture.nlp.framing.component import _mark_quoted

    cue = FramingCue(start=20, end=30, text="terrorists", category="delegitimizing", note="conflict: general")
    outside = FramingCue(start=60, end=66, text="regime", category="delegitimizing")
    claim = Claim(id="c1", start=10, end=50, text="...", kind="direct", source=ClaimSource(text="Kurti"))
    _mark_quoted([cue, outside], [claim])
    assert cue.note.endswith("inside a direct quotation of Kurti")
    assert outside.note is None


def test_harm_whose_cause_names_the_agent(cues_of):
    # shapes seen on real wire copy, in our own words: the passive names no agent, but the
    # clause or phrase of its cause does
    def harm(text):
        return [(c.category, c.text) for c in cues_of(text) if c.category.startswith("harm")]

    clause = harm("Nine villagers were killed when the Georgian army fired rockets at Gori on Sunday.")
    assert ("harm_agent", "Nine villagers were killed") in clause
    phrase = harm("Four houses were destroyed as a result of Serbian shelling.")
    assert ("harm_agent", "Four houses were destroyed") in phrase
    shared = harm("Two civilians killed and five injured in Russian shelling of Kharkiv.")
    assert ("harm_agent", "five injured") in shared and ("harm_agentless", "Two civilians killed") not in shared
    deep = harm("The missile strike on the eastern city of Kharkiv by Russia left 10 dead.")
    assert [c for c, t in deep if t.startswith("The missile strike")] == ["harm_agent"]
    # no cause named: still agentless; the victims of a headline's reduced passive are no agent
    assert ("harm_agentless", "Five soldiers were killed") in harm("Five soldiers were killed overnight, the ministry said.")
    headline = harm("Three villagers killed near the border")
    assert headline and headline[0][0] == "harm_agentless"
    gap = harm("Rockets kill 7 in Gori\n\nTBILISI – Seven people were killed.")
    assert all(t == t.strip() for _c, t in gap)
