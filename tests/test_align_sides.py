"""Side assignment: user, declared, metadata, inferred."""

from __future__ import annotations

from fullpicture.align import assign_sides
from fullpicture.models import Author
from tests.fixtures.align.build import north, south


def _docs_of(sides):
    return {s.label: (s.origin, s.documents) for s in sides}


def test_user_overrides_declared():
    docs = [north(), south()]
    sides = assign_sides(docs, user_sides={"doc-north": "A", "doc-south": "B"})
    assert _docs_of(sides) == {"A": ("user", ["doc-north"]), "B": ("user", ["doc-south"])}


def test_declared_perspective():
    sides = assign_sides([north(), south()])
    assert _docs_of(sides) == {"north": ("declared", ["doc-north"]), "south": ("declared", ["doc-south"])}


def test_metadata_affiliation_then_site():
    a = north(perspective=None, authors=[Author(name="X", affiliation="Northland Ministry")])
    b = south(perspective=None, site="south-news.example")
    sides = assign_sides([a, b])
    assert _docs_of(sides) == {
        "Northland Ministry": ("metadata", ["doc-north"]),
        "south-news.example": ("metadata", ["doc-south"]),
    }


def test_several_documents_per_side():
    a, b = north(), south()
    c = north().model_copy(deep=True)
    c.document.id = "doc-north-2"
    sides = assign_sides([a, b, c])
    assert _docs_of(sides)["north"] == ("declared", ["doc-north", "doc-north-2"])


def test_inferred_from_naming_and_framing():
    a, b = north(perspective=None), south(perspective=None)
    a2 = north(perspective=None).model_copy(deep=True)
    a2.document.id = "doc-north-2"
    b2 = south(perspective=None).model_copy(deep=True)
    b2.document.id = "doc-south-2"
    sides = assign_sides([a, b, a2, b2])
    assert all(s.origin == "inferred" for s in sides)
    groups = sorted(sorted(s.documents) for s in sides)
    assert groups == [["doc-north", "doc-north-2"], ["doc-south", "doc-south-2"]]
