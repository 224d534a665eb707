"""Walking the dependency parse: who is the subject of a predicate, what it governs.

Shared by the event coder and the date and place resolvers.

spaCy's English parser uses ClearNLP labels (nsubj, dobj, xcomp, ...). These helpers
encode the few grammatical facts the coder needs: control ("China is willing to work"
→ China works), coordination ("threatens and imposes" share a subject), passives,
and relative clauses ("rebels who attacked" → rebels attacked).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

SUBJECT = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT = frozenset({"nsubjpass", "csubjpass"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Verbs whose object is the subject of their infinitive: "urged Iran to release".
OBJECT_CONTROL = frozenset(
    {"urge", "ask", "call", "force", "persuade", "invite", "order", "tell", "encourage", "allow", "help", "press", "warn", "request"}
)
# Dependencies through which a predicate inherits its governor's subject.
INHERITS_SUBJECT = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "relcl"})


def children(tok: Token, *deps: str) -> Iterator[Token]:
    return (c for c in tok.children if c.dep_ in deps)


def first_child(tok: Token, *deps: str) -> Token | None:
    return next(children(tok, *deps), None)


def clause_verb(tok: Token) -> Token:
    """The verb whose clause a noun belongs to ("talks" in "During the talks, X said" → said)."""
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head != tok and seen < 6:
        tok = tok.head
        seen += 1
    return tok


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT or c.dep_ == "auxpass" for c in verb.children)


def agent_heads(verb: Token) -> list[Token]:
    """``by X`` of a passive verb or of an event noun."""
    return [p for a in children(verb, "agent") for p in children(a, "pobj")]


def subject_heads(verb: Token, depth: int = 0) -> list[Token]:
    """The token(s) heading the logical subject of ``verb``, following control and coordination."""
    if depth > 4:
        return []
    subj = first_child(verb, *SUBJECT)
    if subj is not None:
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return [verb.head]
        return [subj]
    if is_passive(verb):
        return agent_heads(verb)
    head = verb.head
    if head == verb or verb.dep_ not in INHERITS_SUBJECT:
        return []
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        if head.dep_ == "ROOT" and first_child(verb, "dobj") is not None:
            # "The Iraqi air force carried out three air strikes": a clause misread as a
            # noun with a participle (the sentence has no other verb); an object shows it
            return [head]
        return []  # "a convoy sent to the area": the noun is what was sent, the sender unknown
    if verb.dep_ == "xcomp" and head.lemma_ in OBJECT_CONTROL:
        obj = first_child(head, "dobj")
        if obj is not None:
            return [obj]
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        # "their readiness to deepen" / "the need to oppose" (needed by the clause's subject)
        poss = first_child(head, "poss")
        if poss is not None:
            return [poss]
        agents = prep_objects(head, "by")
        if agents:
            return agents  # "a proposal by the US to send peacekeepers": the US would send
        return subject_heads(clause_verb(head), depth + 1)
    if verb.dep_ == "pcomp":
        return subject_heads(clause_verb(head), depth + 1)
    return subject_heads(head, depth + 1)


def prep_objects(tok: Token, prep: str) -> list[Token]:
    """Objects of ``tok``'s preposition ``prep`` ("met with X", "sanctions on X")."""
    out: list[Token] = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ == prep:
            out.extend(children(p, "pobj"))
            # coordinated prepositions: "with Russia and with the global community"
            for conj in children(p, "conj"):
                out.extend(children(conj, "pobj"))
    return out


def governors(tok: Token) -> Iterator[tuple[Token, str]]:
    """The chain of predicates above ``tok``, with the relation that links each step."""
    seen = 0
    while tok.head != tok and seen < 8:
        yield tok.head, tok.dep_
        tok = tok.head
        seen += 1


def reporting_gap(trigger: Token) -> tuple[int, int] | None:
    """Token range between a reporting verb and its complement clause's subject.

    In "X said on Saturday in Geneva it had released Y" the parser often hangs the date
    and place on "released"; words in that gap belong to the saying, not the reported event.
    """
    if trigger.dep_ != "ccomp" or trigger.head.i > trigger.i:
        return None
    starts = [c.left_edge.i for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "mark", "expl")]
    if not starts:
        return None
    return trigger.head.i, min(starts)


_VERBAL = ("VERB", "AUX")


def is_nominal(trigger: Token) -> bool:
    """A noun trigger, or a verb form used as one ("Fighting continued on Monday")."""
    return trigger.pos_ not in _VERBAL or trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")


def governing_verb(trigger: Token) -> tuple[Token, Token] | None:
    """The verb whose clause a nominal trigger sits in ("Protests erupted in Kabul": erupted),
    with the child of that verb on the path; None if the noun hangs off something else."""
    tok = trigger
    for _ in range(6):
        if tok.dep_ == "ROOT" or tok.head == tok:
            return None
        if tok.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"):
            return None
        if tok.head.pos_ in _VERBAL:
            return tok.head, tok
        tok = tok.head
    return None


# ---------------------------------------------------------------------- dyads
# Where the other side of an event hides when it is not a plain object of the verb.

LIST_ENTS = frozenset({"GPE", "ORG", "NORP"})
# Prepositions through which a thing names whom it is aimed at or who it comes from:
# "aid to Mozambique", "sanctions on Iran", "a request from the Times", "the proposal by X",
# "the blockade of Yemen".
TARGET_PREPS = ("to", "on", "against", "for", "with", "from", "by", "of", "into", "upon", "toward", "towards")
# Prepositions that place a group: "refugees in Liberia", "migrants from Syria".
PLACE_PREPS = frozenset({"in", "from"})


