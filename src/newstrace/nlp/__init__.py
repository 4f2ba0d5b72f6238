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
from newstrace.nlp.labels import FACTORY as LABELS_FACTORY
from newstrace.nlp.entity_rules import add_entity_rules
from newstrace.nlp.labels import LABELS, normalize_label
from newstrace.nlp.news_entities import add_news_entities
from newstrace.nlp.sentences import add_news_sentences

__all__ = [
    "ENV_VAR",
    "LABELS",
    "SHIPPED_MODEL_PATH",
    "load_nlp",
    "normalize_label",
    "resolve_model",
]

SHIPPED_MODEL_PATH = Path(__file__).resolve().parent / "models" / "en_newstrace"
ENV_VAR = "NEWSTRACE_SPACY_MODEL"

_cache: dict[str, Language] = {}
_lock = threading.Lock()


def resolve_model(model: str | os.PathLike[str] | None = None) -> str:
    """The pipeline name or path that :func:`load_nlp` would load."""
    if model is None or str(model) == "":
        model = os.environ.get(ENV_VAR) or None
    if model is None:
        return str(SHIPPED_MODEL_PATH)
    return str(model)


def load_nlp(model: str | os.PathLike[str] | None = None) -> Language:
    """Load (once per name) a spaCy pipeline ready for newstrace.

    ``model`` is an installed pipeline's package name or a directory written by
    ``nlp.to_disk``; None means ``$NEWSTRACE_SPACY_MODEL`` or else the shipped
    model.  Raises :class:`newstrace.errors.ModelError` if it cannot be loaded.
    """
    name = resolve_model(model)
    with _lock:
        nlp = _cache.get(name)
        if nlp is not None:
            return nlp
        try:
            nlp = spacy.load(name)
        except Exception as exc:  # noqa: BLE001  (OSError, ValueError, ImportError, config errors)
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ModelError(f"cannot load spaCy pipeline: {detail}", input=name) from None
        add_news_sentences(nlp)
        add_news_entities(nlp, before=(LABELS_FACTORY,))
        if LABELS_FACTORY not in nlp.pipe_names:
            nlp.add_pipe(LABELS_FACTORY, last=True)
        add_entity_rules(nlp)
        _cache[name] = nlp
        return nlp
