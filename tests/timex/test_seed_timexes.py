"""The seed page's hand-written time expressions, with and without a document date.

Every non-optional gold timex must be found with its exact text and type, and its value
must be the gold's ``with_dct`` value when the DCT is given and ``without_dct`` when not
(durations and absolute years carry one ``value`` for both).
"""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.timex import tag_timexes


def _found(text: str, dct: date | None) -> dict[tuple[str, str], list[str | None]]:
    out: dict[tuple[str, str], list[str | None]] = {}
    for t in tag_timexes(text, dct):
        out.setdefault((t.span.text(text), t.type), []).append(t.value)
    return out


@pytest.mark.parametrize("with_dct", [True, False], ids=["with_dct", "without_dct"])
def test_seed_timexes(seed_page, seed_gold, with_dct: bool) -> None:
    text = seed_page.read_text(encoding="utf-8")
    dct = date.fromisoformat(seed_gold["dct_for_test"]) if with_dct else None
    found = _found(text, dct)
    problems = []
    for g in seed_gold["timexes"]:
        if g.get("optional"):
            continue
        key = (g["text"], g["type"])
        expected = g["value"] if "value" in g else g["with_dct" if with_dct else "without_dct"]
        if key not in found:
            problems.append(f"missing {key}")
        elif expected not in found[key]:
            problems.append(f"{key}: expected {expected!r}, got {found[key]}")
    assert not problems, "\n".join(problems)


def test_seed_offsets_are_sorted_and_valid(seed_page, seed_gold) -> None:
    text = seed_page.read_text(encoding="utf-8")
    found = tag_timexes(text, date.fromisoformat(seed_gold["dct_for_test"]))
    starts = [t.span.start for t in found]
    assert starts == sorted(starts)
    assert all(0 <= t.span.start < t.span.end <= len(text) for t in found)
    assert found == tag_timexes(text, date.fromisoformat(seed_gold["dct_for_test"]))  # deterministic
