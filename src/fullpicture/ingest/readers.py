"""Built-in readers (placeholder: the foundation issue fills these in)."""

from __future__ import annotations

from typing import Any

BUILTIN_READERS: list[tuple[tuple[str, ...], Any]] = []
