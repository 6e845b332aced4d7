"""``fp_zones`` writes each token's zone under spaCy's own extension keys (no ``Underscore``
object per token); what ``token._.fp_zone`` and ``in_story`` give is unchanged."""

from __future__ import annotations

from fullpicture.models import Zone
from fullpicture.nlp.zones import NON_STORY_ZONES, in_story

TEXT = (
    "Shelling hit the town on Monday, officials said.\n\n"
    "Editor's note: this story was updated.\n\n"
    "Two people were killed, the mayor said.\n\n"
    "The author covered the war for ten years."
)


def _expected(doc, zones):
    """The projection as a plain loop over tokens (the code before the speed change)."""
    out = []
    for tok in doc:
        kind = next((z.kind for z in zones if z.start <= tok.idx < z.end), "body")
        out.append(kind)
    return out


def test_tokens_get_their_zone_and_story_flag(nlp):
    second = TEXT.index("Editor's")
    third = TEXT.index("Two people")
    fourth = TEXT.index("The author")
    zones = [
        Zone(kind="author_bio", start=fourth, end=len(TEXT)),
        Zone(kind="editorial_note", start=second, end=third - 2),
        Zone(kind="body", start=third, end=fourth - 2),
    ]
    doc = nlp.make_doc(TEXT)
    doc._.fp_zones = zones
    doc = nlp.get_pipe("fp_zones")(doc)
    got = [t._.fp_zone for t in doc]
    assert got == _expected(doc, sorted(zones, key=lambda z: z.start))
    assert {"author_bio", "editorial_note", "body"} <= set(got)
    assert [in_story(t) for t in doc] == [k not in NON_STORY_ZONES for k in got]
    assert [z.start for z in doc._.fp_zones] == sorted(z.start for z in zones)


def test_no_zones_is_all_body(nlp):
    doc = nlp.make_doc("A short text without zones.")
    doc._.fp_zones = []
    doc = nlp.get_pipe("fp_zones")(doc)
    assert [t._.fp_zone for t in doc] == ["body"] * len(doc)
    assert all(in_story(t) for t in doc)
    # a token never projected (no fp_zones run) is in the story
    fresh = nlp.make_doc("Another text.")
    assert all(in_story(t) for t in fresh)
