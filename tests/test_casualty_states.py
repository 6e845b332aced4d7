"""What a casualty figure counts when its state or its count sits beside the counted noun, not
on the verb (issue 9): "left 40 people injured", "leaves 12 civilians dead", Russian "жертвами
стали N", "о гибели N", "унёс жизни двадцати пяти". Every sentence is invented; each restates a
construction of real reports in its own words."""

from __future__ import annotations


def _counts(text: str) -> dict[str, str | None]:
    from fullpicture import analyze

    a = analyze(text)
    return {f.text: f.counts for f in a.figures}


def test_a_state_after_the_counted_noun_decides_over_leave():
    got = _counts("The shelling of the depot left 40 people injured. A second strike leaves 12 local civilians "
                  "dead in the suburbs. The flood left 300 families homeless.")
    assert got["40"] == "injured"  # was displaced: "left" read as leaving a place
    assert got["12"] == "killed"
    assert got["300"] == "displaced"  # "homeless" is displacement


def test_a_count_verb_before_the_figure_still_decides():
    got = _counts("Rockets killed 14 people in the square on Sunday, officials said.")
    assert got["14"] == "killed"


def test_russian_victims_life_and_death_nouns_count_the_killed():
    got = _counts("Вчера вечером ракета попала в склад в пригороде. Жертвами обстрела стали 18 человек. "
                  "Ночной удар по вокзалу унёс жизни двадцати пяти человек. Прокуратура сообщила о гибели "
                  "двенадцати мирных жителей, ещё 40 человек ранены.")
    assert got["18"] == "killed"
    assert got["двадцати пяти"] == "killed"
    assert got["двенадцати"] == "killed"  # was "residents"
    assert got["40"] == "injured"  # the injured stay injured


def test_french_death_noun_governs_its_count():
    got = _counts("Les secours fouillaient encore les décombres dans la soirée. La préfecture a confirmé la mort "
                  "de 12 civils, et 30 personnes ont été blessées.")
    assert got["12"] == "killed"
    assert got["30"] == "injured"


def test_french_de_n_a_m_is_a_range_except_after_a_verb_of_change():
    from fullpicture import analyze

    a = analyze("Les journaux du pays font état de 200 à 300 morts dans le camp. Le bilan des secours est passé "
                "de 30 à 50 blessés dans la nuit, selon la préfecture.")
    got = {f.text: (f.low, f.high) for f in a.figures}
    assert got["200 à 300"] == (200.0, 300.0)
    assert "30 à 50" not in got  # an update from 30 to 50, no range


def test_russian_rise_from_n_to_m_gives_the_new_value_without_a_bound():
    from fullpicture import analyze

    a = analyze("Ведомство сообщило, что после разбора завалов число погибших выросло с 40 до 52 человек. "
                "Спасатели сообщили, что при пожаре погибли до 20 человек.")
    got = {f.text: (f.counts, f.low, f.high) for f in a.figures}
    assert got["52"] == ("killed", 52.0, 52.0)  # was "до 52", at most 52
    assert got["до 20"] == ("killed", None, 20.0)  # a plain "до N" stays at most N
