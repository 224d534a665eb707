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
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import lru_cache

import pycountry
from spacy.tokens import Span, Token

from eventcoder.actors.knowledge import actor_code
from eventcoder.actors.resolver import ArticleActors
from eventcoder.dates.resolver import ResolvedDate, resolve_event_date
from eventcoder.events.lexicon import Lexicon, Trigger
from eventcoder.events.modality import Modality, denies_report, modality
from eventcoder.events.ontology import Ontology
from eventcoder.nlp.syntax import (
    addressee_of_message,
    agent_heads,
    attached_targets,
    children,
    clause_objects,
    clause_verb,
    coordinated,
    example_objects,
    first_child,
    governors,
    is_passive,
    OBJECT_CONTROL,
    place_objects,
    prep_objects,
    subject_heads,
)
from eventcoder.nlp.syntax import RELATIVE_PRONOUNS
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
# Named-entity labels of dates and times, which are never a party: "offered on Monday to ...".
TIME_ENTS = frozenset({"DATE", "TIME"})
# Verbs that say only that someone answered, not what they did: their "by + gerund" is the
# event ("retaliated by attacking Indian posts").
RESPONSE_VERBS = frozenset({"retaliate", "respond", "react", "reply", "answer", "counter"})
# Named-entity labels of states, places and organisations: a name, not a group of people.
NAMED_ENTS = frozenset({"GPE", "LOC", "FAC", "ORG"})
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
# Weapons launched into open water hit no one: a demonstration of capability (PLOVER MOBILIZE
# "weapons": posturing that falls short of the use of force), not an ASSAULT. (Firing into
# the air stays ASSAULT: PLOVER counts it as crowd control.)
OPEN_WATER = frozenset({"sea", "ocean", "water", "waters"})
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
        lemma = tok.lemma_.lower()
        phrases = self.lex.phrases
        if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
            # "cease-fire", "sit-in": the tokenizer splits hyphenated words
            joined = tok.doc[tok.i - 2].lower_ + lemma
            if joined in self.lex.nouns:
                return joined
        # the nearest compound, then the nearest adjective: the small model tags "cyber",
        # "tear", "legal", "human" as adjectives ("cyber attack", "tear gas", "human shield"),
        # so a modifier of either kind makes a phrase the lexicon lists
        for dep in ("compound", "amod"):
            mods = [c.lemma_.lower() for c in tok.children if c.dep_ == dep and c.i < tok.i]
            if mods:
                key = phrases.get((mods[-1], lemma))
                if key:
                    return key
        of = first_child(tok, "prep")
        if of is not None and of.lower_ == "of":
            pobj = first_child(of, "pobj")
            if pobj is not None:
                key = phrases.get((lemma, "of", pobj.lemma_.lower()))
                if key:
                    return key
        return lemma

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
            return None
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
        listed = obj is not None and obj.pos_ in ("NOUN", "PROPN") and self.noun_key(obj) in entry.objects
        if entry.requires_prep and matched_prep is None and not listed:
            # (an object the entry lists is as specific as a preposition: "fired missiles")
            return None
        trigger: Token | None = verb
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            key = self.noun_key(obj)
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
            chosen = self.lex.nouns[self.noun_key(trigger)]
        if chosen.type is None or (chosen.type == "REJECT" and trigger == verb and denies_report(verb, self.lex)):
            return None  # (a rejected report is a denial: "rejected as fake news reports that")
        if chosen.type == "RETREAT" and trigger != verb and verb.lemma_.lower() in DECLARING_VERBS:
            # "declared a unilateral ceasefire", "announced the withdrawal": a declaration, not
            # the retreat carried out (PLOVER CONCEDE)
            chosen = replace(chosen, type="CONCEDE", mode=None)
        if chosen.type == "REJECT" and trigger == verb and self._declines_comment(verb):
            return None
        cand = Candidate(trigger=trigger, anchor=verb, entry=chosen, reciprocal=chosen.reciprocal)
        if trigger != verb and obj is trigger and self.noun_key(obj) in entry.objects:
            own = self.lex.nouns.get(self.noun_key(obj))
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
            entry = self.lex.nouns.get(self.noun_key(noun))
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
        for prep in ("on", "into", "in"):
            for pobj in prep_objects(verb, prep):
                if self.lex.nouns.get(self.noun_key(pobj)) is not None:
                    return pobj
        return None

    def _noun_candidate(self, noun: Token) -> Candidate | None:
        key = self.noun_key(noun)
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
        if not (occurs or agents or (in_clause and has_party)):
            return None
        anchor = clause_verb(noun)
        cand = Candidate(trigger=noun, anchor=anchor, entry=entry)
        if participants and entry.cameo == MEDIATION:
            # "mediation between A and B": the mediator is the clause's subject, A and B the mediated
            cand.actor_heads = agents or list(children(noun, "poss")) or _subjects(anchor)
            cand.recipient_heads = list(participants)
            return cand
        if participants:
            cand.actor_heads, cand.reciprocal = participants, True
        else:
            cand.actor_heads = agents or list(children(noun, "poss")) or [noun]
            cand.reciprocal = entry.reciprocal
            if in_clause and not agents and anchor != noun:
                # "arrived ... for a state visit to Kenya": the visitor is the clause's subject
                cand.actor_heads = cand.actor_heads + _subjects(anchor)
        cand.recipient_heads = [t for p in RECIPIENT_PREPS for t in prep_objects(noun, p)]
        if entry.type in PATIENT_TYPES:
            cand.recipient_heads += patients  # "the expulsion of two Russian diplomats by Norway"
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
            cand.actor_heads = _subjects(verb)
            objs = [] if cand.entry.topic_object else [o for o in children(verb, "dobj", "dative") if o != noun]
            for subj in list(cand.actor_heads):
                if self.noun_key(subj) in self.lex.nouns:
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
                own = self.lex.nouns.get(self.noun_key(noun))
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
            speaker_verb = clause_verb(ftok) if ftok is not None else _speech_governor(cand.anchor, self.lex)
            if speaker_verb is None:
                continue
            speaker = _speaker_heads(ftok, speaker_verb)
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
    def _resolve(self, heads: list[Token], ctx: ArticleContext) -> tuple[Actor, ...]:
        out: list[Actor] = []
        for head in heads:
            found = tuple(self._placed(a, head, ctx) for a in ctx.actors.resolve(head))
            if not found:
                found = self._resolve_fallback(head, ctx)
            elif head.ent_type_ in ("GPE", "LOC", "FAC") and not any(a.country for a in found):
                found = self._resolve_fallback(head, ctx) or found
            elif all(a.country is None and a.sector for a in found):
                found = self._located(found, head, ctx)
            for actor in found:
                if actor not in out:
                    out.append(actor)
        return tuple(out)

    def _located(self, group: tuple[Actor, ...], head: Token, ctx: ArticleContext) -> tuple[Actor, ...]:
        """A group with no country of its own takes the country of the place its own phrase
        puts it in: "refugees fleeing the war in Liberia" (LBR CVL), "migrants from Syria";
        one actor per country ("refugees in Jordan and Lebanon"). A group given by examples
        is its examples: "donors such as Japan and Germany"."""
        examples = self._resolve(example_objects(head), ctx)
        if examples:
            return examples
        countries: list[str] = []
        for place in place_objects(head):
            if place.ent_type_ not in ("GPE", "LOC", "ORG", "NORP"):
                continue
            for actor in self._resolve([place], ctx):
                if actor.country and actor.country not in countries:
                    countries.append(actor.country)
        if not countries:
            return group
        return tuple(replace(a, country=c, code=actor_code(c, a.sector)) for a in group for c in countries)

    @staticmethod
    def _placed(actor: Actor, head: Token, ctx: ArticleContext) -> Actor:
        """A bare name the knowledge base could not place may be a town: "the attack on Odesa".
        Only as the object of a preposition: a subject named "Obama" is no Japanese city."""
        if head.dep_ != "pobj" and not (head.dep_ in ("dobj", "nsubjpass") and head.ent_type_ in ("GPE", "LOC", "FAC")):
            return actor
        return EventCoder._as_town(actor, ctx)

    def _resolve_fallback(self, head: Token, ctx: ArticleContext) -> tuple[Actor, ...]:
        """Heads the knowledge base cannot place: "thousands of farmers", a city ("Odesa")."""
        of = [p for p in prep_objects(head, "of")]
        if of and head.pos_ in ("NUM", "NOUN") and head.lemma_.lower() not in self.lex.nouns:
            return ctx.actors.resolve(of[0])
        if head.ent_type_ in ("GPE", "LOC", "FAC"):
            place = ctx.places.lookup(head.text)
            if place is not None and place.country:
                return (Actor(name=_country_name(place.country), country=place.country, text=head.text, code=place.country),)
            # a region named with its state's adjective: "Iraqi Kurdistan", "Indian Kashmir"
            owners = [a for m in children(head, "amod", "compound") if m.i < head.i for a in ctx.actors.resolve(m)]
            states = [a for a in owners if a.country and not a.sector]
            if states:
                return tuple(replace(a, text=head.text) for a in states)
        return self._resolve(example_objects(head), ctx)  # "valued partners like Saudi Arabia"

    def _own_side(self, recipient: Actor, actors: tuple[Actor, ...]) -> bool:
        """Is a recipient one of the actors themselves ("Syria offered its troops": Syria's own)?

        The same state is itself only on the same side of the state/society line: a
        government acting on its own opposition or citizens is a real dyad (UGAGOV → UGAOPP,
        "Nepal's government accepted the protesters' demands")."""
        state = self.lex.state_sectors
        official = recipient.sector is None or recipient.sector in state
        for a in actors:
            if (a.sector is None or a.sector in state) != official:
                continue
            if a.name == recipient.name:
                return True
            if recipient.sector is None and recipient.country and recipient.country == a.country:
                return True  # "Trump threatened to pull US funding": his own state
        return False

    def _recipient_fallback(self, cand: Candidate, ctx: ArticleContext, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
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
            found = tuple(a for a in self._resolve(heads, ctx) if not self._own_side(a, actors))
            if any(a.country for a in found):
                return found
            if unplaced_ok and not unplaced:
                unplaced = found
        if not unplaced:
            located = self._affected_place(cand, objs, ctx, actors)
            if located:
                return located
        return unplaced

    def _affected_place(
        self, cand: Candidate, objs: list[Token], ctx: ArticleContext, actors: tuple[Actor, ...]
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
            entry = self.lex.nouns.get(self.noun_key(o))
            if entry is not None and entry.type == "CONSULT":
                return ()  # "called for talks in Geneva"
        places = [p for o in objs for p in place_objects(o)]
        places += [c for p in children(cand.anchor, "prep") if p.lower_ == "in" for o in children(p, "pobj") for c in coordinated(o)]
        out: list[Actor] = []
        for place in places:
            if place.pos_ != "PROPN":
                continue
            for a in ctx.actors.resolve(place):
                if a.country and a.country not in ("IGO", "NGO") and not a.sector and not a.role and not self._own_side(a, actors):
                    if a not in out:
                        out.append(a)
        return tuple(out)

    def _has_group_recipient(self, cand: Candidate) -> bool:
        return any(h.lemma_.lower() in self.lex.group_nouns for h in cand.recipient_heads)

    def _demand_or_promise(
        self, entry: Trigger, actors: tuple[Actor, ...], recipients: tuple[Actor, ...], cand: Candidate, ctx: ArticleContext
    ) -> tuple[Trigger, tuple[Actor, ...]]:
        """"X says the two sides should cooperate" promises (AGREE); "X says Israel must end
        its attacks" demands (REQUEST): the speaker's own side is, or is not, among the urged."""
        urged = self._resolve(cand.addressee_heads, ctx)
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

    def _nonpolitical_actor(self, head: Token) -> bool:
        """A subject that is no PLOVER actor: weather, animals, diseases, products
        ("Hailstones bombarded the village"), a contest's judges ("the talent show judges"),
        or a team playing a game ("the Korean team raided the enemy base ... of the match")."""
        lex = self.lex
        if head.ent_type_ in NAMED_ENTS and head.pos_ == "PROPN":
            return False
        if head.lemma_.lower() in lex.nonpolitical_actors or self.noun_key(head) in lex.nonpolitical_actors:
            return True
        if any(c.lemma_.lower() in lex.leisure_words for c in children(head, "compound")):
            return True
        return head.lemma_.lower() in lex.game_actors and any(
            t.pos_ == "NOUN" and t.lemma_.lower() in lex.leisure_words for t in head.sent
        )

    def _private_dispute(self, entry: Trigger, actors: tuple[Actor, ...], recipients: tuple[Actor, ...]) -> bool:
        """Force, threats, sanctions and rejections among firms, media and schools, with no
        country, state or political group on either side: "the bank imposed a freeze on
        hiring", "the editor rejected the photographs", "the retailer boycotted the fair"."""
        if entry.type not in PRIVATE_TYPES and not (entry.type == "PROTEST" and entry.mode == "boycott"):
            return False
        private = self.lex.private_sectors
        if not actors or not all(a.country is None and a.sector in private for a in actors):
            return False
        if not recipients and any(a.sector not in ("BUS", "MED") for a in actors):
            # "Teachers will not end the strike": a school's staff with no named counterpart
            # may be a union facing the state; a teacher and a pupil are private
            return False
        return all(r.country is None and (r.sector in private or r.sector in (None, "CVL")) for r in recipients)

    def _event(self, cand: Candidate, sent: Span, sentence: Sentence, ctx: ArticleContext) -> Event | None:
        if cand.actor_heads and all(self._nonpolitical_actor(h) for h in cand.actor_heads):
            return None
        actors = self._resolve(cand.actor_heads, ctx)
        heads = cand.recipient_heads
        if cand.reciprocal and not cand.content_target:
            # a meeting's partners are "with"/"between" them, not "near the border"
            heads = [h for h in heads if h.dep_ in ("dobj", "dative", "nsubjpass") or h.head.lower_ in PARTICIPANT_PREPS]
        launch = cand.entry.type == "ASSAULT" and self._into_open_water(cand)
        if launch:
            heads = []  # "into the Sea of Japan" names no target
        recipients = self._resolve(heads, ctx)
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
            actors = tuple(_with_sector(a, entry.actor_sector) for a in actors)
        if (cand.reciprocal or entry.reciprocal and recipients) and not cand.content_target:
            actors = actors + tuple(r for r in recipients if r not in actors)
            recipients = ()
            if len({a.name for a in actors}) < 2 and entry.needs_participant:
                return None
        actors, recipients = _most_specific(actors), _most_specific(recipients)
        recipients = tuple(r for r in recipients if not self._own_side(r, actors))
        if entry.type in ("ASSAULT", "COERCE"):
            # "shelled Kharkiv": a target the knowledge base cannot place may be a town
            recipients = tuple(self._as_town(r, ctx) for r in recipients)
        if not recipients and not launch and (entry.type in FRAMING_TYPES or not (cand.reciprocal or entry.reciprocal)):
            # (a framing predicate's target comes from its content even when, like "agree",
            # it is reciprocal among its subjects: "agreed to lift embargoes on ... Iran")
            recipients = self._recipient_fallback(cand, ctx, actors)
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
            actors = self._crowd_of_place(cand, ctx)
        nominal = cand.trigger.pos_ in ("NOUN", "PROPN") and not cand.derived_from
        unknown_agent = (is_passive(cand.anchor) and not agent_heads(cand.anchor)) or nominal or self._instrument_subject(cand)
        if not actors and (entry.needs_actor or not (unknown_agent and recipients)):
            return None
        if entry.needs_recipient and not recipients and not self._has_group_recipient(cand):
            return None
        if entry.type == "ASSAULT" and cand.trigger == cand.anchor and self._abstract_object(cand):
            # "attacked the government's proposal": words against what someone holds criticise
            # its holder (ACCUSE); "fighting the pandemic" is no event at all
            if not recipients:
                return None
            entry = Trigger(type="ACCUSE", mode="disapprove", cameo="111")
        if entry.type == "ASSAULT" and not recipients and not self._physical_object(cand):
            return None
        if entry.target and not self._literal_target(cand, entry.target):
            # "laid siege to the goal", "raided a rival for staff", "an embargo on the report"
            return None
        if entry.type == "ASSAULT" and cand.trigger != cand.anchor and self._abstract_aim(cand):
            # "launched an offensive against fake news": a campaign against an idea; "launched
            # an attack on the government's budget": words against what someone holds (ACCUSE)
            if not recipients or not self._held_aim(cand):
                return None
            entry = Trigger(type="ACCUSE", mode="disapprove", cameo="111")
        if self._private_dispute(entry, actors, recipients):
            return None
        if self._military_sense(entry) and actors and all(a.sector == "BUS" for a in actors):
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
        order += tuple(h for h in cand.actor_heads if h.pos_ == "NOUN" and self.noun_key(h) in self.lex.nouns)
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
            gov = _speech_governor(cand.anchor, self.lex)
            if gov is not None:
                reported = resolve_event_date(gov, published)
                if reported.source != "publication":
                    date = reported
        if date.source == "publication":
            scene = self._dating_scene(cand.anchor)
            if scene is not None:
                dated = resolve_event_date(scene, published)
                if dated.source != "publication" and dated.past_year:
                    date = dated  # "When Argentina seized the islands in 1982, Britain sent ..."
        if date.source == "publication":
            date = self._inherited_date(cand.anchor, published) or date
        if cand.derived_from and date.future:
            # a promise or refusal is made when reported, whatever date it speaks of
            date = ResolvedDate(published.isoformat() if published else None, "publication", "day", "", False, False)
        mod = cand.mod
        scene = self._historical_scene(cand.anchor) or (
            cand.anchor.dep_ == "conj" and self._historical_scene(cand.anchor.head)  # "... detained and tortured"
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
            - 0.05 * (not self._main_clause(cand.anchor))
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
            entry = self.lex.nouns.get(self.noun_key(w))
            etype = entry.type if entry is not None else None
            if type_ == "THREATEN":
                if etype == "ASSAULT" or lemma in VIOLENT_ACTS:
                    return "violence"
            elif etype in REQUEST_MODES:
                return REQUEST_MODES[etype]
            elif lemma in MONEY_WORDS:
                return "assist"
        return None

    def _main_clause(self, verb: Token) -> bool:
        """Is ``verb`` the sentence's main predicate: its root, a conjunct or infinitive
        complement of the root, or what a reporting root reports ("Police said they arrested ten men who attacked a bank":
        the arrest)? Subordinate, relative and complement clauses are not."""
        cur = verb
        for _ in range(8):
            if cur.dep_ == "ROOT" or cur.head == cur:
                return True
            # (an infinitive complement shares its governor's clause: "is due to meet")
            if cur.dep_ in ("conj", "xcomp", "acomp") or (cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_ in self.lex.speech):
                cur = cur.head
                continue
            return False
        return False

    def _historical_scene(self, verb: Token) -> bool:
        """"During the Cold War, troops were stationed...": background, not news. Also a
        past-tense clause fronted by a ruler's era ("Under Pinochet, soldiers detained
        thousands"): an era recalled, not a dated report (an own recent date overrides)."""
        for prep in children(verb, "prep"):
            if (
                prep.lower_ == "under"
                and prep.i < verb.i
                and verb.tag_ == "VBD"
                and any(p.ent_type_ == "PERSON" or (p.pos_ == "PROPN" and not p.ent_type_) for p in children(prep, "pobj"))
            ):
                return True
            for pobj in children(prep, "pobj"):
                if pobj.ent_type_ == "EVENT" and pobj.lemma_.lower() in self.lex.historical_events:
                    return True
        return False

    @staticmethod
    def _as_town(actor: Actor, ctx: ArticleContext) -> Actor:
        """An actor with nothing known about it, read as a town name if the gazetteer has one."""
        if actor.country or actor.sector or actor.role:
            return actor
        place = ctx.places.lookup(actor.text or actor.name)
        if place is None or not place.country:
            return actor
        return replace(actor, country=place.country, code=place.country)

    def _crowd_of_place(self, cand: Candidate, ctx: ArticleContext) -> tuple[Actor, ...]:
        """"Protests broke out in Nairobi", "rioting erupted in Dhaka": a protest with no one
        named is a crowd of that place's civilians (PLOVER PROTEST: civilians act
        collectively), as "Kenyan protesters" would be."""
        places = prep_objects(cand.trigger, "in") + prep_objects(cand.anchor, "in")
        out: list[Actor] = []
        for place in places:
            if place.ent_type_ not in ("GPE", "LOC"):
                continue
            found = self._resolve([place], ctx)
            for c in {a.country for a in found if a.country and a.country not in ("IGO", "NGO")}:
                actor = Actor(name=f"{_country_name(c)} civilians", country=c, sector="CVL", text=cand.trigger.text, code=actor_code(c, "CVL"))
                if actor not in out:
                    out.append(actor)
        return tuple(out)

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

    @staticmethod
    def _into_open_water(cand: Candidate) -> bool:
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

    def _abstract_aim(self, cand: Candidate) -> bool:
        """An attack noun aimed at an idea and at nothing one can hit: "launched an offensive
        on social media against fake news"."""
        aims = [o for t in (cand.trigger, cand.anchor) for p in ("against", "on", "upon") for o in prep_objects(t, p) if o.ent_type_ not in TIME_ENTS]
        figurative = self.lex.abstract_targets | self.lex.figurative_targets
        return any(o.lemma_.lower() in figurative or self.noun_key(o) in figurative for o in aims) and not any(
            o.ent_type_ in NAMED_ENTS or o.ent_type_ in ("NORP", "PERSON") or o.lemma_.lower() in self.lex.physical_targets for o in aims
        )

    @staticmethod
    def _held_aim(cand: Candidate) -> bool:
        """The attack's aim is someone's ("an attack on the government's budget")."""
        aims = [o for t in (cand.trigger, cand.anchor) for p in ("against", "on", "upon") for o in prep_objects(t, p)]
        return any(c.dep_ == "poss" for o in aims for c in o.children)

    @staticmethod
    def _military_sense(entry: Trigger) -> bool:
        """Triggers whose only sense is military movement: invasion, retreat, withdrawal
        from positions (CAMEO 087x) -- never something a business does."""
        return (entry.type in ("ASSAULT", "RETREAT") and "military" in entry.context) or (
            entry.type == "RETREAT" and (entry.cameo or "").startswith("087")
        )

    def _abstract_object(self, cand: Candidate) -> bool:
        return any(o.lemma_.lower() in self.lex.abstract_targets for o in children(cand.anchor, "dobj"))

    def _physical_object(self, cand: Candidate) -> bool:
        """Violence needs a real target: "attacked the goal" is a figure of speech."""
        objs = [o for o in cand.recipient_heads if o != cand.trigger]
        if any(o.lemma_.lower() in self.lex.abstract_targets for o in objs):
            return False  # "fight the pandemic", "fighting extradition"
        if not objs:
            return not any(c.dep_ == "dobj" and c != cand.trigger for c in cand.anchor.children)
        return any(o.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG", "PERSON") or o.lemma_.lower() in self.lex.physical_targets for o in objs)

    @staticmethod
    def _dating_scene(verb: Token) -> Token | None:
        """A clause that dates its neighbour: a "when" clause dates its main clause ("When
        Argentina seized the islands in 1982, Britain sent a task force"), and a cleft's copula
        dates the clause it focuses ("It was in 1994 that extremists massacred ...")."""
        for c in verb.children:
            if c.dep_ == "advcl" and any(m.lower_ == "when" and m.dep_ in ("advmod", "mark") for m in c.children):
                return c
        head = verb.head
        if (
            verb.dep_ in ("ccomp", "relcl", "advcl", "acl")
            and head.lemma_ == "be"
            and any(m.lower_ == "that" and m.dep_ == "mark" for m in verb.children)
            and any(m.lower_ == "it" and m.dep_ in ("nsubj", "expl") for m in head.children)
        ):
            return head
        if verb.dep_ in ("xcomp", "advcl") and any(m.dep_ == "aux" and m.lower_ == "to" for m in verb.children):
            return EventCoder._dating_scene(head)  # "... sent a task force to retake them"
        return None

    @staticmethod
    def _inherited_date(verb: Token, published: dt.date | None) -> ResolvedDate | None:
        """An undated clause takes the date of what it hangs on when that lies over a year
        back (historical background): a relative or "when" clause on a dated event noun ("the
        1973 coup, in which the army bombed the palace", "the massacre of 1982, when troops
        shelled Hama"), a past-tense conjunct or a purpose infinitive of a dated verb ("led
        the 1968 uprising and was later imprisoned", "in the 1980s sent troops to fight"), a
        clause set after a dated event ("After Iraq's 1990 invasion of Kuwait, the UN
        imposed sanctions"). None: no such anchor."""
        heads: list[Token] = []
        if verb.dep_ in ("relcl", "acl", "advcl") and verb.head.pos_ == "NOUN":
            heads.append(verb.head)
        if (verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBN") and verb.head.pos_ in ("VERB", "AUX")) or (
            verb.dep_ in ("xcomp", "advcl") and any(m.dep_ == "aux" and m.lower_ == "to" for m in verb.children)
        ):
            heads.append(verb.head)
        for prep in children(verb, "prep"):
            if prep.lower_ in ("after", "following") and prep.i < verb.i:
                heads += list(children(prep, "pobj"))
        for head in heads:
            dated = resolve_event_date(head, published)
            if dated.source != "publication" and dated.past_year:
                return dated
        return None

    def _literal_target(self, cand: Candidate, kind: str) -> bool:
        """A force-like trigger whose literal sense needs a target (lexicon ``target:``): a
        siege, raid, blockade, seizure, hostage-taking or embargo aimed at a figure of speech
        is no event. ``concrete``: anything but an idea or a figurative target ("an embargo on
        the report", "seized the initiative"); ``physical``: also not a common noun that names
        no place, thing or people one could besiege ("besieged the board"), nor pressing with
        words ("with demands") or poaching people ("raided a rival firm for staff")."""
        lex = self.lex
        heads = {cand.trigger, cand.anchor}
        withs = [o for t in heads for o in prep_objects(t, "with")]
        fors = [o for t in heads for o in prep_objects(t, "for")]
        if any(self.noun_key(o) in lex.recruit_nouns or o.lemma_.lower() in lex.recruit_nouns for o in fors):
            return False
        objs = [o for o in cand.recipient_heads if o not in heads and o not in fors and o.ent_type_ not in TIME_ENTS]
        objs += [o for t in heads for o in children(t, "dobj") if o not in heads and o not in objs]
        objs += [
            o for t in heads for p in ("on", "upon", "against", "to") for o in prep_objects(t, p)
            if o not in objs and o.ent_type_ not in TIME_ENTS
        ]
        objs += [o for o in children(cand.trigger, "compound") if o not in objs]  # "held the economy hostage"
        figurative = lex.abstract_targets | lex.figurative_targets
        if any(self.noun_key(o) in figurative or o.lemma_.lower() in figurative for o in objs if o.ent_type_ not in NAMED_ENTS):
            return False
        if kind != "physical":
            return True
        if any(o.lemma_.lower() in lex.pressure_nouns for o in withs):
            return False
        if any(self.noun_key(o) in FORUM_NOUNS or o.lemma_.lower() in FORUM_NOUNS for t in heads for p in ("at", "during") for o in prep_objects(t, p)):
            return False  # "ambushed the minister at the hearing": pressing with words
        return True

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


# Forums where "ambushed the minister" or "bombarded him" is pressing with words (``_literal_target``).
FORUM_NOUNS = frozenset({"hearing", "press_conference", "briefing", "interview", "debate", "question_time", "committee", "conference"})
# Types a private dispute among firms, media or schools is not (``_private_dispute``).
PRIVATE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "REJECT", "SANCTION"})
# Prepositions whose gerund is done by the governing verb's object ("accused Russia of shelling").
OBJECT_PREPS = frozenset({"of", "for", "from", "against"})
# Adjectives whose infinitive takes the clause's subject as its object: "the deal is hard to reject".
TOUGH_ADJECTIVES = frozenset({"hard", "easy", "difficult", "impossible", "tough", "simple"})


def _subjects(verb: Token) -> list[Token]:
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


@lru_cache(maxsize=512)
def _country_name(iso3: str) -> str:
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or (country.name if country else iso3)


def _codes(actors: tuple[Actor, ...]) -> frozenset[str]:
    return frozenset(a.code or a.name for a in actors)


def _most_specific(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Drop a bare country when the list already holds someone more specific from it."""
    specific = {a.country for a in actors if a.sector or a.role}
    return tuple(a for a in actors if a.sector or a.role or a.country not in specific)


def _with_sector(actor: Actor, sector: str) -> Actor:
    if actor.sector or actor.country in (None, "IGO", "NGO"):
        return actor
    return replace(actor, sector=sector, code=f"{actor.country}{sector}")


def _speech_governor(tok: Token, lex: Lexicon) -> Token | None:
    """The reporting verb above a predicate ("X said [Y attacked]") if there is one."""
    cur, steps = tok, 0
    while cur.head != cur and steps < 6:
        if cur.dep_ in ("ccomp", "parataxis", "advcl", "xcomp", "conj") and cur.head.lemma_ in lex.speech:
            return cur.head
        cur, steps = cur.head, steps + 1
    return None


def _speaker_heads(frame_tok: Token | None, verb: Token) -> list[Token]:
    """Who framed the event: the possessor of "their readiness", else the clause's subject."""
    if frame_tok is not None:
        poss = first_child(frame_tok, "poss")
        if poss is not None and poss.pos_ != "PRON":
            return [poss]
    return _subjects(verb)
