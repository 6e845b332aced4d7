"""fullpicture: show every side of a contested story.

The public API is small::

    from fullpicture import analyze
    a = analyze("essay.html")          # or a string of text
    print(a.to_json_dict()["entities"])
"""

from fullpicture._api import analyze, analyze_document, analyze_documents
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
from fullpicture.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Analysis",
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
    "load_settings",
]
