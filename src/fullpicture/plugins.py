"""Plugin hooks (pluggy). Built-ins go through the same hooks as third-party plugins.

A plugin is a module exposing ``@hookimpl`` functions, registered through the
``fullpicture`` entry-point group.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("fullpicture")
hookimpl = pluggy.HookimplMarker("fullpicture")


class HookSpecs:
    """The hooks a fullpicture plugin may implement."""

    @hookspec
    def fullpicture_readers(self) -> list[tuple[tuple[str, ...], Callable[..., Any]]]:  # type: ignore[empty-body]
        """Ingest readers: ``(suffixes, read(path, raw_bytes, settings) -> list[RawDocument])``."""

    @hookspec
    def fullpicture_components(self) -> list[str]:  # type: ignore[empty-body]
        """Names of spaCy factories to append to the pipeline (after the built-in ``fp_*``)."""

    @hookspec
    def fullpicture_lexicon_files(self) -> list[str]:  # type: ignore[empty-body]
        """Paths of framing lexicon files (YAML) to load besides the shipped ones."""

    @hookspec
    def fullpicture_alias_files(self) -> list[str]:  # type: ignore[empty-body]
        """Paths of place-alias files (YAML or CSV) to load besides the gazetteer."""

    @hookspec
    def fullpicture_report_sections(self, comparison: Any) -> list[tuple[str, str, str]]:  # type: ignore[empty-body]
        """Extra report sections: ``(anchor id, title, trusted HTML)``."""


@lru_cache(maxsize=1)
def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager with built-ins and installed plugins loaded."""
    pm = pluggy.PluginManager("fullpicture")
    pm.add_hookspecs(HookSpecs)
    from fullpicture import _builtins

    pm.register(_builtins, name="builtins")
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
