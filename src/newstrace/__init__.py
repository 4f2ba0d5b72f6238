"""newstrace: turn raw news pages into a sourced, dated map of who said what,
when, citing whom, and where accounts conflict."""

__version__ = "0.1.0"
