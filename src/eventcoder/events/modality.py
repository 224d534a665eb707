"""Is a predicate reported as fact? Negation, hypotheticals, intentions, habits.

The rule the whole project keeps: a negated, denied, conditional or merely wished-for
predicate is never output as a factual event. This module reads the parse around a
predicate and returns the auxiliary flags PLOVER defines, plus the *frame* that made a
predicate non-factual (an intention "willing to", an exhortation "the need to"), which
the coder turns into the event the speaker actually performed (AGREE, REQUEST...).

What makes a predicate non-factual (the words are data: ``modality`` in lexicon.yaml):
* negation on the predicate, on its subject or object ("No troops were deployed", "Neither
  Russia nor Ukraine has signed"), "no longer", near misses ("nearly captured");
* a negating frame above it: denials, failures, refraining, prevention ("denied sending",
  "stopped short of imposing", "has yet to ratify", "without firing a shot", "instead of");
* conditions ("if", "unless", inverted "Had Russia attacked ..."), modal auxiliaries,
  obligations ("ought to", "has to", "it is time for NATO to"), questions;
* fears, predictions and mere possibility ("analysts fear an attack", "the risk of a
  blockade", "is likely to strike", "the means to attack"), hearsay ("unconfirmed rumours
  suggested", "according to unverified claims") and hedges ("allegedly", "the alleged
  massacre", "is accused of" with no accuser);
* intentions, attempts and schedules ("plans to", "efforts to", "is due to meet", "is to visit");
* habits and generic statements ("routinely", "tend to", "every year", "whenever").
A relative clause keeps its own factuality ("banks it had accused" in a sentence about a
threat); an event noun after "following", "despite", "amid" is taken as given.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventcoder.events.lexicon import Lexicon
from eventcoder.nlp.syntax import first_child, governors

HORTATIVE_AUX = frozenset({"should", "must", "ought"})
# Relations across which a governor's modality reaches its dependent predicate.
EMBEDDING = frozenset({"xcomp", "ccomp", "conj", "acl", "advcl", "pcomp", "dobj", "pobj", "prep", "relcl", "attr", "oprd", "nsubj", "nsubjpass", "compound", "amod", "appos"})
# Relations through which a frame word governs its content ("denied sending", "fear of an attack").
FRAME_RELS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "acl", "prep", "pobj"})
# Arguments whose negative quantifier negates the clause: "No troops were deployed", "deployed no troops".
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
# Auxiliaries that open a conditional clause when placed before its subject: "Had Russia attacked ...".
INVERTED_CONDITION = frozenset({"had", "should", "were"})
# Words next to a frame word that make one multi-word frame ("stopped short of", "ruled out").
FRAME_PARTS = frozenset({"prt", "advmod", "acomp"})


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    habitual: bool = False
    frame: str | None = None
    """``intent`` or ``hortative`` when the predicate is framed by another word."""
    frame_token: Token | None = None
    historical: bool = False
    """Remembered rather than reported: "commemorated the 1990 invasion"."""


def _own_flags(
    tok: Token, lex: Lexicon, arguments: bool = True, realised: bool = False
) -> tuple[bool, bool, bool, bool, bool]:
    """(negated, hypothetical, future, hortative, habitual) from the words attached to ``tok``.

    ``arguments``: also read negative quantifiers on its subject and object ("No troops were
    deployed"); they negate the clause and its complements, not clauses merely attached to it.
    ``realised``: the noun is the object of a light verb that carries it out ("launched its
    long-planned offensive"), so a "planned" or "proposed" on it no longer makes it a plan."""
    neg = hyp = fut = hort = hab = False
    for c in tok.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj", "cc") and low in lex.negation):
            if not any(g.lower_ in ("only", "just", "merely") for g in c.children):  # "not only ... but"
                neg = True
        elif c.dep_ == "advmod" and any(f"{g.lower_} {low}" in lex.negation for g in c.children):
            neg = True  # "no longer sends", "no more attacks"
        elif c.dep_ == "advcl" and c.lower_ == "any" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children):
            neg = True  # "few, if any, prisoners have been released": at most a negligible number
        elif c.dep_ == "prep" and c.lower_ in ("in", "under") and c.i < tok.i and _scenario(c, lex):
            # a scene set before the clause: "In the simulation, China invaded", "Under the
            # imagined scenario, ..." (not "are participating in the war game": the game is real)
            hyp = True
        elif arguments and c.dep_ in ARGUMENTS and _negative_quantity(c, tok, lex):
            neg = True  # "No troops were deployed", "Neither Russia nor Ukraine has signed"
        elif c.dep_ in ("aux", "auxpass"):
            if low in INVERTED_CONDITION and _before_subject(c, tok) and not _question(tok):
                hyp = True  # "Had Russia attacked Poland, ...", "Should Israel invade, ..."
            elif low in HORTATIVE_AUX:
                hort = True
            elif low in lex.hypothetical_aux:
                hyp = True
            elif low in lex.future_aux or low == "wo":  # "won't" → wo + n't
                fut = True
        elif c.dep_ == "mark" and low in lex.conditional_marks:
            hyp = True
        elif c.dep_ in ("advmod", "amod", "npadvmod") and c.pos_ in ("ADV", "ADJ") and low in lex.habitual:
            hab = True
        elif c.dep_ == "npadvmod" and any(g.dep_ == "det" and g.lower_ in lex.habitual for g in c.children):
            hab = True  # "every year, migrants are rescued", "each spring"
        elif c.dep_ == "advcl" and any(
            (g.dep_ == "mark" or g.tag_ == "WRB") and g.lower_ in lex.habitual for g in c.children
        ):
            hab = True  # "whenever tensions rise, North Korea fires missiles"
        elif c.dep_ == "advmod" and low in lex.allegation_frames:
            hyp = True  # "allegedly beat the detainees"
        elif c.dep_ in ("amod", "compound") and tok.pos_ in ("NOUN", "PROPN"):
            # "a possible attack", "the alleged massacre", "a planned offensive": not reported as done
            lemma = c.lemma_.lower()
            if lemma in lex.speculation_frames or lemma in lex.allegation_frames:
                hyp = True
            elif (lemma in lex.intent_frames or lemma in lex.attempt_frames or lemma in lex.future_frames) and not realised:
                fut = True
    if tok.lower_ in INVERTED_CONDITION and tok.dep_ == "advcl" and _before_subject(tok, tok) and not _question(tok):
        hyp = True  # "Were Serbia to recognise Kosovo, ..."
    return neg, hyp, fut, hort, hab


def _negative_quantity(arg: Token, verb: Token, lex: Lexicon) -> bool:
    """"no troops", "not a single soldier", "nobody", "neither Russia nor Ukraine"."""
    if arg.dep_ == "dobj" and any(c.dep_ == "ccomp" for c in verb.children):
        return False  # "promised no jobs would be lost": the parser's object is the clause's subject
    if arg.lower_ in lex.negation:
        return True
    if any(d.dep_ in ("det", "neg", "preconj") and d.lower_ in lex.negation for d in arg.children):
        return True
    # "hardly anyone was arrested", "scarcely a shot was fired", "barely any aid"
    quantifiers = [arg, *(d for d in arg.children if d.dep_ in ("det", "amod"))]
    return any(f"{g.lower_} {q.lower_}" in lex.negation for q in quantifiers for g in q.children if g.dep_ == "advmod")


def _scenario(prep: Token, lex: Lexicon) -> bool:
    """"in the simulation", "under the scenario", "in the war game": an imagined setting."""
    for obj in prep.children:
        if obj.dep_ == "pobj":
            words = {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")}
            if words & lex.scenario_frames:
                return True
    return False


def _conditional_frame(gov: Token, lex: Lexicon) -> bool:
    """"provided that", "assuming", "barring", "in case", "in the event that/of", "on condition that"."""
    if gov.lower_ in lex.conditional_frames and gov.tag_ in ("VBN", "VBG", "IN"):
        # a connective heads a clause ("providing that ..."), not an object ("providing airstrikes")
        deps = {c.dep_ for c in gov.children}
        return not deps & {"nsubj", "nsubjpass", "dobj"} and bool(deps & {"ccomp", "advcl"})
    if gov.dep_ != "pobj" or f"{gov.head.lower_} {gov.lemma_.lower()}" not in lex.conditional_frames:
        return False
    # the fixed phrase only: "in case", "in the event", "on (the) condition" -- not "in a
    # separate case", "in the case of Manafort"
    mods = [c for c in gov.children if c.dep_ in ("det", "amod", "compound", "poss", "nummod")]
    return all(c.dep_ == "det" and c.lower_ == "the" and gov.lemma_.lower() != "case" for c in mods)


STATISTIC_NOUNS = frozenset({"number", "rate", "count", "level", "toll", "tally", "share", "frequency", "incidence"})
MEASURES = frozenset({"by", "to", "from", "since", "between", "over"})


def _statistic(verb: Token, lex: Lexicon) -> bool:
    """"attacks on aid workers rose by 20 percent", "the number of arrests doubled", "raids
    have declined since the fence was built": a count of events changing, no event itself."""
    if verb.lemma_.lower() not in lex.trend_verbs:
        return False
    subj = first_subject(verb)
    if subj is None or subj.pos_ != "NOUN":
        return False
    lemma = subj.lemma_.lower()
    if lemma not in lex.nouns and lemma not in STATISTIC_NOUNS and lemma not in lex.verbs:
        return False
    if verb.lemma_.lower() in ("double", "triple", "quadruple", "halve", "average"):
        return True
    return any(
        (c.dep_ == "prep" and c.lower_ in MEASURES)
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children))
        for c in verb.children
    )


