"""fp_figures: the number of a numbered list item is no count ("1. The army shelled ..."); a
coordinated participle used as a noun counts what its own verb counts (session 18)."""

from __future__ import annotations

from tests.helpers import analyze_text


def _counts(a):
    return [(f.text, f.value, f.counts) for f in a.figures]


def test_numbered_summary_items_are_no_figures_en():
    a = analyze_text(
        "Rebels killed more than 30 guards at the depot\n\n"
        "1. Rebel units attacked the depot at night and killed the sentries.\n"
        "2. The governor said the raid was planned.\n"
    )
    counts = _counts(a)
    assert ("more than 30", 30, "killed") in counts
    assert not any(v in (1, 2) for _, v, _ in counts), counts


def test_numbered_summary_items_are_no_figures_ru():
    a = analyze_text(
        "Погибли более 30 охранников склада\n\n"
        "1. Отряды повстанцев атаковали склад ночью и убили часовых.\n"
        "2) Губернатор заявил, что нападение было спланировано.\n"
    )
    counts = _counts(a)
    assert any(v == 30 and c == "killed" for _, v, c in counts), counts
    assert not any(v in (1, 2) for _, v, _ in counts), counts


def test_a_count_at_a_line_start_stays_a_figure():
    a = analyze_text("Flood in the valley\n\n12 villagers died when the river burst its banks.\n")
    assert ("12", 12, "killed") in _counts(a)


def test_a_coordinated_participle_counts_what_its_own_verb_counts():
    # "o N погибших и M пострадавших": the second noun is the hurt, not more dead
    a = analyze_text("Губернатор сообщил новые данные. Ранее сообщалось о восьми погибших и 25 пострадавших.")
    counts = {f.text: f.counts for f in a.figures}
    assert counts.get("восьми") == "killed" and counts.get("25") == "injured", counts
