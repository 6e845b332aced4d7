"""The report in a real browser (Playwright driving Debian's chromium).

Checks the sections, the two-way linking by clicking, that no request leaves the
page, and that a hostile article executes nothing. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.test_report_html import AM, AZ, make_comparison

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("FULLPICTURE_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"
SECTIONS = ["summary", "timeline", "accounts", "conflicts", "omissions", "naming", "framing"]
HOSTILE = (
    '<script>window.__pwned = 1; alert("x")</script>'
    '<img src="http://127.0.0.1:9/x.png" onerror="window.__pwned = 2">'
    '<a href="javascript:window.__pwned = 3">click me</a>'
    '<svg onload="window.__pwned = 4"></svg> </script><!-- "quoted" & done'
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (scripts/setup.sh --test)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Guard:
    """Fails on any request other than the page itself, any dialog, any page error."""

    def __init__(self, page, allowed: str) -> None:
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []

        def route(r) -> None:
            url = r.request.url
            if url.split("#")[0].split("?")[0] == allowed or url.startswith("data:"):
                r.continue_()
            else:
                self.outside.append(url)
                r.abort()

        page.route("**/*", route)
        page.on("request", lambda req: None if req.url.split("#")[0].split("?")[0] == allowed
                or req.url.startswith("data:") else self.outside.append(req.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def check(self) -> None:
        assert not self.outside, f"requests left the page: {self.outside}"
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"
        assert not self.errors, f"script errors: {self.errors}"


def _write(name: str, html: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def examples_report() -> Path:
    """The report of the bundled examples, through the real pipeline."""
    from fullpicture import compare
    from fullpicture.report import render_html

    errors: list[tuple[str, str]] = []
    comp = compare([EXAMPLES], on_error=lambda s, p: errors.append((s, p)))
    assert not errors, errors
    return _write("report-examples.html", render_html(comp))


def _open(browser, path: Path, width: int = 1280):
    page = browser.new_page(viewport={"width": width, "height": 900})
    url = path.resolve().as_uri()
    guard = Guard(page, url)
    page.goto(url)
    return page, guard


def test_sections_and_screenshots(browser, examples_report: Path) -> None:
    page, guard = _open(browser, examples_report)
    for anchor in SECTIONS:
        assert page.locator(f"section#{anchor} h2").is_visible(), anchor
    assert page.locator(".account").count() >= 2
    assert page.locator(".account .hl").count() > 0, "no item is highlighted in the source text"
    page.screenshot(path=str(ARTIFACTS / "report-examples.png"), full_page=True)
    mobile, mguard = _open(browser, examples_report, width=390)
    width = mobile.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"page overflows a phone screen ({width}px)"
    mobile.screenshot(path=str(ARTIFACTS / "report-examples-phone.png"), full_page=True)
    guard.check()
    mguard.check()


def test_item_to_text_and_back(browser, examples_report: Path) -> None:
    page, guard = _open(browser, examples_report)
    # table/list entry -> its words in the text
    button = page.locator("details.items button.jump").first
    page.locator("details.items summary").first.click()
    target = button.get_attribute("data-target")
    button.click()
    flashed = page.locator(".account .flash")
    assert flashed.count() >= 1
    assert target in (flashed.first.get_attribute("data-i") or "").split()
    flashed.first.wait_for(state="visible")
    # highlight in the text -> its entry in the item list
    page.locator("details.items").evaluate_all("els => els.forEach(e => e.open = false)")
    hl = page.locator(".account .hl").nth(1)
    first_id = (hl.get_attribute("data-i") or "").split()[0]
    hl.click()
    row = page.locator(f"#it-{first_id}")
    assert row.is_visible() and "current" in (row.get_attribute("class") or "")
    guard.check()


def test_naming_links_to_both_names(browser, examples_report: Path) -> None:
    page, guard = _open(browser, examples_report)
    for name in ("Stepanakert", "Khankendi"):
        link = page.locator("section#naming button.jump", has_text=name).first
        assert link.count() == 1, f"{name} is not in the naming table"
        link.click()
        flashed = page.locator(".account .flash")
        assert flashed.count() >= 1
        assert name in " ".join(flashed.all_inner_texts())
    guard.check()


def _hostile_report() -> Path:
    from fullpicture.models import FramingCue
    from fullpicture.report import render_html

    text = AM + HOSTILE + "\n"
    comp = make_comparison(text, AZ)
    am = comp.documents[0]
    start = text.index("<script>")
    cue = FramingCue(start=start, end=start + len("<script>window.__pwned"), text="<script>window.__pwned",
                     category='"><img src=x onerror=window.__pwned=5>')
    am.framing.append(cue)
    am.document.title = '</title><script>window.__pwned=6</script>'
    comp.naming[0].entity = "<b onmouseover=window.__pwned=7>x</b>"
    return _write("report-hostile.html", render_html(comp))


def test_hostile_article_executes_nothing(browser) -> None:
    path = _hostile_report()
    page, guard = _open(browser, path)
    page.wait_for_timeout(300)
    text = page.locator("#doc-0 .text").inner_text()
    assert '<script>window.__pwned = 1; alert("x")</script>' in text
    assert 'href="javascript:' in text and "</script><!--" in text
    page.locator("#doc-0 .text").hover()
    page.get_by_text("click me").first.click()
    page.locator("section#naming th").first.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#doc-0 .text script, #doc-0 .text img, #doc-0 .text a").count() == 0
    guard.check()


def test_hostile_html_file_through_ingest(browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hostile HTML page and text file go through the real readers into the report."""
    from fullpicture import _compare as source
    from fullpicture import compare
    from fullpicture.models import Analysis
    from fullpicture.report import render_html

    monkeypatch.setattr(source, "_analyse", lambda docs, *a, **k: [
        Analysis(document=d.info, text=d.text, zones=list(d.zones)) for d in docs])
    (tmp_path / "hostile.html").write_text(
        "<html><head><title>Hostile</title><script>window.__pwned=8</script></head><body><article>"
        "<h1>Hostile page</h1><p>Illustrative text written for the fullpicture project. "
        "This paragraph quotes markup: &lt;script&gt;window.__pwned=9&lt;/script&gt; and "
        "&lt;img src=x onerror=window.__pwned=10&gt; inside its text.</p>"
        '<p><a href="javascript:window.__pwned=11">a javascript link</a> '
        '<img src="x" onerror="window.__pwned=12"></p></article></body></html>', encoding="utf-8")
    (tmp_path / "hostile.txt").write_text(
        "Illustrative text written for the fullpicture project.\n" + HOSTILE + "\n", encoding="utf-8")
    comp = compare(sides={"a": tmp_path / "hostile.html", "b": tmp_path / "hostile.txt"})
    path = _write("report-hostile-ingest.html", render_html(comp))
    page, guard = _open(browser, path)
    page.wait_for_timeout(300)
    body = page.locator("body").inner_text()
    assert "<script>window.__pwned = 1" in body
    assert page.evaluate("typeof window.__pwned") == "undefined"
    guard.check()


