"""``fullpicture analyze`` reads its inputs as the analysis goes and, with ``--jsonl``, has each
analysis turned into its line where it was made: the output is the same as converting the
analysis here, and the analysis keeps its layers as models only (no plain data it never reads)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fullpicture.batch import Encoded, Failure, analyze_many, encode_json
from fullpicture.cli import _register, cli
from fullpicture.cli._common import json_text
from fullpicture.ingest import load_text
from tests.conftest import FIXTURES

ING = FIXTURES / "ingest"

_register()

# invented texts
TEXTS = [
    "Illustrative text written for the fullpicture project. The council of Dorvan met on 3 March 2024 "
    "and said 14 people were hurt when the bridge gave way, the mayor told reporters.",
    "Another invented report: the ministry denied that troops crossed the river near Kelto on Monday.",
]


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def docs(settings):
    return [load_text(t, source=f"<{i}>", settings=settings) for i, t in enumerate(TEXTS)]


def test_encoded_line_is_the_json_text_of_the_analysis(docs, settings):
    analyses = list(analyze_many(docs, settings))
    encoded = list(analyze_many(docs, settings, finish=encode_json))
    assert all(isinstance(e, Encoded) for e in encoded)
    assert [e.text for e in encoded] == [json_text(a.to_json_dict()) for a in analyses]
    assert [(e.source, e.notice) for e in encoded] == [(a.document.source, a.document.notice) for a in analyses]


def test_encoding_failure_is_one_documents_error(docs, settings, monkeypatch):
    from fullpicture.models import Analysis

    real = Analysis.to_json_dict

    def flaky(self):
        if self.document.source == "<1>":
            raise ValueError("cannot encode")
        return real(self)

    monkeypatch.setattr(Analysis, "to_json_dict", flaky)
    first, second = analyze_many(docs, settings, finish=encode_json)
    assert first.text is not None and second.text is None and "ValueError: cannot encode" in second.problem


def test_failures_pass_finish_untouched(docs, settings, monkeypatch):
    import fullpicture.nlp.pipeline as api

    def boom(ds, s=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "analyze_documents", boom)
    monkeypatch.setattr(api, "analyze_document", lambda d, s=None: boom([d]))
    out = list(analyze_many(docs, settings, finish=encode_json))
    assert all(isinstance(r, Failure) for r in out)


def test_jsonl_lines_equal_the_analyses_converted(tmp_path, settings):
    out = tmp_path / "all.jsonl"
    res = run("analyze", str(ING / "feed.rss"), str(ING / "declared.txt"), "--jsonl", "-o", str(out))
    assert res.exit_code == 0, res.output
    res_json = run("analyze", str(ING / "feed.rss"), str(ING / "declared.txt"), "--json")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == json.loads(res_json.stdout)


def test_unreadable_inputs_reported_as_met_and_the_rest_analysed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = run("analyze", str(empty), str(ING / "declared.txt"), str(tmp_path / "missing.html"), "--jsonl")
    assert res.exit_code == 1
    assert len(res.stdout.splitlines()) == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("fullpicture: error:")]
    assert len(errors) == 2 and "empty.txt" in errors[0] and "missing.html" in errors[1]


def test_only_unreadable_inputs_exit_1_without_output(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = run("analyze", str(empty), "--jsonl")
    assert res.exit_code == 1 and res.stdout == ""


def test_models_only_run_gives_the_same_analysis(settings):
    from fullpicture.nlp.convert import doc_to_analysis
    from fullpicture.nlp.extensions import _DEFERRED, MODEL_EXTENSIONS
    from fullpicture.nlp.pipeline import get_pipeline
    from fullpicture.nlp.pipeline import run as run_docs

    nlp = get_pipeline(settings)
    document = load_text(TEXTS[0], source="<plain>", settings=settings)
    (plain,) = list(run_docs(nlp, [document]))
    (models,) = list(run_docs(nlp, [document], plain=False))
    assert plain not in _DEFERRED and models not in _DEFERRED
    assert doc_to_analysis(models).to_json_dict() == doc_to_analysis(plain).to_json_dict()
    keys = [("._.", name, None, None) for name in MODEL_EXTENSIONS]
    assert all(models.user_data.get(k) is None for k in keys)  # never serialised
    assert plain.user_data.get(("._.", "fp_info", None, None)) is not None


@pytest.mark.slow
def test_jsonl_two_workers_byte_identical_to_one(tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    inputs = [str(ING / "feed.rss"), str(ING / "declared.txt"), str(ING / "all_zones.txt"), str(ING / "page.html")]
    assert run("analyze", *inputs, "--jsonl", "-o", str(one)).exit_code == 0
    assert run("analyze", *inputs, "--jsonl", "-o", str(two), "--workers", "2").exit_code == 0
    assert one.read_bytes() == two.read_bytes() and len(one.read_bytes().splitlines()) == 5
