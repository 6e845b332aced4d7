"""Contested incidents told in the shapes of real wire copy (issue 9).

The texts are invented for the project (an imagined market blast in Aleppo); they restate, in
our own words, the shapes that failed on real coverage: a headline over a dateline lead, a
toll in a lead that opens with "CITY, date (Agency) -", two sides giving different tolls and
different perpetrators for one blast, a side naming the city and the other the country, a
separate attack told in passing, a running total of a war, coordinated zero tolls and two
quakes' magnitudes in one phrase.
"""

from __future__ import annotations

import pytest

from fullpicture import analyze_documents
from fullpicture.align import compare
from fullpicture.ingest import load_text
from fullpicture.models.comparison import Side
from fullpicture.settings import Settings

WEST = """Market blast kills 40 in Aleppo

ALEPPO, March 5 - At least 40 people died in Tuesday's blast at the central market of Aleppo, the interior ministry said on Wednesday.
Police said the Northern Liberation Front shelled the market before the blast.
In a separate attack on Tuesday, three people were killed at a checkpoint.
"""

EAST = """Syria market blast: 12 dead, officials say

DAMASCUS, March 5 (Reuters) - Twelve people were killed in Tuesday's blast at a market in Syria, hospital officials said.
The defence ministry said the Southern Resistance Council shelled the market before the blast.
More than 600 people have been killed in the war so far.
"""

SHAPES = [
    "Activists said no one was killed or injured in the air raid on the camp.",
    "The coastal city was hit by the 7.6 and 7.5 magnitude quakes early on Sunday.",
    "The agency put the death toll of the shelling at 40.",
    "A hospital official said several dozen people were wounded in the strike.",
]


@pytest.fixture(scope="module")
def analyses(lexical):
    docs = [load_text(WEST, source="west", published="2024-03-06"),
            load_text(EAST, source="east", published="2024-03-06")]
    return list(analyze_documents(docs, lexical))


@pytest.fixture(scope="module")
def comp(analyses, lexical):
    sides = [Side(label="west", origin="user", documents=[analyses[0].document.id]),
             Side(label="east", origin="user", documents=[analyses[1].document.id])]
    return compare(analyses, sides, settings=lexical)


@pytest.fixture(scope="module")
def shapes(lexical):
    docs = [load_text(t, source=f"shape{i}", published="2024-03-06") for i, t in enumerate(SHAPES)]
    return list(analyze_documents(docs, lexical))


def _row_of(comp, analysis, figure_text):
    fig = next(f for f in analysis.figures if f.text == figure_text)
    return next(ev for ev in comp.events
                if any(m.document == analysis.document.id and m.event == fig.event for m in ev.mentions))


def test_dateline_lead_keeps_its_toll(analyses):
    west, east = analyses
    assert [(f.text, f.counts) for f in west.figures if f.counts == "killed"][:2] == [("40", "killed"), ("At least 40", "killed")]
    twelve = next(f for f in east.figures if f.text == "Twelve")
    assert twelve.counts == "killed" and twelve.event is not None  # "(Reuters) - Twelve ..." is no code like "F-16"


def test_toll_in_a_died_in_the_blast_sentence_joins_the_blast(analyses, comp):
    west = analyses[0]
    row = _row_of(comp, west, "At least 40")
    triggers = {next(e for e in west.events if e.id == m.event).trigger.text
                for m in row.mentions if m.document == west.document.id}
    assert "blast" in triggers and "died" in triggers
    assert row.label.startswith("blast")


def test_two_sides_tolls_for_one_blast_are_a_conflict(comp, analyses):
    row = _row_of(comp, analyses[0], "At least 40")
    assert row.sides == ["west", "east"]
    killed = next(c for c in row.conflicts if c.field == "figure:killed")
    by_side = {v.side for v in killed.values}
    assert by_side == {"west", "east"}
    assert {v.value for v in killed.values if v.side == "east"} == {"12"}
    for v in killed.values:  # every value links to its words
        doc = next(a for a in analyses if a.document.id == v.document)
        assert doc.text[v.start : v.end].lower() in {"40", "at least 40", "twelve", "12"}


