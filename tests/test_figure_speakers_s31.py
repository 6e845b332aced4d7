"""Whose account a relayed count is (session 31): invented texts.

* a speaker told by a surname alone ("Arvo said ...") after the document gave that person a local
  authority's title ("regional Governor Lena Arvo") is that local authority (a wire relaying the
  governor's next-day count is the governor's side's account, a stage of its own count);
* a speaker named by a bare institution noun ("the agency said") goes on with the speaker of the
  claim just before it.
"""

from __future__ import annotations

from fullpicture import analyze
from fullpicture.align._innersource import local_authority, pronoun_state
from fullpicture.align._util import EntityIndex
from tests._events_helpers import figure_valued as _figure


def test_a_surname_after_a_local_title_is_the_local_authority():
    a = analyze("At least 9 people died in Lask, regional Governor Lena Arvo said on Monday.\n\n"
                "Arvo said that 41 people had been hurt.")
    assert local_authority(a, _figure(a, 41).claim)
    a = analyze("At least 9 people died in Lask, the analyst Lena Arvo said on Monday.\n\n"
                "Arvo said that 41 people had been hurt.")
    assert not local_authority(a, _figure(a, 41).claim)


def test_an_institution_noun_goes_on_with_the_speaker_before_it():
    a = analyze("Romania's defence ministry said 3 people were killed on the Lask bridge.\n\n"
                "\"The bodies of 2 people have been recovered,\" the agency said.")
    f = _figure(a, 2)
    claim = next(c for c in a.claims if c.id == f.claim)
    assert claim.source is not None and claim.source.text.strip().lower() in ("the agency", "agency")
    assert pronoun_state(a, f.claim, EntityIndex([a]), 400) == "RO"
    assert pronoun_state(a, f.claim, EntityIndex([a]), 0) is None


def test_a_name_after_other_words_than_a_title_is_no_local_authority():
    a = analyze("The governor met Ivo Brask on Monday in Lask.\n\nBrask said that 41 people had been hurt.")
    assert not local_authority(a, _figure(a, 41).claim)
    a = analyze("The Governor of the Lask region Ivo Brask spoke on Monday.\n\nBrask said that 41 people had been hurt.")
    assert local_authority(a, _figure(a, 41).claim)
