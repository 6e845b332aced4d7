"""What followed a happening joins its row (session 31).

Shapes restated in invented words from real multi-side coverage: after a strike on a building,
reports told the dead being taken out of the rubble (a verb of taking read as a seizure, a French
verb of lifting stones read as an abduction, a headline's "pulled out" read as a withdrawal), the
wounded arriving at a hospital, the army acknowledging the strike, a clinic made to suspend its
work, a target escaping unhurt; each made a one- or two-document row beside the strike's row.
The kinds are data (``[aftermath.*]`` of data/events/incidents.toml, align/_aftermath.py,
``incident_aftermath_near_chars``); the rule reads words, never who speaks, so every side's
account is read alike."""

from __future__ import annotations

from fullpicture import load_settings
from fullpicture.align._eventfeat import build_features
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import incident_lexicon, is_consequence
from fullpicture.align._incidents import hosts_of, incidents
from fullpicture.align._util import EntityIndex
from tests.helpers import analyze_text


def _cfg(**over: object) -> dict[str, object]:
    # the kinds are shipped off (incident_aftermath_near_chars = 0: ECB+ e2e fell); switched on here
    return {**load_settings().section("align"), "incident_aftermath_near_chars": 60, **over}


def _kinds(text: str, **over: object) -> dict[str, str]:
    a = analyze_text(text, published="2030-03-05")
    feats, refs = build_features([a], EntityIndex([a]), _cfg(**over))
    return {refs[i][1].trigger.text: str(f.extra.get("aftermath") or "") for i, f in enumerate(feats)}


def _m(lemma: str, typ: str, span: tuple[int, int] = (0, 80), **extra: object) -> MentionFeatures:
    return MentionFeatures(doc="d", lemma=lemma, type=typ, family=typ, sentence="...", span=span,
                           interval=(738000, 738000), extra=dict(extra))


def test_taking_out_the_dead_is_a_recovery_not_a_withdrawal() -> None:
    assert _kinds("The bodies of 12 dead were pulled out of the rubble in Northvale.").get("pulled out") == "recovery"
    assert _kinds("Troops pulled out of Northvale on Friday.").get("pulled out", "") == ""


def test_lifting_stones_is_a_recovery_not_an_abduction() -> None:
    told = _kinds("Une frappe a touché un immeuble à Northvale dimanche. "
                  "Les secouristes continuent d'enlever les pierres pour retrouver des survivants.")
    assert told.get("enlever") == "recovery"


def test_arriving_at_a_hospital_is_a_medical_step() -> None:
    assert _kinds("Les blessés de la frappe sur Northvale arrivent à l'hôpital.").get("arrivent") == "medical"
    assert _kinds("Several patients fled the Northvale clinic in ambulances during the raid.").get("fled") == "medical"
    assert _kinds("Police arrived in Northvale on Friday.").get("arrived", "") == ""


def test_an_acknowledgement_told_with_the_strike() -> None:
    assert _kinds("L'armée a reconnu avoir mené une frappe près de l'église de Northvale.").get(
        "reconnu") == "acknowledgement"
    assert _kinds("Армия признала, что стена церкви в Нортвейле была повреждена в результате удара.").get(
        "признала") == "acknowledgement"


def test_a_suspension_or_an_escape_needs_a_harm_in_its_sentence() -> None:
    assert _kinds("Troops stormed the Northvale clinic on Friday, forcing it to suspend its work.").get(
        "suspend") == "services"
    assert _kinds("Six people were killed in the blast, but the mayor escaped unhurt.").get("escaped") == "escape"


def test_another_person_rescued_adds_to_the_count() -> None:
    a = analyze_text("The bodies of 12 people killed were pulled out of the rubble in Northvale, another person rescued.",
                     published="2030-03-05")
    feats, refs = build_features([a], EntityIndex([a]), _cfg())
    rescued = next(f for (_, ev), f in zip(refs, feats, strict=True) if ev.trigger.text == "rescued")
    assert not rescued.extra.get("distinct")
    labels, _ = incidents(feats, _cfg())
    assert len(set(labels)) == 1  # the dead, the recovery and the rescue: one row


def test_an_aftermath_word_hangs_on_a_violent_happening_only() -> None:
    lex = incident_lexicon()
    escape = _m("escape", "DISPLACE", span=(100, 180), aftermath="escape")
    assert is_consequence(escape, lex)
    arrest = _m("arrest", "COERCE", span=(0, 80))
    strike = _m("strike", "ASSAULT", span=(0, 80))
    # the sentence before tells a strike, then an arrest: the escape follows the strike
    assert hosts_of([strike, arrest, escape], _cfg()) == {2: 0}


def test_off_by_setting() -> None:
    told = _kinds("The bodies of 12 dead were pulled out of the rubble in Northvale.", incident_aftermath_near_chars=0)
    assert not any(told.values())
