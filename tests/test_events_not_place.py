"""Place names that say when, through what, by whom or to whom are no place of a happening told
beside them (nlp/events/_notplace.py, ``[clock_places]``, ``[platform_words]`` and
``[supply_recipients]``, ``[actor_places]`` and ``[place_titles]`` of ``data/events/plover.toml``;
the French and Russian passive agent of nlp/events/_args._passive_agent).

Shapes restated in invented words from real multi-side coverage: a report gave the hour of a
shelling "by the other capital's clock", and the shelling took that capital as its place; a
strike told with "rockets supplied to <capital> by its allies" took the capital; a regional head
"installed by <capital>" put the capital on the toll he announced; a toll "reported on the
ministry's Telegram channel" was placed at the channel; "<capital> is behind the attack", "an
effort by <capital>", "a village under <capital>'s control" and "the governor of <region>" put
the capital or the region on the strike. Each such mention sat in a row of its own,
apart from the town's row. Either side's capital reads alike.
"""

from __future__ import annotations

from functools import partial

import pytest

from tests._events_helpers import trigger_places

_places = partial(trigger_places, published="2024-02-03")


@pytest.mark.parametrize(("text", "trigger"), [
    ("The shelling of the market began at 10:30 Warsaw time.", "shelling"),
    ("Обстрел рынка начался в 09:45 по местному времени (08:45 по Варшаве).", "Обстрел"),
    ("Обстрел рынка начался в 09:45 по местному времени (08:45 по Москве).", "Обстрел"),
    ("Les tirs sur le dépôt ont commencé à 09h45, heure de Varsovie.", "tirs"),
])
def test_a_capitals_clock_is_no_place(text: str, trigger: str) -> None:
    assert _places(text, trigger) == [None]


def test_a_town_named_beside_a_clock_stays() -> None:
    assert _places("The shelling in Lublin began at 10:30 in the morning.", "shelling") == ["Lublin"]


@pytest.mark.parametrize(("text", "trigger"), [
    ("The strike was likely carried out with rockets supplied to Warsaw by its allies.", "strike"),
    ("The strike was likely carried out with rockets supplied to Moscow by its allies.", "strike"),
    ("Удар нанесен ракетами, поставленными Варшаве союзниками.", "Удар"),
])
def test_a_capital_receiving_arms_is_no_place(text: str, trigger: str) -> None:
    assert _places(text, trigger) == [None]


@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("Le gouverneur de la région, installé par Varsovie, a annoncé 12 morts dans le bombardement du marché de Lublin.",
     "bombardement", "Lublin"),
    ("Le gouverneur de la région, installé par Moscou, a annoncé 12 morts dans le bombardement du marché de Lublin.",
     "bombardement", "Lublin"),
])
def test_a_french_passive_agent_is_no_place(text: str, trigger: str, place: str) -> None:
    assert _places(text, trigger) == [place]


def test_a_french_passive_agent_alone_leaves_no_place() -> None:
    text = "Selon le responsable installé par Varsovie, le bombardement a fait 12 morts."
    assert _places(text, "bombardement") == [None]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Une frappe a fait onze blessés dans la nuit, a indiqué le ministère sur sa chaîne Telegram.", "frappe"),
    ("Un drone a touché un entrepôt, a écrit le gouverneur sur sa chaîne Telegram.", "touché"),
])
def test_a_platform_is_no_place(text: str, trigger: str) -> None:
    assert _places(text, trigger) == [None]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Moscow claims that Warsaw is behind the attack on the market.", "attack"),
    ("Warsaw claims that Moscow is behind the attack on the market.", "attack"),
    ("Varsovie est derrière l'attaque du marché.", "attaque"),
    ("Москва заявила, что за атакой на рынок стоит Варшава.", "атакой"),
    ("Explosions were reported overnight in a possible effort by Warsaw to strike targets deep inside the country.",
     "Explosions"),
    ("Des salves ont été tirées sur le marché depuis un village encore sous contrôle de Varsovie.", "tirées"),
    ("Des salves ont été tirées sur le marché depuis un village encore sous contrôle de Moscou.", "tirées"),
])
def test_a_capital_named_as_an_actor_is_no_place(text: str, trigger: str) -> None:
    assert _places(text, trigger) == [None]


def test_a_town_behind_the_front_stays_a_place() -> None:
    """Only a capital or a country is blamed by "is behind"; a town stays where it was."""
    assert _places("The shelling in Lublin is behind the front line.", "shelling") == ["Lublin"]


@pytest.mark.parametrize("text", [
    "Two people died in Radom on Saturday. The governor of the Lublin region said the strike hit a busy bakery.",
    "Deux personnes sont mortes à Radom samedi. Selon le gouverneur de Lublin, la frappe a visé une boulangerie.",
])
def test_a_governors_region_yields_to_the_town_told_before(text: str) -> None:
    """A governor's region names who speaks (``[place_titles]`` of plover.toml): a strike told in
    his words takes the town the story named just before, as a president's state does."""
    trigger = "strike" if text.startswith("Two") else "frappe"
    assert _places(text, trigger) == ["Radom"]


def test_a_byline_of_bars_is_a_dateline() -> None:
    """"Agency | <capital> | Updated: <date>" opens the story: where it was filed, not where the
    strike it tells hit (nlp/events/_args.dateline_spans)."""
    text = ("Capital accuses neighbour of attack on bakery\n\n"
            "Wire | Warsaw | Updated: 11-03-2031 09:20 CET | Created: 11-03-2031 09:20 CET\n"
            "The government on Monday accused its neighbour of carrying out an attack at the weekend "
            "by striking a bakery in the east.")
    assert _places(text, "striking") == [None]


def test_a_headline_with_bars_keeps_its_place() -> None:
    """Bars without a date or a clock time are a headline's, not a byline's."""
    assert _places("Shelling of Radom kills two | World news | Daily\n\nMore to follow.", "Shelling") == ["Radom"]
