"""Analysis caches of the evaluation scripts, keyed by the code and data that made them.

An evaluation caches each document's analysis to skip re-analysis on the next run. The cache
folder is named after a digest of every file of the installed ``fullpicture`` package that an
analysis can depend on (code, settings, lexicons, gazetteer, model files), so a changed layer
never reads analyses the old code made (the key used to be the document name alone, which
silently kept stale analyses). The layers above analysis (alignment, store, report, faces)
are left out of the digest: changing them re-aligns cached analyses, it does not re-analyse.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

#: Top-level parts of the package that no analysis imports (import-linter's layers keep it so).
ABOVE_ANALYSIS = frozenset({"align", "batch", "cli", "report", "store", "web", "_compare.py"})


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A short sha256 over the paths and bytes of the ``fullpicture`` package's files that an
    analysis can depend on (every file but those under :data:`ABOVE_ANALYSIS`)."""
    import fullpicture

    root = Path(fullpicture.__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if rel.parts[0] in ABOVE_ANALYSIS:
            continue
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def keyed(cache: Path | None) -> Path | None:
    """``cache`` narrowed to the folder of the current code's analyses (None stays None)."""
    return None if cache is None else cache / code_digest()