def is_list_apposition(tok: Token) -> bool:
    """Is this "appos" really the next item of a list?

    In "The US, Russia, and Switzerland met" the small model hangs "Russia" on "US" as an
    apposition and "Switzerland" on "Russia" as its conjunct, so following ``conj`` alone
    loses "Russia" and "Switzerland". A true apposition renames its head ("Lavrov, Russia's
    foreign minister", "Kabul, Afghanistan") and does not start a coordination of its own;
    a named state or body that does ("Russia, and Switzerland") is a list item.
    """
    if tok.dep_ != "appos" or tok.head == tok:
        return False
    if not any(c.dep_ == "conj" for c in tok.children):
        return False
    named = tok.ent_type_ in LIST_ENTS or (tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON")
    return named and tok.head.ent_type_ != "PERSON"


def coordinated(head: Token) -> list[Token]:
    """``head`` first, then every item coordinated with it, including list items the parser
    mislabelled as appositions ("The US, Russia, and Switzerland")."""
    out = [head]
    k = 0
    while k < len(out):
        for c in out[k].rights:
            if (c.dep_ == "conj" or is_list_apposition(c)) and c not in out:
                out.append(c)
        k += 1
    return out


def attached_targets(noun: Token) -> list[Token]:
    """Nouns through which ``noun`` says whom it concerns or whose it is.

    The parser often hangs an event's recipient on the object rather than on the verb
    ("continue military aid | to Mozambique", "lift embargoes | on sales to Iran"), on a
    reduced relative ("a travel ban | imposed on Chadian citizens"), or leaves it as the
    possessor ("Lebanon's president", "Saudi Arabia's blockade of Qatar"); the agent of a
    reported act ("accusations by the US", "an offer from Kabul") is whom rejecting or
    accepting it answers.
    """
    out = list(children(noun, "poss"))
    for prep in TARGET_PREPS:
        out += prep_objects(noun, prep)
    for acl in children(noun, "acl"):
        if acl.tag_ == "VBN":  # "sanctions imposed on China" (but not "imposed by the UN")
            for prep in TARGET_PREPS:
                if prep != "by":
                    out += prep_objects(acl, prep)
    return out


def clause_objects(verb: Token, depth: int = 2) -> list[Token]:
    """Objects of the infinitives a verb hands its content or purpose to: "offered [to
    negotiate with X]" aside, "donated ventilators [to assist Ethiopia]", "pledged $500
    million [to help [rebuild Ukraine's grid]]", and whoever such an infinitive helps or
    lets act ("earmarked aid [to help Haiti cope]"). They are who the act is for."""
    out: list[Token] = []
    frontier = [verb]
    for _ in range(depth):
        frontier = [c for v in frontier for c in children(v, "xcomp", "advcl") if c.tag_ == "VB"]
        for clause in frontier:
            out += children(clause, "dobj")
            if clause.lemma_ in OBJECT_CONTROL:  # "help Haiti cope": Haiti is helped
                out += [s for comp in children(clause, "ccomp", "xcomp") for s in children(comp, "nsubj")]
    return out


def place_objects(noun: Token, depth: int = 3) -> list[Token]:
    """Places said of a noun within its own phrase: "refugees [fleeing the war] in Liberia",
    "people in Somalia, Ethiopia and Kenya", "migrants from Syria". A group noun with no
    country of its own ("refugees") takes its country from these; places of the clause
    ("protested in Cairo") are not the noun's and are not returned."""
    out: list[Token] = []
    frontier = [noun]
    for _ in range(depth):
        nxt: list[Token] = []
        for tok in frontier:
            for c in tok.children:
                if c.dep_ == "prep":
                    for pobj in children(c, "pobj"):
                        if c.lower_ in PLACE_PREPS:
                            out += coordinated(pobj)
                        nxt.append(pobj)
                elif c.dep_ in ("acl", "relcl", "dobj"):
                    nxt.append(c)
        frontier = nxt
    return out


def example_objects(noun: Token) -> list[Token]:
    """Members a group noun is illustrated by: "partners like Saudi Arabia", "donors such as
    Japan and Germany", "groups including Hamas". When the group itself names no one, its
    examples are the actors the sentence points at."""
    out: list[Token] = []
    for p in children(noun, "prep"):
        low = p.lower_
        if low in ("like", "including") or (low == "as" and any(c.lower_ == "such" for c in p.children)):
            for pobj in children(p, "pobj"):
                out += coordinated(pobj)
    return out


def misattached_list_item(head: Token, conj: Token) -> bool:
    """Is ``conj`` the last item of a list inside ``head``'s "of" phrase that the parser
    hung on ``head`` instead? In "the foreign ministers of Egypt, Jordan, and Saudi Arabia"
    "Saudi Arabia" is parsed as a conjunct of "ministers", though it is a third country
    whose minister met. Only a name after an "of" list of names qualifies."""
    if conj.dep_ != "conj" or conj.head != head or head.pos_ != "NOUN" or conj.pos_ != "PROPN":
        return False
    if conj.ent_type_ not in ("GPE", "NORP", "ORG"):
        return False
    for pobj in prep_objects(head, "of"):
        items = coordinated(pobj)
        if len(items) > 1 and all(t.pos_ == "PROPN" for t in items) and items[-1].i < conj.i:
            return True
    return False


def addressee_of_message(verb: Token) -> list[Token]:
    """Whom a participle describing a message is addressed to: "sent a letter to the WHO
    threatening to cut funding" (the WHO is threatened), "wrote to Kenya's president,
    warning that ...". The participle hangs on the sending verb (advcl) or on the message
    (acl); the addressee is the "to" object of either."""
    if verb.tag_ != "VBG":
        return []
    if verb.dep_ == "advcl":
        return prep_objects(verb.head, "to")
    if verb.dep_ == "acl":
        return prep_objects(verb.head, "to") + prep_objects(verb.head.head, "to")
    return []