@pytest.fixture()
def web(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from fullpicture import _compare as source
    from fullpicture.web import Data, make_server

    comp = make_comparison()
    monkeypatch.setattr(source, "build_comparison", lambda *a, **k: comp)
    db = tmp_path / "corpus.db"
    db.write_bytes(b"")
    srv = make_server(Data(db, loader=lambda topic: comp.documents), 0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        host, port = srv.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        srv.shutdown()
        srv.server_close()


def test_web_pages(browser, web: str) -> None:
    page = browser.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(web) else outside.append(r.url))
    page.goto(web + "/")
    assert page.locator("table tbody tr").count() == 2
    page.fill("#topic", "Karabakh")
    page.click("form button")
    page.wait_for_url("**/compare?topic=Karabakh")
    assert page.locator("section#accounts h2").is_visible()
    page.locator("section#naming button.jump", has_text="Khankendi").click()
    assert "Khankendi" in " ".join(page.locator(".account .flash").all_inner_texts())
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-compare.png"))
    assert not outside, outside


def test_guard_catches_outside_requests(browser) -> None:
    """Self-check: the request guard used above does see a page that fetches something."""
    path = _write("guard-selfcheck.html", '<!DOCTYPE html><img src="http://127.0.0.1:9/x.png">')
    page, guard = _open(browser, path)
    page.wait_for_timeout(300)
    assert any("127.0.0.1:9" in u for u in guard.outside)
