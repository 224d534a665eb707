"""Tests for the cleaner: each noise rule, the offset map, and the no-insertion invariant."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.clean.cleaner import clean
from eventcoder.clean.patterns import load_patterns, place_name
from eventcoder.model import Article, CleanArticle

BODY = "The two governments agreed on Tuesday to reopen the main border crossing, officials said."
BODY_2 = "Traders welcomed the decision after weeks of losses on both sides of the frontier."


def cleaned(text: str, title: str = "") -> CleanArticle:
    return clean(Article(id="t", text=text, title=title))


def kinds(result: CleanArticle) -> list[str]:
    return [r.kind for r in result.removed]


def assert_consistent(result: CleanArticle) -> None:
    """The cleaned text is copied runs; runs and removals tile the original exactly."""
    original = result.article.text
    for i, ch in enumerate(result.text):
        assert original[result.to_original(i)] == ch
    spans = []
    starts = [c for c, _ in result.chunks] + [len(result.text)]
    assert not result.chunks or result.chunks[0][0] == 0
    for (clean_start, orig_start), clean_end in zip(result.chunks, starts[1:]):
        assert clean_end > clean_start
        spans.append((orig_start, orig_start + clean_end - clean_start))
    for removal in result.removed:
        assert removal.end > removal.start
        assert original[removal.start : removal.end] == removal.text
        spans.append((removal.start, removal.end))
    spans.sort()
    position = 0
    for start, end in spans:
        assert start == position, (start, position, spans)
        position = end
    assert position == len(original)
    assert 0 <= result.title_end <= len(result.text)


# --- the wire story --------------------------------------------------------------

WIRE_STORY = """Home | World | Asia
Neighbours agree to reopen border after talks

A lorry waits at the closed crossing near the frontier town on Monday. PHOTOS: REUTERS

A lorry waits at the closed crossing near the frontier town on Monday.

ISLAMABAD (Reuters) - Pakistan and Afghanistan agreed on Tuesday to to reopen their main border crossing, officials said.

Read more: Trade losses mount as border stays shut

The crossing was shut for three weeks after clashes between border guards, stranding hundreds of lorries.
A trade official said the the two sides would set up a joint committee.

Reporting by Jane Roe; Editing by John Doe
"""

WIRE_STORY_CLEAN = """Neighbours agree to reopen border after talks

Pakistan and Afghanistan agreed on Tuesday to reopen their main border crossing, officials said.

The crossing was shut for three weeks after clashes between border guards, stranding hundreds of lorries.
A trade official said the two sides would set up a joint committee.

