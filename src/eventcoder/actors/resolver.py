"""From the head token of an argument to the actors it denotes, with in-article coreference.

The event coder hands over the HEAD of a subject or object noun phrase; this module
rebuilds the phrase around it from the parse, reads it word by word against the knowledge
base and decides what kind of mention it is:

* a person ("Chinese Foreign Minister Wang Yi", "Mr Wang", "his Russian counterpart Sergei
  Lavrov"): name from the words, country/sector/role from the sentence's own title words,
  then the article's memory, then the KB (titles change; the sentence knows best);
* a state, its government or one of its bodies ("China", "Beijing", "the Kremlin",
  "Syrian troops", "US moves"), or an organisation ("the UN Security Council", "Hamas
  militants");
* a group named by its sector noun ("rebels", "the police", "officials"); a civilian-side
  group with no country of its own ("protesters", "thousands of workers", "a Kansas woman")
  takes the country of a place in front of it, of a place its phrase names, of the place
  where the clause happens, else the article's home country; a people named as living in
  another state are that state's civilians ("ethnic Albanians in southern Serbia": SRB CVL);
* an anaphor resolved against the article so far ("the two countries", "the Russian senior
  diplomat", "he", "they").

The parser of the small English model is often wrong around titles ("Russian Ambassador to
China Andrey Denisov" gets split in two), so the phrase is also extended along the words
themselves when the tree stops short, and every decision rests on KB lookups rather than on
entity labels alone. Coordination yields one actor per conjunct.

Memory is per article (:class:`ArticleActors`), ordered by position in the text rather than by
call order, and before each lookup it catches up on the named mentions earlier in the text
that nobody has asked about yet, so "Mr Wang" finds "Wang Yi" even when the coder resolves
the later sentence first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventcoder.actors.knowledge import (
    COUNTRY_KINDS,
    ORG_CODES,
    Entry,
    KnowledgeBase,
    SectorTerm,
    actor_code,
    default_kb,
    norm,
)
from eventcoder.model import Actor
from eventcoder.nlp.syntax import clause_verb, is_list_apposition, misattached_list_item, place_objects

__all__ = ["ActorResolver", "ArticleActors"]

_ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NAME_ENTS = frozenset({"", "PERSON"})
"""Entity labels a word of a person's name may carry (the small model often gives none)."""
_NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "X"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
_THING_PRONOUNS = frozenset({"it", "its"})
_DUMMY_IT_VERBS = frozenset({"be", "seem", "appear", "remain", "rain", "snow", "matter", "happen", "take", "cost"})
"""Verbs whose subject "it" is usually a dummy ("it is unclear", "it takes time")."""
_SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she"})
_SPEECH_VERBS = frozenset(
    {"say", "tell", "announce", "state", "declare", "claim", "insist", "warn", "add", "note", "confirm",
     "deny", "report", "believe", "think", "hope", "fear", "argue", "assert", "allege", "maintain", "stress",
     "reiterate", "vow", "pledge", "promise", "indicate", "signal", "acknowledge", "admit", "explain",
     "suggest", "decide", "know", "expect", "reply", "respond", "write", "emphasise", "emphasize", "underline",
     "affirm", "contend", "complain", "threaten", "recall", "mention", "agree", "feel", "conclude"}
)
"""Verbs whose complement clause's subject pronoun is, by default, their own subject."""
_DEFINITE = frozenset({"the", "this", "that"})
_NONREFERENTIAL = frozenset({"any", "no", "every", "each", "either", "neither", "another", "other", "such"})
_PRECONJ = frozenset({"both", "either", "neither"})
_LEFT_SKIP = frozenset(
    {"cc", "preconj", "punct", "relcl", "acl", "advmod", "prep", "mark", "aux", "neg", "cop", "advcl"}
)
_RIGHT_KEEP = frozenset({"appos", "compound", "flat", "nmod"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos"})
_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "von", "van", "der", "de", "da", "du", "le", "la", "-", "abu", "bint"}
)
_FUNCTION = frozenset({"of", "to", "for", "the", "and", "in", "on", "a", "an", "with", "at", "by"})
_POSTING_PREPS = frozenset({"to"})
_NP_PREPS = frozenset({"of", "to", "for", "in", "from"})
_PLACE_PREPS = frozenset({"in", "from"})
"""A group's place counts only when it is a state: "opposition leaders in Senegal"."""
_LIST_WORDS = frozenset({",", "and", "or"})
"""Words between the names of a list ("in Jordan and Lebanon"): the items share their role."""
_MAX_EXTEND = 8
_QUANTITY = frozenset(
    {"thousands", "hundreds", "dozens", "scores", "tens", "millions", "thousand", "hundred", "dozen", "score",
     "handful", "number", "majority", "minority", "many", "some", "most", "several", "few", "all", "none", "one",
     "group", "groups", "crowd", "crowds", "band", "busloads", "hordes", "throngs", "contingent", "team"}
)
"""Words that count a group named after "of": "thousands of workers", "a group of protesters"."""
_SCENE_SECTORS = frozenset({"CVL", "OPP", "EDU", "REL", "MED", "BUS", "POL", "JUD", "LEG"})
"""Sectors of a group that, named without a country ("protesters", "students", "police"),
belongs to the country where it acts: PLOVER and CAMEO code a crowd in Kyiv as Ukrainian."""
_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC"})
_ANYONE = frozenset({"man", "woman", "youth", "family"})
"""Member nouns that name an actor only with a country: "a Kansas woman", not "two men"."""
_SCENE_PREPS = frozenset({"in", "at", "near", "outside", "across", "throughout", "around", "inside"})


@dataclass(slots=True)
class _Hit:
    """One thing recognised in the mention's words: a KB name or a sector term."""

    i: int
    """Token index in the Doc."""
    n: int
    entry: Entry | None = None
    term: SectorTerm | None = None
    posting: bool = False
    """A country the person is posted to ("ambassador to China"), not theirs."""
    place: bool = False
    """Where the actor is ("protesters in Cairo"): their country only if nothing else says."""

    @property
    def end(self) -> int:
        return self.i + self.n

    def text(self, doc: Doc) -> str:
        return doc[self.i : self.end].text


@dataclass(slots=True)
class _Reading:
    """The mention's words, read against the KB."""

    start: int
    end: int
    hits: list[_Hit]
    runs: list[tuple[int, int]]
    """Runs of words that look like a person's name (token index ranges)."""
    honorific: bool
    person_ent: bool


@dataclass(slots=True)
class _Mention:
    """A resolved mention in the article memory."""

    pos: tuple[int, int]
    """(doc number, first token) - text order across the Docs of one article."""
    end: int
    sent: tuple[int, int]
    actors: tuple[Actor, ...]
    person: bool
    group: bool
    plural: bool = False
    """Named by a plural noun ("troops"): never the antecedent of "it"/"its"."""


