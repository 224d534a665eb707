"""Event dates: the trigger's own time phrase, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Token

from eventcoder.dates.resolver import ResolvedDate, resolve_event_date
from eventcoder.nlp.parser import load_nlp

PUB = dt.date(2020, 12, 23)  # a Wednesday


def trigger(sentence: str, word: str) -> Token:
    """The first token of ``sentence`` whose text is ``word``."""
    doc = load_nlp()(sentence)
    return next(tok for tok in doc if tok.text == word)


def resolve(sentence: str, word: str, published: dt.date | None = PUB) -> ResolvedDate:
    return resolve_event_date(trigger(sentence, word), published)


# (sentence, trigger, date, source, precision, text)
CASES = [
    # explicit calendar dates, year completed from publication
    ("The rebels seized the town on Dec 3.", "seized", "2020-12-03", "explicit", "day", "Dec 3"),
    ("Iran and Iraq signed a deal on December 3, 2020 in Baghdad.", "signed", "2020-12-03", "explicit", "day", "December 3, 2020"),
    ("The rebels seized the town on 3 December.", "seized", "2020-12-03", "explicit", "day", "3 December"),
    ("The president visited Moscow in March 2019.", "visited", "2019-03-01", "explicit", "month", "March 2019"),
    ("Leaders signed the accord in 2018.", "signed", "2018-01-01", "explicit", "year", "2018"),
    # most recent past date when no year is given: Dec 30 is before the publication only in 2019
    ("Protesters blocked the road on Dec 30.", "blocked", "2019-12-30", "explicit", "day", "Dec 30"),
    # the parenthesised calendar date wins over the weekday
    ("Police arrested 12 protesters on Tuesday (Dec 22) in Hong Kong.", "arrested", "2020-12-22", "explicit", "day", "Tuesday (Dec 22)"),
    ("Police arrested 12 protesters on Monday (Dec 14) in Hong Kong.", "arrested", "2020-12-14", "explicit", "day", "Monday (Dec 14)"),
    # relative phrases
    ("Rebels attacked the base on Monday.", "attacked", "2020-12-21", "relative", "day", "Monday"),
    ("The government imposed a curfew on Wednesday.", "imposed", "2020-12-23", "relative", "day", "Wednesday"),
    ("Gunmen killed three people on Tuesday night.", "killed", "2020-12-22", "relative", "day", "Tuesday night"),
    ("Israeli troops clashed with militants at the border yesterday.", "clashed", "2020-12-22", "relative", "day", "yesterday"),
    ("Protesters marched through the capital today.", "marched", "2020-12-23", "relative", "day", "today"),
    ("Separatists shelled villages in eastern Ukraine last week.", "shelled", "2020-12-16", "relative", "day", "last week"),
    ("Troops withdrew from the city last month.", "withdrew", "2020-11-01", "relative", "month", "last month"),
    ("Protests erupted in Kabul earlier this month.", "erupted", "2020-12-01", "relative", "month", "earlier this month"),
    ("The ministers met in Paris two days ago.", "met", "2020-12-21", "relative", "day", "two days ago"),
    ("The government imposed a curfew last year.", "imposed", "2019-01-01", "relative", "year", "last year"),
    ("The army bombed the village over the weekend.", "bombed", "2020-12-19", "relative", "day", "the weekend"),
    # nominal triggers: their own PP, or the clause of the verb they belong to
    ("The attack on Tuesday killed five soldiers in Kabul.", "attack", "2020-12-22", "relative", "day", "Tuesday"),
    ("Tuesday's attack killed three.", "attack", "2020-12-22", "relative", "day", "Tuesday"),
    ("Protests erupted in Kabul earlier this month.", "Protests", "2020-12-01", "relative", "month", "earlier this month"),
    # a date fronted before two conjoined verbs belongs to both
    ("On Monday, troops entered the town and killed five civilians.", "killed", "2020-12-21", "relative", "day", "Monday"),
]


@pytest.mark.parametrize(("sentence", "word", "date", "source", "precision", "text"), CASES)
def test_resolves_time_phrase(sentence: str, word: str, date: str, source: str, precision: str, text: str) -> None:
    got = resolve(sentence, word)
    assert (got.date, got.source, got.precision, got.text) == (date, source, precision, text)


def test_each_clause_keeps_its_own_date() -> None:
    sentence = "Officials said on Wednesday that rebels attacked the base on Monday."
    attack = resolve(sentence, "attacked")
    saying = resolve(sentence, "said")
    assert (attack.date, attack.text) == ("2020-12-21", "Monday")
    assert (saying.date, saying.text) == ("2020-12-23", "Wednesday")


def test_date_of_the_reporting_clause_is_not_borrowed() -> None:
    got = resolve("Rebels attacked the base, officials said on Wednesday.", "attacked")
    assert got.source == "publication"


def test_date_in_a_subordinate_clause_is_not_borrowed() -> None:
    got = resolve("The ministers met in Paris after talks in Berlin stalled on Monday.", "met")
    assert got.source == "publication"


def test_next_year_is_future() -> None:
    got = resolve("The two leaders will meet again next year in Geneva.", "meet")
    assert (got.date, got.source, got.precision, got.future, got.past_year) == (
        "2021-01-01", "relative", "year", True, False,
    )


def test_future_wording_completes_the_year_forward() -> None:
    got = resolve("The talks will resume on Jan 5.", "resume")
    assert (got.date, got.future) == ("2021-01-05", True)
    scheduled = resolve("Ministers are scheduled to hold talks on Jan 5.", "talks")
    assert (scheduled.date, scheduled.future) == ("2021-01-05", True)


def test_weekday_with_future_wording_looks_ahead() -> None:
    got = resolve("The two sides are due to meet on Monday.", "meet")
    assert (got.date, got.future) == ("2020-12-28", True)
    assert resolve("The two sides will meet on Wednesday.", "meet").date == "2020-12-23"


def test_old_year_is_past_year() -> None:
    got = resolve("The army first entered the region in 1999.", "entered")
    assert (got.date, got.source, got.precision, got.past_year, got.future) == (
        "1999-01-01", "explicit", "year", True, False,
    )
    assert resolve("Clashes broke out during the 1990s.", "broke").past_year


def test_recent_dates_are_not_past_year() -> None:
    assert not resolve("The government imposed a curfew last year.", "imposed").past_year
    assert not resolve("Rebels attacked the base on Monday.", "attacked").past_year


def test_no_time_phrase_falls_back_to_publication() -> None:
    got = resolve("Russia attacked Ukraine.", "attacked")
    assert got == ResolvedDate("2020-12-23", "publication", "day", "", False, False)


def test_durations_ages_and_since_are_not_dates() -> None:
    got = resolve("The 55-year-old leader has ruled for three days since November.", "ruled")
    assert got.source == "publication"
    assert resolve("The strike lasted 24 hours.", "lasted").source == "publication"


def test_date_modifying_an_object_is_not_the_event_date() -> None:
    got = resolve("The country withdrew from the 2015 nuclear deal.", "withdrew")
    assert got.source == "publication"


def test_without_publication_date() -> None:
    full = resolve("Iran and Iraq signed a deal on December 3, 2020 in Baghdad.", "signed", None)
    assert (full.date, full.source) == ("2020-12-03", "explicit")
    relative = resolve("Troops withdrew last month.", "withdrew", None)
    assert (relative.date, relative.source) == (None, "publication")
    yearless = resolve("The rebels seized the town on Dec 3.", "seized", None)
    assert yearless.date is None


def test_phrase_between_reporting_verb_and_its_clause_is_the_reporting_date() -> None:
    # the parser hangs "on Saturday" on "released"; it dates the saying
    got = resolve("The ministry said on Saturday it had released the prisoners.", "released")
    assert got.source == "publication"
    own = resolve("The ministry said on Saturday that it had released the prisoners on Friday.", "released")
    assert (own.date, own.text) == ("2020-12-18", "Friday")


def test_when_clause_takes_the_date_it_hangs_on() -> None:
    got = resolve("Relations have been close since the 1990s, when the two countries signed a treaty.", "signed")
    assert (got.date, got.precision, got.past_year) == ("1990-01-01", "year", True)


def test_reported_would_is_future() -> None:
    got = resolve("The minister said the talks would resume in March.", "resume")
    assert (got.date, got.precision, got.future) == ("2021-03-01", "month", True)