def _comma_participle(child: Token) -> bool:
    """"had not bombed the village, blaming militants": a participle set off by a comma is a
    separate act of the subject, outside the negation of the clause it hangs from."""
    left = child.left_edge.i
    return child.tag_ == "VBG" and first_subject(child) is None and left > 0 and child.doc[left - 1].text == ","


def _before_subject(word: Token, verb: Token) -> bool:
    subj = first_subject(verb)
    return subj is not None and word.i < subj.left_edge.i


def _question(tok: Token) -> bool:
    return tok.sent.text.rstrip().endswith("?")


def _frame_keys(gov: Token, child: Token) -> set[str]:
    """A frame word's lemma and the multi-word frames it forms: with its particle or adverb
    ("ruled out", "stopped short of", "held back from", "instead of", "has yet to"), and
    "<word> to" when its content is an infinitive ("it is time for NATO to deploy")."""
    lemma = gov.lemma_.lower()
    keys = {lemma}
    for c in gov.children:
        if c.dep_ in FRAME_PARTS:
            keys.add(f"{lemma} {c.lemma_.lower()}" if c.i > gov.i else f"{c.lemma_.lower()} {lemma}")
    if (gov.dep_ in FRAME_PARTS or (gov.dep_ == "prep" and gov.head.pos_ == "ADV")) and gov.head != gov:
        head = gov.head.lemma_.lower()  # "came close to", "far from"
        keys.add(f"{head} {lemma}" if gov.head.i < gov.i else f"{lemma} {head}")
    if _infinitive(child):
        keys.add(f"{lemma} to")
    return keys


