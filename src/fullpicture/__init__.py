"""fullpicture: show every side of a contested story.

The public API is small::

    import fullpicture as fp
    a = fp.analyze("essay.html")                       # one document, or a string of text
    c = fp.compare(["examples/"])                      # the main job: sides aligned
    c.to_json_dict(); c.tables()["conflicts"]; fp.render_html(c)

Faces (the CLI, the web server) use only what this module exports.
"""

import os
from typing import TYPE_CHECKING, Any

# onnxruntime (>= 1.2x on Linux) queues usage telemetry in ~/.cache/Microsoft and uploads it to
# Microsoft unless this is set before it is first imported: fullpicture makes no network
# requests, so it is switched off for the process (an explicit value set by the user is kept).
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

from fullpicture._api import analyze, analyze_document, analyze_documents
from fullpicture._compare import (
    InputWarning,
    NoDocumentsError,
    build_comparison,
    collect_documents,
    compare,
    precompute_vectors,
    progress_units,
    store_analyses,
)
from fullpicture._errors import (
    BinaryInputError,
    ConfigError,
    DecodeError,
    EmptyInputError,
    FullpictureError,
    InputError,
    MalformedInputError,
    StoreError,
    TooLargeError,
    UnsupportedFormatError,
    UsageError,
)
from fullpicture.ingest import Document
from fullpicture.models import Analysis
from fullpicture.models.comparison import Comparison
from fullpicture.settings import Settings, load_settings

if TYPE_CHECKING:
    from fullpicture.batch import Encoded, Failure, analyze_many, encode_json
    from fullpicture.ingest import count_documents, iter_documents
    from fullpicture.report import render_html, render_markdown
    from fullpicture.store import open_store
    from fullpicture.store._parquet import ParquetStore

# Heavier parts load on first use, so `import fullpicture` stays quick.
_LAZY = {
    "Failure": "fullpicture.batch", "analyze_many": "fullpicture.batch",
    "Encoded": "fullpicture.batch", "encode_json": "fullpicture.batch",
    "render_html": "fullpicture.report", "render_markdown": "fullpicture.report",
    "open_store": "fullpicture.store", "iter_documents": "fullpicture.ingest",
    "count_documents": "fullpicture.ingest", "ParquetStore": "fullpicture.store._parquet",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'fullpicture' has no attribute {name!r}")

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Comparison",
    "Encoded",
    "Failure",
    "InputWarning",
    "iter_documents",
    "count_documents",
    "NoDocumentsError",
    "ParquetStore",
    "BinaryInputError",
    "ConfigError",
    "DecodeError",
    "Document",
    "EmptyInputError",
    "FullpictureError",
    "InputError",
    "MalformedInputError",
    "Settings",
    "StoreError",
    "TooLargeError",
    "UnsupportedFormatError",
    "UsageError",
    "__version__",
    "analyze",
    "analyze_document",
    "analyze_documents",
    "analyze_many",
    "build_comparison",
    "collect_documents",
    "compare",
    "encode_json",
    "load_settings",
    "open_store",
    "precompute_vectors",
    "progress_units",
    "render_html",
    "render_markdown",
    "store_analyses",
]
