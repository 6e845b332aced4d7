"""Tunable numbers live in shipped TOML files (``data/settings/*.toml``), never in code.

Each layer owns one file named after its section (``time.toml`` holds ``[time]``).
A user file passed with ``--settings`` overrides any key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from fullpicture._errors import ConfigError

_SETTINGS_DIR = "data/settings"


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean (true/false)"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


#: Keys read by the code with an in-code default, valid though the shipped files omit them.
_EXTRA_KEYS: dict[str, frozenset[str]] = {
    "entities": frozenset({"alias_files", "labels", "max_name_tokens"}),
    "plugins": frozenset({"alias_files", "lexicon_files"}),
}
#: Tables whose keys are free (names chosen by the user); ``[plugins.<name>]`` belongs to plugins.
_OPEN_TABLES = frozenset({"align.type_groups", "align.conflict_actor_kinds"})


def _closest(name: str, valid: list[str]) -> str:
    import difflib

    best = difflib.get_close_matches(name, valid, n=1, cutoff=0.5) or difflib.get_close_matches(name, valid, n=1, cutoff=0.0)
    return best[0] if best else ""


def _check_types(base: dict[str, Any], over: dict[str, Any], where: str, path: str = "") -> None:
    """Every overridden key exists in the shipped settings (else it is refused with its name and
    the closest valid key) and keeps the type of its shipped default (ints and floats mix)."""
    for key, value in over.items():
        name = f"{path}.{key}" if path else key
        if path in _OPEN_TABLES or path.startswith("plugins."):
            continue
        if key not in base:
            if key in _EXTRA_KEYS.get(path, ()) or (path == "" and key == "plugins" and isinstance(value, dict)):
                if path == "" and key == "plugins":
                    _check_types({k: [] for k in _EXTRA_KEYS["plugins"]}, value, where, "plugins")
                continue
            if path == "plugins" and isinstance(value, dict):
                continue  # [plugins.<name>]: a plugin's own settings
            valid = sorted(set(base) | _EXTRA_KEYS.get(path, frozenset()) | ({"plugins"} if not path else set()))
            near = _closest(key, valid)
            if path:
                hint = f"; did you mean [{path}] {near}?" if near else ""
                raise ConfigError(f"{where}: unknown setting {key!r} in [{path}]{hint} (see the shipped data/settings/*.toml)")
            hint = f"; did you mean [{near}]?" if near else ""
            raise ConfigError(f"{where}: unknown section [{key}]{hint} (plugins read [plugins.<name>]; see the shipped data/settings/*.toml)")
        want = base[key]
        if isinstance(want, dict) and isinstance(value, dict):
            _check_types(want, value, where, name)
        elif _kind(want) != _kind(value):
            raise ConfigError(f"{where}: [{name}] must be {_kind(want)}, got {value!r} (see the shipped data/settings/*.toml)")


@dataclass(frozen=True)
class Settings:
    """Immutable, picklable settings: ``settings.section("time")["max_year"]``."""

    data: dict[str, Any] = field(default_factory=dict)
    user_file: str | None = None

    def section(self, name: str) -> dict[str, Any]:
        """The dict of one section (empty if absent)."""
        value = self.data.get(name, {})
        return dict(value) if isinstance(value, dict) else {}

    def get(self, section: str, key: str, default: Any = None) -> Any:
        """One value, or ``default``."""
        return self.section(section).get(key, default)

    @property
    def key(self) -> str:
        """A stable key for caching things built from these settings."""
        import json

        return json.dumps(self.data, sort_keys=True, default=str)


def load_settings(user_file: str | Path | None = None) -> Settings:
    """Load the shipped settings, then overlay ``user_file`` if given."""
    data: dict[str, Any] = {}
    root = resources.files("fullpicture").joinpath(_SETTINGS_DIR)
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            try:
                data = _merge(data, tomllib.loads(entry.read_text(encoding="utf-8")))
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"shipped settings {entry.name} are invalid: {exc}") from exc
    if user_file is not None:
        path = Path(user_file)
        try:
            over = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{path}: settings file not found") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read settings ({exc.strerror})") from exc
        _check_types(data, over, str(path))
        data = _merge(data, over)
    return Settings(data=data, user_file=str(user_file) if user_file else None)
