"""Shared CLI helpers and the reader plugin hook."""

from __future__ import annotations

from pathlib import Path

from fullpicture.cli import _common
from fullpicture.ingest import read_path
from fullpicture.ingest._raw import Block, RawDocument
from fullpicture.plugins import get_plugin_manager, hookimpl
from tests.conftest import FIXTURES


def test_progress_passes_items_through(monkeypatch):
    assert list(_common.progress(iter(range(5)), 5, "x")) == [0, 1, 2, 3, 4]  # not a TTY under pytest
    monkeypatch.setattr(_common, "progress_enabled", lambda: True)
    assert list(_common.progress(iter(range(5)), 5, "x")) == [0, 1, 2, 3, 4]


def test_report_error_is_one_line(capsys):
    _common.report_error("a.txt: problem\n  spanning lines")
    err = capsys.readouterr().err
    assert err == "fullpicture: error: a.txt: problem spanning lines\n"


def test_collect_documents_splits_docs_and_errors():
    from fullpicture import collect_documents

    docs, errors = collect_documents([FIXTURES / "ingest" / "articles.jsonl"], _settings())
    assert len(docs) == 3 and len(errors) == 2


def _settings():
    from fullpicture import load_settings

    return load_settings()


class _CsvPlugin:
    """A third-party reader: one document per CSV row (``title;text``)."""

    @hookimpl
    def fullpicture_readers(self):
        def read(path: Path, raw: bytes, settings):
            out = []
            for i, line in enumerate(raw.decode("utf-8").splitlines(), 1):
                title, text = line.split(";", 1)
                out.append(RawDocument(blocks=[Block(title, "heading"), Block(text)], format="csv",
                                       source_suffix=f"#row-{i}", title=title))
            return out

        return [((".csv",), read)]


def test_reader_plugin_hook(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_text("Gate reopened;Illustrative text written for the fullpicture project about the gate.\n"
                 "Talks resume;Illustrative text written for the fullpicture project about the talks.\n")
    pm = get_plugin_manager()
    plugin = _CsvPlugin()
    pm.register(plugin, name="test-csv")
    try:
        docs = read_path(p)
    finally:
        pm.unregister(plugin)
    assert [d.info.title for d in docs] == ["Gate reopened", "Talks resume"]
    assert docs[0].info.format == "csv" and docs[0].info.source.endswith("#row-1")
    assert [z.kind for z in docs[0].zones] == ["heading", "body"]


def test_settings_override_of_the_wrong_type_is_a_clear_error(tmp_path):
    import pytest

    from fullpicture import ConfigError, load_settings

    bad = tmp_path / "bad.toml"
    bad.write_text('[align]\nthreshold = "high"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[align\.threshold\] must be a number"):
        load_settings(bad)
    ok = tmp_path / "ok.toml"
    # a plugin's own settings live under [plugins.<name>] (unknown top-level sections are refused)
    ok.write_text("[align]\nthreshold = 1\nembeddings = false\n[plugins.myplugin]\nx = 'y'\n", encoding="utf-8")
    s = load_settings(ok)
    assert s.get("align", "threshold") == 1 and s.get("align", "embeddings") is False
    assert s.get("plugins", "myplugin") == {"x": "y"}
