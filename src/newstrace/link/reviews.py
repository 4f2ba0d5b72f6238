"""A reader's triage of a conflict, in one vocabulary everywhere (CLI text and JSON, exports, desk
pages and API): "unreviewed", "confirmed" or "dismissed". The store keeps NULL for unreviewed, so a
conflict filed before any review needs no migration; only this module turns NULL into the word."""

from __future__ import annotations

from typing import Literal

from newstrace.errors import ConfigError

Review = Literal["unreviewed", "confirmed", "dismissed"]
REVIEWS: tuple[Review, ...] = ("unreviewed", "confirmed", "dismissed")


def review_name(stored: str | None) -> Review:
    """The word for a stored review (NULL: "unreviewed")."""
    if stored == "confirmed":
        return "confirmed"
    if stored == "dismissed":
        return "dismissed"
    return "unreviewed"


def stored_review(name: str | None, *, conflict: str | None = None) -> str | None:
    """What the store keeps for ``name``: "confirmed", "dismissed", or None for "unreviewed" (None
    is taken as "unreviewed" too). Anything else is refused in one line naming the conflict."""
    if name is None or name == "unreviewed":
        return None
    if name in ("confirmed", "dismissed"):
        return name
    raise ConfigError(f"review {name!r} is not one of {', '.join(REVIEWS)}", input=conflict)
