"""Fixtures shared by the actor tests: the parser and a resolver over the packaged knowledge."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventcoder.actors.knowledge import default_kb
from eventcoder.actors.resolver import ActorResolver
from eventcoder.nlp.parser import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver(default_kb())