def test_city_and_its_country_are_no_place_conflict_and_the_city_names_the_row(comp, analyses):
    row = _row_of(comp, analyses[0], "At least 40")
    assert not any(c.field == "place" for c in row.conflicts)
    assert "Aleppo" in row.label and "Syria" not in row.label


def test_sides_blaming_different_groups_is_an_agent_conflict(comp):
    agents = [c for ev in comp.events for c in ev.conflicts if c.field == "agent"]
    assert agents, "the two sides name different perpetrators of the shelling"
    values = {(v.side, v.value) for v in agents[0].values}
    assert ("west", "Northern Liberation Front") in values and ("east", "Southern Resistance Council") in values


def test_separate_attack_and_war_total_stay_out_of_the_blast(comp, analyses):
    row = _row_of(comp, analyses[0], "At least 40")
    values = {v.value for c in row.conflicts for v in c.values}
    assert "3" not in values and "three" not in values  # "In a separate attack": another incident
    assert not any("600" in v for v in values)  # a running total of the war is not the blast's toll


def test_coordinated_zero_counts_both(shapes):
    counts = {f.counts for f in shapes[0].figures if f.value == 0}
    assert counts == {"killed", "injured"}


def test_two_magnitudes_in_one_phrase(shapes):
    assert sorted(f.value for f in shapes[1].figures if f.counts == "magnitude") == [7.5, 7.6]


def test_toll_put_at_a_number(shapes):
    assert [(f.value, f.counts) for f in shapes[2].figures] == [(40.0, "killed")]


def test_several_dozen_is_vague(shapes):
    fig = next(f for f in shapes[3].figures if f.counts == "injured")
    assert fig.vague and fig.text.lower() == "several dozen"


# One night strike told by one side in a report written the next day (invented, after the shapes
# that fragmented real coverage into several rows): a headline dated by its report, the body's
# stated night, "fired missiles" as the happening, "another N" adding to a count, a quoted
# "Others are wounded." far from the strike, and "the shelling of" the same place.
NIGHT = """Toll of the Homs depot strike climbs to ten

HOMS, May 12 - The number of dead from the missile strike on the Homs bus depot has climbed to 10, regional officials said on May 12.
Eastland forces fired missiles at the bus depot in Homs at around 2 am on May 11.
Seven civilians died and another 30 were wounded as a result.
"Medics are on site. Some of the victims are dead," the mayor said.
"Others are wounded."
Prosecutors called the shelling of the depot in Homs a war crime.
"""

DEPOT = """Eastland says it hit an arms depot near Homs

The Eastland defence ministry said on May 11 that its air force delivered a strike on an arms depot in Homs overnight.
"""


@pytest.fixture(scope="module")
def night(lexical):
    docs = [load_text(NIGHT, source="night", published="2024-05-12"),
            load_text(DEPOT, source="depot", published="2024-05-11")]
    an = list(analyze_documents(docs, lexical))
    sides = [Side(label="north", origin="user", documents=[an[0].document.id]),
             Side(label="east", origin="user", documents=[an[1].document.id])]
    return an, compare(an, sides, settings=lexical)


def _row_of_trigger(comp, analysis, word, nth=0):
    ev = [e for e in analysis.events if e.trigger.text == word][nth]
    return next(r.id for r in comp.events
                if any(m.document == analysis.document.id and m.event == ev.id for m in r.mentions))


def test_one_night_strike_told_the_next_day_is_one_row(night):
    north, comp = night[0][0], night[1]
    row = _row_of_trigger(comp, north, "fired")
    for word in ("strike", "died", "wounded", "shelling"):
        assert _row_of_trigger(comp, north, word) == row, word
    # the quoted "Others are wounded." three sentences after the strike
    assert _row_of_trigger(comp, north, "wounded", nth=1) == row


def test_support_verb_adds_no_event_and_its_strike_meets_the_other_side(night):
    (north, depot), comp = night
    assert not [e for e in depot.events if e.trigger.lemma == "deliver"]
    assert _row_of_trigger(comp, depot, "strike") == _row_of_trigger(comp, north, "fired")


