"""Every ``Doc._``, ``Span._`` and ``Token._`` extension fullpicture uses, declared once.

Components write here; :mod:`fullpicture.nlp.convert` turns a ``Doc`` into an
:class:`~fullpicture.models.Analysis`. What a ``Doc`` stores is plain data (dicts, lists,
strings, numbers) in ``doc.user_data``, so ``DocBin(store_user_data=True)``, ``Doc.to_bytes``
and ``nlp.pipe(n_process=2)`` carry it. Components read and write the pydantic models of
:mod:`fullpicture.models`: the getter builds them from the plain data once per ``Doc`` and
keeps them in a weak per-``Doc`` cache; the setter stores both. A component that changes a
model in place (``fp_events`` links figures to events) is followed by :func:`sync`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from weakref import WeakKeyDictionary, WeakSet

from pydantic import TypeAdapter
from spacy.tokens import Doc, Span, Token

from fullpicture.models import (
    Claim,
    DocumentInfo,
    Entity,
    Event,
    Figure,
    FramingCue,
    FramingProfile,
    TimeAnchor,
    Timex,
    Zone,
)
from fullpicture.nlp._tokens import token_arrays

#: Doc extensions that hold models, with the type their plain data validates to.
MODEL_EXTENSIONS: dict[str, Any] = {
    "fp_info": DocumentInfo | None,  # the source document's metadata
    "fp_zones": list[Zone] | None,  # sorted by start
    "fp_entities": list[Entity] | None,
    "fp_timexes": list[Timex] | None,
    "fp_claims": list[Claim] | None,
    "fp_figures": list[Figure] | None,
    "fp_events": list[Event] | None,
    "fp_framing": list[FramingCue] | None,
    "fp_framing_profile": FramingProfile | None,
    "fp_time_anchor": TimeAnchor | None,  # the reference time fp_time used (published or inferred)
}

DOC_EXTENSIONS: dict[str, object] = {
    "fp_narrative": None,  # list[tuple[int, str]]: (char offset, reference date) set by fp_time
}

TOKEN_EXTENSIONS: dict[str, object] = {
    "fp_entity": None,  # entity id of the mention covering this token
    "fp_timex": None,  # timex id covering this token
    "fp_zone": None,  # zone kind of this token
}

SPAN_EXTENSIONS: dict[str, object] = {
    "fp_entity": None,  # entity id a span was linked to
}

_ADAPTERS: dict[str, TypeAdapter[Any]] = {name: TypeAdapter(tp) for name, tp in MODEL_EXTENSIONS.items()}
# Doc -> {extension name: models}; entries vanish with their Doc.
_MODELS: WeakKeyDictionary[Doc, dict[str, Any]] = WeakKeyDictionary()


def _key(name: str) -> tuple[str, str, None, None]:
    return ("._.", name, None, None)


def _getter(name: str) -> Callable[[Doc], Any]:
    adapter = _ADAPTERS[name]

    def get(doc: Doc) -> Any:
        cache = _MODELS.setdefault(doc, {})
        if name not in cache:
            data: dict[Any, Any] = doc.user_data
            raw = data.get(_key(name))
            cache[name] = None if raw is None else adapter.validate_python(raw)
        return cache[name]

    return get


def _setter(name: str) -> Callable[[Doc, Any], None]:
    adapter = _ADAPTERS[name]

    def set_(doc: Doc, value: Any) -> None:
        _MODELS.setdefault(doc, {})[name] = value
        if doc in _DEFERRED:
            return  # stored once by finish_sync (or never, when nothing reads it)
        data: dict[Any, Any] = doc.user_data
        data[_key(name)] = None if value is None else adapter.dump_python(value, mode="json")

    return set_


def sync(doc: Doc) -> None:
    """Store again the plain data of every model layer read or written on ``doc`` (after a
    component changed models in place)."""
    for name, value in _MODELS.get(doc, {}).items():
        _setter(name)(doc, value)


# Docs whose components leave the plain data to one sync at the end of the pipeline (see
# :func:`defer_sync`); entries vanish with their Doc.
_DEFERRED: WeakSet[Doc] = WeakSet()


def defer_sync(doc: Doc) -> Doc:
    """Mark ``doc`` as run through the whole pipeline by fullpicture's own runner: its
    components skip the :func:`sync` after each call and its setters the plain data, and
    :func:`finish_sync` stores the plain data once, at the end. Components read the models (the per-``Doc`` cache), never the plain
    data, so they see the same values; the plain data after :func:`finish_sync` is what the
    last component's sync would have stored (every layer's final value). Without it each
    component re-serialised every layer read so far (about 4 % of the analysis)."""
    _DEFERRED.add(doc)
    return doc


def finish_sync(doc: Doc, store: bool = True) -> Doc:
    """End :func:`defer_sync` for ``doc``: store the plain data of every model layer once.
    With ``store=False`` the layers stay models only (``doc._`` reads them; ``doc.user_data``
    lacks them): for a caller that converts the Doc and drops it, as the analysis does."""
    if doc in _DEFERRED:
        _DEFERRED.discard(doc)
        if store:
            sync(doc)
    return doc


def plain_token_extension(name: str) -> bool:
    """Whether the token extension ``name`` is a plain value (no getter, setter or method):
    then ``token._.name`` is ``doc.user_data.get(("._.", name, token.idx, None))``, the key
    spaCy's ``Underscore`` uses, which a loop over every token may read and write directly
    instead of building an ``Underscore`` object per token (about 1.5 µs each)."""
    ext = Token.get_extension(name)
    return ext is not None and ext[1] is None and ext[2] is None and ext[3] is None


C = TypeVar("C", bound=Callable[..., Doc])


def synced(call: C) -> C:
    """Decorate a component's ``__call__`` so the plain data matches the models afterwards."""

    @wraps(call)
    def run(self: Any, doc: Doc) -> Doc:
        out = call(self, doc)
        if out not in _DEFERRED:
            sync(out)
        return out

    return run  # type: ignore[return-value]


def register_extensions() -> None:
    """Declare all extensions (idempotent)."""
    for name in MODEL_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_getter(name), setter=_setter(name))
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("fp_tokens"):  # the token arrays of nlp/_tokens.py (not stored in user_data)
        Doc.set_extension("fp_tokens", getter=token_arrays)
    for name, default in TOKEN_EXTENSIONS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()
