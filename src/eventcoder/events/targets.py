"""Whether an act is real political action: literal versus figurative targets ("attacked
the goal", "an embargo on the report"), abstract aims, non-political actors (weather,
animals, game teams), private disputes among firms, media and schools, and military-only
senses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventcoder.events.arguments import NAMED_ENTS, TIME_ENTS
from eventcoder.events.lexicon import Lexicon, Trigger, noun_key
from eventcoder.model import Actor
from eventcoder.nlp.syntax import children, prep_objects

if TYPE_CHECKING:
    from eventcoder.events.coder import Candidate

# Weapons launched into open water hit no one: a demonstration of capability (PLOVER MOBILIZE
# "weapons": posturing that falls short of the use of force), not an ASSAULT. (Firing into
# the air stays ASSAULT: PLOVER counts it as crowd control.)
OPEN_WATER = frozenset({"sea", "ocean", "water", "waters"})

# Forums where "ambushed the minister" or "bombarded him" is pressing with words (``literal_target``).
FORUM_NOUNS = frozenset({"hearing", "press_conference", "briefing", "interview", "debate", "question_time", "committee", "conference"})

# Types a private dispute among firms, media or schools is not (``private_dispute``).
PRIVATE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "REJECT", "SANCTION"})


def nonpolitical_actor(lex: Lexicon, head: Token) -> bool:
    """A subject that is no PLOVER actor: weather, animals, diseases, products
    ("Hailstones bombarded the village"), a contest's judges ("the talent show judges"),
    or a team playing a game ("the Korean team raided the enemy base ... of the match")."""
    lex = lex
    if head.ent_type_ in NAMED_ENTS and head.pos_ == "PROPN":
        return False
    if head.lemma_.lower() in lex.nonpolitical_actors or noun_key(lex, head) in lex.nonpolitical_actors:
        return True
    if any(c.lemma_.lower() in lex.leisure_words for c in children(head, "compound")):
        return True
    return head.lemma_.lower() in lex.game_actors and any(
        t.pos_ == "NOUN" and t.lemma_.lower() in lex.leisure_words for t in head.sent
    )


def private_dispute(lex: Lexicon, entry: Trigger, actors: tuple[Actor, ...], recipients: tuple[Actor, ...]) -> bool:
    """Force, threats, sanctions and rejections among firms, media and schools, with no
    country, state or political group on either side: "the bank imposed a freeze on
    hiring", "the editor rejected the photographs", "the retailer boycotted the fair"."""
    if entry.type not in PRIVATE_TYPES and not (entry.type == "PROTEST" and entry.mode == "boycott"):
        return False
    private = lex.private_sectors
    if not actors or not all(a.country is None and a.sector in private for a in actors):
        return False
    if not recipients and any(a.sector not in ("BUS", "MED") for a in actors):
        # "Teachers will not end the strike": a school's staff with no named counterpart
        # may be a union facing the state; a teacher and a pupil are private
        return False
    return all(r.country is None and (r.sector in private or r.sector in (None, "CVL")) for r in recipients)


def into_open_water(cand: Candidate) -> bool:
    """"fired missiles into the sea": projectiles aimed at open water hit no one."""
    places = [o for tok in {cand.anchor, cand.trigger} for p in ("into", "in") for o in prep_objects(tok, p)]
    aimed = [
        o
        for tok in {cand.anchor, cand.trigger}
        for p in ("at", "on", "upon", "against")
        for o in prep_objects(tok, p)
        if o.ent_type_ not in TIME_ENTS
    ]
    return not aimed and any(o.lemma_.lower() in OPEN_WATER for o in places)


