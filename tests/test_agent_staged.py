"""Who an accusation charges with staging a happening is its doer in the accuser's account
(align/_agents.staged_by, ``[align] conflict_agent_staged_chars``; session 32, retell).

Shape restated in invented words from real multi-side coverage: one side attributes a gas attack
on Eastvale to an air force; the other side's envoy "accused Northland and Westland of staging the
gas attack in Eastvale". The act noun has no agent of its own, the accused are the accusation's
patients, so no agent of the other side's version reached the row and the dispute over who did
it was never built. Guards: a charge of something else ("of lying about the attack"), a break
between the staging word and the act, an act beyond the reach, an act with agents of its own,
and the setting at 0 give no doer.
"""

from __future__ import annotations

from types import SimpleNamespace

from fullpicture.align._agents import doers, staged_by


def _ev(eid: str, kind: str, text: str, word: str, *, agents: tuple[str, ...] = (),
        patients: tuple[str, ...] = ()) -> SimpleNamespace:
    start = text.index(word)
    return SimpleNamespace(id=eid, type=kind, agents=list(agents), patients=list(patients), blamed=[],
                           evidence=SimpleNamespace(start=0, end=len(text)),
                           trigger=SimpleNamespace(start=start, end=start + len(word)))


def _story(text: str, act: str = "attack", lang: str = "en", act_agents: tuple[str, ...] = ()) -> tuple[
        SimpleNamespace, SimpleNamespace]:
    acc = _ev("e1", "ACCUSE", text, text.split()[2], agents=("envoy",), patients=("north", "west"))
    ev = _ev("e2", "ASSAULT", text, act, agents=act_agents)
    a = SimpleNamespace(text=text, events=[acc, ev], document=SimpleNamespace(language=lang))
    return a, ev


def test_the_accused_of_staging_are_the_doers() -> None:
    a, ev = _story("The envoy accused Northland and Westland of staging the gas attack in Eastvale.")
    assert staged_by(a, ev, 80) == ["north", "west"]  # type: ignore[arg-type]
    assert doers(ev, {"conflict_agent_blamed": True, "conflict_agent_staged_chars": 80}, a) == ["north", "west"]  # type: ignore[arg-type]


def test_in_russian_through_a_staging_noun() -> None:
    a, ev = _story("Постпред тогда обвинил Нортленд и Вестленд в инсценировке химической атаки в Иствейле.",
                   act="атаки", lang="ru")
    assert staged_by(a, ev, 80) == ["north", "west"]  # type: ignore[arg-type]


def test_a_charge_of_something_else_names_no_doer() -> None:
    a, ev = _story("The envoy accused Northland and Westland of lying about the gas attack in Eastvale.")
    assert staged_by(a, ev, 80) == []  # type: ignore[arg-type]


def test_a_break_after_the_staging_word_names_no_doer() -> None:
    a, ev = _story("The envoy accused Northland of staging a video, after the attack in Eastvale.")
    assert staged_by(a, ev, 80) == []  # type: ignore[arg-type]


def test_an_act_beyond_the_reach_or_the_setting_off_names_no_doer() -> None:
    a, ev = _story("The envoy accused Northland and Westland of staging the gas attack in Eastvale.")
    assert staged_by(a, ev, 20) == []  # type: ignore[arg-type]
    assert staged_by(a, ev, 0) == []  # type: ignore[arg-type]


def test_an_act_with_agents_of_its_own_keeps_them() -> None:
    a, ev = _story("The envoy accused Northland and Westland of staging the gas attack in Eastvale.",
                   act_agents=("airforce",))
    assert doers(ev, {"conflict_agent_blamed": True, "conflict_agent_staged_chars": 80}, a) == ["airforce"]  # type: ignore[arg-type]
