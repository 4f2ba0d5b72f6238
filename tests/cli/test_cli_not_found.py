"""An id or name the store does not hold is one line on stderr, in the form every command uses:
``error: INPUT: REASON [code]``, exit status 1 (before, some commands wrote ``Error: INPUT: REASON``
without the code)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newstrace.cli import main
from newstrace.store import open_store


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["show", "zzzzzz"], "error: zzzzzz: no article with this id [store.not_found]"),
        (["review", "cf-nosuchone", "confirm"], "error: cf-nosuchone: no conflict with this id [store.not_found]"),
        (["story", "st999999"], "error: st999999: no story with this id [store.not_found]"),
        (["conflicts", "--story", "st999999"], "error: st999999: no story with this id [store.not_found]"),
        (["entities", "Nobody Atall"], "error: Nobody Atall: no entity with this id, name, alias or surname [store.not_found]"),
    ],
)
def test_what_the_store_does_not_hold_is_one_error_line(tmp_path: Path, args: list[str], line: str) -> None:
    db = tmp_path / "news.db"
    open_store(db, create=True).close()
    out = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert out.exit_code == 1 and out.output.strip() == line, out.output
