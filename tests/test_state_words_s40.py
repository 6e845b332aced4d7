"""French and Russian words of every state in ``data/align/state_words.tsv`` (session 40).

Each state listed there is named by its French demonym and by its Russian adjective in every case
and number, so that "les forces mauritaniennes" or "мавританскими военными" give the state as the
agent's or the speaker's, as "les forces marocaines" and "российскими военными" already did. The
desert's adjective ("сахарский") names no state.
"""

from __future__ import annotations

from fullpicture._data import data_text
from fullpicture.align._agents import name_state

_RU_ENDINGS = ("ий", "ая", "ое", "ие", "ого", "ой", "ую", "их", "ому", "им", "ими")


def _table() -> dict[str, list[str]]:
    rows = [line.split("\t") for line in data_text("align", "state_words.tsv").splitlines()
            if line.strip() and not line.startswith("#")]
    return {cc.strip(): words.split("|") for cc, words in (r[:2] for r in rows)}


def test_every_state_has_its_russian_adjective_in_every_form_and_a_french_demonym():
    for cc, words in _table().items():
        stems = {w[: -len("ий")] for w in words if w.endswith("ский")}
        assert any(all(s + e in words for e in _RU_ENDINGS) for s in stems), cc
        latin = [w for w in words if w.isalpha() and w.islower() and not any("а" <= c <= "я" or c == "ё" for c in w)]
        assert latin, cc  # a French demonym ("mauritanien", "russe")


def test_the_new_forms_name_their_state():
    assert name_state("мавританскими военными") == "MR"
    assert name_state("алжирской армии") == "DZ"
    assert name_state("западносахарских формирований") == "EH"
    assert name_state("Фронт ПОЛИСАРИО") == "EH"
    assert name_state("les forces armées de la Mauritanie") == "MR"


def test_the_desert_s_adjective_names_no_state():
    assert name_state("сахарский") is None
    assert name_state("в сахарском регионе") is None