def _complement_gerund(child: Token, gov: Token) -> bool:
    """"ruled out sending troops": a gerund right after its frame word (the parser's advcl) is its object."""
    if child.tag_ != "VBG" or child.i < gov.i or first_subject(child) is not None:
        return False
    between = range(gov.i + 1, child.left_edge.i)
    return all(gov.doc[i].head == gov and gov.doc[i].dep_ in FRAME_PARTS for i in between)


def _scheduled(gov: Token, keys: set[str], lex: Lexicon) -> bool:
    """"is to visit", "are due to meet", "is about to invade": a plan or an imminent act.
    Plain "be" only as the bare finite verb ("has been in London to attend" is a purpose)."""
    if not keys & lex.future_frames:
        return False
    if gov.lemma_.lower() != "be":
        return True
    return gov.tag_ in ("VBZ", "VBP", "VBD") and not any(
        c.dep_ in ("prep", "attr", "acomp", "oprd", "dobj") for c in gov.children
    )


def modality(trigger: Token, anchor: Token, lex: Lexicon) -> Modality:
    """Flags for the event whose evidence word is ``trigger`` and whose clause verb is ``anchor``."""
    if _presupposed(trigger, anchor):
        # "has to restate its results following a probe by the SEC": the probe happened
        neg, hyp, fut, hort, hab = _own_flags(trigger, lex)
        return Modality(neg, hyp, fut, hab, "hortative" if hort else None, None)
    neg, hyp, fut, hort, hab = _own_flags(anchor, lex)
    historical = False
    if trigger != anchor:
        realised = trigger.dep_ == "dobj" and trigger.head == anchor and _light(anchor, lex)
        n2, h2, f2, o2, b2 = _own_flags(trigger, lex, realised=realised)
        neg, hyp, fut, hort, hab = neg or n2, hyp or h2, fut or f2, hort or o2, hab or b2
    frame: str | None = "hortative" if hort else None
    frame_token: Token | None = None
    if _question(anchor):
        hyp = True
    if _statistic(anchor, lex):
        hab = True
    subject = first_subject(anchor)
    if subject is not None and any(c.dep_ == "prep" and c.lower_ in ("in", "under") and _scenario(c, lex) for c in subject.children):
        hyp = True  # "participants in the war game sank ..."
    if trigger != anchor and trigger.pos_ in ("NOUN", "PROPN"):
        # the noun's own path up to its clause: "in case of an attack", "commemorated the
        # 1990 invasion", "a simulation of an invasion" (not "the war game, the first such
        # exercise": a real exercise named by an appositive)
        for gov, rel in governors(trigger):
            lemma = gov.lemma_.lower()
            if lemma in lex.commemoration_frames:
                historical = True
            if _conditional_frame(gov, lex) or (lemma in lex.scenario_frames and rel == "prep"):
                hyp = True
            if gov == anchor:
                break

    child = anchor
    described = False
    """Past a relative clause the predicate describes an entity of the clause above ("banks
    it had accused", "the operations in which 27 were arrested"): its factuality is its own,
    whatever frames that clause sits in; only a habit is shared."""
    for gov, rel in governors(anchor):
        if rel not in EMBEDDING:
            break
        lemma = gov.lemma_.lower()
        keys = _frame_keys(gov, child)
        if rel == "advcl" and _infinitive(child):
            obj = first_child(gov, "dobj")
            if obj is not None and obj.right_edge.i + 1 == child.left_edge.i:
                # "lacks the means to attack": the infinitive belongs to the object noun
                keys |= _frame_keys(obj, child)
                rel = "acl"
        if rel == "relcl" and keys & lex.hortative_frames and _infinitive(child):
            rel = "acl"  # "it is time for NATO to deploy": the parser's relative clause is the content
        g_neg, g_hyp, g_fut, g_hort, g_hab = _own_flags(gov, lex)
        if rel == "conj":
            # coordinated predicates share auxiliaries and adverbs placed before the first,
            # unless the second is finite on its own ("did not attack ... and accused")
            shares = not (gov.tag_ == "VB" and child.tag_ in ("VBD", "VBZ", "VBP"))
            if first_subject(child) is None and shares and not described:
                neg, hyp, fut, hab = neg or g_neg, hyp or g_hyp, fut or g_fut, hab or g_hab
                hort = hort or g_hort
            elif not shares:
                # "predicted Trump would lose ... and asked voters to": a finite conjunct under a
                # modal verb is the parser's low attachment of a main-clause conjunct
                break
            child = gov
            continue
        if g_hab and rel in ("relcl", "pobj", "prep", "dobj", "acl"):
            # "frequently imposes sanctions on countries it accuses": the description shares the habit
            hab = True
        if lemma in lex.habitual and rel == "xcomp":
            hab = True  # "insurgents tend to attack convoys at dawn"
        if _conditional_frame(gov, lex):
            hyp = True  # "provided that Hamas frees the hostages", "in case the truce collapses"
        if rel == "relcl" and lemma in lex.content_nouns and _that_clause(child):
            rel = "acl"  # "accounts that soldiers had fired": the noun's content, not a description
        if rel == "relcl":
            described = True
        if described:
            child = gov
            continue
        if keys & lex.negating_frames and (
            rel in FRAME_RELS or (rel == "advcl" and (_complement_gerund(child, gov) or _that_clause(child)))
        ):
            neg = True  # "denied sending", "stopped short of imposing", "has yet to ratify"
        if _declared_false(gov, rel, child, lex):
            neg = True  # "accounts of officers beating protesters were untrue", "it was false that"
        if _elapsed_since(child, lex):
            historical = True  # "decades after the US dropped atomic bombs"
        if g_neg and rel in ("xcomp", "ccomp"):
            neg = True
        elif g_neg and rel == "advcl" and _own_flags(gov, lex, arguments=False)[0] and not _comma_participle(child):
            neg = True  # "did not attack, ..." (but "nobody was hurt when troops shelled ..." is no denial)
        if g_hyp and rel in ("xcomp", "advcl", "acl", "pcomp", "ccomp"):
            hyp = True
        if g_fut and rel in ("xcomp", "pcomp"):
            fut = True
        if keys & lex.speculation_frames and rel in FRAME_RELS:
            hyp = True  # "analysts fear an attack", "the risk of a blockade", "is likely to strike"
        if keys & lex.attempt_frames and rel == "ccomp" and gov.pos_ == "VERB":
            hyp = True  # "Palestinians hope the UN will recognise their state": a wish, not a report
        if rel == "xcomp" and _scheduled(gov, keys, lex):
            fut = True  # "is to visit", "are due to meet", "is about to invade"
        if frame is None and rel == "xcomp" and (
            lemma in HORTATIVE_AUX or (lemma == "have" and gov.tag_ != "VBD" and not neg)
        ):
            # "ought to release", "Russia has to withdraw": an obligation, read like the auxiliary
            # "must" (past "had to withdraw" says it was done)
            frame, hyp = "hortative", True
        if rel in ("xcomp", "acl", "pcomp", "prep", "pobj", "dobj", "ccomp") and frame is None:
            if keys & lex.intent_frames and rel != "ccomp":
                frame, frame_token, fut = "intent", gov, True
            elif keys & lex.attempt_frames and rel != "ccomp":
                frame, frame_token, fut = "attempt", gov, True
            elif keys & lex.allegation_frames:
                frame, frame_token, hyp = "allegation", gov, True
            elif keys & lex.hortative_frames or g_hort:
                frame, frame_token, hyp = "hortative", gov, True
                if rel == "xcomp" and gov.pos_ in ("VERB", "AUX") and gov.tag_ != "VBN" and first_child(gov, "dobj") is None:
                    # "Ukraine needs to receive ...": the subject's own obligation, read like "must"
                    # (no one is urged: "urged Iran to release" names whom)
                    frame_token = None
        if lemma in lex.speech and gov.pos_ == "VERB":
            # reported speech is reported fact; stop at the reporting verb's own clause --
            # unless the "speaker" is itself hearsay: "unconfirmed rumours suggested that ..."
            source = first_subject(gov)
            if source is not None and _hearsay(source, lex):
                hyp = True
            if source is not None and (source.lemma_.lower() in lex.falsity or any(
                c.dep_ in ("amod", "compound") and c.lemma_.lower() in lex.falsity for c in source.children
            )):
                neg = True  # the parser's "rejected as lies reports that ...": reports declared false
            break
        child = gov
    if _attributed_to_hearsay(anchor, lex) or _standing_allegation(trigger, lex):
        hyp = True
    if _elapsed_since(anchor, lex) or _elapsed_since(trigger, lex):
        historical = True
    if trigger == anchor and _indirect_question(anchor):
        hyp = True  # "reporters asked if the army had shelled": a question asked requests nothing
    if frame == "hortative":
        hyp = True
    elif hyp and not fut and _reported_would(anchor, lex):
        # "announced that it would withdraw": future in the past, not a hypothesis
        hyp, fut = False, True
    return Modality(neg, hyp, fut, hab, frame, frame_token, historical)


