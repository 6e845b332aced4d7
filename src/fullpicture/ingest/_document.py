"""The unit of analysis: normalized text with its metadata and zones."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from fullpicture.models import DocumentInfo, Zone


def content_id(text: str) -> str:
    """A document id: the sha256 of its normalized text (so duplicates collapse)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One ingested document. Picklable; every offset refers to ``text``."""

    text: str
    info: DocumentInfo
    zones: tuple[Zone, ...] = field(default_factory=tuple)

    @property
    def id(self) -> str:
        """The content hash."""
        return self.info.id
