"""Every input format, directory walking, sidecars, dedup, language and normalization."""

from __future__ import annotations

import unicodedata

import pytest

from fullpicture.ingest import content_id, iter_documents, load_text, read_path
from fullpicture.ingest.readers import BUILTIN_READERS, reader_table
from tests.conftest import FIXTURES

ING = FIXTURES / "ingest"


def _docs(items):
    return [x for x in items if hasattr(x, "info")]


def _errors(items):
    return [x for x in items if not hasattr(x, "info")]


def test_plain_text():
    (doc,) = read_path(ING / "all_zones.txt")
    assert doc.info.format == "text"
    assert doc.info.language == "en"
    assert doc.info.title == "Rivers and Borders: A Week on the Upper Valley"
    assert doc.info.published == "2024-03-12"  # from the byline
    assert doc.id == content_id(doc.text)


def test_markdown_front_matter_and_markup_removed():
    (doc,) = read_path(ING / "article.md")
    assert doc.info.format == "markdown"
    assert doc.info.title == "Two banks, one river"
    assert doc.info.published == "2024-03-14"
    assert doc.info.site == "The Delta Notebook (illustrative)"
    assert "**" not in doc.text and "](" not in doc.text and "\n#" not in doc.text
    assert "sluice gate on the upper river" in doc.text
    heads = [doc.text[z.start:z.end].strip() for z in doc.zones if z.kind == "heading"]
    assert "What each side says" in heads


def test_html_main_text_and_metadata():
    (doc,) = read_path(ING / "page.html")
    info = doc.info
    assert info.format == "html"
    assert info.title == "The gate that divides a valley"
    assert info.published == "2024-03-15"
    assert info.site == "Hill Courier (illustrative)"
    assert [a.name for a in info.authors] == ["Mariam Beridze"]
    assert info.perspective is not None and info.perspective.origin == "metadata"
    assert info.perspective.label == "western bank"
    assert "Home" not in doc.text.split("\n")[0]  # navigation is not main text
    assert "Davit Kobakhidze" in doc.text


def test_jsonl_lines_and_metadata():
    items = list(iter_documents([ING / "articles.jsonl"]))
    docs, errs = _docs(items), _errors(items)
    assert len(docs) == 3 and len(errs) == 2
    first = docs[0].info
    assert first.source == "east-wire-001"
    assert first.title == "East: flood reached 40 villages"
    assert first.published == "2024-03-11"
    assert first.perspective.label == "eastern bank" and first.perspective.origin == "metadata"
    second = docs[1].info
    assert second.authors[0].name == "Peter Novak" and second.authors[0].affiliation == "West Daily"
    assert second.perspective.label == "western bank"
    assert docs[2].info.source.endswith("articles.jsonl:6")
    assert any(":3:" in str(e) and "not valid JSON" in str(e) for e in errs)
    assert any(":4:" in str(e) and '"text"' in str(e) for e in errs)


def test_rss_feed_one_document_per_entry():
    docs = read_path(ING / "feed.rss")
    assert [d.info.title for d in docs] == ["Gate reopened after talks", "Farmers count losses"]
    assert all(d.info.format == "feed" and d.info.site == "Valley Wire (illustrative)" for d in docs)
    assert docs[0].info.source == "https://example.org/wire/1"
    assert docs[0].info.published.startswith("2024-03-13")
    assert "alert" not in docs[0].text


def test_atom_feed():
    (doc,) = read_path(ING / "feed.atom")
    assert doc.info.title == "Commission date set"
    assert doc.info.authors[0].name == "Mariam Beridze"
    assert "joint commission" in doc.text


def test_directory_walk_skips_hidden_and_collapses_duplicates():
    docs = read_path(ING / "dir")
    sources = [d.info.source for d in docs]
    assert len(docs) == 2, sources  # dup.txt has the same text as one.txt; .hidden and .dotfile skipped
    assert not any("hidden" in s or ".dotfile" in s or s.endswith(".py") for s in sources)
    one = next(d for d in docs if d.info.source.endswith("one.txt"))
    assert one.info.published == "2024-03-11"  # sidecar one.meta.json
    assert one.info.title == "Directory walk, file one"
    assert one.info.perspective.label == "eastern bank"


def test_nfc_normalization_and_content_id():
    decomposed = "Illustrative text: the cafe\u0301 in Pris\u030ctina was closed on Monday."
    doc = load_text(decomposed, source="<t>")
    assert doc.text == unicodedata.normalize("NFC", decomposed)
    assert doc.id == content_id(doc.text)
    again = load_text(unicodedata.normalize("NFC", decomposed) + "\r\n", source="<u>")
    assert again.id == doc.id  # duplicates collapse


def test_language_id_offline():
    ru = load_text("Совет собрался в понедельник и обсудил открытие шлюза на верхней реке.", source="<ru>")
    fr = load_text("Le conseil s'est réuni lundi pour discuter de l'ouverture de la vanne sur la rivière.", source="<fr>")
    assert ru.info.language == "ru"
    assert fr.info.language == "fr"


def test_user_perspective_overrides_metadata():
    (doc,) = read_path(ING / "page.html", perspective="Eastern Bank")
    assert doc.info.perspective.label == "Eastern Bank"  # the user's label, as given
    assert doc.info.perspective.origin == "user"


def test_unknown_suffix_is_sniffed(tmp_path):
    p = tmp_path / "page.dat"
    p.write_text("<!DOCTYPE html><html><body><p>Illustrative text written for the fullpicture project about a council meeting.</p></body></html>")
    (doc,) = read_path(p)
    assert doc.info.format == "html" and "<p>" not in doc.text


def test_builtin_readers_registered_through_plugin_hook():
    table = reader_table()
    for suffixes, _reader in BUILTIN_READERS:
        for s in suffixes:
            assert s in table


@pytest.mark.parametrize("name", ["all_zones.txt", "article.md", "page.html", "feed.rss", "declared.txt"])
def test_zones_partition_text(name):
    for doc in read_path(ING / name):
        zones = doc.zones
        assert zones[0].start == 0 and zones[-1].end == len(doc.text)
        for a, b in zip(zones, zones[1:], strict=False):
            assert a.end == b.start and a.start < a.end


def test_json_array_file(tmp_path):
    p = tmp_path / "articles.json"
    p.write_text('[\n {"text": "Illustrative text written for the fullpicture project, first.", "title": "One"},\n'
                 ' {"text": "Illustrative text written for the fullpicture project, second.", "title": "Two"}\n]')
    assert [d.info.title for d in read_path(p)] == ["One", "Two"]
