"""A bare weekday in news is the last such day unless a word of something to come points it
forward (session 23, dates; invented sentences restating shapes of real reports).

2031-03-05 is a Wednesday."""

from __future__ import annotations

import pytest

from tests.test_time_tagger import by_text, tag, time_nlp  # noqa: F401


@pytest.mark.parametrize(("text", "expr", "value"), [
    # "be" with a complement ("was hard ... to learn") plans nothing: the raid was last Tuesday
    ("The minister said it was hard for the rebels to learn the details of the raid on Tuesday "
     "evening.", "Tuesday evening", "2031-03-04TEV"),
    ("It was clear to everyone that the convoy had left on Monday.", "Monday", "2031-03-03"),
    # "later Wednesday" written on a Wednesday: later today, also in a sentence of things to come
    ("The talks were set to resume later Wednesday in the capital.", "later Wednesday", "2031-03-05"),
    ("The ministers will meet later Friday.", "later Friday", "2031-03-07"),
    # plans still point forward
    ("The two leaders are to meet on Tuesday.", "Tuesday", "2031-03-11"),
    ("The council will vote on Wednesday.", "Wednesday", "2031-03-12"),
])
def test_weekday_direction(time_nlp, text, expr, value):  # noqa: F811
    assert by_text(tag(time_nlp, text, published="2031-03-05"))[expr].value == value
