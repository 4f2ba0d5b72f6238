"""The rule table: every rule is a regex plus a handler that builds a Candidate.

Rules live in modules by what they recognise (dates, times, durations, relative
expressions, sets); importing this package registers them all.
"""

from __future__ import annotations

from . import dates, durations, relative, sets, times  # noqa: F401  (registration)
from .base import RULES, Rule

__all__ = ["RULES", "Rule"]
