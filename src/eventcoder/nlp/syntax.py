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
