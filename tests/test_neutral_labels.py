"""Row labels never name a place in one side's words only."""

from __future__ import annotations


def test_a_place_only_one_side_names_is_labelled_with_the_record_name_too(lexical):
    from fullpicture import analyze
    from fullpicture.align import compare
    from fullpicture.models.comparison import Side

    a = analyze("A fuel depot exploded near Stepanakert on 25 September 2023, killing dozens of people.")
    b = analyze("The ministry in Baku said on 26 September 2023 that the talks on reintegration would continue.")
    comp = compare([a, b], [Side(label="one", origin="user", documents=[a.document.id]),
                            Side(label="two", origin="user", documents=[b.document.id])], settings=lexical)
    row = next(e for e in comp.events if e.type == "ASSAULT")
    assert row.place == "Stepanakert / Khankendi", row.place