def test_another_count_is_no_separate_happening(night):
    north = night[0][0]
    wounded = next(e for e in north.events if e.trigger.text == "wounded")
    from fullpicture.align._eventfeat import _distinct
    assert not _distinct(north, wounded)


# Each side also quotes the other side's toll (invented, after real coverage of a contested
# barracks strike): the Peruvian outlet gives its army's 40 and quotes the Chilean ministry's 9,
# the Chilean outlet the reverse. Read by document, every side holds both values and agrees with
# the other; read by whose account each value is, the two accounts clash.
QUOTED_PE = """Border post blast kills 40 soldiers

At least 40 soldiers were killed in the explosion at the Tacna border post on Sunday, the Peruvian army said.
Only nine soldiers died in the explosion, the Chilean defence ministry said.
"""

QUOTED_CL = """Nine soldiers die in Tacna border post explosion

Nine soldiers died in the explosion at the Tacna border post on Sunday, the Chilean defence ministry said.
Forty soldiers were killed in the explosion, the Peruvian army said.
"""


@pytest.fixture(scope="module")
def quoted(lexical):
    docs = [load_text(QUOTED_PE, source="pe", published="2024-06-03"),
            load_text(QUOTED_CL, source="cl", published="2024-06-03")]
    an = list(analyze_documents(docs, lexical))
    sides = [Side(label="peruvian", origin="user", documents=[an[0].document.id]),
             Side(label="chilean", origin="user", documents=[an[1].document.id])]
    return an, sides


def test_each_side_quoting_the_others_toll_is_still_a_conflict(quoted, lexical):
    an, sides = quoted
    comp = compare(an, sides, settings=lexical)
    row = max(comp.events, key=lambda e: len(e.mentions))
    (killed,) = [c for c in row.conflicts if c.field == "figure:killed"]
    by_side = {v.side: set() for v in killed.values}
    for v in killed.values:
        by_side[v.side].add(v.value.lower())
    assert by_side["peruvian"] & {"40", "at least 40", "forty"} and by_side["chilean"] & {"9", "nine"}
    # a quoted value keeps its words and names the side whose outlet reported it
    assert any(v.reported_by is not None and v.reported_by != v.side for v in killed.values)
    # read by document, the sides agree (each states both values): no conflict
    plain = Settings(data={**lexical.data, "align": {**lexical.section("align"), "figure_accounts": False}})
    row = max(compare(an, sides, settings=plain).events, key=lambda e: len(e.mentions))
    assert not [c for c in row.conflicts if c.field == "figure:killed"]


def test_account_side_rules():
    from fullpicture.align._agents import account_side, name_state
    sides = {"PE": "peruvian", "CL": "chilean"}
    assert account_side("peruvian", "CL", sides) == "chilean"      # quoting the other side
    assert account_side("peruvian", "PE", sides) == "peruvian"     # its own state's source
    assert account_side("peruvian", None, sides) == "peruvian"     # its own words
    assert account_side("peruvian", "US", sides) is None           # a third state: no side's account
    assert account_side("wire", "CL", sides) == "chilean"          # a wire quoting a side
    assert account_side("wire", "US", sides) == "wire"             # a wire quoting a third state
    assert name_state("Chile's defence ministry,") == "CL"


# Real-text shapes of dates and places (invented words): a "since" phrase dates the start of a
# period, not the attack; "in occupied <Name>" is a state, not an occupation; a dateline names
# where the report was filed, not where its events happened.
def _analyse(text, lexical, published="2024-06-03"):
    return next(iter(analyze_documents([load_text(text, source="x", published=published)], lexical)))


def test_since_phrase_does_not_date_the_event(lexical):
    a = _analyse("Garrison strike\n\nMilitary officials call it the deadliest attack on the garrison "
                 "since the war began in March 2019.\n", lexical)
    attack = next(e for e in a.events if e.trigger.text == "attack")
    assert not (attack.date or "").startswith("2019")


