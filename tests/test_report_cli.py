"""``fullpicture compare``: argument parsing, formats, exit codes and error lines.

The NLP layers are replaced by a stub (text and zones only) so these tests check the
command itself; tests/test_examples_report.py runs the real pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import EXAMPLES
from tests.helpers import example_store


def _cli():
    from fullpicture.cli import _register, cli

    _register()
    return cli


@pytest.fixture()
def stub_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    from fullpicture import _compare
    from fullpicture.models import Analysis

    def fake(docs, settings, workers=1, dask=None, progress=None, on_error=None):
        return [Analysis(document=d.info, text=d.text, zones=list(d.zones)) for d in docs]

    monkeypatch.setattr(_compare, "_analyse", fake)


def test_expand_side_args() -> None:
    from fullpicture.cli.compare import expand_side_args

    assert expand_side_args(["--side", "az", "a.html", "b.html", "--side", "am", "c.md", "-o", "r.html"]) == [
        "--side", "az=a.html", "--side", "az=b.html", "--side", "am=c.md", "-o", "r.html"]
    assert expand_side_args(["--side", "az=a.html", "x/"]) == ["--side", "az=a.html", "x/"]
    assert expand_side_args(["--side=am", "c.md"]) == ["--side", "am=c.md"]


def test_side_syntax_assigns_user_sides(tmp_path: Path, stub_analysis: None) -> None:
    out = tmp_path / "c.json"
    res = CliRunner().invoke(_cli(), [
        "compare", "--side", "azerbaijani", str(EXAMPLES / "karabakh_2023_azerbaijani.html"),
        "--side", "armenian", str(EXAMPLES / "karabakh_2023_armenian.md"), "--json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text())
    assert data["schema"] == "fullpicture/comparison/v2"
    labels = {s["label"]: s for s in data["sides"]}
    assert set(labels) == {"azerbaijani", "armenian"}
    assert all(s["origin"] == "user" for s in data["sides"])
    assert all(len(s["documents"]) == 1 for s in data["sides"])


def test_directory_to_html_and_md(tmp_path: Path, stub_analysis: None) -> None:
    html = tmp_path / "r.html"
    res = CliRunner().invoke(_cli(), ["compare", str(EXAMPLES), "-o", str(html)])
    assert res.exit_code == 0, res.output
    page = html.read_text()
    assert page.startswith("<!DOCTYPE html>") and '<section id="accounts"' in page
    res = CliRunner().invoke(_cli(), ["compare", str(EXAMPLES), "--format", "md"])
    assert res.exit_code == 0 and "## Naming" in res.output


@pytest.mark.parametrize("args", [
    ["compare"],
    ["compare", "--side", "az"],
    ["compare", "--json", "--format", "md", "x"],
    ["compare", "--topic", "t", "x"],
    ["compare", "--db", "/nonexistent/corpus.db"],
    ["compare", "--format", "pdf", "x"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    res = CliRunner().invoke(_cli(), args)
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output


def test_bad_file_is_one_line_and_exit_1(tmp_path: Path, stub_analysis: None) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    res = CliRunner().invoke(_cli(), ["compare", str(EXAMPLES), str(empty), str(tmp_path / "missing.txt"),
                                      "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    lines = [ln for ln in res.output.splitlines() if "empty.txt" in ln or "missing.txt" in ln]
    assert len(lines) == 2
    assert (tmp_path / "r.html").exists()  # the readable documents are still compared


def test_nothing_readable_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = CliRunner().invoke(_cli(), ["compare", str(empty)])
    assert res.exit_code == 1
    assert "empty.txt" in res.output and "Traceback" not in res.output


def test_bad_settings_file_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "s.toml"
    bad.write_text("not = [valid")
    res = CliRunner().invoke(_cli(), ["compare", str(EXAMPLES), "--settings", str(bad)])
    assert res.exit_code == 2 and "s.toml" in res.output and "Traceback" not in res.output


def test_db_and_topic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fullpicture.store")
    from fullpicture import _compare as source
    from tests.test_report_html import make_comparison

    db = example_store(tmp_path / "corpus.db")
    seen: list[int] = []
    monkeypatch.setattr(source, "build_comparison",
                        lambda analyses, *a, **k: (seen.append(len(analyses)), make_comparison())[1])
    out = tmp_path / "r.html"
    res = CliRunner().invoke(_cli(), ["compare", "--db", str(db), "--topic", "Khankendi", "-o", str(out)])
    assert res.exit_code == 0, res.output
    # issue 9: the topic expands through its alias / counter-term family, so "Khankendi" also
    # finds the side that writes "Stepanakert" (before: 1 document, one side)
    assert seen == [2] and out.read_text().startswith("<!DOCTYPE html>")
    res = CliRunner().invoke(_cli(), ["compare", "--db", str(db), "--topic", "no-such-topic-xyz"])
    assert res.exit_code == 2 and "no documents" in res.output


def test_topic_of_one_side_says_so(tmp_path: Path) -> None:
    pytest.importorskip("fullpicture.store")

    db = example_store(tmp_path / "corpus.db")
    out = tmp_path / "r.md"
    # "account" is in both titles: two sides, no notice
    res = CliRunner().invoke(_cli(), ["compare", "--db", str(db), "--topic", "account", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "Only one side matched" not in res.output and "Notice" not in out.read_text()
    # "The armenian account" is one side's title only
    res = CliRunner().invoke(_cli(), ["compare", "--db", str(db), "--topic", "armenian account", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "Only one side matched" in res.output
    page = out.read_text()
    assert page.index("Only one side matched") < page.index("## Summary")


def _fake_analyze(doc, settings=None):
    """Picklable stand-in for analyze_document (text and zones only)."""
    from fullpicture.models import Analysis

    return Analysis(document=doc.info, text=doc.text, zones=list(doc.zones))


def test_workers_use_a_process_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """compare(workers=2) hands the documents to the batch runner with two workers, keeps
    their order and reports progress with the total."""
    import fullpicture.batch as batch
    from fullpicture._compare import _analyse
    from fullpicture.ingest import load_text
    from fullpicture.settings import load_settings

    asked: list[int] = []

    def fake_many(documents, settings=None, *, workers=1, dask=False):
        asked.append(workers)
        return iter([_fake_analyze(d) for d in documents])

    monkeypatch.setattr(batch, "analyze_many", fake_many)
    docs = [load_text(f"Illustrative text {i} written for the fullpicture project.", source=f"d{i}")
            for i in range(3)]
    seen: list[tuple[str, int, int | None]] = []
    out = _analyse(docs, load_settings(), 2, None, lambda *a: seen.append(a), lambda s, p: None)
    assert [a.document.id for a in out] == [d.id for d in docs] and asked == [2]
    assert seen[0] == ("analysing", 0, 3) and seen[-1] == ("analysing", 3, 3)
