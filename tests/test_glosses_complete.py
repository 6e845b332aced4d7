"""Every French and Russian trigger lemma has an English gloss: the report shows it beside
the side's own wording, and the alignment reads it as cross-language evidence."""

from __future__ import annotations

import pytest

from fullpicture._data import data_toml
from fullpicture.nlp.events._data import trigger_gloss


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_every_trigger_lemma_has_a_gloss(language: str) -> None:
    lexicon = data_toml("events", f"plover.{language}.toml")
    gloss = trigger_gloss(language)
    lemmas = {w for t in lexicon["types"].values() for k in ("verbs", "nouns") for w in t.get(k, [])}
    missing = sorted(w for w in lemmas if w.lower() not in gloss)
    assert not missing, f"{language}: no English gloss for {missing}"
    assert all(gloss[w.lower()].strip() for w in lemmas)