def _light(verb: Token, lex: Lexicon) -> bool:
    entry = lex.verbs.get(verb.lemma_.lower())
    return entry is not None and entry.light


def _reported_would(verb: Token, lex: Lexicon) -> bool:
    """``would`` in the complement of a reporting verb, with no condition attached."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "would" not in aux or aux & {"could", "might", "may"} or verb.sent.text.rstrip().endswith("?"):
        return False
    if any(c.dep_ == "advcl" and any(m.lower_ in lex.conditional_marks for m in c.children) for c in verb.children):
        return False
    return verb.dep_ == "ccomp" and verb.head.lemma_ in lex.speech


def first_subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)


PRESUPPOSING = frozenset({"following", "despite", "amid", "amidst"})
# Verbs whose present passive states an allegation rather than a new act ("is charged with"
# in a news lead usually reports the charging itself, so "charge" is not among them).
STANDING_ALLEGATIONS = frozenset({"accuse", "suspect", "allege", "blame"})


def _presupposed(trigger: Token, anchor: Token) -> bool:
    """An event noun after "following", "despite", "amid" is background the clause takes as given."""
    return (
        trigger != anchor
        and trigger.pos_ in ("NOUN", "PROPN")
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ in PRESUPPOSING
        and trigger.head.head == anchor
    )


def _that_clause(verb: Token) -> bool:
    return any(c.lower_ == "that" and c.i < verb.i for c in verb.children)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _hearsay(noun: Token, lex: Lexicon) -> bool:
    """A source that is a rumour, claim or speculation rather than someone: "rumours",
    "speculation", "unconfirmed accounts"."""
    words = {noun.lemma_.lower()} | {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")}
    return bool(words & (lex.allegation_frames | lex.speculation_frames))


def _attributed_to_hearsay(verb: Token, lex: Lexicon) -> bool:
    """"According to unverified claims, jets bombed a hospital": the clause is only claimed."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "according":
            for to in prep.children:
                if any(o.dep_ == "pobj" and _hearsay(o, lex) for o in to.children):
                    return True
    return False


