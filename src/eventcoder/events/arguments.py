"""Finding and resolving an event's participants: actor and recipient heads in the parse
(subjects through control and schedule frames, speakers of framed predicates), their
resolution to actors (placing groups and towns), and the fallbacks that find a recipient
when no argument names one (infinitives of purpose, possessors, object PPs, affected places,
a crowd of a place).

All functions are pure: they take tokens, the :class:`Lexicon` and, where actors are
resolved, the article's context.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

import pycountry
from spacy.tokens import Token

from eventcoder.actors.knowledge import actor_code
from eventcoder.events.lexicon import Lexicon, noun_key
from eventcoder.model import Actor
from eventcoder.nlp.syntax import (
    addressee_of_message,
    attached_targets,
    children,
    clause_objects,
    coordinated,
    example_objects,
    first_child,
    is_passive,
    OBJECT_CONTROL,
    place_objects,
    prep_objects,
    subject_heads,
)
from eventcoder.nlp.syntax import RELATIVE_PRONOUNS

if TYPE_CHECKING:
    from eventcoder.events.coder import ArticleContext, Candidate

# Named-entity labels of dates and times, which are never a party: "offered on Monday to ...".
TIME_ENTS = frozenset({"DATE", "TIME"})

# Named-entity labels of states, places and organisations: a name, not a group of people.
NAMED_ENTS = frozenset({"GPE", "LOC", "FAC", "ORG"})

# Prepositions whose gerund is done by the governing verb's object ("accused Russia of shelling").
OBJECT_PREPS = frozenset({"of", "for", "from", "against"})

# Adjectives whose infinitive takes the clause's subject as its object: "the deal is hard to reject".
TOUGH_ADJECTIVES = frozenset({"hard", "easy", "difficult", "impossible", "tough", "simple"})


# Verbs that move or commit the subject's own forces: their object is the means, not a party.
SEND_VERBS = frozenset(
    {"send", "deploy", "dispatch", "redeploy", "station", "mobilize", "mobilise", "mass", "amass", "position",
     "transfer", "airlift", "rush", "commit", "contribute", "withdraw", "pull", "move", "post", "assign"}
)


def own_units(lex: Lexicon, head: Token, found: tuple[Actor, ...], ctx: ArticleContext) -> bool:
    """Is ``head`` the acting state's own forces, sent somewhere: "Brazil sent troops to its
    northern state", "deploying 300 troops to the UN mission", "Uganda deployed its soldiers"?
    Only the object of a verb of sending, only state units (no country, or the sender's)."""
    if not found or any(a.sector not in lex.state_sectors or a.role for a in found):
        return False
    tok = head
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in SEND_VERBS:
        return False
    senders = [h for h in subjects(tok.head) if h.i != head.i]
    if not senders:
        return False
    countries = {a.country for a in resolve_actors(lex, senders, ctx) if a.country}
    return bool(countries) and all(a.country is None or a.country in countries for a in found)


def resolve_actors(lex: Lexicon, heads: list[Token], ctx: ArticleContext) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for head in heads:
        found = tuple(place_actor(a, head, ctx) for a in ctx.actors.resolve(head))
        if head.dep_ in ("dobj", "conj") and own_units(lex, head, found, ctx):
            continue
        if not found:
            found = resolve_unplaced(lex, head, ctx)
        elif head.ent_type_ in ("GPE", "LOC", "FAC") and not any(a.country for a in found):
            found = resolve_unplaced(lex, head, ctx) or found
        elif all(a.country is None and a.sector for a in found):
            found = locate_group(lex, found, head, ctx)
        for actor in found:
            if actor not in out:
                out.append(actor)
    return tuple(out)


def locate_group(lex: Lexicon, group: tuple[Actor, ...], head: Token, ctx: ArticleContext) -> tuple[Actor, ...]:
    """A group with no country of its own takes the country of the place its own phrase
    puts it in: "refugees fleeing the war in Liberia" (LBR CVL), "migrants from Syria";
    one actor per country ("refugees in Jordan and Lebanon"). A group given by examples
    is its examples: "donors such as Japan and Germany"."""
    examples = resolve_actors(lex, example_objects(head), ctx)
    if examples:
        return examples
    countries: list[str] = []
    for place in place_objects(head):
        if place.ent_type_ not in ("GPE", "LOC", "ORG", "NORP"):
            continue
        for actor in resolve_actors(lex, [place], ctx):
            if actor.country and actor.country not in countries:
                countries.append(actor.country)
    if not countries:
        return group
    return tuple(replace(a, country=c, code=actor_code(c, a.sector)) for a in group for c in countries)


def place_actor(actor: Actor, head: Token, ctx: ArticleContext) -> Actor:
    """A bare name the knowledge base could not place may be a town: "the attack on Odesa".
    Only as the object of a preposition: a subject named "Obama" is no Japanese city."""
    if head.dep_ != "pobj" and not (head.dep_ in ("dobj", "nsubjpass") and head.ent_type_ in ("GPE", "LOC", "FAC")):
        return actor
    return as_town(actor, ctx)


def as_town(actor: Actor, ctx: ArticleContext) -> Actor:
    """An actor with nothing known about it, read as a town name if the gazetteer has one."""
    if actor.country or actor.sector or actor.role:
        return actor
    place = ctx.places.lookup(actor.text or actor.name)
    if place is None or not place.country:
        return actor
    return replace(actor, country=place.country, code=place.country)


def resolve_unplaced(lex: Lexicon, head: Token, ctx: ArticleContext) -> tuple[Actor, ...]:
    """Heads the knowledge base cannot place: "thousands of farmers", a city ("Odesa")."""
    of = [p for p in prep_objects(head, "of")]
    if of and head.pos_ in ("NUM", "NOUN") and head.lemma_.lower() not in lex.nouns:
        return ctx.actors.resolve(of[0])
    if head.ent_type_ in ("GPE", "LOC", "FAC"):
        place = ctx.places.lookup(head.text)
        if place is not None and place.country:
            return (Actor(name=country_name(place.country), country=place.country, text=head.text, code=place.country),)
        # a region named with its state's adjective: "Iraqi Kurdistan", "Indian Kashmir"
        owners = [a for m in children(head, "amod", "compound") if m.i < head.i for a in ctx.actors.resolve(m)]
        states = [a for a in owners if a.country and not a.sector]
        if states:
            return tuple(replace(a, text=head.text) for a in states)
    return resolve_actors(lex, example_objects(head), ctx)  # "valued partners like Saudi Arabia"


def own_side(lex: Lexicon, recipient: Actor, actors: tuple[Actor, ...]) -> bool:
    """Is a recipient one of the actors themselves ("Syria offered its troops": Syria's own)?

    The same state is itself only on the same side of the state/society line: a
    government acting on its own opposition or citizens is a real dyad (UGAGOV → UGAOPP,
    "Nepal's government accepted the protesters' demands")."""
    state = lex.state_sectors
    official = recipient.sector is None or recipient.sector in state
    for a in actors:
        if (a.sector is None or a.sector in state) != official:
            continue
        if a.name == recipient.name:
            return True
        if recipient.sector is None and recipient.country and recipient.country == a.country:
            return True  # "Trump threatened to pull US funding": his own state
    return False


def recipient_fallback(lex: Lexicon, cand: Candidate, ctx: ArticleContext, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Whom the act concerns when no argument names anyone but the ``actors`` themselves.

    Looked for nearest first, the first place that names a country winning:
    1. the object of an infinitive of purpose ("donated ventilators to assist Ethiopia")
       or the addressee of a message ("sent a letter to the WHO threatening ...");
    2. a group that is itself the event's object ("will not accept Syrian refugees");
    3. the owner or target of what was acted on: "raided the offices of the BBC",
       "lifted a ban imposed on Chadian citizens", "lifted its blockade of Yemen";
    4. one step further: "lift embargoes on sales | to Iran".
    A group with no country ("paratroopers") is taken only if nothing better turns up.
    """
    nominal = cand.trigger != cand.anchor and cand.trigger.pos_ in ("NOUN", "PROPN")
    objs = [c for o in cand.recipient_heads if o.pos_ in ("NOUN", "PROPN") or o.ent_type_ == "MONEY" for c in coordinated(o)]
    if nominal:
        objs.append(cand.trigger)
    direct = clause_objects(cand.anchor) + addressee_of_message(cand.anchor)
    # "threatened to use force against South Korea": the target of the infinitive's act
    direct += [o for x in children(cand.anchor, "xcomp") for p in ("against", "upon") for o in prep_objects(x, p)]
    # "pledged to invest $10 billion in Pakistan's economy": where a sum goes
    direct += [
        o
        for x in children(cand.anchor, "xcomp")
        if any(d.ent_type_ == "MONEY" for d in children(x, "dobj"))
        for o in prep_objects(x, "in")
    ]
    levels: list[tuple[list[Token], bool]] = [(direct, True)]
    if nominal and cand.trigger.dep_ in ("dobj", "nsubjpass"):
        levels.append(([cand.trigger], False))
    seen = set(objs + direct)
    frontier = objs + direct
    for _ in range(2):
        # a sum is "in" what it is given as: "pledged $300 million in loans to Ghana",
        # "to invest $10 billion in Pakistan's economy"
        frontier = [
            t
            for o in frontier
            for t in attached_targets(o) + (prep_objects(o, "in") if o.ent_type_ == "MONEY" else [])
            if t not in seen
        ]
        seen.update(frontier)
        levels.append((frontier, True))
    unplaced: tuple[Actor, ...] = ()
    for heads, unplaced_ok in levels:
        found = tuple(a for a in resolve_actors(lex, heads, ctx) if not own_side(lex, a, actors))
        if any(a.country for a in found):
            return found
        if unplaced_ok and not unplaced:
            unplaced = found
    if not unplaced:
        located = affected_place(lex, cand, objs, ctx, actors)
        if located:
            return located
    return unplaced


def affected_place(
    lex: Lexicon, cand: Candidate, objs: list[Token], ctx: ArticleContext, actors: tuple[Actor, ...]
) -> tuple[Actor, ...]:
    """The country an act's affected people or things are in, when nothing else names
    whom it concerns: "struck targets in southern Lebanon", "sent aid to earthquake
    survivors in Turkey", "demanded democratic reforms in Georgia" (the parser may hang
    the "in" on the verb). Only a country by name (a city is the venue as often as not:
    "talks in Geneva"), only for one-sided acts with an affected object that names no
    one, and never for a meeting's venue."""
    if cand.reciprocal or cand.entry.reciprocal or not objs:
        return ()
    for o in objs:
        entry = lex.nouns.get(noun_key(lex, o))
        if entry is not None and entry.type == "CONSULT":
            return ()  # "called for talks in Geneva"
    places = [p for o in objs for p in place_objects(o)]
    places += [c for p in children(cand.anchor, "prep") if p.lower_ == "in" for o in children(p, "pobj") for c in coordinated(o)]
    out: list[Actor] = []
    for place in places:
        if place.pos_ != "PROPN":
            continue
        for a in ctx.actors.resolve(place):
            if a.country and a.country not in ("IGO", "NGO") and not a.sector and not a.role and not own_side(lex, a, actors):
                if a not in out:
                    out.append(a)
    return tuple(out)


def crowd_of_place(lex: Lexicon, cand: Candidate, ctx: ArticleContext) -> tuple[Actor, ...]:
    """"Protests broke out in Nairobi", "rioting erupted in Dhaka": a protest with no one
    named is a crowd of that place's civilians (PLOVER PROTEST: civilians act
    collectively), as "Kenyan protesters" would be."""
    places = prep_objects(cand.trigger, "in") + prep_objects(cand.anchor, "in")
    out: list[Actor] = []
    for place in places:
        if place.ent_type_ not in ("GPE", "LOC"):
            continue
        found = resolve_actors(lex, [place], ctx)
        for c in {a.country for a in found if a.country and a.country not in ("IGO", "NGO")}:
            actor = Actor(name=f"{country_name(c)} civilians", country=c, sector="CVL", text=cand.trigger.text, code=actor_code(c, "CVL"))
            if actor not in out:
                out.append(actor)
    return tuple(out)


def has_group_recipient(lex: Lexicon, cand: Candidate) -> bool:
    return any(h.lemma_.lower() in lex.group_nouns for h in cand.recipient_heads)


def subjects(verb: Token) -> list[Token]:
    """Who does ``verb``: its subject (``subject_heads``), also where that subject reaches an
    infinitive through a schedule, copula or passive frame. "Macron is due to meet Merz",
    "France is about to restore ties", "Russia is likely to attack": the subject of "be
    due/about/likely/ready to" is the infinitive's subject; "Germany is set to impose",
    "Iran is expected to release", "Iran was urged by France to release": the passive
    subject of the governing verb is (never the agent "by France"). Coordinated infinitives
    share it ("is due to meet Merz and sign a treaty"). A gerund after "of", "for", "from",
    "against" is done by the governing verb's named object: "condemned Pakistan for
    attacking Indian posts", "accused Russia of shelling", "stopped Iran from enriching"."""
    cur = verb
    while cur.dep_ == "conj" and cur.head != cur and first_child(cur, "nsubj", "nsubjpass", "csubj") is None:
        cur = cur.head
    if cur.dep_ == "pcomp" and cur.tag_ == "VBG" and cur.head.lower_ in OBJECT_PREPS and cur.head.dep_ == "prep":
        obj = first_child(cur.head.head, "dobj")
        if cur.head.head.pos_ == "VERB" and obj is not None and (
            obj.pos_ == "PROPN" or obj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
        ):
            return [obj]
    cur = verb
    for _ in range(4):
        while cur.dep_ == "conj" and cur.head != cur and first_child(cur, "nsubj", "nsubjpass", "csubj") is None:
            cur = cur.head
        if cur.dep_ != "xcomp" or first_child(cur, "nsubj", "nsubjpass", "csubj") is not None:
            break
        gov = cur.head
        framed = gov.dep_ == "acomp" or is_passive(gov)
        if gov.dep_ == "acomp":
            if gov.lemma_.lower() in TOUGH_ADJECTIVES:
                break
            gov = gov.head  # "is due to": the adjective's clause
        if gov.lemma_ in OBJECT_CONTROL and first_child(gov, "dobj") is None:
            urged = prep_objects(gov, "on") + prep_objects(gov, "upon")
            if urged:
                return urged  # "called on Iran to release"
        subj = first_child(gov, "nsubj", "nsubjpass")
        if subj is not None:
            if not framed:
                break  # ordinary control ("wants to meet"): subject_heads knows it
            if subj.lower_ in RELATIVE_PRONOUNS and gov.dep_ == "relcl":
                return [gov.head]  # "leaders who are due to meet"
            return [subj]
        cur = gov  # "is expected to begin withdrawing": on up
    return subject_heads(verb)


def speech_governor(lex: Lexicon, tok: Token) -> Token | None:
    """The reporting verb above a predicate ("X said [Y attacked]") if there is one."""
    cur, steps = tok, 0
    while cur.head != cur and steps < 6:
        if cur.dep_ in ("ccomp", "parataxis", "advcl", "xcomp", "conj") and cur.head.lemma_ in lex.speech:
            return cur.head
        cur, steps = cur.head, steps + 1
    return None


def speaker_heads(frame_tok: Token | None, verb: Token) -> list[Token]:
    """Who framed the event: the possessor of "their readiness", else the clause's subject."""
    if frame_tok is not None:
        poss = first_child(frame_tok, "poss")
        if poss is not None and poss.pos_ != "PRON":
            return [poss]
    return subjects(verb)


@lru_cache(maxsize=512)
def country_name(iso3: str) -> str:
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or (country.name if country else iso3)


def most_specific(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Drop a bare country when the list already holds someone more specific from it."""
    specific = {a.country for a in actors if a.sector or a.role}
    return tuple(a for a in actors if a.sector or a.role or a.country not in specific)


def with_sector(actor: Actor, sector: str) -> Actor:
    if actor.sector or actor.country in (None, "IGO", "NGO"):
        return actor
    return replace(actor, sector=sector, code=f"{actor.country}{sector}")
