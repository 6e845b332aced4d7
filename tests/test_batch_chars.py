"""A batch closes before its texts pass ``[pipeline] batch_chars`` characters together, so a
run of long articles holds fewer of them at once; the analyses do not depend on the batching."""

from __future__ import annotations

from fullpicture.ingest import load_text

SHORT = "Officials in Northbridge said on Monday that {n} homes were damaged by shelling overnight."
LONG = " ".join([SHORT] * 30)


def _settings(tmp_path, chars):
    from fullpicture import load_settings

    f = tmp_path / f"batch{chars}.toml"
    f.write_text(f"[pipeline]\nbatch_chars = {chars}\n")
    return load_settings(f)


def _docs(settings, texts):
    return [load_text(t.format(n=10 + i), source=f"<{i}>", settings=settings) for i, t in enumerate(texts)]


def test_shipped_settings_cap_a_batch_by_characters():
    from fullpicture import load_settings

    assert load_settings().get("pipeline", "batch_chars") > 0


def test_batches_close_at_the_character_cap(tmp_path):
    from fullpicture.nlp.pipeline import _language_batches

    settings = _settings(tmp_path, 3 * len(LONG))
    docs = _docs(settings, [LONG] * 7 + [SHORT] * 5)
    sizes = [len(batch) for _, batch in _language_batches(settings, docs, 16)]
    assert sizes == [3, 3, 6]  # three long ones fill a batch; the last long one and the short ones share one
    assert [len(b) for _, b in _language_batches(_settings(tmp_path, 0), docs, 16)] == [12]  # 0: no cap
    one = _settings(tmp_path, 10)  # a text longer than the cap still goes, alone
    assert [len(b) for _, b in _language_batches(one, docs[:3], 16)] == [1, 1, 1]


def test_analyses_do_not_depend_on_the_batching(tmp_path):
    from fullpicture import analyze_documents

    texts = [LONG, SHORT, LONG, SHORT, SHORT, LONG]
    capped = _settings(tmp_path, len(LONG) + 10)
    whole = _settings(tmp_path, 0)
    got = [a.model_dump() for a in analyze_documents(_docs(capped, texts), capped)]
    want = [a.model_dump() for a in analyze_documents(_docs(whole, texts), whole)]
    assert got == want
    assert all(a["events"] for a in got)
