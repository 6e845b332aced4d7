"""bench/identity.py, the byte-for-byte output check of speed changes: its comparison."""

from __future__ import annotations

from bench.identity import differences


def test_identical_folders_have_no_differences(tmp_path):
    for name in ("old", "new"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "analysis.jsonl").write_text('{"a": 1}\n{"b": 2}\n', encoding="utf-8")
        (tmp_path / name / "sha256.txt").write_text(name, encoding="utf-8")  # never compared
    assert differences(tmp_path / "new", tmp_path / "old") == []


def test_a_changed_byte_and_a_missing_file_are_named(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / "analysis.jsonl").write_text('{"a": 1}\n{"b": 2.0000001}\n', encoding="utf-8")
    (new / "analysis.jsonl").write_text('{"a": 1}\n{"b": 2.0000002}\n', encoding="utf-8")
    (old / "compare_x.json").write_text("{}\n", encoding="utf-8")
    lines = differences(new, old)
    assert len(lines) == 2
    assert lines[0].startswith("analysis.jsonl: differs at line 2, column 15")
    assert lines[1] == "compare_x.json: missing"
