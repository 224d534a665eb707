"""Long articles are parsed in pieces whose joined Doc matches the original text exactly."""

from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.nlp.parser import parse_many, segments


@given(st.text(alphabet=st.sampled_from("ab .\n?!"), max_size=400), st.integers(min_value=8, max_value=60))
@settings(max_examples=300)
def test_segments_join_back_exactly_and_respect_the_limit(text: str, limit: int) -> None:
    pieces = segments(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces[:-1])


def test_a_long_article_parses_into_one_doc_with_original_offsets() -> None:
    paragraph = "Rebels attacked the town of Goma on Monday. The army said it repelled them.\n\n"
    text = paragraph * 120  # about 9,000 characters: two pieces or more
    assert len(segments(text)) > 1
    (doc, context), (short, _) = list(parse_many([(text, "long"), ("Talks began.", "short")]))
    assert context == "long"
    assert doc.text == text
    assert short.text == "Talks began."
    starts = [s.start_char for s in doc.sents if s.text.startswith("Rebels")]
    assert len(starts) == 120
    assert all(text[i : i + 6] == "Rebels" for i in starts)
    assert any(t.dep_ == "nsubj" and t.text == "Rebels" for t in doc)
