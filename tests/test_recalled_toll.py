"""A recalled earlier incident keeps its toll and its day (issue 9): an article about a strike
that recalls "the shelling of 7 October, which killed 40" lends neither to the current
incident, and the conflict check never compares that toll with the current one. Invented
texts in English, French and Russian, restating the shape of real coverage."""

from __future__ import annotations

import pytest

from fullpicture import analyze, analyze_documents
from fullpicture.align import compare
from fullpicture.ingest import load_text
from fullpicture.models.comparison import Side

STORIES = {
    "en": ("Missile hits Tarnovo station\n\nA missile hit the railway station in Tarnovo on Tuesday, killing 12 people. "
           "It was the deadliest attack on the town since the shelling of 7 October, which killed 40 people.",
           "Strike on Tarnovo\n\nTwelve people were killed when a missile struck the Tarnovo railway station on "
           "Tuesday, the governor said."),
    "fr": ("Frappe sur la gare de Tarnovo\n\nUn missile a frappé la gare de Tarnovo mardi, tuant 12 personnes. C'est "
           "l'attaque la plus meurtrière depuis le bombardement du 7 octobre, qui avait fait 40 morts.",
           "Frappe à Tarnovo\n\nDouze personnes ont été tuées mardi lorsqu'un missile a frappé la gare de Tarnovo, "
           "selon le gouverneur."),
    "ru": ("Удар по вокзалу Тарново\n\nВо вторник ракета попала в вокзал в Тарново, погибли 12 человек. Это самый "
           "кровопролитный удар по городу со времени обстрела 7 октября, когда погибли 40 человек.",
           "Удар по Тарново\n\nВо вторник при ударе ракеты по вокзалу Тарново погибли двенадцать человек, сообщил "
           "губернатор."),
}


@pytest.mark.slow
@pytest.mark.parametrize("language", sorted(STORIES))
def test_a_recalled_toll_stays_with_its_own_incident(lexical, language):
    docs = [load_text(t, source=f"{side}{i}", published="2024-11-12")
            for i, (side, t) in enumerate(zip(("north", "south"), STORIES[language], strict=True))]
    analyses = list(analyze_documents(docs, lexical))
    sides = [Side(label=s, origin="user", documents=[a.document.id for a in analyses if a.document.source.startswith(s)])
             for s in ("north", "south")]
    comp = compare(analyses, sides, settings=lexical)
    killed = {e.id: {v.value for v in e.figures if v.field == "figure:killed"} for e in comp.events}
    current = next(e for e in comp.events if len(e.sides) == 2)
    assert killed[current.id] == {"12"}  # both sides' toll of the strike, nothing of 7 October
    recalled = next(e for e in comp.events if "40" in killed[e.id])
    assert recalled.id != current.id and recalled.date == "2024-10-07"
    assert not any(c.field.startswith("figure:") for e in comp.events for c in e.conflicts)


def test_a_paragraph_opening_with_a_number_word_keeps_its_noun():
    # the parser ended a sentence after a paragraph's first number word ("Douze"), so the toll
    # reached no event and no claim
    a = analyze("Frappe à Tarnovo\n\nDouze personnes ont été tuées mardi lorsqu'un missile a frappé la gare, "
                "selon le gouverneur.")
    fig = next(f for f in a.figures if f.value == 12)
    ev = next(e for e in a.events if e.id == fig.event)
    assert fig.counts == "killed" and ev.trigger.text == "tuées" and fig.claim is not None
