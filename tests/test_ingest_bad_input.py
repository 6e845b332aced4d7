"""Bad input: one clear error per file; the others still read."""

from __future__ import annotations

import pytest

from fullpicture import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    TooLargeError,
)
from fullpicture.ingest import iter_documents, read_path
from fullpicture.settings import Settings, load_settings
from tests.conftest import FIXTURES

ING = FIXTURES / "ingest"
RU = "Совет собрался в понедельник и обсудил открытие шлюза на верхней реке. Жители восточного берега недовольны."
FR = "Le conseil s'est réuni lundi à Genève. Les élus ont débattu de l'écluse : « une décision prématurée », a déclaré un député."


def _one_line(err: Exception, path) -> None:
    msg = str(err)
    assert "\n" not in msg and str(path) in msg


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("   \n\n")
    with pytest.raises(EmptyInputError) as exc:
        read_path(p)
    _one_line(exc.value, p)


def test_binary_file(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(BinaryInputError) as exc:
        read_path(p)
    _one_line(exc.value, p)
    q = tmp_path / "blob.html"
    q.write_bytes(bytes([0, 1, 2, 3, 200, 17]) * 500)
    with pytest.raises(BinaryInputError):
        read_path(q)


def test_over_size_limit(tmp_path):
    base = load_settings()
    small = Settings(data={**base.data, "ingest": {**base.section("ingest"), "max_bytes": 1000}})
    p = tmp_path / "huge.txt"
    p.write_text("Illustrative text. " * 200)
    with pytest.raises(TooLargeError) as exc:
        read_path(p, settings=small)
    _one_line(exc.value, p)
    assert "max_bytes" in str(exc.value)


@pytest.mark.parametrize(("text", "codec", "needle"), [(RU, "cp1251", "шлюза"), (FR, "latin-1", "réuni")])
def test_legacy_encodings_decoded(tmp_path, text, codec, needle):
    p = tmp_path / f"legacy-{codec}.txt"
    p.write_bytes(((text + "\n") * 3).encode(codec))
    (doc,) = read_path(p)
    assert needle in doc.text


def test_short_latin1_text_is_not_read_as_central_european(tmp_path):
    p = tmp_path / "short.txt"
    p.write_bytes("A na\u00efve clerk filed the caf\u00e9 note.".encode("latin-1"))
    (doc,) = read_path(p)
    assert "na\u00efve" in doc.text and "caf\u00e9" in doc.text


def test_central_european_single_byte_text_keeps_its_codec(tmp_path):
    p = tmp_path / "cz.txt"
    p.write_bytes("P\u0159\u00edli\u0161 \u017elu\u0165ou\u010dk\u00fd k\u016f\u0148 \u00fap\u011bl v Brn\u011b.".encode("cp1250"))
    (doc,) = read_path(p)
    assert "\u017elu\u0165ou\u010dk\u00fd" in doc.text


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(FR.encode("utf-16"))
    (doc,) = read_path(p)
    assert "réuni" in doc.text


def test_malformed_feed():
    with pytest.raises(MalformedInputError) as exc:
        read_path(ING / "broken_feed.xml")
    _one_line(exc.value, ING / "broken_feed.xml")
    assert "feed" in str(exc.value)


def test_hostile_html_yields_only_text():
    (doc,) = read_path(ING / "hostile.html")
    for bad in ("alert", "<script", "onerror", "onclick", "javascript:", "injected by script"):
        assert bad not in doc.text
    assert "agreed to reopen the gate" in doc.text


def test_malformed_html_still_gives_text(tmp_path):
    p = tmp_path / "broken.html"
    p.write_text("<html><body><p>Illustrative text written for the fullpicture project: the council met on <b>Monday<p>and agreed<div><span>to reopen the gate")
    (doc,) = read_path(p)
    assert "council met on" in doc.text and "<" not in doc.text


def test_html_without_markup_is_malformed(tmp_path):
    p = tmp_path / "no_markup.html"
    p.write_text("just words that are not HTML at all, written as an illustrative test")
    with pytest.raises(MalformedInputError):
        read_path(p)


def test_batch_goes_on_after_bad_files(tmp_path):
    (tmp_path / "a_empty.txt").write_text("")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02\x03" * 300)
    (tmp_path / "c_good.txt").write_text("Illustrative text written for the fullpicture project about a council meeting.")
    (tmp_path / "d_feed.xml").write_text("<rss><channel><item><title>x")
    items = list(iter_documents([tmp_path, tmp_path / "missing.txt"]))
    errors = [i for i in items if isinstance(i, InputError)]
    docs = [i for i in items if not isinstance(i, InputError)]
    assert len(docs) == 1 and len(errors) == 4
    assert {type(e) for e in errors} >= {EmptyInputError, BinaryInputError, MalformedInputError}
    assert all("\n" not in str(e) for e in errors)


def test_invalid_utf8_in_utf8_looking_file_still_decodes(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_bytes("Illustrative text about the council in Priština. ".encode() * 3 + b"\xff\xfe broken tail")
    try:
        docs = read_path(p)
    except DecodeError as exc:  # acceptable: one clear line
        _one_line(exc, p)
    else:
        assert "council" in docs[0].text


def test_a_folder_names_every_file_it_does_not_read(tmp_path):
    """A PDF, an image or a file without a suffix in a walked folder is not read, and says so in
    one line each; the articles beside it are read; configuration (.json) and READMEs stay quiet."""
    (tmp_path / "story.txt").write_text("The council met on Monday and voted on the lock.")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7 not an article")
    (tmp_path / "notes").write_text("an article kept without a suffix")
    (tmp_path / "settings.json").write_text("{}")
    (tmp_path / "README.md").write_text("about this folder")
    items = list(iter_documents([tmp_path]))
    docs = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.text for d in docs] == ["The council met on Monday and voted on the lock."]
    assert sorted(e.source.rsplit("/", 1)[-1] for e in errors) == ["notes", "scan.pdf"]
    for e in errors:
        _one_line(e, e.source)
        assert "name the file itself" in e.hint
