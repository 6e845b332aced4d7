"""Read the shipped language-data files under ``fullpicture/data/``."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def data_text(area: str, name: str) -> str:
    """The text of ``data/<area>/<name>``."""
    return resources.files("fullpicture").joinpath("data", area, name).read_text(encoding="utf-8")


def data_toml(area: str, name: str) -> dict[str, Any]:
    """The parsed TOML file ``data/<area>/<name>``."""
    return tomllib.loads(data_text(area, name))
