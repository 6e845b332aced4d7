"""Military words an outlet sets in quotation marks are the doer's label, relayed (session 37).

Shape restated in invented words after real multi-side coverage: an outlet of the struck
country writes that the other state's aircraft aimed at a « terrorist group » (quotation marks
of its own) and that the dead were guests at a wedding; the quoted label is the doer state's
account, not the outlet's side's, so that side's civilian account stands against it.
"""

from __future__ import annotations

import pytest

from tests.helpers import compare_texts, widest_row

DOER = ("Frappe près de Kerbaya\n\nLe 4 mai 2031, l'armée française a mené une frappe aérienne contre un "
        "groupe terroriste armé près de Kerbaya, a déclaré l'état-major.\n")
OUTLET = ("Frappe près de Kerbaya\n\nLe 4 mai 2031, près de Kerbaya, l'aviation française a visé un « groupe "
          "terroriste armé ». Des villageois affirment que les bombes ont touché des civils.\n")


def _row(lexical, **align):
    row = widest_row(compare_texts(lexical, {"french": DOER, "malian": OUTLET}, "2031-05-05", **align))
    assert {"french", "malian"} <= set(row.sides)
    return row


@pytest.mark.slow
def test_a_quoted_label_is_the_doer_sides_account(lexical):
    row = _row(lexical, target_quoted_labels=True)
    quoted = [v for v in row.targets if v.kind == "military" and v.document != row.mentions[0].document
              and v.reported_by == "malian"]
    assert quoted and {v.side for v in quoted} == {"french"}, row.targets
    assert [c for c in row.conflicts if c.field == "target"], row.conflicts


@pytest.mark.slow
def test_quoted_labels_off_keeps_them_the_outlets(lexical):
    row = _row(lexical, target_quoted_labels=False)
    assert not [v for v in row.targets if v.reported_by == "malian"], row.targets


def _speaker(text: str, trigger: str, words: str) -> bool:
    from fullpicture.align._targets import _speaker_words
    from tests.helpers import analyze_text

    a = analyze_text(text, published="2031-05-05")
    ev = next(e for e in a.events if e.trigger.text == trigger)
    start = text.index(words)
    return _speaker_words(a, ev, start, start + len(words))


@pytest.mark.slow
def test_who_reports_the_act_is_no_target() -> None:
    """Session 37: the inverted report names the staff that tells of the shelling, not a
    headquarters the shelling hit; a headquarters the act's own phrase names stays a value."""
    assert _speaker("Один солдат убит в результате обстрела острова Марроу, сообщает во вторник главный штаб.",
                    "обстрела", "штаб")
    assert _speaker("Artillery shelled the island of Marrow on Tuesday, the army staff said.", "shelled", "staff")
    assert not _speaker("The army said its troops shelled the headquarters of the militia on Tuesday.",
                        "shelled", "headquarters")
