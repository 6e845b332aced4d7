"""``fullpicture analyze``: JSON output against the published schema, exit codes, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from click.testing import CliRunner

from fullpicture.cli import _register, cli
from tests.conftest import EXAMPLES, FIXTURES, ROOT

ING = FIXTURES / "ingest"
SCHEMA = ROOT / "docs" / "schema" / "analysis.v1.json"

_register()


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def test_json_one_input_is_one_object_valid_against_schema(validator):
    res = run("analyze", str(EXAMPLES / "karabakh_2023_azerbaijani.html"), "--json")
    assert res.exit_code == 0, res.output
    obj = json.loads(res.stdout)
    assert isinstance(obj, dict) and obj["schema"] == "fullpicture/analysis/v1"
    validator.validate(obj)
    text = obj["text"]
    for z in obj["zones"]:
        assert 0 <= z["start"] < z["end"] <= len(text)
    assert obj["document"]["perspective"]["label"] == "azerbaijani"


def test_json_several_inputs_is_array(validator):
    res = run("analyze", str(ING / "all_zones.txt"), str(ING / "feed.rss"), "--json", "--perspective", "valley")
    assert res.exit_code == 0, res.output
    arr = json.loads(res.stdout)
    assert isinstance(arr, list) and len(arr) == 3
    for obj in arr:
        validator.validate(obj)
        assert obj["document"]["perspective"] == {"label": "valley", "origin": "user", "evidence": None}


def test_jsonl_and_output_file(tmp_path, validator):
    out = tmp_path / "all.jsonl"
    res = run("analyze", str(ING / "feed.rss"), "--jsonl", "-o", str(out))
    assert res.exit_code == 0, res.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    for line in lines:
        validator.validate(json.loads(line))


def test_summary_table():
    res = run("analyze", str(ING / "page.html"))
    assert res.exit_code == 0
    assert "page.html" in res.stdout and "western bank" in res.stdout


def test_some_inputs_failed_exit_1(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    res = run("analyze", str(bad), str(ING / "declared.txt"), str(tmp_path / "missing.html"), "--json")
    assert res.exit_code == 1
    assert json.loads(res.stdout)["document"]["perspective"]["label"] == "serbian"
    lines = [line for line in res.stderr.splitlines() if line]
    assert len(lines) == 2 and all(line.startswith("fullpicture: error: ") for line in lines)
    assert "empty.txt" in lines[0] and "missing.html" in lines[1]


def test_usage_errors_exit_2(tmp_path):
    assert run("analyze", str(ING / "declared.txt"), "--json", "--jsonl").exit_code == 2
    assert run("analyze").exit_code == 2
    assert run("analyze", str(ING / "declared.txt"), "--workers", "0").exit_code == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("[ingest\nmax_bytes = ")
    res = run("analyze", str(ING / "declared.txt"), "--settings", str(bad))
    assert res.exit_code == 2 and "not valid TOML" in res.stderr


def test_help_teaches():
    res = run("analyze", "--help")
    assert res.exit_code == 0
    assert "Examples:" in res.stdout and "fullpicture analyze essay.html --json" in res.stdout
    assert "Exit codes" in res.stdout


def test_no_traceback_on_bad_input_subprocess(tmp_path):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "cp.txt").write_bytes("Совет собрался в понедельник и обсудил шлюз на реке.".encode("cp1251"))
    (tmp_path / "feed.xml").write_text("<rss><channel><item>")
    res = subprocess.run(
        [sys.executable, "-c", "from fullpicture.cli import main; main()", "analyze", str(tmp_path),
         str(ING / "hostile.html"), "--jsonl"],
        capture_output=True, text=True, timeout=300,
    )
    assert res.returncode == 1
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout
    errors = [line for line in res.stderr.splitlines() if line.startswith("fullpicture: error:")]
    assert len(errors) == 2, res.stderr
    docs = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(docs) == 2
    assert any("понедельник" in d["text"] for d in docs)