@dataclass(slots=True)
class _DocState:
    doc: Doc
    """Kept so ``id(doc)`` stays unique while the article is coded."""
    seq: int
    pending: list[int] = field(default_factory=list)
    """Heads of named mentions not yet resolved, in text order (consumed from the front)."""
    next_pending: int = 0


class ActorResolver:
    """Shared, read-only: one per process; hands out per-article memories."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb if kb is not None else default_kb()

    def for_article(self, home_country: str | None = None) -> ArticleActors:
        """A fresh coreference memory; ``home_country`` is the dateline's country if known."""
        return ArticleActors(self.kb, home_country=home_country)


class ArticleActors:
    """Resolves argument heads of one article, remembering what it found for coreference."""

    def __init__(self, kb: KnowledgeBase | None = None, home_country: str | None = None) -> None:
        self.kb = kb if kb is not None else default_kb()
        self.home_country = home_country
        self._mentions: list[_Mention] = []
        self._docs: dict[int, _DocState] = {}
        self._cache: dict[tuple[int, int], tuple[Actor, ...]] = {}
        self._known: set[int] = set()
        self._catching_up = False

    # ------------------------------------------------------------------ public API
    def resolve(self, head: Token, *, place_country: str | None = None) -> tuple[Actor, ...]:
        """The actors the phrase headed by ``head`` denotes (one per conjunct), remembered.

        ``place_country`` is the country of the sentence's place, if the caller knows it:
        it gives bare groups ("protesters") a country.
        """
        state = self._doc_state(head.doc)
        key = (state.seq, head.i)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if not self._catching_up:
            self._catch_up(state, head.left_edge.i)
            hit = self._cache.get(key)
            if hit is not None:
                return hit
        counted = _counted(head)
        if counted is not None:
            # "thousands of workers", "tens of thousands of people", "a group of protesters":
            # the group is what is counted; "thousands of dollars" is nobody
            result = self.resolve(counted, place_country=place_country)
            self._cache[key] = result
            return result
        out: list[Actor] = []
        conjuncts = _conjuncts(head)
        for tok in conjuncts:
            ckey = (state.seq, tok.i)
            single = self._cache.get(ckey) if tok is not head else None
            if single is None:
                single, span, person = self._resolve_one(tok, state, out, place_country)
                if tok is not head or len(conjuncts) == 1:
                    self._cache[ckey] = single
                self._record(state, tok, span, single, person, group=len(single) > 1 or tok.tag_ in ("NNS", "NNPS"))
            if tok is not head and misattached_list_item(head, tok):
                single = _in_office_of(single, out)  # "the ministers of Egypt, Jordan, and Saudi Arabia"
            for actor in single:
                if actor not in out:
                    out.append(actor)
        result = tuple(out)
        if len(conjuncts) > 1 and len(result) > 1:
            self._record_group(state, head, result)
        self._cache[key] = result
        return result

    def remember(self, actors: Iterable[Actor]) -> None:
        """Add actors found elsewhere (in text order); actors this memory produced are skipped."""
        fresh = tuple(a for a in actors if id(a) not in self._known)
        if not fresh:
            return
        last = self._mentions[-1] if self._mentions else None
        pos = (last.pos[0], last.end) if last else (-1, 0)
        for actor in fresh:
            self._known.add(id(actor))
            self._mentions.append(_Mention(pos, pos[1], (-1, -1), (actor,), self._looks_person(actor), False))
        if len(fresh) > 1:
            self._mentions.append(_Mention(pos, pos[1], (-1, -1), fresh, False, True))

    # ------------------------------------------------------------------ one conjunct
    def _resolve_one(
        self, tok: Token, state: _DocState, peers: Sequence[Actor], place: str | None
    ) -> tuple[tuple[Actor, ...], tuple[int, int], bool]:
        """Actors of a single conjunct, its token span, and whether it is one person."""
        kb = self.kb
        span = (tok.i, tok.i + 1)
        if tok.pos_ == "PRON":
            return self._pronoun(tok, state), span, tok.lower_ in _PERSON_PRONOUNS
        if (
            tok.pos_ not in _NOUNISH
            and tok.ent_type_ not in _ACTOR_ENTS
            and (tok.is_lower or not kb.is_name_word(tok.lower_))
        ):
            return (), span, False  # a verb or function word, unless the KB knows it as a name
        if (
            tok.dep_ == "appos"
            and tok.head.pos_ in ("NOUN", "PROPN")
            and tok.head.tag_ not in ("NNS", "NNPS")
            and not is_list_apposition(tok)
        ):
            tok = tok.head  # "commissioner, Cheng Guoping" / "Lavrov, Russia's foreign minister": one mention
        start, end = self._span(tok)
        reading = self._read(tok, start, end)
        span = (reading.start, reading.end)
        text = tok.doc[reading.start : reading.end].text
        head_hit = next((h for h in reading.hits if h.i <= tok.i < h.end), None)
        head_term = head_hit.term if head_hit else None
        head_entry = head_hit.entry if head_hit else None
        if head_entry is not None and head_entry.kind == "ignore":
            return (), span, False

        # "the two countries", "both sides", "the two leaders"
        if head_hit is None or head_term is not None:
            pair = self._collective(tok, head_term, reading, state, text)
            if pair is not None:
                return pair, span, False

        run = self._person_run(tok, reading)
        if run is not None:
            person = self._person(tok, run, reading, state, peers, text)
            if person is not None:
                return (person,), span, True

        owners = [h for h in reading.hits if h.entry is not None and h.entry.kind != "ignore" and not h.posting]
        if any(not h.place for h in owners):
            owners = [h for h in owners if not h.place]
        if head_entry is not None:
            if len(owners) > 1 and _flat_coordination(tok.doc, owners):
                # "Amnesty International and Human Rights Watch" parsed as one name
                return _unique(self._entity_actor(h.entry, h.text(tok.doc)) for h in owners), span, False
            people = self._ethnic_group(tok, head_entry, place, text)
            if people is not None:
                return people, span, False
            return (self._entity_actor(head_entry, text),), span, False
        if head_term is not None:
            actors = self._term_actors(tok, head_hit, owners, reading, state, peers, place, text)
            return actors, span, len(actors) == 1 and self._is_person_actor(actors[0], head_term, tok)

        doc = tok.doc
        unknown_org = tok.ent_type_ in ("ORG", "NORP") and tok.pos_ in ("PROPN", "NOUN")
        if unknown_org:
            ent = _entity_bounds(tok)
            org = any(norm(t.lower_) in self.kb.org_words for t in doc[ent[0] : ent[1]])
            if tok.ent_type_ == "NORP" or org:
                country = next((h.entry.country for h in owners if h.entry.kind in COUNTRY_KINDS), None)
                if not org and tok.tag_ in ("NNS", "NNPS"):
                    # an ethnic or religious group: "Kurds in Syria", "Iraqi Kurds", "Muslims in India"
                    # are civilians of the state they live in
                    country = country or self._group_country(tok, place)
                    return (_make(_entity_name(doc, ent), country, "CVL", None, text),), span, False
                return (_make(_entity_name(doc, ent), country, None, None, text),), span, False
            # otherwise a treaty, a law, a disease the model took for an organisation - or a
            # state body the KB does not name ("the US Treasury"): only its owner can be an actor

        # an unnamed noun owned by a named actor: "US moves", "Beijing's policy", "Putin's plan";
        # a body in between gives the sector: "a Nigerian army convoy"
        if tok.pos_ in ("NOUN", "PROPN") and (tok.ent_type_ not in _ACTOR_ENTS or unknown_org):
            body = next(
                (
                    h.term.sector
                    for h in reversed(reading.hits)
                    if h.term is not None and h.end <= tok.i and h.term.kind in ("group", "member")
                ),
                None,
            )
            out = [self._entity_actor(h.entry, text, body) for h in owners if h.i < tok.i and _owns(doc, h)]
            for r in reading.runs:
                if r[1] <= tok.i and (
                    any(doc[j].ent_type_ == "PERSON" for j in range(*r))
                    or self._person_base(doc[r[0] : r[1]].text, state, reading.start) is not None
                ):
                    person = self._person(tok, r, reading, state, peers, text)
                    if person is not None:
                        out.append(person)
            return _unique(out), span, False
        return (), span, False

    # ------------------------------------------------------------------ the phrase
    def _span(self, tok: Token) -> tuple[int, int]:
        """Token range of the phrase headed by ``tok``: tree first, then along the words."""
        start, end = _tree_span(tok, self.kb, with_preps=self.kb.term(tok.lower_) is not None)
        doc = tok.doc
        if tok.ent_type_ in _ACTOR_ENTS:
            es, ee = _entity_bounds(tok)
            start, end = min(start, es), max(end, ee)
        namey = tok.ent_type_ == "PERSON" or (
            tok.pos_ == "PROPN" and tok.ent_type_ not in _ACTOR_ENTS and not self.kb.is_name_word(tok.lower_)
        )
        term = self.kb.term(tok.lower_) or self.kb.term(tok.lemma_)
        if namey:
            start = self._extend_left(doc, start, tok)
        if term is not None and term.kind in ("title", "relational", "member"):
            end = self._extend_right(doc, end, tok)
        tail = [t.text for t in doc[tok.i + 1 : end]]
        if "(" in tail:
            j = tail.index("(")
            if ")" not in tail[j:]:
                return start, tok.i + 1 + j  # "the European Union (EU": stop at an unclosed bracket
        return start, end

    def _extend_left(self, doc: Doc, start: int, tok: Token) -> int:
        """Take in title words the parse left outside ("Russian Ambassador to China | Andrey Denisov")."""
        kb = self.kb
        sent_start = tok.sent.start
        i, best = start - 1, start
        while i >= sent_start and start - i <= _MAX_EXTEND:
            t = doc[i]
            low = t.lower_
            if low in ("to", "of") and i - 1 >= sent_start and kb.is_term_word(doc[i - 1].lower_):
                i -= 1
                continue
            accept = (
                low == "'s"
                or norm(low) in kb.honorifics
                or norm(low) in kb.role_prefixes
                or (
                    low not in _FUNCTION
                    and (t.is_alpha or low.endswith("."))
                    and (kb.is_term_word(low) or (kb.is_name_word(low) and not t.is_lower))
                )
            )
            if not accept:
                break
            best = i
            i -= 1
        while best < start and doc[best].lower_ in ("'s", "to", "of"):
            best += 1
        return best

    def _club_names(self, toks: list[Token]) -> list[int]:
        """Indexes (into ``toks``) of capitalised name runs that contain a club word."""
        out: list[int] = []
        k = 0
        while k < len(toks):
            j = k
            while j < len(toks) and (toks[j].pos_ == "PROPN" or (toks[j].text == "-" and j > k)) and toks[j].text[:1].isupper() | (toks[j].text == "-"):
                j += 1
            if j > k + 1:
                words = [t.text for t in toks]
                covered: set[int] = set()  # "Arab League", "United Nations": known names are no clubs
                for i in range(k, j):
                    m = self.kb.match_longest(words, i, cased=True)
                    if m is not None and m[0].kind != "capital":
                        covered.update(range(i, i + m[1]))
                if any(norm(toks[i].lower_) in self.kb.club_words and i not in covered for i in range(k, j)):
                    out.extend(range(k, j))
            k = max(j, k + 1)
        return out

    def _extend_right(self, doc: Doc, end: int, tok: Token) -> int:
        """A title whose name the parse cut off: "Ambassador | to China Andrey Denisov"."""
        if any(doc[j].ent_type_ == "PERSON" for j in range(tok.i, end)):
            return end
        sent_end = tok.sent.end
        j = end
        if j < sent_end and doc[j].lower_ in ("to", "of", "for"):
            words = [t.text for t in doc[j + 1 : min(sent_end, j + 6)]]
            m = self.kb.match_longest(words, 0, cased=True)
            if m is None:
                return end
            j += 1 + m[1]
        if j < sent_end and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B":
            return _entity_bounds(doc[j])[1]
        return end

    def _read(self, tok: Token, start: int, end: int) -> _Reading:
        """Recognise KB names, sector terms, honorifics and name runs in ``doc[start:end]``."""
        kb = self.kb
        doc = tok.doc
        toks = list(doc[start:end])
        words = [t.text for t in toks]
        hits: list[_Hit] = []
        consumed = [False] * len(words)
        honorific = False
        known_people: list[tuple[int, int]] = []
        for k in self._club_names(toks):
            consumed[k] = True  # "Real Madrid", "the Premier League": a club is not its city's state
        k = 0
        while k < len(words):
            if consumed[k]:
                k += 1
                continue
            t = toks[k]
            low = t.lower_
            if t.is_punct or low in ("'s", "'"):
                k += 1
                continue
            name = kb.match_longest(words, k, cased=True)
            if name is not None and name[0].kind == "person" and _whole_name(toks, k, name[1], consumed):
                known_people.append((start + k, start + k + name[1]))  # "Aragorn", whatever the model's label
                consumed[k : k + name[1]] = [True] * name[1]
                k += name[1]
                continue
            if name is not None:
                entry = name[0]
                if entry.kind == "person" or (
                    entry.kind in ("country", "capital") and t.ent_type_ == "PERSON" and _entity_len(t) > name[1]
                ):
                    name = None  # "George Washington", "Jordan Peterson"
                elif (
                    entry.kind == "capital"
                    and t.ent_type_ in ("ORG", "PERSON", "FAC")
                    and _entity_len(t) > name[1]
                    and not any(norm(x.lower_) in kb.org_words for x in doc[slice(*_entity_bounds(t))])
                ):
                    name = None  # a capital inside a longer name is no metonym ("Paris Saint-Germain")
            term = kb.match_term(words, k, cased=True)
            if name is not None and (term is None or name[1] >= term[1]):
                prev = toks[k - 1].lower_ if k > 0 else ""
                posting, place = prev in _POSTING_PREPS, prev in _PLACE_PREPS
                last = hits[-1] if hits else None
                if prev in _LIST_WORDS and last is not None and last.entry is not None and last.end == start + k - 1:
                    # "refugees in Jordan and Lebanon": the second name is a place too
                    posting, place = last.posting, last.place
                hits.append(_Hit(start + k, name[1], entry=name[0], posting=posting, place=place))
                consumed[k : k + name[1]] = [True] * name[1]
                k += name[1]
                continue
            if term is not None and not (term[0].kind != "title" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON"):
                hits.append(_Hit(start + k, term[1], term=term[0]))
                consumed[k : k + term[1]] = [True] * term[1]
                k += term[1]
                continue
            if norm(low) in kb.honorifics:
                honorific = True
                consumed[k] = True
            k += 1
        runs: list[tuple[int, int]] = []
        person_ent = False
        run_start = None
        seen_honorific = False
        title_ends = {h.end for h in hits if h.term is not None and h.term.kind in ("title", "relational")}
        for k, t in enumerate(toks):
            if norm(t.lower_) in kb.honorifics or start + k in title_ends:
                seen_honorific = True  # a name may follow, whatever label the model gave it
            namey = not consumed[k] and (
                (t.pos_ == "PROPN" and (t.ent_type_ in _NAME_ENTS or seen_honorific))
                or t.ent_type_ == "PERSON"
                or (
                    run_start is not None
                    and t.lower_ in _PARTICLES
                    and k + 1 < len(toks)
                    and toks[k + 1].pos_ == "PROPN"
                )
            )
            if namey and t.lower_ in _PARTICLES and run_start is None:
                namey = t.ent_type_ == "PERSON"
            if namey:
                person_ent = person_ent or t.ent_type_ == "PERSON"
                if run_start is None:
                    run_start = start + k
            else:
                if run_start is not None:
                    runs.append((run_start, start + k))
                    run_start = None
                if not (consumed[k] or t.is_punct or t.lower_ in ("of", "to")):
                    seen_honorific = False  # a name right after "Mr" or a title, not "General's Office"
        if run_start is not None:
            runs.append((run_start, end))
        if known_people:
            runs = sorted(runs + known_people)
        return _Reading(start, end, hits, runs, honorific, person_ent)

    # ------------------------------------------------------------------ people
    def _person_run(self, tok: Token, reading: _Reading) -> tuple[int, int] | None:
        """The name run that makes this mention a person, if the head is the person."""
        if not reading.runs:
            return None
        inside = next((r for r in reading.runs if r[0] <= tok.i < r[1]), None)
        if inside is not None:
            return inside
        term = self.kb.term(tok.lower_) or self.kb.term(tok.lemma_)
        if term is None or term.kind not in ("title", "member", "relational") or tok.tag_ in ("NNS", "NNPS"):
            return None
        doc = tok.doc
        named = [r for r in reading.runs if any(doc[j].ent_type_ == "PERSON" for j in range(*r))]
        after = [r for r in reading.runs if r[0] > tok.i]
        pool = named or after or reading.runs
        return min(pool, key=lambda r: min(abs(r[0] - tok.i), abs(r[1] - 1 - tok.i)))

    def _person(
        self,
        tok: Token,
        run: tuple[int, int],
        reading: _Reading,
        state: _DocState,
        peers: Sequence[Actor],
        text: str,
    ) -> Actor | None:
        doc = tok.doc
        name = doc[run[0] : run[1]].text
        base = self._person_base(name, state, reading.start)
        evidence = (
            base is not None
            or reading.person_ent
            or reading.honorific
            or any(h.term is not None and h.term.kind in ("title", "member", "relational") for h in reading.hits)
        )
        if not evidence:
            return None
        title = self._title(reading, run)
        if base is None and (title is not None or reading.honorific):
            base = self.kb.person(name, titled=True)  # "Prime Minister May": a surname that is also a word
        country = self._nationality(reading)
        sector = role = None
        if title is not None:
            if title.term.kind == "relational":
                sector, role = self._peer_office(tok, peers, state, reading)
            else:
                sector = self._modified_sector(title, reading)
                role = self._role(doc, title)
        if base is not None:
            country = country or base.country
            sector = sector or base.sector
            if country in ORG_CODES and sector == "GOV":
                sector = base.sector or sector  # "Secretary-General Ban" serves an organisation, not a state
            role = role or base.role
            name = base.name
        if country is None and title is not None:
            country = self.home_country
        if title is None and country is not None and sector is None:
            sector = next(
                (h.entry.sector for h in reading.hits if h.entry is not None and h.entry.kind == "organisation"), None
            )
        return _make(name, country, sector, role, text)

    def _person_base(self, name: str, state: _DocState, before: int) -> Actor | Entry | None:
        """Who a name is: an earlier mention in the article first, then the KB's people."""
        words = [norm(w) for w in name.replace("-", " ").split()]
        key = " ".join(words)
        pos = (state.seq, before)
        earlier = [m for m in reversed(self._mentions) if m.person and m.pos < pos]
        for m in earlier:
            if " ".join(norm(w) for w in m.actors[0].name.replace("-", " ").split()) == key:
                return m.actors[0]
        if len(words) == 1:
            for m in earlier:
                if key in {norm(w) for w in m.actors[0].name.replace("-", " ").split()}:
                    return m.actors[0]
        return self.kb.person(name)

    def _title(self, reading: _Reading, run: tuple[int, int]) -> _Hit | None:
        """The title of a named person: the nearest one before the name, else one after it."""
        titles = [h for h in reading.hits if h.term is not None and h.term.kind in ("title", "member", "relational")]
        before = [h for h in titles if h.end <= run[0]]
        if before:
            return before[-1]
        after = [h for h in titles if h.i >= run[1]]
        return after[0] if after else None

    def _nationality(self, reading: _Reading) -> str | None:
        """The first country (or organisation) the phrase names that is not a posting,
        else the state the person is in ("officials in Beijing")."""
        named = [
            h
            for h in reading.hits
            if h.entry is not None and not h.posting and h.entry.kind != "ignore" and h.entry.country
        ]
        own = [h for h in named if not h.place]
        return (own or named)[0].entry.country if named else None

    def _modified_sector(self, title: _Hit, reading: _Reading) -> str | None:
        """A title's sector, unless a body in front of it says otherwise ("army spokesman")."""
        for h in reversed(reading.hits):
            if h.end > title.i or h.posting:
                continue
            if h.term is not None and h.term.kind in ("group", "member"):
                return h.term.sector
            if h.entry is not None and h.entry.kind in ("metonym", "organisation") and h.entry.sector:
                if (
                    h.entry.kind == "organisation"
                    and h.entry.country in ORG_CODES
                    and title.term.sector in ("MIL", "POL")
                ):
                    return title.term.sector
                return h.entry.sector
        return title.term.sector

    def _role(self, doc: Doc, title: _Hit) -> str:
        """The title as a lower-case role, with "deputy"/"former" and the like in front
        (looking past a nationality: "Former US President" → "former president")."""
        prefixes: list[str] = []
        i = title.i - 1
        while i >= 0 and title.i - i <= 4:
            word = norm(doc[i].lower_)
            if word in self.kb.role_prefixes:
                prefixes.append(word)
            elif not (self.kb.is_name_word(word) and not doc[i].is_lower):
                break
            i -= 1
        return " ".join([*reversed(prefixes), title.term.term])

    def _peer_office(
        self, tok: Token, peers: Sequence[Actor], state: _DocState, reading: _Reading
    ) -> tuple[str, str | None]:
        """A counterpart holds the other party's office: take it from the sentence."""
        for actor in reversed(peers):
            if actor.role:
                return actor.sector or "GOV", actor.role
        sent = tok.sent
        skey = (state.seq, sent.start)
        for m in reversed(self._mentions):
            if m.sent == skey and m.person and m.actors[0].role and not (reading.start <= m.pos[1] < reading.end):
                return m.actors[0].sector or "GOV", m.actors[0].role
        words = [t.text for t in sent]
        k = 0
        while k < len(words):
            i = sent.start + k
            if reading.start <= i < reading.end:
                k += 1
                continue
            m = self.kb.match_term(words, k, cased=True)
            if m is not None and m[0].kind == "title":
                return m[0].sector, m[0].term
            k += m[1] if m is not None else 1
        return "GOV", None

    # ------------------------------------------------------------------ states, bodies, groups
    def _entity_actor(self, entry: Entry, text: str, sector: str | None = None) -> Actor:
        """The actor a KB name stands for (``sector``: that of a body named with it)."""
        if entry.kind in COUNTRY_KINDS:
            return _make(self.kb.country_name(entry.country), entry.country, sector or entry.sector, None, text)
        return _make(entry.name, entry.country, entry.sector, entry.role, text)

    def _term_actors(
        self,
        tok: Token,
        head: _Hit,
        owners: list[_Hit],
        reading: _Reading,
        state: _DocState,
        peers: Sequence[Actor],
        place: str | None,
        text: str,
    ) -> tuple[Actor, ...]:
        """A sector noun as head: "Syrian troops", "the Chinese minister", "rebels"."""
        term = head.term
        doc = tok.doc
        plural = tok.tag_ in ("NNS", "NNPS") or head.term.plural
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet")}
        owners = [h for h in owners if h.i < head.i or h.i >= head.end]
        people = any(c.ent_type_ == "NORP" and c.dep_ in ("compound", "amod") for c in tok.lefts)
        if dets & _NONREFERENTIAL and not (plural and (people or any(h.i < head.i for h in owners))):
            # "any country that ..." is nobody; "will not accept any Syrian refugees" still
            # names whose refugees are meant
            return ()
        role = self._role(doc, head) if term.kind == "title" else None
        sector = self._group_sector(head, reading)
        if term.kind == "relational":
            sector, role = self._peer_office(tok, peers, state, reading)
        # persons named as owners of a body: "the Trump administration"
        person_owners = []
        for r in reading.runs:
            if r[1] <= head.i:
                base = self._person_base(doc[r[0] : r[1]].text, state, reading.start)
                if base is not None and base.country:
                    person_owners.append(base.country)
        countries: list[tuple[str | None, str]] = []
        out: list[Actor] = []
        for h in owners:
            e = h.entry
            if e.kind in COUNTRY_KINDS:
                countries.append((e.country, self.kb.country_name(e.country)))
            elif e.kind == "organisation":
                org_sector = e.sector
                if e.country in ORG_CODES and sector in ("MIL", "POL"):
                    org_sector = sector
                out.append(_make(e.name, e.country, org_sector, role, text))
        countries.extend((c, self.kb.country_name(c)) for c in person_owners)
        if not countries and not out and term.kind != "relational":
            countries.extend((c, self.kb.country_name(c)) for c in self._pronoun_owners(tok, state))
        if out:
            covered = {a.country for a in out}
            return _unique([*out, *(_make(n, c, sector, role, text) for c, n in countries if c not in covered)])
        if term.kind == "title" and not plural and not reading.runs and dets & _DEFINITE:
            antecedent = self._definite_person(
                countries[0][0] if countries else None, sector, term, state, reading.start
            )
            if antecedent is not None:
                return (_replace_text(antecedent, text),)
        if countries:
            return _unique([*out, *(_make(name, code, sector, role, text) for code, name in countries)])
        if term.kind in ("asset", "relational"):
            return ()
        if term.kind == "title" and not plural and dets & {"a", "an"} and place is None:
            return ()  # "a spokesman said", nobody's in particular
        country = place
        if country is None and sector in _SCENE_SECTORS and (plural or term.kind in ("member", "group")):
            # "protesters blocked roads in Lima", "a Kansas woman", "workers at the port of Durban"
            country = self._group_country(tok, None)
        if country is None and (
            term.kind == "title" or (not plural and dets & _DEFINITE and sector in ("GOV", "MIL", "POL", "JUD", "LEG"))
        ):
            country = self.home_country
        if country is not None:
            return (_make(self.kb.country_name(country), country, sector, role, text),)
        if term.term in _ANYONE:
            return ()  # "two men were arrested": nobody in particular until placed ("a Kansas woman")
        if tok.pos_ == "PROPN" and tok.ent_type_ == "ORG":
            label = _entity_name(doc, _entity_bounds(tok))  # an organisation the KB does not know
        else:
            label = doc[head.i : head.end].text.lower()
        return (_make(label, None, sector, role, text),)

    # ------------------------------------------------------------------ where a group is
    def _ethnic_group(self, tok: Token, entry: Entry, place: str | None, text: str) -> tuple[Actor, ...] | None:
        """A nationality named as a people living in another state: "ethnic Albanians in
        southern Serbia" are Serbian civilians (CAMEO: SRB + the ethnic code), "Hungarians in
        Romania" Romanian ones. "Ethnic Russians" with no place of their own live where they act."""
        ethnic = any(c.lower_ == "ethnic" for c in tok.children)
        if entry.kind != "demonym" or not (ethnic or tok.tag_ in ("NNS", "NNPS")):
            return None
        where = self._own_place(tok)
        if where is None and ethnic:
            where = place or self._scene_country(tok) or self.home_country
        if where is not None and where != entry.country and where not in ORG_CODES:
            return (_make(self.kb.country_name(where), where, "CVL", None, text),)
        bare = not any(c.dep_ in ("det", "predet", "poss") for c in tok.children)
        if ethnic or (bare and tok.tag_ in ("NNS", "NNPS") and tok.lower_.endswith("s")):
            # people, not their state: "three Palestinians were killed", "Kosovo Albanians protested"
            # ("the Russians said", a delegation, stays the state)
            return (_make(self.kb.country_name(entry.country), entry.country, "CVL", None, text),)
        return None

    def _group_country(self, tok: Token, place: str | None) -> str | None:
        """The country of a group named without one: a place in front of it ("a Kansas
        woman"), a place its own phrase puts it in ("people in Somalia"), the place of the
        event ("marched in Kyiv", "at the port of Durban"), else the article's home country."""
        return (
            place
            or self._modifier_place(tok)
            or self._own_place(tok)
            or self._scene_country(tok)
            or self.home_country
        )

    def _modifier_place(self, tok: Token) -> str | None:
        """A sub-national place written in front of a group: "a Kansas woman", "Durban workers"."""
        for c in tok.lefts:
            if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "LOC"):
                s, e = _entity_bounds(c)
                country = _place_country(self.kb, tok.doc[s:e].text)
                if country is not None:
                    return country
        return None

    def _own_place(self, tok: Token) -> str | None:
        """The country of a place the group's own phrase names: "Kurds in Syria", "people in
        Somalia", "Albanians from Kosovo" (the first one named)."""
        for p in place_objects(tok):
            if p.ent_type_ not in _PLACE_ENTS and not (p.pos_ == "PROPN" and self.kb.is_name_word(p.lower_)):
                continue
            s, e = _entity_bounds(p) if p.ent_type_ else (p.i, p.i + 1)
            country = _place_country(self.kb, tok.doc[s:e].text)
            if country is not None:
                return country
        return None

    def _scene_country(self, tok: Token) -> str | None:
        """The country of the place where the clause of ``tok`` happens ("marched in Kyiv")."""
        verb = clause_verb(tok)
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        loc = _places().for_event(verb)
        if loc is not None and loc.country and loc.country not in ORG_CODES:
            return loc.country
        # the small model often labels a town a person or an organisation ("marched in Kyiv",
        # "at the port of Durban"), which the place finder then passes over
        preps = [c for c in verb.children if c.dep_ == "prep"]
        preps += [c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ not in _SCENE_PREPS:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                of = [g for p in pobj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
                for t in [pobj, *of]:
                    if t.pos_ != "PROPN" or t.dep_ != "pobj":
                        continue
                    doc, start = t.doc, t.i
                    while start > t.sent.start and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
                        start -= 1
                    country = _place_country(self.kb, doc[start : t.i + 1].text)
                    if country is not None and country not in ORG_CODES:
                        return country
        return None

    def _pronoun_owners(self, tok: Token, state: _DocState) -> list[str]:
        """Countries of a body owned through a pronoun: "Syria offered its troops" (Syria's),
        "Russia and China said their navies ..." (both). Without this the phrase is an
        ownerless "troops" and passes for a third party, the recipient of the offer."""
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if poss is None:
            return []
        low = poss.lower_
        if low == "its":
            owners = self._pronoun(poss, state)
        elif low == "their":
            pos = (state.seq, poss.i)
            since = (state.seq, tok.sent.start)
            owners = next((m.actors for m in reversed(self._mentions) if m.group and since <= m.pos < pos), ())
        else:
            return []
        return list(dict.fromkeys(a.country for a in owners if a.country))

    def _is_person_actor(self, actor: Actor, term: SectorTerm, tok: Token) -> bool:
        """A definite title that found its antecedent ("the minister" → Wang Yi) is a person."""
        return term.kind == "title" and tok.tag_ not in ("NNS", "NNPS") and self._person_named(actor)

    def _person_named(self, actor: Actor) -> bool:
        return any(m.person and _same(m.actors[0], actor) for m in self._mentions)

    def _group_sector(self, head: _Hit, reading: _Reading) -> str:
        """The head noun's sector, or a modifier's when it rules ("rebel forces", "army spokesman")."""
        term = head.term
        if term.kind == "title":
            return self._modified_sector(head, reading)
        for h in reversed(reading.hits):
            if h.end > head.i or h.posting:
                continue
            mod = (
                h.term.sector
                if h.term is not None
                else (h.entry.sector if h.entry is not None and h.entry.kind != "capital" else None)
            )
            if mod in self.kb.dominant_sectors:
                return mod
        return term.sector

    def _definite_person(
        self, country: str | None, sector: str, term: SectorTerm, state: _DocState, before: int
    ) -> Actor | None:
        """A definite title ("the Russian senior diplomat", "the minister"): the latest matching person."""
        pos = (state.seq, before)
        for m in reversed(self._mentions):
            if not m.person or m.pos >= pos:
                continue
            a = m.actors[0]
            if country is not None:
                if a.country == country and a.sector == sector:
                    return a
            elif a.role is not None and (a.role == term.term or a.role.endswith(" " + term.term)):
                return a
        return None

    def _collective(
        self, tok: Token, term: SectorTerm | None, reading: _Reading, state: _DocState, text: str
    ) -> tuple[Actor, ...] | None:
        """A pair named by number: "the two countries", "both sides", "the two leaders"."""
        if tok.tag_ not in ("NNS", "NNPS") and not (term is not None and term.plural):
            return None
        kids = {c.lower_ for c in tok.children if c.dep_ in ("nummod", "det", "predet", "amod", "preconj")}
        if not ("both" in kids or ("two" in kids and kids & {"the", "these", "those"})):
            return None
        if any(h.entry is not None and h.entry.kind != "ignore" for h in reading.hits):
            return None
        pos = (state.seq, reading.start)
        word = norm(tok.lower_)
        if term is not None and term.kind in ("title", "member"):
            people: list[Actor] = []
            for m in reversed(self._mentions):
                if m.person and m.pos < pos and (m.actors[0].sector in (None, term.sector)):
                    if all(p.name != m.actors[0].name for p in people):
                        people.append(m.actors[0])
                if len(people) == 2:
                    break
            if len(people) == 2:
                return tuple(_replace_text(p, text) for p in reversed(people))
            return None
        sector = term.sector if term is not None and term.kind in ("group", "title", "member") else None
        if term is None and word not in self.kb.collectives and norm(tok.lemma_) not in self.kb.collectives:
            return None
        top = self._top_countries(pos, 2)
        if not top:
            return None
        return tuple(_make(self.kb.country_name(c), c, sector, None, text) for c in top)

    def _top_countries(self, pos: tuple[int, int], n: int) -> list[str]:
        """The n countries mentioned most so far (ties: first mentioned first), in first-mention order."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for k, m in enumerate(self._mentions):
            if m.pos >= pos or m.group:
                continue
            for a in m.actors:
                if a.country and a.country not in ORG_CODES:
                    counts[a.country] += 1
                    first.setdefault(a.country, k)
        top = sorted(counts, key=lambda c: (-counts[c], first[c]))[:n]
        return sorted(top, key=first.__getitem__)

    # ------------------------------------------------------------------ pronouns
    def _pronoun(self, tok: Token, state: _DocState) -> tuple[Actor, ...]:
        low = tok.lower_
        pos = (state.seq, tok.i)
        if tok.tag_ == "PRP$" and low != "its":
            return ()  # "his"/"her"/"their" own something: the owner is not the argument
        speaker = self._speaker(tok)
        if speaker:
            return tuple(_replace_text(a, tok.text) for a in speaker)
        if low in _PERSON_PRONOUNS:
            for m in reversed(self._mentions):
                if m.person and m.pos < pos:
                    return (_replace_text(m.actors[0], tok.text),)
        elif low in _GROUP_PRONOUNS:
            for m in reversed(self._mentions):
                if m.group and m.pos < pos:
                    return tuple(_replace_text(a, tok.text) for a in m.actors)
        elif low in _THING_PRONOUNS and not (low == "it" and tok.head.lemma_ in _DUMMY_IT_VERBS):
            # "Germany said it will send ...": the latest state or body, this sentence or the last
            sent = tok.sent
            since = (state.seq, tok.doc[sent.start - 1].sent.start if sent.start > 0 else 0)
            for m in reversed(self._mentions):
                if m.pos >= pos or m.group or m.person or m.plural:
                    continue
                if m.pos < since:
                    break
                return (_replace_text(m.actors[0], tok.text),)
        return ()

    def _speaker(self, tok: Token) -> tuple[Actor, ...]:
        """The subject of the speech or cognition verb whose complement clause holds the
        subject pronoun ``tok``, when it agrees: "Guyana's government accused Caracas of ...
        and said it had asked the UN" (it = Guyana's government, not Caracas); it → a state
        or body, he/she → a person, they → several."""
        low = tok.lower_
        if tok.dep_ not in ("nsubj", "nsubjpass") or low not in _SPEAKER_PRONOUNS:
            return ()
        if low == "it" and tok.head.lemma_ in _DUMMY_IT_VERBS:
            return ()
        clause = tok.head
        while clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head  # "said it would ... and (it) would ..."
        if clause.dep_ not in ("ccomp", "parataxis") or clause.head.lemma_.lower() not in _SPEECH_VERBS:
            return ()
        verb = clause.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        while subj is None and verb.dep_ == "conj" and verb.head != verb:
            verb = verb.head  # "accused Caracas of ... and said": the first verb's subject
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj is tok or subj.i > tok.i or subj.lower_ in _SPEAKER_PRONOUNS and subj.i == tok.i:
            return ()
        found = self.resolve(subj)
        if not found:
            return ()
        people = [self._looks_person(a) or a.role is not None for a in found]
        plural = len(found) > 1 or subj.tag_ in ("NNS", "NNPS") and subj.ent_type_ != "ORG" or any(c.dep_ == "conj" for c in subj.children)
        if low in _PERSON_PRONOUNS:
            ok = len(found) == 1 and people[0]
        elif low == "they":
            ok = plural or (not any(people) and subj.lower_ == "they")
        else:
            ok = len(found) == 1 and not people[0] and not plural and found[0].country is not None
        return found if ok else ()

    # ------------------------------------------------------------------ memory
    def _doc_state(self, doc: Doc) -> _DocState:
        state = self._docs.get(id(doc))
        if state is None:
            state = _DocState(doc, len(self._docs), _named_heads(doc, self.kb))
            self._docs[id(doc)] = state
        return state

    def _catch_up(self, state: _DocState, before: int) -> None:
        """Resolve the named mentions earlier in the Doc that nobody has asked about yet."""
        self._catching_up = True
        try:
            doc = state.doc
            while state.next_pending < len(state.pending) and state.pending[state.next_pending] < before:
                i = state.pending[state.next_pending]
                state.next_pending += 1
                if (state.seq, i) not in self._cache:
                    self.resolve(doc[i])
        finally:
            self._catching_up = False

    def _record(
        self, state: _DocState, tok: Token, span: tuple[int, int], actors: tuple[Actor, ...], person: bool, group: bool
    ) -> None:
        """One mention per actor (for counting and antecedents), plus a group for "they"."""
        if not actors:
            return
        self._known.update(id(a) for a in actors)
        pos = (state.seq, span[0])
        sent = (state.seq, tok.sent.start)
        for actor in actors:
            if any(
                not m.group and m.sent == sent and m.pos[1] < span[1] and span[0] < m.end and _same(m.actors[0], actor)
                for m in self._mentions
            ):
                continue  # the same words, reached from another head
            plural = tok.tag_ in ("NNS", "NNPS") and tok.ent_type_ not in _PLACE_ENTS and tok.ent_type_ != "ORG"
            self._insert(_Mention(pos, span[1], sent, (actor,), person and len(actors) == 1, False, plural))
        if group and not person:
            self._insert(_Mention(pos, span[1], sent, actors, False, True))

    def _record_group(self, state: _DocState, head: Token, actors: tuple[Actor, ...]) -> None:
        start = head.left_edge.i
        self._insert(
            _Mention((state.seq, start), head.right_edge.i + 1, (state.seq, head.sent.start), actors, False, True)
        )

    def _insert(self, mention: _Mention) -> None:
        """Keep memory in text order (the coder may ask about a later sentence first)."""
        k = len(self._mentions)
        while k > 0 and self._mentions[k - 1].pos > mention.pos:
            k -= 1
        self._mentions.insert(k, mention)

    def _looks_person(self, actor: Actor) -> bool:
        if self.kb.person(actor.name) is not None:
            return True
        entry = self.kb.lookup(actor.name)
        return actor.role is not None and (entry is None or entry.kind == "person")


# ---------------------------------------------------------------------- helpers


@lru_cache(maxsize=1)
def _places():
    """The gazetteer, for groups placed by a town or region the KB does not name ("Durban")."""
    from eventcoder.places.resolver import PlaceResolver

    return PlaceResolver()


def _place_country(kb: KnowledgeBase, name: str) -> str | None:
    """The state a place name lies in: a KB name first ("Serbia", "Kyiv"), then the gazetteer."""
    country = kb.country_of(name)
    if country is not None:
        return country
    loc = _places().lookup(name)
    return loc.country if loc is not None and loc.country else None


def _counted(head: Token) -> Token | None:
    """What a quantity counts: "thousands [of workers]", "a group [of protesters]"."""
    if head.pos_ != "NUM" and head.lower_ not in _QUANTITY:
        return None
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            pobj = next((c for c in p.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _make(name: str, country: str | None, sector: str | None, role: str | None, text: str) -> Actor:
    return Actor(name=name, country=country, sector=sector, role=role, text=text, code=actor_code(country, sector))


def _owns(doc: Doc, hit: _Hit) -> bool:
    """Does a name in front of a noun say whose it is? A capital only as a possessive
    ("Beijing's policy"); as a plain modifier it is a place ("London concerts")."""
    if hit.entry.kind != "capital":
        return True
    last = doc[hit.end - 1]
    return last.dep_ == "poss" or (hit.end < len(doc) and doc[hit.end].lower_ in ("'s", "'"))


def _in_office_of(countries: tuple[Actor, ...], holders: Sequence[Actor]) -> tuple[Actor, ...]:
    """Bare countries given the sector and role of the office holders listed before them."""
    model = next((h for h in holders if h.sector and h.country), None)
    if model is None:
        return countries
    return tuple(
        _make(a.name, a.country, model.sector, model.role, a.text) if a.country and not a.sector else a
        for a in countries
    )


def _same(a: Actor, b: Actor) -> bool:
    return a.name == b.name and a.country == b.country and a.sector == b.sector


def _replace_text(actor: Actor, text: str) -> Actor:
    return Actor(actor.name, actor.country, actor.sector, actor.role, text, actor.code)


def _unique(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for a in actors:
        if not any(_same(a, b) for b in out):
            out.append(a)
    return tuple(out)


def _conjuncts(head: Token) -> list[Token]:
    """The head and every noun coordinated with it ("China and Russia", "Mr Wang and Mr Lavrov"),
    including list items the parser took for appositions ("The US, Russia, and Switzerland")."""
    out = [head]
    k = 0
    while k < len(out):
        for c in out[k].rights:
            if (c.dep_ == "conj" or is_list_apposition(c)) and (
                c.pos_ in ("NOUN", "PROPN", "PRON") or c.ent_type_ in _ACTOR_ENTS
            ):
                out.append(c)
        k += 1
    return out


def _flat_coordination(doc: Doc, hits: list[_Hit]) -> bool:
    """Named actors joined by "and" inside one phrase the parser did not split."""
    for a, b in zip(hits, hits[1:], strict=False):
        between = doc[a.end : b.i]
        if not any(t.lower_ in ("and", "&", ",") for t in between) or len(between) > 2:
            return False
    return True


def _whole_name(toks, k: int, n: int, consumed: list[bool]) -> bool:
    """A KB person's name that is not part of a longer name ("Abbas" in "Abbas Araghchi")."""
    after = toks[k + n] if k + n < len(toks) else None
    before = toks[k - 1] if k > 0 else None
    return not (after is not None and after.pos_ == "PROPN") and not (
        before is not None and before.pos_ == "PROPN" and not consumed[k - 1]
    )


def _entity_name(doc: Doc, bounds: tuple[int, int]) -> str:
    """An entity's words without a leading article ("The Oromo Liberation Front")."""
    s, e = bounds
    if e - s > 1 and doc[s].lower_ == "the":
        s += 1
    return doc[s:e].text


def _entity_len(tok: Token) -> int:
    s, e = _entity_bounds(tok)
    return e - s


def _entity_bounds(tok: Token) -> tuple[int, int]:
    """Token range of the named entity ``tok`` is in."""
    doc = tok.doc
    s = tok.i
    while s > 0 and doc[s].ent_iob_ == "I":
        s -= 1
    e = tok.i + 1
    while e < len(doc) and doc[e].ent_iob_ == "I":
        e += 1
    return s, e


def _tree_span(tok: Token, kb: KnowledgeBase, with_preps: bool) -> tuple[int, int]:
    """The phrase of ``tok`` in the parse: modifiers on the left, names and "of X" on the right."""
    has_conj = any(c.dep_ == "conj" for c in tok.rights)
    start = end = tok.i
    for c in tok.lefts:
        if c.dep_ in _LEFT_SKIP:
            continue
        if c.dep_ in ("det", "predet") and c.lower_ in _PRECONJ and has_conj:
            continue
        start = min(start, c.left_edge.i)
    for c in tok.rights:
        if c.dep_ in _RIGHT_KEEP and not is_list_apposition(c):
            s, e = _tree_span(c, kb, with_preps=False)
            end = max(end, e - 1)
            start = min(start, s)
        elif with_preps and c.dep_ == "prep" and c.lower_ in _NP_PREPS:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and _names_something(pobj, kb, states_only=c.lower_ in _PLACE_PREPS):
                end = max(end, pobj.right_edge.i)
    return start, end + 1


def _names_something(tok: Token, kb: KnowledgeBase, states_only: bool = False) -> bool:
    """Does the phrase under ``tok`` contain a KB name ("of Iran", "to China")?"""
    doc = tok.doc
    words = [t.text for t in doc[tok.left_edge.i : tok.right_edge.i + 1]]
    for k in range(len(words)):
        m = kb.match_longest(words, k, cased=True)
        if m is not None and m[0].kind != "ignore" and (not states_only or m[0].kind in COUNTRY_KINDS):
            return True
    return False


def _named_heads(doc: Doc, kb: KnowledgeBase) -> list[int]:
    """Heads of the phrases that name actors or count them, for catching up, in text order."""
    heads: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in _ACTOR_ENTS:
            continue
        t = ent.root
        steps = 0
        while t.dep_ in _MODIFIER_DEPS and t.head.i != t.i and t.head.pos_ in ("NOUN", "PROPN") and steps < 6:
            t = t.head
            steps += 1
        heads.add(t.i)
    for t in doc:
        if t.lower_ in ("two", "both") and t.head.pos_ == "NOUN" and t.dep_ in ("nummod", "det", "predet"):
            heads.add(t.head.i)
        elif t.tag_ == "NNS" and t.dep_ not in _MODIFIER_DEPS and kb.term(t.lower_) is not None:
            heads.add(t.i)
    return sorted(heads)
