"""spaCy conventions: factories by entry point, saved pipelines reload, Doc data serializes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TEXT = ("Illustrative text written for the fullpicture project. On 19 September 2023 the ministry "
        "in Baku said two soldiers were killed near Shusha, officials told reporters.")


def _fresh(code: str, cwd: Path) -> str:
    """Run ``code`` in a new interpreter (no module of this test process loaded)."""
    res = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout


def test_factories_come_from_entry_points(tmp_path: Path) -> None:
    out = _fresh(
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('fp_time')\n"
        "doc = nlp('The talks resumed on 19 September 2023.')\n"
        "print([t.value for t in doc._.fp_timexes])\n", tmp_path)
    assert "2023-09-19" in out


@pytest.fixture(scope="module")
def nlp():
    from fullpicture.nlp.pipeline import get_pipeline
    from fullpicture.settings import load_settings

    return get_pipeline(load_settings())


def _layers(doc) -> dict:
    names = ("fp_entities", "fp_timexes", "fp_claims", "fp_figures", "fp_events", "fp_framing")
    return {n: [m.model_dump() for m in getattr(doc._, n) or []] for n in names}


def test_saved_pipeline_reloads_in_a_fresh_process(nlp, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipe")
    out = _fresh(
        "import json, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipe')!r})\n"
        f"doc = nlp({TEXT!r})\n"
        "print(json.dumps([nlp.pipe_names, [t.value for t in doc._.fp_timexes],"
        " [e.name for e in doc._.fp_entities], [e.type for e in doc._.fp_events]]))\n", tmp_path)
    import json

    names, timexes, entities, events = json.loads(out.strip().splitlines()[-1])
    doc = nlp(TEXT)
    assert names == nlp.pipe_names and "fp_framing" in names
    assert timexes == [t.value for t in doc._.fp_timexes] and "2023-09-19" in timexes
    assert entities == [e.name for e in doc._.fp_entities] and events == [e.type for e in doc._.fp_events]


def test_doc_data_is_plain_and_survives_docbin(nlp) -> None:
    import srsly
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    doc = nlp(TEXT)
    srsly.msgpack_dumps(doc.user_data)  # plain data only: raises on a pydantic model
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    back = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(Vocab()))[0]
    assert _layers(back) == _layers(doc)
    assert any(f.event for f in back._.fp_figures)  # links made in place by fp_events were kept


def test_pipe_with_two_processes_matches_one(nlp) -> None:
    texts = [TEXT, "Illustrative text written for the fullpicture project. Yesterday, 40 people "
             "were injured in the explosion in Kharkiv, the governor said."]
    one = [_layers(d) for d in nlp.pipe(texts)]
    two = [_layers(d) for d in nlp.pipe(texts, n_process=2)]
    assert one == two and one[1]["fp_figures"]
