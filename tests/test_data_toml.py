"""The shipped TOML data files: parsed once per process, each caller given its own copy."""

from __future__ import annotations

import tomllib

from fullpicture._data import data_text, data_toml


def test_data_toml_is_the_parsed_file() -> None:
    assert data_toml("events", "plover.toml") == tomllib.loads(data_text("events", "plover.toml"))


def test_a_caller_changing_its_copy_does_not_change_the_next_callers() -> None:
    first = data_toml("events", "plover.toml")
    table = next(k for k, v in first.items() if isinstance(v, dict) and v)
    first[table].clear()
    first["invented_table"] = {"words": ["zorblat"]}
    again = data_toml("events", "plover.toml")
    assert again[table] and "invented_table" not in again
    assert again is not first
