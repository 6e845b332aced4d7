"""A blockade is a lasting setting, as a war is (session 37, `[distinct] war_nouns` and
`campaigns` of data/events/incidents.toml, align/_eventfeat._war_noun).

Shape restated in invented words from real multi-side coverage: one side tells "the blockade of
the coast", another "le blocus", a third "блокада", each dated by its report (one an anniversary
piece a year on); each formed a row keyed on its word and its report's day, apart from the rows of
the war or the blockade the other reports tell. Told with no day of its own, a blockade is the
story's lasting setting and joins the setting's row. The rule reads words, never who tells them."""

from __future__ import annotations

from fullpicture.align._eventfeat import _war_noun
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import lasting_kinds, war_nouns

DAY = 738000


def test_a_blockade_with_no_day_of_its_own_is_the_lasting_setting() -> None:
    assert {"blockade", "blocus", "блокада"} <= war_nouns() & lasting_kinds()
    for lemma in ("blockade", "blocus", "блокада"):
        f = MentionFeatures(doc="a", lemma=lemma, type="ASSAULT", family="ASSAULT", sentence="...",
                            span=(0, 50), interval=(DAY, DAY), date_firm=False,
                            extra={"published": (DAY, DAY)})
        _war_noun(f, 30)
        assert f.extra.get("lasting_setting"), lemma
