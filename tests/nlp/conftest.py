"""Fixtures for the NLP tests: the shipped pipeline, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.nlp import SHIPPED_MODEL_PATH, load_nlp
from newstrace.nlp.ud import default_data_dir


@pytest.fixture(scope="session")
def nlp():
    if not (SHIPPED_MODEL_PATH / "config.cfg").exists():
        pytest.skip(f"shipped model missing at {SHIPPED_MODEL_PATH} (rebuild: python -m training.build_model)")
    return load_nlp(str(SHIPPED_MODEL_PATH))


@pytest.fixture(scope="session")
def ud_data() -> Path:
    data = default_data_dir()
    if not (data / "ud-english").is_dir():
        pytest.skip(f"needs {data / 'ud-english'} (the project's shared data, absent here; set NEWSTRACE_DATA)")
    return data
