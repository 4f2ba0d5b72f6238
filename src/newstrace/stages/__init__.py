"""The analysis stages and which of them are installed.

A stage is installed when the module that implements it is importable; the
text report and the record name the ones that are not, so a missing capability
is visible instead of silently producing empty lists.
"""

from __future__ import annotations

import importlib.util

from newstrace.types import AnalysisOptions, Stage

# (stage name, module implementing it), in dependency order.
KNOWN_STAGES: tuple[tuple[str, str], ...] = (
    ("nlp", "newstrace.nlp"),
    ("time", "newstrace.timex"),
    ("quotes", "newstrace.attribution"),
    ("events", "newstrace.events"),
    ("claims", "newstrace.claims"),
)


def _available(module: str) -> bool:
    try:
        spec = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        return False
    # A folder without __init__.py (work in progress) is a namespace package, not a stage.
    return spec is not None and spec.origin not in (None, "namespace")


def installed_stages(options: AnalysisOptions) -> tuple[list[Stage], tuple[str, ...]]:
    """The stages to run and the names of those that are not installed."""
    stages: list[Stage] = []
    missing: list[str] = []
    limits = options.resolved_limits()
    for name, module in KNOWN_STAGES:
        if not _available(module):
            missing.append(name)
            continue
        if name == "nlp":
            from newstrace.stages.nlp import NlpStage

            stages.append(NlpStage(options.model, limits, options.ner))
        elif name == "time":
            from newstrace.stages.time import TimeStage

            stages.append(TimeStage())
        elif name == "quotes":
            from newstrace.stages.quotes import QuoteStage

            stages.append(QuoteStage(limits))
        elif name == "events":
            from newstrace.stages.events import EventStage

            stages.append(EventStage())
        elif name == "claims":
            from newstrace.stages.claims import ClaimStage

            stages.append(ClaimStage())
    # A stage whose inputs are missing cannot run either; report it as missing.
    have = {"text", "metadata"}
    runnable: list[Stage] = []
    for stage in stages:
        if stage.requires <= have:
            runnable.append(stage)
            have |= stage.provides
        else:
            missing.append(f"{stage.name} (needs {', '.join(sorted(stage.requires - have))})")
    return runnable, tuple(missing)