def _standing_allegation(verb: Token, lex: Lexicon) -> bool:
    """"The militia is accused of massacring villagers": a present passive with no accuser
    states that an allegation stands; it reports no act of accusing."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.allegation_frames or lemma not in STANDING_ALLEGATIONS or verb.tag_ != "VBN":
        return False
    present = any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    return present and not any(c.dep_ == "agent" for c in verb.children)


ASKING = frozenset({"ask", "inquire", "enquire"})


def _indirect_question(verb: Token) -> bool:
    """"Reporters asked if the army had shelled the hospital", "asked the spokesman whether":
    a verb of asking whose content is a question (if/whether) and no one is asked to act."""
    if verb.lemma_.lower() not in ASKING or any(_infinitive(c) for c in verb.children if c.dep_ in ("xcomp", "ccomp")):
        return False
    return any(
        c.dep_ in ("ccomp", "advcl") and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
        for c in verb.children
    )


def _is_false(word: Token, lex: Lexicon) -> bool:
    """"false", "baseless fabrications", "pure fiction", "malicious speculation", "lies"."""
    return word.lemma_.lower() in lex.falsity or any(
        c.dep_ in ("amod", "compound", "conj") and c.lemma_.lower() in lex.falsity for c in word.children
    )


def _declared_false(gov: Token, rel: str, child: Token, lex: Lexicon) -> bool:
    """Is ``child`` (a report or its content) declared untrue by ``gov``?

    * the subject or extraposed clause of a copula with a falsity word: "accounts of officers
      beating protesters were untrue", "it was categorically false that troops had captured";
    * a report labelled false by the verb that takes it: "described as pure fiction reports
      that it had expelled", "called the reports fabrications" (not "described the strike as
      illegal": only words of untruth)."""
    if gov.lemma_.lower() == "be" and rel in ("nsubj", "nsubjpass", "csubj", "ccomp"):
        return any(c.dep_ in ("acomp", "attr") and _is_false(c, lex) for c in gov.children)
    if gov.pos_ == "VERB" and rel in ("dobj", "prep", "pobj") and (
        child.lemma_.lower() in lex.reported_content or (rel == "prep" and child.lower_ == "as")
    ):
        for c in gov.children:
            if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c != child and _is_false(c, lex):
                return True
            if c.dep_ == "prep" and c.lower_ == "as" and any(o.dep_ == "pobj" and _is_false(o, lex) for o in c.children):
                return True
    if rel == "acl" and gov.lemma_.lower() in lex.reported_content:
        # "described the report that Beijing had sanctioned ... as malicious speculation":
        # the parser hangs the label on the content clause
        return any(
            c.dep_ == "prep" and c.lower_ == "as" and any(o.dep_ == "pobj" and _is_false(o, lex) for o in c.children)
            for c in child.children
        )
    return False


