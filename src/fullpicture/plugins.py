"""Plugin hooks (pluggy). Built-ins go through the same hooks as third-party plugins.

A plugin is a module exposing ``@hookimpl`` functions, registered through the
``fullpicture`` entry-point group. The specs live in :mod:`fullpicture._hookspecs`.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

import pluggy

from fullpicture._hookspecs import HookSpecs, hookimpl, hookspec

#: Plugins that ship with fullpicture, loaded by name like any plugin (as datasette does).
DEFAULT_PLUGINS = ("fullpicture._builtins",)


@lru_cache(maxsize=1)
def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager with built-ins and installed plugins loaded."""
    pm = pluggy.PluginManager("fullpicture")
    pm.add_hookspecs(HookSpecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name.rsplit(".", 1)[-1].lstrip("_"))
    pm.load_setuptools_entrypoints("fullpicture")
    return pm


def collect(hook_name: str, **kwargs: Any) -> list[Any]:
    """Call a hook and flatten the lists every implementation returned."""
    hook = getattr(get_plugin_manager().hook, hook_name)
    out: list[Any] = []
    for result in hook(**kwargs):
        if result:
            out.extend(result)
    return out


__all__ = ["DEFAULT_PLUGINS", "HookSpecs", "collect", "get_plugin_manager", "hookimpl", "hookspec"]
