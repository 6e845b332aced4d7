"""French and Russian negation of an act (session 40).

Invented texts restating the shape of a real agent dispute that was not surfaced: one state's
outlets quoted its own denial, a verb of attack under "never" with X as its subject; the French parse gives "n'", "ne", "jamais" as adverbs, not as a negation, so the act was read
as asserted with X as its doer, and X's side seemed to agree with the side that blamed X. A verb
negated by "pas"/"jamais" (French) or "не" (Russian) is negated; "ne ... que" (only) is not.
"""

from __future__ import annotations

from fullpicture.align._entityconflicts import _agent_denial, _entity_conflict
from fullpicture.align._rowmembers import Member
from fullpicture.align._util import EntityIndex
from fullpicture.settings import load_settings
from tests.helpers import analyze_text


def _modalities(text: str) -> dict[str, str]:
    return {e.trigger.text: e.modality for e in analyze_text(text, published="2031-05-02").events}


def test_french_and_russian_verbs_of_negation():
    assert _modalities("Le Pérou n'a jamais ciblé de bergers chiliens, et il ne ciblera jamais personne.") == {
        "ciblé": "negated", "ciblera": "negated"}
    assert _modalities("L'armée péruvienne n'a pas bombardé les camions.")["bombardé"] == "negated"
    assert _modalities("Армия Перу не обстреливала село.")["обстреливала"] == "negated"
    assert _modalities("Армия Перу обстреляла село.")["обстреляла"] == "asserted"


def test_ne_que_is_no_negation():
    assert _modalities("L'armée péruvienne n'a tué que deux hommes.")["tué"] != "negated"


_TEXTS = [
    ("Chile", "Trois camionneurs chiliens ont été tués dans une attaque péruvienne près de Varn.", "2031-05-02"),
    ("Chile", "Près de Varn, des drones du Pérou ont visé les poids lourds.", "2031-05-02"),
    ("Peru", "Le Pérou a démenti tout rôle dans l'attaque de Varn.", "2031-05-03"),
    ("Peru", "Le Pérou n'a jamais ciblé de routiers chiliens.", "2031-05-03"),
]


def test_a_state_s_own_never_is_no_doer_and_its_denial_is_its_account():
    analyses = [analyze_text(t, published=p) for _, t, p in _TEXTS]
    members = [Member(side=s, analysis=a, event=e) for (s, _, _), a in zip(_TEXTS, analyses, strict=True)
               for e in a.events]
    index, cfg = EntityIndex(analyses), load_settings().section("align")
    assert _entity_conflict(members, index, "agent", cfg, ["Chile", "Peru"]) is None
    denial = _agent_denial(members, index, cfg, ["Chile", "Peru"])
    assert denial is not None and {v.side for v in denial.values} == {"Chile", "Peru"}
    assert any(v.side == "Peru" and "démenti" in v.value for v in denial.values)
