"""Every long stage of a comparison reports its progress (issue 14, "progress everywhere"):
reading, analysis, the sentence and claim embeddings, the incidents, the claim pairs and the
report's rendering, to the API's ``progress(stage, done, total)``, the command line's bars or
summary lines, and the served progress page."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from tests.conftest import EXAMPLES


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int | None]] = []

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        self.calls.append((stage, done, total))

    def stages(self) -> list[str]:
        return list(dict.fromkeys(s for s, _, _ in self.calls))

    def last(self, stage: str) -> tuple[int, int | None]:
        done, total = next((d, t) for s, d, t in reversed(self.calls) if s == stage)
        return done, total


@pytest.fixture()
def fake_minilm(monkeypatch: pytest.MonkeyPatch):
    """MiniLM replaced by deterministic unit vectors, one per length class of 40 characters
    (so some claims of the two sides pair up and their pairs get checked), encoded in batches
    of 4 that report their progress as the real encoder's batches do."""
    from fullpicture.align import _embed

    class FakeMiniLM(_embed.CachedEncoder):
        model_id = "fake-progress"

        def _encode(self, texts, progress=None):
            out = np.empty((len(texts), _embed.DIM), np.float32)
            for i, t in enumerate(texts):
                v = np.random.default_rng(len(t) // 40).standard_normal(_embed.DIM).astype(np.float32)
                out[i] = v / np.linalg.norm(v)
                if progress is not None and ((i + 1) % 4 == 0 or i + 1 == len(texts)):
                    progress(i + 1, len(texts))
            return out

    fake = FakeMiniLM()
    monkeypatch.setattr(_embed, "embedder_for", lambda cfg, use="events": fake)
    return fake


def _settings_without_cache():
    from fullpicture.settings import Settings, load_settings

    base = load_settings()
    return Settings(data={**base.data, "align": {**base.section("align"), "vector_cache": False}})


def test_api_reports_every_stage_in_order(fake_minilm) -> None:
    from fullpicture import compare, progress_units, render_html

    rec = _Recorder()
    settings = _settings_without_cache()
    comp = compare([EXAMPLES], settings=settings, progress=rec)
    render_html(comp, settings=settings, progress=rec)
    stages = rec.stages()
    assert stages == ["reading", "analysing", "embedding event sentences", "describing incidents",
                      "embedding claims", "matching claims", "collecting items", "rendering"]
    assert set(stages) <= set(progress_units())
    assert rec.last("reading") == (2, None)
    assert rec.last("analysing") == (2, 2)
    assert rec.last("describing incidents") == (len(comp.events), len(comp.events))
    assert rec.last("collecting items") == (2, 2) and rec.last("rendering") == (2, 2)
    n_claims = sum(len(a.claims) for a in comp.documents)
    done, total = rec.last("embedding claims")
    assert done == total and 0 < total <= n_claims
    for stage in stages:  # counts only go forward within a stage
        counts = [d for s, d, _ in rec.calls if s == stage]
        assert counts == sorted(counts), stage


def test_store_comparison_reports_reading_the_store(tmp_path: Path) -> None:
    from fullpicture import compare
    from tests.helpers import example_store, lexical_settings

    db = example_store(tmp_path / "c.db")
    rec = _Recorder()
    comp = compare(db=db, settings=lexical_settings(), progress=rec)
    assert rec.stages()[0] == "reading the store"
    assert rec.last("reading the store") == (len(comp.documents), None)
    assert "embedding event sentences" not in rec.stages()  # embeddings off: nothing encoded


def test_cli_prints_one_summary_line_per_stage(tmp_path: Path) -> None:
    from fullpicture.cli import _register, cli
    from tests.helpers import example_store

    _register()
    db = example_store(tmp_path / "c.db")
    res = CliRunner().invoke(cli, ["compare", "--db", str(db), "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stderr.splitlines() if " in " in ln and ln.startswith("fullpicture: ")]
    stages = [ln.split(": ")[1] for ln in lines]
    assert stages[0] == "reading the store"
    assert stages[-2:] == ["collecting items", "rendering"]
    assert any(ln.startswith("fullpicture: rendering: ") and " documents in " in ln for ln in lines)


def test_served_progress_page_names_what_a_stage_counts() -> None:
    from fullpicture.web._data import Job

    job = Job(key=("x",))
    job.update("embedding claims", 12, 40)
    state = job.progress()
    assert (state["stage"], state["done"], state["total"], state["unit"]) == ("embedding claims", 12, 40, "texts")
    job.update("reading the store", 7, None)
    assert (job.progress()["total"], job.progress()["unit"]) == (0, "documents")


def test_reading_counts_documents_not_unreadable_files(tmp_path: Path) -> None:
    from fullpicture import compare
    from tests.helpers import lexical_settings

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Illustrative text. Officials said the bridge was closed on Monday.\n")
    (folder / "empty.txt").write_text("")
    rec = _Recorder()
    errors: list[tuple[str, str]] = []
    compare([folder], settings=lexical_settings(), progress=rec, on_error=lambda s, p: errors.append((s, p)))
    assert len(errors) == 1 and errors[0][0].endswith("empty.txt")
    assert rec.last("reading") == (1, None)
