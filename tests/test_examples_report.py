"""The bundled examples through the whole chain: ingest, analysis, alignment, report.

examples/README.md lists what the two illustrative articles were written to contain;
these tests check that the comparison and the report find it, and that it is correct.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import EXAMPLES

AM, AZ = "armenian", "azerbaijani"


@pytest.fixture(scope="module")
def comparison():
    from fullpicture import compare

    errors: list[tuple[str, str]] = []
    comp = compare([EXAMPLES], on_error=lambda s, p: errors.append((s, p)))
    assert not errors, errors
    return comp


@pytest.fixture(scope="module")
def page(comparison) -> str:
    from fullpicture.report import render_html

    return render_html(comparison)


def _section(page: str, anchor: str) -> str:
    start = page.index(f'<section id="{anchor}"')
    return page[start:page.index("</section>", start)]


def _sentences(comparison, event_id: str) -> dict[str, str]:
    """Side -> the evidence sentences of an aligned event's mentions."""
    docs = {a.document.id: a for a in comparison.documents}
    side_of = {d: s.label for s in comparison.sides for d in s.documents}
    ev = next(e for e in comparison.events if e.id == event_id)
    out: dict[str, str] = {}
    for m in ev.mentions:
        a = docs[m.document]
        mention = next(x for x in a.events if x.id == m.event)
        out[side_of[m.document]] = out.get(side_of[m.document], "") + " " + a.text[
            mention.evidence.start:mention.evidence.end]
    return out


def test_sides_are_the_declared_perspectives(comparison) -> None:
    sides = {s.label.lower(): s for s in comparison.sides}
    assert set(sides) == {AM, AZ}
    assert all(s.origin == "declared" for s in sides.values())


def test_shared_event_is_aligned(comparison, page: str) -> None:
    shared = [e for e in comparison.events
              if {AM, AZ} <= {s.lower() for s in e.sides} and (e.date or "").startswith(("2023-09-19", "2023-09-20"))]
    assert shared, "the offensive of 19 September / ceasefire of 20 September is not aligned across sides"
    rows = _section(page, "timeline")
    assert re.search(r"19 Sep 2023|20 Sep 2023", rows)
    assert rows.count('class="cov s0"') >= 1 and rows.count('class="cov s1"') >= 1


def test_offensive_and_anti_terrorist_measures_are_one_event(comparison) -> None:
    # the sides' words for the 19 September operation differ ("large-scale military offensive" /
    # "local anti-terrorist measures"): the framing lexicon's counter-terms link them
    for e in comparison.events:
        text = _sentences(comparison, e.id)
        if "offensive" in text.get(AM, "") and "anti-terrorist measures" in text.get(AZ, ""):
            assert (e.date or "").startswith("2023-09-19")
            return
    raise AssertionError("the offensive and the anti-terrorist measures of 19 September are not aligned")


def test_casualty_conflict(comparison, page: str) -> None:
    # the texts give two casualty figures per side for the fighting of 19-20 September:
    # killed 200 (armenian) vs 192 (azerbaijani), wounded "more than 400" vs 511
    known = {("200", "192"), ("400", "511")}
    found = []
    for e in comparison.events:
        for c in e.conflicts:
            am = {v.value for v in c.values if v.side.lower() == AM}
            az = {v.value for v in c.values if v.side.lower() == AZ}
            found += [(a, b) for a, b in known if any(a in x for x in am) and any(b in y for y in az)]
    assert found, "neither casualty figure (killed 200 vs 192, wounded 400 vs 511) is reported as a conflict"
    table = _section(page, "conflicts")
    a, b = found[0]
    # each side's value is shown as the text of a button or cell ("at least 200", "192")
    cells = re.findall(r"<(?:button|td)\b[^>]*>([^<]*)<", table)
    for number in (a, b):
        assert any(re.search(rf"(?<![\d.,]){number}(?![\d.,])", c) for c in cells), (
            f"{number} is not shown in the conflicts table")


def test_different_explosions_not_merged(comparison) -> None:
    # the fuel depot explosion (25 Sep, armenian text) and the landmine explosions
    # (19 Sep, azerbaijani text) are different events
    for e in comparison.events:
        text = _sentences(comparison, e.id)
        assert not ("fuel depot" in text.get(AM, "") and "landmine" in text.get(AZ, "")), (
            f"event {e.id} merges the fuel depot explosion with the landmine explosions")


def test_departure_is_shared_not_omitted(comparison) -> None:
    # both texts report the departure of the Armenian residents (exodus / chose to leave)
    for o in comparison.omissions:
        text = _sentences(comparison, o.event)
        assert not ({s.lower() for s in o.reported_by} == {AM} and "exodus" in text.get(AM, "")), (
            "the exodus is listed as omitted by the azerbaijani side, which reports it ('chose to leave')")


def test_omission(comparison, page: str) -> None:
    markers = {AM: ("fuel depot", "exploded", "decree"), AZ: ("landmine", "Yevlakh")}
    correct = []
    for o in comparison.omissions:
        by = {s.lower() for s in o.reported_by}
        missing = {s.lower() for s in o.missing_from}
        text = _sentences(comparison, o.event)
        for side, words in markers.items():
            other = AZ if side == AM else AM
            if by == {side} and other in missing and any(w in text.get(side, "") for w in words):
                correct.append(o)
    assert correct, "no omission of the fuel depot explosion, the decree, the landmines or the Yevlakh talks"
    assert "<tbody><tr>" in _section(page, "omissions")


def test_naming_stepanakert_khankendi(comparison, page: str) -> None:
    rows = [r for r in comparison.naming
            if any(v.side.lower() == AM and v.name == "Stepanakert" for v in r.variants)
            and any(v.side.lower() == AZ and v.name == "Khankendi" for v in r.variants)]
    assert rows, "Stepanakert (armenian) and Khankendi (azerbaijani) are not in one naming row"
    table = _section(page, "naming")
    for name in ("Stepanakert", "Khankendi"):
        m = re.search(r'data-target="([^"]+)"[^>]*>' + name + "<", table)
        assert m, f"{name} has no link in the naming table"
        for ref in m.group(1).split():
            assert re.search(r'data-i="[^"]*\b' + re.escape(ref) + r'\b[^"]*"[^>]*>' + name + "<", page), (
                f"{name} link does not point at its words in the text")


def test_summary_counts(page: str) -> None:
    summary = _section(page, "summary")
    for label in ("Aligned events", "Conflicts", "Omissions", "Naming differences"):
        m = re.search(label + r"</dt><dd>(\d+)</dd>", summary)
        assert m and int(m.group(1)) >= 1, label


def test_naming_artsakh_karabakh_through_the_lexicon(comparison) -> None:
    # no gazetteer entry links "Artsakh" and "Karabakh"; the lexicon's counter-terms do
    rows = [r for r in comparison.naming
            if any(v.side.lower() == AM and v.name == "Artsakh" for v in r.variants)
            and any(v.side.lower() == AZ and v.name == "Karabakh" for v in r.variants)]
    assert rows, "Artsakh (armenian) and Karabakh (azerbaijani) are not in one naming row"
    assert not any(v.side.lower() == AZ and v.name == "Artsakh" for v in rows[0].variants)


def test_demonyms_and_surnames_are_not_naming_differences(comparison) -> None:
    from fullpicture.align._naming import is_name

    assert not is_name("Azerbaijani") and not is_name("Armenians") and not is_name("the president")
    assert is_name("Stepanakert") and is_name("the Karabakh region") and is_name("العيون")
    for r in comparison.naming:
        assert not any(v.name in ("Azerbaijani", "Armenian", "Russian") for v in r.variants), r
