"""A victim's nationality is no doer; referring a matter to a body seizes nothing (session 40).

Invented sentences restating the shapes of two misreadings seen on real coverage:

* a headline "<demonym> soldier killed in ..." (a participle with no auxiliary) read the soldier
  as the subject of an active "killed", so the state of his demonym became the killer; the same
  with "shot dead". A demonym on the one who undergoes a harm is the victim's, in every language;
  a "by"/"par" phrase, an instrumental and an active subject still name the doer;
* French "saisir" an institution ("a saisi le Conseil de sécurité", "saisir la justice") refers a
  matter to it, which made a president the agent of a seizure; "saisir des armes" stays a seizure.
"""

from __future__ import annotations

from fullpicture.align._agents import name_state, state_of
from fullpicture.align._tolddoers import told_doers
from fullpicture.models import Analysis, Event
from tests.helpers import analyze_text


def _event(a: Analysis, trigger: str) -> Event:
    return next(e for e in a.events if e.trigger.text == trigger)


def _states(a: Analysis, ids: list[str]) -> set[str]:
    ents = {e.id: e for e in a.entities}
    return {s for i in ids if i in ents and (s := state_of(ents[i]) or name_state(ents[i].name))}


def _doers(text: str, trigger: str) -> set[str]:
    """The states the parse and the words after the act name as the doer of ``trigger``."""
    a = analyze_text(text, published="2031-05-02")
    ev = _event(a, trigger)
    return _states(a, ev.agents) | {d.state for d in told_doers(a, ev, 3)}


def _undergoers(text: str, trigger: str) -> set[str]:
    a = analyze_text(text, published="2031-05-02")
    return _states(a, _event(a, trigger).patients)


def test_a_headline_participle_tells_the_victims_state_not_the_doer():
    assert _doers("Indian soldier killed as army withdraws from Varn", "killed") == set()
    assert _undergoers("Indian soldier killed as army withdraws from Varn", "killed") == {"IN"}
    assert _doers("Indian civilian shot dead near Varn", "shot dead") == set()


def test_an_active_subject_and_a_by_phrase_still_name_the_doer():
    assert _doers("Indian troops killed two gunmen near Varn", "killed") == {"IN"}
    assert _doers("Indian police shot dead two gunmen near Varn", "shot dead") == {"IN"}
    assert _doers("An Indian soldier was killed by Chinese troops near Varn.", "killed") == {"CN"}
    assert _undergoers("An Indian soldier was killed by Chinese troops near Varn.", "killed") == {"IN"}


def test_french_and_russian_victims_are_no_doers():
    assert _doers("Un soldat indien tué lors d'affrontements avec des rebelles près de Varn", "tué") == set()
    assert _doers("Deux soldats indiens blessés dans des combats à Varn", "blessés") == set()
    assert _doers("Индийский военный погиб в столкновении с боевиками под Варной.", "погиб") == set()
    assert _doers("Индийский солдат ранен в перестрелке под Варной.", "ранен") == set()
    # "par" and an instrumental armed body still name who did it
    assert _doers("Un soldat indien a été tué par l'armée chinoise près de Varn.", "tué") == {"CN"}
    assert _doers("Обстрел китайскими вооруженными силами позиций под Варной.", "Обстрел") == {"CN"}


def _types(text: str, trigger: str) -> list[str]:
    a = analyze_text(text, published="2031-05-02")
    return [e.type for e in a.events if e.trigger.text == trigger]


def test_referring_a_matter_to_a_body_seizes_nothing():
    assert _types("Le président indien a saisi le Conseil de sécurité de l'ONU au sujet de l'attaque.", "saisi") == []
    assert _types("Le président a saisi le secrétaire général de l'ONU et le Conseil de sécurité.", "saisi") == []
    # the object misparsed as the verb's conjunct, a day between commas
    assert _types("Le président, Vlad Oren, a saisi, lundi, le secrétaire général de l'ONU.", "saisi") == []
    assert _types("L'Inde a décidé de saisir la justice internationale.", "saisir") == []
    assert _types("Le gouvernement chinois a saisi la Cour internationale de justice.", "saisi") == []
    assert _types("New Delhi a saisi l'occasion pour renforcer ses positions.", "saisi") == []
    # seizing things stays a seizure
    assert _types("Les militaires indiens ont saisi des armes à Varn.", "saisi") == ["COERCE"]
    assert _types("Les militaires indiens ont saisi, lundi, des armes et des munitions à Varn.", "saisi") == ["COERCE"]
