"""The lemmas of the lexicon's lemma-matched terms, kept on disk between processes (speed only).

A lemma pattern needs each term's lemmas, which the model's tok2vec, tagger, attribute ruler
and lemmatizer give one term at a time: about 1.3 ms a term, 0.16 CPU s of every process's
start-up for the shipped lexicon. This module keeps those lemmas in the cache folder
(``$FULLPICTURE_CACHE_DIR``, see :func:`fullpicture._data.cache_dir`), in a
file named after a digest of everything they depend on: spaCy's version, the model's name,
version and the size and time of each file of its folder, the pipes run, and each term's
tokens. Anything else (no model folder, an unreadable or unwritable file) computes them as
before, so the patterns are the same with or without the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from fullpicture._data import cache_dir

_VERSION = "1"


def _model_stamp(nlp: Language) -> str | None:
    """Name, version and the (path, size, mtime) of every file of the model folder; None
    without a folder (a pipeline built in code)."""
    import spacy

    root = getattr(nlp, "path", None)
    if root is None or not Path(root).is_dir():
        return None
    parts = [_VERSION, spacy.__version__, str(nlp.meta.get("name")), str(nlp.meta.get("version"))]
    for p in sorted(Path(root).rglob("*")):
        if p.is_file():
            st = p.stat()
            parts.append(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts)


def cached_lemmas(
    nlp: Language, pipes: Sequence[str], words: Sequence[tuple[list[str], list[bool]]],
    compute: Callable[[], list[list[str]]],
) -> list[list[str]]:
    """The lemmas of each term (given as its tokens' words and trailing spaces), from the
    cache file when one matches, else ``compute()`` (kept for the next process)."""
    stamp = _model_stamp(nlp)
    if stamp is None:
        return compute()
    h = hashlib.sha256()
    h.update(stamp.encode())
    h.update(json.dumps([list(pipes), [list(w) for w in words]], ensure_ascii=False).encode())
    path = cache_dir() / f"lemmas-{h.hexdigest()[:24]}.json"
    found = _read(path, words)
    if found is not None:
        return found
    lemmas = compute()
    _write(path, lemmas)
    return lemmas


def _read(path: Path, words: Sequence[tuple[list[str], list[bool]]]) -> list[list[str]] | None:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, list) or len(data) != len(words):
        return None
    if not all(isinstance(x, list) and len(x) == len(w) and all(isinstance(s, str) for s in x)
               for x, (w, _) in zip(data, words, strict=True)):
        return None
    return data


def _write(path: Path, lemmas: list[list[str]]) -> None:
    """Written under a temporary name and renamed: a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lemmas-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(lemmas, fh, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def lemma_doc(nlp: Language, words: list[str], spaces: list[bool], lemmas: list[str]) -> Any:
    """A Doc of ``words`` carrying ``lemmas`` (what a LEMMA PhraseMatcher pattern reads)."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, spaces=spaces, lemmas=lemmas)
