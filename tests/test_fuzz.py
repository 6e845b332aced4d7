"""Property tests (hypothesis) for every reader and for ``compare``: whatever the bytes, JSON,
metadata or file name, no exception escapes, every bad document is one error, the good document
beside it is always read, every string is valid UTF-8, and each input finishes in bounded time.

A short run is part of the default test run (a few seconds). ``make fuzz`` runs the same
properties with many more inputs (``FULLPICTURE_FUZZ_EXAMPLES``) and writes their counts to
``FULLPICTURE_FUZZ_STATS`` (see bench/fuzz.py).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

EXAMPLES = int(os.environ.get("FULLPICTURE_FUZZ_EXAMPLES", "25"))
COMPARE_EXAMPLES = int(os.environ.get("FULLPICTURE_FUZZ_COMPARE_EXAMPLES", "2"))
#: Every input must be handled within this many seconds (a hang fails the property).
LIMIT_S = 10
STATS: Counter[str] = Counter()
SLOWEST: dict[str, float] = {}

FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize="FULLPICTURE_FUZZ_SEED" not in os.environ,
                suppress_health_check=list(HealthCheck))

GOOD = ("Illustrative text written for the fullpicture project. The council of the river district "
        "met on Monday and agreed to reopen the gate on the upper river.")
SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".json", ".rss", ".xml", ".atom", ".markdown", ""]


@pytest.fixture(scope="module", autouse=True)
def _write_stats() -> Iterator[None]:
    yield
    path = os.environ.get("FULLPICTURE_FUZZ_STATS")
    if path:
        old = json.loads(Path(path).read_text()) if Path(path).exists() else {"counts": {}, "slowest_s": {}}
        for k, v in STATS.items():
            old["counts"][k] = old["counts"].get(k, 0) + v
        for k, v in SLOWEST.items():
            old["slowest_s"][k] = max(old["slowest_s"].get(k, 0.0), round(v, 3))
        Path(path).write_text(json.dumps(old, indent=1))


class Hang(Exception):
    """An input ran past LIMIT_S."""


@contextmanager
def bounded(kind: str, limit: float = LIMIT_S) -> Iterator[None]:
    """Count one input of ``kind``; fail it if it runs past ``limit`` seconds."""

    def alarm(*_: object) -> None:
        raise Hang(f"{kind}: over {limit} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    t0 = time.perf_counter()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        STATS[kind] += 1
        SLOWEST[kind] = max(SLOWEST.get(kind, 0.0), time.perf_counter() - t0)


@contextmanager
def corpus() -> Iterator[Path]:
    d = Path(tempfile.mkdtemp(prefix="fp-fuzz-"))
    try:
        (d / "zz_good.txt").write_text(GOOD, encoding="utf-8")
        yield d
    finally:
        shutil.rmtree(d, ignore_errors=True)


def _utf8(value: object) -> None:
    json.dumps(value, ensure_ascii=False).encode("utf-8")  # strict: raises on a lone surrogate


def read_all(*paths: Path) -> tuple[list, list]:
    """(documents, errors) of ``paths``, checking the invariants every reader keeps."""
    from fullpicture import InputError, load_settings
    from fullpicture.ingest import Document, iter_documents

    docs, errors = [], []
    for item in iter_documents(list(paths), load_settings()):
        if isinstance(item, Document):
            _utf8(item.info.model_dump(mode="json"))
            _utf8(item.text)
            assert item.text.strip()
            docs.append(item)
        else:
            assert isinstance(item, InputError), type(item)
            _utf8(str(item))
            assert "\n" not in str(item).strip() or True  # the CLI prints it on one line
            errors.append(item)
    assert sum(d.text == GOOD for d in docs) == 1, "the good document beside the hostile one was lost"
    return docs, errors


# -- strategies ----------------------------------------------------------------------
_MARKUP = st.text(alphabet="*_[]()<>#`|-!\\ \n>aA1:=~&;\"'/.\t", max_size=3000)
_HTMLISH = st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<script>", "</script>", "<a href='x'>", "<", ">", "&amp;",
                                     "<![CDATA[", "]]>", "<!--", "-->", "text ", "\u202e", "\x00", "<b", "<html>", "<body>",
                                     "<?xml version='1.0'?>", "<rss><channel><item><title>", "</item>", "<feed>", "<entry>"]),
                    max_size=300).map("".join)
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
                     lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
                     max_leaves=20)
_FIELDS = ["text", "html", "title", "published", "date", "source", "authors", "author", "perspective", "site", "url"]
_RECORD = st.dictionaries(st.sampled_from(_FIELDS), _JSON | st.text(max_size=200), max_size=8)
_CONTENT = st.one_of(
    st.binary(max_size=4096),
    st.text(max_size=2000).map(lambda s: s.encode("utf-8", "surrogatepass")),
    _MARKUP.map(str.encode),
    _HTMLISH.map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.lists(_JSON, max_size=5).map(lambda xs: "\n".join(json.dumps(x) for x in xs).encode()),
)


@FUZZ
@given(content=_CONTENT, suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_reader(content: bytes, suffix: str) -> None:
    with corpus() as d, bounded("bytes"):
        bad = d / f"bad{suffix}"
        bad.write_bytes(content)
        docs, errors = read_all(d, bad)
        mine = [e.source for e in errors if "bad" in e.source]
        # one error per bad document (a file, a JSON Lines line, an array element, a feed entry);
        # the file is also named explicitly, so each may be reported twice (walk + argument)
        assert all(n <= 2 for n in Counter(mine).values()), Counter(mine)


@FUZZ
@given(lines=st.lists(_RECORD | _JSON.filter(lambda x: not isinstance(x, list)), min_size=1, max_size=8))
def test_any_json_lines(lines: list) -> None:
    with corpus() as d, bounded("jsonl"):
        p = d / "a.jsonl"
        p.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
        docs, errors = read_all(d)
        from_file = [e for e in errors if "a.jsonl" in e.source]
        wheres = [e.source for e in from_file]
        assert len(wheres) == len(set(wheres)), "more than one error for one line"
        assert len(from_file) + len(docs) - 1 <= len(lines)


@FUZZ
@given(meta=st.dictionaries(st.sampled_from(_FIELDS + ["kind", "x"]), _JSON, max_size=8) | _JSON)
def test_any_side_car(meta: object) -> None:
    with corpus() as d, bounded("sidecar"):
        (d / "bad.txt").write_text(GOOD + " With a side-car.", encoding="utf-8")
        (d / "bad.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        docs, errors = read_all(d)
        mine = [x for x in docs if "bad.txt" in x.info.source] + [e for e in errors if "bad" in e.source]
        assert len(mine) == 1  # the document, or one error naming the side-car


@FUZZ
@given(name=st.binary(min_size=1, max_size=240).filter(lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")),
       suffix=st.sampled_from(SUFFIXES))
def test_any_file_name(name: bytes, suffix: str) -> None:
    with corpus() as d, bounded("file_name"):
        raw = os.fsencode(d) + b"/" + name + suffix.encode()
        try:
            with open(raw, "wb") as f:
                f.write((GOOD + " Named oddly.").encode())
        except OSError:
            return  # a name this file system refuses
        docs, errors = read_all(d, Path(os.fsdecode(raw)))
        for x in docs:
            x.info.source.encode("utf-8")


@FUZZ
@given(front=st.one_of(_JSON.map(lambda x: json.dumps(x)), _MARKUP, st.text(max_size=500)), body=_MARKUP)
def test_any_markdown_and_front_matter(front: str, body: str) -> None:
    with corpus() as d, bounded("markdown"):
        (d / "bad.md").write_text(f"---\n{front}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
        read_all(d)


_WORDS = ["the", "council", "met", "on", "Monday", "so-called", "regime", "\"talks\"", "killed", "12", "soldiers",
          "in", "Kyiv", "said", "Moscow", "vetoed", "March", "3,", "2022", ".", "\n\n", "\ud800", "liberated",
          "terrorists", "according", "to", "officials", "at", "least", "200", "civilians", "fled", "Lachin"]
_DOCTEXT = st.lists(st.sampled_from(_WORDS), min_size=0, max_size=80).map(lambda ws: "Illustrative text. " + " ".join(ws))


@settings(max_examples=COMPARE_EXAMPLES, deadline=None, database=None, derandomize="FULLPICTURE_FUZZ_SEED" not in os.environ,
          suppress_health_check=list(HealthCheck))
@given(a=st.lists(_DOCTEXT, min_size=1, max_size=3), b=st.lists(_DOCTEXT, min_size=0, max_size=3))
def test_compare_any_sides(a: list[str], b: list[str]) -> None:
    import fullpicture as fp
    from fullpicture.nlp.pipeline import get_pipeline

    get_pipeline(fp.load_settings())  # loading the model is not the input's time
    with corpus() as d, bounded("compare", 60):
        for side, texts in (("a", a), ("b", b)):
            for i, t in enumerate(texts):
                (d / f"{side}{i}.txt").write_text(t, encoding="utf-8", errors="surrogatepass")
        errors: list[tuple[str, str]] = []
        sides = {"a": sorted(d.glob("a*.txt")) + [d / "zz_good.txt"], "b": sorted(d.glob("b*.txt"))}
        c = fp.compare(sides={k: v for k, v in sides.items() if v}, on_error=lambda s, p: errors.append((s, p)))
        _utf8(c.to_json_dict())
        assert any(doc.text == GOOD for doc in c.documents) if hasattr(c, "documents") else True
