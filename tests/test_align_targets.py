"""The sides' dispute over what was hit (align/_targets.py): a side naming only civilian sites
against a side one of whose documents names mostly military ones; never when they agree, never
with infrastructure or a bare building. Values invented."""

from __future__ import annotations

from fullpicture.align._targets import target_conflict
from fullpicture.models.comparison import ConflictValue


def _v(side: str, doc: str, words: str, kind: str) -> ConflictValue:
    return ConflictValue(side=side, value=words, document=doc, field="target", category="x", kind=kind)


def test_civilian_against_military_is_a_conflict_with_each_sides_own_words():
    vals = [_v("east", "a", "a hotel", "civilian"), _v("east", "b", "flats", "civilian"),
            _v("west", "c", "a command post", "military")]
    c = target_conflict(vals)
    assert c is not None and c.field == "target"
    assert {(v.side, v.value) for v in c.values} == {("east", "a hotel"), ("east", "flats"),
                                                     ("west", "a command post")}


def test_either_side_may_name_the_military_site():
    vals = [_v("west", "a", "a school", "civilian"), _v("east", "b", "a depot", "military")]
    assert target_conflict(vals) is not None


def test_no_conflict_when_sides_agree_or_words_do_not_clash():
    assert target_conflict([_v("east", "a", "a hotel", "civilian"), _v("west", "b", "a café", "civilian")]) is None
    assert target_conflict([_v("east", "a", "a bridge", "infrastructure"),
                            _v("west", "b", "a depot", "military")]) is None
    assert target_conflict([_v("east", "a", "a building", "unspecified"),
                            _v("west", "b", "a base", "military")]) is None
    assert target_conflict([_v("east", "a", "a hotel", "civilian")]) is None


def test_a_side_that_names_the_military_site_too_tells_no_rival_account():
    # a strike on a base that damaged nearby homes, told by both sides
    vals = [_v("east", "a", "an air base", "military"), _v("east", "a", "homes", "civilian"),
            _v("west", "b", "an air base", "military")]
    assert target_conflict(vals) is None
    # a side one of whose documents names mostly the military site is no civilian account
    vals = [_v("east", "a", "a hotel", "civilian"), _v("east", "c", "a depot", "military"),
            _v("west", "b", "a depot", "military")]
    assert target_conflict(vals) is None


def test_a_relayed_claim_inside_a_civilian_account_keeps_the_account_civilian():
    # east's document names the shop twice and relays west's "depot" once
    vals = [_v("east", "a", "a shop", "civilian"), _v("east", "a", "the shop", "civilian"),
            _v("east", "a", "a depot", "military"), _v("west", "b", "a depot", "military")]
    c = target_conflict(vals)
    assert c is not None and {(v.side, v.value) for v in c.values} == {
        ("east", "a shop"), ("east", "the shop"), ("west", "a depot")}


def test_the_settings_switch_turns_the_conflict_off():
    vals = [_v("east", "a", "a hotel", "civilian"), _v("west", "b", "a depot", "military")]
    assert target_conflict(vals, {"target_conflicts": False}) is None


def _c(side: str, doc: str, words: str, kind: str, category: str) -> ConflictValue:
    return ConflictValue(side=side, value=words, document=doc, field="target", category=category, kind=kind)


def test_a_label_of_the_people_or_site_the_other_side_names_is_a_rival_account():
    # west names the same tent and reporter as east, and labels the one hit a fighter
    vals = [_c("east", "a", "a tent", "civilian", "shelter"), _c("east", "a", "reporters", "civilian", "press"),
            _c("west", "b", "a reporter", "civilian", "press"), _c("west", "b", "a fighter", "military", "combatants")]
    c = target_conflict(vals)
    assert c is not None and {(v.side, v.value) for v in c.values} == {
        ("east", "a tent"), ("east", "reporters"), ("west", "a fighter")}
    # west names the same jail as east and calls what it hit "regime targets"
    vals = [_c("east", "a", "the jail", "civilian", "detention"), _c("east", "a", "a clinic", "civilian", "hospital"),
            _c("west", "b", "the jail", "civilian", "detention"),
            _c("west", "b", "regime targets", "military", "military_site")]
    assert target_conflict(vals) is not None


def test_a_label_of_people_is_no_label_of_a_site_both_sides_name():
    # west's document names the school east names and, elsewhere, troops fired at: two objects
    vals = [_c("east", "a", "a school", "civilian", "school"),
            _c("west", "b", "the school", "civilian", "school"), _c("west", "b", "troops", "military", "combatants")]
    assert target_conflict(vals) is None
    # nor does a label excuse civilian words no other side names
    vals = [_c("east", "a", "a school", "civilian", "school"),
            _c("west", "b", "homes", "civilian", "residence"), _c("west", "b", "a fighter", "military", "combatants")]
    assert target_conflict(vals) is None


def test_a_sides_own_forces_or_posts_are_not_what_its_strike_hit():
    from fullpicture.align._targets import _own_forces

    text = "Gunfire was aimed at Israeli soldiers; later the army struck militants. Des tirs visaient des soldats israéliens."
    soldiers = text.index("soldiers")
    militants = text.index("militants")
    soldats = text.index("soldats")
    assert _own_forces(text, soldiers, soldiers + 8, "israeli")
    assert not _own_forces(text, soldiers, soldiers + 8, "palestinian")  # another side's forces: a label
    assert not _own_forces(text, militants, militants + 9, "israeli")
    assert _own_forces(text, soldats, soldats + 7, "israeli")  # the demonym after the noun
    assert not _own_forces(text, soldiers, soldiers + 8, "international")  # a side of no state


def test_the_speaker_of_the_sentence_gives_the_account_of_what_was_hit():
    from types import SimpleNamespace

    from fullpicture.align._targets import _sentence_speaker

    text = ("Valdia Daily: A missile hit the clinic on Monday, the director said. "
            "Norway's guard claimed it was targeting a command post nearby. "
            "Later a missile struck the depot.")
    far = SimpleNamespace(id="c1", start=text.index("A missile"), end=len(text))  # begun sentences before
    doc = SimpleNamespace(text=text, claims=[far], document=SimpleNamespace(language="en"))
    assert _sentence_speaker(doc, text.index("targeting"), "c1") == "NO"
    assert _sentence_speaker(doc, text.index("struck"), "c1") is None  # no speaker in its sentence
    own = SimpleNamespace(id="c2", start=text.index("Norway"), end=text.index(" Later"))
    doc.claims = [own]
    assert _sentence_speaker(doc, text.index("targeting"), "c2") is None  # the sentence's own claim speaks
    fr = "Selon le journal, l'attaque a eu lieu. La Norvège affirme que la frappe visait un dépôt."
    doc_fr = SimpleNamespace(text=fr, claims=[], document=SimpleNamespace(language="fr"))
    assert _sentence_speaker(doc_fr, fr.index("visait"), None) == "NO"
