"""A determiner before an English verb trigger belongs to its subject: "the rebels struck the
ferry" tells a happening, it does not name one told before (session 39, mixed rows). The row
trace of the development corpora found definite-anaphor links made by such verbs between two
happenings of one report (a struck ferry and the strike on a depot the next day; a raid and the
reprisal for it). Invented words only."""

from __future__ import annotations

from fullpicture.align._eventfeat import _definite


def test_an_english_verb_after_its_subject_is_no_definite_happening():
    text = "Later the rebels struck the ferry near Kellow. The strikes went on; the blast woke the port."
    struck, strikes, blast = text.index("struck"), text.index("strikes"), text.index("blast")
    assert not _definite(text, struck, "en", "struck", "strike")
    assert _definite(text, strikes, "en", "strikes", "strike")
    assert _definite(text, blast, "en", "blast", "blast")
    # a language's own determiners are read as before ("этого обстрела")
    ru = "Власти Келлова осудили цели этого обстрела."
    assert _definite(ru, ru.index("обстрела"), "ru", "обстрела", "обстрел")
