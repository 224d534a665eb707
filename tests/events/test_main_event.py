"""The most confident event of a sentence is its main event: among equally complete events,
one told in the main clause outranks one in a subordinate clause (EventCoder._event)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code_text():
    from eventcoder import api

    return api.code_text


@pytest.mark.parametrize(
    ("text", "main"),
    [
        ("India condemned Pakistan for attacking Indian posts in Kashmir.", "ACCUSE"),
        ("After Pakistan attacked Indian posts in Kashmir, India recalled its ambassador from Islamabad.", "SANCTION"),
    ],
)
def test_main_clause_event_is_most_confident(code_text, text: str, main: str) -> None:
    factual = [e for e in code_text(text, published="2024-03-06") if e.factual]
    assert len({e.type for e in factual}) > 1, [(e.type, e.confidence) for e in factual]
    best = max(factual, key=lambda e: e.confidence)
    assert best.type == main, [(e.type, e.confidence) for e in factual]
