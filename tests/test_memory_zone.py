"""Each batch runs in spaCy's memory zone: the vocabulary stays flat over any number of
documents, and the analyses are the same as without the zone."""

from __future__ import annotations

from fullpicture.ingest import load_text

TEMPLATE = (
    "KYIV, May {day} — Officials said on Monday that {n} houses were destroyed near Kharkiv by "
    "unit Zq{n}x, and the ministry denied that \"brigade Vr{n}k\" had shelled the village."
)


def _docs(settings, lo, hi):
    return [load_text(TEMPLATE.format(n=1000 + i * 37, day=1 + i % 28), source=f"<{i}>", settings=settings)
            for i in range(lo, hi)]


def _settings(tmp_path, permanent):
    from fullpicture import load_settings

    f = tmp_path / "zone.toml"
    f.write_text(f"[pipeline]\nzone_after_strings = {permanent}\n")
    return load_settings(f)


def test_vocabulary_stays_flat_and_analyses_are_unchanged(tmp_path):
    """Every batch in a zone (``zone_after_strings = 0``)."""
    from fullpicture import analyze_documents
    from fullpicture.nlp.convert import doc_to_analysis
    from fullpicture.nlp.pipeline import get_pipeline, run

    settings = _settings(tmp_path, 0)
    assert settings.get("pipeline", "memory_zone") is True
    nlp = get_pipeline(settings)
    list(analyze_documents(_docs(settings, 0, 16), settings))  # warm-up and first zone
    strings, lexemes = len(nlp.vocab.strings), set(nlp.vocab.strings)
    zoned = list(analyze_documents(_docs(settings, 16, 64), settings))  # 48 new numbers and names
    assert len(nlp.vocab.strings) == strings and set(nlp.vocab.strings) == lexemes
    assert "Zq1592x" not in nlp.vocab.strings
    plain = [doc_to_analysis(d) for d in run(nlp, _docs(settings, 16, 64))]  # no zone
    assert [a.model_dump() for a in zoned] == [a.model_dump() for a in plain]
    assert any(a.events for a in zoned) and any(a.claims for a in zoned) and any(a.figures for a in zoned)


def test_first_batches_stay_until_the_string_store_has_grown(tmp_path):
    """Shipped: the first batches run outside the zone, and what they add stays, until the string
    store has grown by ``zone_after_strings``; from then on every batch runs in a zone, and the
    vocabulary stays flat. The analyses are the same either way."""
    from fullpicture import analyze_documents, load_settings
    from fullpicture.nlp import _zone
    from fullpicture.nlp.pipeline import get_pipeline

    assert load_settings().get("pipeline", "zone_after_strings") > 0
    settings = _settings(tmp_path, 30)
    nlp = get_pipeline(settings)
    first = list(analyze_documents(_docs(settings, 0, 16), settings))  # a plain block, no warm-up yet
    assert "Zq1000x" in nlp.vocab.strings and "Zq1555x" in nlp.vocab.strings  # kept
    assert len(nlp.vocab.strings) >= _zone._BASE[id(nlp)] + 30
    assert id(nlp) not in _zone._WARM  # the warm-up text runs before the first zone only
    later = list(analyze_documents(_docs(settings, 16, 32), settings))  # past the growth: warm-up, a zone
    assert _zone._WARM[id(nlp)] is True and "Zq1592x" not in nlp.vocab.strings
    strings = len(nlp.vocab.strings)
    later += list(analyze_documents(_docs(settings, 32, 48), settings))  # zones: flat
    assert len(nlp.vocab.strings) == strings and "Zq2480x" not in nlp.vocab.strings
    flat = _settings_dir(tmp_path, 0)
    assert [a.model_dump() for a in first + later] == [
        a.model_dump() for a in analyze_documents(_docs(flat, 0, 48), flat)]


def _settings_dir(tmp_path, permanent):
    d = tmp_path / f"p{permanent}"
    d.mkdir(exist_ok=True)
    return _settings(d, permanent)


def test_zone_off_by_settings(tmp_path):
    from fullpicture import load_settings
    from fullpicture.nlp._zone import memory_zone

    f = tmp_path / "s.toml"
    f.write_text("[pipeline]\nmemory_zone = false\n")
    assert load_settings(f).get("pipeline", "memory_zone") is False

    class Fake:  # no memory_zone attribute: a plain block
        pass

    with memory_zone(Fake()):  # type: ignore[arg-type]
        pass


def test_a_failed_warm_up_runs_without_zones(caplog):
    from fullpicture.nlp import _zone

    class Vocab:
        in_memory_zone = False

    class Refusing:  # a pipeline whose plugin component refuses the warm-up text
        vocab = Vocab()
        entered = False

        def __call__(self, text):
            raise ValueError("not this text")

        def memory_zone(self):
            Refusing.entered = True
            raise AssertionError("no zone after a failed warm-up")

    nlp = Refusing()
    with _zone.memory_zone(nlp):  # type: ignore[arg-type]
        pass
    with _zone.memory_zone(nlp):  # type: ignore[arg-type]  (tried once, remembered)
        pass
    assert not Refusing.entered
    assert "warm-up failed" in caplog.text and caplog.text.count("warm-up failed") == 1
    _zone._WARM.pop(id(nlp), None)
