"""Fixtures of the web desk tests: a small store of hand-built articles and clients over it."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

# The helpers next to these tests (webfactory) are importable whatever the rootdir.
sys.path.insert(0, str(Path(__file__).parent))

from _support import distinct_text
from webfactory import TOKEN


@pytest.fixture(scope="module")
def desk_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from webfactory import hostile_article, make_article

    from newstrace.store import open_store

    path = tmp_path_factory.mktemp("desk") / "desk.db"
    with open_store(path) as store:
        # each text gets distinct sentences of its own: near-copies would be stored as sources of the first
        store.upsert_article(make_article(extra=" " + distinct_text(1)))
        store.upsert_article(
            make_article("b2c3d4e5f6071829", title="Dam holds as waters fall", site="Daily Rivers", published="2024-05-05", speaker="Anna Berg",
                         outlet_via="Reuters", extra=" " + distinct_text(2))
        )
        store.upsert_article(
            make_article("c3d4e5f607182930", title="Flussdamm hält", site="Zeitung", published="2023-01-10", language="de", speaker="Karl Stein",
                         extra=" " + distinct_text(3))
        )
        store.upsert_article(hostile_article())
        untitled = replace(make_article("d4e5f60718293041", extra=" " + distinct_text(4)), title=None, site=None, url=None)
        store.upsert_article(untitled)
    return path


@pytest.fixture(scope="module")
def client(desk_db: Path):
    pytest.importorskip("fastapi", reason="the web desk needs fastapi (pip install fastapi uvicorn python-multipart)")
    from fastapi.testclient import TestClient

    from newstrace.web.app import create_app

    with TestClient(create_app(desk_db, hosts=("testserver",))) as c:
        yield c


@pytest.fixture()
def writer(tmp_path: Path):
    pytest.importorskip("fastapi", reason="the web desk needs fastapi (pip install fastapi uvicorn python-multipart)")
    from fastapi.testclient import TestClient

    from newstrace.web.app import create_app

    with TestClient(create_app(tmp_path / "w.db", token=TOKEN, hosts=("testserver",))) as c:
        yield c