def test_occupied_before_a_name_is_no_occupation(lexical):
    a = _analyse("Barracks hit\n\nRockets hit a barracks in occupied Northtown on Sunday, killing 12 soldiers.\n", lexical)
    assert not [e for e in a.events if e.trigger.lemma == "occupy"]
    # the parser may tag the participle a finite verb heading a clause of its own
    a = _analyse("Base hit\n\nWestland's Armed Forces hit an enemy military base in occupied Northtown in "
                 "Eastshire Oblast on New Year's night, killing 40 soldiers.\n", lexical)
    assert not [e for e in a.events if e.trigger.lemma == "occupy"]


def test_where_the_troops_come_from_is_no_place_of_the_event(lexical):
    a = _analyse("Peacekeepers hurt\n\nTroops from Italy and Hungary suffered burns from 'firebombs' during "
                 "protests that also saw over 50 local residents injured.\n", lexical)
    ents = {e.id: e.name for e in a.entities}
    assert [ents.get(e.place) for e in a.events if e.place] == []
    a = _analyse("Exodus\n\nThe evacuation from Aleppo began on Monday.\n", lexical)
    assert [ents for e in a.events if e.place and "Aleppo" in {x.name for x in a.entities if x.id == e.place}]


def test_dateline_city_is_no_place_of_the_event(lexical):
    from fullpicture.nlp.events._args import dateline_spans
    text = "Dam breach\n\nLIMA, 10 Jun - Officials evacuated 3,000 people from the Tacna region after the flood.\n"
    assert [text[a:b] for a, b in dateline_spans(text)] == ["LIMA, 10 Jun"]
    for body in ("GENEVA (Wire) – The", "Kyiv, Ukraine — Ukraine"):
        assert dateline_spans(f"T\n\n{body} said.\n")
    assert not dateline_spans("T\n\nThe strike - which killed four - was condemned.\n")
    # a place word in capitals and a colon opening a line near the top ("LIMA: The ministry said ...")
    caps = "T\n\nLIMA: The ministry said it.\n"
    assert [caps[a:b] for a, b in dateline_spans(caps)] == ["LIMA"]
    assert not dateline_spans("T\n\nLima: the ministry said it.\n")
    a = _analyse(text, lexical)
    ents = {e.id: e for e in a.entities}
    ev = next(e for e in a.events if e.trigger.lemma == "evacuate")
    assert ev.place is None or "Lima" not in ents[ev.place].name


# Agents and places as real coverage tells them (invented words): "Eastland's Armed Forces" is an
# actor of Eastland though its entity is "Armed Forces"; the victims of "civilian deaths" are no
# perpetrator; "Moscow-controlled authorities" and "accused Russia of blowing up the dam" name
# actors, not where the dam broke; "Kyiv evacuated 3,000 people" is Kyiv acting; a war that began
# on one day and a strike on a later day are no date conflict.
def test_state_of_an_actor_from_the_words_before_its_mention():
    from fullpicture.align._agents import mention_state
    from fullpicture.models import Entity
    text = "On Sunday Ukraine's Armed Forces hit the base; the Armed Forces said so."
    ent = Entity(id="e1", name="Armed Forces", type="ORG", mentions=[])
    assert mention_state(text, ent, text.index("Armed")) == "UA"
    assert mention_state(text, ent, text.rindex("Armed")) is None  # past the clause mark: unknown


def test_victims_of_deaths_are_no_agent():
    from fullpicture.align._agents import _DEFAULT_SUFFERERS
    assert {"death", "casualty"} <= set(_DEFAULT_SUFFERERS)


def test_actors_named_around_a_dam_breach_are_no_place(lexical):
    text = ("Dam destroyed\n\nPeru accused Chile of blowing up the dam near Tacna on Tuesday. "
            "Lima-controlled authorities said the dam was destroyed by shelling.\n")
    a = _analyse(text, lexical)
    ents = {e.id: e for e in a.entities}
    for ev in a.events:
        if ev.place:
            assert ents[ev.place].name not in ("Chile", "Lima"), (ev.trigger.text, ents[ev.place].name)


def test_capital_acting_is_no_place(lexical):
    a = _analyse("Flood\n\nOfficials said Kyiv evacuated 3,000 people after the dam broke.\n", lexical)
    ents = {e.id: e for e in a.entities}
    ev = next(e for e in a.events if e.trigger.lemma == "evacuate")
    assert ev.place is None or "Kyiv" not in ents[ev.place].name


