"""A relative clause on the counted word tells its count (session 25): invented texts.

"41 were hurt in addition to the six who were killed" counts six killed, not six hurt: the
relative clause whose pronoun is its subject says what the number counts (a casualty count of its
own), over the verb of the sentence. A clause of another act ("who fled") only says who.
"""

from __future__ import annotations

from fullpicture import analyze


def _counts(text: str) -> list[tuple[float | None, str | None]]:
    return [(f.value, f.counts) for f in analyze(text).figures]


def test_a_relative_clause_tells_its_own_count():
    assert _counts("He added that 41 people were injured in addition to the six who were killed.") == [
        (41.0, "injured"), (6.0, "killed")]
    assert _counts("Besides the 12 who died, 40 were hurt.") == [(12.0, "killed"), (40.0, "injured")]
    assert _counts("Il a ajouté que 41 personnes ont été blessées, en plus des six qui ont été tuées.") == [
        (41.0, "injured"), (6.0, "killed")]
    # a clause of another act says who, not what is counted
    assert _counts("The 12 people who fled the shelling were killed.") == [(12.0, "killed")]
