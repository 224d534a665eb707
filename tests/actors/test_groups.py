"""Groups without a name of their own: crowds, peoples, ethnic groups and historic states.

PLOVER codes an unnamed crowd as civilians of the country where it acts; CAMEO codes an
ethnic group living in another state with that state's code ("ethnic Albanians in southern
Serbia" are SRB), uses RUS for the Soviet Union and keeps Yugoslavia and East Germany apart.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from eventcoder.actors.resolver import _counted
from eventcoder.model import Actor


def tok(doc: Doc, text: str, nth: int = 0) -> Token:
    found = [t for t in doc if t.text == text]
    assert len(found) > nth, f"{text!r} not in {doc.text!r}"
    return found[nth]


def codes(actors: tuple[Actor, ...]) -> list[str | None]:
    return [a.code for a in actors]


@pytest.fixture
def resolve(nlp, resolver):
    def run(text: str, word: str, nth: int = 0, home: str | None = None, **kw) -> tuple[Actor, ...]:
        doc = nlp(text)
        return resolver.for_article(home_country=home).resolve(tok(doc, word, nth), **kw)

    return run


# ---------------------------------------------------------------------------- counted crowds


@pytest.mark.parametrize(
    "text, word, counted",
    [
        ("Hundreds of workers stopped work.", "Hundreds", "workers"),
        ("Dozens of students were detained.", "Dozens", "students"),
        ("A group of protesters attacked the building.", "group", "protesters"),
    ],
)
def test_a_quantity_counts_what_follows_of(nlp, text, word, counted):
    doc = nlp(text)
    assert _counted(tok(doc, word)).text == counted


def test_a_bare_quantity_counts_nothing(nlp):
    assert _counted(tok(nlp("Thousands marched in Kyiv."), "Thousands")) is None


def test_thousands_of_troops_are_troops_not_civilians(resolve):
    (actor,) = resolve("Thousands of Russian troops crossed the border.", "Thousands")
    assert actor.code == "RUSMIL"


def test_tens_of_thousands_are_a_crowd(resolve):
    # parsed as "thousands" with "Tens of" as its quantifier
    assert codes(resolve("Tens of thousands rallied in Tbilisi.", "thousands")) == ["GEOCVL"]


def test_thousands_of_dollars_are_nobody(resolve):
    assert resolve("Thousands of dollars were stolen.", "Thousands") == ()


# ---------------------------------------------------------------------------- where a group acts


@pytest.mark.parametrize(
    "text, word, code",
    [
        ("Thousands marched in Kyiv against the law.", "Thousands", "UKRCVL"),  # NER calls Kyiv a person
        ("Hundreds of workers stopped work at the port of Durban.", "Hundreds", "ZAFCVL"),
        ("Protesters blocked roads in Lima.", "Protesters", "PERCVL"),
        ("People in Somalia protested against the drought response.", "People", "SOMCVL"),
        ("Students protested in Dhaka against the new quota system.", "Students", "BGDEDU"),
        ("A Kansas woman started a hunger strike.", "woman", "USACVL"),
        ("Police arrested dozens of demonstrators in Caracas.", "Police", "VENPOL"),
    ],
)
def test_a_group_without_a_country_takes_the_place_it_acts_in(resolve, text, word, code):
    assert codes(resolve(text, word)) == [code]


def test_the_home_country_places_a_group_when_the_sentence_does_not(resolve):
    assert codes(resolve("Protesters blocked the main road.", "Protesters", home="KEN")) == ["KENCVL"]


def test_a_group_with_a_country_of_its_own_keeps_it(resolve):
    assert codes(resolve("Syrian refugees protested in Beirut.", "refugees")) == ["SYRCVL"]


def test_armed_groups_are_not_placed_by_the_scene(resolve):
    # rebels in a place are often foreign fighters: no country from the scene alone
    assert codes(resolve("Rebels attacked a convoy near Goma.", "Rebels")) == ["REB"]


def test_an_unplaced_man_is_nobody_in_particular(resolve):
    assert resolve("Two men were arrested.", "men") == ()


# ---------------------------------------------------------------------------- peoples


@pytest.mark.parametrize(
    "text, word, code",
    [
        ("Ethnic Albanians in southern Serbia demanded autonomy.", "Albanians", "SRBCVL"),
        ("Hungarians in Romania demanded autonomy.", "Hungarians", "ROUCVL"),
        ("Ethnic Russians in eastern Ukraine demanded independence.", "Russians", "UKRCVL"),
        ("Kurds in Syria accused Turkey of shelling their villages.", "Kurds", "SYRCVL"),
        ("Iraqi Kurds protested against Baghdad.", "Kurds", "IRQCVL"),
        ("Muslims in India protested against the law.", "Muslims", "INDCVL"),
        ("Bosnian Serbs rejected the peace plan.", "Serbs", "BIHCVL"),
        ("Turkish Cypriots rejected the plan.", "Cypriots", "CYPCVL"),
        ("Kosovo Albanians protested in Pristina.", "Albanians", "XKXCVL"),
    ],
)
def test_a_people_in_another_state_are_that_states_civilians(resolve, text, word, code):
    assert codes(resolve(text, word)) == [code]


def test_the_russians_as_a_delegation_stay_the_state(resolve):
    assert codes(resolve("The Russians said the talks had failed.", "Russians")) == ["RUS"]


# ---------------------------------------------------------------------------- historic states


@pytest.mark.parametrize(
    "text, word, code",
    [
        ("Soviet troops attacked rebels near Kabul.", "troops", "RUSMIL"),
        ("The Soviet Union invaded Afghanistan.", "Union", "RUS"),
        ("The Yugoslav army shelled Sarajevo.", "army", "YUGMIL"),
        ("East German police arrested dissidents.", "police", "DDRPOL"),
        ("West German officials protested.", "officials", "DEUGOV"),
    ],
)
def test_historic_states(resolve, text, word, code):
    assert codes(resolve(text, word)) == [code]


def test_a_former_soviet_republic_is_not_russia(resolve):
    actors = resolve("Former Soviet republics refused to lift the sanctions.", "republics")
    assert all(a.country != "RUS" for a in actors)


# ---------------------------------------------------------------------------- organisations


@pytest.mark.parametrize(
    "text, word, code",
    [
        ("The LTTE attacked a navy vessel.", "LTTE", "LKAREB"),
        ("AMISOM troops attacked the militants.", "troops", "IGOMIL"),
        ("RENAMO accused the government.", "RENAMO", "MOZREB"),
        ("The SPLA attacked army positions.", "SPLA", "SDNREB"),
        ("ETA claimed the attack.", "ETA", "ESPREB"),
        ("UNITA rebels attacked the town.", "rebels", "AGOREB"),
    ],
)
def test_organisations_news_names_often(resolve, text, word, code):
    assert codes(resolve(text, word)) == [code]
