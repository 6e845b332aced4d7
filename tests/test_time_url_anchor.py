"""fp_time, issue 11: an undated web article takes its reference time from the date in its
web address (``anchor: inferred``, reason "url"); file names and corpus ids never count.

All texts and addresses here are illustrative, written for this project.
"""

from __future__ import annotations

import pytest

from fullpicture.nlp.time._infer import url_anchor
from tests.test_time_tagger import by_text, time_nlp  # noqa: F401  (fixture)


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("https://news.example.org/2016/10/12/world/talks-collapse.html", "2016-10-12"),
        ("http://www.example.com/politics/2016/9/3/senate-vote/", "2016-09-03"),
        ("https://example.net/world/2021-03-04-border-reopens", "2021-03-04"),
        ("https://example.net/2019/07/ceasefire-explainer", "2019-07"),
    ],
)
def test_dates_in_web_addresses(source, value):
    anchor = url_anchor(source)
    assert anchor is not None and (anchor.value, anchor.reason) == (value, "url")
    assert anchor.start is None and anchor.text == source


@pytest.mark.parametrize(
    "source",
    [
        None, "", "<test>", "APW19980213.1310", "/home/me/2016/10/12/story.txt",  # no web address
        "https://example.org/story/20161012",  # digits without separators: an id, not a date
        "https://example.org/2016/13/40/story",  # no such month or day
        "https://example.org/items/123/2016",  # a year alone
        "https://example.org/story?date=2016/10/12",  # the query is not the path
    ],
)
def test_no_date_without_a_dated_path(source):
    assert url_anchor(source) is None


def _tag(nlp, text: str, source: str, published: str | None = None):
    from fullpicture.models import DocumentInfo

    doc = nlp.make_doc(text)
    doc._.fp_info = DocumentInfo(id="test", source=source, published=published)
    return nlp(doc)


def test_undated_web_article_reads_its_dates_against_its_address(time_nlp):  # noqa: F811
    # 2016-10-12 is a Wednesday
    text = "Illustrative text. The talks collapsed on Tuesday, officials said yesterday. The vote is set for March 3."
    doc = _tag(time_nlp, text, "https://news.example.org/2016/10/12/world/talks.html")
    anchor = doc._.fp_time_anchor
    assert (anchor.value, anchor.anchor, anchor.reason) == ("2016-10-12", "inferred", "url")
    tx = by_text(doc)
    assert tx["Tuesday"].value == "2016-10-11" and tx["Tuesday"].anchor == "inferred"
    assert tx["yesterday"].value == "2016-10-11"
    assert tx["March 3"].value == "2017-03-03"
    # a dateline in the text is the document's own word and comes first
    doc = _tag(time_nlp, "KYIV, Oct. 14, 2016 - Illustrative text. The talks collapsed on Tuesday.",
               "https://news.example.org/2016/10/12/world/talks.html")
    assert (doc._.fp_time_anchor.value, doc._.fp_time_anchor.reason) == ("2016-10-14", "dateline")
    # a publication date from metadata wins over both
    doc = _tag(time_nlp, text, "https://news.example.org/2016/10/12/world/talks.html", published="2016-10-13")
    assert doc._.fp_time_anchor.anchor == "published" and by_text(doc)["yesterday"].value == "2016-10-12"
    # a path without a date leaves the document unanchored
    doc = _tag(time_nlp, text, "https://news.example.org/world/talks.html")
    assert doc._.fp_time_anchor is None


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("https://www.example.com/world/2023/oct/18/slug", "2023-10-18"),  # month as a word
        ("https://www.example.com/world/mideast/talks-collapse-2023-10-18/", "2023-10-18"),  # slug ending in its date
        ("https://example.org/x/2016/Sep/3/y", "2016-09-03"),
    ],
)
def test_more_dated_paths(source, value):
    anchor = url_anchor(source)
    assert anchor is not None and anchor.value == value


def test_a_date_inside_a_slug_is_not_its_end():
    assert url_anchor("https://example.org/a/report-2016-10-12-annex") is None


def test_jsonl_and_sidecar_keep_the_web_address(tmp_path):
    import json

    from fullpicture.ingest import iter_documents

    line = {"text": "Illustrative text. The talks collapsed on Tuesday, officials said.", "source": "Example Wire",
            "url": "https://news.example.org/2016/10/12/world/talks.html"}
    (tmp_path / "a.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Illustrative text. A second undated article about the talks.", encoding="utf-8")
    (tmp_path / "b.meta.json").write_text(json.dumps({"url": "https://example.net/2016/10/13/more"}), encoding="utf-8")
    docs = {d.info.source.rsplit("/", 1)[-1]: d for d in iter_documents([tmp_path])}
    assert docs["Example Wire"].info.url == line["url"] and docs["Example Wire"].info.published is None
    assert docs["b.txt"].info.url == "https://example.net/2016/10/13/more"


def test_the_address_is_read_when_the_source_is_a_label(time_nlp):  # noqa: F811
    from fullpicture.models import DocumentInfo

    doc = time_nlp.make_doc("Illustrative text. The talks collapsed on Tuesday.")
    doc._.fp_info = DocumentInfo(id="t", source="Example Wire", url="https://news.example.org/2016/10/12/world/talks.html")
    doc = time_nlp(doc)
    assert (doc._.fp_time_anchor.value, doc._.fp_time_anchor.reason) == ("2016-10-12", "url")
    assert by_text(doc)["Tuesday"].value == "2016-10-11"
