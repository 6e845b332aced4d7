"""A participle right after a counted noun says what that number counts (issue 9, real text),
restated in invented words: in a headline "9 workers killed, 40 workers hurt in depot blast" the
parser hangs the first noun on the later verb, which had made the 9 an injured count."""

from __future__ import annotations

import pytest

from fullpicture import analyze_documents
from fullpicture.ingest import load_text


@pytest.mark.parametrize(("text", "want"), [
    ("9 workers killed, 40 workers severely wounded as result of blast at depot\n\nThe blast hit a depot.\n",
     [("9", "killed"), ("40", "injured")]),
    ("Two guards wounded, three porters killed in attack on a depot\n\nThe attack hit a depot.\n",
     [("Two", "injured"), ("three", "killed")]),
    ("At least 12 guards were killed and 20 wounded in the attack on the depot.\n",
     [("At least 12", "killed"), ("20", "injured")]),
])
def test_each_number_counts_what_its_own_participle_says(lexical, text, want):
    a = next(iter(analyze_documents([load_text(text, source="h")], lexical)))
    assert [(f.text, f.counts) for f in a.figures if f.counts in ("killed", "injured")] == want
