"""Mention resolution on real parses of the small English model, and in-article coreference."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from spacy.tokens import Doc, Token

from eventcoder.actors.knowledge import KnowledgeBase, default_kb
from eventcoder.actors.resolver import ActorResolver, ArticleActors
from eventcoder.model import Actor


def tok(doc: Doc, text: str, nth: int = 0) -> Token:
    """The nth token whose text is ``text``."""
    found = [t for t in doc if t.text == text]
    assert len(found) > nth, f"{text!r} not in {doc.text!r}"
    return found[nth]


def codes(actors: tuple[Actor, ...]) -> list[str | None]:
    return [a.code for a in actors]


def names(actors: tuple[Actor, ...]) -> list[str]:
    return [a.name for a in actors]


@pytest.fixture
def resolve(nlp, resolver):
    """Parse one text and resolve one word in it with a fresh article memory."""

    def run(text: str, word: str, nth: int = 0, home: str | None = None, **kw) -> tuple[Actor, ...]:
        doc = nlp(text)
        return resolver.for_article(home_country=home).resolve(tok(doc, word, nth), **kw)

    return run


# ---------------------------------------------------------------------------- coordination


def test_coordinated_countries_give_one_actor_each(resolve):
    actors = resolve("China and Russia criticise US sanctions.", "China")
    assert codes(actors) == ["CHN", "RUS"]
    assert [a.text for a in actors] == ["China", "Russia"]


def test_capitals_are_governments(resolve):
    actors = resolve("Beijing and Moscow have strongly criticised Washington for its sanctions.", "Beijing")
    assert names(actors) == ["China", "Russia"] and codes(actors) == ["CHNGOV", "RUSGOV"]
    (us,) = resolve("Beijing and Moscow have strongly criticised Washington for its sanctions.", "Washington")
    assert (us.name, us.country, us.sector, us.code, us.text) == ("United States", "USA", "GOV", "USAGOV", "Washington")


def test_coordinated_people_after_a_preconjunction(nlp, resolver):
    doc = nlp(
        "Chinese Foreign Minister Wang Yi spoke with Russian Foreign Minister Sergei Lavrov. "
        "Both Mr Wang and Mr Lavrov noted the anniversary."
    )
    actors = resolver.for_article().resolve(tok(doc, "Wang", 1))
    assert names(actors) == ["Wang Yi", "Sergei Lavrov"]
    assert codes(actors) == ["CHNGOV", "RUSGOV"]
    assert [a.text for a in actors] == ["Mr Wang", "Mr Lavrov"]


def test_coordinated_adjectives_give_one_actor_per_country(resolve):
    actors = resolve("Senior Hungarian and Romanian officials agreed on Wednesday.", "officials")
    assert codes(actors) == ["HUNGOV", "ROUGOV"]
    assert {a.role for a in actors} == {"official"}


def test_organisations_the_parser_fused_are_split(resolve):
    actors = resolve("Amnesty International and Human Rights Watch criticised the Egyptian government.", "Watch")
    assert names(actors) == ["Amnesty International", "Human Rights Watch"]
    assert codes(actors) == ["NGO", "NGO"]


# ---------------------------------------------------------------------------- people and titles


def test_person_with_title_and_nationality(resolve):
    (wang,) = resolve("Chinese Foreign Minister Wang Yi spoke on the phone on Tuesday.", "Yi")
    assert (wang.name, wang.country, wang.sector, wang.role) == ("Wang Yi", "CHN", "GOV", "foreign minister")
    assert wang.text == "Chinese Foreign Minister Wang Yi" and wang.code == "CHNGOV"


@pytest.mark.parametrize("word", ["Ambassador", "Denisov"])
def test_ambassador_to_a_country_keeps_his_own_nationality(resolve, word):
    # the small model splits this phrase in two; either half must give the whole person
    (denisov,) = resolve(
        "Mr Cheng said so when meeting with Russian Ambassador to China Andrey Denisov on Dec 3.", word
    )
    assert (denisov.name, denisov.country, denisov.sector, denisov.role) == (
        "Andrey Denisov",
        "RUS",
        "GOV",
        "ambassador",
    )
    assert denisov.text == "Russian Ambassador to China Andrey Denisov"


def test_bare_title_takes_the_home_country_only_when_known(resolve):
    text = "The warplanes did not enter the airspace, Foreign Ministry spokesman Zhao Lijian said on Wednesday."
    (zhao,) = resolve(text, "Lijian", home="CHN")
    assert (zhao.name, zhao.country, zhao.sector, zhao.role) == ("Zhao Lijian", "CHN", "GOV", "spokesman")
    (unknown,) = resolve(text, "Lijian")
    assert (unknown.name, unknown.country, unknown.sector) == ("Zhao Lijian", None, "GOV")


@pytest.mark.parametrize("word", ["commissioner", "Guoping"])
def test_possessive_ministry_gives_country_and_sector(resolve, word):
    text = "Chinese Foreign Ministry's external security commissioner Cheng Guoping said the partnership is strong."
    (cheng,) = resolve(text, word)
    assert (cheng.name, cheng.country, cheng.sector, cheng.role) == ("Cheng Guoping", "CHN", "GOV", "commissioner")


def test_counterpart_takes_the_office_of_the_other_person(resolve):
    text = "Kenyan Foreign Minister Raychelle Omamo met her Ugandan counterpart Sam Kutesa in Nairobi."
    (omamo,) = resolve(text, "Omamo")
    assert (omamo.country, omamo.sector, omamo.role) == ("KEN", "GOV", "foreign minister")
    (kutesa,) = resolve(text, "Kutesa")  # not in the KB: the office comes from Omamo
    assert (kutesa.name, kutesa.country, kutesa.sector, kutesa.role) == ("Sam Kutesa", "UGA", "GOV", "foreign minister")


def test_counterpart_in_a_coordination(resolve):
    text = "In a call between Chinese Foreign Minister Wang Yi and his Russian counterpart Sergei Lavrov, they spoke."
    wang, lavrov = resolve(text, "Yi")
    assert (lavrov.name, lavrov.code, lavrov.role) == ("Sergei Lavrov", "RUSGOV", "foreign minister")
    assert lavrov.text == "his Russian counterpart Sergei Lavrov"


def test_apposition_title_after_the_name(resolve):
    (lavrov,) = resolve("Sergei Lavrov, Russia's foreign minister, met the press.", "Lavrov")
    assert (lavrov.code, lavrov.role) == ("RUSGOV", "foreign minister")
    assert lavrov.text == "Sergei Lavrov, Russia's foreign minister"


def test_of_phrase_names_the_country_of_a_title(resolve):
    (iran,) = resolve("The foreign minister of Iran met the press.", "minister")
    assert (iran.name, iran.code, iran.role) == ("Iran", "IRNGOV", "foreign minister")


def test_sentence_title_beats_the_knowledge_base(resolve):
    (rubio,) = resolve("Senator Marco Rubio criticised the deal.", "Rubio")
    assert (rubio.name, rubio.country, rubio.sector, rubio.role) == ("Marco Rubio", "USA", "LEG", "senator")
    (trump,) = resolve("Former US President Donald Trump criticised the deal.", "Trump")
    assert (trump.code, trump.role) == ("USAGOV", "former president")


def test_knowledge_base_person_without_title(resolve):
    (putin,) = resolve("Putin said the talks were useful.", "Putin")
    assert (putin.name, putin.code, putin.role) == ("Vladimir Putin", "RUSGOV", "president")
    (erdogan,) = resolve("Turkish President Recep Tayyip Erdoğan met Iranian officials.", "Erdoğan")
    assert erdogan.name == "Recep Tayyip Erdogan" and erdogan.code == "TURGOV"


def test_a_modifier_body_sets_a_titles_sector(resolve):
    (ali,) = resolve("Army spokesman Colonel Ahmed Ali said the militants surrendered.", "Ali")
    assert (ali.name, ali.sector) == ("Ahmed Ali", "MIL")
    (guterres,) = resolve("UN Secretary-General Antonio Guterres urged restraint.", "Guterres")
    assert (guterres.country, guterres.sector, guterres.role) == ("IGO", "IGO", "secretary-general")


# ---------------------------------------------------------------------------- states and their bodies


def test_country_as_actor_has_no_sector(resolve):
    (china,) = resolve("China is willing to work with Russia.", "China")
    assert (china.name, china.country, china.sector, china.code) == ("China", "CHN", None, "CHN")


@pytest.mark.parametrize(
    "text, word, code",
    [
        ("Mr Lavrov stressed the need to resolutely oppose US moves that sabotage multilateralism.", "moves", "USA"),
        ("They vowed to boycott the US crackdown on Russia and China.", "crackdown", "USA"),
        ("Syrian troops shelled the town.", "troops", "SYRMIL"),
        ("Chinese police arrested two men.", "police", "CHNPOL"),
        ("Afghan police clashed with the crowd.", "police", "AFGPOL"),
        ("The Kremlin rejected the claims.", "Kremlin", "RUSGOV"),
        ("The Pentagon stayed silent.", "Pentagon", "USAMIL"),
        ("Downing Street said the visit was off.", "Street", "GBRGOV"),
        ("Xinhua reported that the Chinese navy held drills.", "navy", "CHNMIL"),
        ("Islamic State militants attacked Iraqi security forces.", "forces", "IRQPOL"),
        ("Two Palestinians were killed by Israeli soldiers.", "soldiers", "ISRMIL"),
        ("The Trump administration imposed sanctions on Iran.", "administration", "USAGOV"),
        ("Syrian warplanes bombed the town.", "warplanes", "SYRMIL"),
        ("Opposition leaders in Senegal demanded the release of activists.", "leaders", "SENOPP"),
        ("Protesters in Cairo demanded reforms.", "Protesters", "EGYCVL"),
        ("The arrest of a French journalist in Algiers prompted a protest.", "journalist", "FRAMED"),
        ("A Nigerian army convoy was ambushed by Boko Haram fighters.", "convoy", "NGAMIL"),
        ("A Nigerian army convoy was ambushed by Boko Haram fighters.", "fighters", "NGAREB"),
        ("The US Treasury eased sanctions on Venezuela.", "Treasury", "USAGOV"),
    ],
)
def test_country_plus_head_noun(resolve, text, word, code):
    (actor,) = resolve(text, word)
    assert actor.code == code


def test_possessive_capital_owns_the_noun(resolve):
    (china,) = resolve("Beijing's new policy angered its neighbours.", "policy")
    assert (china.name, china.code) == ("China", "CHNGOV")


def test_country_actor_text_is_the_mention(resolve):
    (us,) = resolve("They vowed to boycott the US crackdown on Russia and China.", "crackdown")
    assert (us.name, us.text) == ("United States", "the US crackdown")


# ---------------------------------------------------------------------------- organisations


def test_intergovernmental_organisations(resolve):
    (unsc,) = resolve("The UN Security Council condemned the attack.", "Council")
    assert (unsc.name, unsc.country, unsc.sector, unsc.code) == ("UN Security Council", "IGO", "IGO", "IGO")
    (nato,) = resolve("NATO warned Russia.", "NATO")
    assert (nato.name, nato.code) == ("NATO", "IGO")


def test_armed_groups(resolve):
    (hamas,) = resolve("Hamas militants fired rockets at Israel.", "militants")
    assert (hamas.name, hamas.country, hamas.sector, hamas.code) == ("Hamas", "PSE", "REB", "PSEREB")
    (houthis,) = resolve("The Houthis attacked Saudi Arabia.", "Houthis")
    assert houthis.code == "YEMREB"
    (shabaab,) = resolve("Al-Shabaab commanders met in secret.", "commanders")
    assert (shabaab.name, shabaab.code) == ("al-Shabaab", "SOMREB")


def test_unknown_organisation_needs_an_organisation_word(resolve):
    (front,) = resolve("The Oromo Liberation Front attacked a convoy.", "Front")
    assert front.name == "Oromo Liberation Front"
    text = "Next year marks the anniversary of the Treaty of Good-Neighbourliness, Friendship and Cooperation."
    assert resolve(text, "Cooperation") == ()


# ---------------------------------------------------------------------------- generic groups


def test_groups_without_a_country(resolve):
    (rebels,) = resolve("Afghan police clashed with Kurdish rebels.", "rebels")
    assert (rebels.name, rebels.country, rebels.sector, rebels.code) == ("rebels", None, "REB", "REB")
    (protesters,) = resolve("Protesters marched on the parliament.", "Protesters")
    assert protesters.code == "CVL"
    (students,) = resolve("Students occupied the campus.", "Students")
    assert students.sector == "EDU"


def test_groups_take_the_sentence_place_when_given(resolve):
    (rebels,) = resolve("The rebels attacked a convoy.", "rebels", place_country="SYR")
    assert (rebels.name, rebels.code) == ("Syria", "SYRREB")


def test_dominant_modifier_sectors(resolve):
    (rebel,) = resolve("Government troops fought rebel forces near the border.", "forces")
    assert rebel.sector == "REB"
    (troops,) = resolve("Government troops fought rebel forces near the border.", "troops")
    assert troops.sector == "MIL"


# ---------------------------------------------------------------------------- nothing to resolve


@pytest.mark.parametrize(
    "text, word",
    [
        ("The patrol did not target any third party, and the warplanes did not enter the airspace.", "warplanes"),
        ("The patrol did not target any third party, and the warplanes did not enter the airspace.", "party"),
        ("They vowed to protect the basic norms of international relations.", "norms"),
        ("Both sides stated their readiness to deepen strategic cooperation.", "cooperation"),
        ("The sanctions hurt the economy.", "sanctions"),
        ("Two men were arrested.", "men"),
        ("A spokesman said nothing.", "spokesman"),
        ("It rained.", "It"),
        ("The band played several London concerts.", "concerts"),  # a capital as a place, not an owner
    ],
)
def test_abstract_and_unowned_heads_resolve_to_nothing(resolve, text, word):
    assert resolve(text, word) == ()


# ---------------------------------------------------------------------------- coreference


ARTICLE = (
    "Beijing and Moscow have strongly criticised Washington for its sanctions on China and Russia. "
    "In a phone call, Chinese Foreign Minister Wang Yi and his Russian counterpart Sergei Lavrov discussed ties. "
    "Mr Wang said the United States runs counter to the trends. "
    "The Russian senior diplomat called for safeguarding the interests of the two countries. "
    "Both sides stated their readiness to cooperate. "
    "He also said they would meet again."
)


@pytest.fixture
def article(nlp, resolver):
    doc = nlp(ARTICLE)
    return doc, resolver.for_article(home_country="CHN")


def test_surname_refers_to_the_earlier_full_name(article):
    doc, actors = article
    (wang,) = actors.resolve(tok(doc, "Wang", 1))
    assert (wang.name, wang.code, wang.role, wang.text) == ("Wang Yi", "CHNGOV", "foreign minister", "Mr Wang")


def test_coreference_does_not_depend_on_call_order(article):
    doc, actors = article
    # the coder may resolve "Mr Wang" before it ever asks about "Wang Yi"
    (wang,) = actors.resolve(tok(doc, "Wang", 1))
    assert wang.name == "Wang Yi" and wang.country == "CHN"


def test_definite_description_refers_to_the_latest_matching_person(article):
    doc, actors = article
    (diplomat,) = actors.resolve(tok(doc, "diplomat"))
    assert (diplomat.name, diplomat.code, diplomat.text) == ("Sergei Lavrov", "RUSGOV", "The Russian senior diplomat")


def test_the_two_countries_are_the_two_most_mentioned(article):
    doc, actors = article
    pair = actors.resolve(tok(doc, "countries"))
    assert names(pair) == ["China", "Russia"] and codes(pair) == ["CHN", "RUS"]
    assert {a.text for a in pair} == {"the two countries"}
    sides = actors.resolve(tok(doc, "sides"))
    assert codes(sides) == ["CHN", "RUS"]


def test_pronouns(article):
    doc, actors = article
    actors.resolve(tok(doc, "Both"))  # not a head: nothing, and harmless
    (he,) = actors.resolve(tok(doc, "He"))
    assert he.name == "Sergei Lavrov" and he.text == "He"  # the latest person (the senior diplomat)
    they = actors.resolve(tok(doc, "they"))
    assert codes(they) == ["CHN", "RUS"]  # the latest group: "both sides"


def test_it_refers_to_the_latest_state_or_body(resolve):
    (germany,) = resolve("Germany said it will send two more air-defence systems to Ukraine.", "it")
    assert (germany.name, germany.code, germany.text) == ("Germany", "DEU", "it")
    (us,) = resolve("Beijing criticised Washington for its sanctions.", "its")
    assert us.code == "USAGOV"
    assert resolve("Russia met Iran. It is unclear whether talks will resume.", "It") == ()  # a dummy subject


def test_possessive_pronouns_are_not_the_argument(resolve):
    assert resolve("The rebels said their supply lines were cut.", "their") == ()


def test_memory_spans_documents_of_one_article(nlp, resolver):
    actors = resolver.for_article()
    first = nlp("China and Russia criticised the United States. China and Russia vowed to work together.")
    second = nlp("The two countries signed a treaty.")
    for word in ("China", "States"):
        actors.resolve(tok(first, word))
    assert codes(actors.resolve(tok(second, "countries"))) == ["CHN", "RUS"]
    fresh = resolver.for_article()  # a new article forgets everything
    assert fresh.resolve(tok(second, "countries")) == ()


def test_remembered_actors_from_elsewhere_are_antecedents(nlp):
    actors = ArticleActors(default_kb())
    jane = Actor("Jane Roe", "GBR", "GOV", "minister", "Jane Roe", "GBRGOV")
    actors.remember([jane])
    actors.remember([jane])  # remembering twice changes nothing
    (she,) = actors.resolve(tok(nlp("She said the talks went well."), "She"))
    assert (she.name, she.code, she.text) == ("Jane Roe", "GBRGOV", "She")


def test_two_leaders_are_the_two_latest_people(nlp, resolver):
    doc = nlp(
        "The partnership, as led by President Xi Jinping and Russian President Vladimir Putin, is strong. "
        "The two leaders have engaged in frequent contacts."
    )
    pair = resolver.for_article().resolve(tok(doc, "leaders"))
    assert names(pair) == ["Xi Jinping", "Vladimir Putin"]


def test_two_bodies_are_the_two_countries_with_the_bodies_sector(nlp, resolver):
    doc = nlp(
        "Chinese and Russian warplanes flew over the sea. China and Russia said it was routine. "
        "The two defence ministries announced the patrol."
    )
    pair = resolver.for_article().resolve(tok(doc, "ministries"))
    assert codes(pair) == ["CHNMIL", "RUSMIL"]


def test_repeated_resolution_is_cached_and_not_double_counted(nlp, resolver):
    doc = nlp("Iran warned Israel. Iran said more. The United States and Israel replied. The two countries met.")
    actors = resolver.for_article()
    first = actors.resolve(tok(doc, "Iran"))
    for _ in range(5):
        assert actors.resolve(tok(doc, "Iran")) is first
        actors.resolve(tok(doc, "States"))
    # Iran 2, Israel 2, USA 1: repeated calls on the same words must not promote the US
    assert codes(actors.resolve(tok(doc, "countries"))) == ["IRN", "ISR"]


# ---------------------------------------------------------------------------- user knowledge


def test_user_file_extends_resolution(nlp, tmp_path: Path):
    user = tmp_path / "middle_earth.yaml"
    user.write_text(
        "codes: {ARN: Arnor, GON: Gondor}\n"
        "countries:\n"
        "  ARN: {name: Arnor, demonyms: [Arnorian]}\n"
        "  GON: {name: Gondor, demonyms: [Gondorian], capitals: [Minas Tirith]}\n"
        "people:\n"
        "  - {name: Aragorn Elessar, aliases: [Aragorn], country: ARN, sector: GOV, role: king}\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(KnowledgeBase.load(user))
    doc = nlp("Aragorn visited Minas Tirith, where Gondorian soldiers greeted him.")
    actors = resolver.for_article()
    (aragorn,) = actors.resolve(tok(doc, "Aragorn"))
    assert (aragorn.name, aragorn.code, aragorn.role) == ("Aragorn Elessar", "ARNGOV", "king")
    (soldiers,) = actors.resolve(tok(doc, "soldiers"))
    assert soldiers.code == "GONMIL"
    (him,) = actors.resolve(tok(doc, "him"))
    assert him.name == "Aragorn Elessar"


# ---------------------------------------------------------------------------- speed


def test_resolution_is_cheap(nlp, resolver):
    text = " ".join([ARTICLE] * 10)
    doc = nlp(text)
    heads = [t for t in doc if t.dep_ in ("nsubj", "dobj", "pobj") and t.pos_ in ("NOUN", "PROPN", "PRON")]
    start = time.perf_counter()
    actors = resolver.for_article()
    for head in heads:
        actors.resolve(head)
    per_head = (time.perf_counter() - start) / len(heads)
    assert per_head < 0.002, f"{per_head * 1e6:.0f} µs per head"
