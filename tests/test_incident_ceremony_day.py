"""An anniversary piece years on joins the main row although its sentence states the ceremony's
day and names only the ceremony's places (align/_retoldnamed.py, align/_anniversary.py; session
37, anniv).

Shape restated in invented words from real multi-side coverage: the patrol boat Northwind sank
off Greyrock Island; every report of the time tells it on its day. Ten years on, a broadcaster's
piece headed "Tenth anniversary memorial of the Northwind sinking" says "the memorial service
was held yesterday at the Harbour Command to remember the sailors who perished in the blast,
and a diver who died in the rescue operation": the day is the ceremony's ("yesterday"), the
places the ceremony's, and the piece formed a row of its own for the year of the ceremony.
Guards: a report of the time (no years between), a sentence without any anniversary word, a day
far from the report's, a piece naming nothing of the main row, and the switch off keep it apart.
"""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._anniversary import anniversary_sentence, ceremony_day
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._retoldnamed import join_retold_named
from fullpicture.nlp.places._translit import script_key

DAY = 738000
YEARS = 3653
TITLE = "TENTH ANNIVERSARY MEMORIAL OF NORTHWIND SINKING"
SERVICE = ("Yesterday the Harbour Command honoured, ten years on, the crew lost in the blast and a diver "
           "lost later while searching for them, at an anniversary service.")


def _m(doc: str, day: int, firm: bool, *, sentence: str = "...", names: frozenset[str] = frozenset({script_key("Northwind")}),
       lemma: str = "blast", kind: str = "ASSAULT", pub: int | None = None) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type=kind, family="material_conflict", sentence=sentence,
                           span=(0, 60), interval=(day, day), date_firm=firm,
                           extra={"by_report": False, "names": names,
                                  "published": (pub if pub is not None else day,) * 2})


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), **over}


def _story(gap: int = YEARS, sentence: str = SERVICE, title: str = TITLE, stated: int = -1,
           names: frozenset[str] = frozenset({script_key("Harbour Command")})) -> tuple[list[MentionFeatures], list[int]]:
    """Row 0: three reports of the day; row 1: the later piece (its title, the service's blast,
    the diver's rescue operation stated on the ceremony's day)."""
    first = [_m("a", DAY, True), _m("b", DAY, True, lemma="sink"), _m("c", DAY, True, names=frozenset({script_key("Greyrock")}))]
    pub = DAY + gap
    late = [_m("p", pub, False, sentence=title, names=frozenset(), lemma="memorial", kind="CEREMONY"),
            _m("p", pub + stated, False, sentence=sentence, names=names),
            _m("p", pub + stated, True, sentence=sentence, names=names, lemma="operation")]
    for f in late:
        f.extra["published"] = (pub, pub)
    return first + late, [0, 0, 0, 2, 1, 1]


def test_the_ceremony_day_of_a_piece_years_on_is_no_day_of_the_happening() -> None:
    feats, labels = _story()
    assert join_retold_named(feats, _cfg(), labels) == [0, 0, 0, 2, 0, 0]


def test_a_report_of_the_time_keeps_its_stated_day() -> None:
    # a memorial the week after: a day of its own, which may be a new happening's
    feats, labels = _story(gap=7)
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_a_sentence_without_anniversary_words_keeps_its_day() -> None:
    plain = "Another blast hit the Harbour Command yesterday, and a diver died during the rescue operation."
    feats, labels = _story(sentence=plain, title="Blast at the Harbour Command")
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_a_day_far_from_the_report_is_a_day_of_its_own() -> None:
    feats, labels = _story(stated=-40)
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_a_piece_naming_nothing_of_the_main_row_stays_apart() -> None:
    feats, labels = _story(title="TENTH ANNIVERSARY MEMORIAL OF THE SAILORS")
    assert join_retold_named(feats, _cfg(), labels) == labels


def test_off() -> None:
    feats, labels = _story()
    assert join_retold_named(feats, _cfg(incident_retold_ceremony_days=0), labels) == labels


def test_anniversary_words_in_each_language() -> None:
    assert anniversary_sentence("Dixième anniversaire du naufrage du Northwind")
    assert anniversary_sentence("Десятая годовщина гибели корабля «Нордвинд»")
    assert not anniversary_sentence("The Northwind sank off Greyrock Island on Friday.")
    assert ceremony_day((DAY - 1, DAY - 1), (DAY, DAY), SERVICE, 1)
    assert not ceremony_day((DAY - 5, DAY - 5), (DAY, DAY), SERVICE, 1)


def test_the_march_of_the_anniversary_stays_a_happening_of_its_year() -> None:
    # "a march was held in Portsea to commemorate the sailors who died": the dead join the
    # sinking's row, the march of that year keeps its own
    feats, labels = _story()
    march = _m("p", DAY + YEARS, False, sentence=SERVICE, names=frozenset({script_key("Portsea")}),
               lemma="march", kind="PROTEST", pub=DAY + YEARS)
    assert join_retold_named(feats + [march], _cfg(), labels + [1]) == [0, 0, 0, 2, 0, 0, 1]


def test_a_march_years_on_is_not_recalled_into_the_first_row() -> None:
    # the march left alone in its row, dated by its piece years on and told at a town the first
    # row names, is the march of that year, not the first happening recalled
    from fullpicture.align._recallmark import join_recalled_earlier

    town = frozenset({script_key("Portsea")})
    first = [_m(d, DAY, True, names=town) for d in ("a", "b")]
    later = [_m("a", DAY + YEARS, False, names=town, lemma=lemma, kind=kind, pub=DAY + YEARS)
             for lemma, kind in (("march", "PROTEST"), ("blast", "ASSAULT"))]
    for f in later:
        f.extra["by_report"] = True
    feats, labels = first + later, [0, 0, 1, 1]
    assert join_recalled_earlier(feats, _cfg(), labels)[2:] == [1, 0]
    assert join_recalled_earlier(feats, _cfg(incident_retold_ceremony_days=0), labels)[2:] == [0, 0]
