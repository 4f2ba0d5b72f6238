"""Compose the stages: RawDocument -> Article -> analysed Article.

Each stage declares the capabilities it needs and the ones it adds; the
pipeline checks the chain when it is built, so a misordered or missing stage
fails at start-up with a clear message instead of producing half a record.
Stages never call each other; only this module composes them.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from newstrace.bounds import bound_text, check_record_size
from newstrace.errors import NewstraceError, PipelineError
from newstrace.extract import extract_article
from newstrace.extract.lang import other_language_parts
from newstrace.ingest.files import expand_paths, read_file
from newstrace.lang.scripts import UNDETERMINED, name_of
from newstrace.limits import over_limit
from newstrace.model import Article, LanguagePart, PublishedDate, RawDocument, SkippedStage
from newstrace.types import AnalysisOptions, Context, ErrorPolicy, Failure, Outcome, Stage

# The shared types are defined in newstrace.types; these names stay importable from here.
__all__ = ["AnalysisOptions", "Context", "ErrorPolicy", "Failure", "Outcome", "Pipeline", "Stage", "build_pipeline", "dct_of", "parse_published"]

log = logging.getLogger(__name__)

# What extraction itself provides before any analysis stage runs.
BASE_CAPABILITIES = frozenset({"text", "metadata"})


def parse_published(value: str) -> PublishedDate:
    """Validate a user-given publication date (ISO 8601 date or datetime)."""
    from newstrace.errors import ConfigError

    try:
        parsed = datetime.fromisoformat(value) if "T" in value or " " in value.strip() else date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--published {value!r} is not an ISO 8601 date (YYYY-MM-DD) or datetime") from None
    return PublishedDate(parsed.isoformat(), "option", value)


def dct_of(article: Article) -> date | None:
    if article.published is None:
        return None
    try:
        return datetime.fromisoformat(article.published.value).date()
    except ValueError:
        try:
            return date.fromisoformat(article.published.value[:10])
        except ValueError:
            return None


class Pipeline:
    """Extraction followed by the analysis stages, in a checked order."""

    def __init__(self, stages: Iterable[Stage], options: AnalysisOptions = AnalysisOptions(), missing: tuple[str, ...] = ()) -> None:
        self.stages = tuple(stages)
        self.options = options
        self.missing = missing  # names of analysis stages that are not installed
        self.limits = options.resolved_limits()
        self._published = parse_published(options.published) if options.published else None
        have = set(BASE_CAPABILITIES)
        for stage in self.stages:
            lacking = stage.requires - have
            if lacking:
                raise PipelineError(f"stage {stage.name!r} needs {sorted(lacking)}, which no earlier stage provides")
            have |= stage.provides

    def extract(self, raw: RawDocument) -> Article:
        if len(raw.content) > self.limits.input_bytes:  # documents that come already read (fetched, dumps, uploads)
            raise over_limit(f"is {len(raw.content):,} bytes, larger than the limit", "input_bytes", self.limits, raw.source.location)
        article = extract_article(raw, keep_raw_text=self.options.keep_raw_text)
        if self._published is not None:
            article = dataclasses.replace(article, published=self._published)
        return bound_text(article, self.limits)

    def analyse_article(self, article: Article) -> Article:
        """Run the stages that can read the article's language; the others, and those whose input
        did not come, are recorded with the reason. Paragraphs in another language than the
        article's are blanked out for the stages (offsets stay) and recorded."""
        ctx = Context(dct=dct_of(article))
        language = article.language
        readable = [s for s in self.stages if _reads(s, language)]
        parts = other_language_parts(article.text, language) if readable else ()
        text = article.text
        work = dataclasses.replace(article, text=_blanked(text, parts)) if parts else article
        have = set(BASE_CAPABILITIES)
        skipped: list[SkippedStage] = []
        for stage in self.stages:
            if stage not in readable:
                skipped.append(SkippedStage(stage.name, _no_model(stage, language)))
                continue
            lacking = stage.requires - have
            if lacking:
                skipped.append(SkippedStage(stage.name, f"needs {', '.join(sorted(lacking))}, which did not run"))
                continue
            work = stage(work, ctx)
            work = dataclasses.replace(work, stages=work.stages + (stage.name,))
            have |= stage.provides
        article = dataclasses.replace(work, text=text, skipped=tuple(skipped), other_languages=parts)
        check_record_size(article, self.limits, self.missing)
        return article

    def analyse(self, raw: RawDocument) -> Article:
        return self.analyse_article(self.extract(raw))

    def run(self, paths: Iterable[str | Path], on_outcome: Callable[[Outcome], None] | None = None) -> Iterator[Outcome]:
        """Analyse every input; under ErrorPolicy.RECORD failures are yielded, not raised."""
        return self.run_items(expand_paths(paths), on_outcome)

    def run_items(self, items: Iterable[Path | RawDocument | NewstraceError], on_outcome: Callable[[Outcome], None] | None = None) -> Iterator[Outcome]:
        """Like :meth:`run`, over files to read, documents already fetched, or input errors."""
        for item in items:
            if isinstance(item, NewstraceError):
                outcome: Outcome = self._fail(item, item.input or "?")
            elif isinstance(item, RawDocument):
                outcome = self._analyse_raw(item)
            else:
                outcome = self._analyse_path(item)
            if on_outcome:
                on_outcome(outcome)
            yield outcome

    def run_raw(self, documents: Iterable[RawDocument]) -> Iterator[Outcome]:
        for raw in documents:
            yield self._analyse_raw(raw)

    def _analyse_raw(self, raw: RawDocument) -> Outcome:
        try:
            return self.analyse(raw)
        except NewstraceError as exc:
            return self._fail(exc, raw.source.location)
        except Exception as exc:  # noqa: BLE001 - a batch must survive one bad document
            return self._fail(exc, raw.source.location)

    def _analyse_path(self, path: Path) -> Outcome:
        try:
            return self.analyse(read_file(path, self.limits))
        except NewstraceError as exc:
            return self._fail(exc, str(path))
        except Exception as exc:  # noqa: BLE001 - recorded as an internal error, see _fail
            return self._fail(exc, str(path))

    def _fail(self, exc: Exception, location: str) -> Failure:
        if self.options.error_policy is ErrorPolicy.RAISE:
            raise exc
        if isinstance(exc, NewstraceError):
            failure = Failure(exc.input or location, exc.code, exc.message)
        else:
            log.exception("internal error on %s", location)
            failure = Failure(location, "internal", f"{exc.__class__.__name__}: {exc}")
        return failure


def _reads(stage: Stage, language: str | None) -> bool:
    """Whether ``stage`` can analyse text in ``language``: a stage with no ``languages`` reads any;
    a text too short to tell its language (None) is read as the stages read it."""
    languages = getattr(stage, "languages", None)
    return languages is None or language is None or language in languages


def _no_model(stage: Stage, language: str | None) -> str:
    if language == UNDETERMINED:
        return "the language was not determined: the text is in a script the language detector does not know"
    known = ", ".join(name_of(code) for code in sorted(getattr(stage, "languages", ()) or ()))
    return f"no model for {name_of(language)}; the {stage.name} stage reads {known} only"


def _blanked(text: str, parts: tuple[LanguagePart, ...]) -> str:
    """``text`` with the given parts turned to spaces (line breaks kept): same length, same offsets."""
    chars = list(text)
    for part in parts:
        for i in range(part.span.start, part.span.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def build_pipeline(options: AnalysisOptions = AnalysisOptions()) -> Pipeline:
    """The default pipeline: every installed analysis stage, in dependency order."""
    from newstrace.stages import installed_stages

    stages, missing = installed_stages(options)
    return Pipeline(stages, options, missing)
