"""From a parsed sentence to PLOVER events: triggers, arguments, modality, frames.

The coder is a lexicon over the dependency parse, so every event can be explained by
the words that triggered it (``Event.trigger``) and the sentence that proves it:
1. find *candidates*: lexicon verbs ("criticised"), phrasal verbs ("called on"), light
   verbs with an event noun ("conducted a patrol"), nominal events in a clause
   ("in the phone conversation between A and B");
2. attach actor and recipient through the parse (subject, object, passives, control);
3. read modality (negation, conditionals, intentions, exhortations, habits);
4. turn framed predicates into what the speaker did ("is willing to work with Russia"
   → AGREE; "stressed the need to oppose US moves" → ACCUSE) and critical reported
   statements into ACCUSE;
5. resolve actors, date and place, and fill in CAMEO, Goldstein and QuadClass.

This module orchestrates those steps (candidates → events). The pure helpers live beside it:
``arguments`` (actor/recipient heads, actor resolution, recipient fallbacks), ``timing``
(historical scenes, inherited dates, the main clause) and ``targets`` (literal/figurative
targets, non-political actors, private disputes); ``lexicon.noun_key`` gives a noun's key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from eventcoder.actors.resolver import ArticleActors
from eventcoder.dates.resolver import ResolvedDate, resolve_event_date
from eventcoder.events.arguments import (
    NAMED_ENTS,
    TIME_ENTS,
    as_town,
    crowd_of_place,
    has_group_recipient,
    most_specific,
    own_side,
    recipient_fallback,
    resolve_actors,
    speaker_heads,
    speech_governor,
    subjects,
    with_sector,
)
from eventcoder.events.lexicon import Lexicon, Trigger, noun_key
from eventcoder.events.modality import Modality, denies_report, modality
from eventcoder.events.ontology import Ontology
from eventcoder.events.targets import (
    abstract_aim,
    abstract_object,
    held_aim,
    into_open_water,
    literal_target,
    military_sense,
    nonpolitical_actor,
    physical_object,
    private_dispute,
)
from eventcoder.events.timing import dating_scene, historical_scene, inherited_date, main_clause
from eventcoder.nlp.syntax import (
    agent_heads,
    children,
    clause_verb,
    first_child,
    governors,
    is_passive,
    OBJECT_CONTROL,
    prep_objects,
    subject_heads,
)
from eventcoder.model import Actor, CleanArticle, Event, Sentence
from eventcoder.places.resolver import PlaceResolver

RECIPIENT_PREPS = ("on", "against", "with", "to", "toward", "towards", "at", "into", "upon", "from", "for", "around", "near")
NOMINAL_PREPS = frozenset({"in", "during", "at", "for", "on"})
PARTICIPANT_PREPS = ("between", "with", "to")
# Verbs whose subject noun is thereby reported as having happened: "the talks took place",
# "the arrest of a journalist prompted a protest".
OCCUR_VERBS = frozenset(
    {"take", "occur", "begin", "start", "erupt", "break", "end", "continue", "resume", "last",
     "prompt", "spark", "trigger", "cause", "provoke", "draw", "follow", "come", "leave", "kill", "wound"}
)
# Verbs that say only that someone answered, not what they did: their "by + gerund" is the
# event ("retaliated by attacking Indian posts").
RESPONSE_VERBS = frozenset({"retaliate", "respond", "react", "reply", "answer", "counter"})
# CAMEO "mediate": the parties "between" whom one mediates are its recipients, not co-actors.
MEDIATION = "045"
JOINT_WORDS = frozenset({"joint", "bilateral", "mutual", "trilateral", "multilateral"})
VERBAL_CONFLICT = frozenset({"ACCUSE", "REJECT"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
MONEY_AID = Trigger(type="AID", context=("economic",), cameo="071")
CURRENCIES = frozenset({"dollar", "euro", "pound", "yen", "yuan", "rupee", "franc", "krone", "kroner", "riyal", "dirham", "rouble", "ruble", "shekel"})
# Verbs that carry on an act named by their object: "continued military aid to Mozambique"
# is aid to Mozambique, with the verb's subject as donor (a light verb for that purpose).
ASPECT_VERBS = frozenset({"continue"})
ASPECT_LIGHT = Trigger(light=True)
# Verbs of using and holding whose "as" phrase names the act done to their object:
# "used civilians as human shields", "held aid workers as hostages".
AS_VERBS = frozenset({"use", "hold", "keep", "take", "seize", "detain", "capture"})
# Weapons fired into open water (``targets.into_open_water``) are a show of capability.
LAUNCH = Trigger(type="MOBILIZE", mode="weapons", context=("military",), cameo="150")
# Types whose event noun names its target with "of": "the arrest of a journalist".
PATIENT_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION", "RETREAT", "CONCEDE"})
# Types whose passive subject is the actor, not the target.
SELF_ACTING = frozenset({"MOBILIZE", "PROTEST"})
# Types whose content is another predicate: "pledged to help", "warned it would strike".
FRAMING_TYPES = frozenset({"AGREE", "THREATEN", "REQUEST", "REJECT"})
POLICE_WORDS = frozenset({"police", "gendarmerie", "policeman", "officer"})
# "ordered X to leave": an expulsion
LEAVE_VERBS = frozenset({"leave", "depart", "quit", "exit"})
# Verbs that declare an act rather than carry it out: a declared ceasefire or withdrawal is
# a CONCEDE (PLOVER: "declarations (but not implementations) of ceasefires and withdrawals").
DECLARING_VERBS = frozenset({"declare", "announce", "proclaim"})
# What is refused when one declines to comment is no act: CAMEO 011 "decline comment" is a
# neutral statement, no REJECT ("The Kremlin declined to comment on the report").
COMMENT_WORDS = frozenset({"comment", "elaborate", "speculate", "confirm", "say", "answer", "respond", "discuss", "disclose", "reveal", "specify", "detail", "interview"})
# A threat's mode is what is threatened: "threatened to attack" (violence), "to sever
# relations" (relations), "to expel" (expel), "to arrest" (arrest).
THREAT_MODES = {("ASSAULT", None): "violence", ("SANCTION", "withdraw"): "relations", ("SANCTION", "expel"): "expel", ("COERCE", "arrest"): "arrest", ("COERCE", "restrict"): "restrict"}
# A request's mode is what is asked for: help or money (assist), a release or a retreat
# (yield), a meeting (meet).
REQUEST_MODES = {"AID": "assist", "COOPERATE": "assist", "RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet"}
# Nouns of violence that name no event word the lexicon lists as such ("military action").
# Verbs of going whose "for talks" / "on a visit" names the journey's purpose: "flew to
# Cairo for consultations", "arrived in Beijing on a two-day visit", "sat down for talks".
MOTION_VERBS = frozenset({"travel", "fly", "arrive", "head", "come", "go", "land", "journey", "jet", "sit", "return"})
VISIT = Trigger(type="CONSULT", mode="visit", cameo="042")
# Welcoming or receiving a "visiting" official is hosting a visit (CONSULT visit, the
# visitor as actor): "welcomed the visiting Japanese foreign minister".
HOSTING_VERBS = frozenset({"welcome", "greet", "receive"})
HOST = Trigger(type="CONSULT", mode="visit", cameo="042", swap=True)
# A vow or pledge to do violence to someone is a threat: "vowed to crush any provocation".
VOW_VERBS = frozenset({"vow", "pledge", "promise", "swear"})
CRUSH_VERBS = frozenset({"crush", "annihilate", "obliterate", "wipe", "destroy", "smash", "eliminate", "exterminate", "punish", "retaliate", "avenge", "flatten", "raze"})
VOWED_FORCE = Trigger(type="THREATEN", mode="violence", cameo="138")
# "stripped 94 dissidents of their citizenship": what is taken is in the "of" phrase.
STRIPPED_OF = frozenset({"citizenship", "nationality", "passport", "immunity", "residency"})
STRIP = Trigger(type="COERCE", mode="restrict", cameo="170")
# "raised its alert level": a military raising its level of alert or readiness mobilises;
# a "terror alert level" raised by a ministry is civil.
ALERT_WORDS = frozenset({"alert", "readiness", "combat", "defcon"})
MILITARY_HEADS = frozenset({"military", "army", "navy", "force", "troop", "command", "airforce"})
ALERT = Trigger(type="MOBILIZE", mode="troops", cameo="152")
MONEY_WORDS = frozenset({"loan", "aid", "help", "assistance", "funding", "bailout", "credit", "grant", "support"})
VIOLENT_ACTS = frozenset({"force", "action", "strike", "attack", "war", "retaliation", "retribution", "response", "revenge", "invasion", "violence"})


@dataclass
class Candidate:
    """A predicate that may become an event (internal, mutable while being assembled)."""

    trigger: Token
    """The event word: the verb, or the event noun of a light verb or nominal event."""
    anchor: Token
    """The clause verb that carries subject, tense and date (== trigger for plain verbs)."""
    entry: Trigger
    actor_heads: list[Token] = field(default_factory=list)
    recipient_heads: list[Token] = field(default_factory=list)
    reciprocal: bool = False
    mod: Modality = field(default_factory=Modality)
    derived_from: str = ""
    acts_on_noun: bool = False
    """The verb does something to the event its object names ("cancelled a planned
    meeting", "lifted the proposed sanctions"): the verb's modality is the event's."""
    addressee_heads: list[Token] = field(default_factory=list)
    """For an exhortation: who is urged to act ("Israel must end attacks": Israel)."""
    content_target: bool = False
    """The recipients are the target of the framed content ("agreed to lift tariffs on US
    goods"), not partners of a reciprocal predicate, so they stay recipients."""


@dataclass(frozen=True)
class ArticleContext:
    """What the coder needs to know about the article a sentence belongs to."""

    clean: CleanArticle
    actors: ArticleActors
    places: PlaceResolver

    @property
    def article_id(self) -> str:
        return self.clean.article.id


class EventCoder:
    """Codes sentences into events; one instance is shared by all articles."""

    def __init__(self, lexicon: Lexicon, ontology: Ontology) -> None:
        self.lex = lexicon
        self.onto = ontology
        self._valid_contexts = frozenset(ontology.contexts)

    # ----------------------------------------------------------------- candidates
    def noun_key(self, tok: Token) -> str:
        """The lexicon key of a noun, trying multi-word phrases first ("phone conversation")."""
        return noun_key(self.lex, tok)

    def candidates(self, sent: Span) -> list[Candidate]:
        found: list[Candidate] = []
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
                cand = self._verb_candidate(tok)
                if cand is not None:
                    found.append(cand)
                    consumed.add(cand.trigger.i)
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed:
                cand = self._noun_candidate(tok)
                if cand is not None:
                    found.append(cand)
        return found

    def verb_entry(self, verb: Token) -> Trigger | None:
        """The lexicon entry of a verb; also tries the word's own stem, as the small
        model's lemmatiser sometimes errs ("staged" → "stag")."""
        verbs = self.lex.verbs
        entry = verbs.get(verb.lemma_.lower())
        if entry is not None:
            return entry
        word = verb.lower_
        for suffix, repl in (("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
            if word.endswith(suffix) and (stem := word[: len(word) - len(suffix)] + repl) in verbs:
                return verbs[stem]
        return None

    def _verb_candidate(self, verb: Token) -> Candidate | None:
        verdict = self._found_guilty(verb)
        if verdict is not None:
            return verdict
        entry = self.verb_entry(verb)
        if entry is None and verb.lemma_.lower() in ASPECT_VERBS:
            entry = ASPECT_LIGHT
        if entry is None or (entry.light and entry.type is None):
            if verb.lemma_.lower() in self.lex.money_verbs and self._gives_money(verb):
                # "gave 352.5 million euros to Ethiopia": a sum handed over is aid
                cand = Candidate(trigger=verb, anchor=verb, entry=MONEY_AID)
                self._verb_arguments(cand, None)
                return cand
        held = self._held_as(verb)
        if held is not None:
            return held
        if entry is None:
            special = self._respecified(verb, first_child(verb, "dobj"), None)
            if special is None:
                return None
            cand = Candidate(trigger=verb, anchor=verb, entry=special)
            self._verb_arguments(cand, None)
            return cand
        chosen = entry
        matched_prep: str | None = None
        if entry.preps:
            for c in verb.children:
                # a particle the small model tags as an adverb counts too: "stepped down"
                particle = c.dep_ == "advmod" and c.i > verb.i and c.pos_ in ("ADV", "ADP")
                if (c.dep_ in ("prep", "prt", "agent", "dative") or particle) and c.lower_ in entry.preps:
                    pobjs = list(children(c, "pobj"))
                    if pobjs and all(o.ent_type_ in TIME_ENTS for o in pobjs):
                        continue  # "called Morrison on Wednesday", "fired Comey on Tuesday": a date is no "call on"
                    sub = entry.preps[c.lower_]
                    if sub is None:
                        return None
                    chosen, matched_prep = entry.merged(sub), c.lower_
                    break
        # a phrasal verb is an event of its own, whatever its verb alone is: "stepped down"
        # (light "step"), so the verb stays the trigger
        phrasal = matched_prep is not None and chosen.type is not None
        if entry.light and entry.type is None and verb.lemma_.lower() in OBJECT_CONTROL and first_child(verb, "xcomp") is not None:
            return self._ordered_out(verb)  # "troops were ordered not to fire": the troops are told to act, they are no event
        obj = first_child(verb, "dobj") or (first_child(verb, "nsubjpass") if is_passive(verb) else None)
        listed = obj is not None and obj.pos_ in ("NOUN", "PROPN") and noun_key(self.lex, obj) in entry.objects
        if entry.requires_prep and matched_prep is None and not listed:
            # (an object the entry lists is as specific as a preposition: "fired missiles")
            return None
        trigger: Token | None = verb
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            key = noun_key(self.lex, obj)
            if key in entry.objects:
                sub = entry.objects[key]
                if sub is None:
                    return None
                chosen, trigger = entry.merged(sub), obj
            elif entry.light and not phrasal and key in self.lex.nouns:
                noun_entry = self.lex.nouns[key]
                if noun_entry is None:
                    return None
                chosen, trigger = noun_entry, obj
            elif entry.light and entry.type is None and not phrasal:
                trigger = self._particle_noun(verb)
        elif entry.requires_object:
            return None
        elif entry.light and entry.type is None and not phrasal:
            trigger = self._particle_noun(verb)
        if trigger is None:
            return None
        if trigger != verb and chosen is entry:
            chosen = self.lex.nouns[noun_key(self.lex, trigger)]
        if chosen.type is None or (chosen.type == "REJECT" and trigger == verb and denies_report(verb, self.lex)):
            return None  # (a rejected report is a denial: "rejected as fake news reports that")
        if chosen.type == "RETREAT" and trigger != verb and verb.lemma_.lower() in DECLARING_VERBS:
            # "declared a unilateral ceasefire", "announced the withdrawal": a declaration, not
            # the retreat carried out (PLOVER CONCEDE)
            chosen = replace(chosen, type="CONCEDE", mode=None)
        if chosen.type == "REJECT" and trigger == verb and self._declines_comment(verb):
            return None
        if trigger == verb:
            chosen = self._respecified(verb, obj, chosen)
        cand = Candidate(trigger=trigger, anchor=verb, entry=chosen, reciprocal=chosen.reciprocal)
        if trigger != verb and obj is trigger and noun_key(self.lex, obj) in entry.objects:
            own = self.lex.nouns.get(noun_key(self.lex, obj))
            cand.acts_on_noun = own is not None and own.type is not None and own.type != chosen.type
        self._verb_arguments(cand, matched_prep)
        return cand

    def _found_guilty(self, verb: Token) -> Candidate | None:
        """"found three men guilty of ...", "were found guilty": a verdict convicts (CAMEO 116
        via ``convict``); "found not guilty" acquits and is no sanction."""
        if verb.lemma_.lower() != "find" or (convict := self.lex.verbs.get("convict")) is None:
            return None
        for c in verb.children:
            if c.dep_ in ("ccomp", "oprd", "xcomp", "acomp") and c.lower_ == "guilty":
                if any(n.dep_ == "neg" for n in c.children) or any(n.dep_ == "neg" for n in verb.children):
                    return None
                cand = Candidate(trigger=verb, anchor=verb, entry=convict)
                self._verb_arguments(cand, None)
                convicted = [s for s in children(c, "nsubj") if s not in cand.recipient_heads]
                cand.recipient_heads = convicted + cand.recipient_heads
                return cand
        return None

    def _ordered_out(self, verb: Token) -> Candidate | None:
        """"ordered the UN mission to leave the country": ordering others out is expelling
        them (CAMEO 166, PLOVER SANCTION expel). Not one's own people ("ordered its troops
        to leave" is a withdrawal, "told its citizens to leave" an evacuation)."""
        xcomp = first_child(verb, "xcomp")
        obj = first_child(verb, "dobj")
        expel = self.lex.verbs.get("expel")
        if (
            expel is None
            or xcomp is None
            or obj is None
            or xcomp.lemma_.lower() not in LEAVE_VERBS
            or any(c.dep_ == "poss" for c in obj.children)
            or any(c.dep_ == "neg" for c in xcomp.children)
        ):
            return None
        cand = Candidate(trigger=verb, anchor=verb, entry=expel)
        self._verb_arguments(cand, None)
        return cand

    def _respecified(self, verb: Token, obj: Token | None, chosen: Trigger | None) -> Trigger | None:
        """A verb whose complement or object names a more specific act than the verb alone:
        "welcomed the visiting minister" (hosting), "vowed to crush" (a threat), "stripped
        them of their citizenship" (coercion), "the military raised its alert level"."""
        lemma = verb.lemma_.lower()
        if lemma in HOSTING_VERBS and obj is not None and any(
            c.dep_ == "amod" and c.lower_ == "visiting" for c in obj.children
        ):
            return HOST
        if lemma in VOW_VERBS and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in CRUSH_VERBS and not any(n.dep_ == "neg" for n in c.children)
            for c in verb.children
        ):
            return VOWED_FORCE
        if lemma == "strip" and any(
            t.lemma_.lower() in STRIPPED_OF for o in [verb] + list(children(verb, "dobj", "nsubjpass")) for t in prep_objects(o, "of")
        ):
            return STRIP
        if lemma in ("raise", "heighten", "increase", "elevate") and obj is not None and (
            obj.lemma_.lower() in ALERT_WORDS
            or (obj.lemma_.lower() in ("level", "status", "state") and any(c.lemma_.lower() in ALERT_WORDS for c in obj.children))
        ):
            subj = subjects(verb)
            if any(h.lemma_.lower() in MILITARY_HEADS for h in subj):
                return ALERT
        return chosen

    @staticmethod
    def _declines_comment(verb: Token) -> bool:
        """"declined to comment", "refused comment": withholding a statement rejects nothing."""
        for c in verb.children:
            if c.dep_ == "xcomp" and c.lemma_.lower() in COMMENT_WORDS:
                return True
            if c.dep_ == "dobj" and c.lemma_.lower() in COMMENT_WORDS:
                return True
        return False

    def _held_as(self, verb: Token) -> Candidate | None:
        """What people are used or held *as* names what is done to them: "used civilians as
        human shields" (ASSAULT 184), "held two aid workers as hostages" (ASSAULT 181). Only
        verbs of using and holding, and only people or targets as their object ("took the
        remarks as an attack" is an opinion)."""
        if verb.lemma_.lower() not in AS_VERBS:
            return None
        obj = first_child(verb, "dobj") or (first_child(verb, "nsubjpass") if is_passive(verb) else None)
        if obj is None or not (
            obj.pos_ == "PRON"
            or obj.ent_type_ in ("PERSON", "NORP")
            or obj.lemma_.lower() in self.lex.physical_targets
            or any(c.dep_ == "nummod" or c.ent_type_ == "NORP" for c in obj.children)  # "three Italian engineers"
        ):
            return None
        for noun in prep_objects(verb, "as"):
            entry = self.lex.nouns.get(noun_key(self.lex, noun))
            if entry is not None and entry.type is not None:
                cand = Candidate(trigger=noun, anchor=verb, entry=entry, reciprocal=entry.reciprocal)
                self._verb_arguments(cand, None)
                if obj not in cand.recipient_heads:
                    cand.recipient_heads.append(obj)  # "civilians were used as human shields"
                return cand
        return None

    @staticmethod
    def _gives_money(verb: Token) -> bool:
        obj = first_child(verb, "dobj")
        # the small model often leaves "352.5 million euros" untagged: a counted currency is money too
        return obj is not None and any(
            t.ent_type_ == "MONEY" or (t.lemma_.lower() in CURRENCIES and any(c.dep_ == "nummod" for c in t.children))
            for t in obj.subtree
        )

    def _particle_noun(self, verb: Token) -> Token | None:
        """"went on strike", "put on high alert": the event noun is the object of a particle."""
        # "placed under house arrest": "under" only with verbs of placing ("came under fire"
        # is no act of the subject's)
        preps = ("on", "into", "in", "under") if verb.lemma_.lower() in ("place", "put", "keep") else ("on", "into", "in")
        for prep in preps:
            for pobj in prep_objects(verb, prep):
                if pobj.lemma_.lower() in ("state", "level", "footing") and (inner := prep_objects(pobj, "of")):
                    pobj = inner[0]  # "placed on the highest state of combat readiness"
                if self.lex.nouns.get(noun_key(self.lex, pobj)) is not None:
                    return pobj
        return None

    def _noun_candidate(self, noun: Token) -> Candidate | None:
        key = noun_key(self.lex, noun)
        entry = self.lex.nouns.get(key)
        if entry is None or entry.type is None:
            return None
        # A noun is an event of its own only where the text reports it as one: it "took
        # place", it has an agent ("the expulsion ... by Norway"), or it sets the scene of
        # the clause with its participants ("in the phone call between A and B").
        head = noun.head
        participants = prep_objects(noun, "between")
        patients = prep_objects(noun, "of")
        agents = agent_heads(noun) or prep_objects(noun, "by") or [a for p in patients for a in prep_objects(p, "by")]
        if not agents and noun.dep_ == "dobj" and head.lemma_ in OCCUR_VERBS:
            agents = prep_objects(noun, "from")  # "the arrest prompted a protest from Paris"
        occurs = noun.dep_ == "nsubj" and head.lemma_ in OCCUR_VERBS
        in_clause = noun.dep_ == "pobj" and head.lower_ in NOMINAL_PREPS and noun.tag_ != "NNS"
        has_party = any(prep_objects(noun, p) for p in PARTICIPANT_PREPS)
        if entry.type == "CONSULT" and noun.dep_ == "pobj" and head.lower_ in ("for", "on") and not agents:
            motion = self._motion_visit(noun, head.head, entry)
            if motion is not None:
                return motion
        if not (occurs or agents or (in_clause and has_party)):
            return None
        anchor = clause_verb(noun)
        cand = Candidate(trigger=noun, anchor=anchor, entry=entry)
        if participants and entry.cameo == MEDIATION:
            # "mediation between A and B": the mediator is the clause's subject, A and B the mediated
            cand.actor_heads = agents or list(children(noun, "poss")) or subjects(anchor)
            cand.recipient_heads = list(participants)
            return cand
        if participants:
            cand.actor_heads, cand.reciprocal = participants, True
        else:
            cand.actor_heads = agents or list(children(noun, "poss")) or [noun]
            cand.reciprocal = entry.reciprocal
            if in_clause and not agents and anchor != noun:
                # "arrived ... for a state visit to Kenya": the visitor is the clause's subject
                cand.actor_heads = cand.actor_heads + subjects(anchor)
        cand.recipient_heads = [t for p in RECIPIENT_PREPS for t in prep_objects(noun, p)]
        if entry.type in PATIENT_TYPES:
            cand.recipient_heads += patients  # "the expulsion of two Russian diplomats by Norway"
        return cand

    def _motion_visit(self, noun: Token, verb: Token, entry: Trigger) -> Candidate | None:
        """"travelled to Canberra for talks with X", "arrived in Beijing on a visit": the
        meeting noun hangs off a verb of going, whose subject meets. With a destination
        place it is a visit (CONSULT visit, the place's country as recipient). Only a
        political traveller counts ("fans arrived in Paris for the final")."""
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in MOTION_VERBS:
            return None
        if lemma == "sit" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
            return None
        subj = subjects(verb)
        if not subj or any(nonpolitical_actor(self.lex, h) for h in subj):
            return None
        dest = [t for p in ("to", "in") for t in prep_objects(verb, p) if t.ent_type_ in ("GPE", "LOC")]
        partners = [t for p in ("with", "to") for t in prep_objects(noun, p)]
        if dest or entry.mode == "visit":
            cand = Candidate(trigger=noun, anchor=verb, entry=VISIT)
            cand.actor_heads = list(subj)
            cand.recipient_heads = partners + dest
        else:
            cand = Candidate(trigger=noun, anchor=verb, entry=entry, reciprocal=True)
            cand.actor_heads = list(subj) + partners
        return cand

    def _verb_arguments(self, cand: Candidate, matched_prep: str | None) -> None:
        verb, noun = cand.anchor, cand.trigger
        if is_passive(verb) and cand.entry.type in SELF_ACTING:
            # "troops were deployed": the troops are who mobilised
            cand.actor_heads = agent_heads(verb) + list(children(verb, "nsubjpass"))
            cand.recipient_heads = [t for p in RECIPIENT_PREPS for t in prep_objects(verb, p)]
        elif is_passive(verb) and noun == verb:
            cand.actor_heads = agent_heads(verb)
            cand.recipient_heads = list(children(verb, "nsubjpass"))
        else:
            cand.actor_heads = subjects(verb)
            objs = [] if cand.entry.topic_object else [o for o in children(verb, "dobj", "dative") if o != noun]
            for subj in list(cand.actor_heads):
                if noun_key(self.lex, subj) in self.lex.nouns:
                    # "Saturday's missile attack on Odesa killed five": the attack's target counts;
                    # "a car bombing by the Islamic State killed 75": its agent acted
                    objs += [t for p in RECIPIENT_PREPS for t in prep_objects(subj, p)]
                    cand.actor_heads += prep_objects(subj, "by")
            # "mediate between Greece and Turkey": both sides are on the receiving end
            preps = ((matched_prep,) if matched_prep else ()) + RECIPIENT_PREPS + ("between",)
            if matched_prep != "at" and any(
                o.pos_ == "PROPN" or o.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for o in children(verb, "dobj")
            ):
                # "sued Russia at the ICJ", "met Putin at the Kremlin": with the party named as
                # object, "at" gives the venue, no second recipient
                preps = tuple(p for p in preps if p != "at")
            pobjs = [t for p in preps for t in prep_objects(verb, p)]
            # "broke off relations with the Netherlands", "called for sanctions against China":
            # the partner hangs off the object
            objects = list(children(verb, "dobj")) + (prep_objects(verb, matched_prep) if matched_prep else [])
            pobjs += [t for o in objects for p in PARTICIPANT_PREPS + ("on", "against") for t in prep_objects(o, p)]
            if noun != verb:
                pobjs += [t for p in RECIPIENT_PREPS for t in prep_objects(noun, p)]
                own = self.lex.nouns.get(noun_key(self.lex, noun))
                acted_on = (
                    own is not None
                    and cand.entry.type in ("REJECT", "SANCTION")
                    and own.type in ("CONSULT", "COOPERATE", "AGREE", "SUPPORT")
                )
                if (participants := prep_objects(noun, "between")) and (
                    cand.entry.cameo == MEDIATION or (own is not None and own.cameo == MEDIATION)
                ):
                    # "a mediation effort between A and B", "suspended its mediation between
                    # A and B": both are mediated, not mediators
                    objs += participants
                elif participants and acted_on:
                    objs += participants  # "cancelled the meeting between A and B": done to it
                elif participants:
                    cand.actor_heads, cand.reciprocal = cand.actor_heads + participants, True
                if any(c.lower_ in JOINT_WORDS for c in noun.children):
                    cand.reciprocal = True
                elif any(c.lower_ == "unilateral" for c in noun.children):
                    # "a unilateral ceasefire with the Taliban": one side acts, toward the other
                    cand.reciprocal = False
                    cand.entry = replace(cand.entry, reciprocal=False)
            # "offered on Monday to mediate": a date is never the other side
            cand.recipient_heads = [h for h in objs + pobjs if h.ent_type_ not in TIME_ENTS]

    # ----------------------------------------------------------------- the sentence
    def code_sentence(self, sent: Span, sentence: Sentence, ctx: ArticleContext) -> list[Event]:
        cands = self.candidates(sent)
        for cand in cands:
            cand.mod = modality(cand.anchor if cand.acts_on_noun else cand.trigger, cand.anchor, self.lex)
            if cand.mod.frame == "attempt" and self._attempt_counts(cand):
                # PLOVER ASSAULT "targeted": "(successful and attempted) assassinations";
                # CAMEO 185/186 likewise code the attempt ("tried to assassinate")
                cand.mod = replace(cand.mod, future=False, frame=None, frame_token=None)
        cands = [c for c in cands if not (c.mod.habitual or self._generic_present(c) or _means(c.anchor))]
        cands += self._framed(cands)
        cands += self._criticisms(sent, cands)
        # One event per (type, trigger, actors, factuality): when two readings of the same
        # words differ only in the recipient found, keep the better-informed one.
        best: dict[tuple, Event] = {}
        for cand in cands:
            event = self._event(cand, sent, sentence, ctx)
            if event is None:
                continue
            key = (event.type, event.event_id, _codes(event.actor), event.factual)
            same_words = best.get(key)
            if same_words is None or len(event.recipient) > len(same_words.recipient):
                best[key] = event
        events: list[Event] = []
        seen: set[tuple] = set()
        for event in best.values():
            key = (event.type, _codes(event.actor), _codes(event.recipient), event.factual)
            if key not in seen:
                seen.add(key)
                events.append(event)
        return events

    @staticmethod
    def _attempt_counts(cand: Candidate) -> bool:
        """Is an attempt at this act already the act? Only where the codebook says so: an
        attempted assassination (an attempted visit or attack in general is not coded)."""
        m = cand.mod
        return (
            cand.entry.type == "ASSAULT"
            and (cand.entry.mode in ("assassinate", "targeted") or (cand.entry.cameo or "").startswith(("185", "186")))
            and not (m.negated or m.hypothetical)
        )

    @staticmethod
    def _generic_present(cand: Candidate) -> bool:
        """"Armies withdraw in winter": a bare plural subject in the simple present states a habit.
        (Headline-style present with a definite subject, "the UN imposes sanctions", is news.)
        A simple present in a relative clause describes what its noun is like, not a happening:
        "US moves that sabotage multilateralism", "a law that bans rallies"."""
        verb = cand.anchor
        clause = verb.head if verb.dep_ == "conj" else verb
        if clause.dep_ == "relcl" and clause.tag_ in ("VBP", "VBZ") and verb.tag_ in ("VBP", "VBZ", "VB"):
            return True
        if verb.tag_ != "VBP":
            return False
        subj = first_child(cand.anchor, "nsubj")
        return subj is not None and subj.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod", "compound", "amod") for c in subj.children)

    def _framed(self, cands: list[Candidate]) -> list[Candidate]:
        """What a speaker did by intending, promising or urging an event (CAMEO 03 / 02 / 11)."""
        derived: list[Candidate] = []
        by_anchor = {c.anchor.i: c for c in cands}
        for cand in cands:
            framer = self._framer(cand, by_anchor)
            if framer is not None:
                # "warned that it would impose sanctions on Belarus": the threat is against
                # Belarus; "refused to lift the ban on Cypriot ships": the refusal concerns Cyprus
                self._inherit_target(framer, cand)
                if not cand.mod.negated:
                    self._content_kind(framer, cand)
            if cand.mod.negated:
                if cand.mod.future and cand.entry.type in COOPERATIVE and framer is None and cand.mod.frame not in ("attempt", "intent"):
                    # "will not lift the ban", "won't release the soldiers": a refusal, made now
                    # (a coded "refused to"/"rejected" above it is the refusal already; "sought to
                    # prevent X from releasing" and "plans to stop aid" are aims, no refusal)
                    entry = Trigger(type="REJECT", cameo="124" if cand.entry.type in ("CONCEDE", "RETREAT") else "120")
                    derived.append(replace(cand, entry=entry, mod=Modality(), derived_from="refusal"))
                continue
            if framer is not None:
                continue
            frame, ftok = cand.mod.frame, cand.mod.frame_token
            etype = cand.entry.type
            if frame is None:
                if cand.mod.future and not cand.mod.hypothetical and etype in COOPERATIVE:
                    # an announced future cooperation is a promise now (AGREE); an announced
                    # concession stays CONCEDE and an announced retreat is one (PLOVER: future
                    # CONCEDE and RETREAT "do not reduce to AGREE")
                    kind = "CONCEDE" if etype in ("RETREAT", "CONCEDE") else "AGREE"
                    entry = Trigger(type=kind, cameo="035" if kind == "CONCEDE" else "030", context=cand.entry.context)
                    derived.append(replace(cand, entry=entry, mod=Modality(), derived_from="future"))
                continue
            if frame not in ("intent", "hortative", "allegation"):
                continue  # attempts make no promise
            speaker_verb = clause_verb(ftok) if ftok is not None else speech_governor(self.lex, cand.anchor)
            if speaker_verb is None:
                continue
            speaker = speaker_heads(ftok, speaker_verb)
            if not speaker:
                continue
            if frame == "allegation":
                if etype in COOPERATIVE:
                    continue
                # "claimed that rebels attacked the village": alleging a hostile act accuses its doer
                entry = Trigger(type="ACCUSE", mode="allege", cameo="112", needs_recipient=True)
                recips = cand.actor_heads
            elif etype in ("CONCEDE", "RETREAT") and frame == "intent":
                # "is ready to withdraw", "plans to lift the curfew": an announced concession or
                # retreat is a CONCEDE (PLOVER), not a promise to cooperate
                entry = Trigger(type="CONCEDE", cameo="035", context=cand.entry.context)
                recips = cand.recipient_heads + cand.actor_heads
            elif etype in COOPERATIVE:
                # intending or urging cooperation is expressing intent to cooperate (CAMEO 03);
                # the partners are the event's other participants, minus the speaker. (Urging
                # others alone to act is a demand: see _demand_or_promise.)
                entry = Trigger(type="AGREE", cameo="030", context=cand.entry.context)
                recips = cand.recipient_heads + cand.actor_heads
            elif frame == "hortative" and etype in VERBAL_CONFLICT:
                # "stressed the need to oppose X" is itself opposing X
                entry = replace(cand.entry, needs_recipient=True)
                recips = cand.recipient_heads
            else:
                continue
            derived.append(
                Candidate(
                    trigger=ftok if ftok is not None else cand.trigger,
                    anchor=speaker_verb,
                    entry=entry,
                    actor_heads=speaker,
                    recipient_heads=list(recips),
                    mod=modality(speaker_verb, speaker_verb, self.lex),
                    derived_from=frame,
                    addressee_heads=list(cand.actor_heads) if frame == "hortative" else [],
                )
            )
        return derived

    @staticmethod
    def _content_kind(framer: Candidate, cand: Candidate) -> None:
        """What is promised, threatened or asked for decides the framing event:
        * a promised concession or retreat is a CONCEDE (PLOVER covers "the promise of future
          concessions"): "promised to ease the crackdown", "pledged to return the ships";
          (a reciprocal "agreed to" stays an agreement);
        * a threat takes its mode from the threatened act ("threatened to attack": violence);
        * a request takes its mode from the requested act ("urged Iran to release": yield)."""
        ftype, ctype = framer.entry.type, cand.entry.type
        if ftype == "AGREE" and ctype in ("CONCEDE", "RETREAT") and not (framer.reciprocal or framer.entry.reciprocal):
            framer.entry = Trigger(type="CONCEDE", cameo="035", context=framer.entry.context)
        elif ftype == "THREATEN" and framer.entry.mode is None:
            mode = THREAT_MODES.get((ctype, cand.entry.mode)) or THREAT_MODES.get((ctype, None))
            if mode:
                framer.entry = replace(framer.entry, mode=mode, cameo=None)
        elif ftype == "REQUEST" and framer.entry.mode is None and ctype in REQUEST_MODES:
            framer.entry = replace(framer.entry, mode=REQUEST_MODES[ctype])

    @staticmethod
    def _inherit_target(framer: Candidate, cand: Candidate) -> None:
        """A framing predicate with no recipient of its own takes its content's: the target
        of what is promised, threatened or refused; for a demand, who is to act ("demanded
        that Iraq withdraw from Kuwait": Iraq), else the target of the demanded act."""
        if framer.recipient_heads:
            return
        heads = list(cand.recipient_heads)
        if framer.entry.type == "REQUEST":
            doer = first_child(cand.anchor, "nsubj")
            if doer is not None and doer.pos_ != "PRON" and doer not in framer.actor_heads:
                heads = [doer]
        if heads:
            framer.recipient_heads = heads
            framer.content_target = True

    def _framer(self, cand: Candidate, by_anchor: dict[int, Candidate]) -> Candidate | None:
        """A coded predicate that governs ``cand`` as its content ("pledged to help", "warned that")."""
        for gov, rel in governors(cand.anchor):
            if rel not in ("xcomp", "ccomp", "acl", "advcl", "dobj", "pobj", "prep"):
                return None
            framer = by_anchor.get(gov.i)
            if framer is not None and framer is not cand and framer.entry.type in FRAMING_TYPES:
                return framer
            if gov.lemma_ in self.lex.speech:
                return None
        return None

    def _criticisms(self, sent: Span, cands: list[Candidate]) -> list[Candidate]:
        """A reported statement that condemns its subject is an ACCUSE by the speaker."""
        out: list[Candidate] = []
        accused = {c.anchor.i for c in cands if c.entry.type == "ACCUSE"}
        for verb in sent:
            if verb.lemma_ not in self.lex.speech or verb.i in accused:
                continue
            speaker = subject_heads(verb)
            for comp in children(verb, "ccomp"):
                subj = first_child(comp, "nsubj")
                if subj is None or not speaker:
                    continue
                words = {t.lemma_.lower() for t in comp.subtree}
                if words & self.lex.criticism_words:
                    out.append(
                        Candidate(
                            trigger=comp,
                            anchor=verb,
                            entry=Trigger(type="ACCUSE", mode="disapprove", cameo="111", needs_recipient=True),
                            actor_heads=speaker,
                            recipient_heads=[subj],
                            mod=modality(verb, verb, self.lex),
                            derived_from="statement",
                        )
                    )
        return out

    # ----------------------------------------------------------------- assembly








    def _demand_or_promise(
        self, entry: Trigger, actors: tuple[Actor, ...], recipients: tuple[Actor, ...], cand: Candidate, ctx: ArticleContext
    ) -> tuple[Trigger, tuple[Actor, ...]]:
        """"X says the two sides should cooperate" promises (AGREE); "X says Israel must end
        its attacks" demands (REQUEST): the speaker's own side is, or is not, among the urged."""
        urged = resolve_actors(self.lex, cand.addressee_heads, ctx)
        own = {a.country for a in actors if a.country}
        if urged and own and not own & {a.country for a in urged}:
            return Trigger(type="REQUEST", cameo="100", context=entry.context), urged
        return entry, recipients

    def _specialise(
        self, entry: Trigger, actors: tuple[Actor, ...], recipients: tuple[Actor, ...], reciprocal: bool, people: bool = False
    ) -> Trigger:
        """Who acts, and on whom, can change what the act is: a state's "protest" is a complaint.

        ``people``: the actors without a sector were named as people ("Kenyan doctors",
        "Iranians"), not as a state or an organisation ("Israel", "Iran")."""
        if entry.to_igo and recipients and all(r.country == "IGO" for r in recipients):
            return entry.to_igo
        sectors = {a.sector for a in actors}
        crowd = people and sectors == {None}  # "Tens of thousands of Thais marched": people, not the state
        if entry.by_state and actors and not crowd and sectors <= self.lex.state_sectors | {None} and any(a.country for a in actors):
            return entry.by_state
        civilian = self.lex.civilian_sectors | ({None} if people else set())
        if entry.by_civilians and actors and sectors <= civilian:
            # only when every actor is civilian ("doctors went on strike"): a state, its
            # government or its forces are not ("Israel launched strikes on Gaza": ASSAULT)
            return entry.by_civilians
        if entry.alone and not reciprocal and len({a.country for a in actors}) == 1:
            return entry.alone
        return entry



    def _event(self, cand: Candidate, sent: Span, sentence: Sentence, ctx: ArticleContext) -> Event | None:
        if cand.actor_heads and all(nonpolitical_actor(self.lex, h) for h in cand.actor_heads):
            return None
        actors = resolve_actors(self.lex, cand.actor_heads, ctx)
        heads = cand.recipient_heads
        if cand.reciprocal and not cand.content_target:
            # a meeting's partners are "with"/"between" them, not "near the border"
            heads = [h for h in heads if h.dep_ in ("dobj", "dative", "nsubjpass") or h.head.lower_ in PARTICIPANT_PREPS]
        launch = cand.entry.type == "ASSAULT" and into_open_water(cand)
        if launch:
            heads = []  # "into the Sea of Japan" names no target
        recipients = resolve_actors(self.lex, heads, ctx)
        people = not any(h.pos_ == "PROPN" and h.ent_type_ != "NORP" or h.ent_type_ in NAMED_ENTS for h in cand.actor_heads)
        entry = LAUNCH if launch else self._specialise(cand.entry, actors, recipients, cand.reciprocal, people)
        overrides = self.lex.context_overrides.get(entry.type or "")
        if overrides:
            found = set(self._contexts(cand, entry))
            entry = next((o for c, o in overrides.items() if c in found and o is not None), entry)
        if cand.addressee_heads and entry.type == "AGREE":
            entry, recipients = self._demand_or_promise(entry, actors, recipients, cand, ctx)
        if entry.swap:
            actors, recipients = recipients, actors
        if entry.actor_sector:
            actors = tuple(with_sector(a, entry.actor_sector) for a in actors)
        if (cand.reciprocal or entry.reciprocal and recipients) and not cand.content_target:
            actors = actors + tuple(r for r in recipients if r not in actors)
            recipients = ()
            if len({a.name for a in actors}) < 2 and entry.needs_participant:
                return None
        actors, recipients = most_specific(actors), most_specific(recipients)
        recipients = tuple(r for r in recipients if not own_side(self.lex, r, actors))
        if entry.type in ("ASSAULT", "COERCE"):
            # "shelled Kharkiv": a target the knowledge base cannot place may be a town
            recipients = tuple(as_town(r, ctx) for r in recipients)
        if not recipients and not launch and (entry.type in FRAMING_TYPES or not (cand.reciprocal or entry.reciprocal)):
            # (a framing predicate's target comes from its content even when, like "agree",
            # it is reciprocal among its subjects: "agreed to lift embargoes on ... Iran")
            recipients = recipient_fallback(self.lex, cand, ctx, actors)
        if cand.derived_from in ("intent", "hortative", "statement"):
            # a speaker's own side is not the partner of its stated intent or criticism
            own = {a.country for a in actors if a.country}
            recipients = tuple(r for r in recipients if r.country not in own)
        if entry.type == "REQUEST" and len(recipients) > 1:
            # "demanded the release of its journalist from Russian detention": the demand is
            # addressed to Russia; the actor's own nationals are whom it is for
            countries = {a.country for a in actors if a.country}
            kept = tuple(
                r for r in recipients
                if not (r.country in countries and (r.text or "").lower().split(" ")[0] in ("its", "their", "our"))
            )
            recipients = kept or recipients
        # "40 protesters were arrested", "the arrest of a journalist": the target is known, the actor not
        if not any(a.country or a.sector or " " in a.name for a in actors):
            # a lone unknown word ("Wildfires", "Humberto") is no actor; a full name
            # ("Ogaden National Liberation Front", "Hamza bin Laden") still is
            actors = ()
        if not actors and entry.type == "PROTEST" and cand.actor_heads == [cand.trigger]:
            actors = crowd_of_place(self.lex, cand, ctx)
        nominal = cand.trigger.pos_ in ("NOUN", "PROPN") and not cand.derived_from
        unknown_agent = (is_passive(cand.anchor) and not agent_heads(cand.anchor)) or nominal or self._instrument_subject(cand)
        if not actors and (entry.needs_actor or not (unknown_agent and recipients)):
            return None
        if entry.needs_recipient and not recipients and not has_group_recipient(self.lex, cand):
            return None
        if entry.type == "ASSAULT" and cand.trigger == cand.anchor and abstract_object(self.lex, cand):
            # "attacked the government's proposal": words against what someone holds criticise
            # its holder (ACCUSE); "fighting the pandemic" is no event at all
            if not recipients:
                return None
            entry = Trigger(type="ACCUSE", mode="disapprove", cameo="111")
        if entry.type == "ASSAULT" and not recipients and not physical_object(self.lex, cand):
            return None
        if entry.target and not literal_target(self.lex, cand, entry.target):
            # "laid siege to the goal", "raided a rival for staff", "an embargo on the report"
            return None
        if entry.type == "ASSAULT" and cand.trigger != cand.anchor and abstract_aim(self.lex, cand):
            # "launched an offensive against fake news": a campaign against an idea; "launched
            # an attack on the government's budget": words against what someone holds (ACCUSE)
            if not recipients or not held_aim(cand):
                return None
            entry = Trigger(type="ACCUSE", mode="disapprove", cameo="111")
        if private_dispute(self.lex, entry, actors, recipients):
            return None
        if military_sense(entry) and actors and all(a.sector == "BUS" for a in actors):
            # "investors retreated from emerging markets", "carmakers invaded Europe": a
            # business does not retreat or invade in the military sense
            return None
        if entry.type == "MOBILIZE" and entry.mode != "police" and any(
            o.lemma_.lower() in POLICE_WORDS for o in children(cand.anchor, "dobj") if o != cand.trigger
        ):
            # "put its police on high alert": the force alerted decides the mode
            entry = replace(entry, mode="police", cameo=None)
        if entry.mode is None and entry.type in ("THREATEN", "REQUEST") and not cand.derived_from:
            mode = self._object_mode(cand, entry.type)
            if mode:
                entry = replace(entry, mode=mode, cameo=None if entry.type == "THREATEN" else entry.cameo)
        published = ctx.clean.article.published
        # the clause verb dates its object ("accepted an invitation to visit later this year"
        # was accepted now); a scene-setting noun dates itself ("in the call on Tuesday")
        nominal = cand.trigger.pos_ in ("NOUN", "PROPN") and cand.trigger.head != cand.anchor
        order = (cand.trigger, cand.anchor) if nominal else (cand.anchor, cand.trigger)
        if cand.trigger.lemma_.lower() in self.lex.intent_frames:
            order = (cand.anchor,)  # "accepted an invitation to visit later this year": the visit's date
        # an event noun as subject dates the clause: "Saturday's attack killed five"
        order += tuple(h for h in cand.actor_heads if h.pos_ == "NOUN" and noun_key(self.lex, h) in self.lex.nouns)
        date = resolve_event_date(order[0], published)
        for tok in order[1:]:
            if date.source != "publication":
                break
            date = resolve_event_date(tok, published)
        # the clause's own date, within the last year: news, whatever background cue the
        # sentence also carries ("A decade after Russia annexed Crimea, Ukraine on Tuesday struck")
        # (a verb's own date only: "commemorated the 1990 invasion on Friday" dates the
        # commemoration, not the invasion)
        recent = (
            date.source != "publication" and not date.past_year and published is not None
            and cand.trigger == cand.anchor and cand.trigger.pos_ in ("VERB", "AUX")
        )
        if date.source == "publication":
            gov = speech_governor(self.lex, cand.anchor)
            if gov is not None:
                reported = resolve_event_date(gov, published)
                if reported.source != "publication":
                    date = reported
        if date.source == "publication":
            scene = dating_scene(cand.anchor)
            if scene is not None:
                dated = resolve_event_date(scene, published)
                if dated.source != "publication" and dated.past_year:
                    date = dated  # "When Argentina seized the islands in 1982, Britain sent ..."
        if date.source == "publication":
            date = inherited_date(cand.anchor, published) or date
        if cand.derived_from and date.future:
            # a promise or refusal is made when reported, whatever date it speaks of
            date = ResolvedDate(published.isoformat() if published else None, "publication", "day", "", False, False)
        mod = cand.mod
        scene = historical_scene(self.lex, cand.anchor) or (
            cand.anchor.dep_ == "conj" and historical_scene(self.lex, cand.anchor.head)  # "... detained and tortured"
        )
        historical = date.past_year or (not recent and (scene or mod.historical))
        type_ = entry.type
        assert type_ is not None
        mode = self.onto.validate_mode(type_, entry.mode or self._instrument_mode(cand, type_))
        contexts = self._contexts(cand, entry)
        cameo = entry.cameo or self.onto.cameo_for(type_, mode, contexts)
        location = ctx.places.for_event(cand.trigger, ctx.clean.dateline_place)
        start, end = self._evidence(cand, sent)
        # completeness, and a small penalty (0.05, less than any completeness term) for an
        # event told in a subordinate or relative clause, so that among equally complete
        # events the main clause's is the sentence's main event ("X accused Y of attacking Z":
        # the accusation)
        confidence = (
            0.5
            + 0.2 * bool(actors)
            + 0.15 * bool(recipients or cand.reciprocal)
            + 0.1 * (cand.trigger.pos_ == "VERB" and not cand.derived_from)
            + 0.05 * (date.source == "explicit")
            - 0.05 * (not main_clause(self.lex, cand.anchor))
        )
        key = f"{ctx.article_id}|{sentence.index}|{cand.trigger.i}|{type_}|{cand.derived_from}"
        return Event(
            event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
            article_id=ctx.article_id,
            type=type_,
            mode=mode,
            context=contexts,
            actor=actors,
            recipient=recipients,
            date=date.date,
            date_source=date.source,
            location=location,
            negated=mod.negated,
            hypothetical=mod.hypothetical,
            future=mod.future or date.future,
            historical=historical,
            cameo=cameo,
            goldstein=self.onto.goldstein(cameo),
            quad_class=self.onto.quad_class(cameo),
            plover_score=self.onto.plover_score(type_),
            confidence=round(min(confidence, 0.99), 2),
            sentence=sentence.text,
            span=ctx.clean.original_span(start, end),
            sentence_index=sentence.index,
            trigger=cand.trigger.text,
        )

    def _object_mode(self, cand: Candidate, type_: str) -> str | None:
        """A threat's or request's mode from what its object names: "threatened military
        action" (violence), "asked the IMF for an emergency loan" (assist), "demanded the
        release of its journalist" (yield); also the object of its infinitive ("threatened
        to use force")."""
        verb = cand.anchor
        words = list(children(verb, "dobj")) + prep_objects(verb, "for")
        for x in children(verb, "xcomp"):
            words += list(children(x, "dobj"))
        for w in words:
            lemma = w.lemma_.lower()
            entry = self.lex.nouns.get(noun_key(self.lex, w))
            etype = entry.type if entry is not None else None
            if type_ == "THREATEN":
                if etype == "ASSAULT" or lemma in VIOLENT_ACTS:
                    return "violence"
            elif etype in REQUEST_MODES:
                return REQUEST_MODES[etype]
            elif lemma in MONEY_WORDS:
                return "assist"
        return None





    def _instrument_subject(self, cand: Candidate) -> bool:
        """"A roadside bomb struck a convoy": a weapon as subject means someone unnamed used
        it -- like an agentless passive, an act by an unknown actor. (Verbs marked
        ``needs_actor`` still want a named one: "a car bomb killed eight" is left uncoded.)"""
        heads = cand.actor_heads
        return bool(heads) and cand.entry.type == "ASSAULT" and all(
            h.pos_ == "NOUN" and h.lemma_.lower() in self.lex.instrument_modes and h.lemma_.lower() not in ("gunman",) for h in heads
        )

    def _instrument_mode(self, cand: Candidate, type_: str) -> str | None:
        """An attack's weapon decides its mode: "struck by drones" is a drone attack."""
        if type_ != "ASSAULT":
            return None
        words = [cand.trigger, *cand.actor_heads, *prep_objects(cand.anchor, "with")]
        for tok in words:
            for w in (tok, *children(tok, "compound")):
                mode = self.lex.instrument_modes.get(w.lemma_.lower())
                if mode:
                    return mode
        return None










    def _contexts(self, cand: Candidate, entry: Trigger) -> tuple[str, ...]:
        found = list(entry.context)
        for tok in cand.anchor.subtree:
            ctx = self.lex.context_words.get(tok.lemma_.lower())
            if ctx and ctx not in found:
                found.append(ctx)
        return tuple(c for c in found if c in self._valid_contexts)

    @staticmethod
    def _evidence(cand: Candidate, sent: Span) -> tuple[int, int]:
        """The words proving the event: from the first to the last of trigger and arguments."""
        toks = [cand.trigger, cand.anchor, *cand.actor_heads, *cand.recipient_heads]
        toks = [t for t in toks if sent.start <= t.i < sent.end]
        first = min(t.left_edge.i if t in cand.actor_heads or t in cand.recipient_heads else t.i for t in toks)
        last = max(t.i for t in toks)
        doc = sent.doc
        first = max(first, sent.start)
        return doc[first].idx, doc[last].idx + len(doc[last])


def _means(verb: Token) -> bool:
    """A gerund after a preposition describes, it reports nothing new: "achieved results by
    helping each other", "the legal way of delivering this". Except where the main verb
    says only that someone answered: "retaliated by attacking Indian posts", "responded by
    imposing a curfew" -- the gerund is how, and the only report of what, was done."""
    cur = verb
    while cur.dep_ == "conj" and cur.head != cur:
        cur = cur.head
    if cur.tag_ != "VBG" or cur.dep_ != "pcomp":
        return False
    prep = cur.head
    if prep.lower_ == "by" and prep.head.lemma_.lower() in RESPONSE_VERBS:
        return False
    return prep.lower_ == "by" or prep.head.pos_ in ("NOUN", "PROPN")


def _codes(actors: tuple[Actor, ...]) -> frozenset[str]:
    return frozenset(a.code or a.name for a in actors)