def test_a_war_begun_earlier_is_no_date_conflict():
    from fullpicture.align._incident_lex import setting_lemmas
    assert {"war", "guerre", "война"} <= setting_lemmas()


def test_slaughtered_and_drowned_are_consequences_of_their_happening(lexical):
    # "At least 40 people were slaughtered in the attack" was a happening of its own, a row
    # beside the attack (invented words, after a real hospital-blast report)
    text = ("Market attack\n\nGunmen attacked the market in Northtown on Monday. "
            "At least 40 people were slaughtered and 30 were wounded in the attack.\n")
    a = next(iter(analyze_documents([load_text(text, source="m", published="2024-06-04")], lexical)))
    b = next(iter(analyze_documents([load_text("Northtown market attack\n\nGunmen attacked the market in "
                                                "Northtown on Monday, officials said.\n", source="n",
                                                published="2024-06-04")], lexical)))
    sides = [Side(label="north", origin="user", documents=[a.document.id]),
             Side(label="south", origin="user", documents=[b.document.id])]
    comp = compare([a, b], sides, settings=lexical)
    assert _row_of_trigger(comp, a, "slaughtered") == _row_of_trigger(comp, a, "attacked")
    from fullpicture.align._incident_lex import incident_lexicon
    assert {"slaughter", "drown"} <= incident_lexicon().harm


def test_accusation_and_denial_about_a_happening_join_its_row(lexical):
    # each side blames the other for one blast, in the blast's own sentence: the accusation and
    # the denial were rows of their own beside the blast (invented words, after real coverage of
    # a contested dam breach and a hospital blast)
    text = ("Dam breached\n\nPeru accused Chile of shelling the dam near Tacna on Tuesday. "
            "Chile denied that it carried out the shelling of the dam.\n")
    other = ("Dam near Tacna breached\n\nThe dam near Tacna was destroyed by shelling on Tuesday, "
             "Chilean officials said, and they condemned the shelling.\n")
    a = next(iter(analyze_documents([load_text(text, source="pe", published="2024-06-04")], lexical)))
    b = next(iter(analyze_documents([load_text(other, source="cl", published="2024-06-04")], lexical)))
    sides = [Side(label="peruvian", origin="user", documents=[a.document.id]),
             Side(label="chilean", origin="user", documents=[b.document.id])]
    comp = compare([a, b], sides, settings=lexical)
    row = _row_of_trigger(comp, a, "shelling")
    for word in ("accused", "denied"):
        assert _row_of_trigger(comp, a, word) == row, word
    assert _row_of_trigger(comp, b, "condemned") == row
    # the row is named by the happening, not by the accusation
    label = next(r.label for r in comp.events if r.id == row) or ""
    assert not label.startswith(("accuse", "deny", "condemn")), label
    # switched off, the accusation is a row of its own again
    off = Settings(data={**lexical.data, "align": {**lexical.section("align"), "incident_told_about": False}})
    comp = compare([a, b], sides, settings=off)
    assert _row_of_trigger(comp, a, "accused") != _row_of_trigger(comp, a, "shelling")


def test_a_state_judged_responsible_is_no_place(lexical):
    # "X declared <state> responsible for the blast": the state is the one blamed, not where the
    # blast happened (a real report's row was placed in the accused country, away from its city)
    for sentence in ("The ministry declared Norway responsible for the blast at the depot.",
                     "The ministry held Norway responsible for the blast at the depot."):
        a = _analyse(f"Depot blast\n\n{sentence}\n", lexical)
        ents = {e.id: e for e in a.entities}
        blasts = [e for e in a.events if e.trigger.text == "blast"]
        assert blasts
        for ev in blasts:
            assert ev.place is None or "Norway" not in ents[ev.place].name, sentence


