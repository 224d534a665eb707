"""Contexts read from the paragraph and the article, not only the trigger's clause."""

from __future__ import annotations

import pytest

from eventcoder.api import code_text
from eventcoder.events.contexts import paragraph_numbers
from eventcoder.events.lexicon import Lexicon
from eventcoder.events.ontology import default_ontology


def _contexts(text: str, type_: str) -> tuple[str, ...]:
    events = [e for e in code_text(text) if e.type == type_]
    assert events, f"no {type_} event in {text!r}"
    return events[0].context


def test_paragraph_topic_reaches_an_event_whose_clause_names_none() -> None:
    text = (
        "Iranian and Iraqi officials met in Baghdad on Monday. "
        "The talks covered refugees and migrants crossing the border, and refugee camps.\n\n"
        "The weather was mild."
    )
    assert "migration" in _contexts(text, "CONSULT")


def test_one_passing_cue_word_is_not_a_topic() -> None:
    text = "Iranian and Iraqi officials met in Baghdad on Monday. The trade minister was absent."
    assert _contexts(text, "CONSULT") == ()


def test_article_topic_needs_cues_in_two_sentences() -> None:
    meeting = "German officials met Polish officials in Berlin on Monday.\n\n"
    spread = "The army and the navy were both there.\n\nDefence spending will rise next year."
    assert _contexts(meeting + spread, "CONSULT") == ("military",)
    one_sentence = "The army, the navy and the defence staff were all there."
    assert _contexts(meeting + one_sentence, "CONSULT") == ()


def test_passing_mentions_in_a_long_article_are_not_its_topic() -> None:
    meeting = "German officials met Polish officials in Berlin on Monday.\n\n"
    filler = [f"Delegates discussed item {n} of the agenda.\n\n" for n in range(6)]
    passing = ["The pandemic delayed the talks.\n\n", "A vaccine was mentioned.\n\n", "The pandemic is easing.\n\n"]
    assert _contexts(meeting + "".join(filler + passing), "CONSULT") == ()  # 3 of 10 sentences
    assert _contexts(meeting + "".join(filler[:2] + passing), "CONSULT") == ("health",)  # 3 of 6


def test_own_clause_context_is_kept() -> None:
    text = "China and Japan signed a trade agreement on Monday.\n\nMilitary officers and troops attended with the army."
    assert _contexts(text, "SUPPORT") == ("economic",)


def test_every_context_cue_names_a_plover_context() -> None:
    contexts = set(default_ontology().contexts)
    unknown = {w: c for w, c in Lexicon.load().context_words.items() if c not in contexts}
    assert not unknown, f"context_words entries naming no PLOVER context: {unknown}"


@pytest.mark.parametrize(
    ("text", "starts", "expected"),
    [
        ("a.\n\nb. c.\n\nd.", [0, 4, 7, 11], [0, 1, 1, 2]),
        ("a.\nb.\nc.", [0, 3, 6], [0, 1, 2]),  # no blank line: one paragraph per line
        ("one paragraph. two sentences.", [0, 15], [0, 0]),
    ],
)
def test_paragraph_numbers(text: str, starts: list[int], expected: list[int]) -> None:
    assert paragraph_numbers(text, starts) == expected
