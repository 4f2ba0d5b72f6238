"""Fixtures for the attribution tests: the NLP pipeline (skips if no model) and a parse helper."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    try:
        from newstrace.nlp import load_nlp

        return load_nlp()
    except Exception as exc:  # the model is trained separately; without it these tests cannot run
        pytest.skip(f"no NLP model available: {exc}")


@pytest.fixture(scope="session")
def analyse(nlp):
    from newstrace.attribution import extract_attributions

    def run(text: str, timexes=()):
        return extract_attributions(text, nlp(text), timexes)

    return run