def abstract_aim(lex: Lexicon, cand: Candidate) -> bool:
    """An attack noun aimed at an idea and at nothing one can hit: "launched an offensive
    on social media against fake news"."""
    aims = [o for t in (cand.trigger, cand.anchor) for p in ("against", "on", "upon") for o in prep_objects(t, p) if o.ent_type_ not in TIME_ENTS]
    figurative = lex.abstract_targets | lex.figurative_targets
    return any(o.lemma_.lower() in figurative or noun_key(lex, o) in figurative for o in aims) and not any(
        o.ent_type_ in NAMED_ENTS or o.ent_type_ in ("NORP", "PERSON") or o.lemma_.lower() in lex.physical_targets for o in aims
    )


def held_aim(cand: Candidate) -> bool:
    """The attack's aim is someone's ("an attack on the government's budget")."""
    aims = [o for t in (cand.trigger, cand.anchor) for p in ("against", "on", "upon") for o in prep_objects(t, p)]
    return any(c.dep_ == "poss" for o in aims for c in o.children)


def military_sense(entry: Trigger) -> bool:
    """Triggers whose only sense is military movement: invasion, retreat, withdrawal
    from positions (CAMEO 087x) -- never something a business does."""
    return (entry.type in ("ASSAULT", "RETREAT") and "military" in entry.context) or (
        entry.type == "RETREAT" and (entry.cameo or "").startswith("087")
    )


def abstract_object(lex: Lexicon, cand: Candidate) -> bool:
    return any(o.lemma_.lower() in lex.abstract_targets for o in children(cand.anchor, "dobj"))


def physical_object(lex: Lexicon, cand: Candidate) -> bool:
    """Violence needs a real target: "attacked the goal" is a figure of speech."""
    objs = [o for o in cand.recipient_heads if o != cand.trigger]
    if any(o.lemma_.lower() in lex.abstract_targets for o in objs):
        return False  # "fight the pandemic", "fighting extradition"
    if not objs:
        return not any(c.dep_ == "dobj" and c != cand.trigger for c in cand.anchor.children)
    return any(o.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG", "PERSON") or o.lemma_.lower() in lex.physical_targets for o in objs)


def literal_target(lex: Lexicon, cand: Candidate, kind: str) -> bool:
    """A force-like trigger whose literal sense needs a target (lexicon ``target:``): a
    siege, raid, blockade, seizure, hostage-taking or embargo aimed at a figure of speech
    is no event. ``concrete``: anything but an idea or a figurative target ("an embargo on
    the report", "seized the initiative"); ``physical``: also not a common noun that names
    no place, thing or people one could besiege ("besieged the board"), nor pressing with
    words ("with demands") or poaching people ("raided a rival firm for staff")."""
    lex = lex
    heads = {cand.trigger, cand.anchor}
    withs = [o for t in heads for o in prep_objects(t, "with")]
    fors = [o for t in heads for o in prep_objects(t, "for")]
    if any(noun_key(lex, o) in lex.recruit_nouns or o.lemma_.lower() in lex.recruit_nouns for o in fors):
        return False
    objs = [o for o in cand.recipient_heads if o not in heads and o not in fors and o.ent_type_ not in TIME_ENTS]
    objs += [o for t in heads for o in children(t, "dobj") if o not in heads and o not in objs]
    objs += [
        o for t in heads for p in ("on", "upon", "against", "to") for o in prep_objects(t, p)
        if o not in objs and o.ent_type_ not in TIME_ENTS
    ]
    objs += [o for o in children(cand.trigger, "compound") if o not in objs]  # "held the economy hostage"
    figurative = lex.abstract_targets | lex.figurative_targets
    if any(noun_key(lex, o) in figurative or o.lemma_.lower() in figurative for o in objs if o.ent_type_ not in NAMED_ENTS):
        return False
    if kind != "physical":
        return True
    if any(o.lemma_.lower() in lex.pressure_nouns for o in withs):
        return False
    if any(noun_key(lex, o) in FORUM_NOUNS or o.lemma_.lower() in FORUM_NOUNS for t in heads for p in ("at", "during") for o in prep_objects(t, p)):
        return False  # "ambushed the minister at the hearing": pressing with words
    return True