"""


def test_noisy_wire_story() -> None:
    result = cleaned(WIRE_STORY)
    assert result.text == WIRE_STORY_CLEAN
    assert result.dateline_place == "Islamabad"
    assert result.wire == "Reuters"
    assert result.text[: result.title_end] == "Neighbours agree to reopen border after talks"
    assert kinds(result) == [
        "boilerplate",
        "caption",
        "caption",
        "dateline",
        "doubled_word",
        "boilerplate",
        "doubled_word",
        "boilerplate",
    ]
    dateline = result.removed[3]
    assert dateline.text == "ISLAMABAD (Reuters) - "
    assert WIRE_STORY[dateline.start : dateline.end] == dateline.text
    assert_consistent(result)


def test_offsets_map_back_into_the_wire_story() -> None:
    result = cleaned(WIRE_STORY)
    i = result.text.index("Pakistan")
    assert result.original_span(i, i + 8) == (WIRE_STORY.index("Pakistan"), WIRE_STORY.index("Pakistan") + 8)
    j = result.text.index("reopen their")
    assert WIRE_STORY[result.to_original(j) :].startswith("reopen their")


def test_clean_text_without_noise_is_unchanged() -> None:
    text = f"{BODY}\n\n{BODY_2}\n"
    result = cleaned(text)
    assert result.text == text
    assert result.removed == ()
    assert result.chunks == ((0, 0),)


def test_empty_text() -> None:
    result = cleaned("")
    assert (result.text, result.chunks, result.removed, result.title_end) == ("", (), (), 0)


# --- headline --------------------------------------------------------------------


def test_headline_followed_by_blank_line() -> None:
    result = cleaned(f"Border to reopen after talks\n\n{BODY}")
    assert result.text[: result.title_end] == "Border to reopen after talks"


def test_headline_followed_directly_by_text() -> None:
    result = cleaned(f"Border to reopen after talks\n{BODY}")
    assert result.title_end == len("Border to reopen after talks")


@pytest.mark.parametrize(
    "text",
    [
        f"{BODY}\n\n{BODY_2}",  # first line ends with a period
        "Border to reopen after talks",  # nothing follows
        "The government announced on Tuesday that it would raise\ntaxes on imported fuel next year.",  # wrapped
        " ".join(["word"] * 26).capitalize() + f"\n\n{BODY}",  # too long
        f"border to reopen after talks\n\n{BODY}",  # starts lower case
        f"WASHINGTON (Reuters) - Talks resume\n\n{BODY}",  # a dateline opens the body
    ],
)
def test_no_headline(text: str) -> None:
    assert cleaned(text).title_end == 0


def test_title_equal_to_first_line_marks_it_even_with_a_period() -> None:
    text = f"Talks end. Border reopens.\n\n{BODY}"
    assert cleaned(text).title_end == 0
    assert cleaned(text, title="Talks end.  Border reopens.").title_end == len("Talks end. Border reopens.")


def test_headline_found_after_removed_navigation() -> None:
    result = cleaned(f"Home > News > World\n\nBorder to reopen\n\n{BODY}")
    assert result.text == f"Border to reopen\n\n{BODY}"
    assert result.text[: result.title_end] == "Border to reopen"


def test_title_end_accounts_for_removals_inside_the_headline() -> None:
    result = cleaned(f"Talks on the the border resume resume\n\n{BODY}")
    assert result.text[: result.title_end] == "Talks on the border resume"


# --- datelines -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "place", "wire"),
    [
        ("BEIJING (CHINA DAILY/ASIA NEWS NETWORK) - ", "Beijing", "CHINA DAILY/ASIA NEWS NETWORK"),
        ("WASHINGTON (Reuters) — ", "Washington", "Reuters"),
        ("LONDON, Dec 3 (AFP) -", "London", "AFP"),
        ("KABUL, Afghanistan — ", "Kabul", None),
        ("NAIROBI, Kenya (AP) — ", "Nairobi", "AP"),
        ("GENEVA: ", "Geneva", None),
        ("Washington (Reuters) - ", "Washington", "Reuters"),
        ("RIO DE JANEIRO, March 3, 2024 (Reuters) - ", "Rio de Janeiro", "Reuters"),
        ("PORT-AU-PRINCE, Haiti (AP) — ", "Port-au-Prince", "AP"),
        ("BERLIN (dpa) -- ", "Berlin", "dpa"),
        ("UNITED NATIONS (Reuters) ", "United Nations", "Reuters"),
        ("ST. LOUIS, Mo. — ", "St. Louis", None),
        ("JERUSALEM—", "Jerusalem", None),
    ],
)
def test_datelines(opening: str, place: str, wire: str | None) -> None:
    text = f"Headline for the story\n\n{opening}{BODY}\n\n{BODY_2}"
    result = cleaned(text)
    assert result.text == f"Headline for the story\n\n{BODY}\n\n{BODY_2}"
    assert (result.dateline_place, result.wire) == (place, wire)
    assert [(r.kind, r.text) for r in result.removed] == [("dateline", opening)]
    assert_consistent(result)


def test_dateline_without_headline() -> None:
    result = cleaned(f"MOSCOW (Reuters) - {BODY}\n\n{BODY_2}")
    assert result.text == f"{BODY}\n\n{BODY_2}"
    assert result.dateline_place == "Moscow" and result.title_end == 0


def test_dateline_after_a_byline_paragraph() -> None:
    result = cleaned(f"Border to reopen\n\nBy Jane Roe\n\nKABUL, Afghanistan — {BODY}")
    assert result.dateline_place == "Kabul"
    assert result.text.endswith(f"By Jane Roe\n\n{BODY}")


@pytest.mark.parametrize(
    "opening",
    [
        "US - China trade talks resumed on Monday, officials said. ",
        "EU – China talks resumed. ",
        "US-China talks resumed. ",
        "UPDATE: Talks resumed. ",
        "NATO - The alliance met. ",
        "The talks - which began Monday - resumed. ",
        "Washington (which hosted them) - resumed. ",
        "Officials (anonymously) said. ",
    ],
)
def test_not_datelines(opening: str) -> None:
    text = f"Headline for the story\n\n{opening}{BODY}"
    result = cleaned(text)
    assert result.text == text
    assert result.dateline_place is None and result.wire is None


def test_dateline_shape_mid_text_is_not_removed() -> None:
    text = f"Headline for the story\n\n{BODY}\n\n{BODY_2}\n\nLONDON (Reuters) - this appears later."
    assert cleaned(text).text == text


def test_place_name_title_cases_all_caps_only() -> None:
    assert place_name("RIO DE JANEIRO") == "Rio de Janeiro"
    assert place_name("Rio de Janeiro") == "Rio de Janeiro"
    assert place_name("SANA'A") == "Sana'a"


# --- captions and credits ------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Protesters march through the city centre on Sunday. PHOTOS: REUTERS",
        "Soldiers patrol the border area PHOTO: AFP",
        "The minister arrives for the summit. Photo: Getty Images",
        "The president waves to supporters in the capital. (AP Photo/Jane Roe)",
        "Rescue workers search the rubble after the quake. Credit: Jane Roe",
        "A soldier stands guard at the checkpoint in 2021. File photo",
        "Delegates listen to the speech. Image copyright Getty Images",
        "The minister arrives for talks. REUTERS/Jane Roe/File Photo",
        "Police officers stand outside the court. Jane Roe/AFP via Getty Images",
        "FILE PHOTO: The minister speaks at a news conference",
    ],
)
def test_caption_lines(caption: str) -> None:
    text = f"{BODY}\n\n{caption}\n\n{BODY_2}"
    result = cleaned(text)
    assert result.text == f"{BODY}\n\n{BODY_2}"
    assert kinds(result) == ["caption"]


@pytest.mark.parametrize(
    "credit",
    ["PHOTOS: REUTERS", "Photo: Getty Images", "(AP Photo/Jane Roe)", "Credit: Jane Roe", "File photo", "Getty Images"],
)
def test_credit_only_lines(credit: str) -> None:
    result = cleaned(f"{BODY}\n{credit}\n{BODY_2}")
    assert result.text == f"{BODY}\n{BODY_2}"
    assert kinds(result) == ["credit"]


def test_caption_text_without_credit_is_a_caption_too() -> None:
    caption = "Lorries queue at the crossing on Monday."
    text = f"{caption}\n{BODY}\n{caption} PHOTO: AFP\n{BODY_2}"
    result = cleaned(text)
    assert result.text == f"{BODY}\n{BODY_2}"
    assert kinds(result) == ["caption", "caption"]


@pytest.mark.parametrize(
    "line",
    [
        "Police released a file photo of the suspect on Monday.",
        "An AP/NORC poll found that support for the plan fell",
        "The company said it was bought by Getty Images",
        "He said the photo: it was taken in May",
        "The central bank said credit: growth slowed",
    ],
)
def test_sentences_mentioning_photos_are_kept(line: str) -> None:
    text = f"{BODY}\n{line}\n{BODY_2}"
    assert cleaned(text).text == text


# --- repeated lines ----------------------------------------------------------------


def test_repeated_line_keeps_first_copy() -> None:
    text = f"{BODY}\n\n{BODY_2}\n\n  {BODY}  \n\n{BODY_2}"
    result = cleaned(text)
    assert result.text == f"{BODY}\n\n{BODY_2}\n\n"
    assert kinds(result) == ["repeat", "repeat"]
    assert result.removed[0].start == text.index(f"  {BODY}  ")


def test_short_repeated_lines_are_kept() -> None:
    text = f"Officials said:\n{BODY}\nOfficials said:\n{BODY_2}"
    assert cleaned(text).text == text


# --- doubled words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("talks and and trade", "talks and trade"),
        ("The the minister", "The minister"),
        ("said the the the minister", "said the minister"),
        ("he had had enough", "he had had enough"),
        ("he said that that was wrong", "he said that that was wrong"),
        ("Sirhan Sirhan was convicted", "Sirhan Sirhan was convicted"),
        ("a holiday in Bora Bora", "a holiday in Bora Bora"),
        ("the theory of the thesis", "the theory of the thesis"),
        ("in  in two spaces", "in  in two spaces"),
        ("the\nthe line break", "the\nthe line break"),
        ("it is is clear", "it is clear"),
    ],
)
def test_doubled_words(before: str, after: str) -> None:
    result = cleaned(before)
    assert result.text == after
    assert all(r.kind == "doubled_word" and r.text.startswith(" ") for r in result.removed)
    assert_consistent(result)


def test_doubled_word_removal_records_original_offsets() -> None:
    result = cleaned("talks and and trade")
    (removal,) = result.removed
    assert (removal.start, removal.end, removal.text) == (9, 13, " and")


# --- boilerplate -----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Trade losses mount",
        "READ MORE",
        "READ MORE Trade losses mount",
        "Click here to watch the video",
        "Follow us on Twitter",
        "Follow Reuters on Facebook",
        "Subscribe",
        "Subscribe to our daily briefing",
        "Advertisement",
        "Share this article",
        "Related:",
        "Related stories - Border talks",
        "© 2024 Example News. All rights reserved.",
        "Copyright 2024 The Example Press.",
        "Home | World | Asia",
        "Home > News > World",
        "Sign up for our morning newsletter",
        "Get our free newsletter delivered to your inbox",
        "Reporting by Jane Roe; Editing by John Doe",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    result = cleaned(f"{BODY}\n\n{line}\n\n{BODY_2}")
    assert result.text == f"{BODY}\n\n{BODY_2}"
    assert [(r.kind, r.text) for r in result.removed] == [("boilerplate", f"{line}\n\n")]


@pytest.mark.parametrize(
    "line",
    [
        "Read more than 500 pages of testimony were released on Monday.",
        "The newsletter reported that the minister had resigned.",
        "Copyright law changes were approved by parliament.",
        "Subscribers to the service fell by a tenth.",
        "Related to the talks, the minister said that progress was slow.",
        "Sharing this view, the minister said progress was slow.",
    ],
)
def test_body_lines_that_resemble_boilerplate_are_kept(line: str) -> None:
    text = f"{BODY}\n\n{line}\n\n{BODY_2}"
    assert cleaned(text).text == text


def test_boilerplate_patterns_never_match_a_blank_line() -> None:
    assert not load_patterns().boilerplate.fullmatch("")


# --- removed lines and blank lines -----------------------------------------------


def test_line_inside_a_paragraph_takes_only_its_newline() -> None:
    result = cleaned(f"{BODY}\nAdvertisement\n{BODY_2}\n\nLast paragraph here.")
    assert result.text == f"{BODY}\n{BODY_2}\n\nLast paragraph here."
    assert result.removed[0].text == "Advertisement\n"


def test_blank_lines_are_kept_as_they_are() -> None:
    text = f"{BODY}\n\n\n\n{BODY_2}\n   \n{BODY}x\n"
    assert cleaned(text).text == text


def test_last_line_without_newline() -> None:
    result = cleaned(f"{BODY}\n\nAdvertisement")
    assert result.text == f"{BODY}\n\n"
    assert_consistent(result)


# --- invariants ------------------------------------------------------------------

FRAGMENTS = [
    "the",
    "the the",
    "and and and",
    "had had",
    " ",
    "\n",
    "\n\n",
    "\t",
    "Headline words here",
    "LONDON (Reuters) - ",
    "KABUL, Afghanistan — ",
    "GENEVA: ",
    "PHOTOS: REUTERS",
    "(AP Photo/Jane Roe)",
    "Read more: x",
    "Advertisement",
    "Home | World | Asia",
    "one two three four five six",
    "Talks resumed on Monday in the capital.",
    ".",
    "é",
    "\r",
]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=texts, title=st.sampled_from(["", "Headline words here", "the"]))
def test_clean_text_is_copied_runs_and_removals_tile_the_original(text: str, title: str) -> None:
    assert_consistent(clean(Article(id="h", text=text, title=title)))


def test_clean_is_fast_on_a_long_article() -> None:
    paragraphs = (f"{BODY} {n} and and the the {BODY_2}\n\nRead more: x\n\nPHOTO: AFP\n\n" for n in range(5000))
    text = "Headline here\n\nLONDON (Reuters) - " + "".join(paragraphs)  # ~1.3 MB
    started = time.perf_counter()
    result = clean(Article(id="big", text=text))
    elapsed = time.perf_counter() - started
    assert elapsed < 3.0, elapsed
    assert len(result.removed) == 1 + 5000 * 4  # dateline; per paragraph: 2 doubled words, read more, credit
