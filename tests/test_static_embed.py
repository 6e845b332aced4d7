"""Static sentence vectors distilled from MiniLM (issue 14): the shipped table, how a sentence
vector is made from it, which use takes which model, and what is (not) kept in the vector cache."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from fullpicture._errors import ConfigError


@pytest.fixture(scope="module")
def static():
    from fullpicture.align._static import get_static

    return get_static(128)


def test_shipped_table_is_checked_and_says_where_it_comes_from(static, tmp_path):
    from fullpicture.align._static import STATIC_SHA256, StaticEmbedder, static_path

    assert hashlib.sha256(static_path().read_bytes()).hexdigest() == STATIC_SHA256
    assert static.table.shape == (30522, static.dim)
    assert "all-MiniLM-L6-v2" in static.meta["origin"] and static.meta["licence"].startswith("Apache-2.0")
    changed = tmp_path / "static.npz"
    changed.write_bytes(static_path().read_bytes() + b"\0")
    with pytest.raises(ConfigError):
        StaticEmbedder(128, path=changed)


def test_sentence_vector_is_the_normalised_mean_of_its_pieces(static):
    text = "Shelling hit the town overnight, officials said."
    ids = static._tok.encode(text, add_special_tokens=False).ids
    want = static.table[ids].sum(axis=0)
    want /= np.linalg.norm(want)
    got = static.embed([text])[0]
    assert np.allclose(got, want, atol=1e-6)
    assert abs(float(np.linalg.norm(got)) - 1.0) < 1e-5


def test_vector_does_not_depend_on_batch_mates_and_blank_text_is_a_vector(static):
    texts = ["The ministry reported two soldiers killed near the border.", "", "Ok.",
             "Rescuers pulled survivors from the rubble.", "Ok."]
    alone = np.stack([static.embed([t])[0] for t in texts])
    assert np.array_equal(static.embed(texts), alone)
    assert np.array_equal(static.embed(texts[::-1])[::-1], alone)
    assert np.isfinite(alone).all()
    assert static.embed([]).shape == (0, static.dim)


def test_a_restatement_is_nearer_than_another_story(static):
    # the shape the claim threshold relies on: the same report in other words ranks above an
    # unrelated report, and clears the static agree threshold that an unrelated one does not
    a, b, c = static.embed([
        "The army said three civilians were killed when a missile hit the market.",
        "Three civilians died when a missile struck the market, the army said.",
        "The central bank raised interest rates by half a point on Thursday.",
    ])
    assert float(a @ b) > 0.769 > float(a @ c)


def test_each_use_takes_its_model_from_the_settings():
    from fullpicture.align._embed import Embedder, embedder_for
    from fullpicture.align._static import StaticEmbedder
    from fullpicture.settings import load_settings

    cfg = load_settings().section("align")
    assert embedder_for(cfg, "claims").__class__ is Embedder  # shipped: MiniLM for both uses
    assert embedder_for(cfg, "events").__class__ is Embedder
    assert isinstance(embedder_for({**cfg, "claim_embed_model": "static"}, "claims"), StaticEmbedder)
    assert isinstance(embedder_for({**cfg, "embed_model": "static"}, "events"), StaticEmbedder)
    with pytest.raises(ConfigError):
        embedder_for({**cfg, "claim_embed_model": "word2vec"}, "claims")


def test_claim_thresholds_follow_the_claim_model():
    from fullpicture.align._claims import thresholds

    cfg = {"claim_agree_similarity": 0.72, "claim_contradict_similarity": 0.55,
           "claim_agree_similarity_static": 0.8, "claim_contradict_similarity_static": 0.6,
           "claim_agree_lexical": 0.45, "claim_contradict_lexical": 0.3}
    assert thresholds({**cfg, "claim_embed_model": "minilm"}, True) == (0.72, 0.55)
    assert thresholds({**cfg, "claim_embed_model": "static"}, True) == (0.8, 0.6)
    assert thresholds({**cfg, "claim_embed_model": "static"}, False) == (0.45, 0.3)


class _Cache:
    def __init__(self) -> None:
        self.put: dict[str, list[str]] = {}

    def get_vectors(self, model, keys):
        return {}

    def put_vectors(self, model, vectors):
        self.put.setdefault(model, []).extend(vectors)


def test_static_vectors_are_never_stored(static):
    cache = _Cache()
    static.embed(["A claim about the strike."], cache)
    assert cache.put == {}


def test_precompute_keeps_only_what_minilm_embeds(monkeypatch):
    """ingest's precomputation embeds (and stores) the texts of the uses set to MiniLM only."""
    import fullpicture._compare as P
    import fullpicture.align as A
    from fullpicture.align import _embed
    from fullpicture.settings import Settings, load_settings

    seen: list[str] = []

    class FakeMiniLM(_embed.CachedEncoder):
        model_id = "fake"

        def _encode(self, texts, progress=None):
            seen.extend(texts)
            return np.zeros((len(texts), 384), np.float32)

    fake, real = FakeMiniLM(), _embed.embedder_for
    monkeypatch.setattr(_embed, "embedder_for", lambda cfg, use="events": fake if str(
        cfg.get("claim_embed_model" if use == "claims" else "embed_model")) == "minilm" else real(cfg, use))
    monkeypatch.setattr(A, "embedding_texts", lambda a, events=True, claims=True:
                        ["event text"] * events + ["claim text"] * claims)
    base = load_settings()

    def with_models(events: str, claims: str) -> Settings:
        return Settings(data={**base.data, "align": {**base.section("align"), "embed_model": events,
                                                     "claim_embed_model": claims}})

    assert P.precompute_vectors([object()], with_models("static", "static"), _Cache()) == 0 and not seen
    assert P.precompute_vectors([object()], with_models("minilm", "static"), _Cache()) == 1
    assert seen == ["event text"]
    assert P.precompute_vectors([object()], with_models("static", "minilm"), _Cache()) == 1
    assert seen == ["event text", "claim text"]
