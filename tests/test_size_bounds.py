"""Cost bounded by size: long texts reach spaCy in bounded pieces, with the same text and the
same analysis; a text of too many tokens is refused with one line. (Speed targets live in
bench/bench_shapes.py, not in timed tests.)"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fullpicture.nlp._chunks import Chunking, pieces

NEWS = ("Illustrative text written for the fullpicture project, paragraph {n}.\n\n"
        "The council of the river district met on Monday and agreed to reopen the gate, officials said. "
        "At least {n} families had been displaced since March, according to the regional office.\n\n")


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(text=st.text(alphabet="ab .\n\t!?;", max_size=3000), limit=st.integers(200, 700))
def test_pieces_rebuild_the_text_within_the_limit(text, limit):
    parts = pieces(text, limit)
    assert "".join(parts) == text
    assert all(0 < len(p) <= limit for p in parts)


def test_when_texts_are_cut():
    c = Chunking(chunk_above_chars=50_000, piece_chars=5_000)
    assert not c.needed("short text")
    assert not c.needed(NEWS.format(n=1) * 100)  # 20 KB of short paragraphs: whole
    assert c.needed("word " * 2000)  # one 10 KB paragraph: cut
    assert c.needed(NEWS.format(n=1) * 400)  # over 50 KB: cut


def test_chunked_analysis_equals_the_whole_one():
    from fullpicture import load_settings
    from fullpicture.ingest import load_text
    from fullpicture.nlp.pipeline import analyze_document
    from fullpicture.settings import Settings

    base = load_settings()
    text = "".join(NEWS.format(n=i) for i in range(12)) + "Moscow vetoed the resolution in Kyiv on March 3rd, 2022."
    doc = load_text(text, source="<t>")
    data = dict(base.data)
    data["pipeline"] = dict(data["pipeline"], chunk_above_chars=500, piece_chars=600)
    whole = analyze_document(doc, base)
    cut = analyze_document(doc, Settings(data=data))
    assert cut.text == whole.text
    for field in ("entities", "timexes", "events", "figures", "claims", "framing"):
        assert getattr(cut, field) == getattr(whole, field), field


def test_too_many_tokens_is_one_error_line(tmp_path):
    from click.testing import CliRunner

    from fullpicture.cli import _register, cli

    _register()
    (tmp_path / "big.txt").write_text("a " * 30_000, encoding="utf-8")
    (tmp_path / "good.txt").write_text(NEWS.format(n=1), encoding="utf-8")
    (tmp_path / "s.toml").write_text("[pipeline]\nmax_tokens = 20000\nchunk_above_chars = 1000\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["analyze", str(tmp_path / "big.txt"), str(tmp_path / "good.txt"),
                                   "--jsonl", "--settings", str(tmp_path / "s.toml")])
    assert res.exit_code == 1 and res.stdout.count("\n") == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("fullpicture: error:")]
    assert len(errors) == 1 and "big.txt" in errors[0] and "tokens" in errors[0]
