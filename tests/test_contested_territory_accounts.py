"""A place in a territory whose government is contested names no state: the authorities of
Artsakh, Donetsk or Tskhinvali are not Azerbaijan's, Ukraine's or Georgia's voice, so a toll a
side quotes from them stays that side's, not the other side's (a shape seen in the project's
own examples after figures were given to the side whose source is quoted)."""

from __future__ import annotations

import pytest

from fullpicture.align._agents import in_contested_territory, state_of
from fullpicture.models import Entity
from fullpicture.models.entities import Geo


def _place(name: str, lat: float, lon: float, cc: str) -> Entity:
    return Entity(id="e1", name=name, type="GPE", geo=Geo(lat=lat, lon=lon, country=cc))


@pytest.mark.parametrize(
    ("name", "lat", "lon", "cc", "state"),
    [
        ("Stepanakert", 39.815, 46.752, "AZ", None),
        ("Donetsk", 48.023, 37.802, "UA", None),
        ("Tskhinvali", 42.227, 43.970, "GE", None),
        ("Goris", 39.507, 46.338, "AM", "AM"),  # in Armenia, beside Karabakh
        ("Lviv", 49.839, 24.029, "UA", "UA"),
        ("Baku", 40.377, 49.892, "AZ", "AZ"),
    ],
)
def test_contested_places_name_no_state(name, lat, lon, cc, state) -> None:
    assert state_of(_place(name, lat, lon, cc)) == state


def test_a_country_named_is_its_state_wherever_its_point_lies() -> None:
    assert in_contested_territory(39.82, 46.85)
    assert state_of(_place("Armenia", 40.0, 45.0, "AM")) == "AM"


@pytest.mark.slow
def test_a_toll_quoted_from_contested_authorities_stays_with_the_side() -> None:
    import fullpicture as fp
    from fullpicture.ingest import load_text

    west = ("On 19 September 2023 an offensive struck Stepanakert. According to the human rights "
            "ombudsman of Artsakh, at least 200 people were killed in the offensive.")
    east = ("On 19 September 2023 the army began anti-terrorist measures near Stepanakert. "
            "The defence ministry in Baku said 192 servicemen were killed in the measures.")
    docs = [load_text(west, source="w.txt", published="2023-09-25", perspective="armenian"),
            load_text(east, source="e.txt", published="2023-09-25", perspective="azerbaijani")]
    comparison = fp.compare(docs)
    values = [v for e in comparison.events for v in e.figures if v.value == "at least 200"]
    assert values and all(v.side == "armenian" and v.reported_by is None for v in values)
