"""Metadata fields (JSON Lines, side-car ``.meta.json``, Markdown front matter): checked by
type and size; a wrong type or an over-long value is refused with the field's name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from fullpicture._errors import MalformedInputError
from fullpicture.ingest._safe import clean
from fullpicture.models import Author
from fullpicture.settings import Settings, load_settings

#: Metadata fields that hold one short string.
STRING_FIELDS = ("title", "published", "date", "source", "site", "url")


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


class MetaChecker:
    """Checks one record's metadata against the caps of ``[ingest]``."""

    def __init__(self, where: str, settings: Settings | None = None) -> None:
        s = (settings or load_settings()).section("ingest")
        self.where = where
        self.max_chars = int(s.get("max_field_chars", 2000))
        self.max_authors = int(s.get("max_authors", 50))

    def refuse(self, field: str, problem: str) -> MalformedInputError:
        """The error for one bad field."""
        return MalformedInputError(self.where, f'field "{field}" {problem}', "fix or remove that field")

    def string(self, field: str, value: object, *, numbers: bool = False) -> str | None:
        """A string field (None and "" mean absent); dates and, with ``numbers``, numbers become text."""
        if value is None or value == "":
            return None
        if isinstance(value, dt.date | dt.datetime):
            value = value.isoformat()
        elif numbers and isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self.refuse(field, f"must be a string, not {_kind(value)}")
        if len(value) > self.max_chars:
            raise self.refuse(field, f"is {len(value):,} characters, over the limit of {self.max_chars:,}")
        return clean(value)

    def perspective(self, field: str, value: object) -> str | None:
        """A side label: a string, or an object with a string ``label``."""
        if isinstance(value, Mapping):
            label = value.get("label")
            if not isinstance(label, str):
                raise self.refuse(field, 'must be a string or an object with a "label" string')
            return self.string(f"{field}.label", label)
        return self.string(field, value)

    def authors(self, field: str, value: object) -> list[str | Author]:
        """Names: a string, or a list of strings / ``{"name", "affiliation"}`` objects."""
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return [self.string(field, value) or ""]
        if not isinstance(value, list):
            raise self.refuse(field, f"must be a string or a list of names, not {_kind(value)}")
        if len(value) > self.max_authors:
            raise self.refuse(field, f"lists {len(value):,} authors, over the limit of {self.max_authors:,}")
        out: list[str | Author] = []
        for i, a in enumerate(value):
            if isinstance(a, Mapping):
                name = self.string(f"{field}[{i}].name", a.get("name"))
                aff = self.string(f"{field}[{i}].affiliation", a.get("affiliation"))
                if name:
                    out.append(Author(name=name, affiliation=aff))
            else:
                name = self.string(f"{field}[{i}]", a)
                if name:
                    out.append(name)
        return out

    def record(self, obj: Mapping[str, Any]) -> dict[str, Any]:
        """The known metadata fields of ``obj``, checked: title, published, site, url, source,
        perspective, authors. Other keys are ignored."""
        published = self.string("published", obj.get("published"), numbers=True)
        date = self.string("date", obj.get("date"), numbers=True)
        authors = self.authors("authors", obj.get("authors"))
        if not authors:
            authors = self.authors("author", obj.get("author"))
        return {
            "title": self.string("title", obj.get("title")),
            "published": published or date,
            "site": self.string("site", obj.get("site")),
            "url": self.string("url", obj.get("url")),
            "source": self.string("source", obj.get("source")),
            "perspective": self.perspective("perspective", obj.get("perspective")),
            "authors": authors,
        }
