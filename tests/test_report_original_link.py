"""The report links each document to its original web address, when the input gave a safe one."""

from __future__ import annotations

from fullpicture import compare
from fullpicture.ingest import load_text
from fullpicture.report import render_html
from fullpicture.report._view import web_address


def test_only_plain_web_addresses_are_links():
    assert web_address("https://news.example.org/2024/05/02/depot-fire") == "https://news.example.org/2024/05/02/depot-fire"
    assert web_address(" http://example.org/a ") == "http://example.org/a"
    for bad in (None, "", "javascript:alert(1)", "data:text/html,x", "ftp://example.org/a", "https://",
                "https://example.org/a b", "file:///etc/passwd", "//example.org/a"):
        assert web_address(bad) == "", bad


def test_report_links_the_original(lexical):
    good = load_text("Depot fire\n\nA fire destroyed a fuel depot in Northtown on Monday, officials said.",
                     source="north.txt", published="2024-05-02")
    good.info.url = "https://news.example.org/2024/05/02/depot-fire?x=1&y=<2>"
    bad = load_text("Depot blaze\n\nA blaze destroyed the Northtown fuel depot on Monday, the ministry said.",
                    source="south.txt", published="2024-05-02")
    bad.info.url = "javascript:alert(1)"
    page = render_html(compare(sides={"north": [good], "south": [bad]}, settings=lexical))
    assert 'href="https://news.example.org/2024/05/02/depot-fire?x=1&amp;y=&lt;2&gt;" rel="noopener noreferrer nofollow"' in page
    assert "javascript:alert" not in page
