"""Event places: a locative phrase of the trigger's clause, resolved in the gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Token

from eventcoder.model import Location
from eventcoder.nlp.parser import load_nlp
from eventcoder.places.resolver import PlaceResolver


@pytest.fixture(scope="module")
def places() -> PlaceResolver:
    return PlaceResolver()


def trigger(sentence: str, word: str) -> Token:
    """The first token of ``sentence`` whose text is ``word``."""
    doc = load_nlp()(sentence)
    return next(tok for tok in doc if tok.text == word)


def where(places: PlaceResolver, sentence: str, word: str, dateline: str | None = None) -> Location | None:
    return places.for_event(trigger(sentence, word), dateline)


# ---------------------------------------------------------------------- lookup


def test_lookup_city(places: PlaceResolver) -> None:
    kabul = places.lookup("Kabul")
    assert kabul is not None
    assert (kabul.name, kabul.country) == ("Kabul", "AFG")
    assert kabul.lat == pytest.approx(34.5, abs=0.5) and kabul.lon == pytest.approx(69.2, abs=0.5)


def test_lookup_city_most_populous_and_alternate_names(places: PlaceResolver) -> None:
    washington = places.lookup("Washington")
    assert washington is not None and washington.country == "USA"
    assert washington.lat == pytest.approx(38.9, abs=0.2)  # D.C., not Washington, Tyne and Wear
    kiev = places.lookup("Kiev")
    assert kiev is not None and (kiev.name, kiev.country) == ("Kyiv", "UKR")
    assert places.lookup("Bogota") == places.lookup("Bogotá")


def test_lookup_country_uses_capital_coordinates(places: PlaceResolver) -> None:
    russia = places.lookup("Russia")
    moscow = places.lookup("Moscow")
    assert russia is not None and moscow is not None
    assert (russia.name, russia.country) == ("Russia", "RUS")
    assert (russia.lat, russia.lon) == (moscow.lat, moscow.lon)
    for alias in ("the United States", "U.S.", "United States of America"):
        found = places.lookup(alias)
        assert found is not None and found.country == "USA"
    assert places.lookup("Russian Federation") == russia


def test_lookup_region_from_yaml(places: PlaceResolver) -> None:
    region = places.lookup("the Asia-Pacific region")
    assert region is not None
    assert (region.name, region.country) == ("Asia-Pacific", None)
    assert region.lat is not None and region.lon is not None
    gaza = places.lookup("the Gaza Strip")
    assert gaza is not None and (gaza.name, gaza.country) == ("Gaza Strip", "PSE")
    sea = places.lookup("South China Sea")
    assert sea is not None and sea.country is None


def test_lookup_strips_compass_words_and_generic_heads(places: PlaceResolver) -> None:
    assert places.lookup("eastern Ukraine") == places.lookup("Ukraine")
    assert places.lookup("Kabul province") == places.lookup("Kabul")
    assert places.lookup("the city of Aleppo") == places.lookup("Aleppo")
    north_korea = places.lookup("North Korea")
    assert north_korea is not None and north_korea.country == "PRK"


def test_lookup_unknown_is_none(places: PlaceResolver) -> None:
    assert places.lookup("Foobaristan") is None
    assert places.lookup("") is None


def test_extra_places_file_wins(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "places:\n  - {name: Camp Bastion, country: AFG, lat: 31.86, lon: 64.2, aliases: [Bastion]}\n",
        encoding="utf-8",
    )
    resolver = PlaceResolver(extra_places=extra)
    assert resolver.lookup("Bastion") == Location("Camp Bastion", "AFG", 31.86, 64.2)
    assert resolver.lookup("Kabul") is not None


# ---------------------------------------------------------------------- events


def test_event_in_city(places: PlaceResolver) -> None:
    got = where(places, "Police arrested 12 protesters on Tuesday in Hong Kong.", "arrested")
    assert got is not None and got.name == "Hong Kong"


def test_event_in_country_with_compass_word(places: PlaceResolver) -> None:
    got = where(places, "Separatists shelled villages in eastern Ukraine last week.", "shelled")
    assert got is not None and (got.name, got.country) == ("Ukraine", "UKR")


def test_event_in_yaml_region(places: PlaceResolver) -> None:
    got = where(places, "China held military drills in the Asia-Pacific region on Dec 3.", "held")
    assert got is not None and got.name == "Asia-Pacific"
    strait = where(places, "Chinese warships sailed through the Taiwan Strait on Sunday.", "sailed")
    assert strait is not None and strait.name == "Taiwan Strait"


def test_nested_locative_phrase(places: PlaceResolver) -> None:
    got = where(places, "Israeli troops clashed with militants at the border near Rafah.", "clashed")
    assert got is not None and (got.name, got.country) == ("Rafah", "PSE")
    outskirts = where(places, "Rebels attacked a convoy on the outskirts of Kyiv.", "attacked")
    assert outskirts is not None and outskirts.name == "Kyiv"


def test_object_of_the_verb_is_not_the_place(places: PlaceResolver) -> None:
    assert where(places, "Russia attacked Ukraine.", "attacked") is None
    assert where(places, "Russia launched missile strikes on Ukraine.", "launched") is None
    assert where(places, "The United States imposed sanctions on Iran.", "imposed") is None


def test_place_from_another_clause_is_ignored(places: PlaceResolver) -> None:
    sentence = "The ministers met in Paris after talks in Berlin stalled."
    met = where(places, sentence, "met")
    talks = where(places, sentence, "talks")
    assert met is not None and met.name == "Paris"
    assert talks is not None and talks.name == "Berlin"
    reported = "Officials said in Washington that troops attacked a base in Syria."
    attacked = where(places, reported, "attacked")
    assert attacked is not None and attacked.name == "Syria"
    assert where(places, "Troops attacked the base, officials said in Washington.", "attacked") is None


def test_nominal_trigger_uses_its_verb(places: PlaceResolver) -> None:
    got = where(places, "Protests erupted in Kabul earlier this month.", "Protests")
    assert got is not None and got.name == "Kabul"


def test_unknown_place_is_none(places: PlaceResolver) -> None:
    assert where(places, "Protesters gathered in Foobaristan on Monday.", "gathered") is None


def test_dateline_only_when_the_sentence_points_at_it(places: PlaceResolver) -> None:
    here = where(places, "Thousands marched here on Sunday.", "marched", "KABUL")
    assert here is not None and here.name == "Kabul"
    capital = where(places, "Thousands marched in the capital on Sunday.", "marched", "KARACHI")
    assert capital is not None and (capital.name, capital.country) == ("Islamabad", "PAK")
    assert where(places, "Thousands marched on Sunday.", "marched", "KABUL") is None


def test_possessor_country_constrains_the_place(places: PlaceResolver) -> None:
    # "Borno" is only an alternate name of Borna, Germany: the possessor rules it out
    got = where(places, "Fighters attacked a village in Nigeria's Borno state on Sunday.", "attacked")
    assert got is not None and got.country == "NGA"
    idlib = where(places, "Troops clashed in Syria's Idlib province.", "clashed")
    assert idlib is not None and (idlib.name, idlib.country) == ("Idlib", "SYR")


def test_targets_and_partners_are_not_places(places: PlaceResolver) -> None:
    assert where(places, "Hamas fired rockets at Israel on Monday.", "fired") is None
    nairobi = where(places, "Police fired tear gas at protesters in Nairobi on Monday.", "fired")
    assert nairobi is not None and nairobi.name == "Nairobi"
    assert where(places, "Talks between Paris and Kigali resumed.", "resumed") is None
    assert where(places, "Obama met Putin at the White House.", "met") is None


def test_dateline_with_country_part(places: PlaceResolver) -> None:
    got = where(places, "Police fired tear gas here on Monday.", "fired", "NAIROBI, Kenya")
    assert got is not None and (got.name, got.country) == ("Nairobi", "KEN")
