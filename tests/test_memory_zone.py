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


def test_vocabulary_stays_flat_and_analyses_are_unchanged(settings):
    from fullpicture import analyze_documents
    from fullpicture.nlp.convert import doc_to_analysis
    from fullpicture.nlp.pipeline import get_pipeline, run

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
