"""The served workspace in a real browser (Playwright driving Debian's chromium).

Walks home -> story -> document -> place -> back, searches with facets, regroups a side,
downloads an export, at 1280 and 390 px; saves a screenshot of each page under
test-artifacts/; checks no sideways scrolling, tap targets, label sizes, and runs
axe-core (vendored in tests/assets/axe-core) for serious or critical violations.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from collections.abc import Iterator

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.test_browser_report import ARGS, ARTIFACTS, CHROMIUM

pytestmark = pytest.mark.browser

AXE = ROOT / "tests" / "assets" / "axe-core" / "axe.min.js"
THIRD = ("Illustrative text written for the fullpicture project.\n\n"
         "On 2 March 2024 the parliament in Nicosia debated a new water agreement. "
         "The minister said talks would continue in April.\n")
WIDTHS = (1280, 390)
#: Controls that must be at least 24 px in both directions (WCAG 2.5.8); inline links in
#: running text are exempt, as the criterion allows.
TAP = ("nav a, .topbar .brand, button, select, input, .pager a, .facets li a, .crumbs a, .exports a, "
       ".story h2 a, .sidepick label")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chromium_ok = CHROMIUM.exists()
    if not chromium_ok:
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (scripts/setup.sh --test)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    import fullpicture as fp
    from fullpicture.web import Data, make_server

    db = tmp_path_factory.mktemp("ws") / "corpus.db"
    store = fp.open_store(db)
    try:
        for path in sorted(EXAMPLES.glob("karabakh_*")):
            store.add(fp.analyze(path))
        store.add(fp.analyze(THIRD, perspective="cypriot"))
    finally:
        store.close()
    data = Data(db)
    srv = make_server(data, 0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    deadline = time.monotonic() + 20
    while not srv.server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()
        data.close()


@pytest.fixture(scope="module")
def browser(served: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Watch:
    """Records requests leaving the server, dialogs and script errors."""

    def __init__(self, page, base: str) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(base) or r.url.startswith("data:")
                else self.outside.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def check(self) -> None:
        assert not self.outside and not self.errors and not self.dialogs, (self.outside, self.errors, self.dialogs)


def _page(browser, width: int, base: str):
    ctx = browser.new_context(viewport={"width": width, "height": 900 if width > 500 else 844},
                              accept_downloads=True)
    page = ctx.new_page()
    page.set_default_timeout(60_000)
    return ctx, page, Watch(page, base)


def _shot(page, name: str, width: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"workspace-{name}-{width}.png"), full_page=True)


def _layout_checks(page, width: int, name: str) -> None:
    sw = page.evaluate("document.documentElement.scrollWidth")
    assert sw <= width + 1, f"{name} scrolls sideways at {width}px ({sw}px wide)"
    small = page.evaluate("""(sel) => Array.from(document.querySelectorAll(sel)).filter(el => {
        const r = el.getBoundingClientRect(), st = getComputedStyle(el);
        if (!r.width || !r.height || st.visibility === 'hidden' || el.type === 'hidden') return false;
        if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') return false;
        return r.height < 24 || r.width < 24;
    }).map(el => el.tagName + ' ' + (el.textContent || el.name || '').trim().slice(0, 30) + ' '
        + Math.round(el.getBoundingClientRect().width) + 'x' + Math.round(el.getBoundingClientRect().height))""", TAP)
    assert not small, f"{name}: tap targets under 24 px at {width}px: {small[:8]}"
    tiny = page.evaluate("""() => Array.from(document.querySelectorAll('svg text')).filter(t => {
        const r = t.getBoundingClientRect(); return r.height > 0 && r.height < 11;
    }).map(t => t.textContent + ' ' + t.getBoundingClientRect().height.toFixed(1))""")
    assert not tiny, f"{name}: chart or map labels under 11 px at {width}px: {tiny[:8]}"


def _axe(page, name: str) -> None:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing (vendored axe-core)")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    assert not bad, f"axe on {name}: {bad}"


def _wait_report(page) -> None:
    page.wait_for_selector("section#accounts", timeout=120_000)  # the progress page reloads itself


@pytest.mark.parametrize("width", WIDTHS)
def test_walk_home_story_document_place_back(browser, served: str, width: int) -> None:
    ctx, page, watch = _page(browser, width, served)
    try:
        page.goto(served + "/")
        assert page.locator(".story").count() >= 2
        assert page.locator(".story .bar").count() >= 2
        assert page.get_by_text("Blindspot").count() >= 1
        _layout_checks(page, width, "home")
        _shot(page, "home", width)
        _axe(page, f"home-{width}")
        page.locator(".story h2 a", has_text="Stepanakert").first.click()
        _wait_report(page)
        assert "/story/" in page.url
        _layout_checks(page, width, "story")
        _shot(page, "story", width)
        _axe(page, f"story-{width}")
        if width == 1280:
            # inside the report, anchors change the address, so Back returns to where the reader was
            page.locator("nav.sections a[href='#conflicts']").click()
            assert page.url.endswith("#conflicts")
            page.locator(".account .hl[role=button]").first.click()
            assert "#it-" in page.url
            page.go_back()
            assert page.url.endswith("#conflicts")
        page.locator("#story-tools .story-docs a").first.click()
        page.wait_for_selector("#doc-h")
        assert "/doc/" in page.url
        doc_url = page.url
        assert page.locator(".doc-text .hl").count() > 0
        _layout_checks(page, width, "document")
        _shot(page, "document", width)
        _axe(page, f"document-{width}")
        page.locator("#places ~ ul.names a").first.click()
        page.wait_for_selector("#mentions")
        assert "/place/" in page.url
        _layout_checks(page, width, "place")
        _shot(page, "place", width)
        _axe(page, f"place-{width}")
        page.go_back()
        page.wait_for_selector("#doc-h")
        assert page.url == doc_url
        watch.check()
    finally:
        ctx.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_search_with_facets(browser, served: str, width: int) -> None:
    ctx, page, watch = _page(browser, width, served)
    try:
        page.goto(served + "/search")
        page.fill("input[name=q]", "Khankendi")
        page.locator("form[role=search] button").click()
        page.wait_for_selector(".results")
        assert page.locator(".results mark").count() >= 2
        assert "Stepanakert" in page.locator(".results").inner_text()  # the other side's name, by expansion
        _layout_checks(page, width, "search")
        _shot(page, "search", width)
        _axe(page, f"search-{width}")
        page.locator(".facets a[data-facet=side]").first.click()
        page.wait_for_selector(".results")
        assert "side=" in page.url
        assert page.locator(".results > li").count() == 1
        watch.check()
    finally:
        ctx.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_side_regrouped_and_export_downloaded(browser, served: str, width: int) -> None:
    ctx, page, watch = _page(browser, width, served)
    try:
        page.goto(served + "/")
        page.locator(".story h2 a", has_text="Stepanakert").first.click()
        _wait_report(page)
        n_before = page.locator("#summary .legend > li").count()
        boxes = page.locator(".sidepick input[type=checkbox]")
        assert boxes.count() >= 2
        boxes.nth(1).uncheck()
        page.locator(".sidepick button").click()
        _wait_report(page)
        assert "sides=" in page.url
        assert page.locator("#summary .legend > li").count() == n_before - 1
        _shot(page, "story-regrouped", width)
        with page.expect_download() as info:
            page.locator("a[href*='export.csv']").first.click()
        path = ARTIFACTS / f"workspace-export-{width}.csv"
        info.value.save_as(str(path))
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        assert rows and "event" in rows[0]
        watch.check()
    finally:
        ctx.close()
