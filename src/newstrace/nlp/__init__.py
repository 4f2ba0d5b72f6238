"""Loading newstrace's English NLP pipeline.

By default :func:`load_nlp` loads the pipeline shipped inside the package
(``SHIPPED_MODEL_PATH``: tokenizer, tagger, morphologizer, trainable lemmatizer,
dependency parser, NER with PERSON / ORG / PLACE / EVENT; trained by
``python -m training.build_model``, see its MODEL_CARD.md).  The environment
variable ``NEWSTRACE_SPACY_MODEL`` or the ``model`` argument names any other
installed spaCy pipeline (package name or directory) instead.

Whatever is loaded, four components are added: the news sentence splitter
(:mod:`newstrace.nlp.sentences`), the outlet and person name rules
(:mod:`newstrace.nlp.news_entities`), the entity label mapping
(:mod:`newstrace.nlp.labels`) and the news span and type rules
(:mod:`newstrace.nlp.entity_rules`, which also teach the tokenizer to split
a dateline's ")" from the next word).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import spacy
from spacy.language import Language

from newstrace.errors import ModelError
from newstrace.nlp import labels as _labels  # noqa: F401  (registers factory)
from newstrace.nlp.entity_rules import add_entity_rules
from newstrace.nlp.labels import FACTORY as LABELS_FACTORY
from newstrace.nlp.labels import LABELS, normalize_label
from newstrace.nlp.news_entities import add_news_entities
from newstrace.nlp.sentences import add_news_sentences

__all__ = [
    "ENV_VAR",
    "LABELS",
    "SHIPPED_MODEL_PATH",
    "MODELS",
    "load_nlp",
    "model_languages",
    "normalize_label",
    "resolve_model",
]

SHIPPED_MODEL_PATH = Path(__file__).resolve().parent / "models" / "en_newstrace"
ENV_VAR = "NEWSTRACE_SPACY_MODEL"

_cache: dict[str, Language] = {}
_lock = threading.Lock()


#: The pipeline for each language newstrace analyses: a new language is a trained model added here
#: (and word lists under ``newstrace.lang.<code>`` for the stages that read them).
MODELS: dict[str, Path] = {"en": SHIPPED_MODEL_PATH}


def resolve_model(model: str | os.PathLike[str] | None = None, language: str | None = None) -> str:
    """The pipeline name or path that :func:`load_nlp` would load."""
    if model is None or str(model) == "":
        model = os.environ.get(ENV_VAR) or None
    if model is None:
        if language is not None and language in MODELS:
            return str(MODELS[language])
        if language is not None:
            raise ModelError(f"no NLP model for language {language!r} (models: {', '.join(sorted(MODELS))})", input=language)
        return str(SHIPPED_MODEL_PATH)
    return str(model)


def model_language(name: str) -> str:
    """The language a pipeline is for, from its meta.json (English when it does not say)."""
    try:
        path = Path(name) if Path(name).exists() else spacy.util.get_package_path(name)
        meta = spacy.util.get_model_meta(path)
    except Exception:  # noqa: BLE001  (not installed, no meta: load_nlp reports it when it runs)
        return "en"
    return str(meta.get("lang") or "en")


def model_languages(model: str | os.PathLike[str] | None = None) -> frozenset[str]:
    """The languages the NLP stage can analyse: those of :data:`MODELS`, or the one ``model``
    (or ``$NEWSTRACE_SPACY_MODEL``) is for."""
    if (model is None or str(model) == "") and not os.environ.get(ENV_VAR):
        return frozenset(MODELS)
    return frozenset({model_language(resolve_model(model))})


def load_nlp(model: str | os.PathLike[str] | None = None, language: str | None = None, ner: str = "fast") -> Language:
    """Load (once per name) a spaCy pipeline ready for newstrace.

    ``model`` is an installed pipeline's package name or a directory written by
    ``nlp.to_disk``; None means ``$NEWSTRACE_SPACY_MODEL``, else the model of
    ``language`` in :data:`MODELS`, else the shipped model.  ``ner="accurate"``
    replaces the pipeline's entity recogniser by the one on the pretrained MiniLM
    encoder (:mod:`newstrace.nlp.minilm_ner`; needs the ``embeddings`` extra,
    slower).  Raises :class:`newstrace.errors.ModelError` if it cannot be loaded.
    """
    from newstrace.types import NER_CHOICES

    if ner not in NER_CHOICES:
        raise ModelError(f"unknown entity recogniser {ner!r} (choose from {', '.join(NER_CHOICES)})", input=ner)
    name = resolve_model(model, language)
    key = name if ner == "fast" else f"{name}#ner={ner}"
    with _lock:
        nlp = _cache.get(key)
        if nlp is not None:
            return nlp
        try:
            nlp = spacy.load(name)
        except Exception as exc:  # noqa: BLE001  (OSError, ValueError, ImportError, config errors)
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ModelError(f"cannot load spaCy pipeline: {detail}", input=name) from None
        add_news_sentences(nlp)
        if ner == "accurate":
            _use_accurate_ner(nlp)
        add_news_entities(nlp, before=(LABELS_FACTORY,))
        if LABELS_FACTORY not in nlp.pipe_names:
            nlp.add_pipe(LABELS_FACTORY, last=True)
        add_entity_rules(nlp)
        _cache[key] = nlp
        return nlp


def _use_accurate_ner(nlp: Language) -> None:
    from newstrace.nlp.minilm_ner import FACTORY as MINILM_FACTORY
    from newstrace.nlp.minilm_ner import default_tagger

    default_tagger()  # fails here, with a clear ModelError, when the extra or the weights are missing
    if "ner" in nlp.pipe_names:
        after = nlp.pipe_names[nlp.pipe_names.index("ner") - 1]
        nlp.remove_pipe("ner")
        nlp.add_pipe(MINILM_FACTORY, after=after)
    else:
        nlp.add_pipe(MINILM_FACTORY, last=True)
