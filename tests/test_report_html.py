"""The HTML and Markdown report on hand-built comparisons (no NLP layer needed)."""

from __future__ import annotations

import html as htmllib
import json
import re

import pytest

from fullpicture.models import Analysis
from fullpicture.models.comparison import Comparison

AM = (
    "Illustrative text written for the fullpicture project. We present an Armenian perspective below.\n\n"
    "On 19 September 2023 Azerbaijan launched an offensive against Stepanakert. "
    "According to the ombudsman, at least 200 people were killed. "
    "On 25 September 2023 a fuel depot exploded near Stepanakert. It was ethnic cleansing.\n"
)
AZ = (
    "Illustrative text written for the fullpicture project. We present an Azerbaijani perspective below.\n\n"
    "On 19 September 2023 Azerbaijan began local anti-terrorist measures near Khankendi. "
    "The ministry said 192 servicemen were killed. The separatist regime accepted the terms.\n"
)


def _span(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def _analysis(text: str, doc_id: str, side: str, extra: dict | None = None) -> Analysis:
    data = {
        "document": {"id": doc_id, "source": f"{side}.txt", "title": f"The {side} account",
                     "perspective": {"label": side, "origin": "declared"}},
        "text": text,
        "zones": [{"kind": "editorial_note", "start": 0, "end": text.index("\n")},
                  {"kind": "body", "start": text.index("\n"), "end": len(text)}],
    }
    data.update(extra or {})
    return Analysis.model_validate(data)


def make_comparison(am_text: str = AM, az_text: str = AZ) -> Comparison:
    """A two-side comparison with one shared event, a conflict, an omission and a naming row."""
    s = _span(am_text, "Stepanakert")
    s2 = _span(am_text, "Stepanakert", 1)
    k = _span(az_text, "Khankendi")
    off = _span(am_text, "offensive")
    meas = _span(az_text, "anti-terrorist measures")
    exp = _span(am_text, "exploded")
    f200 = _span(am_text, "at least 200 people")
    f192 = _span(az_text, "192 servicemen")
    c_am = _span(am_text, "According to the ombudsman, at least 200 people were killed.")
    c_az = _span(az_text, "The ministry said 192 servicemen were killed.")
    fr = _span(am_text, "ethnic cleansing")
    geo = {"lat": 39.8153, "lon": 46.7519, "geonames_id": 174875, "country": "AZ"}
    am = _analysis(am_text, "a" * 64, "armenian", {
        "entities": [{"id": "e1", "name": "Stepanakert", "type": "GPE", "geo": geo,
                      "mentions": [{"start": a, "end": b, "text": "Stepanakert"} for a, b in (s, s2)]}],
        "timexes": [{"id": "t1", "start": _span(am_text, "19 September 2023")[0],
                     "end": _span(am_text, "19 September 2023")[1], "text": "19 September 2023",
                     "type": "DATE", "value": "2023-09-19"}],
        "events": [{"id": "v1", "type": "ASSAULT", "trigger": {"start": off[0], "end": off[1], "text": "offensive"},
                    "date": "2023-09-19", "evidence": {"start": off[0], "end": off[1]}},
                   {"id": "v2", "type": "ACCIDENT", "trigger": {"start": exp[0], "end": exp[1], "text": "exploded"},
                    "date": "2023-09-25", "evidence": {"start": exp[0], "end": exp[1]}}],
        "figures": [{"id": "f1", "start": f200[0], "end": f200[1], "text": "at least 200 people",
                     "value": 200, "counts": "killed"}],
        "claims": [{"id": "c1", "start": c_am[0], "end": c_am[1], "text": am_text[c_am[0]:c_am[1]],
                    "kind": "according_to", "source": {"text": "the ombudsman"}}],
        "framing": [{"start": fr[0], "end": fr[1], "text": "ethnic cleansing", "category": "atrocity"}],
    })
    az = _analysis(az_text, "b" * 64, "azerbaijani", {
        "entities": [{"id": "e1", "name": "Khankendi", "type": "GPE", "geo": geo,
                      "mentions": [{"start": k[0], "end": k[1], "text": "Khankendi"}]}],
        "events": [{"id": "v1", "type": "ASSAULT", "trigger": {"start": meas[0], "end": meas[1],
                    "text": "anti-terrorist measures"}, "date": "2023-09-19",
                    "evidence": {"start": meas[0], "end": meas[1]}}],
        "figures": [{"id": "f1", "start": f192[0], "end": f192[1], "text": "192 servicemen", "value": 192,
                     "counts": "killed"}],
        "claims": [{"id": "c1", "start": c_az[0], "end": c_az[1], "text": az_text[c_az[0]:c_az[1]],
                    "kind": "indirect", "source": {"text": "The ministry"}}],
    })
    return Comparison.model_validate({
        "sides": [{"label": "armenian", "origin": "declared", "documents": ["a" * 64]},
                  {"label": "azerbaijani", "origin": "declared", "documents": ["b" * 64]}],
        "documents": [am, az],
        "events": [
            {"id": "E1", "type": "ASSAULT", "date": "2023-09-19", "place": "Stepanakert",
             "mentions": [{"document": "a" * 64, "event": "v1"}, {"document": "b" * 64, "event": "v1"}],
             "sides": ["armenian", "azerbaijani"],
             "wording": [{"side": "armenian", "document": "a" * 64, "triggers": ["offensive"]},
                         {"side": "azerbaijani", "document": "b" * 64, "triggers": ["anti-terrorist measures"]}],
             "conflicts": [{"field": "killed", "values": [
                 {"side": "armenian", "value": "200", "document": "a" * 64, "claim": "c1"},
                 {"side": "azerbaijani", "value": "192", "document": "b" * 64, "start": f192[0], "end": f192[1]}]}]},
            {"id": "E2", "type": "ACCIDENT", "date": "2023-09-25",
             "mentions": [{"document": "a" * 64, "event": "v2"}], "sides": ["armenian"]},
        ],
        "omissions": [{"event": "E2", "reported_by": ["armenian"], "missing_from": ["azerbaijani"], "salience": 0.8}],
        "naming": [{"entity": "Stepanakert", "variants": [
            {"side": "armenian", "name": "Stepanakert", "count": 2},
            {"side": "azerbaijani", "name": "Khankendi", "count": 1}]}],
        "framing": [{"side": "armenian", "term": "ethnic cleansing", "category": "atrocity", "score": 2.1},
                    {"side": "azerbaijani", "term": "anti-terrorist", "category": "security", "score": 1.7}],
        "tone": {"armenian": {"Azerbaijan": -0.6}, "azerbaijani": {"Azerbaijan": 0.4}},
    })


@pytest.fixture(scope="module")
def page() -> str:
    from fullpicture.report import render_html

    return render_html(make_comparison())


def test_sections_present(page: str) -> None:
    for anchor in ("summary", "timeline", "map", "accounts", "conflicts", "omissions", "naming", "framing"):
        assert f'<section id="{anchor}"' in page, anchor


def test_no_external_references(page: str) -> None:
    assert not re.search(r'(src|href)\s*=\s*"(https?:|//)', page)
    assert "@import" not in page and "url(" not in page


def test_items_are_linked_both_ways(page: str) -> None:
    # the highlight of "Khankendi" lists its entity uid; the item list has a row with that uid
    m = re.search(r'<span class="hl k-entity[^"]*" data-i="([^"]+)"[^>]*>Khankendi</span>', page)
    assert m, "Khankendi is not highlighted as an entity"
    entity_uid = m.group(1).split()[0]
    assert f'id="it-{entity_uid}"' in page
    assert f'data-target="{entity_uid}"' in page


def test_naming_row_links_both_names(page: str) -> None:
    naming = page[page.index('<section id="naming"'):page.index('<section id="claims"') if '<section id="claims"' in page else page.index('<section id="framing"')]
    assert "Stepanakert" in naming and "Khankendi" in naming
    targets = re.findall(r'data-target="([^"]+)"[^>]*>(Stepanakert|Khankendi)<', naming)
    assert {name for _, name in targets} == {"Stepanakert", "Khankendi"}
    for t, _ in targets:
        for ref in t.split():
            assert f"{ref}" in page[page.index('<section id="accounts"'):]


def test_conflict_and_omission_rows(page: str) -> None:
    conflicts = page[page.index('<section id="conflicts"'):page.index('<section id="omissions"')]
    assert ">200<" in conflicts and ">192<" in conflicts and "killed" in conflicts
    omissions = page[page.index('<section id="omissions"'):page.index('<section id="naming"')]
    assert "exploded" in omissions or "accident" in omissions.lower()


def test_article_text_is_escaped() -> None:
    from fullpicture.report import render_html

    evil = '<script>window.__pwned=1</script><img src=x onerror="alert(1)"> </script><!-- '
    page = render_html(make_comparison(AM + evil + "\n", AZ))
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "<img src=x" not in page
    # the embedded JSON cannot close its script element
    data = page[page.index('id="fp-data">'):]
    data = data[: data.index("</script>")]
    assert "<" not in data[len('id="fp-data">'):]


def test_json_script_escaping() -> None:
    from fullpicture.report.html import json_script

    out = str(json_script({"t": "</script><!-- & \u2028"}))
    assert "</" not in out and "<!--" not in out
    assert json.loads(out) == {"t": "</script><!-- & \u2028"}


def test_plugin_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    from fullpicture.report import html as report_html

    monkeypatch.setattr(report_html, "_extra_sections",
                        lambda c: [("extra-x", "Extra", report_html.Markup("<p>plug</p>"))])
    page = report_html.render_html(make_comparison())
    assert '<section id="extra-x"' in page and "<p>plug</p>" in page


def test_markdown_summary() -> None:
    from fullpicture.report import render_markdown

    md = render_markdown(make_comparison(AM + "a | b <x>\n", AZ))
    for h in ("## Summary", "## Timeline", "## Conflicts", "## Omissions", "## Naming", "## Framing contrast"):
        assert h in md
    assert "Khankendi" in md and "Stepanakert" in md
    assert "armenian: **200**" in md


def test_empty_comparison_renders() -> None:
    from fullpicture.report import render_html, render_markdown

    c = make_comparison()
    empty = Comparison(sides=c.sides, documents=c.documents)
    page = render_html(empty)
    assert "No events could be aligned" in page
    assert "No omissions" in render_markdown(empty)


def test_text_roundtrip(page: str) -> None:
    # the rendered account text, with tags stripped and entities unescaped, equals the source
    m = re.search(r'<article class="account s1" id="doc-1".*?<div class="text">(.*?)</div>', page, re.S)
    assert m
    text = re.sub(r'<span class="zone-tag"[^>]*>.*?</span>', "", m.group(1))
    assert htmllib.unescape(re.sub(r"<[^>]+>", "", text)) == AZ


def test_any_number_of_sides_and_documents() -> None:
    from fullpicture.report import render_html, render_markdown

    base = make_comparison()
    docs, sides = [], []
    for k, label in enumerate(["armenian", "azerbaijani", "russian", "wire", "turkish"]):
        ids = []
        for j in range(2):
            a = base.documents[(k + j) % 2].model_copy(deep=True)
            a.document.id = f"{k}{j}" + "c" * 62
            a.document.title = f"{label} article {j}"
            docs.append(a)
            ids.append(a.document.id)
        sides.append({"label": label, "origin": "metadata", "documents": ids})
    comp = Comparison.model_validate({"sides": sides, "documents": [d.model_dump() for d in docs],
                                      "naming": base.model_dump()["naming"]})
    page = render_html(comp)
    assert page.count('<article class="account') == 10
    for glyph in ("●", "■", "▲", "◆", "★"):
        assert glyph in page  # every side has its own symbol, not only a colour
    assert len(set(re.findall(r'id="(it-[^"]+)"', page))) == len(re.findall(r'id="(it-[^"]+)"', page))
    assert "wire" in render_markdown(comp)


def test_markdown_escapes_source_text() -> None:
    from fullpicture.report.markdown import _cell

    out = _cell("[click](javascript:alert(1)) <b>x</b> a|b *y*")
    assert "](" not in out.replace("\\](", "") and "<b>" not in out and "\\|" in out


def test_nice_date_reads_timex3_granularities():
    from fullpicture.report._view import nice_date

    assert nice_date("2023-09-19") == "19 Sep 2023"
    assert nice_date("2023-09") == "Sep 2023"
    assert nice_date("199") == "1990s" and nice_date("199X") == "1990s"
    assert nice_date("19") == "1900s"
    assert nice_date(None) == "undated"


def test_report_is_reproducible_with_source_date_epoch(monkeypatch):
    from fullpicture.report.html import _generated

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _generated() == "14 November 2023, 22:13 UTC"


def test_inferred_reference_time_is_noted_not_shown_as_publication_date() -> None:
    # issue 11: an undated document whose dates were read against a time inferred from its text
    from fullpicture.models import TimeAnchor
    from fullpicture.report import render_html, render_markdown

    comp = make_comparison()
    doc = comp.documents[0].document
    anchor = TimeAnchor(value="2023-09-25", anchor="inferred", reason="latest date", evidence="25 September 2023")
    comp.documents[0] = comp.documents[0].model_copy(
        update={"document": doc.model_copy(update={"published": None, "time_anchor": anchor})})
    page = render_html(comp)
    assert 'class="notice anchor-inferred"' in page
    assert "no publication date; its dates are read against 25 Sep 2023, inferred from the latest date it gives" in page
    md = render_markdown(comp)
    assert "Documents without a publication date:" in md and "25 Sep 2023" in md
    # a published document gets no such note
    assert render_markdown(make_comparison()).count("without a publication date") == 0


def test_what_was_hit_shows_each_sides_words_escaped() -> None:
    """The target field: each side's own words in its column (timeline and conflicts), the
    neutral name "what was hit" for the field, the words escaped like all article text."""
    from fullpicture.models.comparison import Conflict, ConflictValue
    from fullpicture.report import render_html
    from fullpicture.report.markdown import render_markdown

    comp = make_comparison()
    ev = comp.events[0]
    vals = [ConflictValue(side="armenian", value="a <b>market</b> hall", document="a" * 64, field="target",
                          category="shop", kind="civilian"),
            ConflictValue(side="azerbaijani", value="a depot & post", document="b" * 64, field="target",
                          category="depot", kind="military")]
    ev.targets = vals
    ev.conflicts.append(Conflict(field="target", values=vals))
    page = render_html(comp)
    assert "<b>market</b>" not in page and "a &lt;b&gt;market&lt;/b&gt; hall" in page
    timeline = page[page.index('<section id="timeline"'):page.index('<section id="conflicts"')]
    assert "what was hit: a &lt;b&gt;market&lt;/b&gt; hall" in timeline and "what was hit: a depot &amp; post" in timeline
    conflicts = page[page.index('<section id="conflicts"'):page.index('<section id="omissions"')]
    assert "what was hit" in conflicts and "a depot &amp; post" in conflicts
    assert "what was hit" in render_markdown(comp)
