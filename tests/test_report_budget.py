"""The HTML report of a big comparison: limited tables and accounts, nothing left out unsaid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fullpicture.models.comparison import Comparison
from tests.test_browser_report import browser  # noqa: F401 (a fixture)
from tests.test_report_html import make_comparison

SIDES = ["armenian", "azerbaijani", "wire"]


def big_comparison(n_docs: int = 12, n_events: int = 9) -> Comparison:
    """``n_docs`` copies of the two hand-built accounts on three sides, ``n_events`` aligned
    events (the first two told by two sides, the others by one), a naming row."""
    base = make_comparison()
    docs, sides = [], {s: [] for s in SIDES}
    for k in range(n_docs):
        a = base.documents[k % 2].model_copy(deep=True)
        a.document.id = f"{k:02d}" + "d" * 62
        a.document.title = f"Account number {k}"
        docs.append(a)
        sides[SIDES[k % 3]].append(a.document.id)
    side_of = {d: s for s, ds in sides.items() for d in ds}
    events = []
    for e in range(n_events):
        cited = [docs[(e + j) % n_docs].document.id for j in range(2 if e < 2 else 1)]
        events.append({"id": f"E{e}", "type": "ASSAULT", "date": f"2023-09-{10 + e}",
                       "mentions": [{"document": d, "event": "v1"} for d in cited],
                       "sides": sorted({side_of[d] for d in cited})})
    return Comparison.model_validate({
        "sides": [{"label": s, "origin": "metadata", "documents": ds} for s, ds in sides.items()],
        "documents": [d.model_dump() for d in docs], "events": events,
        "naming": base.model_dump()["naming"]})


@pytest.fixture()
def small_limits(tmp_path: Path):
    from fullpicture.settings import load_settings

    path = tmp_path / "limits.toml"
    path.write_text("[report]\nmax_rows = 3\nmax_accounts = 4\n", encoding="utf-8")
    return load_settings(path)


def test_within_the_limits_everything_is_shown() -> None:
    from fullpicture.report import render_html

    page = render_html(big_comparison())
    assert page.count('<article class="account') == 12
    assert 'class="how more"' not in page and "more-docs" not in page


def test_limits_cut_tables_and_accounts_and_say_so(small_limits) -> None:
    from fullpicture.report import render_html

    comp = big_comparison()
    page = render_html(comp, settings=small_limits)
    shown = re.findall(r'<article class="account s(\d+)" id="doc-(\d+)"', page)
    assert len(shown) == 4
    assert {side for side, _ in shown} == {"0", "1", "2"}  # every side gets its turn
    # the timeline keeps the events told by two sides, in date order, and counts the rest
    timeline = page[page.index('<section id="timeline"'):page.index('<section id="map"')]
    assert re.findall(r'<tr id="ev-(E\d+)"', timeline)[:2] == ["E0", "E1"]
    assert len(re.findall(r'<tr id="ev-', timeline)) == 3
    assert "Showing 3 of 9 events" in timeline and "The other 6 are in the comparison" in timeline
    # every document not shown in full is listed by title, where the summary's links lead
    hidden = page[page.index('<ul class="more-docs">'):]
    kept = {int(i) for _, i in shown}
    for k in range(12):
        if k not in kept:
            assert f'<li id="doc-{k}">' in hidden and f"Account number {k}" in hidden
    assert "8 more documents, not shown in full" in page
    # no link points into a text that is not on the page
    for targets in re.findall(r'data-target="([^"]*)"', page):
        for t in targets.split():
            assert int(t[1:].split("-")[0]) in kept, t
    # the summary still counts everything
    assert "<dt>Aligned events</dt><dd>9</dd>" in page


def test_naming_links_every_mention_of_each_name() -> None:
    """The name index gives each name's targets as the scan of every document did."""
    from fullpicture.report._view import Linker, build_documents, side_views

    comp = big_comparison()
    sides = side_views(comp)
    docs = build_documents(comp, sides)
    link = Linker(comp, docs)
    for side in comp.sides:
        for name in ("Stepanakert", "Khankendi", "nowhere"):
            before = link._n
            targets = link.surface(side.documents, name)
            holders = [i for i, d in enumerate(side.documents)
                       if any(m.text == name for e in link.analyses[d].entities for m in e.mentions)]
            assert targets == [f"d{link.docs[side.documents[i]].index}-ref-{before + i + 1}" for i in holders]
            assert link._n == before + len(side.documents)
            for t, i in zip(targets, holders, strict=True):
                d = link.docs[side.documents[i]]
                spans = [(m.start, m.end) for e in link.analyses[d.id].entities for m in e.mentions if m.text == name]
                assert d.items[t].spans == spans


def test_markdown_keeps_the_same_limits(small_limits) -> None:
    """``--format md`` shortens its tables as the page does and says how many rows it leaves out."""
    from fullpicture.report import render_markdown

    comp = big_comparison()
    whole = render_markdown(comp)
    assert "Showing" not in whole

    def timeline_rows(md: str) -> list[str]:
        part = md.split("## Timeline")[1].split("## Conflicts")[0]
        return [ln for ln in part.splitlines() if ln.startswith("| ") and not ln.startswith("| Date ")]

    assert len(timeline_rows(whole)) == 9
    short = render_markdown(comp, small_limits)
    rows = timeline_rows(short)
    assert len(rows) == 3
    assert [r.split(" | ")[0] for r in rows[:2]] == ["| 10 Sep 2023", "| 11 Sep 2023"]  # told by two sides
    assert ("*Showing 3 of 9 events (the events told by the most sides, in date order). The other 6 are in "
            "the comparison's JSON (`fullpicture compare … --json`, `events`).*") in short
    assert "12 documents from 3 sides." in short  # the summary counts everything


def test_served_pages_follow_the_servers_limits(tmp_path: Path, small_limits) -> None:
    """The served comparison page takes ``[report]`` from the server's settings."""
    from fullpicture.web import Data, handle
    from tests.helpers import example_store

    db = example_store(tmp_path / "big.db", big_comparison().documents)
    data = Data(db, settings=small_limits)
    data.wait_s = 120  # the page itself, not the progress page
    page = handle(data, "/compare", "")
    assert page.status == 200
    assert page.body.decode("utf-8").count('<article class="account') == 4  # the server's max_accounts, not 60


@pytest.mark.browser
def test_limited_page_in_a_browser(browser, small_limits) -> None:  # noqa: F811 (the imported fixture)
    """A shortened page works: a table link flashes its words, the summary's link to a document
    not shown in full leads to its entry in the list, and no script fails."""
    from fullpicture.report import render_html
    from tests.test_browser_report import _open, _write

    path = _write("report-limited.html", render_html(big_comparison(), settings=small_limits))
    page, guard = _open(browser, path)
    page.locator("section#timeline button.jump").first.click()
    assert page.locator(".account .flash").count() >= 1
    hidden = page.locator("ul.more-docs li").first
    anchor = hidden.get_attribute("id")
    page.locator(f'section#summary a[href="#{anchor}"]').click()
    assert page.evaluate("location.hash") == f"#{anchor}"
    assert hidden.is_visible()
    guard.check()
