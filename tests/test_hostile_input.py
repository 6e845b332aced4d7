"""Hostile input (issue 15): each case once lost the good document beside it, leaked a file,
exhausted memory or hung. Each test keeps a good document next to the hostile one and checks
that it is output, that the bad one gets exactly one error line naming it, and that the output
is valid UTF-8 JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter

import pytest
from click.testing import CliRunner

from fullpicture.cli import _register, cli
from fullpicture.cli._common import EXIT_INTERNAL, guard

_register()

GOOD = ("Illustrative text written for the fullpicture project. The council of the river district "
        "met on Monday and agreed to reopen the gate on the upper river.")


def _analyze(*args: str) -> tuple[int, list[dict], list[str]]:
    res = CliRunner().invoke(cli, ["analyze", *args, "--json"])
    out = res.stdout_bytes.decode("utf-8")  # strict: the output is valid UTF-8
    data = json.loads(out) if out.strip() else []
    docs = data if isinstance(data, list) else [data]
    errors = [line for line in res.stderr.splitlines() if line.startswith("fullpicture: error:")]
    assert "Traceback" not in res.stderr
    return res.exit_code, docs, errors


def _good(dirpath, name="zz_good.txt"):
    p = dirpath / name
    p.write_text(GOOD, encoding="utf-8")
    return p


def test_lone_surrogates_in_jsonl_are_replaced_and_noted(tmp_path):
    p = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": GOOD + " Lone \ud800 here.", "title": "Title \udfff"}), json.dumps({"text": GOOD + " Second."})]
    p.write_text("\n".join(lines) + "\n", encoding="ascii")
    code, docs, errors = _analyze(str(p))
    assert code == 0 and not errors and len(docs) == 2
    hostile = docs[0]["document"]
    assert "\ufffd" in docs[0]["text"] and hostile["title"] == "Title \ufffd"
    assert any("surrogate" in n for n in hostile["notes"])
    db = tmp_path / "c.db"
    res = CliRunner().invoke(cli, ["ingest", str(p), "--db", str(db)])
    assert res.exit_code == 0 and "added 2" in res.stdout, res.output


def test_non_utf8_file_name_is_escaped_and_later_files_survive(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    bad = d / os.fsdecode(b"a_bad\xff\xfe.txt")
    try:
        bad.write_text(GOOD + " Bad name.", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("file system refuses non-UTF-8 names")
    _good(d)
    code, docs, errors = _analyze(str(d))
    assert code == 0 and not errors and len(docs) == 2
    assert "a_bad\\xff\\xfe.txt" in docs[0]["document"]["source"]
    res = CliRunner().invoke(cli, ["ingest", str(d), "--db", str(tmp_path / "c.db")])
    assert res.exit_code == 0 and "added 2, skipped 0, failed 0" in res.stdout, res.output


def test_254_byte_file_name(tmp_path):
    long = tmp_path / ("n" * 250 + ".txt")
    long.write_text(GOOD + " Long name.", encoding="utf-8")
    _good(tmp_path)
    code, docs, errors = _analyze(str(tmp_path))
    assert code == 0 and not errors and len(docs) == 2


@pytest.mark.parametrize("meta, field", [
    ({"title": ["x"]}, '"title"'), ({"site": ["a"]}, '"site"'), ({"perspective": {"a": 1}}, '"perspective"'),
    ({"authors": {"a": 1}}, '"authors"'), ({"title": "t" * 5000}, '"title"'),
])
def test_side_car_of_the_wrong_type_is_refused_with_the_field(tmp_path, meta, field):
    (tmp_path / "bad.txt").write_text(GOOD + " With side-car.", encoding="utf-8")
    (tmp_path / "bad.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    _good(tmp_path)
    code, docs, errors = _analyze(str(tmp_path))
    assert code == 1 and len(docs) == 1 and docs[0]["text"] == GOOD
    assert len(errors) == 1 and "bad.meta.json" in errors[0] and field in errors[0]


def test_jsonl_fields_of_the_wrong_type(tmp_path):
    p = tmp_path / "a.jsonl"
    rows = [{"text": GOOD, "title": ["x"]}, {"text": GOOD + " 2", "site": {"a": 1}}, {"text": ["no"]},
            {"text": GOOD + " 3", "authors": [1, 2]}, {"text": GOOD + " good"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n" + "[" * 100000 + "\n", encoding="utf-8")
    code, docs, errors = _analyze(str(p))
    assert code == 1 and [d["text"] for d in docs] == [GOOD + " good"]
    assert len(errors) == 5
    for n, field in ((1, '"title"'), (2, '"site"'), (3, '"text"'), (4, '"authors[0]"')):
        assert f"a.jsonl:{n}:" in errors[n - 1] and field in errors[n - 1]
    assert "a.jsonl:6:" in errors[4]


def test_yaml_billion_laughs_front_matter(tmp_path):
    laughs = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)) + "title: *j\n---\n\n" + GOOD + "\n"
    (tmp_path / "laughs.md").write_text(laughs, encoding="utf-8")
    (tmp_path / "big.md").write_text("---\ntitle: " + "x" * 20000 + "\n---\n\n" + GOOD + "\n", encoding="utf-8")
    _good(tmp_path)
    t0 = time.monotonic()
    code, docs, errors = _analyze(str(tmp_path))
    assert time.monotonic() - t0 < 120
    assert code == 1 and len(docs) == 1 and docs[0]["text"] == GOOD
    assert len(errors) == 2
    assert any("laughs.md" in e and "aliases" in e for e in errors)
    assert any("big.md" in e and "front matter" in e for e in errors)


def test_markdown_emphasis_pattern_is_linear(tmp_path):
    from fullpicture.ingest import read_path

    p = tmp_path / "emph.md"
    p.write_text("*a **b " * 8000 + "\n", encoding="utf-8")  # 56 KB: once 52 s (quadratic regex)
    t0 = time.monotonic()
    (doc,) = read_path(p)
    assert time.monotonic() - t0 < 20
    assert doc.text.startswith("*a **b")  # unmatched delimiters stay text


def _read_in_child(*paths: str, settings: str | None = None) -> tuple[list[str], list[str]]:
    """Read paths in a subprocess (a FIFO must not hang the test run): (sources, errors)."""
    code = ("import sys, json\nfrom fullpicture.ingest import iter_documents\nfrom fullpicture.settings import load_settings\n"
            "from fullpicture._errors import InputError\n"
            "s = load_settings(sys.argv[1] or None)\n"
            "for x in iter_documents(sys.argv[2:], s):\n"
            "    print(json.dumps(['E', str(x)] if isinstance(x, InputError) else ['D', x.info.source]))\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    res = subprocess.run([sys.executable, "-c", code, settings or "", *paths], capture_output=True, text=True,
                         timeout=60, env=env)
    assert res.returncode == 0 and "Traceback" not in res.stderr, res.stderr[-2000:]
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    return [r[1] for r in rows if r[0] == "D"], [r[1] for r in rows if r[0] == "E"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_and_devices_are_not_read(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    os.mkfifo(d / "pipe.txt")
    _good(d)
    (d / "zero.txt").symlink_to("/dev/zero")
    docs, errors = _read_in_child(str(d), str(d / "pipe.txt"), "/dev/zero", str(d / "zero.txt"))
    assert [os.path.basename(s) for s in docs] == ["zz_good.txt"]
    assert len(errors) == 5  # pipe (walk + named), zero.txt (walk: outside; named: a device), /dev/zero
    assert sum("not a regular file" in e for e in errors) == 4 and sum("outside" in e for e in errors) == 1


def test_symlink_leaving_the_corpus_is_not_followed(tmp_path):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(GOOD + " Secret outside the corpus.", encoding="utf-8")
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    _good(d)
    (d / "leak.txt").symlink_to(secret)
    (d / "passwd.txt").symlink_to("/etc/passwd")
    (d / "sub" / "inner.txt").write_text(GOOD + " Inner.", encoding="utf-8")
    (d / "alias.txt").symlink_to(d / "sub" / "inner.txt")  # stays inside: followed
    docs, errors = _read_in_child(str(d))
    names = sorted(os.path.basename(s) for s in docs)
    assert names == ["alias.txt", "zz_good.txt"]  # inner.txt is the same text as alias.txt
    assert len(errors) == 2 and all("outside the directory" in e for e in errors)
    assert not any("Secret" in s for s in docs)
    any_file = tmp_path / "any.toml"
    any_file.write_text('[ingest]\nsymlinks = "any"\n', encoding="utf-8")
    docs, errors = _read_in_child(str(d / "leak.txt"))  # named explicitly: followed
    assert len(docs) == 1 and not errors
    docs, errors = _read_in_child(str(d), settings=str(any_file))
    assert "leak.txt" in Counter(os.path.basename(s) for s in docs)


def test_oversize_file_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(6_000_000)  # sparse: no memory, no disk
    _good(tmp_path)
    docs, errors = _read_in_child(str(tmp_path))
    assert len(docs) == 1 and len(errors) == 1 and "over the limit" in errors[0]


def test_unknown_settings_are_refused_with_the_closest_key(tmp_path):
    from fullpicture import ConfigError, load_settings

    p = tmp_path / "s.toml"
    p.write_text("[align]\ntreshold = 0.5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown setting 'treshold' in \[align\]; did you mean \[align\] threshold\?"):
        load_settings(p)
    p.write_text("[ingset]\nmax_bytes = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown section \[ingset\]; did you mean \[ingest\]\?"):
        load_settings(p)
    p.write_text("[entities.places]\nnear_kn = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"near_kn.*near_km"):
        load_settings(p)
    res = CliRunner().invoke(cli, ["analyze", str(_good(tmp_path)), "--settings", str(p)])
    assert res.exit_code == 2 and "near_km" in res.stderr
    p.write_text('[plugins]\nlexicon_files = []\n[plugins.mine]\nanything = 1\n[align.type_groups]\nmine = ["ATTACK"]\n', encoding="utf-8")
    assert load_settings(p).get("plugins", "mine") == {"anything": 1}


def test_internal_error_has_its_own_exit_code_and_a_bug_hint(capsys):
    assert guard(ZeroDivisionError("float division by zero")) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: ZeroDivisionError" in err and "bug" in err


def test_framing_log_odds_with_a_single_category():
    """compare once ended with ZeroDivisionError when one side's only framing was scare quotes."""
    from fullpicture.align._framing import framing_contrast, log_odds_z
    from fullpicture.ingest import load_text
    from fullpicture.models import Analysis, FramingCue

    assert log_odds_z({"a": Counter({"scare_quote": 3}), "b": Counter()}) == {"a": {}, "b": {}}
    assert log_odds_z({"a": Counter({"x": 2}), "b": Counter({"x": 1})}, prior_weight=0) == {"a": {}, "b": {}}
    analyses = []
    for n, side in ((1, "a"), (2, "b")):
        doc = load_text(f"{GOOD} The so-called \"talks\" number {n}.", source=f"<{side}>")
        i = doc.text.index('"talks"')
        cues = [FramingCue(start=i, end=i + 7, text='"talks"', category="scare_quote")] if side == "a" else []
        analyses.append(Analysis(document=doc.info, text=doc.text, zones=list(doc.zones), framing=cues))
    side_of = {analyses[0].document.id: "a", analyses[1].document.id: "b"}
    rows = framing_contrast(analyses, side_of, {})
    assert all(r.kind == "word" for r in rows)  # no category/term contrast from one category


def test_jsonl_lines_split_on_newline_only(tmp_path):
    """Found by the fuzz run: a raw U+2028 or vertical tab inside a JSON string is not a line end."""
    from fullpicture.ingest import read_path

    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": GOOD + " one\u2028two\x0bthree"}, ensure_ascii=False) + "\r\n"
                 + json.dumps({"text": GOOD + " second"}) + "\n", encoding="utf-8")
    docs = read_path(p)
    assert len(docs) == 2 and docs[0].info.source.endswith("a.jsonl:1") and docs[1].info.source.endswith("a.jsonl:2")