def _elapsed_since(tok: Token, lex: Lexicon) -> bool:
    """"Decades after the United States dropped atomic bombs", "years after the invasion":
    a clause or event noun counted from by decades or years lies in the past (not "days
    after", "a year after")."""
    if tok.dep_ == "pobj":
        prep = tok.head
    elif tok.pos_ in ("VERB", "AUX"):
        prep = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in ("after", "since")), None)
        if prep is None:
            return False
        prep = tok  # the measure hangs from the verb: "Decades/npadvmod after/mark ... dropped"
    else:
        return False
    if tok.dep_ == "pobj" and prep.lower_ not in ("after", "since"):
        return False
    for m in prep.children:
        if m.dep_ == "npadvmod" and m.i < tok.i:
            lemma = m.lemma_.lower()
            if lemma in lex.elapsed_units and (lemma != "year" or m.tag_ == "NNS"):
                return True
    return False


def denies_report(verb: Token, lex: Lexicon) -> bool:
    """"rejected as fake news reports that ...", "dismissed as groundless allegations that",
    "rebuffed suggestions that": a rejection whose object is a report denies an account
    (CAMEO 016), which PLOVER does not code -- not "rejected the proposal"."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    for c in verb.children:
        if c.lower_ == "as" and c.dep_ == "prep":
            objs += [o for o in c.children if o.dep_ == "pobj"]
        elif c.dep_ == "advcl" and any(m.lower_ == "as" and m.dep_ == "mark" for m in c.children):
            objs.append(c)  # the parser's "dismissed as baseless fabrications reports/VBZ that"
    return any(o.lemma_.lower() in lex.reported_content for o in objs)