def test_a_happening_that_did_not_happen_has_no_day_to_contest():
    """"…if the police do not leave the town hall by Wednesday" names no day of a leaving: it
    cannot contest the day another side says the police left."""
    from fullpicture.align._dateconflict import _date_conflict
    from fullpicture.align._rowmembers import Member
    from tests.helpers import analyze_text

    left = analyze_text("The police left the Northgate town hall on 29 May 2023, officials said.", published="2023-05-30")
    warned = analyze_text("Protesters warned of a bigger rally if the police do not leave the Northgate town hall "
                          "by 24 May 2023.", published="2023-05-22")
    ev_left = next(e for e in left.events if e.trigger.lemma == "leave")
    ev_warn = next(e for e in warned.events if e.trigger.lemma == "leave")
    assert ev_warn.modality in ("negated", "hypothetical") and ev_left.modality not in ("negated", "hypothetical")
    assert ev_left.date and ev_warn.date and ev_left.date != ev_warn.date
    members = [Member(side="east", analysis=left, event=ev_left), Member(side="west", analysis=warned, event=ev_warn)]
    assert _date_conflict(members) is None


def test_a_reports_own_day_is_no_day_of_the_happening():
    """One side tells the day of a strike ("on Monday 7 June"); another side's articles, published
    on Wednesday and Thursday, carry the day a government spoke ("Norland said Wednesday that three
    drivers were killed", "Mercredi, ... a indiqué que ...") on the killing: the day of a saying or
    of a statement is no rival day of the happening. A day four days off, or one day off in an
    article published weeks later, still contests it."""
    from fullpicture.align._dateconflict import _date_conflict
    from fullpicture.align._rowmembers import Member
    from tests.helpers import analyze_text

    told = analyze_text("Three drivers were killed in a strike on their lorries on 7 June 2021 near Eastwell, "
                        "relatives said.", published="2021-06-08")
    said = analyze_text("Norland said on Wednesday that three drivers were killed in a strike on their lorries.",
                        published="2021-06-09")
    ev_told = next(e for e in told.events if e.trigger.lemma == "kill")
    ev_said = next(e for e in said.events if e.trigger.lemma == "kill")
    assert ev_told.date == "2021-06-07"
    members = [Member(side="east", analysis=told, event=ev_told), Member(side="west", analysis=said, event=ev_said)]
    if ev_said.date == "2021-06-09":  # the saying's day reached the killing: it may not contest the strike's
        assert _date_conflict(members, slack_days=2) is None
    # a stated day two days after the strike in an article of that day: the report's own day
    late = ev_told.model_copy(update={"date": "2021-06-09", "date_source": "sentence"})
    members = [Member(side="east", analysis=told, event=ev_told), Member(side="west", analysis=said, event=late)]
    assert _date_conflict(members, slack_days=2) is None
    assert _date_conflict(members, slack_days=0) is not None  # the switch off: the old reading
    # four days off, or a day told weeks before its article: a day of its own
    far = ev_told.model_copy(update={"date": "2021-06-11", "date_source": "sentence"})
    old = analyze_text("Norland said on Wednesday that three drivers were killed in a strike on their lorries.",
                       published="2021-07-09")
    for member in (Member(side="west", analysis=said, event=far), Member(side="west", analysis=old, event=late)):
        assert _date_conflict([Member(side="east", analysis=told, event=ev_told), member], slack_days=2) is not None


def test_a_statements_day_is_not_the_day_of_the_happening_it_tells():
    """An accusation or a statement joined to a strike's row has the day it was made: it never
    contests the strike's day."""
    from fullpicture.align._dateconflict import _date_conflict
    from fullpicture.align._rowmembers import Member
    from tests.helpers import analyze_text

    told = analyze_text("A drone strike hit two lorries near Eastwell on 7 June 2021.", published="2021-06-08")
    accused = analyze_text("On 20 June 2021 Norland accused Southland of the strike on the lorries.",
                           published="2021-06-21")
    ev_told = next(e for e in told.events if e.trigger.lemma == "strike")
    acc = [e for e in accused.events if e.type in ("ACCUSE", "STATEMENT", "REJECT", "DISAPPROVE")]
    assert acc and acc[0].date == "2021-06-20"
    members = [Member(side="east", analysis=told, event=ev_told), Member(side="west", analysis=accused, event=acc[0])]
    assert _date_conflict(members, slack_days=2) is None
