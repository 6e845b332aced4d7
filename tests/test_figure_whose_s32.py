"""What a number counts and whose happening a toll belongs to (session 32): invented texts.

Shapes of false toll disputes that any report of any conflict writes, restated with made-up
names and numbers, read alike in en/fr/ru:

* a number that names a thing ("a Varno 417 airliner", "flight 206") counts no one;
* a war's own toll ("a conflict that has killed 80,000"), an earlier happening's toll recalled to
  set the day's in time ("The bombing happened two weeks after ... an assault which killed
  three"), or told by a definite subject right after such a recall ("The attack killed 60"), is
  no toll of the day's happening;
* a count in a document published long after the row's day is a later finding;
* "killed and injured 200" counts both harms together, never one of them;
* a hedge written after the noun ("vingt habitants au moins") bounds the count as one before it;
* a Russian noun the model marks animate ("уничтожено свыше двухсот штурмовиков") is people,
  so the "destroyed" are the killed.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._figureitems import told_long_after
from fullpicture.align._figurevalues import comparable, population
from tests._events_helpers import figure_valued as _figure


def test_a_number_that_names_a_thing_counts_no_one():
    a = analyze("A passenger Kestrel 417 went down after take-off near Lask; all 91 people on board died.")
    assert population(a, _figure(a, 417)) == "things"
    assert population(a, _figure(a, 91)) != "things"
    a = analyze("Flight 206 crashed near Lask, killing 91.")
    assert population(a, _figure(a, 206)) == "things"
    a = analyze("Самолёт рейс 206 разбился под Ласком, погибли 91 человек.")
    assert population(a, _figure(a, 206)) == "things"
    a = analyze("On Friday 12 died when shells hit the Lask market.")  # a day's name, no designator
    assert population(a, _figure(a, 12)) != "things"
    a = analyze("In Lask 12 died when shells hit the market.")  # a place's name
    assert population(a, _figure(a, 12)) != "things"


def test_a_wars_own_toll_is_a_total():
    a = analyze("The strike on Lask killed 14. The UN urged calm in a conflict that has killed more than 80,000 people.")
    assert population(a, _figure(a, 80000)) == "total"
    assert population(a, _figure(a, 14)) == "people"
    a = analyze("Les ONG dénoncent une guerre entamée en 2019 et qui a fait plus de 80.000 morts.")
    assert population(a, _figure(a, 80000)) == "total"
    a = analyze("ООН призвала к перемирию в войне, которая унесла жизни 80 тысяч человек.")
    assert population(a, _figure(a, 80000)) == "total"


def test_a_toll_recalled_to_set_the_day_in_time():
    a = analyze("The bombing happened two weeks after gunmen stormed a checkpoint near Varno, an assault which killed three guards.")
    assert population(a, _figure(a, 3)) == "recalled"
    a = analyze("Ces frappes interviennent quatre jours après une attaque de drones contre Varno qui a fait trois morts.")
    assert population(a, _figure(a, 3)) == "recalled"
    a = analyze("Mourners buried 12 people killed in the strike on Lask.")
    assert population(a, _figure(a, 12)) != "recalled"


def test_a_definite_subject_right_after_a_recall_takes_up_the_recalled_happening():
    a = analyze("The raid comes almost a year after the gas attack on Varno, on May 4, 2019. The attack killed 60 people.")
    assert population(a, _figure(a, 60)) == "recalled"
    a = analyze("The raid came a day after the shelling of the port. The raid killed 60 people.")
    assert population(a, _figure(a, 60)) != "recalled"  # the raid's word is not the recalled one's


def test_a_count_published_long_after_the_day_is_a_later_finding():
    a = analyze("An inquiry found that 43 named people died in the Lask attack.")
    a = a.model_copy(update={"document": a.document.model_copy(update={"published": "2026-03-01"})})
    assert told_long_after(a, "2024-04-07", 180)
    assert not told_long_after(a, "2026-02-20", 180)
    assert not told_long_after(a, "2024-04-07", 0)  # 0: off
    assert not comparable("later", "people")


def test_two_harms_joined_count_both_together():
    for text in ("According to a militia channel, the shelling killed and injured 200 residents of Lask.",
                 "In the raid, 200 people were killed or injured.",
                 "Le raid a tué ou blessé 200 personnes.",
                 "200 человек были убиты или ранены."):
        a = analyze(text)
        assert _figure(a, 200).counts == "casualties", text
    a = analyze("The raid killed 40 people and injured 12.")
    assert (_figure(a, 40).counts, _figure(a, 12).counts) == ("killed", "injured")
    a = analyze("No one was killed or injured in the raid on Lask.")  # a zero is a zero of each
    assert {f.counts for f in a.figures if f.value == 0} == {"killed", "injured"}


def test_a_hedge_after_the_noun_bounds_the_count():
    a = analyze("À Lask, vingt habitants au moins ont été tués dimanche.")
    f = _figure(a, 20)
    assert f.low == 20 and f.high is None
    a = analyze("Погибли 40 человек как минимум.")
    f = _figure(a, 40)
    assert f.low == 40 and f.high is None
    a = analyze("À Lask, vingt habitants ont été tués dimanche.")
    assert _figure(a, 20).high == 20


def test_people_destroyed_are_killed_by_the_nouns_animacy():
    a = analyze("Штаб отчитался, что за сутки уничтожено свыше двухсот штурмовиков.")
    assert _figure(a, 200).counts == "killed"
    a = analyze("Штаб отчитался, что за сутки уничтожено 12 складов.")
    assert _figure(a, 12).counts == "destroyed"
